"""The `commands` table: which event each client command id produced.

Written by the application recorders in the same transaction as the events, so a command
id is stored if and only if its event is. Its primary key makes a second event for the same
command id impossible: a racing duplicate fails the whole transaction and stores nothing.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.postgres import PostgresDatastore
from eventsourcing.sqlite import SQLiteCursor, SQLiteDatastore
from psycopg import Cursor
from psycopg.sql import SQL, Composed, Identifier

from service.idempotency import CommandRecord

COLUMNS = "command_id, originator_id, originator_version, request_hash"


def commands_table_for(events_table: str) -> str:
    """The commands table paired with an events table ("stored_events" -> "commands")."""
    prefix = events_table.removesuffix("_events")
    return "commands" if prefix in ("stored", events_table) else f"{prefix}_commands"


def command_of(kwargs: dict[str, Any]) -> CommandRecord | None:
    """The command a save was asked to record (`Application.save(..., command=...)`)."""
    command = kwargs.get("command")
    if command is not None and not isinstance(command, CommandRecord):
        msg = f"command must be a CommandRecord, not {type(command).__name__}"
        raise TypeError(msg)
    return command


# --------------------------------------------------------------------------- SQLite


def sqlite_create(table: str) -> str:
    return (
        f"CREATE TABLE IF NOT EXISTS {table} (command_id TEXT PRIMARY KEY, "
        "originator_id TEXT NOT NULL, originator_version INTEGER NOT NULL, "
        "request_hash TEXT NOT NULL) WITHOUT ROWID"
    )


def sqlite_insert(c: SQLiteCursor, table: str, command: CommandRecord) -> None:
    c.execute(
        f"INSERT INTO {table} ({COLUMNS}) VALUES (?, ?, ?, ?)",  # noqa: S608 - our table name
        (command.command_id, command.originator_id.hex, command.originator_version,
         command.request_hash),
    )


def sqlite_select(datastore: SQLiteDatastore, table: str, command_id: str) -> CommandRecord | None:
    with datastore.transaction(commit=False) as c:
        c.execute(f"SELECT {COLUMNS} FROM {table} WHERE command_id = ?",  # noqa: S608
                  (command_id,))
        row = c.fetchone()
    if row is None:
        return None
    return CommandRecord(row[0], UUID(row[1]), int(row[2]), row[3])


# --------------------------------------------------------------------------- PostgreSQL


def pg_create(schema: str, table: str, id_type: str) -> Composed:
    return SQL(
        "CREATE TABLE IF NOT EXISTS {schema}.{table} (command_id text PRIMARY KEY, "
        "originator_id {id_type} NOT NULL, originator_version bigint NOT NULL, "
        "request_hash text NOT NULL)"
    ).format(schema=Identifier(schema), table=Identifier(table), id_type=SQL(id_type))


def pg_insert_statement(schema: str, table: str) -> Composed:
    return SQL("INSERT INTO {schema}.{table} ({columns}) VALUES (%s, %s, %s, %s)").format(
        schema=Identifier(schema), table=Identifier(table), columns=SQL(COLUMNS))


def pg_insert(curs: Cursor[Any], statement: Composed, command: CommandRecord) -> None:
    # Never prepared, for the reason given at the stream_heads upsert (recorders.py).
    curs.execute(statement, (command.command_id, command.originator_id,
                             command.originator_version, command.request_hash), prepare=False)


def pg_select(datastore: PostgresDatastore, table: str, command_id: str) -> CommandRecord | None:
    statement = SQL("SELECT {columns} FROM {schema}.{table} WHERE command_id = %s").format(
        columns=SQL(COLUMNS), schema=Identifier(datastore.schema), table=Identifier(table))
    with datastore.transaction(commit=False) as curs:
        curs.execute(statement, (command_id,), prepare=False)
        row = curs.fetchone()
    if row is None:
        return None
    stream = row["originator_id"]
    return CommandRecord(row["command_id"], stream if isinstance(stream, UUID) else UUID(stream),
                         int(row["originator_version"]), row["request_hash"])
