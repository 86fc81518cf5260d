"""The guards and derived statuses of what follows an instrument, at their edges, driven on the
aggregates without storage (dates in London time, 2026)."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID, uuid4

from domain.deadlines import Deadline, deadlines
from domain.errors import DomainValidationError
from domain.model import status_at
from tests.unit.helpers import Story, assert_refusal, london
from tests.unit.test_guards_person import (
    BREACH_AT, COMPLY_BY, CPN_AT, FPN_AT, cpn_fields, dispersal_fields, fined, prepared, warned,
)
from tests.unit.test_guards_place import APPLIED_AT, HEARING, NOTICE_AT, noticed


def _due(s: Story, code: str) -> Deadline:
    (found,) = [d for d in deadlines(s.agg) if d.code == code]
    return found


# ------------------------------------------------------------------ CPW complied / not complied
def test_a_warning_is_complied_with_from_its_deadline_until_conduct_is_linked_after_it() -> None:
    s, warning = warned()
    inst = s.agg.instruments[warning]
    assert status_at(inst, s.agg, COMPLY_BY - timedelta(seconds=1)) == "issued"
    assert status_at(inst, s.agg, COMPLY_BY) == "complied"
    s.link_incident(COMPLY_BY - timedelta(hours=1), COMPLY_BY - timedelta(hours=1))
    assert status_at(inst, s.agg, COMPLY_BY + timedelta(days=3)) == "complied"
    s.link_incident(COMPLY_BY + timedelta(days=1), COMPLY_BY + timedelta(days=1))
    assert status_at(inst, s.agg, COMPLY_BY + timedelta(days=3)) == "not_complied"


# ------------------------------------------------------------------ FPN lapse and s.127
def test_an_unpaid_penalty_lapses_and_a_prosecution_is_decided_within_six_months() -> None:
    s, _, fpn = fined()
    inst = s.agg.instruments[fpn]
    # Issued 19 Feb: the 14 days following are 20 Feb..5 Mar; lapsed from 6 Mar 00:00.
    assert status_at(inst, s.agg, london(2026, 3, 5, 23, 59)) == "issued"
    assert status_at(inst, s.agg, london(2026, 3, 6, 0)) == "lapsed"
    decide = _due(s, "fpn_prosecution_decision")
    assert decide.due_at == london(2026, 8, 19, 0)  # breach 18 Feb
    assert decide.status(london(2026, 8, 19, 0, 1)) == "overdue"


def test_a_paid_penalty_has_no_prosecution_decision() -> None:
    s, _, fpn = fined()
    s.do("fpn_paid", at=FPN_AT + timedelta(days=2), instrument_id=fpn)
    assert [d.code for d in deadlines(s.agg) if d.code == "fpn_prosecution_decision"] == []
    assert status_at(s.agg.instruments[fpn], s.agg, london(2026, 4, 1)) == "paid"


def test_a_prosecution_for_the_penalty_meets_the_decision_deadline() -> None:
    s, _, fpn = fined()
    s.do("prosecution_started", at=london(2026, 3, 10), instrument_id=uuid4(),
         offence="Failing to comply with a CPN (s.48)", relates_to=fpn)
    assert _due(s, "fpn_prosecution_decision").met_at == london(2026, 3, 10)


# ------------------------------------------------------------------ CPN requirements on appeal
def _appealed(kinds: list[str]) -> tuple[Story, UUID]:
    s, warning = warned()
    s.link_incident(COMPLY_BY + timedelta(days=1), COMPLY_BY + timedelta(days=1))
    texts = [f"requirement {i}" for i in range(1, max(len(kinds), 1) + 1)]
    cpn = s.do("cpn_issued", at=CPN_AT, **cpn_fields(warning, requirements=texts,
                                                      requirement_kinds=kinds)).instrument_id
    s.do("cpn_appeal_lodged", at=CPN_AT + timedelta(days=1), instrument_id=cpn)
    return s, cpn


def test_a_breach_of_a_positive_requirement_is_refused_while_an_appeal_is_pending() -> None:
    s, cpn = _appealed(["stop", "do"])
    ref = s.refusal("breach_recorded", "cpn_requirement_suspended_on_appeal", at=BREACH_AT,
                    instrument_id=cpn, description="did not attend", requirement_number=2)
    assert_refusal(ref, "cpn_requirement_suspended_on_appeal", "hard", "ASBCPA2014 s.46(3)",
                   "Requirement 2 ('requirement 2')", "suspended until the appeal is decided")
    assert s.recorded("breach_recorded", at=BREACH_AT, instrument_id=cpn,
                      description="music", requirement_number=1) == "appeal_pending"


def test_a_breach_naming_no_requirement_is_refused_when_every_requirement_is_suspended() -> None:
    s, cpn = _appealed(["do"])
    assert s.refused("breach_recorded", at=BREACH_AT, instrument_id=cpn,
                     description="did not attend") == ["cpn_requirement_suspended_on_appeal"]


def test_plain_requirements_recorded_before_kinds_read_as_stop_requirements() -> None:
    s, cpn = _appealed([])
    assert s.agg.instruments[cpn].term_kinds == ()
    assert s.recorded("breach_recorded", at=BREACH_AT, instrument_id=cpn,
                      description="music") == "appeal_pending"


def test_one_kind_per_requirement_or_none() -> None:
    s, warning = warned()
    try:
        s.decide("cpn_issued", at=CPN_AT, **cpn_fields(warning, requirement_kinds=["stop", "do"]))
    except DomainValidationError as error:
        assert [p.field for p in error.problems] == ["requirement_kinds"]
    else:
        raise AssertionError("two kinds for one requirement were accepted")


# ------------------------------------------------------------------ closure notices
def test_service_starts_the_hearing_and_notice_clocks() -> None:
    s, notice = noticed()
    served = NOTICE_AT + timedelta(hours=3)
    s.do("closure_notice_served", at=served, instrument_id=notice, served_by="PC 1")
    assert _due(s, "closure_hearing").due_at == served + timedelta(hours=48)
    assert _due(s, "closure_notice_expiry").due_at == served + timedelta(hours=24)
    ref = s.refusal("closure_notice_served", "closure_notice_service", at=served,
                    instrument_id=notice, served_by="PC 1")
    assert_refusal(ref, "closure_notice_service", "hard", "ASBCPA2014 s.79", "already recorded")


def test_an_application_on_a_cancelled_notice_is_refused() -> None:
    s, notice = noticed()
    s.do("closure_notice_cancelled", at=NOTICE_AT + timedelta(hours=1), instrument_id=notice,
         reason="Premises secured")
    ref = s.refusal("closure_order_applied", "closure_order_needs_notice_in_force", at=APPLIED_AT,
                    instrument_id=uuid4(), notice_id=notice, hearing_at=HEARING)
    assert_refusal(ref, "closure_order_needs_notice_in_force", "hard", "ASBCPA2014 ss.78, 80(1)",
                   "cancelled (s.78)", "Issue a new closure notice")


def test_a_notice_at_its_maximum_says_it_cannot_be_extended() -> None:
    s, notice = noticed(duration_hours=48, authorised_by_rank="superintendent")
    ref = s.refusal("closure_notice_extended", "closure_notice_extension",
                    at=NOTICE_AT + timedelta(hours=2), instrument_id=notice, additional_hours=1,
                    authorised_by_rank="superintendent")
    assert "at most 0" not in ref.remedy and "cannot be extended" in ref.message


# ------------------------------------------------------------------ surrender of property
def _dispersed() -> tuple[Story, UUID]:
    s = prepared()
    at = london(2026, 3, 7, 21)
    return s, s.do("dispersal_direction_given", at=at, **dispersal_fields()).instrument_id


def test_surrendered_items_may_be_destroyed_only_after_28_days() -> None:
    s, direction = _dispersed()
    s.do("items_surrendered", at=london(2026, 3, 7, 21, 5), instrument_id=direction,
         items=["Speaker"], required_by="PC 1")
    # 28 days beginning with 7 March: 7 March..3 April; destruction from 4 April 00:00.
    assert _due(s, "surrendered_items_unclaimed").due_at == london(2026, 4, 4, 0)
    ref = s.refusal("surrendered_items_resolved", "surrendered_items_destroyed_too_soon",
                    at=london(2026, 4, 3, 23, 59), instrument_id=direction, outcome="destroyed",
                    by="PC 1")
    assert_refusal(ref, "surrendered_items_destroyed_too_soon", "hard", "ASBCPA2014 s.37",
                   "4 Apr 2026 00:00")
    assert s.recorded("surrendered_items_resolved", at=london(2026, 4, 4, 0),
                      instrument_id=direction, outcome="destroyed", by="PC 1") == "given"


def test_a_surrender_before_the_direction_is_refused() -> None:
    s, direction = _dispersed()
    assert s.refused("items_surrendered", at=london(2026, 3, 7, 20), instrument_id=direction,
                     items=["Speaker"], required_by="PC 1") == [
        "surrender_requires_dispersal_direction"]


# ------------------------------------------------------------------ expiry statuses
def test_an_injunction_past_its_end_shows_expired() -> None:
    s = prepared()
    inj = s.do("injunction_applied", at=london(2026, 2, 1), instrument_id=uuid4(),
               terms=["Not to enter Market Square"]).instrument_id
    s.do("injunction_granted", at=london(2026, 2, 8), instrument_id=inj,
         expires_on=date(2026, 8, 7))
    inst = s.agg.instruments[inj]
    assert status_at(inst, s.agg, london(2026, 8, 7, 23, 59)) == "granted"
    assert status_at(inst, s.agg, london(2026, 8, 8, 0)) == "expired"

