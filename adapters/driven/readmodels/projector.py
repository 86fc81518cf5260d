"""The tracked projection: notification log in, read-model rows out, position alongside.

Each pass runs in ONE read-model transaction: it locks the projection's tracking row, reads
the next notifications, writes their rows and moves the position, then commits. A crash
anywhere leaves rows and position unchanged together, so a replay is exact.

Gaps. PostgreSQL hands out notification ids when a transaction inserts, but transactions
commit in their own order, so a reader may see id 8 while id 7 is still uncommitted (or
will never commit: a save that lost a version race rolls back after taking its id). A pass
therefore never assumes that the ids below the highest it has seen are complete: every id
missing below it is remembered in rm_gaps with the time it was first missed, and re-read on
every later pass. When it appears it is projected (a stream's own events cannot overtake
each other: version n+1 is decided after version n committed, so it always has a higher
id). A gap still empty after `gap_timeout` seconds is given up (rolled back), counted and
logged. Should a given-up event ever commit later, the next event of its stream finds the
stream's version jumped and back-fills the missing rows from the stream itself.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Protocol, cast
from uuid import UUID

from eventsourcing.persistence import Notification
from sqlalchemy import Connection, delete, insert, select, update

from adapters.driven.readmodels import tables as t
from adapters.driven.readmodels.database import ReadStore, drop_tables
from adapters.driven.readmodels.rows import (
    chronology_row,
    derived_rows,
    incident_row,
    note_row,
    pathway_row,
    place_row,
)
from adapters.driven.readmodels.tracking import (
    load_gaps,
    lock_tracking,
    ranges,
    read_tracking,
    save_tracking,
)
from adapters.driven.store.mapper import erase_personal
from domain import steps
from domain.events.base import DomainEvent
from domain.model import Incident, Pathway, Place
from service.application import PathwayApplication, Stream, project

log = logging.getLogger(__name__)

PROJECTION_NAME = "pathway_views"
#: Seconds a missing notification id stays pending before it is taken as rolled back.
DEFAULT_GAP_TIMEOUT = 10.0
DEFAULT_BATCH_SIZE = 500

Progress = Callable[[int], None]  # called with the number of events just projected


class NotificationLog(Protocol):
    """The part of eventsourcing's ApplicationRecorder the projection reads."""

    def select_notifications(self, start: int | None, limit: int, stop: int | None = None,
                             topics: Sequence[str] = (), *,
                             inclusive_of_start: bool = True) -> Sequence[Notification]: ...

    def max_notification_id(self) -> int | None: ...


@dataclass(frozen=True)
class PassResult:
    processed: int
    position: int
    pending_gaps: tuple[int, ...]
    skipped_gaps: tuple[int, ...]
    more: bool  # the batch was full: call again


@dataclass
class _Touched:
    """A stream changed in this pass: its newest aggregate and the event that made it."""

    agg: Stream
    last: DomainEvent
    notification_id: int | None


@dataclass
class _Batch:
    touched: dict[UUID, _Touched] = field(default_factory=dict)
    versions: dict[UUID, int] = field(default_factory=dict)


class Projector:
    """Projects the application's notification log into the read-model tables."""

    def __init__(
        self,
        application: PathwayApplication,
        store: ReadStore,
        *,
        name: str = PROJECTION_NAME,
        batch_size: int = DEFAULT_BATCH_SIZE,
        gap_timeout: float = DEFAULT_GAP_TIMEOUT,
        wall_clock: Callable[[], float] = time.time,
        cache_size: int = 2000,
        log: NotificationLog | None = None,
    ) -> None:
        self.application = application
        self.log: NotificationLog = log or application.recorder
        self.store = store
        self.name = name
        self.batch_size = batch_size
        self.gap_timeout = gap_timeout
        self.wall_clock = wall_clock
        self._cache: OrderedDict[UUID, Stream] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()
        # What this process last saw: lets `catch_up` skip a pass when nothing is new.
        self._known_position = -1
        self._known_gaps: tuple[int, ...] = ()

    # ------------------------------------------------------------------ public
    def catch_up(self, progress: Progress | None = None) -> int:
        """Project everything committed so far; returns how many events were projected."""
        if self._up_to_date():
            return 0
        total = 0
        while True:
            result = self.run_once()
            total += result.processed
            if progress is not None and result.processed:
                progress(result.processed)
            if not result.more:
                return total

    def run_once(self) -> PassResult:
        """One tracked pass: at most `batch_size` new events plus any filled gaps."""
        with self._lock:
            try:
                with self.store.write() as conn:
                    result = self._pass(conn)
            except BaseException:
                self._cache.clear()  # it may hold states whose rows were rolled back
                raise
            self._known_position, self._known_gaps = result.position, result.pending_gaps
            return result

    def rebuild(self, progress: Progress | None = None) -> int:
        """Drop every read model and project the whole log again, in one transaction.

        Readers keep seeing the old rows (SQLite WAL snapshot; PostgreSQL waits on the
        dropped tables' locks) until the new ones are complete, then see only those.
        """
        with self._lock:
            self._cache.clear()
            total = 0
            try:
                with self.store.write() as conn:
                    drop_tables(conn, self.store)
                    t.metadata.create_all(conn)
                    while True:
                        result = self._pass(conn)
                        total += result.processed
                        if progress is not None and result.processed:
                            progress(result.processed)
                        if not result.more:
                            break
            except BaseException:
                self._cache.clear()
                raise
            self._known_position, self._known_gaps = result.position, result.pending_gaps
            return total

    def tracking(self) -> tuple[int, tuple[int, ...]]:
        """(position, pending gap ids) as committed."""
        with self.store.read() as conn:
            return read_tracking(conn, self.name)

    def log_length(self) -> int:
        return int(self.log.max_notification_id() or 0)

    # ------------------------------------------------------------------ the pass
    def _up_to_date(self) -> bool:
        if self._known_gaps or self._known_position < 0:
            return False
        return self.log_length() <= self._known_position

    def _pass(self, conn: Connection) -> PassResult:
        position = lock_tracking(conn, self.name)
        pending = load_gaps(conn, self.name)
        filled = self._read_gaps(sorted(pending))
        new = list(self.log.select_notifications(start=position + 1, limit=self.batch_size))
        now = self.wall_clock()

        missed: list[int] = []
        expected = position + 1
        for n in new:
            missed.extend(range(expected, n.id))
            expected = n.id + 1

        batch = _Batch()
        for n in sorted([*filled, *new], key=lambda n: n.id):
            self._project(conn, batch, n)
        self._write_touched(conn, batch)

        filled_ids = {n.id for n in filled}
        still = {g: seen for g, seen in pending.items() if g not in filled_ids}
        expired = sorted(g for g, seen in still.items() if now - seen >= self.gap_timeout)
        if expired:
            log.warning("projection %s: notification ids %s never committed within %.1fs; "
                        "taken as rolled back", self.name, expired, self.gap_timeout)
        for g in expired:
            del still[g]
        for g in missed:
            still[g] = now
        new_position = new[-1].id if new else position
        processed = len(filled) + len(new)
        save_tracking(conn, self.name, new_position, processed, len(expired), pending, still)
        return PassResult(processed, new_position, tuple(sorted(still)), tuple(expired),
                          more=len(new) >= self.batch_size)

    def _read_gaps(self, gap_ids: Sequence[int]) -> list[Notification]:
        found: list[Notification] = []
        for lo, hi in ranges(gap_ids):
            found.extend(self.log.select_notifications(start=lo, stop=hi, limit=hi - lo + 1))
        wanted = set(gap_ids)
        return [n for n in found if n.id in wanted]

    # ------------------------------------------------------------------ one event
    def _project(self, conn: Connection, batch: _Batch, n: Notification) -> None:
        event = self.application.mapper.to_domain_event(n)
        assert isinstance(event, DomainEvent), f"notification {n.id} is not a Pathway event"
        sid, version = event.originator_id, event.originator_version
        done = self._stream_version(conn, batch, sid)
        if version <= done:
            # Already reflected (replayed, or back-filled earlier): rows only if missing.
            if not _has_entry(conn, sid, version):
                self._record_event(conn, event, self._kind(sid, version), n.id)
            return
        agg = self._advance(sid, event)
        if version > done + 1:
            for missing in self.application.events.get(sid, gt=done, lte=version - 1):
                self._record_event(conn, missing, agg.KIND, None)  # type: ignore[arg-type]
        self._record_event(conn, event, agg.KIND, n.id)
        batch.versions[sid] = version
        batch.touched[sid] = _Touched(agg, event, n.id)

    def _record_event(self, conn: Connection, event: DomainEvent, kind: str,
                      notification_id: int | None) -> None:
        """The per-event rows: a chronology entry, maybe a note, a correction mark."""
        sid, version = event.originator_id, event.originator_version
        conn.execute(delete(t.chronology).where(
            t.chronology.c.stream_id == sid, t.chronology.c.version == version))
        conn.execute(insert(t.chronology), [chronology_row(event, kind, notification_id)])
        note = note_row(event)
        if note is not None:
            conn.execute(delete(t.notes).where(
                t.notes.c.stream_id == sid, t.notes.c.version == version))
            conn.execute(insert(t.notes), [note])
        if event.step == steps.ENTRY_CORRECTED:
            conn.execute(update(t.chronology).where(
                t.chronology.c.stream_id == sid,
                t.chronology.c.version == event.corrected_version,  # type: ignore[attr-defined]
            ).values(corrected_by_version=version))
        if event.step == steps.INCIDENT_REPORTED:
            conn.execute(delete(t.incidents).where(t.incidents.c.id == sid))
            conn.execute(insert(t.incidents), [incident_row(event)])
        if event.step == steps.SUBJECT_ERASED:
            self._rewrite_erased(conn, sid, version, kind)

    def _rewrite_erased(self, conn: Connection, sid: UUID, erased_at: int, kind: str) -> None:
        """Rewrite the stream's earlier rows from the log, which now reads the subject's
        personal fields as erased (its key went with the erasure): no plaintext stays."""
        for old in self.application.events.get(sid, lte=erased_at - 1):
            assert isinstance(old, DomainEvent)
            if not type(old).personal:
                continue
            # Rows from before encryption still decode in clear: erase them here too.
            old = type(old).model_validate(erase_personal(old.model_dump(mode="json"), type(old)))
            row = chronology_row(old, kind, None)
            conn.execute(update(t.chronology).where(
                t.chronology.c.stream_id == sid, t.chronology.c.version == old.originator_version,
            ).values(payload=row["payload"]))
            note = note_row(old)
            if note is not None:
                conn.execute(delete(t.notes).where(
                    t.notes.c.stream_id == sid, t.notes.c.version == old.originator_version))
                conn.execute(insert(t.notes), [note])

    def _stream_version(self, conn: Connection, batch: _Batch, sid: UUID) -> int:
        if sid not in batch.versions:
            found = conn.execute(select(t.streams.c.version).where(t.streams.c.id == sid))
            batch.versions[sid] = found.scalar_one_or_none() or 0
        return batch.versions[sid]

    def _kind(self, sid: UUID, version: int) -> str:
        agg = self._cache.get(sid) or self._load(sid, version)
        return agg.KIND

    def _advance(self, sid: UUID, event: DomainEvent) -> Stream:
        """The stream's aggregate after `event`, from the cache when it is one behind."""
        cached = self._cache.get(sid)
        if cached is not None and cached.version == event.originator_version - 1:
            agg = project(cached, [event])
        else:
            agg = self._load(sid, event.originator_version)
        assert agg is not None
        self._cache[sid] = agg
        self._cache.move_to_end(sid)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return agg

    def _load(self, sid: UUID, version: int) -> Stream:
        get: Any = self.application.repository.get
        return cast(Stream, get(sid, version=version, projector_func=project))

    # ------------------------------------------------------------------ per stream
    def _write_touched(self, conn: Connection, batch: _Batch) -> None:
        for sid, touched in batch.touched.items():
            agg = touched.agg
            opened = {1} | {i.opened_version for i in getattr(agg, "instruments", {}).values()}
            agencies = _agencies(conn, sid, opened)
            conn.execute(delete(t.streams).where(t.streams.c.id == sid))
            conn.execute(insert(t.streams), [{
                "id": sid, "kind": agg.KIND, "version": agg.version,
                "last_notification_id": touched.notification_id or 0,
                "last_recorded_at": touched.last.recorded_at,
            }])
            if isinstance(agg, Incident):
                continue
            opened_by = agencies.get(1, "")
            if isinstance(agg, Pathway):
                conn.execute(delete(t.pathways).where(t.pathways.c.id == sid))
                conn.execute(insert(t.pathways), [pathway_row(agg, touched.last, opened_by)])
            elif isinstance(agg, Place):
                description = _first_payload(conn, sid).get("description", "")
                conn.execute(delete(t.places).where(t.places.c.id == sid))
                conn.execute(insert(t.places),
                             [place_row(agg, touched.last, opened_by, description)])
            rows = derived_rows(agg, partial(_agency, agencies))
            for name, table in (("instruments", t.instruments), ("referrals", t.referrals),
                                ("overrides", t.overrides), ("deadlines", t.deadlines),
                                ("shares", t.shares)):
                conn.execute(delete(table).where(table.c.stream_id == sid))
                if rows[name]:
                    conn.execute(insert(table), rows[name])


# ---------------------------------------------------------------------- rows
def _has_entry(conn: Connection, sid: UUID, version: int) -> bool:
    found = conn.execute(select(t.chronology.c.version).where(
        t.chronology.c.stream_id == sid, t.chronology.c.version == version))
    return found.first() is not None


def _agencies(conn: Connection, sid: UUID, versions: set[int]) -> dict[int, str]:
    """Which agency recorded each of `versions` of the stream (from its chronology rows)."""
    rows = conn.execute(select(t.chronology.c.version, t.chronology.c.agency).where(
        t.chronology.c.stream_id == sid, t.chronology.c.version.in_(sorted(versions))))
    return {int(v): str(a) for v, a in rows}


def _agency(agencies: dict[int, str], version: int) -> str:
    return agencies.get(version, "")


def _first_payload(conn: Connection, sid: UUID) -> dict[str, Any]:
    found = conn.execute(select(t.chronology.c.payload).where(
        t.chronology.c.stream_id == sid, t.chronology.c.version == 1)).scalar_one_or_none()
    return dict(found or {})
