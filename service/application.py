"""The application service: one method per use case (load, decide, save).

Infrastructure errors become domain errors here; nothing else in the service knows
how events are stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timezone
from typing import Any, TypeVar
from uuid import UUID, uuid4

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import RecordConflictError

from domain.model import (
    Actor, CaseStream, Command, Deadline, DomainEvent, DomainValidationError, Incident,
    IncidentReported, NextStep, NotFoundError, Pathway, PathwayOpened, Place, PlaceRegistered,
    RuleBook, Snapshot, VersionConflictError, deadlines, next_steps, parse_command,
)

Clock = Callable[[], datetime]
Stream = Pathway | Place | Incident
T = TypeVar("T", Pathway, Place, Incident)

FIRST_EVENT: dict[type[DomainEvent], type[Stream]] = {
    PathwayOpened: Pathway, PlaceRegistered: Place, IncidentReported: Incident,
}
# Incidents are one event long: only pathways and places are ever snapshotted.
SNAPSHOTTED: dict[str, type[Pathway] | type[Place]] = {"pathway": Pathway, "place": Place}


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def project(agg: Stream | None, events: Iterable[Any]) -> Stream | None:
    """Evolve a stream from its events (and maybe a snapshot). Never mutates `agg`."""
    copied = False
    for event in events:
        if isinstance(event, Snapshot):
            agg = SNAPSHOTTED[event.kind].from_state(event.originator_id, event.state)
            copied = True
            continue
        if agg is None:
            agg = FIRST_EVENT[type(event)](event.originator_id)
            copied = True
        elif not copied:
            agg = agg.copy()
            copied = True
        agg.apply(event)
    return agg


class PathwayApplication(Application[UUID]):
    """Pathways, places and incidents over one event log."""

    name = "pathway"
    is_snapshotting_enabled = True

    def __init__(
        self,
        env: Mapping[str, str],
        *,
        clock: Clock = utc_now,
        rule_book: RuleBook | None = None,
        snapshot_interval: int = 200,
    ) -> None:
        env = {"AGGREGATE_CACHE_MAXSIZE": "5000", "DEEPCOPY_FROM_AGGREGATE_CACHE": "n", **env}
        super().__init__(env=env)
        self.clock = clock
        self.rule_book = rule_book or RuleBook()
        self.snapshot_interval = snapshot_interval

    # ------------------------------------------------------------------ loading
    def load(self, stream_id: UUID, expected: type[T]) -> T:
        agg = self.load_any(stream_id, expected.KIND)
        if not isinstance(agg, expected):
            raise NotFoundError(f"no {expected.KIND} with id {stream_id}")
        return agg

    def load_any(self, stream_id: UUID, what: str = "pathway, place or incident") -> Stream:
        try:
            found: Any = self.repository.get(stream_id, projector_func=project)  # type: ignore[misc]
        except AggregateNotFoundError:
            raise NotFoundError(f"no {what} with id {stream_id}") from None
        agg: Stream = found
        self._remember(agg)
        return agg

    def _remember(self, agg: Stream) -> None:
        cache = self.repository.cache
        if cache is None:
            return
        try:
            cached = cache.get(agg.id)
        except KeyError:
            cached = None
        if cached is None or cached.version < agg.version:
            cache.put(agg.id, agg)

    def _save(self, agg: Stream | None, event: DomainEvent) -> DomainEvent:
        try:
            self.save(event)
        except RecordConflictError:
            raise VersionConflictError(
                f"{event.originator_id} changed since version {event.originator_version - 1}; "
                "reload and decide again"
            ) from None
        new = project(agg, [event])
        assert new is not None
        self._remember(new)
        if event.originator_version % self.snapshot_interval == 0:
            self.snapshot(new)
        return event

    def snapshot(self, agg: Stream) -> None:
        if self.snapshots is None or isinstance(agg, Incident):
            return
        self.snapshots.put([
            Snapshot(originator_id=agg.id, originator_version=agg.version,
                     recorded_at=self.clock(), kind=agg.KIND, state=agg.to_state())
        ])

    # ------------------------------------------------------------------ use cases
    def open_pathway(self, data: Mapping[str, Any], actor: Actor, *, id: UUID | None = None) -> UUID:
        return self._open(Pathway, data, actor, id)

    def register_place(self, data: Mapping[str, Any], actor: Actor, *, id: UUID | None = None) -> UUID:
        return self._open(Place, data, actor, id)

    def report_incident(self, data: Mapping[str, Any], actor: Actor, *, id: UUID | None = None) -> UUID:
        return self._open(Incident, data, actor, id)

    def _open(self, cls: type[CaseStream] | type[Incident], data: Mapping[str, Any], actor: Actor,
              id: UUID | None) -> UUID:
        cmd = self._command({**data, "step": cls.OPENER})
        stream_id = id or uuid4()
        self._save(None, cls.open(stream_id, cmd, actor, self.clock(), self.rule_book))
        return stream_id

    def record(
        self,
        stream_id: UUID,
        cmd: Command | Mapping[str, Any],
        actor: Actor,
        *,
        expected_version: int | None = None,
    ) -> DomainEvent:
        """Record a step on a pathway or place: refused with reasons, or stored."""
        command = cmd if isinstance(cmd, Command) else self._command(cmd)
        agg = self.load_any(stream_id)
        if isinstance(agg, Incident):
            raise DomainValidationError.single("id", "steps are recorded on pathways and places")
        if expected_version is not None and expected_version != agg.version:
            raise VersionConflictError(
                f"{stream_id} is at version {agg.version}, not {expected_version}"
            )
        event = agg.decide(command, actor, self.clock(), self.rule_book)
        return self._save(agg, event)

    @staticmethod
    def _command(data: Command | Mapping[str, Any]) -> Command:
        return data if isinstance(data, Command) else parse_command(dict(data))

    # ------------------------------------------------------------------ queries
    def pathway(self, pathway_id: UUID) -> Pathway:
        return self.load(pathway_id, Pathway)

    def place(self, place_id: UUID) -> Place:
        return self.load(place_id, Place)

    def incident(self, incident_id: UUID) -> Incident:
        return self.load(incident_id, Incident)

    def next_steps(self, stream_id: UUID, actor: Actor | None = None,
                   now: datetime | None = None) -> list[NextStep]:
        agg = self.load_any(stream_id)
        if isinstance(agg, Incident):
            return []
        kwargs = {"actor": actor} if actor else {}
        return next_steps(agg, now or self.clock(), self.rule_book, **kwargs)

    def deadlines(self, stream_id: UUID) -> list[Deadline]:
        agg = self.load_any(stream_id)
        return [] if isinstance(agg, Incident) else deadlines(agg)

    def history(self, stream_id: UUID) -> list[DomainEvent]:
        return list(self.events.get(stream_id))  # type: ignore[arg-type]
