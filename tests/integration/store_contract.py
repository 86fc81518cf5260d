"""The event-store contract: ONE suite, run against SQLite and PostgreSQL.

A backend module subclasses `StoreContract` and provides two fixtures:
`settings` (a fresh, NOT yet initialised store location) and `raw` (a `RawStore` that
edits rows with plain SQL, the way someone tampering with the database would).
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar
from uuid import UUID, uuid4

import pytest
from eventsourcing.application import Application
from eventsourcing.persistence import IntegrityError

from adapters.driven.store.integrity import VerifyReport, verify_log
from adapters.driven.store.schema import init_schema
from adapters.driven.store.settings import StoreSettings, persistence_env, table_names
from domain.events.base import GENESIS_HASH, DomainEvent, Evidence, Precision, Snapshot
from service.idempotency import CommandRecord


class Noted(DomainEvent):
    """A tiny test event with a payload."""

    step: ClassVar[str] = "noted"
    note: str = ""
    tags: tuple[str, ...] = ()


class StoreApp(Application[UUID]):
    name = "pathway"  # the same name as service.application.PathwayApplication


T0 = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)


def chain(sid: UUID, n: int, start: int = 1, prev: str = GENESIS_HASH, **kw: Any) -> list[Noted]:
    """n sealed events of stream `sid` from version `start`, linked by their hashes."""
    events: list[Noted] = []
    for v in range(start, start + n):
        e = Noted(originator_id=sid, originator_version=v, occurred_at=T0 + timedelta(hours=v),
                  recorded_at=T0 + timedelta(hours=v, minutes=5), actor="u-1", agency="council",
                  role="officer", rule_set="asbcpa2014", prev_hash=prev,
                  note=kw.get("note", f"note {v}"), rationale=f"original rationale {v}")
        events.append(e.sealed())  # type: ignore[arg-type]
        prev = events[-1].hash
    return events


class RawStore:
    """Raw SQL access to the stored rows, bypassing the application. One per backend."""

    def read(self, sid: UUID, version: int) -> tuple[str, bytes]:
        raise NotImplementedError

    def write_state(self, sid: UUID, version: int, state: bytes) -> None:
        raise NotImplementedError

    def write_topic(self, sid: UUID, version: int, topic: str) -> None:
        raise NotImplementedError

    def delete(self, sid: UUID, version: int) -> None:
        raise NotImplementedError

    def insert(self, sid: UUID, version: int, topic: str, state: bytes) -> None:
        raise NotImplementedError

    def head(self, sid: UUID) -> tuple[int, str] | None:
        raise NotImplementedError

    def drop_heads_table(self) -> None:
        raise NotImplementedError

    def write_head(self, sid: UUID, version: int, digest: str) -> None:
        raise NotImplementedError

    def insert_at(self, position: int, sid: UUID, version: int, topic: str, state: bytes) -> None:
        """Insert an event at a chosen position of the whole log (its notification id)."""
        raise NotImplementedError

    def delete_head(self, sid: UUID) -> None:
        raise NotImplementedError

    def flip_byte(self, sid: UUID, version: int, marker: bytes) -> None:
        """Change one byte (the first of `marker`) of a stored state."""
        topic, state = self.read(sid, version)
        i = state.index(marker)
        self.write_state(sid, version, state[:i] + bytes([state[i] ^ 0x20]) + state[i + 1 :])


def _init_when_released(barrier: Any, settings: StoreSettings) -> None:
    barrier.wait(timeout=60)
    init_schema(settings)


def flagged(report: VerifyReport, sid: UUID, position: int, *words: str) -> bool:
    """Does the report name this stream and position, in a message with these words?"""
    return any(
        v.stream_id == str(sid) and v.position == position and str(sid)[:8] in v.problem
        and all(w in v.problem for w in words)
        for v in report.violations
    )


class StoreContract:
    @pytest.fixture
    def settings(self) -> StoreSettings:
        raise NotImplementedError

    @pytest.fixture
    def raw(self, settings: StoreSettings) -> RawStore:
        raise NotImplementedError

    @pytest.fixture
    def make_app(self, settings: StoreSettings) -> Iterator[Callable[..., StoreApp]]:
        init_schema(settings)
        apps: list[StoreApp] = []

        def make(**extra: str) -> StoreApp:
            apps.append(StoreApp(env=persistence_env(settings) | extra))
            return apps[-1]

        yield make
        for app in apps:
            app.close()

    # ------------------------------------------------------------------ storage

    def test_round_trip_preserves_every_field(self, make_app: Callable[..., StoreApp]) -> None:
        sid = uuid4()
        original = Noted(
            originator_id=sid, originator_version=1, occurred_at=T0,
            precision=Precision.RANGE, occurred_until=T0 + timedelta(days=2),
            recorded_at=datetime(2026, 11, 5, 16, 0, 0, 123456, tzinfo=UTC),
            actor="u-42", agency="Metropolitan Police", role="inspector", rank="Insp",
            on_behalf_of="Supt Ávila", legal_basis="ASBCPA2014 s.43(5)", rule_set="asbcpa2014",
            rationale="Łódź — “quoted” ✓\nsecond line", overrides_used=(uuid4(),),
            evidence=(Evidence(exhibit="NC/1", description="BWV", sha256="ab" * 32,
                               media_type="video/mp4", source="bodycam"),),
            prev_hash=GENESIS_HASH, note="ünïcode", tags=("a", "b"),
        ).sealed()
        app = make_app()
        app.save(original)
        (loaded,) = app.events.get(sid)
        assert type(loaded) is Noted
        assert loaded == original
        assert loaded.model_dump() == original.model_dump()
        assert loaded.compute_hash() == original.hash

    def test_data_survives_restart(self, settings: StoreSettings,
                                   make_app: Callable[..., StoreApp]) -> None:
        assert persistence_env(settings)["PERSISTENCE_MODULE"] != "eventsourcing.popo"
        sid = uuid4()
        events = chain(sid, 3)
        first = make_app()
        first.save(*events)
        first.close()
        second = make_app()  # a new Application on the same file / database
        assert list(second.events.get(sid)) == events
        assert len(second.notification_log.select(start=1, limit=10)) == 3

    def test_concurrent_saves_of_one_version_exactly_one_wins(
        self, make_app: Callable[..., StoreApp], raw: RawStore
    ) -> None:
        sid = uuid4()
        (first,) = chain(sid, 1)
        apps = [make_app(), make_app()]
        apps[0].save(first)
        rivals = [chain(sid, 1, start=2, prev=first.hash, note=f"rival {i}")[0] for i in range(8)]
        barrier, outcomes = threading.Barrier(len(rivals)), [None] * len(rivals)

        def save(i: int) -> None:
            barrier.wait()
            try:
                apps[i % 2].save(rivals[i])
                outcomes[i] = "saved"  # type: ignore[call-overload]
            except Exception as e:  # noqa: BLE001 - the type is what we assert on
                outcomes[i] = e  # type: ignore[call-overload]

        threads = [threading.Thread(target=save, args=(i,)) for i in range(len(rivals))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        winners = [i for i, o in enumerate(outcomes) if o == "saved"]
        assert len(winners) == 1, outcomes
        assert all(isinstance(o, IntegrityError) for o in outcomes if o != "saved"), outcomes
        stored = list(apps[0].events.get(sid))
        assert stored == [first, rivals[winners[0]]]
        assert raw.head(sid) == (2, rivals[winners[0]].hash)

    def test_stream_heads_follow_the_last_event_in_the_same_transaction(
        self, settings: StoreSettings, make_app: Callable[..., StoreApp], raw: RawStore
    ) -> None:
        a, b = uuid4(), uuid4()
        app = make_app()
        a_events, b_events = chain(a, 3), chain(b, 2)
        app.save(a_events[0])
        assert raw.head(a) == (1, a_events[0].hash)
        app.save(*a_events[1:], *b_events)  # one save, two streams, several events each
        assert raw.head(a) == (3, a_events[2].hash)
        assert raw.head(b) == (2, b_events[1].hash)
        with pytest.raises(IntegrityError):  # a failed save moves no head
            app.save(chain(a, 1, start=3, prev=a_events[1].hash, note="late")[0])
        assert raw.head(a) == (3, a_events[2].hash)
        # Atomicity: if the head cannot be written, the event is not written either.
        raw.drop_heads_table()
        more = chain(a, 1, start=4, prev=a_events[2].hash)
        with pytest.raises(Exception, match="(?i)stream_heads"):
            app.save(*more)
        assert [e.originator_version for e in app.events.get(a)] == [1, 2, 3]

    def test_a_command_id_is_stored_with_its_event_and_only_once(
        self, make_app: Callable[..., StoreApp]
    ) -> None:
        a, b = uuid4(), uuid4()
        app = make_app()
        recorder: Any = app.recorder
        assert recorder.select_command("cmd-1") is None
        first = CommandRecord("cmd-1", a, 1, "digest-1")
        app.save(chain(a, 1)[0], command=first)
        assert recorder.select_command("cmd-1") == first
        # A second event for the same command id stores nothing at all.
        with pytest.raises(IntegrityError):
            app.save(chain(b, 1)[0], command=CommandRecord("cmd-1", b, 1, "digest-2"))
        assert list(app.events.get(b)) == []
        assert recorder.select_command("cmd-1") == first
        # A failed event insert stores no command id.
        with pytest.raises(IntegrityError):
            app.save(chain(a, 1, note="rival")[0], command=CommandRecord("cmd-2", a, 1, "d"))
        assert recorder.select_command("cmd-2") is None

    def test_unsealed_events_are_refused(self, make_app: Callable[..., StoreApp]) -> None:
        event = chain(uuid4(), 1)[0].model_copy(update={"hash": ""})
        app = make_app()
        with pytest.raises(Exception, match="no hash"):
            app.save(event)
        assert list(app.events.get(event.originator_id)) == []

    def test_snapshots_round_trip(self, make_app: Callable[..., StoreApp]) -> None:
        app = make_app(IS_SNAPSHOTTING_ENABLED="y")
        assert app.snapshots is not None
        snap = Snapshot(originator_id=uuid4(), originator_version=12, recorded_at=T0,
                        kind="Pathway", state={"open": True, "instruments": [{"k": "CPW"}]})
        app.snapshots.put([snap])
        assert list(app.snapshots.get(snap.originator_id, desc=True, limit=1)) == [snap]

    # ------------------------------------------------------------------ schema

    def test_init_schema_is_idempotent_and_matches_the_application(
        self, settings: StoreSettings, make_app: Callable[..., StoreApp]
    ) -> None:
        app = make_app(IS_SNAPSHOTTING_ENABLED="y")
        events = chain(uuid4(), 2)
        app.save(*events)
        names = table_names(settings)
        assert init_schema(settings)[:3] == [names.events, names.heads, names.snapshots]
        init_schema(settings)
        assert app.recorder.events_table_name == names.events  # type: ignore[attr-defined]
        assert app.snapshots is not None
        assert app.snapshots.recorder.events_table_name == names.snapshots  # type: ignore[attr-defined]
        assert list(app.events.get(events[0].originator_id)) == events

    @pytest.mark.slow
    def test_init_schema_from_four_processes_at_once(self, settings: StoreSettings) -> None:
        ctx = multiprocessing.get_context("spawn")
        barrier = ctx.Barrier(4)
        procs = [ctx.Process(target=_init_when_released, args=(barrier, settings))
                 for _ in range(4)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(120)
        assert [p.exitcode for p in procs] == [0, 0, 0, 0]
        with StoreApp(env=persistence_env(settings)) as app:
            app.save(*chain(uuid4(), 2))
        assert verify_log(settings).ok

    # ------------------------------------------------------------------ verify

    @pytest.fixture
    def log(self, make_app: Callable[..., StoreApp]) -> dict[str, list[Noted]]:
        """Three streams: A with 5 events, B with 3, C with 1."""
        streams = {"A": chain(uuid4(), 5), "B": chain(uuid4(), 3), "C": chain(uuid4(), 1)}
        app = make_app()
        for events in streams.values():
            for e in events:
                app.save(e)
        app.close()
        return streams

    def test_verify_passes_on_an_intact_log(self, settings: StoreSettings,
                                            log: dict[str, list[Noted]]) -> None:
        report = verify_log(settings)
        assert report.ok, report.violations
        assert (report.streams_checked, report.events_checked) == (3, 9)

    def test_verify_detects_one_changed_byte(self, settings: StoreSettings, raw: RawStore,
                                             log: dict[str, list[Noted]]) -> None:
        a = log["A"][0].originator_id
        raw.flip_byte(a, 3, b"original rationale 3")  # "original" -> "Original"
        report = verify_log(settings)
        assert not report.ok
        assert flagged(report, a, 3, "event 3 of stream", "was modified", "hash")

    def test_verify_detects_a_deleted_middle_event(self, settings: StoreSettings,
                                                   raw: RawStore, log: dict[str, list[Noted]]
                                                   ) -> None:
        a = log["A"][0].originator_id
        raw.delete(a, 3)
        report = verify_log(settings)
        assert flagged(report, a, 3, "event 3 is missing", "deleted")

    def test_verify_detects_a_deleted_last_event(self, settings: StoreSettings, raw: RawStore,
                                                 log: dict[str, list[Noted]]) -> None:
        a = log["A"][0].originator_id
        raw.delete(a, 5)
        report = verify_log(settings)
        assert flagged(report, a, 5, "event 5 is missing from the end")
        assert len(report.violations) == 1

    def test_verify_detects_a_deleted_one_event_stream(self, settings: StoreSettings,
                                                       raw: RawStore,
                                                       log: dict[str, list[Noted]]) -> None:
        c = log["C"][0].originator_id
        raw.delete(c, 1)
        report = verify_log(settings)
        assert flagged(report, c, 1, "whole stream was deleted")

    def test_verify_detects_swapped_rows(self, settings: StoreSettings, raw: RawStore,
                                         log: dict[str, list[Noted]]) -> None:
        a, b = log["A"][0].originator_id, log["B"][0].originator_id
        (_, state_a), (_, state_b) = raw.read(a, 2), raw.read(b, 2)
        raw.write_state(a, 2, state_b)
        raw.write_state(b, 2, state_a)
        report = verify_log(settings)
        assert flagged(report, a, 2, "swapped")
        assert flagged(report, b, 2, "swapped")

    def test_verify_detects_a_forged_extra_event(self, settings: StoreSettings, raw: RawStore,
                                                 log: dict[str, list[Noted]]) -> None:
        a_events = log["A"]
        a = a_events[0].originator_id
        # A well-formed forgery: correctly chained and sealed, so only the head betrays it.
        forged = chain(a, 1, start=6, prev=a_events[-1].hash, note="forged")[0]
        topic, _ = raw.read(a, 5)
        raw.insert(a, 6, topic, forged.model_dump_json().encode())
        report = verify_log(settings)
        assert flagged(report, a, 6, "not written by the application")
        assert len(report.violations) == 1

    @pytest.mark.parametrize("junk", [b"\xff\xfe not json", b'{"note": "valid json, bad event"}'])
    def test_verify_reports_undecodable_rows_without_crashing(
        self, settings: StoreSettings, raw: RawStore, log: dict[str, list[Noted]], junk: bytes
    ) -> None:
        b = log["B"][0].originator_id
        raw.write_state(b, 2, junk)
        report = verify_log(settings)
        assert flagged(report, b, 2, "unreadable")
        assert report.events_checked == 9

    def test_verify_reports_a_tampered_topic(self, settings: StoreSettings, raw: RawStore,
                                             log: dict[str, list[Noted]]) -> None:
        b = log["B"][0].originator_id
        raw.write_topic(b, 1, "os:system")  # must never be called, only reported
        report = verify_log(settings)
        assert flagged(report, b, 1, "unreadable", "pydantic model")
