"""A court e-bundle of a case: index, chronology, statement, notices and exhibits list in one
A4 PDF with page numbers running through it, a bookmark for every section, searchable text.

Each section is rendered on its own (the chronology by the table writer, the rest by
WeasyPrint) and the PDFs are joined with pypdf; then every page is stamped "Bundle page N of
T" at its foot, and the index, made last, gives each section's first bundle page.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import datetime
from html import escape
from uuid import UUID

from adapters.driven.exports.facts import index
from adapters.driven.exports.log import load_case
from adapters.driven.exports.ports import LogReader

INDEX_CSS = """
@page { size: A4 portrait; margin: 20mm 18mm; }
html { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.35; }
h1 { font-size: 15pt; } h2 { font-size: 12pt; margin-top: 6mm; }
table { width: 100%; border-collapse: collapse; }
td, th { border: 0.4pt solid #888; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; }
td.n { text-align: right; width: 22mm; } td.hash { font-size: 7.5pt; word-break: break-all; }
"""


@dataclass
class Section:
    title: str
    pdf: bytes
    pages: int = 0


def _html_pdf(title: str, body: str) -> bytes:
    from weasyprint import HTML  # type: ignore[import-untyped]

    page = (f"<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'><title>"
            f"{escape(title)}</title><style>{INDEX_CSS}</style></head><body>{body}</body></html>")
    return bytes(HTML(string=page).write_pdf())


def _count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def exhibits(reader: LogReader, stream_id: UUID) -> list[tuple[str, str, str, str]]:
    """(exhibit, description, entry, SHA-256) of every exhibit the case's log records."""
    facts = index(load_case(reader, stream_id))
    found = []
    for e in facts.log.events:
        for x in e.evidence:
            found.append((x.exhibit, x.description or x.source or "", facts.row(e),
                          getattr(x, "sha256", None) or "not recorded"))
    return found


def _exhibits_pdf(case: str, listed: list[tuple[str, str, str, str]]) -> bytes:
    rows = "".join(f"<tr><td>{escape(x)}</td><td>{escape(d)}</td><td>{escape(r)}</td>"
                   f"<td class='hash'>{escape(h)}</td></tr>" for x, d, r, h in listed)
    rows = rows or "<tr><td colspan=4>No exhibit is recorded.</td></tr>"
    body = (f"<h1>Exhibits: {escape(case)}</h1><table><tr><th>Exhibit</th><th>Description</th>"
            f"<th>Log entry</th><th>SHA-256</th></tr>{rows}</table>")
    return _html_pdf("Exhibits", body)


def _index_pdf(case: str, subject: str, sections: list[Section], first: list[int],
               generated: datetime) -> bytes:
    rows = "".join(f"<tr><td>{i}</td><td>{escape(s.title)}</td><td class='n'>{p}</td></tr>"
                   for i, (s, p) in enumerate(zip(sections, first), start=1))
    body = (f"<h1>Bundle: {escape(subject)} ({escape(case)})</h1>"
            f"<p>Generated {generated:%d %B %Y %H:%M} UTC from the case log.</p><h2>Index</h2>"
            f"<table><tr><th>Tab</th><th>Document</th><th>Bundle page</th></tr>{rows}</table>")
    return _html_pdf("Index", body)


def build(reader: LogReader, stream_id: UUID, generated_at: datetime) -> bytes:
    """The case's bundle as PDF bytes."""
    from adapters.driven.exports import build_export, render
    from adapters.driven.exports.notices import drafts
    from adapters.driven.exports.notices import render as render_notice

    chronology = build_export(reader, stream_id, "chronology", generated_at=generated_at)
    statement = build_export(reader, stream_id, "proportionality", generated_at=generated_at)
    facts = index(load_case(reader, stream_id))
    case, subject = chronology.case.reference, chronology.case.name
    sections = [Section("Chronology", render(chronology, "pdf")),
                Section("Proportionality statement (draft)", render(statement, "pdf"))]
    notices = [(d, render_notice(d, "pdf")) for d in drafts(facts)]
    sections += [Section(f"Notice: {d.name}", pdf) for d, pdf in notices]
    listed = exhibits(reader, stream_id) + [
        (f"Tab {n}", f"{d.name} as drafted in this bundle (PDF)", d.row,
         hashlib.sha256(pdf).hexdigest()) for n, (d, pdf) in enumerate(notices, start=3)]
    sections.append(Section("Exhibits list", _exhibits_pdf(case, listed)))
    for s in sections:
        s.pages = _count(s.pdf)
    # The index's own length decides where the sections start: made twice if it grows.
    index_pages = 1
    while True:
        first, at = [], index_pages + 1
        for s in sections:
            first.append(at)
            at += s.pages
        front = _index_pdf(case, subject, sections, first, generated_at)
        if _count(front) == index_pages:
            break
        index_pages = _count(front)
    return _join([Section("Index", front, index_pages), *sections], f"Bundle: {case}")


def _join(sections: list[Section], title: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for s in sections:
        start = len(writer.pages)
        for page in PdfReader(io.BytesIO(s.pdf)).pages:
            writer.add_page(page)
        writer.add_outline_item(title=s.title, page_number=start)
    total = len(writer.pages)
    for number, page in enumerate(writer.pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        stamp = PdfReader(io.BytesIO(_stamp(f"Bundle page {number} of {total}", width,
                                            height))).pages[0]
        page.merge_page(stamp)
    writer.add_metadata({"/Title": title, "/Creator": "Pathway"})
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _stamp(text: str, width: float, height: float) -> bytes:
    """A one-page PDF of `width` x `height` points with `text` centred at its foot."""
    import pydyf  # type: ignore[import-untyped]

    pdf = pydyf.PDF()
    font = pydyf.Dictionary({"Type": "/Font", "Subtype": "/Type1", "BaseFont": "/Helvetica-Bold",
                             "Encoding": "/WinAnsiEncoding"})
    pdf.add_object(font)
    x = width / 2 - len(text) * 2.6
    content = pydyf.Stream()
    content.begin_text()
    content.set_font_size("F1", 9)
    content.set_text_matrix(1, 0, 0, 1, x, 16)
    content.show_text(pydyf.String(text))
    content.end_text()
    pdf.add_object(content)
    pdf.add_page(pydyf.Dictionary({
        "Type": "/Page", "Parent": pdf.pages.reference,
        "MediaBox": pydyf.Array([0, 0, width, height]), "Contents": content.reference,
        "Resources": pydyf.Dictionary({"Font": pydyf.Dictionary({"F1": font.reference})}),
    }))
    out = io.BytesIO()
    pdf.write(out)
    return out.getvalue()
