"""JSON: the provenance, the columns (with their meaning), the rows and the appendix.
Schema in docs/exports.md ("JSON")."""

from __future__ import annotations

import json
from typing import Any

from adapters.driven.exports.document import ExportDocument

SCHEMA = "pathway-export/1"


def as_data(doc: ExportDocument) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "document": doc.kind,
        "title": doc.title,
        "case": doc.case.as_dict(),
        "provenance": doc.provenance.as_dict(),
        "footer": doc.provenance.footer(),
        "notes": doc.notes,
        "columns": [{"key": c.key, "title": c.title, "meaning": c.doc} for c in doc.columns],
        "rows": doc.rows,
    }
    if doc.frame is not None:
        f = doc.frame
        data["witness_statement"] = {
            "proceedings": "civil" if f.civil else "criminal", "rules": f.rules,
            "marking": f.marking(), "heading": f.heading(), "title": f.title(),
            "statement_of_truth": {"title": f.truth_title, "text": f.truth},
            "signature": f.signature(), "exhibits": list(f.exhibits),
        }
    if doc.appendix_columns:
        data["appendix"] = {
            "title": doc.appendix_title,
            "columns": [{"key": c.key, "title": c.title, "meaning": c.doc}
                        for c in doc.appendix_columns],
            "rows": doc.appendix,
        }
    return data


def render(doc: ExportDocument) -> bytes:
    return json.dumps(as_data(doc), ensure_ascii=False, indent=1).encode("utf-8")


def read(data: bytes) -> tuple[dict[str, Any], list[str], list[dict[str, str]]]:
    """(provenance, column keys, rows) of a JSON export."""
    body = json.loads(data.decode("utf-8"))
    if body.get("schema") != SCHEMA:
        raise ValueError("not a Pathway JSON export (schema is not 'pathway-export/1')")
    return body["provenance"], [c["key"] for c in body["columns"]], body["rows"]
