"""`asb project --follow`: keep the read models up to date from a separate process.

On PostgreSQL the loop also LISTENs on the channel the event store NOTIFYs on each save, so
it wakes at once instead of waiting for the next poll. Pending gaps are re-checked on every
poll, which is what lets them time out.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import psycopg

from adapters.driven.readmodels.projector import Projector
from adapters.driven.store.settings import StoreSettings, table_names

log = logging.getLogger(__name__)


class _Waker:
    """Blocks until the event store notifies a save, or the timeout passes."""

    def __init__(self, settings: StoreSettings) -> None:
        self.conn: psycopg.Connection[tuple[object, ...]] | None = None
        if settings.backend != "postgres":
            return
        self.conn = psycopg.connect(
            host=settings.pg_host, port=settings.pg_port, user=settings.pg_user,
            password=settings.pg_password or None, dbname=settings.pg_dbname, autocommit=True,
        )
        # eventsourcing NOTIFYs on a channel named after the events table.
        channel = table_names(settings).events.replace(".", "_")
        self.conn.execute(psycopg.sql.SQL("LISTEN {}").format(psycopg.sql.Identifier(channel)))

    def wait(self, timeout: float, stop: threading.Event) -> None:
        if self.conn is None:
            stop.wait(timeout)
            return
        for _ in self.conn.notifies(timeout=timeout, stop_after=1):
            pass

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


def follow(projector: Projector, settings: StoreSettings, stop: threading.Event, *,
           poll_interval: float = 0.5, on_pass: Callable[[int], None] | None = None) -> None:
    """Project until `stop` is set."""
    waker = _Waker(settings)
    try:
        while not stop.is_set():
            done = projector.catch_up()
            if on_pass is not None:
                on_pass(done)
            if not done:
                waker.wait(poll_interval, stop)
    finally:
        waker.close()
