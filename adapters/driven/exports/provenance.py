"""Where an export came from: the log position and chain hash it was made from, and a hash
of its rows, so that `asb verify-export` can regenerate and compare.

* log position: the version of every stream covered (the case stream and each linked
  incident) and the highest notification id among the covered events;
* chain hash: the hash of the case stream's last covered event (its hash chain head);
* rows hash: SHA-256 over the rows' canonical form (below).

Canonical form of rows: a JSON array of objects, one per row, each holding every column of
the document (values are strings), keys sorted, separators `,` and `:`, UTF-8, no ASCII
escaping. So the hash does not depend on the output format.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from adapters.driven.exports.document import Row
from adapters.driven.exports.text import local

FORMAT_ID = "pathway-export/1"
#: Name of the provenance attachment (PDF) and custom XML part (DOCX).
ATTACHMENT_NAME = "pathway-provenance.json"


def canonical_rows(rows: list[Row], keys: list[str]) -> bytes:
    body = [{k: row.get(k, "") for k in keys} for row in rows]
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def rows_sha256(rows: list[Row], keys: list[str]) -> str:
    return hashlib.sha256(canonical_rows(rows, keys)).hexdigest()


@dataclass(frozen=True)
class Provenance:
    document: str
    case: dict[str, str]
    generated_at: datetime
    streams: dict[str, int]
    max_notification_id: int
    chain_hash: str
    rows_sha256: str
    row_count: int
    options: dict[str, Any]
    columns: list[str] = field(default_factory=list)
    format: str = FORMAT_ID
    #: Who generated it ("user-id (role, agency)"); empty when made by the command line.
    generated_by: str = ""
    #: user id -> the name the document gave them, so verification names them the same way
    #: even if a user's display name changes later.
    people: dict[str, str] = field(default_factory=dict)

    @property
    def case_version(self) -> int:
        return self.streams[self.case["id"]]

    def position(self) -> str:
        """`PW-1E93530E v34 + 12 incident streams, notification 1234` (for footers)."""
        others = len(self.streams) - 1
        linked = f" + {others} incident stream{'s' if others != 1 else ''}" if others else ""
        return (f"{self.case['reference']} v{self.case_version}{linked}, "
                f"notification {self.max_notification_id}")

    def footer(self) -> str:
        t = local(self.generated_at)
        return (f"generated at {t:%d %b %Y %H:%M} (London) from log position {self.position()}, "
                f"chain hash {self.chain_hash}")

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": self.format, "document": self.document, "case": self.case,
            "generated_at": self.generated_at.isoformat(),
            "log_position": {"streams": self.streams,
                             "max_notification_id": self.max_notification_id},
            "chain_hash": self.chain_hash, "rows_sha256": self.rows_sha256,
            "row_count": self.row_count, "options": self.options, "columns": self.columns,
        } | ({"generated_by": self.generated_by} if self.generated_by else {}) | (
            {"people": self.people} if self.people else {})

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), sort_keys=True, separators=(",", ":"),
                          ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Provenance:
        if data.get("format") != FORMAT_ID:
            raise ValueError(f"not a Pathway export provenance ({data.get('format')!r})")
        position = data["log_position"]
        return cls(
            document=data["document"], case=dict(data["case"]),
            generated_at=datetime.fromisoformat(data["generated_at"]),
            streams={str(k): int(v) for k, v in position["streams"].items()},
            max_notification_id=int(position["max_notification_id"]),
            chain_hash=data["chain_hash"], rows_sha256=data["rows_sha256"],
            row_count=int(data["row_count"]), options=dict(data.get("options") or {}),
            columns=list(data.get("columns") or []), format=data["format"],
            generated_by=str(data.get("generated_by") or ""),
            people={str(k): str(v) for k, v in (data.get("people") or {}).items()},
        )

    @classmethod
    def from_json(cls, text: str | bytes) -> Provenance:
        return cls.from_dict(json.loads(text))
