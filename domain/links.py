"""Links between streams: a step that names another stream (an incident, a place, a pathway)
is checked against that stream as it stands, and takes its facts (when an incident happened,
its category) from it, never from the person recording the step.

The service loads the streams a command names and hands their facts in (`known`); the domain
decides. Replay never consults other streams: the facts are copied into the event.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from domain.errors import DomainValidationError


@dataclass(frozen=True)
class StreamFacts:
    """What a step may learn of another stream: its kind and, for an incident, its facts."""

    id: UUID
    kind: str  # "pathway" | "place" | "incident"
    occurred_at: datetime | None = None
    category: str | None = None


@dataclass(frozen=True)
class StreamRef:
    """A command field naming another stream (one id, or a tuple of ids) of a given kind.

    `copies` maps an event field to the fact it takes from the named stream; a command may
    carry such a field only to confirm it (a different value is refused).
    """

    field: str
    kind: str
    copies: tuple[tuple[str, str], ...] = ()


def facts_of(stream: Any) -> StreamFacts:
    """The facts of a loaded stream (an Incident, Pathway or Place)."""
    report = getattr(stream, "report", None)
    return StreamFacts(
        id=stream.id, kind=stream.KIND,
        occurred_at=getattr(report, "occurred_at", None),
        category=getattr(report, "category", None),
    )


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _shown(value: object) -> str:
    return value.isoformat() if isinstance(value, datetime) else repr(value)


def _ids(value: object) -> tuple[UUID, ...]:
    if value is None:
        return ()
    if isinstance(value, UUID):
        return (value,)
    if isinstance(value, Iterable):
        return tuple(v for v in value if isinstance(v, UUID))
    return ()


def referenced_ids(refs: Iterable[StreamRef], cmd: Any) -> tuple[UUID, ...]:
    """Every stream id the command names through `refs` (for the service to load)."""
    return tuple(i for ref in refs for i in _ids(getattr(cmd, ref.field, None)))


def linked_facts(refs: Iterable[StreamRef], cmd: Any, known: Mapping[UUID, StreamFacts],
                 ) -> dict[str, Any]:
    """Check every named stream exists and is of the right kind; return the event fields
    taken from it. Raises DomainValidationError naming the field."""
    derived: dict[str, Any] = {}
    for ref in refs:
        for stream_id in _ids(getattr(cmd, ref.field, None)):
            facts = known.get(stream_id)
            if facts is None:
                raise DomainValidationError.single(
                    ref.field, f"no {ref.kind} with id {stream_id}: link an existing {ref.kind}")
            if facts.kind != ref.kind:
                raise DomainValidationError.single(
                    ref.field, f"{stream_id} is {_a(facts.kind)}, not {_a(ref.kind)}")
            for event_field, fact in ref.copies:
                value = getattr(facts, fact)
                claimed = getattr(cmd, event_field, None)
                if claimed is not None and claimed != value:
                    raise DomainValidationError.single(
                        event_field, f"the {ref.kind} records {_shown(value)}, not "
                        f"{_shown(claimed)}; leave {event_field} out: it is taken from the "
                        f"{ref.kind}")
                derived[event_field] = value
    return derived
