"""The read-model database: an SQLAlchemy engine on the same store as the event log.

SQLite: the same file (WAL), with `BEGIN IMMEDIATE` so a projection pass takes the write
lock up front instead of failing to upgrade a read lock. PostgreSQL: the same database and
schema (`?schema=` in ASB_DATABASE_URL), DDL serialised with an advisory lock.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from adapters.driven.readmodels.tables import metadata
from adapters.driven.store.settings import StoreSettings
from adapters.driven.store.sql_url import sqlalchemy_url

#: Advisory lock serialising read-model DDL across processes ("RMDL").
READ_MODEL_DDL_LOCK = 0x524D444C
SQLITE_BUSY_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class ReadStore:
    """The engine plus what the projection needs to know about the backend."""

    engine: Engine
    settings: StoreSettings

    @property
    def is_postgres(self) -> bool:
        return self.settings.backend == "postgres"

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction (SQLite: holding the write lock from its first statement)."""
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only transaction (SQLite: deferred, so readers never queue for the lock)."""
        with self.engine.connect() as conn:
            conn.execution_options(asb_readonly=True)
            yield conn
            conn.rollback()

    def close(self) -> None:
        self.engine.dispose()


def open_read_store(settings: StoreSettings, *, create: bool = False, **engine_kw: Any) -> ReadStore:
    """An engine for `settings`; with `create`, the read-model tables are made if missing
    (adapters.bootstrap.prepare_database is the one caller that asks)."""
    store = ReadStore(_engine(settings, **engine_kw), settings)
    if create:
        create_tables(store)
    return store


def _engine(settings: StoreSettings, **kw: Any) -> Engine:
    if settings.backend == "sqlite":
        assert settings.sqlite_path is not None
        settings.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            URL.create("sqlite+pysqlite", database=str(settings.sqlite_path)),
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False},
            poolclass=NullPool if kw.pop("null_pool", False) else None,
            **kw,
        )
        _sqlite_immediate_transactions(engine)
        return engine
    options: dict[str, Any] = {"pool_pre_ping": True, **kw}
    engine = create_engine(sqlalchemy_url(settings), **options)
    if settings.pg_schema:
        engine = engine.execution_options(schema_translate_map={None: settings.pg_schema})
    return engine


def _sqlite_immediate_transactions(engine: Engine) -> None:
    # pysqlite's own BEGIN handling is deferred and implicit; take control of it
    # (the recipe in SQLAlchemy's SQLite dialect documentation).
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        dbapi_conn.execute("PRAGMA foreign_keys=ON")

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        readonly = conn.get_execution_options().get("asb_readonly", False)
        conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")


def create_tables(store: ReadStore) -> None:
    """Create the read-model tables if missing: idempotent, safe from several processes."""
    with store.write() as conn:
        if store.is_postgres:
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": READ_MODEL_DDL_LOCK})
            if store.settings.pg_schema:
                quoted = store.settings.pg_schema.replace('"', '""')
                conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{quoted}"'))
        metadata.create_all(conn, checkfirst=True)


def drop_tables(conn: Connection, store: ReadStore) -> None:
    """Drop every read-model table inside the caller's transaction (used by rebuild)."""
    if store.is_postgres:
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": READ_MODEL_DDL_LOCK})
    metadata.drop_all(conn, checkfirst=True)
