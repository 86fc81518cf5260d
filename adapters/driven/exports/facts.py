"""What the builders need to know about a case, indexed once from its events.

Pure: takes a `CaseLog`, reads nothing else.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from adapters.driven.exports.log import CaseLog
from adapters.driven.exports.text import row_id, short_id
from domain import steps
from domain.calendar import age_on, local_date
from domain.events.base import DomainEvent
from domain.instruments import SHORT_LABELS, Kind

@dataclass
class CaseFacts:
    log: CaseLog
    kind: str
    subject_name: str = ""
    date_of_birth: date | None = None
    vulnerabilities: tuple[str, ...] = ()
    issue_tags: tuple[str, ...] = ()
    place_name: str = ""
    conduct_summary: str = ""
    by_version: dict[int, DomainEvent] = field(default_factory=dict)
    #: instrument or referral id -> the event that opened it
    opened: dict[UUID, DomainEvent] = field(default_factory=dict)
    #: instrument id -> every event naming it (opening event first)
    about: dict[UUID, list[DomainEvent]] = field(default_factory=lambda: defaultdict(list))
    corrections: dict[int, list[DomainEvent]] = field(default_factory=lambda: defaultdict(list))
    attachments: dict[int, list[DomainEvent]] = field(default_factory=lambda: defaultdict(list))
    links: dict[UUID, list[DomainEvent]] = field(default_factory=lambda: defaultdict(list))
    overrides: dict[UUID, DomainEvent] = field(default_factory=dict)
    #: CPWs, in order; CPW id -> when the first CPN on it was issued
    warnings: list[Any] = field(default_factory=list)
    escalated_at: dict[UUID, Any] = field(default_factory=dict)
    #: incident id -> breach events that name it
    breaches_of_incident: dict[UUID, list[DomainEvent]] = field(
        default_factory=lambda: defaultdict(list))
    #: user id -> how documents name them ("PC 1234 Jo Reid, Marlshire Police")
    names: dict[str, str] = field(default_factory=dict)
    _replayed: dict[int, Any] = field(default_factory=dict, repr=False)

    def name_of(self, user_id: str) -> str:
        """The user's document name, else the id itself."""
        return self.names.get(user_id, user_id)

    def person(self, e: DomainEvent) -> str:
        """Who acted: their document name, else `id (role, rank, agency)`."""
        if e.actor in self.names:
            return self.names[e.actor]
        rank = f", {e.rank.replace('_', ' ')}" if e.rank else ""
        return f"{e.actor} ({e.role}{rank}, {e.agency})"

    def officer(self, e: DomainEvent) -> str:
        """The chronology's officer cell: their document name (without the agency, which
        has its own column), else `id (rank)`."""
        if e.actor in self.names:
            return self.names[e.actor].removesuffix(f", {e.agency}")
        return e.actor + (f" ({e.rank.replace('_', ' ')})" if e.rank else "")

    @property
    def case_ref(self) -> str:
        return f"{'PW' if self.kind == 'pathway' else 'PL'}-{short_id(self.log.stream_id).upper()}"

    @property
    def title_name(self) -> str:
        return self.subject_name if self.kind == "pathway" else self.place_name

    def row(self, event: DomainEvent) -> str:
        return row_id(event.originator_id, event.originator_version)

    def instrument_row(self, instrument_id: UUID | None) -> str:
        e = self.opened.get(instrument_id) if instrument_id else None
        return self.row(e) if e is not None else ""

    def instrument_label(self, instrument_id: UUID | None) -> str:
        e = self.opened.get(instrument_id) if instrument_id else None
        if e is None:
            return "an instrument not in this log"
        name = _short_label(e.step)
        return f"the {name} of {_day(e)} (row {self.row(e)})"

    def opened_detail(self, referral_id: UUID) -> str:
        e: Any = self.opened.get(referral_id)
        return getattr(e, "service", "") or "not in this log"

    def age_at(self, event: DomainEvent) -> int | None:
        if self.date_of_birth is None:
            return None
        return age_on(self.date_of_birth, local_date(event.occurred_at))

    def before(self, event: DomainEvent, *steps: str) -> list[DomainEvent]:
        """Case events of `steps` that happened no later than `event` (and are not it)."""
        return [e for e in self.log.events
                if e.step in steps and e.occurred_at <= event.occurred_at
                and e.originator_version != event.originator_version]

    def case_before(self, event: DomainEvent) -> Any:
        """The pathway or place as the engine saw it when deciding `event`: its stream
        replayed up to the entry before it (None for an incident's own event)."""
        from domain.aggregate import replay
        from domain.model import Pathway, Place

        if event.originator_id != self.log.stream_id:
            return None
        version = event.originator_version
        if version not in self._replayed:
            before = [x for x in self.log.events if x.originator_version < version]
            cls = Pathway if self.kind == "pathway" else Place
            self._replayed[version] = replay(cls, before) if before else None
        return self._replayed[version]

    def incident_events(self) -> list[DomainEvent]:
        return [events[0] for events in self.log.incidents.values() if events]


def _short_label(step: str) -> str:
    """How a bundle calls what the step opened: 'CPN', 'closure order', 'referral'."""
    spec = steps.ALL.get(step)
    opened = spec.opens if spec is not None else None
    return SHORT_LABELS[opened] if opened is not None else SHORT_LABELS[Kind.REFERRAL]


def _opens_instrument(step: str) -> bool:
    spec = steps.ALL.get(step)
    return spec is not None and spec.opens is not None and spec.opens is not Kind.REFERRAL


def _day(e: DomainEvent) -> str:
    from adapters.driven.exports.text import day

    return day(e.occurred_at)


def index(log: CaseLog, names: dict[str, str] | None = None) -> CaseFacts:
    facts = CaseFacts(log=log, kind=log.kind, names=dict(names or {}))
    for e in log.events:
        facts.by_version[e.originator_version] = e
        step = e.step
        data: Any = e
        if step == steps.PATHWAY_OPENED:
            facts.subject_name = data.subject.name
            facts.date_of_birth = data.subject.date_of_birth
            facts.vulnerabilities = tuple(data.subject.vulnerabilities)
            facts.issue_tags = tuple(data.issue_tags)
            facts.conduct_summary = data.conduct_summary
        elif step == steps.PLACE_REGISTERED:
            facts.place_name = data.name
        elif step == steps.ENTRY_CORRECTED:
            facts.corrections[data.corrected_version].append(e)
        elif step == steps.EVIDENCE_ATTACHED and data.relates_to_version is not None:
            facts.attachments[data.relates_to_version].append(e)
        elif step == steps.INCIDENT_LINKED:
            facts.links[data.incident_id].append(e)
        elif step == steps.OVERRIDE_AUTHORISED:
            facts.overrides[data.override_id] = e
        if _opens_instrument(step) and getattr(data, "instrument_id", None) is not None:
            facts.opened.setdefault(data.instrument_id, e)
        if step == steps.SUPPORT_REFERRAL_MADE:
            facts.opened.setdefault(data.referral_id, e)
        for name in ("instrument_id", "referral_id"):
            target = getattr(data, name, None)
            if target is not None:
                facts.about[target].append(e)
        if step == steps.CPW_ISSUED:
            facts.warnings.append(e)
        elif step == steps.CPN_ISSUED:
            facts.escalated_at.setdefault(data.warning_id, e.occurred_at)
        if step == steps.BREACH_RECORDED and data.incident_id is not None:
            facts.breaches_of_incident[data.incident_id].append(e)
    return facts
