"""`init_schema`: create every table the Application and its projections use (`asb db init`).

Idempotent and safe to run from several processes at once (see recorders.create_*_tables).
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

from eventsourcing.persistence import InfrastructureFactory
from eventsourcing.postgres import PostgresAggregateRecorder, PostgresFactory, PostgresRecorder
from eventsourcing.postgres import PostgresTrackingRecorder
from eventsourcing.sqlite import SQLiteAggregateRecorder, SQLiteFactory, SQLiteRecorder
from eventsourcing.sqlite import SQLiteTrackingRecorder
from eventsourcing.utils import Environment

from adapters.driven.store.commands import commands_table_for
from adapters.driven.store.recorders import create_postgres_tables, create_sqlite_tables
from adapters.driven.store.settings import (
    APPLICATION_NAME,
    PROJECTION_NAMES,
    StoreSettings,
    persistence_env,
    table_names,
    tracking_table_for,
)


def store_factory(settings: StoreSettings) -> InfrastructureFactory[Any]:
    """An eventsourcing factory for `settings` that never creates tables by itself.

    Named like the Application, and layered like Application.construct_env (process
    environment under our settings), so it resolves the same tables, prefixes and any
    CIPHER_*/COMPRESSOR_TOPIC the operator set. The caller must close() it.
    """
    env = {"POSTGRES_POOL_SIZE": "1", **os.environ, **persistence_env(settings)}
    env["CREATE_TABLE"] = "n"
    return InfrastructureFactory.construct(Environment(APPLICATION_NAME, env))


def init_schema(
    settings: StoreSettings, projection_names: Sequence[str] = PROJECTION_NAMES
) -> list[str]:
    """Create events + stream_heads + commands, snapshots and projection tracking tables if missing.

    Returns the names of the tables that now exist for the application (for `asb db init`).
    """
    if settings.sqlite_path is not None:
        _ensure_wal(settings.sqlite_path)
    names = table_names(settings)
    trackers = list(dict.fromkeys(tracking_table_for(settings, p) for p in projection_names))
    factory = store_factory(settings)
    try:
        # The recorders below are built only for their CREATE statements, with the same
        # table names the Application's factory derives (checked in the contract tests).
        events = factory.application_recorder()
        if isinstance(factory, SQLiteFactory):
            ds = factory.datastore
            sqlite_recorders: list[SQLiteRecorder] = [
                events,  # type: ignore[list-item]
                SQLiteAggregateRecorder(ds, events_table_name=names.snapshots),
            ]
            if trackers:  # one shared "tracking" table on SQLite
                sqlite_recorders.append(SQLiteTrackingRecorder(ds))
            create_sqlite_tables(ds, sqlite_recorders)
        elif isinstance(factory, PostgresFactory):
            pds = factory.datastore
            pg_recorders: list[PostgresRecorder] = [
                events,  # type: ignore[list-item]
                PostgresAggregateRecorder(pds, events_table_name=names.snapshots),
            ]
            pg_recorders += [PostgresTrackingRecorder(pds, tracking_table_name=t) for t in trackers]
            create_postgres_tables(pds, pg_recorders)
        else:  # pragma: no cover - persistence_env only names the two modules above
            msg = f"unsupported persistence factory {type(factory).__name__}"
            raise TypeError(msg)
    finally:
        factory.close()
    return [names.events, names.heads, names.snapshots, *trackers,
            commands_table_for(names.events)]


def _ensure_wal(path: Path, timeout: float = 30.0) -> None:
    """Put a (new) SQLite file in WAL mode, retrying while other processes hold it.

    eventsourcing switches each new file to WAL when it opens its first connection, and
    that switch fails at once with "database is locked" (no busy wait) if another process
    is creating the same file: measured here with 4 processes initialising a fresh file.
    WAL is persistent, so once set every later connection skips the switch.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + timeout
    while True:
        try:
            with closing(sqlite3.connect(path, timeout=timeout)) as conn:
                if conn.execute("PRAGMA journal_mode=WAL").fetchone()[0].lower() == "wal":
                    return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
        time.sleep(0.02)
