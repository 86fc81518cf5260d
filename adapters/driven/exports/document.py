"""An export before it is rendered: its columns, rows, appendix, options and provenance.

Rows are flat `dict[str, str]` in a fixed column order: the same rows go to every format,
and the row hash (provenance.py) is computed over them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

KINDS = ("chronology", "proportionality", "contents")
#: The export options naming the proceedings (the witness statement's heading).
PROCEEDINGS = ("court", "case_number", "claimant", "defendant")

Row = dict[str, str]


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    doc: str


@dataclass(frozen=True)
class Options:
    """What selects and shapes the rows; embedded in the export so it can be regenerated."""

    date_from: date | None = None
    date_to: date | None = None
    only: tuple[str, ...] = ()  # step names, categories, INCIDENT or AGENCY_ACTION
    agencies: tuple[str, ...] = ()  # case-insensitive parts of the agency's name
    tags: tuple[str, ...] = ()  # issue tags
    names: bool = False  # show victims' and public witnesses' names instead of initials
    #: The proceedings a witness statement is for (heading), given at export time.
    court: str = ""
    case_number: str = ""
    claimant: str = ""
    defendant: str = ""

    def as_dict(self) -> dict[str, Any]:
        proceedings = {k: getattr(self, k) for k in PROCEEDINGS if getattr(self, k)}
        return {
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
            "only": list(self.only), "agencies": list(self.agencies), "tags": list(self.tags),
            "names": self.names,
        } | proceedings

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Options:
        def d(v: Any) -> date | None:
            return date.fromisoformat(v) if v else None

        return cls(date_from=d(data.get("date_from")), date_to=d(data.get("date_to")),
                   only=tuple(data.get("only") or ()), agencies=tuple(data.get("agencies") or ()),
                   tags=tuple(data.get("tags") or ()), names=bool(data.get("names")),
                   **{k: str(data.get(k) or "") for k in PROCEEDINGS})

    def describe(self) -> str:
        parts = []
        if self.date_from or self.date_to:
            parts.append(f"dates {self.date_from or '…'} to {self.date_to or '…'}")
        for name, values in (("kinds", self.only), ("agencies", self.agencies),
                             ("issue tags", self.tags)):
            if values:
                parts.append(f"{name}: {', '.join(values)}")
        parts.append("names shown" if self.names else
                     "members of the public as initials, professional witnesses named")
        return "; ".join(parts)


@dataclass(frozen=True)
class CaseInfo:
    kind: str  # pathway | place
    id: str
    reference: str  # e.g. PW-1E93530E
    name: str  # the subject's name, or the place's

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "id": self.id, "reference": self.reference, "name": self.name}


@dataclass
class ExportDocument:
    kind: str
    title: str
    case: CaseInfo
    columns: tuple[Column, ...]
    rows: list[Row]
    options: Options
    appendix_title: str = ""
    appendix_columns: tuple[Column, ...] = ()
    appendix: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # printed under the title
    provenance: Any = None  # provenance.Provenance, set by build_export
    frame: Any = None  # statement.Frame: the witness statement around the paragraphs

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.columns]
