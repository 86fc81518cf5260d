"""The application service on a real store: every test runs on SQLite and on PostgreSQL.

Fixtures (`service_app`, `service_app_factory`, `service_rows`, `service_settings`) are in
tests/integration/conftest.py; `clock` is the hand-moved clock of tests/conftest.py.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any
from uuid import UUID, uuid4

import pytest

from domain.calendar import LONDON
from domain.events.base import GENESIS_HASH
from domain.model import (
    Actor,
    DomainValidationError,
    NotFoundError,
    Pathway,
    StepRefusedError,
    VersionConflictError,
)

OFFICER = Actor(user_id="officer-1", agency="council", role="officer", rank="council_officer")
SUPERVISOR = Actor(user_id="sup-1", agency="police", role="supervisor", rank="inspector")
ADULT = {"name": "Sam Example", "date_of_birth": "1985-06-15"}


# ---------------------------------------------------------------------------- helpers
def open_pathway(app: Any, clock: Any, subject: dict[str, str] = ADULT) -> UUID:
    return app.open_pathway(  # type: ignore[no-any-return]
        {"occurred_at": clock(), "subject": subject, "conduct_summary": "Loud music at night",
         "issue_tags": ["noise"]}, OFFICER)


def record(app: Any, clock: Any, pid: UUID, step: str, *, at: datetime | None = None,
           actor: Actor = OFFICER, **fields: Any) -> Any:
    """Record `step`, moving the clock to `at` first (the clock only moves forward)."""
    if at is not None:
        assert at >= clock(), "tests move the clock forward only"
        clock.set(at)
    return app.record(pid, {"step": step, "occurred_at": clock(), **fields}, actor)


def incident(app: Any, occurred_at: datetime, category: str = "noise") -> UUID:
    """An incident reported in its own stream, to be linked."""
    return app.report_incident(  # type: ignore[no-any-return]
        {"occurred_at": occurred_at, "category": category, "location": "12 High Street",
         "description": "Music at 02:00"}, OFFICER)


def prepare(app: Any, clock: Any, pid: UUID) -> None:
    """Support offered, proportionality assessed, early intervention tried (the SOFT guards
    of the severe steps are then satisfied)."""
    record(app, clock, pid, "support_referral_made", referral_id=uuid4(),
           service="Turning Point", need="drug_alcohol")
    record(app, clock, pid, "proportionality_assessed", assessment_id=uuid4(),
           conclusion="Proportionate")
    record(app, clock, pid, "early_intervention", intervention_id=uuid4(), kind="warning_letter")


def assert_chain(events: list[Any], pid: UUID) -> None:
    prev = GENESIS_HASH
    for n, event in enumerate(events, start=1):
        assert (event.originator_id, event.originator_version) == (pid, n)
        assert event.prev_hash == prev
        assert event.compute_hash() == event.hash
        prev = event.hash


def replayed(events: list[Any], pid: UUID) -> dict[str, Any]:
    agg = Pathway(pid)
    for event in events:
        agg.apply(event)
    return agg.to_state()


# ---------------------------------------------------------------------------- persistence
def test_data_survives_a_restart(service_app: Any, service_app_factory: Callable[..., Any],
                                 clock: Any) -> None:
    app = service_app
    pid = open_pathway(app, clock)
    prepare(app, clock, pid)
    cpw = uuid4()
    record(app, clock, pid, "cpw_issued", at=clock() + timedelta(hours=1), instrument_id=cpw,
           conduct="Loud music at night", requirements=["No music after 23:00"],
           comply_by=clock() + timedelta(days=7))
    place_id = app.register_place({"occurred_at": clock(), "name": "12 High Street",
                                   "kind": "premises"}, OFFICER)
    incident_id = app.report_incident(
        {"occurred_at": clock(), "category": "noise", "location": "12 High Street",
         "description": "Music at 02:00", "reference": "CAD 123", "place_id": place_id,
         "subject_pathway_ids": [pid]}, OFFICER)
    before = app.pathway(pid).to_state()
    history = app.history(pid)

    restarted = service_app_factory()  # a new process: empty cache, new connections

    assert restarted.pathway(pid).to_state() == before
    assert [e.hash for e in restarted.history(pid)] == [e.hash for e in history]
    assert_chain(restarted.history(pid), pid)
    assert replayed(restarted.history(pid), pid) == before
    assert restarted.pathway(pid).instruments[cpw].state.value == "issued"
    assert restarted.place(place_id).name == "12 High Street"
    assert restarted.incident(incident_id).report.reference == "CAD 123"  # type: ignore[union-attr]
    with pytest.raises(NotFoundError):
        restarted.pathway(place_id)  # a place is not a pathway
    with pytest.raises(NotFoundError):
        restarted.pathway(uuid4())


def test_stale_expected_version_is_a_version_conflict(service_app: Any, clock: Any,
                                                      service_rows: Callable[..., Any]) -> None:
    app = service_app
    pid = open_pathway(app, clock)
    record(app, clock, pid, "early_intervention", intervention_id=uuid4(), kind="home_visit")
    stored = len(service_rows("events"))
    step = {"step": "early_intervention", "occurred_at": clock(), "intervention_id": uuid4(),
            "kind": "mediation"}

    with pytest.raises(VersionConflictError):
        app.record(pid, step, OFFICER, expected_version=1)

    assert len(app.history(pid)) == 2
    assert len(service_rows("events")) == stored
    event = app.record(pid, step, OFFICER, expected_version=2)
    assert event.originator_version == 3


@pytest.mark.parametrize("nodes", ["one node, two threads", "two nodes"])
def test_racing_records_exactly_one_wins(service_app: Any, service_app_factory: Callable[..., Any],
                                         clock: Any, nodes: str,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Two recorders that both ask for version 1 load the pathway and decide; only then
    (barrier) do both save. Exactly one event is stored; the other record() is a
    VersionConflictError (optimistic concurrency is the client's), and a retry succeeds."""
    first = service_app
    second = first if nodes == "one node, two threads" else service_app_factory()
    pid = open_pathway(first, clock)
    second.pathway(pid)  # the second node has it cached at version 1 too
    reported = {n: incident(first, clock()) for n in range(2)}
    barrier = threading.Barrier(2, timeout=20)
    for app in {id(first): first, id(second): second}.values():
        real_save = app._save  # noqa: SLF001 - the race is forced between decide and save

        def save_when_both_decided(agg: Any, event: Any, _real: Any = real_save) -> Any:
            assert event.originator_version == 2, "both must have decided on version 1"
            barrier.wait()
            return _real(agg, event)

        monkeypatch.setattr(app, "_save", save_when_both_decided)

    outcomes: dict[int, Any] = {}

    def attempt(n: int, app: Any) -> None:
        try:
            outcomes[n] = app.record(pid, {
                "step": "incident_linked", "occurred_at": clock(),
                "incident_id": reported[n], "conduct": f"report {n}"}, OFFICER,
                expected_version=1)
        except Exception as error:  # noqa: BLE001 - the test inspects what came out
            outcomes[n] = error

    threads = [threading.Thread(target=attempt, args=(n, app))
               for n, app in enumerate((first, second))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not any(t.is_alive() for t in threads)

    won = [o for o in outcomes.values() if not isinstance(o, Exception)]
    lost = [o for o in outcomes.values() if isinstance(o, Exception)]
    assert len(won) == 1 and len(lost) == 1, outcomes
    assert isinstance(lost[0], VersionConflictError), repr(lost[0])
    history = first.history(pid)
    assert [e.originator_version for e in history] == [1, 2]
    assert history[1].hash == won[0].hash
    assert_chain(history, pid)

    monkeypatch.undo()
    loser = second if isinstance(outcomes[1], Exception) else first
    retried = loser.record(pid, {"step": "early_intervention", "occurred_at": clock(),
                                 "intervention_id": uuid4(), "kind": "home_visit"}, OFFICER)
    assert retried.originator_version == 3
    assert first.pathway(pid).version == second.pathway(pid).version == 3


def test_a_second_node_with_a_stale_cache_fast_forwards(service_app: Any, clock: Any,
                                                        service_app_factory: Callable[..., Any]) -> None:
    node_a, node_b = service_app, service_app_factory()
    pid = open_pathway(node_a, clock)
    assert node_b.pathway(pid).version == 1  # cached at version 1 on node B
    record(node_a, clock, pid, "early_intervention", intervention_id=uuid4(), kind="home_visit")
    event = record(node_b, clock, pid, "early_intervention", intervention_id=uuid4(),
                   kind="mediation")
    assert event.originator_version == 3
    assert node_a.pathway(pid).to_state() == node_b.pathway(pid).to_state()


def test_a_refused_or_invalid_step_stores_nothing(service_app: Any, clock: Any,
                                                  service_rows: Callable[..., Any]) -> None:
    app = service_app
    pid = open_pathway(app, clock)
    record(app, clock, pid, "support_referral_made", referral_id=uuid4(), service="Turning Point",
           need="mental_health")
    state, stored = app.pathway(pid).to_state(), len(service_rows("events"))

    with pytest.raises(StepRefusedError) as soft:  # no lesser measure tried, none recorded
        record(app, clock, pid, "cpw_issued", instrument_id=uuid4(), conduct="Noise",
               requirements=["Stop"], comply_by=clock() + timedelta(days=7))
    assert [r.code for r in soft.value.reasons] == ["lesser_measures_skipped"]
    with pytest.raises(StepRefusedError) as hard:  # a sergeant cannot authorise dispersal
        record(app, clock, pid, "dispersal_direction_given", instrument_id=uuid4(),
               authorisation_ref="DA/1", authorised_by_rank="sergeant", exclusion_hours=24,
               area="Town centre")
    assert "dispersal_requires_inspector_authorisation" in [r.code for r in hard.value.reasons]
    with pytest.raises(DomainValidationError):  # no such warning on this pathway
        record(app, clock, pid, "cpn_issued", instrument_id=uuid4(), warning_id=uuid4(),
               conduct="Noise", requirements=["Stop"])
    with pytest.raises(DomainValidationError):  # an override must name a SOFT guard
        record(app, clock, pid, "override_authorised", actor=SUPERVISOR, override_id=uuid4(),
               for_step="cpw_issued", guard_code="cpw_minimum_age", reason="Because it is needed")
    with pytest.raises(StepRefusedError) as officer:  # only a supervisor may override
        record(app, clock, pid, "override_authorised", override_id=uuid4(),
               for_step="cpw_issued", guard_code="lesser_measures_skipped",
               reason="Because it is needed")
    assert [r.code for r in officer.value.reasons] == ["override_requires_supervisor"]

    assert len(app.history(pid)) == 2
    assert len(service_rows("events")) == stored
    assert app.pathway(pid).to_state() == state


def test_a_range_without_its_end_is_a_validation_error(service_app: Any, clock: Any) -> None:
    """Was a raw pydantic ValidationError out of decide() (the Command lacked the event's
    range validator)."""
    pid = open_pathway(service_app, clock)
    with pytest.raises(DomainValidationError) as error:
        service_app.record(pid, {"step": "early_intervention", "occurred_at": clock(),
                                 "precision": "range", "intervention_id": uuid4(),
                                 "kind": "home_visit"}, OFFICER)
    assert [p.field for p in error.value.problems] == ["occurred_until"]
    assert len(service_app.history(pid)) == 1


# ---------------------------------------------------------------------------- snapshots
def test_snapshots_every_ten_events_load_the_same_state(
        service_app_factory: Callable[..., Any], clock: Any,
        service_rows: Callable[..., Any]) -> None:
    app = service_app_factory(snapshot_interval=10)
    pid = open_pathway(app, clock)
    referral, cpw = uuid4(), uuid4()
    steps: list[dict[str, Any]] = [
        {"step": "support_referral_made", "referral_id": referral, "service": "Turning Point",
         "need": "drug_alcohol"},
        {"step": "proportionality_assessed", "assessment_id": uuid4(), "conclusion": "Fine"},
        {"step": "early_intervention", "intervention_id": uuid4(), "kind": "warning_letter"},
        {"step": "cpw_issued", "instrument_id": cpw, "conduct": "Loud music at night",
         "requirements": ["No music after 23:00"], "comply_by": clock() + timedelta(days=30)},
        {"step": "support_referral_updated", "referral_id": referral, "status": "accepted"},
        {"step": "support_referral_updated", "referral_id": referral, "status": "engaged"},
    ]
    for n in range(19):
        steps.append(
            {"step": "incident_linked", "conduct": "Loud music at night"}
            if n % 2 else
            {"step": "consultation_recorded", "consultation_id": uuid4(), "body": "housing"})
    assert len(steps) == 25
    for step in steps:
        clock.set(clock() + timedelta(hours=1))
        if step["step"] == "incident_linked":
            step["incident_id"] = incident(app, clock() - timedelta(minutes=30))
        app.record(pid, {**step, "occurred_at": clock()}, OFFICER)

    live = app.pathway(pid)
    assert live.version == 26
    snapshot_rows = [v for oid, v in service_rows("snapshots")]
    assert snapshot_rows == [10, 20]
    latest = list(app.snapshots.get(pid, desc=True, limit=1))
    assert latest[0].originator_version == 20

    fresh = service_app_factory()  # loads from the v20 snapshot plus events 21..26
    loaded = fresh.pathway(pid)
    assert loaded.to_state() == live.to_state()
    assert vars(loaded) == vars(live)
    assert replayed(fresh.history(pid), pid) == live.to_state()
    assert loaded.instruments[referral].state.value == "engaged"
    # and it keeps working from there
    clock.set(clock() + timedelta(hours=1))
    event = fresh.record(pid, {"step": "support_referral_updated", "occurred_at": clock(),
                               "referral_id": referral, "status": "completed"}, OFFICER)
    assert event.originator_version == 27 and event.prev_hash == live.head_hash


# ---------------------------------------------------------------------------- queries
def test_next_steps_allow_a_cpn_after_the_warning_deadline_and_a_new_incident(
        service_app: Any, clock: Any) -> None:
    app = service_app
    pid = open_pathway(app, clock)
    prepare(app, clock, pid)
    cpw = uuid4()
    comply_by = clock() + timedelta(days=7)
    record(app, clock, pid, "cpw_issued", instrument_id=cpw, conduct="Loud music at night",
           requirements=["No music after 23:00"], comply_by=comply_by)

    def cpn(now: datetime) -> Any:
        return {n.step: n for n in app.next_steps(pid, now=now)}["cpn_issued"]

    early = cpn(comply_by - timedelta(days=1))
    assert not early.allowed
    assert {"cpn_before_warning_deadline", "cpn_requires_continuing_conduct"} <= {
        r.code for r in early.reasons}
    clock.set(comply_by + timedelta(days=1))
    assert [r.code for r in cpn(clock()).reasons] == ["cpn_requires_continuing_conduct"]

    later = incident(app, comply_by + timedelta(hours=3))
    record(app, clock, pid, "incident_linked", incident_id=later, conduct="Loud music at night")
    allowed = cpn(clock())
    assert allowed.allowed and allowed.reasons == []
    assert allowed.targets == [cpw]
    assert {n.step: n for n in app.next_steps(pid)}["cpn_issued"].allowed  # now = the clock
    event = record(app, clock, pid, "cpn_issued", instrument_id=uuid4(), warning_id=cpw,
                   conduct="Loud music at night", requirements=["No music after 23:00"])
    assert app.pathway(pid).instruments[cpw].state.value == "escalated"
    assert event.step == "cpn_issued"


def _arrest_under_power(app: Any, clock: Any, arrested_at: datetime) -> tuple[UUID, UUID]:
    """A pathway with an injunction granted with a power of arrest, then an arrest under it."""
    clock.set(arrested_at - timedelta(days=12))
    pid = open_pathway(app, clock)
    prepare(app, clock, pid)
    injunction, arrest = uuid4(), uuid4()
    record(app, clock, pid, "injunction_applied", instrument_id=injunction,
           terms=["Not to enter Block A"], power_of_arrest_sought=True,
           power_of_arrest_ground="violence_or_threat",
           power_of_arrest_evidence="Threatened a neighbour with a knife on 3 March")
    record(app, clock, pid, "injunction_granted", at=clock() + timedelta(days=2),
           instrument_id=injunction, power_of_arrest=True,
           expires_on=(arrested_at + timedelta(days=365)).date())
    record(app, clock, pid, "breach_recorded", at=arrested_at - timedelta(hours=1),
           instrument_id=injunction, description="Entered Block A")
    record(app, clock, pid, "arrested", at=arrested_at, instrument_id=arrest,
           power="power_of_arrest", injunction_id=injunction)
    return pid, arrest


def _arrest_deadline(app: Any, pid: UUID, arrest: UUID) -> Any:
    (deadline,) = [d for d in app.deadlines(pid)
                   if d.code == "arrest_before_judge" and d.instrument_id == arrest]
    return deadline


@pytest.mark.parametrize(("arrested_at", "due_at"), [
    pytest.param(datetime(2026, 3, 14, 20, 0, tzinfo=LONDON), datetime(2026, 3, 16, 20, 0, tzinfo=LONDON),
                 id="saturday-sunday-excluded"),
    pytest.param(datetime(2026, 4, 2, 20, 0, tzinfo=LONDON), datetime(2026, 4, 4, 20, 0, tzinfo=LONDON),
                 id="thursday-good-friday-excluded"),
])
def test_arrest_before_a_judge_deadline(service_app: Any, clock: Any, arrested_at: datetime,
                                        due_at: datetime) -> None:
    app = service_app
    pid, arrest = _arrest_under_power(app, clock, arrested_at)

    deadline = _arrest_deadline(app, pid, arrest)
    assert deadline.due_at == due_at
    assert deadline.due_at.astimezone(LONDON).replace(tzinfo=None) == due_at.replace(tzinfo=None)
    assert deadline.starts_at == arrested_at and deadline.duty == "agency"
    assert deadline.status(arrested_at + timedelta(hours=1)) == "running"
    assert deadline.status(due_at - timedelta(minutes=1)) == "running"
    assert deadline.status(due_at) == "running"  # acting at the due instant is in time
    assert deadline.status(due_at + timedelta(minutes=1)) == "overdue"

    record(app, clock, pid, "court_appearance", at=due_at - timedelta(hours=2),
           instrument_id=arrest, court="County court", outcome="Remanded")
    met = _arrest_deadline(app, pid, arrest)
    assert met.met_at == due_at - timedelta(hours=2)
    assert met.status(due_at + timedelta(days=3)) == "met"


def test_arrest_deadline_met_late(service_app: Any, clock: Any) -> None:
    arrested_at = datetime(2026, 3, 14, 20, 0, tzinfo=LONDON)
    pid, arrest = _arrest_under_power(service_app, clock, arrested_at)
    record(service_app, clock, pid, "court_appearance",
           at=datetime(2026, 3, 17, 10, 0, tzinfo=timezone.utc), instrument_id=arrest,
           court="County court")
    assert _arrest_deadline(service_app, pid, arrest).status(clock()) == "met_late"
