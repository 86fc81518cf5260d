"""Guards of powers of arrest, Criminal Behaviour Orders and Respect Orders, at their edges."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID, uuid4

from domain.rulesets import RuleBook
from tests.unit.helpers import assert_refusal, london
from tests.unit.test_guards_person import applied, prepared

GROUND = {"power_of_arrest_ground": "violence_or_threat",
          "power_of_arrest_evidence": "Threatened a neighbour with a bottle"}


# ============================================================ power of arrest (s.4(1))
def test_a_power_of_arrest_sought_without_a_ground_is_refused() -> None:
    s = prepared()
    ref = s.refusal("injunction_applied", "power_of_arrest_requires_ground", at=london(2026, 3, 2),
                    instrument_id=uuid4(), terms=["Not to enter Acacia Avenue"],
                    power_of_arrest_sought=True)
    assert_refusal(ref, "power_of_arrest_requires_ground", "hard", "ASBCPA2014 s.4(1)",
                   "no ground", "significant_risk_of_harm")


def test_a_power_of_arrest_sought_with_ground_and_evidence_is_recorded() -> None:
    s = prepared()
    inj = applied(s, power_of_arrest_sought=True, **GROUND)
    assert s.agg.instruments[inj].power_of_arrest_ground == "violence_or_threat"


def test_a_grant_with_a_power_of_arrest_needs_a_ground_when_the_application_had_none() -> None:
    s = prepared()
    inj = applied(s)
    ref = s.refusal("injunction_granted", "power_of_arrest_requires_ground",
                    at=london(2026, 3, 9), instrument_id=inj, power_of_arrest=True)
    assert_refusal(ref, "power_of_arrest_requires_ground", "hard", "ASBCPA2014 s.4(1)",
                   "violence", "power_of_arrest_evidence")
    assert s.recorded("injunction_granted", at=london(2026, 3, 9), instrument_id=inj,
                      power_of_arrest=True, power_of_arrest_ground="significant_risk_of_harm",
                      power_of_arrest_evidence="MARAC risk assessment") == "granted"


def test_a_variation_adding_a_power_of_arrest_needs_a_ground() -> None:
    s = prepared()
    inj = applied(s)
    s.do("injunction_granted", at=london(2026, 3, 9), instrument_id=inj,
         expires_on=date(2027, 3, 1))
    ref = s.refusal("injunction_varied", "power_of_arrest_requires_ground",
                    at=london(2026, 4, 9), instrument_id=inj, changes="Power of arrest added",
                    power_of_arrest=True)
    assert_refusal(ref, "power_of_arrest_requires_ground", "hard", "ASBCPA2014 s.4(1)",
                   "no ground", "without a power of arrest")


def test_a_power_of_arrest_on_a_requirement_to_take_part_in_activities_is_refused() -> None:
    s = prepared()
    inj = applied(s, power_of_arrest_sought=True, positive_requirements=["Attend a course"],
                  supervisor="Probation", **GROUND)
    ref = s.refusal("injunction_granted", "power_of_arrest_not_on_activity_requirement",
                    at=london(2026, 3, 9), instrument_id=inj, power_of_arrest=True,
                    power_of_arrest_terms=["Attend a course"])
    assert_refusal(ref, "power_of_arrest_not_on_activity_requirement", "hard",
                   "ASBCPA2014 s.4(1)", "Attend a course", "warrant (s.10)")


def test_a_power_of_arrest_on_a_prohibition_is_recorded_with_its_terms() -> None:
    s = prepared()
    inj = applied(s, power_of_arrest_sought=True, positive_requirements=["Attend a course"],
                  supervisor="Probation", **GROUND)
    s.do("injunction_granted", at=london(2026, 3, 9), instrument_id=inj, power_of_arrest=True,
         power_of_arrest_terms=["Not to enter Acacia Avenue"])
    assert s.agg.instruments[inj].power_of_arrest_terms == ("Not to enter Acacia Avenue",)


def test_a_power_of_arrest_naming_a_provision_the_order_lacks_is_refused() -> None:
    s = prepared()
    inj = applied(s, power_of_arrest_sought=True, **GROUND)
    ref = s.refusal("injunction_granted", "power_of_arrest_not_on_activity_requirement",
                    at=london(2026, 3, 9), instrument_id=inj, power_of_arrest=True,
                    power_of_arrest_terms=["Not to shout"])
    assert "does not contain" in ref.message


# ============================================================ Criminal Behaviour Orders
def _convicted(s: Any, at: Any) -> UUID:
    prosecution = s.new("prosecution_started", "instrument_id", at=at, offence="Criminal damage")
    s.do("conviction_recorded", at=at, instrument_id=prosecution, outcome="convicted")
    return prosecution


def test_an_adults_cbo_ending_a_day_short_of_two_years_is_refused() -> None:
    s = prepared()
    p = _convicted(s, london(2026, 6, 15))
    ref = s.refusal("cbo_granted", "cbo_duration", at=london(2026, 6, 15), instrument_id=uuid4(),
                    prosecution_id=p, expires_on=date(2028, 6, 13))
    assert_refusal(ref, "cbo_duration", "hard", "SA2020 s.334", "13 Jun 2028", "14 Jun 2028")
    assert s.recorded("cbo_granted", at=london(2026, 6, 15), instrument_id=uuid4(),
                      prosecution_id=p, expires_on=None) == "granted"


def test_a_youths_cbo_needs_yot_views_and_a_fixed_term_of_one_to_three_years() -> None:
    s = prepared(dob=date(2010, 9, 10))
    p = _convicted(s, london(2026, 6, 15))
    ref = s.refusal("cbo_granted", "cbo_youth_requires_yot_views", at=london(2026, 6, 15),
                    instrument_id=uuid4(), prosecution_id=p, expires_on=date(2027, 6, 14))
    assert_refusal(ref, "cbo_youth_requires_yot_views", "hard", "SA2020 s.331(5)",
                   "is 15", "consultation_recorded")
    s.do("consultation_recorded", at=london(2026, 6, 10), consultation_id=uuid4(), body="yot",
         about_step="cbo_granted")
    ref = s.refusal("cbo_granted", "cbo_duration", at=london(2026, 6, 15), instrument_id=uuid4(),
                    prosecution_id=p, expires_on=date(2029, 6, 15))
    assert_refusal(ref, "cbo_duration", "hard", "SA2020 s.334", "1 to 3 years", "14 Jun 2029")
    assert s.recorded("cbo_granted", at=london(2026, 6, 15), instrument_id=uuid4(),
                      prosecution_id=p, expires_on=date(2029, 6, 14)) == "granted"


# ============================================================ Respect Orders
CPA2026 = RuleBook.with_switches(["cpa2026"])
RESPECT = {"prohibitions": ["Not to shout at residents"]}


def test_a_respect_order_is_refused_where_the_rule_set_has_not_commenced_it() -> None:
    s = prepared()
    ref = s.refusal("respect_order_applied", "respect_order_not_in_force",
                    at=london(2026, 6, 1), instrument_id=uuid4(), **RESPECT)
    assert_refusal(ref, "respect_order_not_in_force", "hard",
                   "Crime and Policing Act 2026 (ASBCPA2014 Part A1); commencement regulations",
                   "asbcpa2014-amended", "cpa2026")


def test_a_respect_order_is_for_a_person_of_18_or_over() -> None:
    s = prepared(dob=date(2008, 6, 2), rule_book=CPA2026)
    ref = s.refusal("respect_order_applied", "respect_order_adults_only", at=london(2026, 6, 1),
                    instrument_id=uuid4(), **RESPECT)
    assert_refusal(ref, "respect_order_adults_only", "hard",
                   "ASBCPA2014 Part A1 (inserted by CPA2026)", "is 17", "civil injunction")
    assert s.recorded("respect_order_applied", at=london(2026, 6, 2), instrument_id=uuid4(),
                      **RESPECT) == "applied"


def test_a_respect_order_requirement_needs_a_supervisor() -> None:
    s = prepared(rule_book=CPA2026)
    ref = s.refusal("respect_order_applied", "respect_order_requirements_need_supervisor",
                    at=london(2026, 6, 1), instrument_id=uuid4(),
                    requirements=["Attend a course"])
    assert_refusal(ref, "respect_order_requirements_need_supervisor", "hard",
                   "ASBCPA2014 Part A1 (inserted by CPA2026)", "no supervisor", "supervising")
