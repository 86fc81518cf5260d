"""Guards of powers of arrest, Criminal Behaviour Orders and Respect Orders, at their edges."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

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


def test_a_power_of_arrest_sought_on_a_ground_with_evidence_is_recorded_on_the_application() -> None:
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
