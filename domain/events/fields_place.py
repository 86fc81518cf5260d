"""Step-specific fields of the place track (closure powers, measures, objectives), shared
by commands and events as in `domain/events/fields.py`.
"""

from __future__ import annotations

from datetime import date
from typing import Literal
from uuid import UUID

from pydantic import AwareDatetime, Field, model_validator

from domain.values import Frozen, Name, Rank, Text


class PlaceRegisteredFields(Frozen):
    name: Name
    kind: Literal["premises", "public_space"]
    address: Text = ""
    description: Text = ""
    problem_people: Text = ""
    problem_activity: Text = ""
    problem_place: Text = ""


class ClosureNoticeIssuedFields(Frozen):
    instrument_id: UUID
    duration_hours: int = Field(gt=0)
    authorised_by_rank: Rank
    premises: Name
    access_exceptions: tuple[Name, ...] = ()
    occupiers_informed: bool = False
    lesser_measures_reason: Text | None = None


class ClosureNoticeExtendedFields(Frozen):
    instrument_id: UUID
    additional_hours: int = Field(gt=0)
    authorised_by_rank: Rank


class ClosureNoticeCancelledFields(Frozen):
    instrument_id: UUID
    reason: Name


class ClosureOrderAppliedFields(Frozen):
    instrument_id: UUID
    notice_id: UUID
    court: Name = "Magistrates' court"
    hearing_at: AwareDatetime


class ClosureOrderGrantedFields(Frozen):
    instrument_id: UUID
    expires_on: date
    access_exceptions: tuple[Name, ...] = ()


class ClosureOrderExtendedFields(Frozen):
    instrument_id: UUID
    expires_on: date
    authorised_by_rank: Rank
    consulted: bool = False


class ClosureOrderDischargedFields(Frozen):
    instrument_id: UUID
    reason: Name


class EnvironmentalMeasureRecordedFields(Frozen):
    measure_id: UUID
    measure: Name
    cost_pence: int | None = Field(default=None, ge=0)
    funded_by: Text = ""


class ObjectiveSetFields(Frozen):
    objective_id: UUID
    description: Name
    target_reduction_percent: int = Field(gt=0, le=100)
    baseline_from: date
    baseline_to: date
    review_months: tuple[int, ...] = (3, 6, 12)

    @model_validator(mode="after")
    def _baseline_ordered(self) -> ObjectiveSetFields:
        if self.baseline_to < self.baseline_from:
            raise ValueError("baseline_to: must not be before baseline_from")
        return self


class OutcomeReviewHeldFields(Frozen):
    objective_id: UUID
    months: int = Field(gt=0, le=60)
    incidents_before: int = Field(ge=0)
    incidents_after: int = Field(ge=0)
    notes: Text = ""
