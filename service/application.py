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

from domain.links import StreamFacts, facts_of, referenced_ids
from domain.model import (
    Actor, CaseStream, Command, Deadline, DomainEvent, DomainValidationError, Incident,
    IncidentReported, NextStep, NotFoundError, Pathway, PathwayOpened, Place, PlaceRegistered,
    RuleBook, Snapshot, StepRefusedError, VersionConflictError, deadlines, next_steps,
    parse_command,
)
from domain.steps import LOGGED
from service.concurrency import BLIND_APPEND_ATTEMPTS, StreamLocks, backoff
from service.idempotency import (
    CommandIdReusedError, CommandLog, CommandRecord, check_command_id, request_hash,
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
        self.blind_appends = StreamLocks()

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

    def _save(self, agg: Stream | None, event: DomainEvent,
              command: CommandRecord | None = None) -> DomainEvent:
        try:
            self.save(event, **({"command": command} if command else {}))
        except RecordConflictError:
            raise VersionConflictError(
                f"{event.originator_id} changed since version {event.originator_version - 1}; "
                "reload and decide again"
            ) from None
        new = project(agg, [event])
        assert new is not None
        self._remember(new)
        # After an erasure older snapshots hold the subject under the destroyed key: a fresh
        # one, holding only the erased subject, is what the stream loads from from now on.
        if (event.originator_version % self.snapshot_interval == 0
                or getattr(type(event), "destroys_subject_key", False)):
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
    def open_pathway(self, data: Mapping[str, Any], actor: Actor, *, id: UUID | None = None,
                     command_id: str | None = None) -> UUID:
        return self._open(Pathway, data, actor, id, command_id)

    def register_place(self, data: Mapping[str, Any], actor: Actor, *, id: UUID | None = None,
                       command_id: str | None = None) -> UUID:
        return self._open(Place, data, actor, id, command_id)

    def report_incident(self, data: Mapping[str, Any], actor: Actor, *, id: UUID | None = None,
                        command_id: str | None = None) -> UUID:
        return self._open(Incident, data, actor, id, command_id)

    def _open(self, cls: type[CaseStream] | type[Incident], data: Mapping[str, Any], actor: Actor,
              id: UUID | None, command_id: str | None) -> UUID:
        cmd = self._command({**data, "step": cls.OPENER})
        digest = self._request_hash(cls.OPENER, id, actor, cmd)
        if (done := self._replayed(command_id, digest)) is not None:
            return done.originator_id
        stream_id = id or uuid4()
        event = cls.open(stream_id, cmd, actor, self.clock(), self.rule_book, self._known(cmd))
        return self._save_command(None, event, command_id, digest).originator_id

    def record(
        self,
        stream_id: UUID,
        cmd: Command | Mapping[str, Any],
        actor: Actor,
        *,
        expected_version: int | None = None,
        command_id: str | None = None,
    ) -> DomainEvent:
        """Record a step on a pathway or place: refused with reasons, or stored.

        With `command_id`, a repeat of the same request returns the event first stored for
        it. Without `expected_version`, a lost version race is retried (reload, decide
        again) a bounded number of times; with it, the conflict goes back to the caller.
        """
        command = cmd if isinstance(cmd, Command) else self._command(cmd)
        digest = self._request_hash("record", stream_id, actor, command, expected_version)
        if expected_version is not None:
            return self._decide_and_save(stream_id, command, actor, expected_version,
                                         command_id, digest)
        with self.blind_appends.hold(stream_id):
            for attempt in range(BLIND_APPEND_ATTEMPTS):
                try:
                    return self._decide_and_save(stream_id, command, actor, None,
                                                 command_id, digest)
                except VersionConflictError:
                    if attempt + 1 == BLIND_APPEND_ATTEMPTS:
                        raise
                backoff(attempt)
        raise AssertionError("unreachable: the last attempt returns or raises")  # pragma: no cover

    def _decide_and_save(self, stream_id: UUID, command: Command, actor: Actor,
                         expected_version: int | None, command_id: str | None,
                         digest: str) -> DomainEvent:
        if (done := self._replayed(command_id, digest)) is not None:
            return done
        agg = self.load_any(stream_id)
        if isinstance(agg, Incident):
            raise DomainValidationError.single("id", "steps are recorded on pathways and places")
        if expected_version is not None and expected_version != agg.version:
            raise VersionConflictError(
                f"{stream_id} is at version {agg.version}, not {expected_version}"
            )
        try:
            event = agg.decide(command, actor, self.clock(), self.rule_book, self._known(command))
        except (StepRefusedError, DomainValidationError):
            # Refused because a twin of this command was stored since the check above?
            if (done := self._replayed(command_id, digest)) is not None:
                return done
            raise
        return self._save_command(agg, event, command_id, digest)

    def _known(self, cmd: Command) -> dict[UUID, StreamFacts]:
        """The facts of every stream the command names, as they stand (unknown ids are left
        out: the domain refuses them, naming the field)."""
        spec = LOGGED.get(cmd.step)
        known: dict[UUID, StreamFacts] = {}
        for stream_id in referenced_ids(spec.refers if spec else (), cmd):
            try:
                known[stream_id] = facts_of(self.load_any(stream_id))
            except NotFoundError:
                continue
        return known

    # ------------------------------------------------------------------ idempotency
    @staticmethod
    def _request_hash(operation: str, target: UUID | None, actor: Actor, command: Command,
                      expected_version: int | None = None) -> str:
        return request_hash(operation, target, actor.user_id, command.model_dump(mode="json"),
                            expected_version)

    def _command_log(self) -> CommandLog:
        if not isinstance(self.recorder, CommandLog):
            msg = f"{type(self.recorder).__name__} does not keep command ids"
            raise TypeError(msg)
        return self.recorder

    def _replayed(self, command_id: str | None, digest: str) -> DomainEvent | None:
        """The event a command id already produced (None if it has not run yet)."""
        if command_id is None:
            return None
        found = self._command_log().select_command(check_command_id(command_id))
        if found is None:
            return None
        if found.request_hash != digest:
            raise CommandIdReusedError(command_id)
        events = self.events.get(found.originator_id, gt=found.originator_version - 1,
                                 lte=found.originator_version)
        event = next(iter(events))
        assert isinstance(event, DomainEvent)
        return event

    def _save_command(self, agg: Stream | None, event: DomainEvent, command_id: str | None,
                      digest: str) -> DomainEvent:
        """Save `event` with its command id; a racing twin of the command wins gracefully."""
        if command_id is None:
            return self._save(agg, event)
        record = CommandRecord(command_id, event.originator_id, event.originator_version, digest)
        try:
            return self._save(agg, event, record)
        except VersionConflictError:
            # Lost to the same command sent twice at once? Then its result is ours.
            if (done := self._replayed(command_id, digest)) is not None:
                return done
            raise

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
