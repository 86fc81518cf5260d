"""The `LogReader` port's contract (what exports read), run on SQLite and PostgreSQL by the
store test classes that mix it in beside `StoreContract` (they give `make_app`)."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID, uuid4

from adapters.driven.exports.ports import LogReader
from adapters.driven.store.log_reader import log_reader_for
from tests.integration.store_contract import StoreApp, chain


def _reader(app: StoreApp) -> LogReader:
    return log_reader_for(app.events)


def _positions(app: StoreApp) -> dict[tuple[UUID, int], int]:
    """(stream, version) -> notification id, from the application's own notification log."""
    found = app.recorder.select_notifications(start=1, limit=1000)
    return {(UUID(str(n.originator_id)), n.originator_version): n.id for n in found}


class LogReaderContract:
    def test_reads_a_stream_in_version_order_decoded_as_the_application_reads_it(
            self, make_app: Callable[..., StoreApp]) -> None:
        sid, other = uuid4(), uuid4()
        app = make_app()
        events = chain(sid, 4)
        app.save(*events[:2], *chain(other, 2))
        app.save(*events[2:])
        got = _reader(app).read(sid)
        assert got == tuple(events)
        assert [e.originator_version for e in got] == [1, 2, 3, 4]
        assert all(e.compute_hash() == e.hash for e in got)

    def test_reads_between_the_given_bounds(self, make_app: Callable[..., StoreApp]) -> None:
        sid = uuid4()
        app = make_app()
        events = chain(sid, 5)
        app.save(*events)
        reader = _reader(app)
        assert reader.read(sid, up_to=2) == tuple(events[:2])
        assert reader.read(sid, after=3) == tuple(events[3:])
        assert reader.read(sid, after=1, up_to=3) == tuple(events[1:3])
        assert reader.read(sid, after=5) == ()

    def test_an_unknown_stream_reads_as_empty(self, make_app: Callable[..., StoreApp]) -> None:
        app = make_app()
        app.save(*chain(uuid4(), 2))
        assert _reader(app).read(uuid4()) == ()

    def test_max_notification_id_is_the_highest_position_of_the_covered_events(
            self, make_app: Callable[..., StoreApp]) -> None:
        a, b = uuid4(), uuid4()
        app = make_app()
        a_events, b_events = chain(a, 3), chain(b, 3)
        for i in range(3):  # interleaved, so each stream's positions are not contiguous
            app.save(a_events[i])
            app.save(b_events[i])
        at = _positions(app)
        reader = _reader(app)
        assert reader.max_notification_id({a: 3}) == at[(a, 3)]
        assert reader.max_notification_id({a: 2}) == at[(a, 2)]
        assert reader.max_notification_id({a: 1, b: 2}) == max(at[(a, 1)], at[(b, 2)])
        assert reader.max_notification_id({a: 3, b: 3}) == max(at.values())
        assert at[(a, 2)] < at[(b, 2)] < at[(a, 3)]  # the interleaving the checks rely on

    def test_max_notification_id_of_nothing_covered_is_zero(
            self, make_app: Callable[..., StoreApp]) -> None:
        app = make_app()
        app.save(*chain(uuid4(), 2))
        reader = _reader(app)
        assert reader.max_notification_id({}) == 0
        assert reader.max_notification_id({uuid4(): 5}) == 0
