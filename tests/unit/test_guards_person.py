"""Every guard of the person track, driven on the Pathway aggregate without storage.

Each HARD guard: a refusing case (code, kind, legal basis, a specific message and remedy)
and an allowing case. Each SOFT guard: refused, allowed once the condition is met, and let
through once by a supervisor's override. Timeline used throughout (London time, 2026):

    5 Jan opened . 6 Jan support offered, assessment, warning letter . 10 Jan CPW (comply by
    10 Feb) . 11 Feb incident . 15 Feb CPN . 18 Feb breach . 19 Feb FPN
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.calendar import LONDON
from domain.model import GUARDS, DomainValidationError, RuleBook, next_steps
from tests.unit.helpers import (
    COUNCIL, CPA2026, OFFICER, SUPERVISOR, Story, assert_refusal, born_aged, day_text, london,
)

OPEN = london(2026, 1, 5)
PREP = london(2026, 1, 6)
CPW_AT = london(2026, 1, 10)
COMPLY_BY = london(2026, 2, 10)
CONTINUED = london(2026, 2, 11)
CPN_AT = london(2026, 2, 15)
BREACH_AT = london(2026, 2, 18)
FPN_AT = london(2026, 2, 19, 10)
CONDUCT = "Loud music late at night"
HYPOTHESIS = settings(max_examples=40, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow])

PERSON_GUARDS = {
    "erasure_under_legal_hold", "subject_already_erased",  # test_guards_privacy.py
    "processing_restricted", "no_restriction_to_lift",  # test_guards_privacy.py
    "duplicate_entry", "fpn_one_per_breach",
    "instrument_lifecycle", "breach_outside_instrument_period", "dispersal_given_by_constable",
    "without_notice_interim_no_activities", "pathway_is_closed",
    "pathway_reopen_needs_closed_pathway", "cpw_minimum_age", "cpn_minimum_age", "cpn_requires_prior_warning",
    "cpn_before_warning_deadline", "cpn_requires_continuing_conduct", "cpn_appeal_out_of_time",
    "fpn_requires_cpn_breach", "fpn_amount_cap", "prosecution_during_fpn_period",
    "cbo_requires_conviction", "injunction_minimum_age",
    "youth_injunction_requires_yot_consultation", "youth_injunction_fixed_term",
    "positive_requirements_need_supervisor", "without_notice_needs_justification",
    "arrest_requires_power_of_arrest", "arrest_requires_injunction_in_force",
    "committal_requires_recorded_breach", "dispersal_minimum_age",
    "dispersal_requires_inspector_authorisation", "dispersal_max_exclusion",
    "override_requires_supervisor", "support_not_offered", "no_proportionality_assessment",
    "lesser_measures_skipped",
    # tested in test_guards_orders.py
    "power_of_arrest_requires_ground", "power_of_arrest_not_on_activity_requirement",
    "cbo_youth_requires_yot_views", "cbo_duration", "respect_order_not_in_force",
    "respect_order_adults_only", "respect_order_requirements_need_supervisor",
}


# ---------------------------------------------------------------------- story builders
def prepared(dob: date | None = date(1990, 1, 1), rule_book: RuleBook | None = None) -> Story:
    """A subject with support offered, an assessment and a warning letter on 6 Jan."""
    return Story.person(dob=dob, at=OPEN, rule_book=rule_book).prepared_for_severe_steps(PREP)


def cpw_fields(**over: Any) -> dict[str, Any]:
    return {"instrument_id": uuid4(), "conduct": CONDUCT,
            "requirements": ["No amplified music audible outside the flat after 23:00"],
            "comply_by": COMPLY_BY} | over


def cpn_fields(warning: UUID, **over: Any) -> dict[str, Any]:
    return {"instrument_id": uuid4(), "warning_id": warning, "conduct": CONDUCT,
            "requirements": ["No amplified music audible outside the flat after 23:00"],
            "appeal_information_given": True, "informed_bodies": ["Northtown Homes"]} | over


def warned(**kw: Any) -> tuple[Story, UUID]:
    s = prepared(**kw)
    return s, s.do("cpw_issued", at=CPW_AT, **cpw_fields()).instrument_id


def noticed(**kw: Any) -> tuple[Story, UUID, UUID]:
    s, warning = warned(**kw)
    s.link_incident(CONTINUED, CONTINUED)
    cpn = s.do("cpn_issued", at=CPN_AT, **cpn_fields(warning)).instrument_id
    return s, warning, cpn


def breached(at: datetime = BREACH_AT, **kw: Any) -> tuple[Story, UUID]:
    s, _, cpn = noticed(**kw)
    s.do("breach_recorded", at=at, instrument_id=cpn, description="Music at 01:30, NC/4")
    return s, cpn


def fined(**kw: Any) -> tuple[Story, UUID, UUID]:
    s, cpn = breached(**kw)
    fpn = s.do("fpn_issued", at=FPN_AT, instrument_id=uuid4(), notice_id=cpn,
               amount=Decimal("100")).instrument_id
    return s, cpn, fpn


def inj_fields(**over: Any) -> dict[str, Any]:
    return {"instrument_id": uuid4(), "terms": ["Not to enter Acacia Avenue"]} | over


def applied(s: Story, at: datetime = london(2026, 3, 2), **over: Any) -> UUID:
    return s.new("injunction_applied", "instrument_id", at=at, **inj_fields(**over))


def with_injunction(poa: bool = True, poa_expires: date | None = None,
                    expires: date | None = date(2027, 3, 1)) -> tuple[Story, UUID]:
    s = prepared()
    inj = applied(s)
    s.do("injunction_granted", at=london(2026, 3, 9), instrument_id=inj, expires_on=expires,
         power_of_arrest=poa, power_of_arrest_expires_on=poa_expires,
         power_of_arrest_ground="violence_or_threat" if poa else None,
         power_of_arrest_evidence="Threatened a neighbour" if poa else None)
    return s, inj


def dispersal_fields(**over: Any) -> dict[str, Any]:
    return {"instrument_id": uuid4(), "authorisation_ref": "AUTH/2026/14",
            "authorised_by_rank": "inspector", "exclusion_hours": 24,
            "area": "Market Square and Station Road"} | over


def test_this_file_covers_every_person_guard_registered() -> None:
    place = {"closure_notice_authorisation", "closure_notice_duration",
             "closure_notice_extension", "closure_order_hearing_window",
             "closure_order_max_duration", "closure_order_extension_limit",
             "closure_order_extension_authorisation"}
    # Tested at their edges in tests/unit/test_guards_lifecycle.py.
    lifecycle = {"closure_notice_service", "closure_order_needs_notice_in_force",
                 "surrender_requires_dispersal_direction", "surrendered_items_destroyed_too_soon",
                 "cpn_requirement_suspended_on_appeal"}
    assert set(GUARDS) == PERSON_GUARDS | place | lifecycle
    assert len(GUARDS) == len(PERSON_GUARDS | place | lifecycle)


# ============================================================ instrument lifecycle
def test_a_second_cpn_on_a_warning_already_escalated_is_refused() -> None:
    s, warning, _ = noticed()
    ref = s.refusal("cpn_issued", "instrument_lifecycle", at=london(2026, 3, 1),
                    **cpn_fields(warning))
    assert_refusal(ref, "instrument_lifecycle", "hard", "ASBCPA2014 s.43(1), (5)",
                   "escalated", "cpn_issued")


def test_the_first_cpn_on_a_warning_is_a_lifecycle_move_from_issued_to_escalated() -> None:
    s, warning, cpn = noticed()
    assert s.agg.instruments[warning].state.value == "escalated"
    assert s.agg.instruments[cpn].state.value == "issued"


def test_an_fpn_cannot_be_paid_twice() -> None:
    s, _, fpn = fined()
    s.do("fpn_paid", at=london(2026, 2, 25), instrument_id=fpn)
    ref = s.refusal("fpn_paid", "instrument_lifecycle", at=london(2026, 2, 26), instrument_id=fpn)
    assert "paid" in ref.message


def test_an_appeal_decision_needs_an_appeal_lodged_first() -> None:
    s, _, cpn = noticed()
    assert s.refused("cpn_appeal_decided", at=london(2026, 2, 20), instrument_id=cpn,
                     outcome="dismissed") == ["instrument_lifecycle"]
    s.do("cpn_appeal_lodged", at=london(2026, 2, 20), instrument_id=cpn)
    s.do("cpn_appeal_decided", at=london(2026, 3, 20), instrument_id=cpn, outcome="dismissed")
    assert s.agg.instruments[cpn].state.value == "issued"


def test_next_steps_says_a_targeted_step_needs_its_instrument_first() -> None:
    s = prepared()
    probe = {n.step: n for n in next_steps(s.agg, CPW_AT, RuleBook())}
    assert not probe["fpn_paid"].allowed
    ref = next(r for r in probe["fpn_paid"].reasons if r.code == "instrument_lifecycle")
    assert "Fixed Penalty Notice" in ref.message and ref.remedy


# ============================================================ CPW / CPN: age
AGE_TABLE = [(9, False), (10, False), (15, False), (16, True), (17, True), (18, True)]


@pytest.mark.parametrize(("age", "allowed"), AGE_TABLE)
def test_a_cpw_needs_a_subject_aged_sixteen_or_over(age: int, allowed: bool) -> None:
    s = prepared(dob=born_aged(age, CPW_AT.date()))
    if allowed:
        assert s.recorded("cpw_issued", at=CPW_AT, **cpw_fields()) == "issued"
    else:
        ref = s.refusal("cpw_issued", "cpw_minimum_age", at=CPW_AT, **cpw_fields())
        sixteenth = born_aged(age, CPW_AT.date()).replace(year=CPW_AT.year - age + 16)
        assert_refusal(ref, "cpw_minimum_age", "hard", "ASBCPA2014 s.43(1)",
                       f"is {age}", day_text(sixteenth))


@pytest.mark.parametrize(("age", "allowed"), AGE_TABLE)
def test_a_cpn_needs_a_subject_aged_sixteen_or_over(age: int, allowed: bool) -> None:
    s = prepared(dob=born_aged(age, CPN_AT.date()))
    # The warning is history (recorded under whatever rules applied); only the notice is decided.
    warning = s.given("cpw_issued", at=CPW_AT, **cpw_fields()).instrument_id
    s.link_incident(CONTINUED, CONTINUED)
    if allowed:
        assert s.recorded("cpn_issued", at=CPN_AT, **cpn_fields(warning)) == "issued"
    else:
        assert s.refused("cpn_issued", at=CPN_AT, **cpn_fields(warning)) == ["cpn_minimum_age"]
        ref = s.refusal("cpn_issued", "cpn_minimum_age", at=CPN_AT, **cpn_fields(warning))
        assert_refusal(ref, "cpn_minimum_age", "hard", "ASBCPA2014 s.43(1)", f"is {age}",
                       "Community Protection Notice")


def test_a_cpw_is_refused_the_day_before_the_sixteenth_birthday_and_allowed_on_it() -> None:
    birthday = CPW_AT.date() + timedelta(days=1)
    s = prepared(dob=birthday.replace(year=birthday.year - 16))
    ref = s.refusal("cpw_issued", "cpw_minimum_age", at=CPW_AT, **cpw_fields())
    assert day_text(birthday) in ref.remedy
    assert s.recorded("cpw_issued", at=london(2026, 1, 11), **cpw_fields()) == "issued"


def test_a_cpw_is_refused_when_the_date_of_birth_is_unknown() -> None:
    s = prepared(dob=None)
    ref = s.refusal("cpw_issued", "cpw_minimum_age", at=CPW_AT, **cpw_fields())
    assert_refusal(ref, "cpw_minimum_age", "hard", "ASBCPA2014 s.43(1)", "date of birth")


@pytest.mark.parametrize("offset", [
    pytest.param(LONDON, id="london"),
    pytest.param(timezone.utc, id="utc"),
])
def test_a_subject_is_sixteen_from_london_midnight_of_the_birthday(offset: Any) -> None:
    s = prepared(dob=date(2010, 7, 1))
    at = london(2026, 7, 1, 0, 30).astimezone(offset)
    fields = cpw_fields(comply_by=london(2026, 8, 1))
    assert s.recorded("cpw_issued", at=at, **fields) == "issued"


def _age(dob: date, on: date) -> int:
    """Completed years, restated independently (a 29 Feb birthday falls on 1 Mar)."""
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


@HYPOTHESIS
@given(dob=st.dates(min_value=date(2005, 1, 1), max_value=date(2016, 1, 10)))
def test_cpw_age_rule_follows_the_date_of_birth(dob: date) -> None:
    s = Story.person(dob=dob, at=OPEN)
    fields = cpw_fields(lesser_measures_reason="Serious harm to a disabled neighbour")
    if _age(dob, CPW_AT.date()) >= 16:
        assert s.decide("cpw_issued", at=CPW_AT, **fields).comply_by == fields["comply_by"]
    else:
        assert s.refused("cpw_issued", at=CPW_AT, **fields) == ["cpw_minimum_age"]


# ============================================================ CPN: prior warning
def test_a_cpn_is_refused_when_the_warning_was_about_other_conduct() -> None:
    s, warning = warned()
    s.link_incident(CONTINUED, CONTINUED)
    ref = s.refusal("cpn_issued", "cpn_requires_prior_warning", at=CPN_AT,
                    **cpn_fields(warning, conduct="Graffiti on the bus shelter"))
    assert_refusal(ref, "cpn_requires_prior_warning", "hard", "ASBCPA2014 s.43(5)(a)",
                   CONDUCT, "Graffiti on the bus shelter", day_text(CPW_AT))


def test_a_cpn_on_the_warned_conduct_is_allowed_whatever_its_letter_case() -> None:
    s, warning = warned()
    s.link_incident(CONTINUED, CONTINUED)
    event = s.do("cpn_issued", at=CPN_AT, **cpn_fields(warning, conduct=CONDUCT.upper()))
    assert event.warning_id == warning


def test_a_cpn_dated_before_its_warning_is_refused() -> None:
    s = prepared()
    s.link_incident(CONTINUED, CONTINUED)
    warning = s.do("cpw_issued", at=london(2026, 3, 1),
                   **cpw_fields(comply_by=london(2026, 3, 2))).instrument_id
    ref = s.refusal("cpn_issued", "cpn_requires_prior_warning", at=CPN_AT,
                    now=london(2026, 3, 3), **cpn_fields(warning))
    assert_refusal(ref, "cpn_requires_prior_warning", "hard", "ASBCPA2014 s.43(5)(a)",
                   "after the date of this notice", "Check the dates")


def test_next_steps_refuses_a_cpn_when_no_warning_was_ever_given() -> None:
    s = prepared()
    probe = {n.step: n for n in next_steps(s.agg, CPN_AT, RuleBook())}["cpn_issued"]
    assert not probe.allowed
    ref = next(r for r in probe.reasons if r.code == "cpn_requires_prior_warning")
    assert_refusal(ref, "cpn_requires_prior_warning", "hard", "ASBCPA2014 s.43(5)(a)",
                   "No Community Protection Warning", "Issue a CPW")


# ============================================================ CPN: warning period
def test_cpn_is_refused_while_the_warning_period_runs() -> None:
    s, warning = warned()
    s.link_incident(london(2026, 1, 20), london(2026, 1, 20))
    ref = s.refusal("cpn_issued", "cpn_before_warning_deadline", at=london(2026, 2, 9),
                    **cpn_fields(warning))
    assert_refusal(ref, "cpn_before_warning_deadline", "hard", "ASBCPA2014 s.43(5)(b)",
                   day_text(COMPLY_BY))
    assert ref.earliest == COMPLY_BY
    assert f"may be issued from {day_text(COMPLY_BY)}" in ref.remedy


def test_cpn_is_allowed_from_the_compliance_date_if_the_conduct_continued() -> None:
    s, warning = warned()
    s.link_incident(COMPLY_BY, COMPLY_BY)
    assert s.recorded("cpn_issued", at=COMPLY_BY, **cpn_fields(warning)) == "issued"


# ============================================================ CPN: continuing conduct
def test_cpn_is_refused_without_evidence_the_conduct_continued_after_the_deadline() -> None:
    s, warning = warned()
    s.link_incident(london(2026, 1, 20), london(2026, 1, 20))  # during the warning period only
    ref = s.refusal("cpn_issued", "cpn_requires_continuing_conduct", at=CPN_AT,
                    **cpn_fields(warning))
    assert_refusal(ref, "cpn_requires_continuing_conduct", "hard", "ASBCPA2014 s.43(5)(b)-(c)",
                   day_text(COMPLY_BY), "Link an incident")
    assert ref.earliest == COMPLY_BY


def test_cpn_is_allowed_once_an_incident_after_the_deadline_is_linked() -> None:
    s, warning = warned()
    s.link_incident(at=london(2026, 2, 14), occurred=CONTINUED)
    assert s.recorded("cpn_issued", at=CPN_AT, **cpn_fields(warning)) == "issued"


def test_an_incident_of_other_conduct_does_not_show_the_warned_conduct_continued() -> None:
    s, warning = warned()
    s.link_incident(at=london(2026, 2, 14), occurred=CONTINUED,
                    conduct="Graffiti on the bus shelter")
    assert s.refused("cpn_issued", at=CPN_AT, **cpn_fields(warning)) == [
        "cpn_requires_continuing_conduct"]


# ============================================================ CPN: appeal window
def test_a_cpn_appeal_on_the_twenty_first_day_counting_the_day_of_issue_is_in_time() -> None:
    s, _, cpn = noticed()  # issued 15 Feb: day 21 is 7 Mar
    event = s.do("cpn_appeal_lodged", at=london(2026, 3, 7, 23, 59), instrument_id=cpn)
    assert event.step == "cpn_appeal_lodged"


def test_a_cpn_appeal_after_the_twenty_one_days_is_refused() -> None:
    s, _, cpn = noticed()
    ref = s.refusal("cpn_appeal_lodged", "cpn_appeal_out_of_time", at=london(2026, 3, 8, 0, 0),
                    instrument_id=cpn)
    assert_refusal(ref, "cpn_appeal_out_of_time", "hard", "ASBCPA2014 s.46(2)",
                   "8 Mar 2026 00:00", "legal advice")


def test_a_cpn_can_be_appealed_in_time_after_a_breach_is_recorded() -> None:
    s, cpn = breached()
    assert s.recorded("cpn_appeal_lodged", at=london(2026, 2, 20),
                      instrument_id=cpn) == "appeal_pending"


def test_a_breach_of_a_stop_requirement_can_be_recorded_while_an_appeal_is_pending() -> None:
    s, _, cpn = noticed()
    s.do("cpn_appeal_lodged", at=london(2026, 2, 20), instrument_id=cpn)
    event = s.do("breach_recorded", at=london(2026, 2, 25), instrument_id=cpn,
                 description="Music at 01:30 again", clause="Stop playing amplified music")
    assert event.step == "breach_recorded"


# ============================================================ FPN
def test_an_fpn_is_refused_when_no_breach_of_the_cpn_is_recorded() -> None:
    s, _, cpn = noticed()
    ref = s.refusal("fpn_issued", "fpn_requires_cpn_breach", at=BREACH_AT, instrument_id=uuid4(),
                    notice_id=cpn, amount=Decimal("100"))
    assert_refusal(ref, "fpn_requires_cpn_breach", "hard", "ASBCPA2014 s.52(1)",
                   "breach_recorded")


def test_an_fpn_is_allowed_after_a_recorded_breach_of_the_cpn() -> None:
    s, cpn = breached()
    event = s.do("fpn_issued", at=FPN_AT, instrument_id=uuid4(), notice_id=cpn,
                 amount=Decimal("100"))
    assert event.amount == Decimal("100") and event.rule_set == "asbcpa2014-amended"


def test_a_second_fpn_for_the_same_breach_is_refused() -> None:
    s, cpn, fpn = fined()
    ref = s.refusal("fpn_issued", "fpn_one_per_breach", at=FPN_AT + timedelta(days=1),
                    instrument_id=uuid4(), notice_id=cpn, amount=Decimal("50"))
    entry = s.agg.instruments[fpn].opened_version
    assert_refusal(ref, "fpn_one_per_breach", "hard", "ASBCPA2014 s.52(1)-(2)",
                   f"already has the fixed penalty of 19 Feb 2026 (entry {entry})",
                   "a new FPN needs a new breach recorded after it")


def test_a_further_breach_after_an_fpn_may_found_another() -> None:
    s, cpn, _ = fined()
    s.do("breach_recorded", at=FPN_AT + timedelta(days=2), instrument_id=cpn,
         description="Music at 02:00, NC/9")
    event = s.do("fpn_issued", at=FPN_AT + timedelta(days=3), instrument_id=uuid4(),
                 notice_id=cpn, amount=Decimal("100"))
    assert event.notice_id == cpn


def test_an_fpn_above_the_cap_in_force_is_refused() -> None:
    s, cpn = breached()
    ref = s.refusal("fpn_issued", "fpn_amount_cap", at=FPN_AT, instrument_id=uuid4(),
                    notice_id=cpn, amount=Decimal("100.01"))
    assert_refusal(ref, "fpn_amount_cap", "hard", "ASBCPA2014 s.52(7)", "£100.01", "£100",
                   "asbcpa2014-amended")


_BREACHED: dict[str, tuple[Story, UUID]] = {}


def _breached_once(key: str, rule_book: RuleBook) -> tuple[Story, UUID]:
    """One breached-CPN history per rule book, shared by the property examples (decide only
    reads the aggregate, so examples cannot disturb each other)."""
    if key not in _BREACHED:
        _BREACHED[key] = breached(at=london(2026, 4, 1), rule_book=rule_book)
    return _BREACHED[key]


@HYPOTHESIS
@given(amount=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("900"), places=2))
def test_fpn_amounts_are_allowed_up_to_one_hundred_pounds_under_the_2014_act(
        amount: Decimal) -> None:
    s, cpn = _breached_once("2014", RuleBook())
    fields: dict[str, Any] = dict(instrument_id=uuid4(), notice_id=cpn, amount=amount)
    if amount <= 100:
        assert s.decide("fpn_issued", at=london(2026, 5, 1), **fields).amount == amount
    else:
        assert s.refused("fpn_issued", at=london(2026, 5, 1), **fields) == ["fpn_amount_cap"]


@HYPOTHESIS
@given(amount=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("900"), places=2),
       after=st.booleans())
def test_fpn_cap_is_five_hundred_pounds_only_once_the_2026_act_applies(
        amount: Decimal, after: bool) -> None:
    s, cpn = _breached_once("2026", CPA2026)
    at = london(2026, 5, 1) if after else london(2026, 4, 28)
    cap = 500 if after else 100
    fields: dict[str, Any] = dict(instrument_id=uuid4(), notice_id=cpn, amount=amount)
    if amount <= cap:
        event = s.decide("fpn_issued", at=at, **fields)
        assert event.rule_set == ("cpa2026" if after else "asbcpa2014-amended")
    else:
        assert s.refused("fpn_issued", at=at, **fields) == ["fpn_amount_cap"]


def test_a_150_pound_fpn_is_refused_under_the_2014_rule_set() -> None:
    s, cpn = breached(at=london(2026, 4, 1))
    ref = s.refusal("fpn_issued", "fpn_amount_cap", at=london(2026, 5, 1), instrument_id=uuid4(),
                    notice_id=cpn, amount=Decimal("150"))
    assert "£150" in ref.message and "asbcpa2014-amended" in ref.message


def test_a_150_pound_fpn_is_allowed_under_the_2026_act_once_switched_on_and_records_it() -> None:
    s, cpn = breached(at=london(2026, 4, 1), rule_book=CPA2026)
    event = s.do("fpn_issued", at=london(2026, 5, 1), instrument_id=uuid4(), notice_id=cpn,
                 amount=Decimal("150"))
    assert event.rule_set == "cpa2026"
    assert s.agg.instruments[event.instrument_id].rule_set == "cpa2026"


def test_a_150_pound_fpn_dated_before_the_2026_act_is_refused_even_when_switched_on() -> None:
    s, cpn = breached(at=london(2026, 4, 1), rule_book=CPA2026)
    ref = s.refusal("fpn_issued", "fpn_amount_cap", at=london(2026, 4, 28),
                    instrument_id=uuid4(), notice_id=cpn, amount=Decimal("150"))
    assert "asbcpa2014-amended" in ref.message


# ============================================================ prosecution after FPN
def test_prosecution_is_refused_during_the_fourteen_days_after_an_fpn() -> None:
    s, _, fpn = fined()  # FPN 19 Feb: proceedings from 6 Mar 00:00
    ref = s.refusal("prosecution_started", "prosecution_during_fpn_period",
                    at=london(2026, 3, 5, 23, 59), instrument_id=uuid4(), offence="s.48 breach",
                    relates_to=fpn)
    assert_refusal(ref, "prosecution_during_fpn_period", "hard", "ASBCPA2014 s.52(3)",
                   "6 Mar 2026 00:00", day_text(FPN_AT))
    assert ref.earliest == london(2026, 3, 6, 0, 0)


def test_prosecution_is_allowed_when_the_fpn_period_has_ended_unpaid() -> None:
    s, _, fpn = fined()
    s.do("prosecution_started", at=london(2026, 3, 6, 0, 0), instrument_id=uuid4(),
         offence="s.48 breach", relates_to=fpn)
    assert s.agg.instruments[fpn].state.value == "prosecuted"


def test_prosecution_naming_the_cpn_is_refused_while_the_fpn_for_its_breach_runs() -> None:
    s, cpn, _ = fined()
    assert s.refused(
        "prosecution_started", at=london(2026, 2, 22), instrument_id=uuid4(),
        offence="s.48 breach", relates_to=cpn) == [
        "prosecution_during_fpn_period"]


def test_prosecution_is_refused_for_an_fpn_paid_in_time() -> None:
    s, _, fpn = fined()
    s.do("fpn_paid", at=london(2026, 2, 25), instrument_id=fpn)
    assert s.refused("prosecution_started", at=london(2026, 3, 10), instrument_id=uuid4(),
                     offence="s.48 breach", relates_to=fpn) == ["prosecution_during_fpn_period"]


# ============================================================ CBO
def _prosecuted() -> tuple[Story, UUID]:
    s = prepared()
    pros = s.do("prosecution_started", at=london(2026, 2, 1), instrument_id=uuid4(),
                offence="Criminal damage").instrument_id
    return s, pros


@pytest.mark.parametrize("outcome", [None, "acquitted"])
def test_a_cbo_is_refused_without_a_conviction(outcome: str | None) -> None:
    s, pros = _prosecuted()
    if outcome:
        s.do("conviction_recorded", at=london(2026, 3, 1), instrument_id=pros, outcome=outcome)
    ref = s.refusal("cbo_granted", "cbo_requires_conviction", at=london(2026, 3, 2),
                    instrument_id=uuid4(), prosecution_id=pros, prohibitions=["Not to enter X"])
    assert_refusal(ref, "cbo_requires_conviction", "hard", "SA2020 s.331(1)-(3)",
                   "conviction_recorded")


def test_a_cbo_is_allowed_on_conviction() -> None:
    s, pros = _prosecuted()
    s.do("conviction_recorded", at=london(2026, 3, 1), instrument_id=pros, outcome="convicted")
    event = s.do("cbo_granted", at=london(2026, 3, 1), instrument_id=uuid4(), prosecution_id=pros,
                 prohibitions=["Not to enter Acacia Avenue"], expires_on=date(2028, 3, 1))
    assert event.step == "cbo_granted"


# ============================================================ injunctions: age, YOT
@pytest.mark.parametrize(("age", "allowed"),
                         [(9, False), (10, True), (15, True), (16, True), (17, True), (18, True)])
def test_an_injunction_needs_a_respondent_aged_ten_or_over(age: int, allowed: bool) -> None:
    at = london(2026, 3, 2)
    s = prepared(dob=born_aged(age, at.date()))
    s.consult(PREP, "yot")
    if allowed:
        assert s.recorded("injunction_applied", at=at, **inj_fields()) == "applied"
    else:
        assert s.refused("injunction_applied", at=at, **inj_fields()) == ["injunction_minimum_age"]
        ref = s.refusal("injunction_applied", "injunction_minimum_age", at=at, **inj_fields())
        assert_refusal(ref, "injunction_minimum_age", "hard", "ASBCPA2014 s.1(1)", "is 9",
                       day_text(at.date().replace(year=at.year + 1)))  # 10th birthday


@pytest.mark.parametrize(("age", "consulted", "allowed"), [
    (10, False, False), (15, False, False), (17, False, False), (17, True, True),
    (18, False, True),
])
def test_an_injunction_against_a_child_needs_the_yot_consulted_first(
        age: int, consulted: bool, allowed: bool) -> None:
    at = london(2026, 3, 2)
    s = prepared(dob=born_aged(age, at.date()))
    if consulted:
        s.consult(PREP, "yot")
    if allowed:
        assert s.recorded("injunction_applied", at=at, **inj_fields()) == "applied"
    else:
        assert s.refused("injunction_applied", at=at, **inj_fields()) == [
            "youth_injunction_requires_yot_consultation"]
        ref = s.refusals("injunction_applied", at=at, **inj_fields())[0]
        assert_refusal(ref, "youth_injunction_requires_yot_consultation", "hard",
                       "ASBCPA2014 s.14(1)-(2)", "under 18", "consultation_recorded")


def test_a_yot_consultation_recorded_after_the_application_does_not_count() -> None:
    at = london(2026, 3, 2)
    s = prepared(dob=born_aged(15, at.date()))
    s.consult(london(2026, 3, 3), "yot")
    assert s.refused(
        "injunction_applied", at=at, now=london(2026, 3, 3), **inj_fields()) == [
        "youth_injunction_requires_yot_consultation"]


def test_a_without_notice_application_may_precede_the_yot_consultation_but_the_grant_may_not(
) -> None:
    at = london(2026, 3, 2)
    s = prepared(dob=born_aged(15, at.date()))
    inj = applied(s, at, without_notice=True,
                  without_notice_justification="Threats to kill the neighbour's child")
    s.do("injunction_granted", at=london(2026, 3, 2, 16), instrument_id=inj, interim=True,
         expires_on=date(2026, 3, 16))
    assert s.refused("injunction_granted", at=london(2026, 3, 16), instrument_id=inj,
                     expires_on=date(2027, 3, 1)) == ["youth_injunction_requires_yot_consultation"]
    s.consult(london(2026, 3, 10), "yot")
    assert s.recorded("injunction_granted", at=london(2026, 3, 16), instrument_id=inj,
                      expires_on=date(2027, 3, 1)) == "granted"


# ============================================================ injunctions: youth term
GRANT = london(2026, 3, 2)


def _youth_applied() -> tuple[Story, UUID]:
    s = prepared(dob=date(2010, 9, 1))  # 15 on the grant
    s.consult(PREP, "yot")
    return s, applied(s, london(2026, 2, 20))


@pytest.mark.parametrize(("expires_on", "allowed"), [
    (date(2027, 2, 2), True),    # 11 months
    (date(2027, 3, 2), True),    # 12 months exactly
    (date(2027, 3, 3), False),   # 12 months and a day
    (None, False),               # "until further order"
])
def test_an_injunction_against_a_child_has_a_fixed_term_of_at_most_twelve_months(
        expires_on: date | None, allowed: bool) -> None:
    s, inj = _youth_applied()
    fields: dict[str, Any] = dict(instrument_id=inj, expires_on=expires_on)
    if allowed:
        assert s.do("injunction_granted", at=GRANT, **fields).expires_on == expires_on
    else:
        ref = s.refusal("injunction_granted", "youth_injunction_fixed_term", at=GRANT, **fields)
        assert_refusal(ref, "youth_injunction_fixed_term", "hard", "ASBCPA2014 s.1(6)",
                       "no later than 2 Mar 2027")


@pytest.mark.parametrize("expires_on", [None, date(2028, 6, 1)])
def test_an_adult_injunction_may_run_until_further_order_or_beyond_twelve_months(
        expires_on: date | None) -> None:
    s = prepared()
    inj = applied(s, london(2026, 2, 20))
    assert s.recorded("injunction_granted", at=GRANT, instrument_id=inj,
                      expires_on=expires_on) == "granted"


def _same_day_next_year(d: date) -> date:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:
        return date(d.year + 1, 2, 28)


@HYPOTHESIS
@given(grant=st.dates(min_value=date(2026, 2, 21), max_value=date(2026, 8, 31)),
       days=st.integers(min_value=300, max_value=400))
def test_youth_injunction_term_boundary_is_the_same_date_next_year(grant: date, days: int) -> None:
    s, inj = _youth_applied()
    expires = grant + timedelta(days=days)
    at = datetime(grant.year, grant.month, grant.day, 11, tzinfo=LONDON)
    if expires <= _same_day_next_year(grant):
        assert s.decide("injunction_granted", at=at, instrument_id=inj,
                        expires_on=expires).expires_on == expires
    else:
        assert s.refused("injunction_granted", at=at, instrument_id=inj,
                         expires_on=expires) == ["youth_injunction_fixed_term"]


# ============================================================ injunctions: supervisor
def test_positive_requirements_without_a_named_supervisor_are_refused() -> None:
    s = prepared()
    ref = s.refusal("injunction_applied", "positive_requirements_need_supervisor",
                    at=london(2026, 3, 2),
                    **inj_fields(positive_requirements=["Attend an anger management course"]))
    assert_refusal(ref, "positive_requirements_need_supervisor", "hard",
                   "ASBCPA2014 s.3(1); SA2020 s.332", "supervisor", "s.3(2)")


def test_positive_requirements_with_a_named_supervisor_are_allowed() -> None:
    s = prepared()
    inj = applied(s, positive_requirements=["Attend an anger management course"],
                  supervisor="Northtown Youth Service")
    assert s.agg.instruments[inj].supervisor == "Northtown Youth Service"


def test_a_cbo_with_requirements_needs_a_supervisor() -> None:
    s, pros = _prosecuted()
    s.do("conviction_recorded", at=london(2026, 3, 1), instrument_id=pros)
    fields: dict[str, Any] = dict(instrument_id=uuid4(), prosecution_id=pros,
                                  requirements=["Attend DIP"])
    assert s.refused("cbo_granted", at=london(2026, 3, 1), **fields) == [
        "positive_requirements_need_supervisor"]
    assert s.recorded("cbo_granted", at=london(2026, 3, 1), supervisor="Probation",
                      **fields) == "granted"


def test_a_grant_repeating_positive_requirements_relies_on_the_applications_supervisor() -> None:
    s = prepared()
    reqs = ["Attend an anger management course"]
    inj = applied(s, positive_requirements=reqs, supervisor="Northtown Youth Service")
    assert s.recorded("injunction_granted", at=GRANT, instrument_id=inj, positive_requirements=reqs,
                      expires_on=date(2027, 3, 1)) == "granted"


# ============================================================ injunctions: without notice
def test_a_without_notice_application_without_justification_is_refused() -> None:
    s = prepared()
    ref = s.refusal("injunction_applied", "without_notice_needs_justification",
                    at=london(2026, 3, 2), **inj_fields(without_notice=True))
    assert_refusal(ref, "without_notice_needs_justification", "hard",
                   "ASBCPA2014 s.6; Moat Housing v Harris [2005]", "exceptional", "urgency")


def test_a_justified_without_notice_application_is_allowed() -> None:
    s = prepared()
    inj = applied(s, without_notice=True,
                  without_notice_justification="Victim fears reprisal if notice is given")
    assert s.agg.instruments[inj].without_notice


# ============================================================ arrest and committal
def test_arrest_under_a_power_of_arrest_the_injunction_lacks_is_refused() -> None:
    s, inj = with_injunction(poa=False)
    ref = s.refusal("arrested", "arrest_requires_power_of_arrest", at=london(2026, 4, 1),
                    instrument_id=uuid4(), power="power_of_arrest", injunction_id=inj)
    assert_refusal(ref, "arrest_requires_power_of_arrest", "hard", "ASBCPA2014 ss.4, 9(1)",
                   "power of arrest", "warrant (s.10)")


def test_arrest_under_the_injunctions_power_of_arrest_is_allowed() -> None:
    s, inj = with_injunction(poa=True)
    event = s.do("arrested", at=london(2026, 4, 1), instrument_id=uuid4(),
                 power="power_of_arrest", injunction_id=inj, applicant_informed=True)
    assert s.agg.instruments[event.instrument_id].parent_id == inj


def test_arrest_under_a_warrant_does_not_need_a_power_of_arrest() -> None:
    s, inj = with_injunction(poa=False)
    assert s.recorded("arrested", at=london(2026, 4, 1), instrument_id=uuid4(), power="warrant",
                      injunction_id=inj) == "arrested"


def test_arrest_after_the_power_of_arrest_ended_is_refused() -> None:
    s, inj = with_injunction(poa_expires=date(2026, 6, 30))
    ref = s.refusal("arrested", "arrest_requires_injunction_in_force", at=london(2026, 7, 1, 9),
                    instrument_id=uuid4(), power="power_of_arrest", injunction_id=inj)
    assert_refusal(ref, "arrest_requires_injunction_in_force", "hard",
                   "ASBCPA2014 ss.4(2), 9(1)", "30 Jun 2026", "warrant")


def test_arrest_after_the_injunction_expired_is_refused() -> None:
    s, inj = with_injunction(expires=date(2026, 6, 30))
    assert s.refused(
        "arrested", at=london(2026, 7, 1, 9), instrument_id=uuid4(), power="power_of_arrest",
        injunction_id=inj) == [
        "arrest_requires_injunction_in_force"]


def test_arrest_on_the_last_day_of_the_power_of_arrest_is_allowed() -> None:
    s, inj = with_injunction(poa_expires=date(2026, 6, 30))
    assert s.recorded("arrested", at=london(2026, 6, 30, 23, 30), instrument_id=uuid4(),
                      power="power_of_arrest", injunction_id=inj) == "arrested"




@pytest.mark.parametrize("offset", [
    pytest.param(LONDON, id="london"),
    pytest.param(timezone.utc, id="utc"),
])
def test_arrest_after_the_power_of_arrest_ended_is_refused_whatever_the_utc_offset(
        offset: Any) -> None:
    s, inj = with_injunction(poa_expires=date(2026, 6, 30))
    at = london(2026, 7, 1, 0, 30).astimezone(offset)  # 00:30 BST on 1 July
    assert s.refused(
        "arrested", at=at, instrument_id=uuid4(), power="power_of_arrest", injunction_id=inj) == [
        "arrest_requires_injunction_in_force"]


def test_arrest_not_naming_the_injunction_is_allowed_while_any_power_of_arrest_is_in_force(
) -> None:
    s, _ = with_injunction(poa_expires=date(2026, 6, 30))
    second = applied(s, london(2026, 7, 10), terms=["Not to contact the victim"])
    s.do("injunction_granted", at=london(2026, 7, 20), instrument_id=second,
         expires_on=date(2027, 6, 30), power_of_arrest=True,
         power_of_arrest_ground="significant_risk_of_harm",
         power_of_arrest_evidence="Risk assessment")
    assert s.recorded("arrested", at=london(2026, 8, 1), instrument_id=uuid4(),
                      power="power_of_arrest") == "arrested"


def _before_court(breach: bool) -> tuple[Story, UUID]:
    s, inj = with_injunction()
    if breach:
        s.do("breach_recorded", at=london(2026, 4, 1, 9), instrument_id=inj,
             description="Seen in Acacia Avenue, BWV NC/7")
    arrest = s.do("arrested", at=london(2026, 4, 1, 10), instrument_id=uuid4(),
                  power="power_of_arrest", injunction_id=inj).instrument_id
    s.do("court_appearance", at=london(2026, 4, 2, 10), instrument_id=arrest,
         court="Northtown County Court")
    return s, arrest


def test_committal_is_refused_without_a_recorded_breach_of_the_injunction() -> None:
    s, arrest = _before_court(breach=False)
    ref = s.refusal("committal_decided", "committal_requires_recorded_breach",
                    at=london(2026, 4, 20), instrument_id=arrest, outcome="suspended_committal")
    assert_refusal(ref, "committal_requires_recorded_breach", "hard", "CPR 81.4; ASBCPA2014 s.9",
                   "breach_recorded")


def test_committal_is_allowed_for_a_recorded_breach() -> None:
    s, arrest = _before_court(breach=True)
    assert s.recorded("committal_decided", at=london(2026, 4, 20), instrument_id=arrest,
                      outcome="suspended_committal") == "decided"


# ============================================================ dispersal
@pytest.mark.parametrize(("age", "allowed"),
                         [(9, False), (10, True), (15, True), (16, True), (17, True), (18, True)])
def test_no_dispersal_direction_to_a_child_under_ten(age: int, allowed: bool) -> None:
    at = london(2026, 3, 7, 21)
    s = Story.person(dob=born_aged(age, at.date()), at=OPEN)
    if allowed:
        assert s.recorded("dispersal_direction_given", at=at, **dispersal_fields()) == "given"
    else:
        ref = s.refusal("dispersal_direction_given", "dispersal_minimum_age", at=at,
                        **dispersal_fields())
        assert_refusal(ref, "dispersal_minimum_age", "hard", "ASBCPA2014 s.36(1)", "9",
                       "place of safety")


def test_a_dispersal_direction_is_allowed_when_the_date_of_birth_is_unknown() -> None:
    s = Story.person(dob=None, at=OPEN)  # s.36(1) is about apparent age: the officer judges
    assert s.recorded("dispersal_direction_given", at=london(2026, 3, 7, 21),
                      **dispersal_fields()) == "given"


@pytest.mark.parametrize(("rank", "allowed"), [
    ("pcso", False), ("constable", False), ("sergeant", False), ("inspector", True),
    ("chief_inspector", True), ("superintendent", True), ("council_chief_executive", False),
    ("housing_officer", False),
])
def test_dispersal_needs_an_authorisation_by_an_inspector_or_above(rank: str,
                                                                   allowed: bool) -> None:
    s = Story.person(at=OPEN)
    fields = dispersal_fields(authorised_by_rank=rank)
    if allowed:
        assert s.recorded("dispersal_direction_given", at=london(2026, 3, 7, 21),
                          **fields) == "given"
    else:
        ref = s.refusal("dispersal_direction_given", "dispersal_requires_inspector_authorisation",
                        at=london(2026, 3, 7, 21), **fields)
        assert_refusal(ref, "dispersal_requires_inspector_authorisation", "hard",
                       "ASBCPA2014 s.34(1)", rank.replace("_", " "), "inspector or above")


@pytest.mark.parametrize(("rule_book", "at", "hours", "allowed", "rule_set"), [
    (RuleBook(), london(2026, 5, 1), 48, True, "asbcpa2014-amended"),
    (RuleBook(), london(2026, 5, 1), 49, False, "asbcpa2014-amended"),
    (CPA2026, london(2026, 4, 28), 49, False, "asbcpa2014-amended"),
    (CPA2026, london(2026, 5, 1), 72, True, "cpa2026"),
    (CPA2026, london(2026, 5, 1), 73, False, "cpa2026"),
], ids=["2014-48h", "2014-49h", "switched-before-2026-act", "2026-72h", "2026-73h"])
def test_dispersal_exclusion_is_capped_by_the_rule_set_in_force(
        rule_book: RuleBook, at: datetime, hours: int, allowed: bool, rule_set: str) -> None:
    s = Story.person(at=OPEN, rule_book=rule_book)
    fields = dispersal_fields(exclusion_hours=hours)
    if allowed:
        assert s.do("dispersal_direction_given", at=at, **fields).rule_set == rule_set
    else:
        ref = s.refusal("dispersal_direction_given", "dispersal_max_exclusion", at=at, **fields)
        cap = 72 if rule_set == "cpa2026" else 48
        assert_refusal(ref, "dispersal_max_exclusion", "hard", "ASBCPA2014 s.35(4)",
                       f"{hours} hours", f"{cap}-hour", rule_set)


# ============================================================ overrides (governance)
def test_an_officer_cannot_authorise_an_override() -> None:
    s = Story.person(at=OPEN)
    ref = s.refusal("override_authorised", "override_requires_supervisor", at=PREP, actor=OFFICER,
                    override_id=uuid4(), for_step="cpw_issued",
                    guard_code="lesser_measures_skipped",
                    reason="Immediate risk to a vulnerable neighbour")
    assert_refusal(ref, "override_requires_supervisor", "hard", "ASB statutory guidance for frontline professionals (Home Office, 2023); the agency's scheme of delegation",
                   "officer", "supervisor")


def test_a_supervisor_can_authorise_an_override() -> None:
    s = Story.person(at=OPEN)
    oid = s.override(PREP, "cpw_issued", "lesser_measures_skipped")
    assert [o.id for o in s.agg.overrides] == [oid]
    assert s.agg.overrides[0].used_by_version is None


@pytest.mark.parametrize(("for_step", "code"), [
    ("cpn_issued", "cpn_before_warning_deadline"),
    ("cpw_issued", "cpw_minimum_age"),
    ("injunction_granted", "youth_injunction_fixed_term"),
])
def test_an_override_naming_a_hard_guard_is_invalid_input(for_step: str, code: str) -> None:
    s = Story.person(at=OPEN)
    with pytest.raises(DomainValidationError) as caught:
        s.decide("override_authorised", at=PREP, actor=SUPERVISOR, override_id=uuid4(),
                 for_step=for_step, guard_code=code, reason="The deadline is inconvenient")
    [problem] = caught.value.problems
    assert problem.field == "guard_code"
    assert "HARD guards cannot be overridden" in problem.rule
    assert s.agg.version == 1


# ============================================================ SOFT: support_not_offered
def _no_support() -> Story:
    s = Story.person(at=OPEN)
    s.assess(PREP)
    s.intervene(PREP)
    return s


def test_an_injunction_application_is_refused_when_no_support_was_offered() -> None:
    s = _no_support()
    assert s.refused("injunction_applied", at=london(2026, 3, 2), **inj_fields()) == [
        "support_not_offered"]
    ref = s.refusals("injunction_applied", at=london(2026, 3, 2), **inj_fields())[0]
    assert_refusal(ref, "support_not_offered", "soft",
                   "ASB statutory guidance for frontline professionals (Home Office, 2023); "
                   "ASB Principles 2022 (address underlying causes)",
                   "support_referral_made", "supervisor")


def test_a_cpn_is_refused_when_no_support_was_offered() -> None:
    s = _no_support()
    warning = s.do("cpw_issued", at=CPW_AT, **cpw_fields()).instrument_id
    s.link_incident(CONTINUED, CONTINUED)
    assert s.refused("cpn_issued", at=CPN_AT, **cpn_fields(warning)) == ["support_not_offered"]


def test_a_support_referral_offered_before_the_step_satisfies_the_guidance() -> None:
    s = _no_support()
    referral = s.refer(london(2026, 2, 1))
    s.do("support_referral_updated", at=london(2026, 2, 10), referral_id=referral,
         status="declined", reason="Says he does not need help")  # offered is what counts
    assert s.recorded("injunction_applied", at=london(2026, 3, 2), **inj_fields()) == "applied"


def test_a_support_referral_offered_after_the_step_date_does_not_count() -> None:
    s = _no_support()
    s.refer(london(2026, 3, 5))
    assert s.refused("injunction_applied", at=london(2026, 3, 2), now=london(2026, 3, 5),
                     **inj_fields()) == ["support_not_offered"]


def test_a_supervisors_override_lets_one_injunction_through_without_support() -> None:
    s = _no_support()
    oid = s.override(london(2026, 3, 1), "injunction_applied", "support_not_offered")
    event = s.do("injunction_applied", at=london(2026, 3, 2), **inj_fields())
    assert event.overrides_used == (oid,)
    assert s.agg.overrides[0].used_by_version == event.originator_version
    # consumed: the next identical step is refused again
    assert s.refused("injunction_applied", at=london(2026, 3, 3), **inj_fields()) == [
        "support_not_offered"]


# ============================================================ SOFT: proportionality
def _no_assessment() -> Story:
    s = Story.person(at=OPEN)
    s.refer(PREP)
    s.intervene(PREP)
    return s


def test_an_injunction_application_is_refused_without_a_proportionality_assessment() -> None:
    s = _no_assessment()
    assert s.refused("injunction_applied", at=london(2026, 3, 2), **inj_fields()) == [
        "no_proportionality_assessment"]
    ref = s.refusals("injunction_applied", at=london(2026, 3, 2), **inj_fields())[0]
    assert_refusal(ref, "no_proportionality_assessment", "soft",
                   "HRA 1998 Sch.1 Art 8; Equality Act 2010 ss.15, 149 "
                   "(due regard before deciding)",
                   "proportionality_assessed")


def test_an_assessment_for_another_step_does_not_satisfy_the_guidance() -> None:
    s = _no_assessment()
    s.assess(PREP, for_step="cpn_issued")
    assert s.refused("injunction_applied", at=london(2026, 3, 2), **inj_fields()) == [
        "no_proportionality_assessment"]


@pytest.mark.parametrize("for_step", [None, "injunction_applied"])
def test_an_assessment_for_this_step_or_in_general_satisfies_the_guidance(
        for_step: str | None) -> None:
    s = _no_assessment()
    s.assess(PREP, for_step=for_step)
    assert s.do("injunction_applied", at=london(2026, 3, 2), **inj_fields()).overrides_used == ()


def test_a_supervisors_override_lets_one_step_through_without_an_assessment() -> None:
    s = _no_assessment()
    oid = s.override(london(2026, 3, 1), "injunction_applied", "no_proportionality_assessment")
    event = s.do("injunction_applied", at=london(2026, 3, 2), **inj_fields())
    assert event.overrides_used == (oid,)
    assert s.refused("injunction_applied", at=london(2026, 3, 3), **inj_fields()) == [
        "no_proportionality_assessment"]


# ============================================================ SOFT: lesser measures
def test_a_cpw_is_refused_when_no_lesser_measure_was_tried_or_reason_given() -> None:
    s = Story.person(at=OPEN)
    ref = s.refusal("cpw_issued", "lesser_measures_skipped", at=CPW_AT, **cpw_fields())
    assert_refusal(ref, "lesser_measures_skipped", "soft",
                   "ASB statutory guidance for frontline professionals (Home Office, 2023) (proportionate, graduated response); "
                   "ASBCPA2014 s.43(1)(b) (conduct unreasonable)", "early intervention", "lesser_measures_reason")


@pytest.mark.parametrize("how", ["early_intervention", "reason_on_the_step"])
def test_a_cpw_is_allowed_after_an_early_intervention_or_with_a_reason(how: str) -> None:
    s = Story.person(at=OPEN)
    extra = {}
    if how == "early_intervention":
        s.intervene(PREP, "acceptable_behaviour_contract")
    else:
        extra = {"lesser_measures_reason": "Threats of violence: a letter would not be safe"}
    assert s.do("cpw_issued", at=CPW_AT, **cpw_fields(**extra)).overrides_used == ()


def test_an_earlier_cpw_counts_as_a_lesser_measure_before_an_injunction() -> None:
    s = Story.person(at=OPEN)
    s.refer(PREP)
    s.assess(PREP)
    s.do("cpw_issued", at=CPW_AT, **cpw_fields(lesser_measures_reason="Urgent risk"))
    assert s.recorded("injunction_applied", at=london(2026, 3, 2), **inj_fields()) == "applied"


def test_a_supervisors_override_lets_one_cpw_skip_lesser_measures() -> None:
    s = Story.person(at=OPEN)
    oid = s.override(PREP, "cpw_issued", "lesser_measures_skipped")
    event = s.do("cpw_issued", at=CPW_AT, **cpw_fields())
    assert event.overrides_used == (oid,)
    assert s.agg.overrides[0].used_by_version == event.originator_version
    assert s.refused("cpw_issued", at=london(2026, 1, 11), **cpw_fields()) == [
        "lesser_measures_skipped"]


def test_an_override_is_only_for_the_step_it_names() -> None:
    s = Story.person(at=OPEN)
    s.refer(PREP)
    s.assess(PREP)
    s.override(PREP, "cpw_issued", "lesser_measures_skipped")
    assert s.refused("injunction_applied", at=london(2026, 3, 2), **inj_fields()) == [
        "lesser_measures_skipped"]


def test_an_override_is_not_consumed_by_a_step_refused_for_a_hard_reason() -> None:
    s = Story.person(dob=born_aged(15, CPW_AT.date()), at=OPEN)
    s.override(PREP, "cpw_issued", "lesser_measures_skipped")
    assert s.refused("cpw_issued", at=CPW_AT, **cpw_fields()) == ["cpw_minimum_age"]
    assert s.agg.overrides[0].used_by_version is None


def test_an_override_of_one_soft_guard_leaves_the_others_refusing() -> None:
    s = Story.person(at=OPEN)
    s.intervene(PREP)
    s.override(london(2026, 3, 1), "injunction_applied", "support_not_offered")
    assert s.refused("injunction_applied", at=london(2026, 3, 2), **inj_fields()) == [
        "no_proportionality_assessment"]
    assert s.agg.overrides[0].used_by_version is None


# ============================================================ all reasons at once
def test_a_refusal_returns_every_failing_guard_not_just_the_first() -> None:
    s = Story.person(at=OPEN)
    warning = s.do("cpw_issued", at=CPW_AT,
                   **cpw_fields(lesser_measures_reason="Urgent: threats")).instrument_id
    refusals = s.refusals("cpn_issued", at=london(2026, 2, 1),
                          **cpn_fields(warning, conduct="Graffiti on the bus shelter"))
    codes = [r.code for r in refusals]
    assert sorted(codes) == sorted({
        "cpn_requires_prior_warning", "cpn_before_warning_deadline",
        "cpn_requires_continuing_conduct", "support_not_offered",
        "no_proportionality_assessment",
    })
    assert {r.kind.value for r in refusals} == {"hard", "soft"}


def test_next_steps_lists_the_cpn_as_refused_with_its_earliest_date() -> None:
    s, _ = warned()
    probe = {n.step: n for n in next_steps(s.agg, london(2026, 2, 1), RuleBook())}["cpn_issued"]
    assert not probe.allowed and not probe.overridable
    assert {r.code: r.earliest for r in probe.reasons}["cpn_before_warning_deadline"] == COMPLY_BY


# ============================================================ breach period
def test_a_dispersal_breach_within_the_exclusion_is_recorded() -> None:
    s = prepared()
    given = london(2026, 3, 7, 21)
    direction = dispersal_fields(exclusion_hours=24)
    s.do("dispersal_direction_given", at=given, **direction)
    assert s.recorded("breach_recorded", at=london(2026, 3, 8, 9), instrument_id=direction["instrument_id"],
                      description="Returned to Market Square") == "breached"


def test_a_dispersal_breach_after_the_exclusion_ended_is_refused() -> None:
    s = prepared()
    direction = dispersal_fields(exclusion_hours=24)
    s.do("dispersal_direction_given", at=london(2026, 3, 7, 21), **direction)
    ref = s.refusal("breach_recorded", "breach_outside_instrument_period",
                    at=london(2026, 3, 9, 9), instrument_id=direction["instrument_id"],
                    description="Returned to Market Square")
    assert_refusal(ref, "breach_outside_instrument_period", "hard",
                   "ASBCPA2014 ss.35(4), 39(1)", "exclusion ended")


def test_a_breach_dated_before_the_instrument_was_given_is_refused() -> None:
    s = prepared()
    direction = dispersal_fields(exclusion_hours=24)
    s.do("dispersal_direction_given", at=london(2026, 3, 7, 21), **direction)
    assert s.refused(
        "breach_recorded", at=london(2026, 3, 7, 20), instrument_id=direction["instrument_id"],
        description="Was in Market Square") == [
        "breach_outside_instrument_period"]


# ============================================================ who gives a dispersal direction
def test_a_dispersal_direction_recorded_by_a_council_officer_is_refused() -> None:
    s = prepared()
    ref = s.refusal("dispersal_direction_given", "dispersal_given_by_constable",
                    at=london(2026, 3, 7, 21), actor=COUNCIL, **dispersal_fields())
    assert_refusal(ref, "dispersal_given_by_constable", "hard", "ASBCPA2014 ss.35(1), 40",
                   "council officer", "constable")


def test_a_dispersal_direction_given_by_a_constable_is_recorded() -> None:
    s = prepared()
    assert s.recorded("dispersal_direction_given", at=london(2026, 3, 7, 21), actor=OFFICER,
                      **dispersal_fields()) == "given"


# ============================================================ interim without notice (s.7(2))
def test_a_without_notice_interim_injunction_may_not_impose_positive_requirements() -> None:
    s = prepared()
    inj = applied(s, london(2026, 3, 2), without_notice=True,
                  without_notice_justification="Threats to kill the neighbour's child")
    ref = s.refusal("injunction_granted", "without_notice_interim_no_activities",
                    at=london(2026, 3, 2, 15), instrument_id=inj, interim=True,
                    positive_requirements=["Attend an anger management course"],
                    supervisor="Northtown Youth Service")
    assert_refusal(ref, "without_notice_interim_no_activities", "hard", "ASBCPA2014 s.7(2)",
                   "without notice")


def test_a_without_notice_interim_injunction_with_prohibitions_only_is_granted() -> None:
    s = prepared()
    inj = applied(s, london(2026, 3, 2), without_notice=True,
                  without_notice_justification="Threats to kill the neighbour's child")
    assert s.recorded("injunction_granted", at=london(2026, 3, 2, 15), instrument_id=inj,
                      interim=True) == "interim"


# ============================================================ closed pathways
def test_new_enforcement_on_a_closed_pathway_is_refused_until_it_is_reopened() -> None:
    s = prepared()
    s.do("pathway_closed", at=london(2026, 2, 1), outcome="resolved")
    ref = s.refusal("cpw_issued", "pathway_is_closed", at=london(2026, 2, 10), **cpw_fields(
        comply_by=london(2026, 2, 24)))
    assert_refusal(ref, "pathway_is_closed", "hard",
                   "CDA 1998 s.17; DPA 2018 s.38(1)",
                   "resolved", "Reopen")
    s.do("pathway_reopened", at=london(2026, 2, 9), reason="Fresh reports from residents")
    assert s.recorded("cpw_issued", at=london(2026, 2, 10),
                      **cpw_fields(comply_by=london(2026, 2, 24))) == "issued"


def test_facts_about_existing_orders_are_still_recorded_after_closure() -> None:
    s = prepared()
    direction = dispersal_fields(exclusion_hours=24)
    s.do("dispersal_direction_given", at=london(2026, 3, 7, 21), **direction)
    s.do("pathway_closed", at=london(2026, 3, 7, 22), outcome="supported")
    assert s.recorded("breach_recorded", at=london(2026, 3, 8, 9), instrument_id=direction["instrument_id"],
                      description="Returned to Market Square") == "breached"


def test_an_open_pathway_cannot_be_reopened() -> None:
    s = prepared()
    assert s.refused("pathway_reopened", at=london(2026, 2, 9),
                     reason="Fresh reports from residents") == ["pathway_reopen_needs_closed_pathway"]
