"""How rows are laid out for people (PDF and DOCX): fewer, wider columns than the CSV.

The chronology is numbered (1, 2, 3 ... its place in the whole chronology at the log
position; the event id stays in the JSON and CSV), its dates are compact, an entry recorded
more than 24 hours after the event is marked † with a footnote, and its columns are sized by
what they hold, a column empty on every row being left out (sizing.py).

The same functions are used to render and to verify a DOCX, so a verified cell is exactly
what the log gives.
"""

from __future__ import annotations

import re

from adapters.driven.exports import sizing
from adapters.driven.exports.document import ExportDocument, Row

#: The width of A4 landscape between 10 mm side margins.
PAGE_MM = 277
BACKDATED_MARK = "†"
#: Headings of the chronology's columns (widths come from the content).
CHRONOLOGY_HEADINGS: tuple[str, ...] = (
    "No.", "When", "Location", "Kind / category", "Description", "People",
    "Source and references", "Evidence status", "Legal significance",
    "Action / officer / agency",
)
#: Kept even when empty: the number, the date and the description.
CHRONOLOGY_KEEP = (0, 1, 4)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
#: (heading, width in mm on A4 landscape with 10 mm side margins: 277 mm in all)
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


_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r")\b")
#: An event id as the chronology's prose cites it: `row 1e93530e-14` or `(1e93530e-14)`.
_EVENT_ID = re.compile(r"( \()?\b(?:row )?([0-9a-f]{8}-\d+)\b(\))?")


def compact(text: str) -> str:
    """`3 September 2026` -> `3 Sep 2026` (the month's first three letters)."""
    return _DATE.sub(lambda m: f"{m.group(1)} {m.group(2)[:3]}", text)


def renumber(text: str, numbers: dict[str, str]) -> str:
    """Event ids cited in a cell as the numbers of their rows (`row 1e93530e-14` -> `No. 14`);
    a bracketed id of an entry folded into another row is dropped, any other left as is."""
    def swap(m: re.Match[str]) -> str:
        number = numbers.get(m.group(2))
        if number:
            return m.group(0).replace(m.group(0).strip(" ()"), f"No. {number}")
        # A bracketed id of an entry shown on another row (a link): its id is in the CSV.
        return "" if m.group(1) and m.group(3) else m.group(0)

    return _EVENT_ID.sub(swap, text) if "-" in text else text


def when_cell(row: Row) -> str:
    """`3 Mar 2026 22:15`, `approx. 3 Mar 2026 22:15`, `3 Mar 2026 22:15-23:00`, with † when
    the entry was recorded more than 24 hours later (the footnote says when)."""
    start = row["time_from"]
    if row["date"].startswith("approx. "):
        start = start.removeprefix("approx. ")
    times = start + (f"-{row['time_to']}" if row["time_to"] else "")
    text = " ".join(p for p in (compact(row["date"]), times) if p)
    return text + (f" {BACKDATED_MARK}" if row["backdated"] else "")


def backdating_notes(doc: ExportDocument) -> list[str]:
    """The footnotes of the entries marked †, in row order (empty if none)."""
    if doc.kind != "chronology":
        return []
    return [f"{BACKDATED_MARK} No. {r['no']}: {compact(r['backdated'])}."
            for r in doc.rows if r.get("backdated")]


def chronology_cells(row: Row) -> list[str]:
    kind = "Incident" if row["event_kind"] == "INCIDENT" else ""  # else an agency action
    description = row["description"]
    if row["status"] == "corrected":
        description = _lines(description, f"CORRECTED: {row['correction']}")
    people = "; ".join(p for p in (
        f"Subject: {row['subjects']}" if row["subjects"] else "",
        f"victims: {row['victims']}" if row["victims"] else "",
        f"witnesses: {row['witnesses']}" if row["witnesses"] else "") if p)
    refs = _lines(row["source"], row["agency_refs"],
                  f"Exhibits: {row['exhibit_refs']}" if row["exhibit_refs"] else "")
    basis = row["legal_basis"] if row["event_kind"] != "INCIDENT" else ""
    legal = _lines(row["legal_significance"], f"({basis})" if basis else "")
    action = _lines(row["action"], f"{row['officer']}, {row['agency']}",
                    f"Support: {row['support']}" if row["support"] else "")
    return [row["no"], when_cell(row), row["location"], _lines(kind, row["category"]), description,
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


def table_view(doc: ExportDocument) -> tuple[tuple[tuple[str, float], ...], list[list[str]]]:
    """(headings with widths in mm, cells) of the document's main table (not proportionality).

    The chronology's columns are sized by their content and its empty columns left out.
    """
    if doc.kind == "chronology":
        numbers = {r["row_id"]: r["no"] for r in doc.rows}
        full = [[compact(renumber(c, numbers)) for c in chronology_cells(r)] for r in doc.rows]
        kept, widths = sizing.fit(CHRONOLOGY_HEADINGS, full, PAGE_MM, keep=CHRONOLOGY_KEEP)
        view = tuple((CHRONOLOGY_HEADINGS[i], w) for i, w in zip(kept, widths))
        if len(kept) == len(CHRONOLOGY_HEADINGS):
            return view, full
        return view, [[row[i] for i in kept] for row in full]
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
