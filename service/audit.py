"""The access audit: who consulted or disclosed which case's personal data, when and why.

DPA 2018 s.62 requires logs of consultation and disclosure (with the justification, the
date and time, the person and, for a disclosure, its recipients); UK GDPR Art 5(2) asks a
controller to show its processing was lawful. Writes are recorded by the event log itself;
this records reads, searches and exports. Entries are append-only and hash-chained like the
log, so a removed or altered entry breaks the chain.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from enum import Enum
from typing import Any, Protocol
from uuid import UUID

GENESIS = "0" * 64


class Access(str, Enum):
    """The s.62(1) category of an access to personal data."""

    CONSULTATION = "consultation"  # a case record read, a list or search of cases
    DISCLOSURE = "disclosure"  # an export leaving the system


@dataclass(frozen=True)
class AccessEntry:
    at: datetime
    user_id: str
    agency: str
    role: str
    access: Access
    #: What was accessed: "pathway", "pathway list", "chronology export", ...
    what: str
    case_id: UUID | None = None
    #: The justification given (required of some roles before a disclosure).
    purpose: str = ""
    #: Search terms, export format, result count: what a reviewer needs to judge it.
    detail: str = ""

    def canonical(self) -> bytes:
        body = asdict(self) | {"at": self.at.astimezone(timezone.utc).isoformat(),
                               "access": self.access.value,
                               "case_id": str(self.case_id) if self.case_id else None}
        return json.dumps(body, sort_keys=True, separators=(",", ":")).encode()


def chain_hash(prev_hash: str, entry: AccessEntry) -> str:
    return hashlib.sha256(prev_hash.encode() + entry.canonical()).hexdigest()


class AccessAudit(Protocol):
    """Where access entries are kept (adapters.driven.audit.store.AuditStore)."""

    def append(self, entry: AccessEntry) -> int: ...

    def select(self, *, case_id: UUID | None = None, user_id: str | None = None,
               agency: str | None = None, limit: int = 200,
               offset: int = 0) -> tuple[int, list[dict[str, Any]]]: ...

    def verify(self) -> list[str]: ...
