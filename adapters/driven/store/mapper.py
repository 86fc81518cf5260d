"""Map pydantic events (and snapshots) to eventsourcing's StoredEvent and back.

The stored state is the whole `model_dump(mode="json")`, originator id and version included:
that duplication is deliberate, it lets `verify` notice a row whose contents were moved
to another stream or position. Classes evolve as eventsourcing's own events do: a
`class_version` above 1 is stored with the body and older bodies are upcast on reading.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from uuid import UUID

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from eventsourcing.persistence import Mapper, MapperDeserialisationError, StoredEvent, Transcoder
from eventsourcing.utils import get_topic, resolve_topic
from pydantic import BaseModel

from domain.events.base import PERSONAL_OUTSIDE_HASH, DomainEvent, Snapshot, without_personal

#: The stored body's key for the encrypted personal fields (kept out of the model and hash).
SEALED = "sealed"
NONCE_BYTES = 12


class KeyRing(Protocol):
    """Where subjects' data keys come from (adapters/driven/store/keys.py)."""

    def key_for(self, subject: UUID | str, *, create: bool) -> bytes | None: ...

    def forget(self, subject: UUID | str) -> None: ...


class SubjectErasedError(RuntimeError):
    """Personal data cannot be recorded for a subject whose key was destroyed."""


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
    #: The subject whose data key the same transaction destroys (an erasure), else "".
    erases: str = ""


def _get(body: Mapping[str, Any], path: str) -> Any:
    head, _, rest = path.partition(".")
    value = body.get(head)
    return _get(value, rest) if rest and isinstance(value, Mapping) else value


def _put(body: dict[str, Any], path: str, value: Any) -> None:
    head, _, rest = path.partition(".")
    if not rest:
        body[head] = value
    elif isinstance(body.get(head), dict):
        _put(body[head], rest, value)


def erase_personal(body: dict[str, Any], cls: type[BaseModel]) -> dict[str, Any]:
    """`body` (changed in place) with the class's personal fields as they read once erased:
    for rows written before personal fields were encrypted, which still hold them in clear."""
    for path, value in _erased_values(cls).items():
        _put(body, path, value)
    return body


def associated_data(topic: str, body: Mapping[str, Any]) -> bytes:
    """What binds a ciphertext to its one event: topic, stream, position and hash."""
    return "\n".join((topic, str(body.get("originator_id")), str(body.get("originator_version")),
                      str(body.get("hash", "")))).encode()


class PydanticMapper(Mapper[UUID]):
    """Stores any frozen pydantic model with originator_id/originator_version fields.

    An event's `personal` fields are stored encrypted (AES-256-GCM) with its stream's subject
    key from `keyring` (set by the composition root); read back without the key (destroyed by
    an erasure, or no key ring given, as `verify` reads) they read as the event class says.
    """

    keyring: KeyRing | None = None

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
        body = self._seal(get_topic(type(domain_event)), domain_event, body)
        erases = ""
        if getattr(type(domain_event), "destroys_subject_key", False):
            erases = str(domain_event.originator_id)  # type: ignore[attr-defined]
            if self.keyring is not None:
                self.keyring.forget(erases)
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
            erases=erases,
        )

    def _seal(self, topic: str, event: BaseModel, body: dict[str, Any]) -> dict[str, Any]:
        """`body` with the personal fields moved into one ciphertext under the subject key."""
        personal = _personal_paths(type(event), body)
        if not personal:
            return body
        subject = body["originator_id"]
        create = not isinstance(event, Snapshot)
        if self.keyring is None and create:
            raise SubjectErasedError("no subject key ring: personal data cannot be stored")
        key = None if self.keyring is None else self.keyring.key_for(subject, create=create)
        if key is None:
            if not create:
                return body  # a stream without a key (legacy rows) snapshots as it was
            raise SubjectErasedError(f"the subject of stream {subject} was erased: "
                                     "its personal data can no longer be recorded")
        values = {path: _get(body, path) for path in personal}
        nonce = os.urandom(NONCE_BYTES)
        plain = json.dumps(values, separators=(",", ":"), ensure_ascii=False).encode()
        sealed = nonce + AESGCM(key).encrypt(nonce, plain, associated_data(topic, body))
        out = without_personal(body, personal)
        out[SEALED] = base64.b64encode(sealed).decode("ascii")
        return out

    def _open(self, topic: str, cls: type[BaseModel], body: dict[str, Any]) -> dict[str, Any]:
        """`body` with its personal fields decrypted, or as erased when the key is gone."""
        sealed = body.pop(SEALED, None)
        if sealed is None:
            return body
        key = None if self.keyring is None else self.keyring.key_for(
            body["originator_id"], create=False)
        if key is None:
            values = dict(_erased_values(cls))
        else:
            raw = base64.b64decode(sealed)
            try:
                plain = AESGCM(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:],
                                            associated_data(topic, body))
            except InvalidTag as e:
                raise ValueError("its personal fields fail authentication (modified)") from e
            values = json.loads(plain)
        for path, value in values.items():
            _put(body, path, value)
        return body

    def to_domain_event(self, stored_event: StoredEvent) -> Any:
        """Decode a stored row; any failure is a MapperDeserialisationError naming the row."""
        try:
            cls = resolve_topic(stored_event.topic)
            # A tampered topic could name any importable object: only models may be built.
            if not (isinstance(cls, type) and issubclass(cls, BaseModel)):
                msg = f"topic {stored_event.topic!r} does not name a pydantic model"
                raise TypeError(msg)
            body = self._open(stored_event.topic, cls, self.stored_body(stored_event))
            if getattr(cls, "destroys_subject_key", False) and self.keyring is not None:
                self.keyring.forget(body["originator_id"])
            return cls.model_validate(upcast(cls, body))
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


#: A snapshot's whole state is personal: it holds the subject as the aggregate knows it.
SNAPSHOT_PERSONAL: Mapping[str, Any] = {"state": {}}


def _personal_paths(cls: type[BaseModel], body: Mapping[str, Any]) -> tuple[str, ...]:
    if issubclass(cls, Snapshot):
        return tuple(SNAPSHOT_PERSONAL)
    if int(body.get("schema_version", 1)) < PERSONAL_OUTSIDE_HASH:
        return ()
    return tuple(getattr(cls, "personal", {}))


def _erased_values(cls: type[BaseModel]) -> Mapping[str, Any]:
    return SNAPSHOT_PERSONAL if issubclass(cls, Snapshot) else getattr(cls, "personal", {})
