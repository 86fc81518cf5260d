"""Recording: the one place an event is made, stream openers included.

Every event carries the same envelope, filled by the same rules: where it sits in its
stream, when it was recorded (`now`, passed in), who recorded it, the rule set in force
when it occurred, a legal basis (the command's own, else its step's) and its hash chain.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from datetime import datetime, timedelta
from functools import cache
from uuid import UUID

from pydantic import BaseModel

from domain.commands import Command
from domain.errors import DomainValidationError
from domain.events.base import GENESIS_HASH, DomainEvent
from domain.guards import Actor
from domain.links import StreamFacts, linked_facts
from domain.rulesets import RuleBook, RuleSet
from domain.stepspec import StepSpec

#: How far `occurred_at` may run ahead of the recording clock (devices' clocks drift).
FUTURE_TOLERANCE = timedelta(minutes=5)


def check_not_in_future(occurred_at: datetime, now: datetime) -> None:
    if occurred_at > now + FUTURE_TOLERANCE:
        raise DomainValidationError.single("occurred_at", "must not be in the future")


def legal_basis(cmd: Command, spec: StepSpec, basis: str | None = None) -> str:
    """The basis the recorder named, else the one the decision found (for the instrument
    the step concerns), else the step's own: never empty."""
    return cmd.legal_basis or basis or spec.basis_for(cmd)


@cache
def shared_fields(command_cls: type[BaseModel], event_cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields a command hands to its event (computed once per pair: hot path)."""
    return tuple(n for n in event_cls.model_fields if n in command_cls.model_fields and n != "step")


def record(
    event_cls: type[DomainEvent], spec: StepSpec, cmd: Command, *, stream_id: UUID,
    version: int, prev_hash: str, actor: Actor, now: datetime, rule_set: RuleSet,
    overrides_used: Iterable[UUID] = (), derived: Mapping[str, Any] | None = None,
    basis: str | None = None,
) -> DomainEvent:
    """The sealed event recording `cmd` as entry `version` of the stream. `derived` holds
    fields taken from other streams (an incident's time), which win over the command's."""
    data = {name: getattr(cmd, name) for name in shared_fields(type(cmd), event_cls)}
    data.update(derived or {})
    envelope = {
        "originator_id": stream_id,
        "originator_version": version,
        "recorded_at": now,
        "actor": actor.user_id,
        "agency": actor.agency,
        "role": actor.role,
        "rank": actor.rank,
        "rule_set": rule_set.id,
        "legal_basis": legal_basis(cmd, spec, basis),
        "prev_hash": prev_hash,
        "overrides_used": tuple(overrides_used),
    }
    return event_cls(**{**data, **envelope}).sealed()


def open_stream(
    event_cls: type[DomainEvent], spec: StepSpec, kind: str, stream_id: UUID, cmd: Command,
    actor: Actor, now: datetime, rule_book: RuleBook,
    known: Mapping[UUID, StreamFacts] | None = None,
) -> DomainEvent:
    """The first event of a new stream: its opening step, under the same rules as any step.
    `known` holds the facts of the streams the step names (see `domain.links`)."""
    if cmd.step != spec.name:
        raise DomainValidationError.single("step", f"a {kind} starts with {spec.name}")
    check_not_in_future(cmd.occurred_at, now)
    derived = linked_facts(spec.refers, cmd, known or {})
    return record(event_cls, spec, cmd, stream_id=stream_id, version=1, prev_hash=GENESIS_HASH,
                  actor=actor, now=now, rule_set=rule_book.for_moment(cmd.occurred_at),
                  derived=derived)
