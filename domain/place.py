"""The Place aggregate: premises or a public space, its closure track and outcomes."""

from __future__ import annotations

from typing import Any, ClassVar
from uuid import UUID

from domain import steps
from domain.aggregate import SHARED_APPLIERS, Applier, CaseStream
from domain.calendar import local_date
from domain.events import PLACE_EVENTS
from domain.instruments import Kind, S


class Place(CaseStream):
    KIND = "place"
    OPENER = "place_registered"
    STEPS = dict(steps.PLACE)
    EVENTS = PLACE_EVENTS

    def __init__(self, id: UUID) -> None:
        super().__init__(id)
        self.name = ""
        self.place_kind = "public_space"
        self.address = ""

    def to_state(self) -> dict[str, Any]:
        return super().to_state() | {
            "name": self.name, "place_kind": self.place_kind, "address": self.address
        }

    @classmethod
    def from_state(cls, id: UUID, state: dict[str, Any]) -> Place:
        agg = super().from_state(id, state)
        assert isinstance(agg, Place)
        agg.name, agg.place_kind, agg.address = state["name"], state["place_kind"], state["address"]
        return agg

    APPLIERS: ClassVar[dict[str, Applier]] = {}


def _registered(p: Place, e: Any) -> None:
    p.name, p.place_kind, p.address = e.name, e.kind, e.address
    p.opened_at = e.occurred_at


def _order_granted(p: Place, e: Any) -> None:
    order = p.instruments[e.instrument_id]
    p._move(e.instrument_id, e, S.GRANTED, expires_on=e.expires_on, granted_on=local_date(e.occurred_at),
            terms=e.access_exceptions)
    if order.parent_id is not None and p.instruments[order.parent_id].state in (S.ISSUED, S.EXTENDED):
        p._move(order.parent_id, e, S.SUPERSEDED)


def _notice_extended(p: Place, e: Any) -> None:
    notice = p.instruments[e.instrument_id]
    p._move(e.instrument_id, e, S.EXTENDED,
            duration_hours=(notice.duration_hours or 0) + e.additional_hours)


Place.APPLIERS = SHARED_APPLIERS | {
    "place_registered": _registered,
    "closure_notice_issued": lambda p, e: p._open(
        e, Kind.CLOSURE_NOTICE, duration_hours=e.duration_hours, detail=e.premises,
        terms=e.access_exceptions),
    "closure_notice_served": lambda p, e: p._move(e.instrument_id, e, served_at=e.occurred_at),
    "closure_notice_extended": _notice_extended,
    "closure_notice_cancelled": lambda p, e: p._move(e.instrument_id, e, S.CANCELLED, detail=e.reason),
    "closure_order_applied": lambda p, e: p._open(
        e, Kind.CLOSURE_ORDER, parent_id=e.notice_id, hearing_at=e.hearing_at),
    "closure_order_granted": _order_granted,
    "closure_order_extended": lambda p, e: p._move(e.instrument_id, e, expires_on=e.expires_on),
    "closure_order_discharged": lambda p, e: p._move(e.instrument_id, e, S.DISCHARGED, detail=e.reason),
    "environmental_measure_recorded": lambda p, e: p._note(e, "environmental_measure", e.measure_id),
    "objective_set": lambda p, e: p._note(e, "objective", e.objective_id),
    "outcome_review_held": lambda p, e: p._note(e, "outcome_review", e.objective_id),
}
