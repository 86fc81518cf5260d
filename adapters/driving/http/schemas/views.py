"""Response bodies. Built from read-model rows (and, for next steps, the service's answer)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from adapters.driving.http.schemas.common import RefusalOut
from domain.commands import NEW_IDS
from domain.events.base import DomainEvent
from domain.model import NextStep


class View(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Created(View):
    id: UUID
    version: int


class StepRecorded(View):
    """The step as recorded: where it sits in its stream, who recorded it, its hash."""

    stream_id: UUID
    step: str
    version: int
    occurred_at: datetime
    recorded_at: datetime
    actor: str
    agency: str
    role: str
    rank: str | None
    rule_set: str = Field(description="the rule set that decided it")
    legal_basis: str
    overrides_used: list[UUID]
    hash: str
    id: UUID | None = Field(default=None, description=(
        "the id of the instrument, referral or note the step created (assigned by the server "
        "unless the request gave one); null if the step creates nothing"))

    @classmethod
    def of(cls, event: DomainEvent) -> StepRecorded:
        field = NEW_IDS.get(event.step)
        return cls(id=getattr(event, field) if field else None,
                   stream_id=event.originator_id, step=event.step,
                   version=event.originator_version, occurred_at=event.occurred_at,
                   recorded_at=event.recorded_at, actor=event.actor, agency=event.agency,
                   role=event.role, rank=event.rank, rule_set=event.rule_set,
                   legal_basis=event.legal_basis, overrides_used=list(event.overrides_used),
                   hash=event.hash)


class SubjectOut(View):
    name: str
    date_of_birth: date | None
    pseudonym: str | None
    vulnerabilities: list[str]


class InstrumentOut(View):
    instrument_id: UUID
    kind: str
    label: str
    state: str
    status: str = Field(
        description="the recorded state, or what time has made of it as at the request: "
        "complied / not_complied (a CPW past its time to comply), lapsed (an FPN unpaid at the "
        "end of the 14 days), expired (past its end)")
    live: bool
    opened_at: datetime
    opened_version: int
    agency: str
    rule_set: str
    parent_id: UUID | None
    conduct: str | None
    comply_by: datetime | None
    expires_on: date | None
    granted_on: date | None
    power_of_arrest: bool
    power_of_arrest_expires_on: date | None
    amount: str | None
    interim: bool
    without_notice: bool
    duration_hours: int | None
    hearing_at: datetime | None
    supervisor: str | None
    terms: list[str]
    positive_requirements: list[str]
    detail: str
    breaches: int
    history: list[tuple[int, str, datetime]] = Field(
        description="[version, state, occurred_at] for each move")


class ReferralOut(View):
    referral_id: UUID
    service: str
    state: str
    live: bool
    offered_at: datetime
    updated_at: datetime
    agency: str
    history: list[tuple[int, str, datetime]]


class NoteOut(View):
    note_id: UUID
    version: int
    kind: str
    occurred_at: datetime
    about_step: str | None
    flag: bool = Field(description="assessments: a disability was indicated")
    summary: str
    agency: str


class OverrideOut(View):
    override_id: UUID
    version: int
    for_step: str
    guard_code: str
    reason: str
    actor: str
    used_by_version: int | None


DeadlineStatus = Literal["running", "overdue", "ended", "met", "met_late"]


class DeadlineOut(View):
    stream_id: UUID
    stream_kind: str
    stream_name: str
    instrument_id: UUID
    instrument_kind: str
    code: str
    label: str
    legal_basis: str
    duty: Literal["agency", "subject"] = Field(
        description="agency: the agency must act by then; subject: a period running for them")
    agency: str = Field(description="the agency that opened the instrument")
    starts_at: datetime
    due_at: datetime
    met_at: datetime | None
    status: DeadlineStatus


class NextStepOut(View):
    step: str
    label: str
    legal_basis: str
    allowed: bool
    overridable: bool = Field(description="refused only by SOFT guards: a supervisor may override")
    reasons: list[RefusalOut]
    targets: list[UUID] = Field(description="instruments the step may be recorded against")

    @classmethod
    def of(cls, n: NextStep) -> NextStepOut:
        return cls(step=n.step, label=n.label, legal_basis=n.legal_basis, allowed=n.allowed,
                   overridable=n.overridable, reasons=[RefusalOut(**r.as_dict()) for r in n.reasons],
                   targets=list(n.targets))


class PathwaySummary(View):
    id: UUID
    subject_name: str
    pseudonym: str | None
    issue_tags: list[str]
    opened_at: datetime
    opened_by_agency: str
    closed_outcome: str | None
    escalation_level: str = Field(description="the most severe live instrument (derived now)")
    live_instruments: int
    version: int
    last_step: str
    last_occurred_at: datetime


class PathwayDetail(View):
    id: UUID
    subject: SubjectOut
    conduct_summary: str
    issue_tags: list[str]
    opened_at: datetime
    opened_by_agency: str
    closed_outcome: str | None
    escalation_level: str
    instruments: list[InstrumentOut]
    referrals: list[ReferralOut]
    assessments: list[NoteOut]
    consultations: list[NoteOut]
    interventions: list[NoteOut]
    overrides: list[OverrideOut]
    deadlines: list[DeadlineOut]
    next_steps: list[NextStepOut]
    version: int = Field(description="send as expected_version to record on this state")


class PlaceSummary(View):
    id: UUID
    name: str
    kind: str
    address: str
    opened_at: datetime
    version: int
    last_step: str


class PlaceDetail(View):
    id: UUID
    name: str
    kind: str
    address: str
    description: str
    opened_at: datetime
    opened_by_agency: str
    instruments: list[InstrumentOut]
    referrals: list[ReferralOut]
    notes: list[NoteOut]
    overrides: list[OverrideOut]
    deadlines: list[DeadlineOut]
    next_steps: list[NextStepOut]
    version: int


class OutcomeOut(View):
    version: int
    step: str
    occurred_at: datetime
    details: dict[str, Any]


class IncidentOut(View):
    id: UUID
    occurred_at: datetime
    precision: str
    recorded_at: datetime
    category: str
    location: str
    description: str
    source: str
    reference: str | None
    place_id: UUID | None
    subject_pathway_ids: list[UUID]
    agency: str
    version: int


class ViolationOut(View):
    stream_id: str
    position: int | None
    problem: str


class VerifyOut(View):
    ok: bool
    streams_checked: int
    events_checked: int
    violations: list[ViolationOut]


class Health(View):
    status: Literal["ok"] = "ok"
