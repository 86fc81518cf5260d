"""Application recorders that also keep `stream_heads`, and race-free table creation.

`stream_heads` holds, per stream, the version and hash of its last event. It is written in
the same transaction as the events, so it can never disagree with a log the application
wrote; a disagreement found by `verify` therefore means the log was changed behind the
application's back (for example its last event deleted, which a hash chain alone cannot show).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import psycopg
import psycopg.errors
from eventsourcing.persistence import ProgrammingError, StoredEvent
from eventsourcing.postgres import (
    PostgresApplicationRecorder,
    PostgresDatastore,
    PostgresRecorder,
    PostgresTrackingRecorder,
)
from eventsourcing.sqlite import (
    SQLiteApplicationRecorder,
    SQLiteCursor,
    SQLiteDatastore,
    SQLiteRecorder,
    SQLiteTrackingRecorder,
)
from psycopg.rows import DictRow
from psycopg.sql import SQL, Identifier

from adapters.driven.store import commands, keys
from adapters.driven.store.settings import heads_table_for
from service.idempotency import CommandRecord

#: Key of the PostgreSQL advisory lock that serialises our DDL across processes
#: (concurrent CREATE TABLE/TYPE/FUNCTION fails with "tuple concurrently updated").
DDL_LOCK_KEY = 0x50415448  # "PATH"


def stream_heads(stored_events: Sequence[StoredEvent]) -> dict[UUID | str, tuple[int, str]]:
    """The last (version, hash) of each stream in a batch.

    Computed before any SQL runs, so a bad event aborts the save with nothing written.
    """
    heads: dict[UUID | str, tuple[int, str]] = {}
    for s in stored_events:
        digest = getattr(s, "hash", "") or _hash_from_state(s)
        if not digest:
            msg = (
                f"event {s.originator_version} of stream {s.originator_id} has no hash: "
                "seal events (DomainEvent.sealed()) before saving"
            )
            raise ProgrammingError(msg)
        current = heads.get(s.originator_id)
        if current is None or s.originator_version > current[0]:
            heads[s.originator_id] = (s.originator_version, digest)
    return heads


def erasures(stored_events: Sequence[StoredEvent]) -> list[tuple[str, str]]:
    """(subject, when) for each event in the batch whose saving destroys a subject key."""
    when = datetime.now(UTC).isoformat()
    return [(s.erases, when) for s in stored_events if getattr(s, "erases", "")]


def _hash_from_state(s: StoredEvent) -> str:
    # Only reached with a mapper that does not attach `hash`; state must then be plain JSON.
    try:
        return str(json.loads(s.state).get("hash", ""))
    except (ValueError, UnicodeDecodeError, AttributeError):
        return ""


# --------------------------------------------------------------------------- SQLite


class SQLiteHeadsApplicationRecorder(SQLiteApplicationRecorder):
    def __init__(self, datastore: SQLiteDatastore, events_table_name: str = "stored_events"):
        self.heads_table_name = heads_table_for(events_table_name)
        self.commands_table_name = commands.commands_table_for(events_table_name)
        self.keys_table_name = keys.keys_table_for(events_table_name)
        super().__init__(datastore, events_table_name)
        self.upsert_head_statement = (
            f"INSERT INTO {self.heads_table_name} (originator_id, version, hash) "
            "VALUES (?, ?, ?) ON CONFLICT (originator_id) DO UPDATE "
            "SET version = excluded.version, hash = excluded.hash "
            f"WHERE excluded.version > {self.heads_table_name}.version"
        )

    def construct_create_table_statements(self) -> list[str]:
        return [
            *super().construct_create_table_statements(),
            f"CREATE TABLE IF NOT EXISTS {self.heads_table_name} ("
            "originator_id TEXT PRIMARY KEY, version INTEGER NOT NULL, hash TEXT NOT NULL) "
            "WITHOUT ROWID",
            commands.sqlite_create(self.commands_table_name),
            keys.sqlite_create(self.keys_table_name),
        ]

    def create_table(self) -> None:
        create_sqlite_tables(self.datastore, [self])

    def insert_events(self, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Any:
        heads = stream_heads(stored_events)
        command = commands.command_of(kwargs)
        with self.datastore.get_connection(commit=True) as conn:
            # The library enables WAL but leaves `synchronous` to the build default; FULL
            # makes each commit durable on power loss. It cannot be set inside a transaction.
            conn.cursor().execute("PRAGMA synchronous=FULL")
            with conn.transaction(commit=True) as c:
                ids = self._insert_events(c, stored_events, **kwargs)
                c.executemany(
                    self.upsert_head_statement,
                    [(_sqlite_id(k), v, h) for k, (v, h) in heads.items()],
                )
                if command is not None:
                    commands.sqlite_insert(c, self.commands_table_name, command)
                for subject, when in erasures(stored_events):
                    c.execute(keys.sqlite_destroy(self.keys_table_name), (subject, when, when))
                return ids

    def select_command(self, command_id: str) -> CommandRecord | None:
        return commands.sqlite_select(self.datastore, self.commands_table_name, command_id)


def _sqlite_id(originator_id: UUID | str) -> str:
    return originator_id.hex if isinstance(originator_id, UUID) else originator_id


def create_sqlite_tables(datastore: SQLiteDatastore, recorders: Sequence[SQLiteRecorder]) -> None:
    """Create the recorders' tables in one BEGIN IMMEDIATE transaction.

    IMMEDIATE takes the database write lock first, so processes initialising at once queue
    on SQLite's file lock instead of racing (the library's tracking-table migration check
    is read-then-write and is not safe under a deferred BEGIN).
    """
    with datastore.get_connection(commit=True) as conn:
        c = conn.cursor()
        c.execute("BEGIN IMMEDIATE")
        try:
            for recorder in recorders:
                if isinstance(recorder, SQLiteTrackingRecorder):
                    _probe_tracking(recorder, c)
                recorder._create_table(c)
        except BaseException:
            conn.rollback()
            raise
        conn.commit()


def _probe_tracking(recorder: SQLiteTrackingRecorder, c: SQLiteCursor) -> None:
    # What the library's create_table() works out before its own transaction, done here
    # inside ours so it cannot go stale.
    c.execute("SELECT name FROM sqlite_master WHERE type='table' AND name='tracking'")
    exists = c.fetchone() is not None
    previous = recorder._max_tracking_id(recorder.table_migration_identifier, c) if exists else None
    recorder.tracking_table_exists = exists
    recorder.tracking_migration_previous = recorder.tracking_migration_current = previous


# --------------------------------------------------------------------------- PostgreSQL


class PostgresHeadsApplicationRecorder(PostgresApplicationRecorder):
    def __init__(self, datastore: PostgresDatastore, *, events_table_name: str = "stored_events"):
        super().__init__(datastore, events_table_name=events_table_name)
        if datastore.enable_db_functions:
            # That path inserts through a stored function and would skip stream_heads.
            msg = "POSTGRES_ENABLE_DB_FUNCTIONS is not supported with stream_heads"
            raise ProgrammingError(msg)
        self.heads_table_name = heads_table_for(events_table_name)
        self.check_identifier_length(self.heads_table_name)
        schema, heads = Identifier(datastore.schema), Identifier(self.heads_table_name)
        id_type = SQL(datastore.originator_id_type)  # "uuid" or "text", checked by datastore
        self.sql_create_statements.append(
            SQL(
                "CREATE TABLE IF NOT EXISTS {schema}.{heads} ("
                "originator_id {id_type} PRIMARY KEY, version bigint NOT NULL, "
                "hash text NOT NULL)"
            ).format(schema=schema, heads=heads, id_type=id_type)
        )
        self.upsert_heads_statement = SQL(
            "INSERT INTO {schema}.{heads} AS h (originator_id, version, hash) "
            "SELECT * FROM unnest(%s::{id_type}[], %s::bigint[], %s::text[]) "
            "ON CONFLICT (originator_id) DO UPDATE "
            "SET version = excluded.version, hash = excluded.hash "
            "WHERE excluded.version > h.version"
        ).format(schema=schema, heads=heads, id_type=id_type)
        # One command saves one stream: a plain VALUES upsert is cheaper than unnest.
        self.upsert_one_head_statement = SQL(
            "INSERT INTO {schema}.{heads} AS h (originator_id, version, hash) "
            "VALUES (%s, %s, %s) "
            "ON CONFLICT (originator_id) DO UPDATE "
            "SET version = excluded.version, hash = excluded.hash "
            "WHERE excluded.version > h.version"
        ).format(schema=schema, heads=heads)
        self.commands_table_name = commands.commands_table_for(events_table_name)
        self.check_identifier_length(self.commands_table_name)
        self.sql_create_statements.append(
            commands.pg_create(datastore.schema, self.commands_table_name,
                               datastore.originator_id_type)
        )
        self.insert_command_statement = commands.pg_insert_statement(
            datastore.schema, self.commands_table_name
        )
        self.keys_table_name = keys.keys_table_for(events_table_name)
        self.check_identifier_length(self.keys_table_name)
        self.sql_create_statements.append(keys.pg_create(datastore.schema, self.keys_table_name))
        self.destroy_key_statement = keys.pg_destroy(datastore.schema, self.keys_table_name)

    def select_command(self, command_id: str) -> CommandRecord | None:
        return commands.pg_select(self.datastore, self.commands_table_name, command_id)

    def create_table(self) -> None:
        create_postgres_tables(self.datastore, [self])

    def _insert_stored_events(
        self, curs: psycopg.Cursor[DictRow], stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> None:
        # Runs inside the library's transaction and pipeline. Heads are computed before any
        # SQL (a Python error here leaves nothing to commit); the upsert is queued after the
        # insert, under the table lock the insert takes, so a conflicting insert aborts the
        # transaction before the upsert runs. A separate cursor keeps the insert's RETURNING
        # rows for the library to read.
        heads = stream_heads(stored_events)
        command = commands.command_of(kwargs)
        super()._insert_stored_events(curs, stored_events, **kwargs)
        with curs.connection.cursor() as heads_curs:
            # Never prepared: when the insert above fails (a lost version race) psycopg's
            # pipeline skips the PREPARE but still counts the statement as prepared, and the
            # connection's next save fails with 'prepared statement "_pg3_N" does not exist'.
            if len(heads) == 1:
                ((stream, (version, digest)),) = heads.items()
                heads_curs.execute(
                    self.upsert_one_head_statement, (stream, version, digest), prepare=False
                )
            else:
                heads_curs.execute(
                    self.upsert_heads_statement,
                    (
                        [k for k in heads],
                        [v for v, _ in heads.values()],
                        [h for _, h in heads.values()],
                    ),
                    prepare=False,
                )
            if command is not None:
                commands.pg_insert(heads_curs, self.insert_command_statement, command)
            for subject, when in erasures(stored_events):
                heads_curs.execute(self.destroy_key_statement, (subject, when, when),
                                   prepare=False)


def create_postgres_tables(
    datastore: PostgresDatastore, recorders: Sequence[PostgresRecorder]
) -> None:
    """Create the recorders' schema objects in ONE transaction holding an advisory lock.

    The lock makes concurrent initialisers take turns; each then finds everything already
    there (IF NOT EXISTS) instead of colliding in the catalogue.
    """
    with datastore.transaction(commit=True) as curs:
        curs.execute("SELECT pg_advisory_xact_lock(%s)", (DDL_LOCK_KEY,))
        curs.execute(SQL("CREATE SCHEMA IF NOT EXISTS {}").format(Identifier(datastore.schema)))
        for recorder in recorders:
            for statement in recorder.sql_create_statements:
                if "CREATE TYPE" in statement.as_string():
                    # No IF NOT EXISTS for types: try it in a savepoint and accept a duplicate.
                    try:
                        with curs.connection.transaction():
                            curs.execute(statement, prepare=False)
                    except psycopg.errors.DuplicateObject:
                        pass
            if isinstance(recorder, PostgresTrackingRecorder):
                _probe_pg_tracking(recorder, curs)
            recorder._create_table(curs)  # everything except CREATE TYPE
    datastore.register_type_adapters()


def _probe_pg_tracking(recorder: PostgresTrackingRecorder, curs: psycopg.Cursor[DictRow]) -> None:
    curs.execute(
        "SELECT 1 FROM pg_tables WHERE schemaname = %s AND tablename = %s",
        (recorder.datastore.schema, recorder.tracking_table_name),
    )
    exists = curs.fetchone() is not None
    previous = (
        recorder._max_tracking_id(recorder.table_migration_identifier, curs) if exists else None
    )
    recorder.tracking_table_exists = exists
    recorder.tracking_migration_previous = recorder.tracking_migration_current = previous
