"""PDF exports: A4 landscape for tables (chronology, contents), A4 portrait for the
proportionality statement; a running header with the case reference and name, "page X of Y",
and the footer "generated at T from log position P, chain hash H" on every page.

Two engines, one page design. Tables go to the table writer (`tablepdf`), which lays out a
2,000-row chronology in about a second; WeasyPrint typesets the proportionality statement
(prose) and any table with text the table writer cannot draw without shaping (see
`tablepdf.supports`). `engine(doc)` says which one a document gets.

The provenance JSON is embedded as a PDF attachment (pathway-provenance.json) and read
back by `read_provenance` without a PDF library: it is found among the file's streams.
"""

from __future__ import annotations

import gc
import re
import zlib
from html import escape

from adapters.driven.exports.document import ExportDocument
from adapters.driven.exports.provenance import ATTACHMENT_NAME, FORMAT_ID
from adapters.driven.exports.views import (
    APPENDIX_VIEW,
    appendix_cells,
    backdating_notes,
    headed_paragraphs,
    paragraph_text,
    table_view,
)

CSS = """
@page {
  size: A4 %(orientation)s; margin: 17mm 10mm 17mm 10mm;
  @top-left { content: "%(header)s"; font-size: 8pt; font-weight: bold; }
  @top-right { content: "%(title)s"; font-size: 8pt; }
  @bottom-left { content: "%(footer)s"; font-size: 6pt; color: #333; width: 80%%;
                 vertical-align: top; padding-top: 2mm; }
  @bottom-right { content: "page " counter(page) " of " counter(pages); font-size: 8pt;
                  vertical-align: top; padding-top: 2mm; }
}
html { font-family: "DejaVu Sans", sans-serif; font-size: %(size)s; line-height: 1.25; }
h1 { font-size: 13pt; margin: 0 0 2mm 0; }
h2 { font-size: 10.5pt; margin: 5mm 0 1.5mm 0; break-after: avoid; }
p.meta { font-size: 7.5pt; color: #333; margin: 0 0 1mm 0; }
table { width: 100%%; table-layout: fixed; border-collapse: collapse; }
thead { display: table-header-group; }
th { background: #e6e6e6; text-align: left; font-weight: bold; }
th, td { border: 0.4pt solid #888; padding: 1mm 1.2mm; vertical-align: top;
         overflow-wrap: break-word; white-space: pre-line; }
tr { break-inside: avoid; }
td.missing { font-weight: bold; }
p.para { margin: 0 0 2.2mm 0; text-align: justify; }
p.para span.n { font-weight: bold; }
p.small { font-size: 7pt; color: #444; }
div.marking { float: right; font-size: 8.5pt; text-align: right; margin: 0 0 3mm 5mm; }
div.court { clear: both; margin: 2mm 0 4mm 0; }
div.court p { margin: 0 0 1mm 0; }
p.court { font-weight: bold; }
p.parties { text-align: center; }
p.rules { font-style: italic; margin: 0 0 3mm 0; }
div.truth { margin-top: 6mm; break-inside: avoid; }
div.truth p { margin: 0 0 2.5mm 0; }
"""


def _css_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def html(doc: ExportDocument) -> str:
    landscape = doc.kind != "proportionality"
    style = CSS % {
        "orientation": "landscape" if landscape else "portrait",
        "header": _css_string(f"{doc.case.reference} · {doc.case.name}"),
        "title": _css_string(doc.title),
        "footer": _css_string(doc.provenance.footer()),
        "size": "7pt" if landscape else "10pt",
    }
    parts = [(f"<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'>"
             f"<title>{escape(doc.title)}: {escape(doc.case.reference)}</title>"
             f"<meta name='description' content='{escape(doc.provenance.footer())}'>"
             f"<meta name='keywords' content='rows_sha256={doc.provenance.rows_sha256}'>"
             f"<style>{style}</style></head><body>"),
             *_statement_head(doc)]
    for note in doc.notes:
        parts.append(f"<p class='meta'>{escape(note)}</p>")
    if doc.kind == "proportionality":
        for heading, rows in headed_paragraphs(doc):
            parts.append(f"<h2>{escape(heading)}</h2>")
            for row in rows:
                number, _, text = paragraph_text(row).partition(" ")
                parts.append(f"<p class='para'><span class='n'>{escape(number)}</span> "
                             f"{escape(text)}</p>")
        parts.extend(_statement_foot(doc))
    else:
        view, cells = table_view(doc)
        parts.append(_table(view, cells, status_col=4 if doc.kind == "contents" else None))
        parts.extend(f"<p class='small'>{escape(n)}</p>" for n in backdating_notes(doc))
    if doc.appendix_columns:
        parts.append(f"<h2>{escape(doc.appendix_title)}</h2>")
        if doc.appendix:
            parts.append(_table(APPENDIX_VIEW, [appendix_cells(r) for r in doc.appendix]))
        else:
            parts.append("<p class='small'>No entry in this export has been corrected.</p>")
    parts.append("</body></html>")
    return "".join(parts)


def _statement_head(doc: ExportDocument) -> list[str]:
    """The court heading of a witness statement, or the plain title of other documents."""
    f = doc.frame
    plain = f"<h1>{escape(doc.title)}: {escape(doc.case.name)} ({escape(doc.case.reference)})</h1>"
    if f is None:
        return [plain]
    court, number, between, first, and_, second = (escape(x) for x in f.heading())
    marking = "<br>".join(escape(x) for x in f.marking())
    return [f"<div class='marking'>{marking}</div>",
            f"<div class='court'><p class='court'>{court}</p><p>{number}</p><p>{between}</p>"
            f"<p class='parties'>{first}</p><p class='parties'>{and_}</p>"
            f"<p class='parties'>{second}</p></div>",
            f"<h1>{escape(f.title())}</h1>", f"<p class='rules'>{escape(f.rules)}</p>"]


def _statement_foot(doc: ExportDocument) -> list[str]:
    f = doc.frame
    if f is None:
        return []
    sign = "".join(f"<p>{escape(x)}</p>" for x in f.signature())
    return [f"<div class='truth'><h2>{escape(f.truth_title)}</h2><p>{escape(f.truth)}</p>"
            f"{sign}</div>"]


def _table(view: tuple[tuple[str, float], ...], cells: list[list[str]],
           status_col: int | None = None) -> str:
    cols = "".join(f"<col style='width:{w:.2f}mm'>" for _, w in view)
    head = "".join(f"<th>{escape(h)}</th>" for h, _ in view)
    body = []
    for row in cells:
        tds = []
        for i, value in enumerate(row):
            cls = " class='missing'" if i == status_col and value == "MISSING" else ""
            tds.append(f"<td{cls}>{escape(value)}</td>")
        body.append("<tr>" + "".join(tds) + "</tr>")
    return (f"<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def engine(doc: ExportDocument) -> str:
    """Which engine draws `doc`: "tables" (the table writer) or "weasyprint"."""
    from adapters.driven.exports import tablepdf

    return "tables" if tablepdf.supports(doc) else "weasyprint"


def render(doc: ExportDocument) -> bytes:
    return render_counted(doc)[0]


def render_counted(doc: ExportDocument) -> tuple[bytes, int]:
    """The PDF and its number of pages."""
    if engine(doc) == "tables":
        from adapters.driven.exports import tablepdf

        return tablepdf.render_counted(doc)
    return render_weasyprint(doc)


def render_weasyprint(doc: ExportDocument) -> tuple[bytes, int]:
    """The PDF typeset by WeasyPrint from `html(doc)`, and its number of pages."""
    from weasyprint import HTML, Attachment  # type: ignore[import-untyped]

    attachment = Attachment(string=doc.provenance.to_json(), name=ATTACHMENT_NAME,
                            description="Pathway export provenance (log position, hashes)")
    # Layout makes millions of objects that live until the end; the cyclic GC's passes over
    # them cost more than they free (measured: about a third of the time on 800 rows).
    enabled = gc.isenabled()
    gc.disable()
    try:
        document = HTML(string=html(doc)).render()
        result = document.write_pdf(attachments=[attachment])
    finally:
        if enabled:
            gc.enable()
    assert result is not None
    return bytes(result), len(document.pages)


_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)
_MARKER = f'"format":"{FORMAT_ID}"'.encode()


def read_provenance(data: bytes) -> str:
    """The embedded provenance JSON of a PDF export."""
    if not data.startswith(b"%PDF"):
        raise ValueError("not a PDF file")
    for match in _STREAM.finditer(data):
        raw = match.group(1)
        for candidate in (raw, _inflate(raw)):
            if candidate and _MARKER in candidate and candidate.lstrip().startswith(b"{"):
                return candidate.decode("utf-8")
    raise ValueError("no Pathway provenance attachment in this PDF")


def _inflate(raw: bytes) -> bytes | None:
    try:
        return zlib.decompressobj().decompress(raw)
    except zlib.error:
        return None
