"""`verify_log`: prove the stored log is the one the application wrote, or say where not.

Reads raw rows straight from the database (not through the Application, whose repository
trusts the rows), one stream at a time in primary-key order, so memory stays O(streams).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Mapper, StoredEvent
from eventsourcing.postgres import PostgresFactory
from eventsourcing.sqlite import SQLiteFactory
from psycopg.sql import SQL, Identifier

from domain.events.base import GENESIS_HASH, DomainEvent, canonical_bytes
from adapters.driven.store.mapper import SEALED, PydanticMapper
from adapters.driven.store.schema import store_factory
from adapters.driven.store.settings import StoreSettings, table_names

Row = tuple[Any, ...]  # a raw database row


@dataclass(frozen=True)
class Violation:
    stream_id: str
    position: int | None  # the event's version in its stream, when one is concerned
    problem: str


@dataclass
class VerifyReport:
    streams_checked: int = 0
    events_checked: int = 0
    violations: list[Violation] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.violations


def stream_key(raw: Any) -> str:
    """A stream id as text, the same from either backend (a UUID in its canonical form)."""
    try:
        return str(raw if isinstance(raw, UUID) else UUID(str(raw)))
    except ValueError:
        return str(raw)


def short_id(stream_id: str) -> str:
    """The first characters of a stream id, as messages name it."""
    return stream_id[:8] + "…"


def _span(first: int, last: int) -> str:
    return f"event {first} is" if first == last else f"events {first}–{last} are"


@dataclass
class _Stream:
    """What we know about the stream being read: the last row seen and its hash."""

    sid: str
    version: int = 0
    last_hash: str | None = GENESIS_HASH  # None: unknown (previous row undecodable)


class _Checker:
    def __init__(self, mapper: Mapper[Any], heads: dict[str, tuple[int, str]]):
        self.mapper = mapper
        self.heads = heads
        self.report = VerifyReport()

    def fail(self, sid: str, position: int | None, problem: str) -> None:
        self.report.violations.append(Violation(sid, position, problem))

    def row(self, stream: _Stream, raw_id: Any, version: int, topic: str, state: Any) -> None:
        sid, where = stream.sid, f"event {version} of stream {short_id(stream.sid)}"
        self.report.events_checked += 1
        gap = version != stream.version + 1
        if gap:
            self.fail(sid, stream.version + 1, f"{_span(stream.version + 1, version - 1)} "
                      f"missing from stream {short_id(sid)}: deleted from the log")
        expected_prev = None if gap else stream.last_hash
        stream.version, stream.last_hash = version, None
        try:
            stored = StoredEvent(originator_id=raw_id, originator_version=version,
                                 topic=topic, state=bytes(state) if state is not None else b"")
            event = self.mapper.to_domain_event(stored)
        except Exception as e:  # any decoding failure is a finding, never a crash
            self.fail(sid, version, f"{where} is unreadable (corrupted or modified): {e}")
            return
        if not isinstance(event, DomainEvent):
            self.fail(sid, version, f"{where} is not a Pathway event ({topic})")
            return
        if stream_key(event.originator_id) != sid or event.originator_version != version:
            self.fail(sid, version, f"{where} holds the contents of event "
                      f"{event.originator_version} of stream {short_id(stream_key(event.originator_id))}: "
                      "rows were swapped or moved")
            return  # its hash says nothing about this position; the next link is unknown
        if self._sealed_hash(stored, event) != event.hash:
            self.fail(sid, version, f"{where} was modified: stored hash does not match its "
                      "contents")
        elif expected_prev is not None and event.prev_hash != expected_prev:
            self.fail(sid, version, f"{where} does not follow event {version - 1}: its "
                      "previous-event hash does not match (inserted, replaced or reordered)")
        stream.last_hash = event.hash

    def _sealed_hash(self, stored: StoredEvent, event: DomainEvent) -> str:
        """The hash of the row as its version of the event class wrote it: an event read
        through an upcaster was sealed over its stored body, not over its upcast fields."""
        if not isinstance(self.mapper, PydanticMapper):
            return event.compute_hash()
        body = self.mapper.stored_body(stored)
        for key in ("hash", "class_version", SEALED):
            body.pop(key, None)
        personal = getattr(type(event), "personal", {})
        return hashlib.sha256(canonical_bytes(stored.topic, body, personal)).hexdigest()

    def end(self, stream: _Stream) -> None:
        sid, last = stream.sid, stream.version
        self.report.streams_checked += 1
        head = self.heads.pop(sid, None)
        if head is None:
            self.fail(sid, last, f"stream {short_id(sid)} has no recorded head: its events "
                      "were not written by the application")
            return
        version, digest = head
        if version > last:
            self.fail(sid, last + 1, f"{_span(last + 1, version)} missing from the end "
                      f"of stream {short_id(sid)}: deleted (its head records {version} events)")
        elif version < last:
            self.fail(sid, version + 1, f"{_span(version + 1, last)} in stream {short_id(sid)} "
                      f"but not written by the application (its head records {version} events)")
        elif stream.last_hash is not None and digest != stream.last_hash:
            self.fail(sid, last, f"event {last} of stream {short_id(sid)} is not the event "
                      "recorded as its head (replaced)")

    def orphans(self) -> None:
        for sid, (version, _) in sorted(self.heads.items()):
            self.fail(sid, 1, f"stream {short_id(sid)} has a recorded head at event {version} "
                      "but no events: the whole stream was deleted")


class StoreNotInitialisedError(RuntimeError):
    """There is no log to verify at that location (run `asb db init` first)."""


#: Told of every row verified: stream id, version, and the event's hash (None: unreadable).
Watch = Callable[[str, int, "str | None"], None]


def verify_log(settings: StoreSettings, batch_size: int = 2000,
               watch: Watch | None = None) -> VerifyReport:
    """Check every stream: contiguous versions, hash chain, row identity and stream heads.

    `watch`, when given, sees each row's hash as the chain reaches it (checkpoint.py compares
    them with signed heads in the same pass).
    """
    if settings.sqlite_path is not None and not settings.sqlite_path.exists():
        # Opening it would create an empty database and report it as intact.
        raise StoreNotInitialisedError(f"no database at {settings.describe()}")
    factory = store_factory(settings)
    try:
        mapper: Mapper[Any] = factory.mapper(transcoder=factory.transcoder())
        if isinstance(mapper, PydanticMapper):
            # With the subjects' keys, encrypted personal fields are authenticated too.
            mapper.keyring = key_ring_if_configured(factory, settings)
        with snapshot_reader(factory, settings) as read:
            heads = {stream_key(k): (int(v), str(h)) for k, v, h in read("heads", batch_size)}
            checker = _Checker(mapper, heads)
            stream: _Stream | None = None
            for raw_id, version, topic, state in read("events", batch_size):
                sid = stream_key(raw_id)
                if stream is None or stream.sid != sid:
                    if stream is not None:
                        checker.end(stream)
                    stream = _Stream(sid)
                checker.row(stream, raw_id, int(version), topic, state)
                if watch is not None:
                    watch(sid, stream.version, stream.last_hash)
            if stream is not None:
                checker.end(stream)
            checker.orphans()
            return checker.report
    finally:
        factory.close()


def key_ring_if_configured(factory: Any, settings: StoreSettings) -> Any:
    """The subjects' key ring when the key-encryption key is at hand (configured, or the
    embedded file's `.kek` beside it), else None: verify never makes a key."""
    from adapters.driven.store.keys import SubjectKeys, decode_kek
    from adapters.settings import load_settings

    text = load_settings().key_encryption_key
    if not text and settings.sqlite_path is not None:
        beside = settings.sqlite_path.with_name(settings.sqlite_path.name + ".kek")
        text = beside.read_text() if beside.exists() else ""
    return SubjectKeys(factory.application_recorder(), decode_kek(text)) if text else None


def store_position_column(factory: Any) -> str:
    """The column that orders the whole log: the notification id of each event."""
    return "rowid" if isinstance(factory, SQLiteFactory) else "notification_id"


_HEADS = "SELECT originator_id, version, hash FROM {} ORDER BY originator_id"
_EVENTS = (
    "SELECT originator_id, originator_version, topic, state FROM {} "
    "ORDER BY originator_id, originator_version"  # the primary key: an index scan
)


@contextmanager
def snapshot_reader(factory: Any,
                    settings: StoreSettings) -> Iterator[Callable[[str, int], Iterator[Row]]]:
    """Yields read(kind, batch) -> raw rows of "heads" or "events" (in stream/version order),
    "tip" (one row: the number of events and the highest position) or "positions" (stream,
    version, position of every event, unordered).

    All reads share one snapshot, so a save committed meanwhile cannot look like tampering.
    """
    names = table_names(settings)
    column = store_position_column(factory)
    tables = {"heads": (_HEADS, names.heads), "events": (_EVENTS, names.events),
              "tip": (f"SELECT count(*), coalesce(max({column}), 0) FROM {{}}", names.events),
              "positions": (f"SELECT originator_id, originator_version, {column} FROM {{}}",
                            names.events)}
    if isinstance(factory, SQLiteFactory):
        with factory.datastore.transaction(commit=False) as c:
            cur = c.sqlite_cursor
            for _, table in tables.values():
                cur.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (table,))
                if cur.fetchone() is None:
                    raise StoreNotInitialisedError(f"table {table} missing in {settings.describe()}")

            def read_sqlite(kind: str, batch: int) -> Iterator[Row]:
                query, table = tables[kind]
                cur.execute(query.format(table))
                while rows := cur.fetchmany(batch):
                    yield from (tuple(r) for r in rows)

            yield read_sqlite
    elif isinstance(factory, PostgresFactory):
        schema = factory.datastore.schema
        with factory.datastore.get_connection() as conn, conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            for _, table in tables.values():
                found = conn.execute(
                    "SELECT 1 FROM pg_tables WHERE schemaname = %s AND tablename = %s",
                    (schema, table),
                ).fetchone()
                if found is None:
                    raise StoreNotInitialisedError(f"table {table} missing in {settings.describe()}")

            def read_pg(kind: str, batch: int) -> Iterator[Row]:
                query, table = tables[kind]
                sql = SQL(query).format(Identifier(schema, table))
                # A named (server-side) cursor streams rows instead of loading them all.
                with conn.cursor(name=f"verify_{kind}") as pg_cur:
                    pg_cur.itersize = batch
                    pg_cur.execute(sql)
                    for r in pg_cur:
                        yield tuple(r.values())

            yield read_pg
    else:  # pragma: no cover - persistence_env only names the two modules above
        raise TypeError(f"unsupported persistence factory {type(factory).__name__}")
