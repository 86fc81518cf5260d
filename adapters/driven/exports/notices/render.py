"""A drafted notice as PDF (WeasyPrint, A4 portrait) or DOCX (python-docx)."""

from __future__ import annotations

import io
from html import escape

from adapters.driven.exports.notices.draft import NA, Draft

CSS = """
@page { size: A4 portrait; margin: 20mm 18mm 20mm 18mm;
  @top-left { content: "%(header)s"; font-size: 8pt; }
  @bottom-right { content: "page " counter(page) " of " counter(pages); font-size: 8pt; } }
html { font-family: "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.35; }
h1 { font-size: 15pt; margin: 0 0 3mm 0; }
p { margin: 0 0 2.5mm 0; }
p.meta { font-size: 9pt; color: #333; }
ol li { margin: 0 0 2.5mm 0; }
p.sign { margin-top: 10mm; }
"""


def _paragraphs(d: Draft) -> list[str]:
    """The items as printed, each once (two items can be met by one statutory paragraph)."""
    return list(dict.fromkeys(i.text for i in d.items if i.status != NA or i.text))


def html(d: Draft) -> str:
    header = f"{d.case_ref} · {d.title}".replace('"', "'")
    items = "".join(f"<li>{escape(t)}</li>" for t in _paragraphs(d))
    return (f"<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'>"
            f"<title>{escape(d.name)}: {escape(d.case_ref)}</title>"
            f"<style>{CSS % {'header': header}}</style></head><body>"
            f"<h1>{escape(d.title)}</h1>"
            f"<p class='meta'>To: {escape(d.subject)} · Case {escape(d.case_ref)} · "
            f"drafted from log entry {d.version} ({escape(d.row)})</p>"
            f"<p>{escape(d.introduction)}</p><ol>{items}</ol>"
            f"<p class='sign'>Issued by: {escape(d.issuer)}</p>"
            f"<p>Signed: ______________________ Date: {escape(d.issued)}</p></body></html>")


def render(d: Draft, fmt: str) -> bytes:
    """The notice as `pdf` or `docx` bytes."""
    if fmt == "pdf":
        from weasyprint import HTML  # type: ignore[import-untyped]

        return bytes(HTML(string=html(d)).write_pdf())
    if fmt == "docx":
        return _docx(d)
    raise ValueError(f"a notice is drafted as pdf or docx, not {fmt!r}")


def _docx(d: Draft) -> bytes:
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.core_properties.title = f"{d.name}: {d.case_ref}"
    doc.add_heading(d.title, level=1)
    doc.add_paragraph(f"To: {d.subject} · Case {d.case_ref} · drafted from log entry "
                      f"{d.version} ({d.row})").runs[0].font.size = Pt(9)
    doc.add_paragraph(d.introduction)
    for text in _paragraphs(d):
        doc.add_paragraph(text, style="List Number")
    doc.add_paragraph(f"Issued by: {d.issuer}")
    doc.add_paragraph(f"Signed: ______________________ Date: {d.issued}")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
