"""DOCX via python-docx: real Word tables (header row repeated on each page) and heading
styles a lawyer can edit; A4 landscape for tables, portrait for the statement; the case in
the page header, the provenance sentence and "page X of Y" in the footer.

The provenance JSON is stored in a custom XML part (/customXml/pathwayProvenance.xml) and
its rows hash in the core properties' identifier. Tables are written as WordprocessingML
directly (python-docx's cell-by-cell API is too slow for thousands of rows).
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from adapters.driven.exports.document import ExportDocument
from adapters.driven.exports.views import (
    APPENDIX_VIEW,
    appendix_cells,
    headed_paragraphs,
    paragraph_text,
    backdating_notes,
    table_view,
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PROVENANCE_NS = "urn:pathway:export:provenance"
PROVENANCE_PART = "/customXml/pathwayProvenance.xml"
TABLE_STYLE = "Pathway Table Text"
STATEMENT_STYLE = "Statement Paragraph"
MM_TO_TWIPS = 56.6929


def render(doc: ExportDocument) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Mm, Pt

    d = Document()
    landscape = doc.kind != "proportionality"
    section = d.sections[0]
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(10 if landscape else 20))
    section.top_margin = section.bottom_margin = Mm(15)
    section.header_distance = section.footer_distance = Mm(7)

    styles = d.styles
    styles["Normal"].font.name = "Calibri"
    styles["Normal"].font.size = Pt(10.5)
    cell_style = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    cell_style.base_style = styles["Normal"]
    cell_style.font.size = Pt(7.5)
    cell_style.paragraph_format.space_after = Pt(0)
    para_style = styles.add_style(STATEMENT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    para_style.base_style = styles["Normal"]
    para_style.paragraph_format.space_after = Pt(6)

    _header_footer(section, doc)
    _statement_head(d, doc)
    for note in doc.notes:
        d.add_paragraph(note).runs[0].font.size = Pt(8)
    if doc.kind == "proportionality":
        for heading, rows in headed_paragraphs(doc):
            d.add_heading(heading, level=2)
            for row in rows:
                d.add_paragraph(paragraph_text(row), style=STATEMENT_STYLE)
        _statement_foot(d, doc)
    else:
        view, cells = table_view(doc)
        _append_table(d, view, cells)
        for note in backdating_notes(doc):
            d.add_paragraph(note).runs[0].font.size = Pt(7)
    if doc.appendix_columns:
        d.add_heading(doc.appendix_title, level=2)
        if doc.appendix:
            _append_table(d, APPENDIX_VIEW, [appendix_cells(r) for r in doc.appendix])
        else:
            d.add_paragraph("No entry in this export has been corrected.")
    _provenance(d, doc)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _statement_head(d: Any, doc: ExportDocument) -> None:
    """The court heading of a witness statement (plain paragraphs, not statement paragraphs,
    so verification reads the numbered paragraphs only), or the plain title."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    f = doc.frame
    if f is None:
        d.add_heading(f"{doc.title}: {doc.case.name} ({doc.case.reference})", level=1)
        return
    marking = d.add_paragraph("\n".join(f.marking()))
    marking.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for i, line in enumerate(f.heading()):
        p = d.add_paragraph(line)
        if i >= 3:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if i == 0:
            p.runs[0].bold = True
    d.add_heading(f.title(), level=1)
    d.add_paragraph(f.rules).runs[0].italic = True


def _statement_foot(d: Any, doc: ExportDocument) -> None:
    f = doc.frame
    if f is None:
        return
    d.add_heading(f.truth_title, level=2)
    d.add_paragraph(f.truth)
    for line in f.signature():
        d.add_paragraph(line)


def _header_footer(section: Any, doc: ExportDocument) -> None:
    from docx.oxml import parse_xml
    from docx.shared import Pt

    header = section.header.paragraphs[0]
    run = header.add_run(f"{doc.case.reference} · {doc.case.name} — {doc.title}")
    run.bold, run.font.size = True, Pt(8)
    footer = section.footer.paragraphs[0]
    footer.add_run(doc.provenance.footer()).font.size = Pt(6.5)
    pages = section.footer.add_paragraph()
    pages.add_run("page ").font.size = Pt(8)
    pages._p.append(parse_xml(f'<w:fldSimple xmlns:w="{W_NS}" w:instr=" PAGE "><w:r><w:rPr>'
                              '<w:sz w:val="16"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>'))
    pages.add_run(" of ").font.size = Pt(8)
    pages._p.append(parse_xml(f'<w:fldSimple xmlns:w="{W_NS}" w:instr=" NUMPAGES "><w:r><w:rPr>'
                              '<w:sz w:val="16"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>'))


def _cell_xml(text: str, width: int, style_id: str, bold: bool = False) -> str:
    runs = []
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    for i, line in enumerate(text.split("\n")):
        if i:
            runs.append("<w:br/>")
        runs.append(f'<w:t xml:space="preserve">{escape(line)}</w:t>')
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p><w:pPr>'
            f'<w:pStyle w:val="{style_id}"/></w:pPr><w:r>{rpr}{"".join(runs)}</w:r></w:p></w:tc>')


def _append_table(d: Any, view: tuple[tuple[str, float], ...], cells: list[list[str]]) -> None:
    from docx.oxml import parse_xml

    style_id = d.styles[TABLE_STYLE].style_id
    widths = [round(w * MM_TO_TWIPS) for _, w in view]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    head = "".join(_cell_xml(h, w, style_id, bold=True) for (h, _), w in zip(view, widths))
    rows = [f'<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{head}</w:tr>']
    for row in cells:
        tcs = "".join(_cell_xml(v, w, style_id) for v, w in zip(row, widths))
        rows.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{tcs}</w:tr>")
    xml = (f'<w:tbl xmlns:w="{W_NS}"><w:tblPr><w:tblStyle w:val="TableGrid"/>'
           f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
           f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
           f'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
           f'<w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')
    body = d.element.body
    body.insert(len(body) - 1, parse_xml(xml))  # before the final sectPr
    d.add_paragraph()  # Word needs a paragraph between adjacent tables and before sectPr


def _provenance(d: Any, doc: ExportDocument) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    p = doc.provenance
    props = d.core_properties
    props.title = f"{doc.title}: {doc.case.reference}"
    props.subject = f"{doc.case.reference} {doc.case.name}"
    props.identifier = f"rows_sha256={p.rows_sha256}"
    props.comments = p.footer()
    props.keywords = "Pathway export; " + doc.kind
    props.author = "Pathway"
    blob = (f'<?xml version="1.0" encoding="UTF-8"?><provenance xmlns="{PROVENANCE_NS}">'
            f"{escape(p.to_json())}</provenance>").encode()
    part = Part(PackURI(PROVENANCE_PART), "application/xml", blob, d.part.package)
    d.part.relate_to(part, RT.CUSTOM_XML)


def read(data: bytes) -> tuple[str, list[list[list[str]]], list[str]]:
    """(provenance JSON, cells of each table, statement paragraphs) of a DOCX export."""
    from xml.etree import ElementTree

    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    d = Document(io.BytesIO(data))
    provenance = ""
    for rel in d.part.rels.values():
        if rel.reltype == RT.CUSTOM_XML and not rel.is_external:
            root = ElementTree.fromstring(rel.target_part.blob)
            if root.tag == f"{{{PROVENANCE_NS}}}provenance":
                provenance = root.text or ""
    if not provenance:
        raise ValueError("no Pathway provenance part in this DOCX")
    tables = [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]
    paragraphs = [p.text for p in d.paragraphs if p.style is not None
                  and p.style.name == STATEMENT_STYLE]
    return provenance, tables, paragraphs
