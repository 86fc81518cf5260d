"""The log as exports read it (the `LogReader` port of adapters/driven/exports/ports.py),
on SQLite and on PostgreSQL.

Events are read through the application's event store (so they are decoded, and upcast,
exactly as the application reads them); only the global position of a stream's events,
which the event store does not expose, is asked of the database directly.
"""

from __future__ import annotations

from collections.abc import Mapping
from uuid import UUID

from eventsourcing.persistence import EventStore
from eventsourcing.postgres import PostgresApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder
from psycopg.sql import SQL, Identifier

from domain.events.base import DomainEvent


class EventStoreLogReader:
    """Reading streams through an event store; the position query is the backend's."""

    def __init__(self, events: EventStore[UUID]) -> None:
        self.events = events

    def read(self, stream_id: UUID, *, up_to: int | None = None,
             after: int | None = None) -> tuple[DomainEvent, ...]:
        found = self.events.get(stream_id, gt=after, lte=up_to)
        return tuple(e for e in found if isinstance(e, DomainEvent))

    def max_notification_id(self, streams: Mapping[UUID, int]) -> int:
        raise NotImplementedError


class SQLiteLogReader(EventStoreLogReader):
    def __init__(self, events: EventStore[UUID], recorder: SQLiteApplicationRecorder) -> None:
        super().__init__(events)
        self.recorder = recorder

    def max_notification_id(self, streams: Mapping[UUID, int]) -> int:
        query = (f"SELECT max(rowid) FROM {self.recorder.events_table_name} "
                 "WHERE originator_id = ? AND originator_version <= ?")
        best = 0
        with self.recorder.datastore.transaction(commit=False) as c:
            for stream_id, version in streams.items():
                c.execute(query, (stream_id.hex, version))
                row = c.fetchone()
                best = max(best, int(row[0] or 0))
        return best


class PostgresLogReader(EventStoreLogReader):
    def __init__(self, events: EventStore[UUID], recorder: PostgresApplicationRecorder) -> None:
        super().__init__(events)
        self.recorder = recorder

    def max_notification_id(self, streams: Mapping[UUID, int]) -> int:
        datastore = self.recorder.datastore
        query = SQL("SELECT max(notification_id) AS n FROM {} WHERE originator_id = %s "
                    "AND originator_version <= %s").format(
            Identifier(datastore.schema, self.recorder.events_table_name))
        as_text = getattr(datastore, "originator_id_type", "uuid") == "text"
        best = 0
        with datastore.get_connection() as conn:
            for stream_id, version in streams.items():
                key: UUID | str = str(stream_id) if as_text else stream_id
                row = conn.execute(query, (key, version)).fetchone()
                value = (row.get("n") if isinstance(row, dict) else row[0]) if row else None
                best = max(best, int(value or 0))
        return best


def log_reader_for(events: EventStore[UUID]) -> SQLiteLogReader | PostgresLogReader:
    """The reader for the backend the event store was configured with."""
    recorder = events.recorder
    if isinstance(recorder, SQLiteApplicationRecorder):
        return SQLiteLogReader(events, recorder)
    if isinstance(recorder, PostgresApplicationRecorder):
        return PostgresLogReader(events, recorder)
    raise TypeError(f"exports read SQLite or PostgreSQL logs, not {type(recorder).__name__}")
