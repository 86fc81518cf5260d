"""How the API gets fresh read models: project in-process, or wait for a follower process.

In-process (the default) the API projects before it reads, so a client always reads its own
writes. With a separate `asb project --follow` worker (PostgreSQL, several API processes)
the API instead waits, for a bounded time, until the worker has reached the end of the log.
"""

from __future__ import annotations

import logging
import time
from typing import Protocol

from adapters.driven.readmodels.database import ReadStore
from adapters.driven.readmodels.projector import PROJECTION_NAME, Projector
from adapters.driven.readmodels.tracking import read_tracking
from service.application import PathwayApplication

log = logging.getLogger(__name__)


class ReadSide(Protocol):
    """What the HTTP layer needs: the read-model store, and a way to bring it up to date."""

    @property
    def store(self) -> ReadStore: ...

    def refresh(self) -> None:
        """Return once the read models reflect every event committed before the call."""


class InProcessReadSide:
    def __init__(self, projector: Projector) -> None:
        self.projector = projector

    @property
    def store(self) -> ReadStore:
        return self.projector.store

    def refresh(self) -> None:
        self.projector.catch_up()


class FollowerReadSide:
    """Reads what a separate projection worker wrote; waits up to `timeout` for it."""

    def __init__(self, application: PathwayApplication, store: ReadStore, *,
                 name: str = PROJECTION_NAME, timeout: float = 5.0, poll: float = 0.01) -> None:
        self.application, self._store, self.name = application, store, name
        self.timeout, self.poll = timeout, poll

    @property
    def store(self) -> ReadStore:
        return self._store

    def refresh(self) -> None:
        target = int(self.application.recorder.max_notification_id() or 0)
        deadline = time.monotonic() + self.timeout
        while True:
            with self._store.read() as conn:
                position, gaps = read_tracking(conn, self.name)
            if position >= target and target not in gaps:
                return
            if time.monotonic() >= deadline:
                log.warning("projection %s is at %d, log at %d after %.1fs: serving what it has",
                            self.name, position, target, self.timeout)
                return
            time.sleep(self.poll)
