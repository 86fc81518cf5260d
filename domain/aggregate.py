"""The shared machinery of Pathway's case streams: decide, then record.

`decide` runs the guards and returns a sealed event, or raises. `apply` only assigns
state (it never checks a rule), so old streams replay even after the law changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import Any, ClassVar, Self
from uuid import UUID

from pydantic import BaseModel, TypeAdapter

from domain.commands import Command, with_new_id
from domain.errors import DomainValidationError, StepRefusedError
from domain.events.base import GENESIS_HASH, DomainEvent
from domain.guards import Actor, Decision, GuardKind, Refusal
from domain.instruments import LABELS, Kind, S, initial_state
from domain.links import StreamFacts, linked_facts
from domain.recording import check_not_in_future, open_stream, record
from domain.records import Correction, Instrument, LinkedIncident, Note, Override, Share
from domain.registry import GUARDS, guards_for
from domain.rulesets import RuleBook
from domain.steps import OPENERS
from domain.stepspec import StepSpec

Applier = Callable[[Any, Any], None]


class CaseStream:
    """A pathway or a place: instruments, notes, overrides and corrections over a log."""

    KIND: ClassVar[str] = ""
    #: The step that opens a stream of this kind.
    OPENER: ClassVar[str] = ""
    STEPS: ClassVar[dict[str, StepSpec]] = {}
    EVENTS: ClassVar[dict[str, type[DomainEvent]]] = {}
    APPLIERS: ClassVar[dict[str, Applier]] = {}

    def __init__(self, id: UUID) -> None:
        self.id = id
        self.version = 0
        self.head_hash = GENESIS_HASH
        self.opened_at: datetime | None = None
        self.instruments: dict[UUID, Instrument] = {}
        self.incidents: list[LinkedIncident] = []
        self.notes: list[Note] = []
        self.overrides: list[Override] = []
        self.corrections: list[Correction] = []
        #: The agency that opened the case (the controller of its record).
        self.owner_agency = ""
        #: Partner agencies the case is shared with, by agency.
        self.shares: dict[str, Share] = {}

    @classmethod
    def open(cls, stream_id: UUID, cmd: Command, actor: Actor, now: datetime,
             rule_book: RuleBook, known: Mapping[UUID, StreamFacts] | None = None) -> DomainEvent:
        """The event opening a new stream of this kind."""
        return open_stream(cls.EVENTS[cls.OPENER], OPENERS[cls.OPENER], cls.KIND, stream_id, cmd,
                           actor, now, rule_book, known or {})

    # ------------------------------------------------------------------ replay
    def apply(self, event: DomainEvent) -> None:
        if self.version == 0:
            self.owner_agency = event.agency
        self.APPLIERS[event.step](self, event)
        self.version = event.originator_version
        self.head_hash = event.hash
        for used in event.overrides_used:
            self.overrides = [
                o.model_copy(update={"used_by_version": event.originator_version})
                if o.id == used else o
                for o in self.overrides
            ]

    def copy(self) -> Self:
        """A copy safe to evolve further without touching this one (records are frozen)."""
        clone = object.__new__(type(self))
        for key, value in self.__dict__.items():
            if isinstance(value, dict):
                value = dict(value)
            elif isinstance(value, list):
                value = list(value)
            clone.__dict__[key] = value
        return clone

    # ------------------------------------------------------------------ queries
    def of_kind(self, *kinds: Kind) -> list[Instrument]:
        return [i for i in self.instruments.values() if i.kind in kinds]

    def notes_of(self, kind: str, before: datetime | None = None) -> list[Note]:
        return [
            n for n in self.notes
            if n.kind == kind and (before is None or n.occurred_at <= before)
        ]

    def unused_override(self, step: str, code: str) -> Override | None:
        for o in self.overrides:
            if o.for_step == step and o.guard_code == code and o.used_by_version is None:
                return o
        return None

    # ------------------------------------------------------------------ decide
    def decide(
        self, cmd: Command, actor: Actor, now: datetime, rule_book: RuleBook,
        known: Mapping[UUID, StreamFacts] | None = None,
    ) -> DomainEvent:
        """Decide `cmd`. `known` holds the facts of the other streams it names (incidents,
        places), as loaded by the caller: a name missing from it is an unknown stream."""
        spec = self.STEPS.get(cmd.step)
        if spec is None:
            raise DomainValidationError.single(
                "step", f"{cmd.step!r} is not a step of a {self.KIND}; "
                f"expected one of: {', '.join(sorted(self.STEPS))}"
            )
        check_not_in_future(cmd.occurred_at, now)
        cmd = with_new_id(cmd, self.id, self.version + 1)
        targets = self._resolve_targets(spec, cmd)
        derived = linked_facts(spec.refers, cmd, known or {})
        self._validate(cmd)
        rule_set = rule_book.for_moment(cmd.occurred_at)
        decision = Decision(self, spec.name, cmd.occurred_at, rule_set, actor, cmd, targets)
        refusals, used = self.evaluate(decision)
        if refusals:
            raise StepRefusedError(spec.name, refusals)
        return record(self.EVENTS[spec.name], spec, cmd, stream_id=self.id,
                      version=self.version + 1, prev_hash=self.head_hash, actor=actor, now=now,
                      rule_set=rule_set, overrides_used=used, derived=derived,
                      basis=spec.basis_for(cmd, tuple(t.kind for t in targets.values())))

    def evaluate(self, decision: Decision) -> tuple[list[Refusal], list[UUID]]:
        refusals: list[Refusal] = []
        used: list[UUID] = []
        for g in guards_for(decision.step):
            refusal = g.evaluate(decision)
            if refusal is None:
                continue
            if refusal.kind is GuardKind.SOFT:
                override = self.unused_override(decision.step, refusal.code)
                if override is not None:
                    used.append(override.id)
                    continue
            refusals.append(refusal)
        return refusals, used

    def _resolve_targets(self, spec: StepSpec, cmd: Command) -> dict[str, Instrument]:
        targets: dict[str, Instrument] = {}
        for target in spec.targets:
            ref = cmd.__dict__.get(target.field)
            if ref is None:
                if target.optional:
                    continue
                raise DomainValidationError.single(target.field, "required")
            found = self.instruments.get(ref)
            kinds = " or ".join(LABELS[k] for k in sorted(target.kinds, key=lambda k: k.value))
            if found is None:
                raise DomainValidationError.single(
                    target.field, f"no {kinds} with id {ref} on this {self.KIND}"
                )
            if found.kind not in target.kinds:
                raise DomainValidationError.single(
                    target.field, f"{ref} is a {LABELS[found.kind]}, expected a {kinds}"
                )
            targets[target.field] = found
        return targets

    def entry_with_id(self, id: UUID) -> int | None:
        """The entry (version) that first recorded something under `id`: an instrument or
        referral, a note, an override or a linked incident. None if the id is unused."""
        found = [i.opened_version for i in self.instruments.values() if i.id == id]
        found += [n.version for n in self.notes if n.id == id and n.kind != "outcome_review"]
        found += [o.version for o in self.overrides if o.id == id]
        found += [i.version for i in self.incidents if i.incident_id == id]
        return min(found, default=None)

    def _validate(self, cmd: Command) -> None:
        """Field rules that need the stream's history (not the law): e.g. known versions."""
        for field in ("corrected_version", "relates_to_version"):
            version = cmd.__dict__.get(field)
            if version is not None and version > self.version:
                raise DomainValidationError.single(
                    field, f"must name an existing entry (1..{self.version})"
                )
        self._validate_sharing(cmd)
        if cmd.step == "override_authorised":
            for_step = getattr(cmd, "for_step")
            code = getattr(cmd, "guard_code")
            soft = [g.code for g in guards_for(for_step) if g.kind is GuardKind.SOFT]
            if for_step not in self.STEPS:
                raise DomainValidationError.single("for_step", f"{for_step!r} is not a step of a {self.KIND}")
            if code not in soft:
                raise DomainValidationError.single(
                    "guard_code",
                    f"must name a SOFT guard of {for_step}: {', '.join(soft) or 'it has none'}"
                    + (" (HARD guards cannot be overridden)"
                       if code in GUARDS and GUARDS[code].kind is GuardKind.HARD else ""),
                )

    def _validate_sharing(self, cmd: Command) -> None:
        partner = cmd.__dict__.get("partner_agency")
        if cmd.step == "sharing_agreed" and partner == self.owner_agency:
            raise DomainValidationError.single(
                "partner_agency", f"{partner} opened this {self.KIND}: it is not a partner")
        if cmd.step == "sharing_agreed":
            until = cmd.__dict__.get("until")
            if until is not None and until < cmd.occurred_at.date():
                raise DomainValidationError.single("until", "must not be before occurred_at")
        if cmd.step == "sharing_revoked" and partner not in self.shares:
            shared = ", ".join(sorted(self.shares)) or "no partner agency"
            raise DomainValidationError.single(
                "partner_agency", f"this {self.KIND} is not shared with {partner} "
                f"(it is shared with {shared})")

    def shared_with(self, agency: str, on: date) -> bool:
        """Whether `agency` may see this case on `on` under a sharing agreement."""
        share = self.shares.get(agency)
        return share is not None and share.in_force(on)

    # ------------------------------------------------------------------ snapshot
    _STATE_FIELDS: ClassVar[dict[str, TypeAdapter[Any]]] = {
        "instruments": TypeAdapter(dict[UUID, Instrument]),
        "incidents": TypeAdapter(list[LinkedIncident]),
        "notes": TypeAdapter(list[Note]),
        "overrides": TypeAdapter(list[Override]),
        "corrections": TypeAdapter(list[Correction]),
        "opened_at": TypeAdapter(datetime | None),
        "owner_agency": TypeAdapter(str),
        "shares": TypeAdapter(dict[str, Share]),
    }
    #: State added after snapshots were first taken: defaults for older snapshots.
    _STATE_DEFAULTS: ClassVar[dict[str, Any]] = {"owner_agency": "", "shares": {}}

    def to_state(self) -> dict[str, Any]:
        state: dict[str, Any] = {"version": self.version, "head_hash": self.head_hash}
        for name, adapter in self._STATE_FIELDS.items():
            state[name] = adapter.dump_python(getattr(self, name), mode="json")
        return state

    @classmethod
    def from_state(cls, id: UUID, state: dict[str, Any]) -> CaseStream:
        agg = cls(id)
        agg.version = state["version"]
        agg.head_hash = state["head_hash"]
        for name, adapter in cls._STATE_FIELDS.items():
            value = state.get(name, cls._STATE_DEFAULTS.get(name))
            setattr(agg, name, adapter.validate_python(value))
        return agg

    # ------------------------------------------------------------------ appliers
    def _open(self, e: Any, kind: Kind, **fields: Any) -> None:
        state = initial_state(kind)
        self.instruments[e.instrument_id if kind is not Kind.REFERRAL else e.referral_id] = Instrument(
            id=e.instrument_id if kind is not Kind.REFERRAL else e.referral_id,
            kind=kind,
            state=state,
            opened_version=e.originator_version,
            opened_at=e.occurred_at,
            rule_set=e.rule_set,
            history=((e.originator_version, state, e.occurred_at),),
            **fields,
        )

    def _move(self, id: UUID, e: DomainEvent, state: S | None = None, **changes: Any) -> None:
        current = self.instruments[id]
        self.instruments[id] = current.moved(
            e.originator_version, state or current.state, e.occurred_at, **changes
        )

    def _note(self, e: Any, kind: str, id: UUID, about: str | None = None, flag: bool = False) -> None:
        self.notes.append(
            Note(id=id, version=e.originator_version, occurred_at=e.occurred_at, kind=kind,
                 about_step=about, flag=flag)
        )


def _referral_status(e: Any) -> S:
    return S(e.status)


SHARED_APPLIERS: dict[str, Applier] = {
    "incident_linked": lambda a, e: a.incidents.append(
        LinkedIncident(incident_id=e.incident_id, occurred_at=e.incident_occurred_at,
                       conduct=e.conduct, category=e.incident_category,
                       version=e.originator_version)
    ),
    "consultation_recorded": lambda a, e: a._note(e, f"consultation:{e.body}", e.consultation_id,
                                                  e.about_step),
    "proportionality_assessed": lambda a, e: a._note(e, "assessment", e.assessment_id, e.for_step,
                                                     e.disability_indicated),
    "support_referral_made": lambda a, e: a._open(e, Kind.REFERRAL, detail=f"{e.service} ({e.need.value})"),
    "support_referral_updated": lambda a, e: a._move(e.referral_id, e, _referral_status(e)),
    "override_authorised": lambda a, e: a.overrides.append(
        Override(id=e.override_id, version=e.originator_version, for_step=e.for_step,
                 guard_code=e.guard_code, reason=e.reason, actor=e.actor)
    ),
    "entry_corrected": lambda a, e: a.corrections.append(
        Correction(version=e.originator_version, corrected_version=e.corrected_version,
                   correction=e.correction, reason=e.reason)
    ),
    "evidence_attached": lambda a, e: None,
    "sharing_agreed": lambda a, e: a.shares.__setitem__(e.partner_agency, Share(
        partner_agency=e.partner_agency, purpose=e.purpose, gateway=e.gateway,
        agreed_by=e.agreed_by, agreed_version=e.originator_version, until=e.until)),
    "sharing_revoked": lambda a, e: a.shares.pop(e.partner_agency, None),
}


def replay(factory: Callable[[UUID], CaseStream], events: Iterable[DomainEvent]) -> CaseStream | None:
    agg: CaseStream | None = None
    for event in events:
        if agg is None:
            agg = factory(event.originator_id)
        agg.apply(event)
    return agg


def field_of(model: BaseModel | None, name: str) -> Any:
    return None if model is None else getattr(model, name, None)
