"""Idempotent commands and bounded retries of blind appends.

A command may carry a `command_id` chosen by the client. The store keeps, in the same
transaction as the command's event, which event it produced and a digest of the request;
a retry with the same id then returns that original result instead of deciding again, even
when the first reply was lost because the process died between commit and answer.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable
from uuid import UUID

#: Longest command id accepted: ids are stored as primary keys.
MAX_COMMAND_ID_LENGTH = 200


@dataclass(frozen=True)
class CommandRecord:
    """What one command produced: the event (stream and version) and its request digest."""

    command_id: str
    originator_id: UUID
    originator_version: int
    request_hash: str


@runtime_checkable
class CommandLog(Protocol):
    """A store that records command ids with the events (see adapters.driven.store.commands)."""

    def select_command(self, command_id: str) -> CommandRecord | None: ...


class CommandIdReusedError(ValueError):
    """A command id already names a different request; a new request needs a new id."""

    def __init__(self, command_id: str) -> None:
        self.command_id = command_id
        super().__init__(
            f"command id {command_id!r} was first used for a different request "
            "(another operation, stream, user or content); use a new id for a new request"
        )


def request_hash(operation: str, target: UUID | None, actor: str, data: Any,
                 expected_version: int | None = None) -> str:
    """A digest of everything that makes two requests the same request."""
    canonical = json.dumps(
        {"operation": operation, "target": str(target) if target else None, "actor": actor,
         "data": data, "expected_version": expected_version},
        sort_keys=True, separators=(",", ":"), default=str, ensure_ascii=True,
    )
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def check_command_id(command_id: str) -> str:
    if not command_id or len(command_id) > MAX_COMMAND_ID_LENGTH:
        msg = f"a command id has 1 to {MAX_COMMAND_ID_LENGTH} characters"
        raise ValueError(msg)
    return command_id

