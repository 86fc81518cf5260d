"""The export formats, declared in one list. A new format is one module here (an
`ExportFormat` named FORMAT) and one line in REGISTRY; `asb export --format`, the HTTP
`format` query and `asb verify-export` all read this list.

The first format is the HTTP default. Renderers load their libraries (WeasyPrint,
python-docx) only when called.
"""

from __future__ import annotations

from adapters.driven.exports.formats import csv, docx, json, pdf
from adapters.driven.exports.formats.base import ExportFormat, Findings, ReadBack

__all__ = ["NAMES", "REGISTRY", "ExportFormat", "Findings", "ReadBack", "by_extension", "detect",
           "get", "listed"]

REGISTRY: tuple[ExportFormat, ...] = (
    json.FORMAT,
    csv.FORMAT,
    pdf.FORMAT,
    docx.FORMAT,
)
NAMES: tuple[str, ...] = tuple(f.name for f in REGISTRY)


def get(name: str) -> ExportFormat:
    for f in REGISTRY:
        if f.name == name:
            return f
    raise ValueError(f"unknown format {name!r}; expected one of {', '.join(NAMES)}")


def by_extension(extension: str) -> ExportFormat | None:
    """The format a file name's extension (without the dot, any case) says, if any."""
    return next((f for f in REGISTRY if f.extension == extension.lower()), None)


def listed(names: list[str], last: str = "or") -> str:
    """'a, b, c or d'."""
    return f"{', '.join(names[:-1])} {last} {names[-1]}" if len(names) > 1 else "".join(names)


def detect(data: bytes) -> ExportFormat:
    """The format of an export file, from its first bytes."""
    for f in REGISTRY:
        if f.sniff(data):
            return f
    raise ValueError(f"not a Pathway export ({listed([n.upper() for n in NAMES])})")
