"""How rows are laid out for people (PDF and DOCX): fewer, wider columns than the CSV.

The same functions are used to render and to verify a DOCX, so a verified cell is exactly
what the log gives.
"""

from __future__ import annotations

from adapters.driven.exports.document import ExportDocument, Row

#: (heading, width in mm on A4 landscape with 10 mm side margins: 277 mm in all)
CHRONOLOGY_VIEW: tuple[tuple[str, int], ...] = (
    ("Row", 23), ("When", 27), ("Location", 21), ("Kind / category", 21),
    ("Description", 57), ("People", 22), ("Source and references", 28),
    ("Evidence status", 22), ("Legal significance", 29), ("Action / officer / agency", 27),
)
CONTENTS_VIEW: tuple[tuple[str, int], ...] = (
    ("Document", 26), ("Row", 23), ("Required content", 57), ("Basis", 24), ("Status", 18),
    ("Recorded", 60), ("What to record", 69),
)
APPENDIX_VIEW: tuple[tuple[str, int], ...] = (
    ("Corrected row", 20), ("Original entry", 90), ("Originally recorded", 35),
    ("Correction entry", 22), ("Correction", 60), ("Reason", 50),
)


def _lines(*parts: str) -> str:
    return "\n".join(p for p in parts if p)


def chronology_cells(row: Row) -> list[str]:
    times = row["time_from"] + (f"-{row['time_to']}" if row["time_to"] else "")
    kind = "Incident" if row["event_kind"] == "INCIDENT" else "Agency action"
    description = row["description"]
    if row["status"] == "corrected":
        description = _lines(description, f"CORRECTED: {row['correction']}")
    people = _lines(f"Subject: {row['subjects']}" if row["subjects"] else "",
                    f"Victims: {row['victims']}" if row["victims"] else "",
                    f"Witnesses: {row['witnesses']}" if row["witnesses"] else "")
    refs = _lines(row["source"], row["agency_refs"],
                  f"Exhibits: {row['exhibit_refs']}" if row["exhibit_refs"] else "")
    basis = row["legal_basis"] if row["event_kind"] != "INCIDENT" else ""
    legal = _lines(row["legal_significance"], f"({basis})" if basis else "")
    action = _lines(row["action"], f"{row['officer']}, {row['agency']}",
                    f"Support: {row['support']}" if row["support"] else "")
    when = _lines(row["date"], times, f"Backdated: {row['backdated']}" if row["backdated"] else "")
    return [row["row_id"], when, row["location"], _lines(kind, row["category"]), description,
            people, refs, row["evidence_status"], legal, action]


def contents_cells(row: Row) -> list[str]:
    return [row["document"], row["row_id"], row["requirement"], row["basis"],
            row["status"].upper() if row["status"] == "missing" else row["status"],
            row["recorded"], row["to_record"]]


def appendix_cells(row: Row) -> list[str]:
    return [row["row_id"], _lines(row["original_date"], row["original_description"]),
            _lines(row["original_recorded"], f"hash {row['original_hash'][:16]}…"),
            row["correction_row_id"], _lines(row["corrected"], row["correction"]),
            row["reason"]]


def table_view(doc: ExportDocument) -> tuple[tuple[tuple[str, int], ...], list[list[str]]]:
    """(headings with widths, cells) of the document's main table (not proportionality)."""
    if doc.kind == "chronology":
        return CHRONOLOGY_VIEW, [chronology_cells(r) for r in doc.rows]
    if doc.kind == "contents":
        return CONTENTS_VIEW, [contents_cells(r) for r in doc.rows]
    raise ValueError(f"{doc.kind} is not a table")


def paragraph_text(row: Row) -> str:
    """A numbered paragraph of the proportionality statement, as printed."""
    return f"{row['para']}. {row['text']}"


def headed_paragraphs(doc: ExportDocument) -> list[tuple[str, list[Row]]]:
    """Proportionality paragraphs grouped under their headings, in order."""
    groups: list[tuple[str, list[Row]]] = []
    for row in doc.rows:
        if not groups or groups[-1][0] != row["heading"]:
            groups.append((row["heading"], []))
        groups[-1][1].append(row)
    return groups
