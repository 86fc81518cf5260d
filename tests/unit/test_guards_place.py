"""Every guard of the place / closure track, driven on the Place aggregate without storage.

Timeline (London time, 2026): premises registered 5 Jan; support offered, assessment and a
CCTV/lighting measure 6 Jan; closure notice served Mon 2 Mar 10:00; application 14:00;
hearing and order Wed 4 Mar 10:00 (the 48-hour limit exactly).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID, uuid4

import pytest

from domain.model import RuleBook
from tests.unit.helpers import CPA2026, Story, assert_refusal, day_text, london

OPEN = london(2026, 1, 5)
PREP = london(2026, 1, 6)
NOTICE_AT = london(2026, 3, 2, 10)
APPLIED_AT = london(2026, 3, 2, 14)
HEARING = london(2026, 3, 4, 10)


def notice_fields(**over: Any) -> dict[str, Any]:
    return {"instrument_id": uuid4(), "duration_hours": 24, "authorised_by_rank": "inspector",
            "premises": "14 Acacia Avenue, Northtown", "occupiers_informed": True,
            "access_exceptions": ["The owner", "People who habitually live there"]} | over


def premises(rule_book: RuleBook | None = None, *, refer: bool = True, assess: bool = True,
             measure: bool = True) -> Story:
    """Registered premises; by default the SOFT guards' conditions are all met."""
    s = Story.place(at=OPEN, rule_book=rule_book)
    if refer:
        s.refer(PREP, service="Cuckooing safeguarding team", need="exploitation")
    if assess:
        s.assess(PREP)
    if measure:
        s.do("environmental_measure_recorded", at=PREP, measure_id=uuid4(),
             measure="Door entry system and lighting repaired")
    return s


def noticed(at: datetime = NOTICE_AT, rule_book: RuleBook | None = None,
            **over: Any) -> tuple[Story, UUID]:
    s = premises(rule_book)
    return s, s.do("closure_notice_issued", at=at, **notice_fields(**over)).instrument_id


def ordered(notice_at: datetime = NOTICE_AT, hearing: datetime = HEARING,
            expires_on: date = date(2026, 6, 4)) -> tuple[Story, UUID]:
    s, notice = noticed(notice_at)
    order = s.do("closure_order_applied", at=notice_at.replace(hour=14), instrument_id=uuid4(),
                 notice_id=notice, hearing_at=hearing).instrument_id
    s.do("closure_order_granted", at=hearing, instrument_id=order, expires_on=expires_on)
    return s, order


# ============================================================ instrument lifecycle
def test_a_closure_order_cannot_be_granted_twice() -> None:
    s, order = ordered()
    ref = s.refusal("closure_order_granted", "instrument_lifecycle", at=london(2026, 3, 5),
                    instrument_id=order, expires_on=date(2026, 6, 5))
    assert_refusal(ref, "instrument_lifecycle", "hard", "ASBCPA2014 s.80(5)-(6)",
                   "granted", "closure_order_granted")


def test_a_cancelled_closure_notice_cannot_be_extended() -> None:
    s, notice = noticed()
    s.do("closure_notice_cancelled", at=london(2026, 3, 2, 18), instrument_id=notice,
         reason="Occupier left; nuisance ended")
    assert s.refused("closure_notice_extended", at=london(2026, 3, 3, 8), instrument_id=notice,
                     additional_hours=24, authorised_by_rank="superintendent") == [
        "instrument_lifecycle"]


def test_granting_the_order_supersedes_the_notice() -> None:
    s, order = ordered()
    notice = s.agg.instruments[order].parent_id
    assert notice is not None
    assert s.agg.instruments[notice].state.value == "superseded"
    assert s.agg.instruments[order].state.value == "granted"


# ============================================================ closure notice: issuer, period
@pytest.mark.parametrize(("rank", "allowed"), [
    ("pcso", False), ("constable", False), ("sergeant", False), ("inspector", True),
    ("chief_inspector", True), ("superintendent", True), ("chief_superintendent", True),
    ("council_officer", True), ("council_designate", True), ("council_chief_executive", True),
    ("housing_officer", False), ("rp_senior_manager", False),
])
def test_a_closure_notice_is_issued_by_an_inspector_or_above_or_the_council(
        rank: str, allowed: bool) -> None:
    s = premises()
    fields = notice_fields(authorised_by_rank=rank)
    if allowed:
        assert s.recorded("closure_notice_issued", at=NOTICE_AT, **fields) == "issued"
    else:
        assert s.refused("closure_notice_issued", at=NOTICE_AT, **fields) == [
            "closure_notice_authorisation"]
        ref = s.refusals("closure_notice_issued", at=NOTICE_AT, **fields)[0]
        assert_refusal(ref, "closure_notice_authorisation", "hard", "ASBCPA2014 s.76(1)",
                       rank.replace("_", " "), "inspector or above")


@pytest.mark.parametrize(("rank", "hours", "allowed"), [
    ("inspector", 24, True),
    ("inspector", 48, False),
    ("chief_inspector", 48, False),
    ("superintendent", 24, True),
    ("superintendent", 48, True),
    ("chief_superintendent", 48, True),
    ("council_officer", 24, True),
    ("council_officer", 48, False),
    ("council_designate", 48, True),
    ("council_chief_executive", 48, True),
    ("superintendent", 49, False),
    ("superintendent", 72, False),
    ("council_chief_executive", 72, False),
])
def test_a_closure_notice_lasts_24_hours_or_48_if_a_superintendent_or_chief_executive_signs(
        rank: str, hours: int, allowed: bool) -> None:
    s = premises()
    fields = notice_fields(authorised_by_rank=rank, duration_hours=hours)
    if allowed:
        event = s.do("closure_notice_issued", at=NOTICE_AT, **fields)
        assert s.agg.instruments[event.instrument_id].duration_hours == hours
    else:
        assert s.refused("closure_notice_issued", at=NOTICE_AT, **fields) == [
            "closure_notice_duration"]
        ref = s.refusals("closure_notice_issued", at=NOTICE_AT, **fields)[0]
        assert_refusal(ref, "closure_notice_duration", "hard", "ASBCPA2014 s.77(1)-(2)",
                       "24")


@pytest.mark.parametrize(("rank", "hours"), [("inspector", 12), ("superintendent", 36),
                                             ("council_chief_executive", 30)])
def test_a_closure_notice_may_specify_less_than_the_maximum_period(rank: str, hours: int) -> None:
    s = premises()
    assert s.recorded("closure_notice_issued", at=NOTICE_AT,
                      **notice_fields(authorised_by_rank=rank, duration_hours=hours)) == "issued"


# ============================================================ closure notice: extension
@pytest.mark.parametrize(("initial", "initial_rank", "additional", "rank", "allowed"), [
    (24, "inspector", 24, "superintendent", True),
    (24, "inspector", 12, "council_chief_executive", True),
    (24, "council_officer", 24, "council_designate", True),
    (24, "inspector", 25, "superintendent", False),
    (48, "superintendent", 1, "superintendent", False),
    (24, "inspector", 24, "inspector", False),
    (24, "inspector", 24, "chief_inspector", False),
    (24, "council_officer", 24, "council_officer", False),
])
def test_a_24_hour_notice_may_be_extended_to_at_most_48_by_a_senior_officer(
        initial: int, initial_rank: str, additional: int, rank: str, allowed: bool) -> None:
    s, notice = noticed(duration_hours=initial, authorised_by_rank=initial_rank)
    fields: dict[str, Any] = dict(instrument_id=notice, additional_hours=additional,
                                  authorised_by_rank=rank)
    at = london(2026, 3, 3, 8)
    if allowed:
        s.do("closure_notice_extended", at=at, **fields)
        assert s.agg.instruments[notice].duration_hours == initial + additional
    else:
        ref = s.refusal("closure_notice_extended", "closure_notice_extension", at=at, **fields)
        total = initial + additional
        expected = ("already lasts 48 hours, the most s.77 allows" if initial >= 48
                    else f"{total} hours" if total > 48 else "superintendent")
        assert_refusal(ref, "closure_notice_extension", "hard", "ASBCPA2014 s.77(4)", expected)


def test_a_closure_notice_may_be_extended_only_once() -> None:
    s, notice = noticed()
    s.do("closure_notice_extended", at=london(2026, 3, 3, 8), instrument_id=notice,
         additional_hours=12, authorised_by_rank="superintendent")
    assert s.refused(
        "closure_notice_extended", at=london(2026, 3, 3, 9), instrument_id=notice,
        additional_hours=12, authorised_by_rank="superintendent") == [
        "instrument_lifecycle"]


# ============================================================ hearing window
def _apply(s: Story, notice: UUID, at: datetime, hearing: datetime, **kw: Any) -> Any:
    return s.do("closure_order_applied", at=at, instrument_id=uuid4(), notice_id=notice,
                hearing_at=hearing, **kw)


def test_the_closure_order_hearing_at_exactly_48_hours_after_service_is_in_time() -> None:
    s, notice = noticed()
    assert _apply(s, notice, APPLIED_AT, HEARING).rule_set == "asbcpa2014-amended"


def test_a_closure_order_hearing_after_the_48_hour_window_is_refused() -> None:
    s, notice = noticed()
    ref = s.refusal("closure_order_applied", "closure_order_hearing_window", at=APPLIED_AT,
                    instrument_id=uuid4(), notice_id=notice, hearing_at=london(2026, 3, 4, 10, 1))
    assert_refusal(ref, "closure_order_hearing_window", "hard", "ASBCPA2014 s.80(3)-(4)",
                   "48-hour", "no later than 4 Mar 2026 10:00", "asbcpa2014-amended")


@pytest.mark.parametrize(("hearing", "allowed"), [
    (london(2026, 12, 27, 12), True),      # 48 h of counted time: Christmas Day disregarded
    (london(2026, 12, 27, 12, 1), False),
])
def test_christmas_day_is_disregarded_in_the_hearing_window(hearing: datetime,
                                                            allowed: bool) -> None:
    s, notice = noticed(at=london(2026, 12, 24, 12))
    if allowed:
        assert _apply(s, notice, london(2026, 12, 24, 15), hearing).step
    else:
        assert s.refused("closure_order_applied", at=london(2026, 12, 24, 15),
                         instrument_id=uuid4(), notice_id=notice, hearing_at=hearing) == [
            "closure_order_hearing_window"]


@pytest.mark.parametrize(("rule_book", "hearing", "allowed", "rule_set"), [
    (RuleBook(), london(2026, 5, 3, 10), True, "asbcpa2014-amended"),
    (RuleBook(), london(2026, 5, 4, 10), False, "asbcpa2014-amended"),
    (CPA2026, london(2026, 5, 4, 10), True, "cpa2026"),
    (CPA2026, london(2026, 5, 4, 10, 1), False, "cpa2026"),
], ids=["2014-48h", "2014-72h-refused", "2026-72h", "2026-72h+1min"])
def test_the_hearing_window_is_48_hours_or_72_once_the_2026_act_is_switched_on(
        rule_book: RuleBook, hearing: datetime, allowed: bool, rule_set: str) -> None:
    served = london(2026, 5, 1, 10)
    s, notice = noticed(at=served, rule_book=rule_book)
    if allowed:
        assert _apply(s, notice, london(2026, 5, 1, 14), hearing).rule_set == rule_set
    else:
        ref = s.refusal("closure_order_applied", "closure_order_hearing_window",
                        at=london(2026, 5, 1, 14), instrument_id=uuid4(), notice_id=notice,
                        hearing_at=hearing)
        hours = 72 if rule_set == "cpa2026" else 48
        assert f"{hours}-hour window" in ref.message and rule_set in ref.message


def test_the_hearing_window_is_fixed_by_the_law_in_force_when_the_notice_was_served() -> None:
    s, notice = noticed(at=london(2026, 4, 28, 12), rule_book=CPA2026)
    assert s.agg.instruments[notice].rule_set == "asbcpa2014-amended"
    assert s.refused("closure_order_applied", at=london(2026, 4, 29, 9), instrument_id=uuid4(),
                     notice_id=notice, hearing_at=london(2026, 4, 30, 14)) == [
        "closure_order_hearing_window"]


# ============================================================ closure order duration
@pytest.mark.parametrize(("notice_at", "expires_on", "allowed", "limit"), [
    (NOTICE_AT, date(2026, 6, 3), True, date(2026, 6, 4)),
    (NOTICE_AT, date(2026, 6, 4), True, date(2026, 6, 4)),
    (NOTICE_AT, date(2026, 6, 5), False, date(2026, 6, 4)),
    (london(2026, 11, 28, 10), date(2027, 2, 28), True, date(2027, 2, 28)),   # 30 Nov + 3 months
    (london(2026, 11, 28, 10), date(2027, 3, 1), False, date(2027, 2, 28)),
], ids=["3m-1d", "3m", "3m+1d", "month-end-3m", "month-end-3m+1d"])
def test_a_closure_order_lasts_at_most_three_months(
        notice_at: datetime, expires_on: date, allowed: bool, limit: date) -> None:
    s, notice = noticed(at=notice_at)
    hearing = notice_at.replace(day=notice_at.day + 2)
    order = _apply(s, notice, notice_at.replace(hour=14), hearing).instrument_id
    if allowed:
        assert s.recorded("closure_order_granted", at=hearing, instrument_id=order,
                          expires_on=expires_on) == "granted"
    else:
        ref = s.refusal("closure_order_granted", "closure_order_max_duration", at=hearing,
                        instrument_id=order, expires_on=expires_on)
        assert_refusal(ref, "closure_order_max_duration", "hard", "ASBCPA2014 s.80(6)",
                       "3 months", f"no later than {day_text(limit)}")


# ============================================================ closure order extension
EXT: dict[str, Any] = dict(authorised_by_rank="superintendent", consulted=True)


@pytest.mark.parametrize(("expires_on", "allowed"), [
    (date(2026, 9, 3), True), (date(2026, 9, 4), True), (date(2026, 9, 5), False),
])
def test_a_closure_order_may_be_extended_to_at_most_six_months_in_total(
        expires_on: date, allowed: bool) -> None:
    s, order = ordered()  # granted 4 Mar, expires 4 Jun
    at = london(2026, 6, 1)
    if allowed:
        s.do("closure_order_extended", at=at, instrument_id=order, expires_on=expires_on, **EXT)
        assert s.agg.instruments[order].expires_on == expires_on
    else:
        ref = s.refusal("closure_order_extended", "closure_order_extension_limit", at=at,
                        instrument_id=order, expires_on=expires_on, **EXT)
        assert_refusal(ref, "closure_order_extension_limit", "hard", "ASBCPA2014 s.82(1), (7)",
                       "6 months", "no later than 4 Sep 2026")


def test_an_expired_closure_order_cannot_be_extended() -> None:
    s, order = ordered()
    ref = s.refusal("closure_order_extended", "closure_order_extension_limit",
                    at=london(2026, 6, 5, 9), instrument_id=order, expires_on=date(2026, 8, 1),
                    **EXT)
    assert_refusal(ref, "closure_order_extension_limit", "hard", "ASBCPA2014 s.82(1), (7)",
                   "expired on 4 Jun 2026", "new notice")


def test_a_closure_order_may_be_extended_on_its_last_day() -> None:
    s, order = ordered()
    assert s.recorded("closure_order_extended", at=london(2026, 6, 4, 16), instrument_id=order,
                      expires_on=date(2026, 8, 1), **EXT) == "granted"
    assert s.agg.instruments[order].expires_on == date(2026, 8, 1)


@pytest.mark.parametrize(("rank", "consulted", "allowed"), [
    ("superintendent", True, True),
    ("chief_superintendent", True, True),
    ("council_officer", True, True),
    ("council_chief_executive", True, True),
    ("superintendent", False, False),
    ("council_officer", False, False),
    ("inspector", True, False),
    ("chief_inspector", True, False),
    ("housing_officer", True, False),
])
def test_a_closure_order_extension_needs_a_superintendent_or_council_and_consultation(
        rank: str, consulted: bool, allowed: bool) -> None:
    s, order = ordered()
    fields: dict[str, Any] = dict(instrument_id=order, expires_on=date(2026, 8, 1),
                                  authorised_by_rank=rank,
                                  consulted=consulted)
    if allowed:
        assert s.recorded("closure_order_extended", at=london(2026, 6, 1), **fields) == "granted"
    else:
        assert s.refused("closure_order_extended", at=london(2026, 6, 1), **fields) == [
            "closure_order_extension_authorisation"]
        ref = s.refusals("closure_order_extended", at=london(2026, 6, 1), **fields)[0]
        assert_refusal(ref, "closure_order_extension_authorisation", "hard",
                       "ASBCPA2014 s.82(3)", "superintendent", "consultation")


# ============================================================ SOFT guards on closure
MISSING: dict[str, dict[str, Any]] = {
    "support_not_offered": dict(refer=False),
    "no_proportionality_assessment": dict(assess=False),
    "lesser_measures_skipped": dict(measure=False),
}
SOFT_BASIS = {
    "support_not_offered":
        "ASB statutory guidance for frontline professionals (Home Office, 2023); ASB Principles 2022 (address underlying causes)",
    "no_proportionality_assessment":
        "HRA 1998 Sch.1 Art 8; Equality Act 2010 ss.15, 149 (due regard before deciding)",
    "lesser_measures_skipped":
        "ASBCPA2014 s.76(1)(b) (necessary); ASB statutory guidance for frontline professionals (Home Office, 2023)",
}


@pytest.mark.parametrize("code", sorted(MISSING))
def test_a_closure_notice_is_refused_when_the_guidance_is_not_followed(code: str) -> None:
    s = premises(**MISSING[code])
    assert s.refused("closure_notice_issued", at=NOTICE_AT, **notice_fields()) == [code]
    ref = s.refusals("closure_notice_issued", at=NOTICE_AT, **notice_fields())[0]
    assert_refusal(ref, code, "soft", SOFT_BASIS[code], "supervisor" if code ==
                   "support_not_offered" else "Record")


def test_the_lesser_measures_remedy_on_a_closure_notice_names_a_step_a_place_has() -> None:
    s = premises(measure=False)
    ref = s.refusal("closure_notice_issued", "lesser_measures_skipped", at=NOTICE_AT,
                    **notice_fields())
    assert "environmental" in ref.remedy
    assert "early intervention" not in ref.remedy.lower()


def test_a_closure_notice_is_allowed_when_support_assessment_and_a_lesser_measure_exist() -> None:
    s = premises()
    assert s.do("closure_notice_issued", at=NOTICE_AT, **notice_fields()).overrides_used == ()


def test_a_closure_notice_may_give_its_reason_for_skipping_lesser_measures() -> None:
    s = premises(measure=False)
    event = s.do("closure_notice_issued", at=NOTICE_AT, **notice_fields(
        lesser_measures_reason="Firearm found; immediate closure needed to protect residents"))
    assert event.overrides_used == ()


@pytest.mark.parametrize("code", sorted(MISSING))
def test_a_supervisors_override_lets_one_closure_notice_through(code: str) -> None:
    s = premises(**MISSING[code])
    oid = s.override(london(2026, 3, 2, 9), "closure_notice_issued", code)
    event = s.do("closure_notice_issued", at=NOTICE_AT, **notice_fields())
    assert event.overrides_used == (oid,)
    assert s.agg.overrides[0].used_by_version == event.originator_version
    assert s.refused("closure_notice_issued", at=london(2026, 3, 2, 11), **notice_fields()) == [
        code]


def test_a_closure_notice_refusal_lists_every_failing_guard() -> None:
    s = premises(refer=False, assess=False, measure=False)
    codes = s.refused("closure_notice_issued", at=NOTICE_AT,
                      **notice_fields(authorised_by_rank="sergeant", duration_hours=48))
    assert sorted(codes) == sorted(["closure_notice_authorisation", "closure_notice_duration",
                                    *MISSING])
