"""Blind appends (no expected version) that do not make the client retry by hand.

In one process, blind appends to one stream take turns (`StreamLocks`), so they never race
each other; against other processes they may still lose a version race, and are then
reloaded and decided again, a bounded number of times with a small random backoff.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from threading import Lock
from uuid import UUID

#: Attempts of a blind append that keeps losing version races to other processes. Another
#: process appending to the same stream back to back can win several races in a row (seen:
#: 10 in a row with two processes on one busy machine), so the bound is generous; the
#: backoffs then add up to at most about 0.7 s.
BLIND_APPEND_ATTEMPTS = 30
#: Upper bound (seconds) of the first backoff; it doubles each attempt, up to _MAX_BACKOFF.
_FIRST_BACKOFF = 0.002
_MAX_BACKOFF = 0.025


def backoff(attempt: int) -> None:
    """Sleep a small random time before retry `attempt` (0-based), so racers spread out."""
    ceiling = min(_MAX_BACKOFF, _FIRST_BACKOFF * 2**attempt)
    time.sleep(random.uniform(0, ceiling))  # noqa: S311 - jitter, not security


class StreamLocks:
    """One lock per stream while someone holds it; forgotten when the last holder leaves."""

    def __init__(self) -> None:
        self._guard = Lock()
        self._held: dict[UUID, tuple[Lock, int]] = {}

    @contextmanager
    def hold(self, stream_id: UUID) -> Iterator[None]:
        with self._guard:
            lock, holders = self._held.get(stream_id, (Lock(), 0))
            self._held[stream_id] = (lock, holders + 1)
        try:
            with lock:
                yield
        finally:
            with self._guard:
                lock, holders = self._held[stream_id]
                if holders == 1:
                    del self._held[stream_id]
                else:
                    self._held[stream_id] = (lock, holders - 1)

    def __len__(self) -> int:
        with self._guard:
            return len(self._held)
