"""What exports need from outside, as ports: the stored events of a stream and where they
stand in the whole log (the store implements it, adapters/driven/store/log_reader.py), and how
a user who acted is named in documents (the users table implements it). Exports never see the
database behind either.
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


class People(Protocol):
    def label(self, user_id: str) -> str | None:
        """How documents name the user with this id (`PC 1234 Jo Reid, Marlshire Police`),
        or None when the id is not a known user (the document then shows the id)."""
        ...
