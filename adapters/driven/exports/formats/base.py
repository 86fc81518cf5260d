"""What an export format is: how to write a document, how to tell a file of it, and how to
read a file back for verification (its embedded provenance, and how its rows compare with
the rows the log gives again)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from adapters.driven.exports.document import ExportDocument

MAX_DIFFERENCES = 20


class Findings(Protocol):
    """Where a comparison writes what it found (verify.VerifyReport)."""

    problems: list[str]
    checks: list[str]


@dataclass(frozen=True)
class ReadBack:
    """A file read back: its embedded provenance (JSON text) and the check of its rows."""

    provenance: str
    compare: Callable[[ExportDocument, Findings], None]


@dataclass(frozen=True)
class ExportFormat:
    name: str  # also the `--format` choice and the HTTP `format` value
    extension: str
    media_type: str
    render: Callable[[ExportDocument], bytes]
    sniff: Callable[[bytes], bool]  # is this file in this format? (ValueError: damaged)
    read: Callable[[bytes], ReadBack]
    note: str = ""  # shown beside the name in the API description


def diff_cells(report: Findings, expected: list[list[str]], got: list[list[str]],
               columns: list[str], ids: list[str]) -> None:
    """Compare a file's cells with the regenerated ones, naming each edited cell."""
    differences = []
    for i, (want, have) in enumerate(zip(expected, got)):
        for col, (a, b) in enumerate(zip(want, have + [""] * (len(want) - len(have)))):
            if a != b:
                at = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
                differences.append(f"row {ids[i]}, {columns[col]}: the file has {_clip(b, at)}, "
                                   f"the log gives {_clip(a, at)}")
    if len(got) != len(expected):
        differences.append(f"the file has {len(got)} rows, the log gives {len(expected)}")
    if differences:
        shown = differences[:MAX_DIFFERENCES]
        more = len(differences) - len(shown)
        report.problems.append(f"file: {len(differences)} edited cell(s) or row(s)")
        report.problems.extend(f"  {d}" for d in shown)
        if more:
            report.problems.append(f"  ... and {more} more")
    else:
        report.checks.append(f"file: all {len(got)} rows match the log cell for cell")


def _clip(text: str, at: int, n: int = 60) -> str:
    """The text around position `at` (where the two versions first differ)."""
    start = max(0, at - n // 3)
    part = text[start:start + n]
    return repr(("…" if start else "") + part + ("…" if start + n < len(text) else ""))


def row_ids(doc: ExportDocument) -> list[str]:
    return [r["row_id"] if "row_id" in r else r.get("para", "") for r in doc.rows]
