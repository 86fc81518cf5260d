"""The event envelope every Pathway event carries, and its integrity hash.

Events are frozen, closed pydantic models. Their class path is their stored
topic, so renaming a class is a storage change (register the old topic).
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from enum import Enum
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

GENESIS_HASH = "0" * 64

#: What a personal field reads as once its subject's key is destroyed (or was never given).
ERASED = "[erased]"

#: Envelope version 2: personal fields are kept out of the hashed body (they are stored
#: encrypted with the subject's key and bound to the event's hash), so the chain still
#: verifies after the key is destroyed. Version 1 events hashed them in plain text.
PERSONAL_OUTSIDE_HASH = 2


def without_personal(body: dict[str, Any], personal: Iterable[str]) -> dict[str, Any]:
    """`body` without the dotted `personal` paths (a copy; the body is not changed)."""
    out = dict(body)
    for path in personal:
        head, _, rest = path.partition(".")
        if not rest:
            out.pop(head, None)
        elif isinstance(out.get(head), dict):
            out[head] = without_personal(out[head], (rest,))
    return out


def canonical_bytes(topic: str, body: dict[str, Any], personal: Iterable[str] = ()) -> bytes:
    """Topic and JSON body as hashed. An event read through an upcaster is checked against
    the body as it was stored, since its hash was sealed over that version. From envelope
    version 2 the `personal` paths are left out."""
    if int(body.get("schema_version", 1)) >= PERSONAL_OUTSIDE_HASH:
        body = without_personal(body, personal)
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return (topic + "\n" + text).encode("utf-8")


class Precision(str, Enum):
    """How exactly `occurred_at` is known (lawyers write these differently)."""

    EXACT = "exact"
    DAY = "day"
    #: Only the month is known (occurred_at is the first of the month, London time).
    MONTH = "month"
    APPROXIMATE = "approximate"
    ON_OR_BEFORE = "on_or_before"
    RANGE = "range"


class Evidence(BaseModel):
    """A reference to an exhibit: `NC/1` style, optionally with a document hash."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    exhibit: str = Field(pattern=r"^[A-Z]{1,4}/\d{1,4}$", description="exhibit reference, e.g. NC/1")
    description: str = Field(default="", max_length=2000)
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    media_type: str | None = None
    source: str | None = None


class DomainEvent(BaseModel):
    """Base of every stored event: identity, time, attribution, basis, integrity."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    #: The step name of the design vocabulary that this event records.
    step: ClassVar[str] = ""
    #: Optional fields added to the class after entries of it were stored. While one holds
    #: its default it is left out of the stored body and of the hash, so an entry written
    #: before the field existed still verifies, and a new one without it reads the same.
    added_fields: ClassVar[frozenset[str]] = frozenset()
    #: The envelope's format version. An event class's own fields evolve by eventsourcing's
    #: convention instead: a `class_version` class attribute and `upcast_vN_vN+1` methods.
    schema_version: int = PERSONAL_OUTSIDE_HASH
    #: Personal and special-category fields (dotted paths) and what each reads as once its
    #: subject is erased: stored encrypted with the subject's key, outside the hash.
    personal: ClassVar[Mapping[str, Any]] = {}

    originator_id: UUID
    originator_version: int = Field(ge=1)

    occurred_at: AwareDatetime
    precision: Precision = Precision.EXACT
    occurred_until: AwareDatetime | None = None
    recorded_at: AwareDatetime

    actor: str = Field(min_length=1)
    agency: str = Field(min_length=1)
    role: str = Field(min_length=1)
    rank: str | None = None
    on_behalf_of: str | None = None

    legal_basis: str = ""
    rule_set: str = Field(min_length=1)
    rationale: str = ""
    evidence: tuple[Evidence, ...] = ()
    overrides_used: tuple[UUID, ...] = ()

    prev_hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    hash: str = Field(default="", pattern=r"^([0-9a-f]{64})?$")

    @model_validator(mode="after")
    def _range_is_ordered(self) -> DomainEvent:
        if self.precision is Precision.RANGE and self.occurred_until is None:
            raise ValueError("occurred_until: required when precision is 'range'")
        if self.occurred_until is not None and self.occurred_until < self.occurred_at:
            raise ValueError("occurred_until: must not be before occurred_at")
        return self

    # eventsourcing's DomainEventProtocol asks for `timestamp`: it is when we recorded it.
    @property
    def timestamp(self) -> datetime:
        return self.recorded_at

    @classmethod
    def topic(cls) -> str:
        return f"{cls.__module__}:{cls.__qualname__}"

    def as_stored(self) -> dict[str, Any]:
        """The event as stored: every field, except added fields that hold their default."""
        data = self.model_dump(mode="json")
        for name in self.added_fields:
            if getattr(self, name) == type(self).model_fields[name].get_default(
                    call_default_factory=True):
                data.pop(name, None)
        return data

    def canonical(self) -> bytes:
        """The bytes the hash covers: topic plus the stored body without `hash` (from
        envelope version 2, without the personal fields either)."""
        data = self.as_stored()
        data.pop("hash", None)
        return canonical_bytes(self.topic(), data, self.personal)

    def compute_hash(self) -> str:
        return hashlib.sha256(self.canonical()).hexdigest()

    def sealed(self) -> DomainEvent:
        """A copy with its own hash filled in (called once, when the event is decided)."""
        return self.model_copy(update={"hash": self.compute_hash()})

    def payload(self) -> dict[str, Any]:
        """The step-specific fields, without the envelope."""
        return self.model_dump(mode="json", exclude=set(ENVELOPE_FIELDS))


ENVELOPE_FIELDS: tuple[str, ...] = tuple(DomainEvent.model_fields)


class Snapshot(BaseModel):
    """A snapshot of an aggregate's state, stored in the snapshot store."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    originator_id: UUID
    originator_version: int
    recorded_at: AwareDatetime
    kind: str
    state: dict[str, Any]

    @property
    def timestamp(self) -> datetime:
        return self.recorded_at

    step: ClassVar[str] = "snapshot"
