"""The PDF of a tabular export (chronology, contents check), laid out and written directly.

A chronology of thousands of events is hundreds of landscape pages of wrapped cells; a
general HTML/CSS typesetter spends ~0.1 s on each such page. This writer does only what the
tables need (measure, wrap, paginate, repeat the header row, draw text and borders) at a few
milliseconds a page, with the same page design as the HTML path: A4 landscape, running header,
"page X of Y", the provenance footer, the provenance attached as JSON.

It draws text without shaping, so it takes only documents whose every character is in its
font and needs none (`supports`): Latin, Greek and Cyrillic text, punctuation and symbols.
Anything else (Arabic or Hebrew names, Indic scripts, combining accents that have no
precomposed form, characters outside DejaVu Sans) is typeset by WeasyPrint instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from adapters.driven.exports import sizing
from adapters.driven.exports.document import ExportDocument
from adapters.driven.exports.provenance import ATTACHMENT_NAME
from adapters.driven.exports.tablepdf.fonts import file_sha256, load
from adapters.driven.exports.tablepdf.layout import (
    A4_LANDSCAPE,
    PT_PER_MM,
    Column,
    Flow,
    TableStyle,
    TextStyle,
    clean,
)
from adapters.driven.exports.tablepdf.writer import Meta, write
from adapters.driven.exports.views import (
    APPENDIX_VIEW,
    appendix_cells,
    backdating_notes,
    table_view,
)

KINDS = ("chronology", "contents")
#: Bumped whenever a change to the layout or the writer would draw a document differently:
#: exports are verified by drawing them again (`readback.compare`), which needs the same
#: renderer and the same font files as the export was made with.
RENDERER_VERSION = 1
TITLE = TextStyle("bold", 13)
NOTE = TextStyle("regular", 7.5, (0.2, 0.2, 0.2))
HEADING = TextStyle("bold", 10.5)
SMALL = TextStyle("regular", 7, (0.267, 0.267, 0.267))
MISSING = TextStyle("bold", 7)
#: The chronology's cell text and padding: 6.5 pt with 1.15 leading, 0.4 mm above and below
#: and 1 mm at the sides, so that a page holds a dozen or more ordinary entries (the widths
#: are fitted to this size and padding).
BODY = TableStyle(body=TextStyle(size=sizing.SIZE, leading=1.15),
                  header=TextStyle(face="bold", size=sizing.SIZE, leading=1.15),
                  pad_x=sizing.PAD_MM * PT_PER_MM, pad_y=0.4 * PT_PER_MM)
#: The contents check's status column, and the value printed in bold there.
STATUS_COLUMN, MISSING_VALUE = 4, "MISSING"


def supports(doc: ExportDocument) -> bool:
    """Whether this writer can draw every character of `doc` (else WeasyPrint does)."""
    if doc.kind not in KINDS:
        return False
    regular, bold = load("regular").advances, load("bold").advances

    def drawable(chars: set[str]) -> bool:
        return all(ord(c) in regular and ord(c) in bold for c in chars - {"\n"})

    texts = list(_texts(doc))
    # Usually every character is drawable as it stands (one pass over a set); only text
    # with other characters is cleaned first (normalised, tabs and soft hyphens dealt with).
    if drawable(set("".join(texts))):
        return True
    seen: set[str] = set()
    for text in texts:
        seen.update(clean(text))
    return drawable(seen)


def renderer() -> str:
    """What drew a PDF: this writer's version and the font files' hashes."""
    faces = " ".join(f"{face}:{file_sha256(load(face).path)[:16]}"
                     for face in ("regular", "bold"))
    return f"pathway-tablepdf/{RENDERER_VERSION} {faces}"


def _texts(doc: ExportDocument) -> Iterator[str]:
    yield from (doc.title, doc.case.name, doc.case.reference, doc.appendix_title,
                doc.provenance.footer())
    yield from doc.notes
    yield from backdating_notes(doc)
    view, cells = table_view(doc)
    yield from (h for h, _ in view)
    for row in cells:
        yield from row
    if doc.appendix:
        yield from (h for h, _ in APPENDIX_VIEW)
        for r in doc.appendix:
            yield from appendix_cells(r)


def render_counted(doc: ExportDocument) -> tuple[bytes, int]:
    """The PDF and its number of pages."""
    flow = Flow(A4_LANDSCAPE)
    heading = f"{doc.title}: {doc.case.name} ({doc.case.reference})"
    flow.paragraph(heading, TITLE, space_after=2 * PT_PER_MM, bookmark=doc.title)
    for note in doc.notes:
        flow.paragraph(note, NOTE, space_after=1 * PT_PER_MM)
    view, cells = table_view(doc)
    status = STATUS_COLUMN if doc.kind == "contents" else None

    def emphasis(column: int, value: str) -> TextStyle | None:
        return MISSING if column == status and value == MISSING_VALUE else None

    flow.table(_columns(view), cells, style=BODY if doc.kind == "chronology" else TableStyle(),
               cell_style=emphasis)
    for number, footnote in enumerate(backdating_notes(doc)):
        flow.paragraph(footnote, SMALL, space_before=(1.5 * PT_PER_MM if not number else 0))
    if doc.appendix_columns:
        # The appendix heading stays with the start of what follows it: a table's header and
        # first rows, or the one-line note that nothing was corrected.
        keep = 20 * PT_PER_MM if doc.appendix else SMALL.line_height
        flow.paragraph(doc.appendix_title, HEADING, space_before=5 * PT_PER_MM,
                       space_after=1.5 * PT_PER_MM, keep_with_next=keep,
                       bookmark=doc.appendix_title)
        if doc.appendix:
            flow.table(_columns(APPENDIX_VIEW), [appendix_cells(r) for r in doc.appendix])
        else:
            flow.paragraph("No entry in this export has been corrected.", SMALL)
    provenance = doc.provenance
    meta = Meta(
        title=f"{doc.title}: {doc.case.reference}",
        header_left=f"{doc.case.reference} · {doc.case.name}", header_right=doc.title,
        footer_left=provenance.footer(), subject=provenance.footer(),
        keywords=f"rows_sha256={provenance.rows_sha256}", created=provenance.generated_at,
        attachment=(ATTACHMENT_NAME, "Pathway export provenance (log position, hashes)",
                    provenance.to_json().encode("utf-8")),
        renderer=renderer(),
    )
    return write(flow, meta), len(flow.pages)


def _columns(view: tuple[tuple[str, float], ...]) -> list[Column]:
    """Column widths in mm scaled to fill the page's content width exactly."""
    total = sum(w for _, w in view)
    scale = A4_LANDSCAPE.content_width / total
    return [Column(title, width * scale) for title, width in view]
