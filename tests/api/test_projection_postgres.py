"""The projection against real PostgreSQL transactions: late commits and concurrent writers.

A notification id is taken when a transaction inserts, but it becomes visible when that
transaction commits: a reader can see id n+1 before id n. These tests make that happen
for real, and check that no event is ever skipped and none projected twice.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID, uuid4

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import select

from adapters.bootstrap import build_application, prepare_database
from adapters.driven.readmodels import queries
from adapters.driven.readmodels import tables as t
from adapters.driven.readmodels.database import ReadStore, open_read_store
from adapters.driven.readmodels.follow import follow
from adapters.driven.readmodels.projector import Projector
from adapters.driven.store.integrity import verify_log
from adapters.driven.store.settings import StoreSettings, table_names
from domain.events.base import GENESIS_HASH
from domain.model import Actor, PathwayOpened, VersionConflictError
from domain.values import Subject
from service.application import PathwayApplication
from tests.api.conftest import drop_schema, pg_settings

pytestmark = pytest.mark.postgres

OFFICER = Actor("pc-1", "Marlshire Police", "officer", "constable")
NOW = datetime(2026, 3, 1, 9, tzinfo=UTC)
OPENED = datetime(2026, 1, 5, 12, tzinfo=UTC)


@dataclass
class Pg:
    url: str
    settings: StoreSettings

    @property
    def events(self) -> sql.Composed:
        return sql.SQL("{}.{}").format(sql.Identifier(self.settings.pg_schema),
                                       sql.Identifier(table_names(self.settings).events))

    @property
    def heads(self) -> sql.Composed:
        return sql.SQL("{}.{}").format(sql.Identifier(self.settings.pg_schema),
                                       sql.Identifier(table_names(self.settings).heads))

    def app(self) -> PathwayApplication:
        return build_application(self.settings, clock=lambda: NOW)

    def log_rows(self) -> list[tuple[int, UUID, int]]:
        with psycopg.connect(self.url) as conn:
            rows = conn.execute(sql.SQL(
                "SELECT notification_id, originator_id, originator_version FROM {} "
                "ORDER BY notification_id").format(self.events)).fetchall()
        return [(int(n), UUID(str(s)), int(v)) for n, s, v in rows]


@pytest.fixture
def pg(postgres_url: str) -> Iterator[Pg]:
    settings = pg_settings(postgres_url)
    prepare_database(settings)
    try:
        yield Pg(postgres_url, settings)
    finally:
        drop_schema(postgres_url, settings.pg_schema)


def _open(app: PathwayApplication, name: str) -> UUID:
    return app.open_pathway({"occurred_at": OPENED, "subject": {"name": name}}, OFFICER)


def _visit(app: PathwayApplication, pathway: UUID, *, racing: bool = False) -> None:
    # Racing writers name the version they decided on: blind appends would take turns.
    expected = app.pathway(pathway).version if racing else None
    app.record(pathway, {"step": "early_intervention", "occurred_at": OPENED,
                         "intervention_id": uuid4(), "kind": "home_visit"}, OFFICER,
               expected_version=expected)


def _projected(store: ReadStore) -> set[tuple[UUID, int, int | None]]:
    with store.read() as conn:
        rows = conn.execute(select(t.chronology.c.stream_id, t.chronology.c.version,
                                   t.chronology.c.notification_id))
        return {(s, int(v), n) for s, v, n in rows}


def test_a_transaction_committing_after_a_later_one_is_not_skipped(pg: Pg) -> None:
    app = pg.app()
    store = open_read_store(pg.settings)
    projector = Projector(app, store, gap_timeout=60)
    try:
        first = _open(app, "Dean Harrow")
        late_id = uuid4()
        late = PathwayOpened(
            originator_id=late_id, originator_version=1, occurred_at=OPENED, recorded_at=NOW,
            actor=OFFICER.user_id, agency=OFFICER.agency, role=OFFICER.role, rank=OFFICER.rank,
            rule_set="asbcpa2014-amended", prev_hash=GENESIS_HASH,
            subject=Subject(name="Maria Lisowska"),
        ).sealed()
        stored = app.mapper.to_stored_event(late)
        with psycopg.connect(pg.url) as slow:  # one transaction, committed at the end
            (taken,) = slow.execute("SELECT nextval(pg_get_serial_sequence(%s, %s))", (
                f'"{pg.settings.pg_schema}".{table_names(pg.settings).events}',
                "notification_id")).fetchone()  # type: ignore[misc]
            _visit(app, first)  # a later id, committed first
            projector.catch_up()
            position, pending = projector.tracking()
            assert pending == (taken,) and position == taken + 1
            assert late_id not in {s for s, _, _ in _projected(store)}

            slow.execute(sql.SQL("INSERT INTO {} (notification_id, originator_id, "
                                 "originator_version, topic, state) VALUES (%s, %s, 1, %s, %s)"
                                 ).format(pg.events), (taken, late_id, stored.topic, stored.state))
            slow.execute(sql.SQL("INSERT INTO {} (originator_id, version, hash) "
                                 "VALUES (%s, 1, %s)").format(pg.heads), (late_id, late.hash))
        projector.catch_up()
        assert projector.tracking() == (taken + 1, ())
        assert (late_id, 1, taken) in _projected(store)
        with store.read() as conn:
            assert queries.pathway(conn, queries.EVERYONE, late_id) is not None
        assert verify_log(pg.settings).ok
    finally:
        store.close()
        app.close()


@pytest.mark.slow
def test_concurrent_writers_and_two_followers_miss_nothing(pg: Pg) -> None:
    writers_app = pg.app()
    shared = _open(writers_app, "Dean Harrow")
    own = [_open(writers_app, f"Subject {i}") for i in range(4)]
    conflicts: list[int] = []
    errors: list[BaseException] = []

    def write(pathway: UUID, n: int) -> None:
        try:
            for i in range(n):
                _visit(writers_app, pathway)
                try:
                    _visit(writers_app, shared, racing=True)  # a loser's id is never committed
                except VersionConflictError:
                    conflicts.append(i)
        except BaseException as e:  # noqa: BLE001 - reported by the main thread
            errors.append(e)

    stop = threading.Event()
    followers = []
    try:
        for _ in range(2):  # two projection workers on one tracking row, as two processes
            app = pg.app()
            store = open_read_store(pg.settings)
            projector = Projector(app, store, gap_timeout=1.0, batch_size=25)
            thread = threading.Thread(target=follow, args=(projector, pg.settings, stop),
                                      kwargs={"poll_interval": 0.05})
            followers.append((app, store, projector, thread))
            thread.start()
        writers = [threading.Thread(target=write, args=(p, 25)) for p in own]
        for w in writers:
            w.start()
        for w in writers:
            w.join()
        assert not errors, errors

        log = pg.log_rows()
        last = log[-1][0]
        committed = {n for n, _, _ in log}
        burned = set(range(1, last)) - committed  # ids of rolled-back saves, below the last
        projector = followers[0][2]
        deadline = time.monotonic() + 30
        while projector.tracking() != (last, ()) and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        for _, _, _, thread in followers:
            thread.join(timeout=30)
    assert all(not thread.is_alive() for *_, thread in followers)
    assert projector.tracking() == (last, ())

    store = followers[0][1]
    assert _projected(store) == {(s, v, n) for n, s, v in log}  # every event, once, its id
    with store.read() as conn:
        versions: dict[UUID, int] = {
            s: int(v) for s, v in conn.execute(select(t.streams.c.id, t.streams.c.version))}
        skipped = conn.execute(select(t.tracking.c.gaps_skipped)).scalar_one()
        before = queries.dump(conn)
    assert versions == {s: max(v for _, s2, v in log if s2 == s) for _, s, _ in log}
    assert burned and conflicts, "the racing writers should have left rolled-back ids"
    assert skipped == len(burned)  # given up only where nothing was ever committed

    projector.rebuild()
    with store.read() as conn:
        assert queries.dump(conn) == before
    for app, store, _, _ in followers:
        store.close()
        app.close()
    writers_app.close()
