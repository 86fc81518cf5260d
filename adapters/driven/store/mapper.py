"""Map pydantic events (and snapshots) to eventsourcing's StoredEvent and back.

The stored state is the whole `model_dump(mode="json")`, originator id and version included:
that duplication is deliberate, it lets `verify` notice a row whose contents were moved
to another stream or position. Classes evolve as eventsourcing's own events do: a
`class_version` above 1 is stored with the body and older bodies are upcast on reading.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Mapper, MapperDeserialisationError, StoredEvent, Transcoder
from eventsourcing.utils import get_topic, resolve_topic
from pydantic import BaseModel

from domain.events.base import DomainEvent


class CompactJSONTranscoder(Transcoder):
    """Stdlib JSON, compact separators, UTF-8 kept as is.

    The mapper hands it plain JSON types only (model_dump(mode="json")), so no custom
    transcodings are needed. It is deliberately not a JSONTranscoder subclass: the
    Application would otherwise register UUID/datetime transcodings that change the format.
    """

    def __init__(self) -> None:
        self._encoder = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)
        self._decoder = json.JSONDecoder()

    def encode(self, obj: Any) -> bytes:
        return self._encoder.encode(obj).encode("utf-8")

    def decode(self, data: bytes) -> Any:
        # bytes() because PostgreSQL may hand back a memoryview and SQLite (after a
        # hand edit with the sqlite3 CLI) may hand back TEXT.
        text = data if isinstance(data, str) else bytes(data).decode("utf-8")
        return self._decoder.decode(text)


@dataclass(frozen=True)
class HashedStoredEvent(StoredEvent):
    """A StoredEvent that also carries the event's integrity hash.

    The recorder writes it to `stream_heads` without parsing `state`, which may be
    compressed or encrypted by the mapper.
    """

    hash: str = ""


class PydanticMapper(Mapper[UUID]):
    """Stores any frozen pydantic model with originator_id/originator_version fields."""

    def to_stored_event(self, domain_event: Any) -> StoredEvent:
        if not isinstance(domain_event, BaseModel):
            msg = f"PydanticMapper stores pydantic models only, not {type(domain_event)!r}"
            raise TypeError(msg)
        # A Pathway event stores its body (added optional fields left out at their default).
        body = (domain_event.as_stored() if isinstance(domain_event, DomainEvent)
                else domain_event.model_dump(mode="json"))
        class_version = getattr(type(domain_event), "class_version", 1)
        if class_version > 1:  # eventsourcing's convention: absent means version 1
            body["class_version"] = class_version
        state = self.transcoder.encode(body)
        if self.compressor:
            state = self.compressor.compress(state)
        if self.cipher:
            state = self.cipher.encrypt(state)
        return HashedStoredEvent(
            originator_id=domain_event.originator_id,  # type: ignore[attr-defined]
            originator_version=domain_event.originator_version,  # type: ignore[attr-defined]
            topic=get_topic(type(domain_event)),
            state=state,
            hash=str(getattr(domain_event, "hash", "")),
        )

    def to_domain_event(self, stored_event: StoredEvent) -> Any:
        """Decode a stored row; any failure is a MapperDeserialisationError naming the row."""
        try:
            cls = resolve_topic(stored_event.topic)
            # A tampered topic could name any importable object: only models may be built.
            if not (isinstance(cls, type) and issubclass(cls, BaseModel)):
                msg = f"topic {stored_event.topic!r} does not name a pydantic model"
                raise TypeError(msg)
            return cls.model_validate(upcast(cls, self.stored_body(stored_event)))
        except Exception as e:
            msg = (
                f"cannot decode stored event {stored_event.originator_version} of stream "
                f"{stored_event.originator_id} (topic {stored_event.topic!r}): {e}"
            )
            raise MapperDeserialisationError(msg) from e

    def stored_body(self, stored_event: StoredEvent) -> dict[str, Any]:
        """The stored JSON object, as its version of the class wrote it (not upcast)."""
        state = stored_event.state
        if self.cipher:
            state = self.cipher.decrypt(state)
        if self.compressor:
            state = self.compressor.decompress(state)
        body = self.transcoder.decode(state)
        if not isinstance(body, dict):
            msg = f"stored state is a JSON {type(body).__name__}, not an object"
            raise TypeError(msg)
        return body


def upcast(cls: type[BaseModel], body: dict[str, Any]) -> dict[str, Any]:
    """Bring a stored body up to the class's `class_version` (eventsourcing's convention:
    each `upcast_vN_vN+1` static method edits the state in place)."""
    state = dict(body)
    version = state.pop("class_version", 1)
    target = getattr(cls, "class_version", 1)
    while version < target:
        getattr(cls, f"upcast_v{version}_v{version + 1}")(state)
        version += 1
    return state
