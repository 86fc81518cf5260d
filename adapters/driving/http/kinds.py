"""Which kind of stream an id names (pathway, place or incident), remembered per process.

A stream's kind is fixed by its first event and never changes, so once known it needs no
further lookup: the write routes check it on every request without an extra load.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from uuid import UUID

from domain.model import NotFoundError
from service.application import PathwayApplication


class StreamKinds:
    def __init__(self, application: PathwayApplication, size: int = 100_000) -> None:
        self.application, self.size = application, size
        self._kinds: OrderedDict[UUID, str] = OrderedDict()
        self._lock = threading.Lock()

    def require(self, stream_id: UUID, kind: str) -> None:
        """Return if `stream_id` is a stream of `kind`; NotFoundError (404) otherwise."""
        with self._lock:
            found = self._kinds.get(stream_id)
        if found is None:
            found = self.application.load_any(stream_id).KIND  # NotFoundError if none
            with self._lock:
                self._kinds[stream_id] = found
                while len(self._kinds) > self.size:
                    self._kinds.popitem(last=False)
        if found != kind:
            raise NotFoundError(f"no {kind} with id {stream_id}")
