"""The Pathway aggregate: one subject person's enforcement and support history."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar
from uuid import UUID

from pydantic import TypeAdapter

from domain import steps
from domain.aggregate import SHARED_APPLIERS, Applier, CaseStream
from domain.calendar import age_on, local_date
from domain.commands import Command
from domain.errors import DomainValidationError
from domain.events import PERSON_EVENTS
from domain.events.base import ERASED
from domain.events.fields_privacy import Restriction
from domain.instruments import SEVERITY, Kind, S, is_live
from domain.records import Instrument
from domain.values import Subject


class Pathway(CaseStream):
    KIND = "pathway"
    OPENER = "pathway_opened"
    STEPS = {k: v for k, v in steps.PERSON.items()}
    EVENTS = PERSON_EVENTS

    def __init__(self, id: UUID) -> None:
        super().__init__(id)
        self.subject: Subject | None = None
        self.conduct_summary = ""
        self.issue_tags: tuple[str, ...] = ()
        self.closed_outcome: str | None = None
        #: A restriction of processing in force (UK GDPR Art 18), or None.
        self.restriction: Restriction | None = None

    def _validate(self, cmd: Command) -> None:
        super()._validate(cmd)
        dob = self.subject.date_of_birth if self.subject else None
        if dob is not None and local_date(cmd.occurred_at) < dob:
            raise DomainValidationError.single(
                "occurred_at", "must not be before the subject's date of birth"
            )

    def age_at(self, at: datetime) -> int | None:
        if self.subject is None or self.subject.date_of_birth is None:
            return None
        return age_on(self.subject.date_of_birth, local_date(at))

    def live(self, *kinds: Kind) -> list[Instrument]:
        return [i for i in self.of_kind(*kinds) if is_live(i.state)]

    def escalation_level(self, now: datetime) -> str:
        """The most severe live instrument (expired ones no longer count)."""
        if self.closed_outcome is not None:
            return f"closed ({self.closed_outcome})"
        live = [
            i for i in self.instruments.values()
            if i.kind is not Kind.REFERRAL and is_live(i.state)
            and (i.expires_on is None or i.expires_on >= local_date(now))
        ]
        if not live:
            return "early_intervention" if self.notes_of("early_intervention") else "none"
        return max(live, key=lambda i: (SEVERITY[i.kind], i.opened_version)).kind.value

    _SUBJECT = TypeAdapter(Subject | None)
    _RESTRICTION = TypeAdapter(Restriction | None)

    def to_state(self) -> dict[str, Any]:
        state = super().to_state()
        state["subject"] = self._SUBJECT.dump_python(self.subject, mode="json")
        state["conduct_summary"] = self.conduct_summary
        state["issue_tags"] = list(self.issue_tags)
        state["closed_outcome"] = self.closed_outcome
        state["restriction"] = self._RESTRICTION.dump_python(self.restriction, mode="json")
        return state

    @classmethod
    def from_state(cls, id: UUID, state: dict[str, Any]) -> Pathway:
        agg = super().from_state(id, state)
        assert isinstance(agg, Pathway)
        agg.subject = cls._SUBJECT.validate_python(state["subject"])
        agg.conduct_summary = state["conduct_summary"]
        agg.issue_tags = tuple(state["issue_tags"])
        agg.closed_outcome = state["closed_outcome"]
        agg.restriction = cls._RESTRICTION.validate_python(state.get("restriction"))
        return agg

    APPLIERS: ClassVar[dict[str, Applier]] = {}


def _opened(p: Pathway, e: Any) -> None:
    p.subject = e.subject
    p.conduct_summary = e.conduct_summary
    p.issue_tags = e.issue_tags
    p.opened_at = e.occurred_at


def _closed(p: Pathway, e: Any) -> None:
    p.closed_outcome = e.outcome


def _granted(p: Pathway, e: Any) -> None:
    current = p.instruments[e.instrument_id]
    p._move(
        e.instrument_id, e, S.INTERIM if e.interim else S.GRANTED,
        interim=e.interim, expires_on=e.expires_on, granted_on=local_date(e.occurred_at),
        power_of_arrest=e.power_of_arrest,
        power_of_arrest_expires_on=e.power_of_arrest_expires_on,
        power_of_arrest_ground=e.power_of_arrest_ground or current.power_of_arrest_ground,
        power_of_arrest_terms=e.power_of_arrest_terms,
        terms=e.terms or current.terms,
        positive_requirements=e.positive_requirements or current.positive_requirements,
        supervisor=e.supervisor or current.supervisor,
    )


def _varied(p: Pathway, e: Any) -> None:
    changes: dict[str, Any] = {"detail": e.changes}
    if e.expires_on is not None:
        changes["expires_on"] = e.expires_on
    if e.power_of_arrest is not None:
        changes["power_of_arrest"] = e.power_of_arrest
    if e.power_of_arrest_ground is not None:
        changes["power_of_arrest_ground"] = e.power_of_arrest_ground
    p._move(e.instrument_id, e, **changes)


def _breach(p: Pathway, e: Any) -> None:
    current = p.instruments[e.instrument_id]
    keeps = (current.kind in (Kind.INJUNCTION, Kind.RESPECT_ORDER)
             or current.state is S.APPEAL_PENDING)
    state = current.state if keeps else S.BREACHED
    p._move(e.instrument_id, e, state, breaches=(*current.breaches, e.originator_version))


def _arrested(p: Pathway, e: Any) -> None:
    p._open(e, Kind.ARREST, parent_id=e.injunction_id, power=e.power,
            applicant_informed_at=e.occurred_at if e.applicant_informed else None)


def _informed(p: Pathway, e: Any) -> None:
    current = p.instruments[e.instrument_id]
    p._move(e.instrument_id, e, applicant_informed_at=current.applicant_informed_at or e.occurred_at)


def _prosecution(p: Pathway, e: Any) -> None:
    p._open(e, Kind.PROSECUTION, parent_id=e.relates_to, detail=e.offence)
    related = p.instruments.get(e.relates_to) if e.relates_to is not None else None
    if related is not None and related.kind is Kind.FPN and related.state is S.ISSUED:
        p._move(related.id, e, S.PROSECUTED)


def _cbo_varied(p: Pathway, e: Any) -> None:
    current = p.instruments[e.instrument_id]
    changes: dict[str, Any] = {"detail": e.changes,
                               "varied_at": (*current.varied_at, e.occurred_at)}
    if e.expires_on is not None:
        changes["expires_on"] = e.expires_on
    if e.prohibitions:
        changes["terms"] = e.prohibitions
    if e.requirements:
        changes["positive_requirements"] = e.requirements
    if e.supervisor:
        changes["supervisor"] = e.supervisor
    p._move(e.instrument_id, e, **changes)


def _cbo_reviewed(p: Pathway, e: Any) -> None:
    current = p.instruments[e.instrument_id]
    p._move(e.instrument_id, e, detail=e.compliance,
            reviewed_at=(*current.reviewed_at, e.occurred_at))


def _respect_granted(p: Pathway, e: Any) -> None:
    current = p.instruments[e.instrument_id]
    p._move(e.instrument_id, e, S.INTERIM if e.interim else S.GRANTED, interim=e.interim,
            expires_on=e.expires_on, granted_on=local_date(e.occurred_at),
            terms=e.prohibitions or current.terms,
            positive_requirements=e.requirements or current.positive_requirements,
            supervisor=e.supervisor or current.supervisor)


def _cpn(p: Pathway, e: Any) -> None:
    p._open(e, Kind.CPN, parent_id=e.warning_id, conduct=e.conduct, comply_by=e.comply_by,
            conduct_categories=e.conduct_categories,
            terms=e.requirements, term_kinds=e.requirement_kinds, expires_on=e.expires_on)
    p._move(e.warning_id, e, S.ESCALATED)


def _erased(p: Pathway, e: Any) -> None:
    """The aggregate keeps no more of the subject than the erased log does."""
    pseudonym = p.subject.pseudonym if p.subject is not None else None
    p.subject = Subject(name=ERASED, pseudonym=pseudonym)
    p.conduct_summary = ERASED


def _restricted(p: Pathway, e: Any) -> None:
    p.restriction = Restriction(since=e.occurred_at, ground=e.ground, reason=e.reason)


Pathway.APPLIERS = SHARED_APPLIERS | {
    "pathway_opened": _opened,
    "early_intervention": lambda p, e: p._note(e, "early_intervention", e.intervention_id, e.kind),
    "cpw_issued": lambda p, e: p._open(e, Kind.CPW, conduct=e.conduct, comply_by=e.comply_by,
                                       conduct_categories=e.conduct_categories,
                                       terms=e.requirements),
    "cpn_issued": _cpn,
    "cpn_appeal_lodged": lambda p, e: p._move(e.instrument_id, e, S.APPEAL_PENDING),
    "cpn_appeal_decided": lambda p, e: p._move(
        e.instrument_id, e, S.QUASHED if e.outcome == "quashed" else S.ISSUED),
    "breach_recorded": _breach,
    "fpn_issued": lambda p, e: p._open(e, Kind.FPN, parent_id=e.notice_id, amount=e.amount),
    "fpn_paid": lambda p, e: p._move(e.instrument_id, e, S.PAID),
    "prosecution_started": _prosecution,
    "conviction_recorded": lambda p, e: p._move(
        e.instrument_id, e, S.CONVICTED if e.outcome == "convicted" else S.ACQUITTED,
        detail=e.sentence),
    "cbo_granted": lambda p, e: p._open(
        e, Kind.CBO, parent_id=e.prosecution_id, expires_on=e.expires_on,
        terms=e.prohibitions, positive_requirements=e.requirements, supervisor=e.supervisor),
    "cbo_varied": _cbo_varied,
    "cbo_discharged": lambda p, e: p._move(e.instrument_id, e, S.DISCHARGED, detail=e.reason),
    "cbo_reviewed": _cbo_reviewed,
    "respect_order_applied": lambda p, e: p._open(
        e, Kind.RESPECT_ORDER, terms=e.prohibitions, positive_requirements=e.requirements,
        supervisor=e.supervisor, without_notice=e.without_notice),
    "respect_order_granted": _respect_granted,
    "respect_order_discharged": lambda p, e: p._move(
        e.instrument_id, e, S.REFUSED if e.outcome == "refused" else S.DISCHARGED),
    "injunction_applied": lambda p, e: p._open(
        e, Kind.INJUNCTION, terms=e.terms, positive_requirements=e.positive_requirements,
        supervisor=e.supervisor, without_notice=e.without_notice,
        power_of_arrest_ground=e.power_of_arrest_ground),
    "injunction_granted": _granted,
    "injunction_varied": _varied,
    "injunction_discharged": lambda p, e: p._move(
        e.instrument_id, e, S.REFUSED if e.outcome == "refused" else S.DISCHARGED),
    "arrested": _arrested,
    "court_appearance": lambda p, e: p._move(e.instrument_id, e, S.BEFORE_COURT, detail=e.outcome),
    "committal_decided": lambda p, e: p._move(e.instrument_id, e, S.DECIDED, detail=e.outcome),
    "dispersal_direction_given": lambda p, e: p._open(
        e, Kind.DISPERSAL, duration_hours=e.exclusion_hours, detail=e.area),
    "arrest_applicant_informed": _informed,
    "items_surrendered": lambda p, e: p._move(
        e.instrument_id, e, items=e.items, items_surrendered_at=e.occurred_at),
    "surrendered_items_resolved": lambda p, e: p._move(
        e.instrument_id, e, items_outcome=e.outcome, items_outcome_at=e.occurred_at),
    "pathway_closed": _closed,
    "subject_erased": _erased,
    "processing_restricted": _restricted,
    "restriction_lifted": lambda p, e: setattr(p, "restriction", None),
    "pathway_reopened": lambda p, e: setattr(p, "closed_outcome", None),
}
