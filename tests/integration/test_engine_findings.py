"""Engine behaviour found wrong while building `asb demo`, now regression tests.

Each failed on commit 00e7858 and passes on the fixed working tree:
- unknown ids: service `load_any` raised AttributeError instead of NotFoundError;
- the arrest deadline vanished once the court appearance overwrote `Instrument.detail`;
- next_steps offered steps with no possible target (a decided arrest, a granted injunction);
- a dispersal "breach" weeks after the exclusion ended was recorded.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any
from uuid import UUID, uuid4

import pytest

from domain.model import Actor, NotFoundError

OFFICER = Actor("n.carter", "Marlshire Police", "officer", "constable")
T0 = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)


def record(app: Any, clock: Any, stream: UUID, at: datetime, step: str, **fields: Any) -> None:
    clock.set(at + timedelta(minutes=5))
    app.record(stream, {"step": step, "occurred_at": at, **fields}, OFFICER)


def adult_with_arrest(app: Any, clock: Any) -> tuple[UUID, UUID]:
    """An adult with an injunction (power of arrest), a breach and an arrest under it."""
    clock.set(T0)
    p = app.open_pathway({"occurred_at": T0, "subject": {"name": "A. Adult",
                                                         "date_of_birth": "1990-01-01"}}, OFFICER)
    injunction, arrest = uuid4(), uuid4()
    day = timedelta(days=1)
    record(app, clock, p, T0 + day, "support_referral_made", referral_id=uuid4(),
           service="Drug service", need="drug_alcohol")
    record(app, clock, p, T0 + 2 * day, "proportionality_assessed", assessment_id=uuid4(),
           for_step="injunction_applied", conclusion="Proportionate")
    record(app, clock, p, T0 + 3 * day, "injunction_applied", instrument_id=injunction,
           terms=["Not to enter the green"], power_of_arrest_sought=True,
           power_of_arrest_ground="violence_or_threat",
           power_of_arrest_evidence="Threatened a neighbour with a knife on 3 March",
           lesser_measures_reason="Violence threatened; lesser measures would not protect")
    record(app, clock, p, T0 + 4 * day, "injunction_granted", instrument_id=injunction,
           expires_on="2027-03-01", power_of_arrest=True)
    record(app, clock, p, T0 + 5 * day, "breach_recorded", instrument_id=injunction,
           description="Entered the green")
    record(app, clock, p, T0 + 5 * day, "arrested", instrument_id=arrest,
           power="power_of_arrest", injunction_id=injunction)
    return p, arrest


def test_next_steps_of_an_unknown_id_is_not_found(app: Any) -> None:
    with pytest.raises(NotFoundError):
        app.next_steps(uuid4())


def test_the_arrest_deadline_stays_listed_and_met_after_the_court_appearance(
        app: Any, clock: Any) -> None:
    p, arrest = adult_with_arrest(app, clock)
    # s.9(2): telling the applicant is a deadline of its own on the same arrest.
    assert [d.code for d in app.deadlines(p) if d.instrument_id == arrest] == [
        "arrest_before_judge", "arrest_inform_applicant"]
    record(app, clock, p, T0 + timedelta(days=5, hours=12), "court_appearance",
           instrument_id=arrest, court="County court", outcome="Adjourned")
    found = [d for d in app.deadlines(p) if d.instrument_id == arrest
             and d.code == "arrest_before_judge"]
    assert len(found) == 1
    assert found[0].status(T0 + timedelta(days=30)) == "met"


def test_next_steps_does_not_offer_a_court_appearance_when_every_arrest_is_decided(
        app: Any, clock: Any) -> None:
    p, arrest = adult_with_arrest(app, clock)
    record(app, clock, p, T0 + timedelta(days=5, hours=12), "court_appearance",
           instrument_id=arrest, court="County court", outcome="Breach admitted")
    record(app, clock, p, T0 + timedelta(days=5, hours=14), "committal_decided",
           instrument_id=arrest, outcome="no_order")
    offered = {s.step: s for s in app.next_steps(p, now=T0 + timedelta(days=6))}
    assert not offered["court_appearance"].allowed


def test_next_steps_does_not_offer_to_grant_an_injunction_already_granted(
        app: Any, clock: Any) -> None:
    p, _ = adult_with_arrest(app, clock)
    offered = {s.step: s for s in app.next_steps(p, now=T0 + timedelta(days=6))}
    assert not offered["injunction_granted"].allowed


def test_a_dispersal_breach_after_the_exclusion_ended_is_refused(app: Any, clock: Any) -> None:
    from domain.model import StepRefusedError

    clock.set(T0)
    p = app.open_pathway({"occurred_at": T0, "subject": {"name": "B. Adult",
                                                         "date_of_birth": "1980-01-01"}}, OFFICER)
    direction = uuid4()
    record(app, clock, p, T0 + timedelta(hours=1), "dispersal_direction_given",
           instrument_id=direction, authorisation_ref="S34/1", authorised_by_rank="inspector",
           exclusion_hours=48, area="The green")
    with pytest.raises(StepRefusedError):
        record(app, clock, p, T0 + timedelta(days=30), "breach_recorded",
               instrument_id=direction, description="Back on the green")
