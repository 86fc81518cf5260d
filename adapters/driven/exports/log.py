"""The part of the log an export covers: a case stream, the incidents it links, and where
in the log they stand (stream versions and the highest notification id covered).

Exports are made from the log itself (`history`), never from a read model, so the same
position always gives the same rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from uuid import UUID

from adapters.driven.exports.ports import LogReader
from domain import steps
from domain.events.base import GENESIS_HASH, DomainEvent

CASE_KINDS = {"PathwayOpened": "pathway", "PlaceRegistered": "place"}


class ExportSourceError(RuntimeError):
    """The log cannot give what the export needs (unknown id, or events gone missing)."""


@dataclass(frozen=True)
class CaseLog:
    """Events of one pathway or place and of the incidents it links, up to a position."""

    kind: str  # "pathway" | "place"
    stream_id: UUID
    events: tuple[DomainEvent, ...]
    incidents: Mapping[UUID, tuple[DomainEvent, ...]] = field(default_factory=dict)

    @property
    def version(self) -> int:
        return self.events[-1].originator_version if self.events else 0

    @property
    def head_hash(self) -> str:
        return self.events[-1].hash if self.events else GENESIS_HASH

    def streams(self) -> dict[str, int]:
        """Stream id -> version covered (the case stream first, then incidents by id)."""
        found = {str(self.stream_id): self.version}
        for incident_id in sorted(self.incidents, key=str):
            events = self.incidents[incident_id]
            found[str(incident_id)] = events[-1].originator_version if events else 0
        return found


def load_case(log: LogReader, stream_id: UUID, at: Mapping[str, int] | None = None) -> CaseLog:
    """Load a case stream and its linked incidents, optionally only up to `at` (versions)."""
    limit = None if at is None else at.get(str(stream_id))
    events = log.read(stream_id, up_to=limit)
    if not events:
        raise ExportSourceError(f"no pathway or place with id {stream_id}")
    kind = CASE_KINDS.get(type(events[0]).__name__)
    if kind is None:
        raise ExportSourceError(f"{stream_id} is not a pathway or a place (it is an incident)")
    if limit is not None and events[-1].originator_version < limit:
        raise ExportSourceError(
            f"stream {stream_id} has {events[-1].originator_version} events in the log, but the "
            f"export covered {limit}: events were removed from the log")
    linked: dict[UUID, None] = {}  # ordered, without repeats
    for e in events:
        incident_id = getattr(e, "incident_id", None)
        if e.step == steps.INCIDENT_LINKED and incident_id is not None:
            linked[incident_id] = None
    incidents: dict[UUID, tuple[DomainEvent, ...]] = {}
    for incident_id in linked:
        key = str(incident_id)
        bound = None if at is None else at.get(key)
        found = log.read(incident_id, up_to=bound)
        if found and found[0].step != steps.INCIDENT_REPORTED:
            continue  # a link recorded before links were checked, naming another kind of stream
        if at is not None and bound is not None and (not found or found[-1].originator_version < bound):
            raise ExportSourceError(f"incident {incident_id} lost events covered by the export")
        if found:
            incidents[incident_id] = found
    return CaseLog(kind, stream_id, events, incidents)


def chain_problems(log: CaseLog) -> list[str]:
    """Broken links in the covered events: each event's own hash and its previous-event hash."""
    problems = []
    for stream_id, events in ((log.stream_id, log.events), *log.incidents.items()):
        previous = GENESIS_HASH
        for e in events:
            where = f"event {e.originator_version} of stream {str(stream_id)[:8]}"
            if e.compute_hash() != e.hash:
                problems.append(f"{where} does not match its stored hash (modified)")
            elif e.prev_hash != previous:
                problems.append(f"{where} does not follow the event before it (chain broken)")
            previous = e.hash
    return problems


def max_notification_id(log: LogReader, streams: Mapping[str, int]) -> int:
    """The highest notification id (global log position) among the covered events."""
    return log.max_notification_id({UUID(sid): version for sid, version in streams.items()})
