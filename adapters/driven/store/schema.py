"""`init_schema`: create the event log's tables (called by `adapters.bootstrap.prepare_database`).

The read models keep their position in their own table, in the same transaction as their rows
(adapters/driven/readmodels), so no eventsourcing tracking table is made.

Idempotent and safe to run from several processes at once (see recorders.create_*_tables).
"""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from pathlib import Path
from typing import Any

from eventsourcing.persistence import InfrastructureFactory
from eventsourcing.postgres import PostgresAggregateRecorder, PostgresFactory, PostgresRecorder
from eventsourcing.sqlite import SQLiteAggregateRecorder, SQLiteFactory, SQLiteRecorder
from eventsourcing.utils import Environment

from adapters.driven.store.commands import commands_table_for
from adapters.driven.store.keys import keys_table_for
from adapters.driven.store.recorders import create_postgres_tables, create_sqlite_tables
from adapters.driven.store.settings import (
    APPLICATION_NAME,
    StoreSettings,
    persistence_env,
    table_names,
)
from adapters.settings import library_environ


def store_factory(settings: StoreSettings) -> InfrastructureFactory[Any]:
    """An eventsourcing factory for `settings` that never creates tables by itself.

    Named like the Application, and layered like Application.construct_env (process
    environment under our settings), so it resolves the same tables, prefixes and any
    CIPHER_*/COMPRESSOR_TOPIC the operator set. The caller must close() it.
    """
    env = {"POSTGRES_POOL_SIZE": "1", **library_environ(), **persistence_env(settings)}
    env["CREATE_TABLE"] = "n"
    return InfrastructureFactory.construct(Environment(APPLICATION_NAME, env))


def init_schema(settings: StoreSettings) -> list[str]:
    """Create the events + stream_heads, commands, subject keys and snapshots tables if missing.

    Returns the names of the tables that now exist for the application (for `asb db init`).
    """
    if settings.sqlite_path is not None:
        _ensure_wal(settings.sqlite_path)
    names = table_names(settings)
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
            create_sqlite_tables(ds, sqlite_recorders)
        elif isinstance(factory, PostgresFactory):
            pds = factory.datastore
            pg_recorders: list[PostgresRecorder] = [
                events,  # type: ignore[list-item]
                PostgresAggregateRecorder(pds, events_table_name=names.snapshots),
            ]
            create_postgres_tables(pds, pg_recorders)
        else:  # pragma: no cover - persistence_env only names the two modules above
            msg = f"unsupported persistence factory {type(factory).__name__}"
            raise TypeError(msg)
    finally:
        factory.close()
    return [names.events, names.heads, names.snapshots, commands_table_for(names.events),
            keys_table_for(names.events)]


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
