"""Events of a place's track (one stream per premises or public space).

Class paths are stored topics: rename only with a registered topic and upcaster.
"""

from __future__ import annotations

from typing import ClassVar

from domain.events.base import DomainEvent
from domain.events.fields_place import (
    ClosureNoticeCancelledFields,
    ClosureNoticeExtendedFields,
    ClosureNoticeIssuedFields,
    ClosureOrderAppliedFields,
    ClosureOrderDischargedFields,
    ClosureOrderExtendedFields,
    ClosureOrderGrantedFields,
    EnvironmentalMeasureRecordedFields,
    ObjectiveSetFields,
    OutcomeReviewHeldFields,
    PlaceRegisteredFields,
)
from domain.events.fields_lifecycle import (
    ClosureNoticeServedFields,
)


class PlaceRegistered(DomainEvent, PlaceRegisteredFields):
    step: ClassVar[str] = "place_registered"


class ClosureNoticeIssued(DomainEvent, ClosureNoticeIssuedFields):
    step: ClassVar[str] = "closure_notice_issued"


class ClosureNoticeServed(DomainEvent, ClosureNoticeServedFields):
    step: ClassVar[str] = "closure_notice_served"


class ClosureNoticeExtended(DomainEvent, ClosureNoticeExtendedFields):
    step: ClassVar[str] = "closure_notice_extended"


class ClosureNoticeCancelled(DomainEvent, ClosureNoticeCancelledFields):
    step: ClassVar[str] = "closure_notice_cancelled"


class ClosureOrderApplied(DomainEvent, ClosureOrderAppliedFields):
    step: ClassVar[str] = "closure_order_applied"


class ClosureOrderGranted(DomainEvent, ClosureOrderGrantedFields):
    step: ClassVar[str] = "closure_order_granted"


class ClosureOrderExtended(DomainEvent, ClosureOrderExtendedFields):
    step: ClassVar[str] = "closure_order_extended"


class ClosureOrderDischarged(DomainEvent, ClosureOrderDischargedFields):
    step: ClassVar[str] = "closure_order_discharged"


class EnvironmentalMeasureRecorded(DomainEvent, EnvironmentalMeasureRecordedFields):
    step: ClassVar[str] = "environmental_measure_recorded"


class ObjectiveSet(DomainEvent, ObjectiveSetFields):
    step: ClassVar[str] = "objective_set"


class OutcomeReviewHeld(DomainEvent, OutcomeReviewHeldFields):
    step: ClassVar[str] = "outcome_review_held"


EVENTS: tuple[type[DomainEvent], ...] = (
    PlaceRegistered,
    ClosureNoticeIssued,
    ClosureNoticeServed,
    ClosureNoticeExtended,
    ClosureNoticeCancelled,
    ClosureOrderApplied,
    ClosureOrderGranted,
    ClosureOrderExtended,
    ClosureOrderDischarged,
    EnvironmentalMeasureRecorded,
    ObjectiveSet,
    OutcomeReviewHeld,
)
