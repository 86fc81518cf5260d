"""Signed checkpoints of the whole log, and checking the database against them.

The hash chains and `stream_heads` prove the log is self-consistent, but both live in the
database: whoever can write to it can re-seal a stream with the public hash rule and update
its head, or delete a stream with its head, and the log is consistent again. A checkpoint
records every stream's head (version and hash) and the log's position at one moment,
signed with an Ed25519 key the database does not hold. Kept elsewhere, it pins the past:
every stream it names must still hold events 1..version whose chain ends at the signed hash,
and no event at or before its position may vanish or appear.

Checkpoints are appended, one JSON object a line, to a checkpoints file.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from adapters.driven.store import signing
from adapters.driven.store.integrity import (
    StoreNotInitialisedError,
    VerifyReport,
    Violation,
    short_id,
    stream_key,
    snapshot_reader,
    verify_log,
)
from adapters.driven.store.schema import store_factory
from adapters.driven.store.settings import StoreSettings

FORMAT = "pathway-checkpoint/1"


class CheckpointFileError(ValueError):
    """The checkpoints file is missing, malformed, or holds a checkpoint that must be refused
    (bad signature, another key, heads that do not match their digest)."""


@dataclass(frozen=True, order=True)
class Head:
    stream_id: str
    version: int
    hash: str


@dataclass(frozen=True)
class Checkpoint:
    signed_at: str
    position: int  # the highest notification id in the log when it was taken
    events: int  # how many events the log held then
    heads: tuple[Head, ...]  # ordered by stream id
    key_id: str = ""
    signature: str = ""

    @property
    def heads_sha256(self) -> str:
        return heads_digest(self.heads)

    def body(self) -> dict[str, Any]:
        """What the signature covers."""
        return {"format": FORMAT, "signed_at": self.signed_at, "position": self.position,
                "events": self.events, "heads_sha256": self.heads_sha256,
                "streams": [[h.stream_id, h.version, h.hash] for h in self.heads]}

    def message(self) -> bytes:
        return canonical(self.body())

    def to_line(self) -> str:
        return json.dumps({**self.body(), "key_id": self.key_id, "signature": self.signature},
                          sort_keys=True, separators=(",", ":"))


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def heads_digest(heads: Iterable[Head]) -> str:
    """SHA-256 over the ordered heads, one `stream:version:hash` line each: a short value
    that can be published on its own (a ticket, an email) as the anchor of the whole log."""
    digest = hashlib.sha256()
    for h in heads:
        digest.update(f"{h.stream_id}:{h.version}:{h.hash}\n".encode())
    return digest.hexdigest()


# ------------------------------------------------------------------------------- signing


def take_checkpoint(settings: StoreSettings, key: Ed25519PrivateKey, now: datetime) -> Checkpoint:
    """Read every stream head and the log's position in one snapshot, and sign them."""
    if settings.sqlite_path is not None and not settings.sqlite_path.exists():
        raise StoreNotInitialisedError(f"no database at {settings.describe()}")
    factory = store_factory(settings)
    try:
        with snapshot_reader(factory, settings) as read:
            heads = tuple(sorted(Head(stream_key(k), int(v), str(h))
                                 for k, v, h in read("heads", 2000)))
            ((events, position),) = list(read("tip", 1))
    finally:
        factory.close()
    unsigned = Checkpoint(now.isoformat(), int(position), int(events), heads,
                          key_id=signing.key_id(key.public_key()))
    return replace(unsigned, signature=signing.sign(key, unsigned.message()))


def append_checkpoint(path: Path, checkpoint: Checkpoint) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as f:
        f.write(checkpoint.to_line() + "\n")


def regressions(earlier: Checkpoint, later: Checkpoint) -> list[str]:
    """How `later` fails to extend `earlier` (a stream gone, shorter, or changed at the same
    length; the position moved back): a log rewritten between two checkpoints."""
    now = {h.stream_id: h for h in later.heads}
    problems = [] if later.position >= earlier.position else [
        f"the log's position went back from {earlier.position} to {later.position}"]
    for h in earlier.heads:
        new = now.get(h.stream_id)
        if new is None:
            problems.append(f"stream {h.stream_id} ({_events(h.version)}) is gone")
        elif new.version < h.version:
            problems.append(f"stream {h.stream_id} went back from {_events(h.version)} "
                            f"to {new.version}")
        elif new.version == h.version and new.hash != h.hash:
            problems.append(f"stream {h.stream_id} has another head at event {h.version}")
    return problems


def _events(n: int) -> str:
    return f"{n} event" if n == 1 else f"{n} events"


# ------------------------------------------------------------------------------- reading


def read_checkpoints(path: Path, public: Ed25519PublicKey) -> list[Checkpoint]:
    """Every checkpoint in the file, each one's signature checked; refuses the file if any
    line is malformed, signed by another key, altered, or does not extend the one before."""
    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except OSError as e:
        raise CheckpointFileError(f"cannot read {path}: {e.strerror}") from None
    if not lines:
        raise CheckpointFileError(f"{path} holds no checkpoint")
    found: list[Checkpoint] = []
    for number, line in enumerate(lines, start=1):
        where = f"checkpoint {number} of {path}"
        checkpoint = parse_checkpoint(line, where)
        _check_signature(checkpoint, public, where)
        if found and (problems := regressions(found[-1], checkpoint)):
            raise CheckpointFileError(f"{where} does not extend the one before it: "
                                      + "; ".join(problems))
        found.append(checkpoint)
    return found


def parse_checkpoint(line: str, where: str) -> Checkpoint:
    """One line of a checkpoints file, its digest checked (its signature is not)."""
    try:
        data = json.loads(line)
        if data.get("format") != FORMAT:
            raise CheckpointFileError(f"{where} is not a {FORMAT} checkpoint")
        heads = tuple(Head(str(s), int(v), str(h)) for s, v, h in data["streams"])
        checkpoint = Checkpoint(str(data["signed_at"]), int(data["position"]),
                                int(data["events"]), heads, str(data["key_id"]),
                                str(data["signature"]))
        claimed = data["heads_sha256"]
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise CheckpointFileError(f"{where} is malformed: {e}") from None
    if list(heads) != sorted(heads) or claimed != checkpoint.heads_sha256:
        raise CheckpointFileError(f"{where} was altered: its heads do not match their digest")
    return checkpoint


def _check_signature(checkpoint: Checkpoint, public: Ed25519PublicKey, where: str) -> None:
    expected = signing.key_id(public)
    if checkpoint.key_id != expected:
        raise CheckpointFileError(f"{where} was signed by key {checkpoint.key_id or '(none)'}, "
                                  f"not by the public key given ({expected}): use the public "
                                  "key of the key pair that signed it")
    if not signing.signature_valid(public, checkpoint.message(), checkpoint.signature):
        raise CheckpointFileError(f"{where} was altered: its signature does not verify")


# ------------------------------------------------------------------------------- verifying


def verify_with_checkpoints(settings: StoreSettings,
                            checkpoints: list[Checkpoint]) -> VerifyReport:
    """`verify_log`, plus: every signed head still ends its stream's verified chain, and no
    event at or before the latest checkpoint's position vanished or appeared."""
    signed: dict[str, dict[int, tuple[str, str]]] = {}
    for cp in checkpoints:
        for h in cp.heads:
            signed.setdefault(h.stream_id, {})[h.version] = (h.hash, cp.signed_at)
    reached: dict[str, int] = {}
    chain_at: dict[tuple[str, int], str | None] = {}

    def watch(sid: str, version: int, digest: str | None) -> None:
        wanted = signed.get(sid)
        if wanted is not None:
            reached[sid] = version
            if version in wanted:
                chain_at[(sid, version)] = digest

    report = verify_log(settings, watch=watch)
    for sid, wanted in sorted(signed.items()):
        problem = _head_problem(sid, wanted, reached.get(sid, 0), chain_at)
        if problem is not None:
            report.violations.append(problem)
    report.violations.extend(_position_problems(settings, checkpoints[-1]))
    return report


def _head_problem(sid: str, wanted: dict[int, tuple[str, str]], reached: int,
                  chain_at: dict[tuple[str, int], str | None]) -> Violation | None:
    """The first signed head of one stream that the database no longer bears out."""
    for version, (digest, signed_at) in sorted(wanted.items()):
        told = f"the checkpoint signed at {signed_at} recorded {_events(version)}"
        if reached == 0:
            return Violation(sid, 1, f"stream {short_id(sid)} is missing: {told}; the whole "
                             "stream was deleted")
        if (sid, version) not in chain_at:
            first = reached + 1 if reached < version else version
            return Violation(sid, first, f"stream {short_id(sid)} lacks event {first}: {told}; "
                             "events were deleted")
        found = chain_at[(sid, version)]
        if found is not None and found != digest:
            return Violation(sid, version, f"event {version} of stream {short_id(sid)} does not "
                             f"end the hash chain signed at {signed_at}: events 1–{version} "
                             "were rewritten and re-sealed")
    return None


def _position_problems(settings: StoreSettings, latest: Checkpoint) -> list[Violation]:
    """Events of the checkpoint must sit at or before its position; any other event after it."""
    covered = {h.stream_id: h.version for h in latest.heads}
    problems: list[Violation] = []
    factory = store_factory(settings)
    try:
        with snapshot_reader(factory, settings) as read:
            for raw_id, raw_version, raw_position in read("positions", 2000):
                sid, version, position = stream_key(raw_id), int(raw_version), int(raw_position)
                inside = version <= covered.get(sid, 0)
                if inside and position > latest.position:
                    problems.append(Violation(sid, version, (
                        f"event {version} of stream {short_id(sid)} is now at log position "
                        f"{position}, after the checkpoint's position {latest.position}: it "
                        "was deleted and written again")))
                elif not inside and position <= latest.position:
                    problems.append(Violation(sid, version, (
                        f"event {version} of stream {short_id(sid)} is at log position {position}, "
                        f"within the checkpoint (up to {latest.position}) that does not hold "
                        "it: written into the log's past")))
    finally:
        factory.close()
    return sorted(problems, key=lambda v: (v.stream_id, v.position or 0))
