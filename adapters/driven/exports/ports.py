"""What exports need from the log, as a port: the stored events of a stream and where they
stand in the whole log. The store implements it (adapters/driven/store/log_reader.py); exports
never see the database behind it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol
from uuid import UUID

from domain.events.base import DomainEvent


class LogReader(Protocol):
    def read(self, stream_id: UUID, *, up_to: int | None = None,
             after: int | None = None) -> tuple[DomainEvent, ...]:
        """The events of a stream in version order, those with `after` < version <= `up_to`
        (either bound optional); empty when the log has no such stream."""
        ...

    def max_notification_id(self, streams: Mapping[UUID, int]) -> int:
        """The highest notification id (global log position) among the events of these
        streams up to the given versions; 0 when there are none."""
        ...
