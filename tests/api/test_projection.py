"""The tracked projection, on SQLite and PostgreSQL: gaps, atomic passes, replay, rebuild.

Gaps are staged with a notification log that hides chosen ids (as an uncommitted or
rolled-back transaction would) over the real store; tests/api/test_projection_postgres.py
makes real ones with concurrent PostgreSQL transactions.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Sequence
from typing import Any
from uuid import uuid4

import pytest
from eventsourcing.persistence import MapperDeserialisationError, Notification
from rich.console import Console
from sqlalchemy import func, select, update
from typer.testing import CliRunner

from adapters.driving.cli.demo import run_demo
from adapters.driving.cli.main import app as cli
from adapters.driven.readmodels import queries
from adapters.driven.readmodels import tables as t
from adapters.driven.readmodels.projector import NotificationLog, Projector
from adapters.driven.store.settings import StoreSettings
from adapters.settings import Settings
from tests.api.cases import Case, london
from tests.api.conftest import Api


class ScriptedLog:
    """The real notification log, minus the ids a test is holding back."""

    def __init__(self, real: NotificationLog) -> None:
        self.real = real
        self.hidden: set[int] = set()
        self.corrupt: set[int] = set()

    def select_notifications(self, start: int | None, limit: int, stop: int | None = None,
                             topics: Sequence[str] = (), *,
                             inclusive_of_start: bool = True) -> Sequence[Notification]:
        found = self.real.select_notifications(start, limit + len(self.hidden), stop, topics,
                                               inclusive_of_start=inclusive_of_start)
        out = [dataclasses.replace(n, state=b"{corrupt") if n.id in self.corrupt else n
               for n in found if n.id not in self.hidden]
        return out[:limit]

    def max_notification_id(self) -> int | None:
        visible = self.select_notifications(None, 10**6)
        return visible[-1].id if visible else None


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _chronology(api: Api) -> list[tuple[str, int]]:
    with api.store.read() as conn:
        rows = conn.execute(select(t.chronology.c.stream_id, t.chronology.c.version)
                            .order_by(t.chronology.c.notification_id))
        return [(str(s), int(v)) for s, v in rows]


def _dump(api: Api) -> dict[str, list[tuple[Any, ...]]]:
    with api.store.read() as conn:
        return queries.dump(conn)


def _two_streams(api: Api) -> tuple[Case, Case]:
    """Pathway A (ids 1, 3) and B (ids 2, 4, 5): id 3 is A's last event, as a late commit is."""
    token = api.token()
    a = Case.open(api.client, token)
    b = Case.open(api.client, token, name="Kyle Benton", dob="2009-10-01")
    a.do("early_intervention", london(2026, 1, 6), intervention_id=str(uuid4()), kind="home_visit")
    for _ in range(2):
        b.do("early_intervention", london(2026, 1, 6), intervention_id=str(uuid4()),
             kind="home_visit")
    return a, b


def test_an_id_missing_below_later_ones_is_projected_when_it_appears(api: Api) -> None:
    _two_streams(api)
    log, clock = ScriptedLog(api.application.recorder), FakeTime()
    projector = Projector(api.application, api.store, log=log, wall_clock=clock)
    log.hidden = {3}
    first = projector.run_once()
    assert (first.processed, first.position, first.pending_gaps) == (4, 5, (3,))
    clock.now += 5  # within the timeout: still pending, re-read on every pass
    assert projector.run_once().pending_gaps == (3,)
    log.hidden = set()  # the late transaction commits
    second = projector.run_once()
    assert (second.processed, second.pending_gaps, second.skipped_gaps) == (1, (), ())
    assert projector.tracking() == (5, ())
    assert sorted(n for _, n in _chronology(api)) == [1, 1, 2, 2, 3]


def test_an_id_that_never_appears_is_given_up_after_the_timeout(api: Api) -> None:
    a, _ = _two_streams(api)
    log, clock = ScriptedLog(api.application.recorder), FakeTime()
    projector = Projector(api.application, api.store, log=log, wall_clock=clock,
                          gap_timeout=10)
    log.hidden = {3}
    projector.run_once()
    clock.now += 10.5
    given_up = projector.run_once()
    assert given_up.skipped_gaps == (3,) and given_up.pending_gaps == ()
    with api.store.read() as conn:
        assert conn.execute(select(t.tracking.c.gaps_skipped)).scalar_one() == 1

    # Had it committed after all, the stream's next event finds the jump and back-fills it.
    log.hidden = set()
    a.do("early_intervention", london(2026, 1, 7), intervention_id=str(uuid4()),
         kind="home_visit")
    projector.catch_up()
    with api.store.read() as conn:
        versions = sorted(v for (v,) in conn.execute(
            select(t.chronology.c.version).where(t.chronology.c.stream_id == a.id)))
        streamed = conn.execute(select(t.streams.c.version)
                                .where(t.streams.c.id == a.id)).scalar_one()
    assert versions == [1, 2, 3] and streamed == 3


def test_a_failed_pass_leaves_rows_and_position_as_they_were(api: Api) -> None:
    _two_streams(api)  # ids 1..5
    api.projector.catch_up()
    before = _dump(api)
    with api.store.write() as conn:
        conn.execute(update(t.tracking).values(position=1))
        conn.execute(t.chronology.delete().where(t.chronology.c.notification_id > 1))
    log = ScriptedLog(api.application.recorder)
    projector = Projector(api.application, api.store, log=log)
    log.corrupt = {4}
    with pytest.raises(MapperDeserialisationError):
        projector.catch_up()  # ids 2 and 3 were written in the pass, then rolled back
    assert projector.tracking() == (1, ())
    assert len(_chronology(api)) == 1
    log.corrupt = set()
    projector.catch_up()
    assert _dump(api) == before


def test_projecting_the_log_again_over_its_rows_changes_nothing(api: Api) -> None:
    _two_streams(api)
    api.projector.catch_up()
    before = _dump(api)
    with api.store.write() as conn:
        conn.execute(update(t.tracking).values(position=0))
    again = Projector(api.application, api.store)
    assert again.catch_up() == 5
    assert _dump(api) == before
    with api.store.read() as conn:
        assert conn.execute(select(func.sum(t.tracking.c.events_processed))).scalar_one() == 10


def _url(settings: StoreSettings) -> str:
    if settings.backend == "sqlite":
        return f"sqlite:///{settings.sqlite_path}"
    return (f"postgresql://{settings.pg_user}@{settings.pg_host}:{settings.pg_port}/"
            f"{settings.pg_dbname}?schema={settings.pg_schema}")


def test_asb_rebuild_leaves_every_read_model_as_it_was(api: Api) -> None:
    run_demo(Settings.for_store(api.projector.store.settings), Console(file=io.StringIO()))
    case = Case.open(api.client, api.token())
    case.do("entry_corrected", london(2026, 1, 6), corrected_version=1,
            correction="Date of birth confirmed", reason="Checked against the PNC record")
    api.projector.catch_up()
    before = _dump(api)
    assert len(before["rm_chronology"]) > 150
    assert any(row[-1] == 2 for row in before["rm_chronology"])  # the corrected entry

    result = CliRunner().invoke(cli, ["rebuild"], env={
        "ASB_DATABASE_URL": _url(api.projector.store.settings)})
    assert result.exit_code == 0, result.output
    assert "rebuilt read models from" in result.output
    assert _dump(api) == before
    assert api.projector.catch_up() == 0
    assert _dump(api) == before


def test_with_a_follower_process_the_api_waits_for_it_and_reads_its_own_writes(
    api: Api,
) -> None:
    import threading

    from fastapi.testclient import TestClient

    from adapters.driving.http import create_app
    from adapters.driven.readmodels.follow import follow
    from adapters.driven.readmodels.readside import FollowerReadSide

    settings = api.projector.store.settings
    reader = FollowerReadSide(api.application, api.store, timeout=10)
    stop = threading.Event()
    worker = Projector(api.application, api.store)
    thread = threading.Thread(target=follow, args=(worker, settings, stop),
                              kwargs={"poll_interval": 0.02})
    thread.start()
    try:
        with TestClient(create_app(api.application, api.users, reader)) as client:
            h = api.as_(api.token())
            for i in range(5):
                r = client.post("/api/pathways", headers=h, json={
                    "occurred_at": "2026-01-05T12:00:00Z", "subject": {"name": f"S{i}"}})
                pathway = r.json()["id"]
                assert client.get(f"/api/pathways/{pathway}", headers=h).status_code == 200
            assert client.get("/api/pathways", headers=h).json()["total"] == 5
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()
