"""PDF exports read back with an independent PDF reader (pypdf): the tables come from the
table writer, the proportionality statement and text that needs shaping from WeasyPrint, and
both carry the running header, "page X of Y", the provenance footer and the attachment.
"""

from __future__ import annotations

import io
import json
import re
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

import pytest
from pypdf import PdfReader

from adapters.driving.cli.script import sid
from adapters.bootstrap import build_log_reader as log_of
from adapters.driven.exports import build_export, render, verify_export
from adapters.driven.exports.provenance import ATTACHMENT_NAME
from adapters.driven.exports.render_pdf import engine, read_provenance
from adapters.driven.exports.views import when_cell
from domain.calendar import LONDON
from domain.model import Actor

DEAN = sid("dean")
OFFICER = Actor("pc.jones", "Northtown Police", "officer", "constable")


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def words(text: str) -> str:
    return " ".join(text.split())


def open_pathway(app: Any, clock: Any, name: str, description: str = "Loud music") -> UUID:
    when = datetime(2026, 3, 1, 9, 0, tzinfo=LONDON)
    clock.set(when)
    pid = app.open_pathway({"occurred_at": when, "subject": {
        "name": name, "date_of_birth": "1985-06-15"}, "conduct_summary": description}, OFFICER)
    return UUID(str(pid))


def record(app: Any, clock: Any, pid: UUID, day: int, step: str, **fields: Any) -> Any:
    when = datetime(2026, 3, day, 12, 0, tzinfo=LONDON)
    clock.set(when)
    return app.record(pid, {"step": step, "occurred_at": when, **fields}, OFFICER)


def test_deans_chronology_pdf_has_header_page_numbers_footer_and_every_row(
        demo_app: Any) -> None:
    doc = build_export(log_of(demo_app), DEAN, "chronology")
    assert engine(doc) == "tables"
    data = render(doc, "pdf")
    reader = PdfReader(io.BytesIO(data))
    texts = [page.extract_text() for page in reader.pages]
    total = len(texts)
    assert total >= 3
    for number, text in enumerate(texts, start=1):
        assert "PW-1E93530E · Dean Harrow" in text
        assert "Chronology" in text
        assert f"page {number} of {total}" in text
        assert doc.provenance.chain_hash in text.replace("\n", "")
    def starts(row: dict[str, str]) -> str:  # a numbered row begins its line: "18 4 Nov"
        return rf"(?m)^{row['no']} {re.escape(when_cell(row).split()[0])}\b"

    for text in texts:  # the header row repeats on every page the table runs onto
        if any(re.search(starts(row), text) for row in doc.rows):
            assert "Legal significance" in text and "Action / officer /" in text
    flat = "\n".join(texts)
    positions = [re.search(starts(row), flat).start()  # type: ignore[union-attr]
                 for row in doc.rows]
    assert positions == sorted(positions)  # every row, in the chronology's order
    assert [r["no"] for r in doc.rows] == [str(n) for n in range(1, len(doc.rows) + 1)]
    assert "breach of Requirement 1 of the CPN of 4 Nov 2025" in flat.replace("\n", " ")
    assert reader.metadata.title == "Chronology: PW-1E93530E"
    assert reader.metadata["/Keywords"] == f"rows_sha256={doc.provenance.rows_sha256}"
    assert [o.title for o in reader.outline] == ["Chronology", "Appendix A: corrections (audit)"]
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape


def test_the_pdf_embeds_its_fonts_and_its_provenance(demo_app: Any) -> None:
    doc = build_export(log_of(demo_app), DEAN, "chronology")
    data = render(doc, "pdf")
    reader = PdfReader(io.BytesIO(data))
    attached = reader.attachments[ATTACHMENT_NAME][0]
    assert json.loads(attached) == json.loads(doc.provenance.to_json())
    assert json.loads(read_provenance(data)) == json.loads(attached)
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for ref in fonts.values():
        font = ref.get_object()
        descendant = font["/DescendantFonts"][0].get_object()
        assert font["/Encoding"] == "/Identity-H" and "/ToUnicode" in font
        assert "/FontFile2" in descendant["/FontDescriptor"]
        assert re.fullmatch(r"/[A-Z]{6}\+DejaVuSans(-Bold)?", font["/BaseFont"])
    assert verify_export(log_of(demo_app), data).ok


def test_the_same_document_gives_the_same_bytes(demo_app: Any) -> None:
    from fontTools.ttLib import TTFont

    from adapters.driven.exports.tablepdf import fonts

    doc = build_export(log_of(demo_app), DEAN, "chronology")
    first = render(doc, "pdf")
    fonts._subset.cache_clear()  # as in another process: the subsets are made again
    assert render(doc, "pdf") == first
    font = fonts.load("regular")
    subset = TTFont(io.BytesIO(fonts.subset(font, "abc")))
    assert subset["head"].modified == TTFont(str(font.path))["head"].modified  # not "now"


def test_missing_statutory_contents_are_printed_in_bold(app: Any, clock: Any) -> None:
    pid = open_pathway(app, clock, "Sam Example")
    record(app, clock, pid, 2, "early_intervention", intervention_id=uuid4(),
           kind="warning_letter")
    record(app, clock, pid, 3, "cpw_issued", instrument_id=uuid4(),
           conduct="Loud music at night", requirements=["No music after 23:00"],
           comply_by=datetime(2026, 3, 17, 12, 0, tzinfo=LONDON))
    doc = build_export(log_of(app), pid, "contents")
    assert engine(doc) == "tables"
    missing = sum(1 for r in doc.rows if r["status"] == "missing")
    assert missing >= 1
    runs: list[tuple[str, str]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():
            runs.append((text.strip(), str(font["/BaseFont"]) if font else ""))

    for page in PdfReader(io.BytesIO(render(doc, "pdf"))).pages:
        page.extract_text(visitor_text=visit)
    statuses = [f for t, f in runs if t == "MISSING"]
    assert len(statuses) == missing and all(f.endswith("DejaVuSans-Bold") for f in statuses)
    assert all(f.endswith("DejaVuSans") for t, f in runs if t == "present")


def test_a_description_longer_than_a_page_continues_on_the_next_page(
        app: Any, clock: Any) -> None:
    summary = [f"w{n:04d}" for n in range(600)]  # one a line: 600 lines in the description
    pid = open_pathway(app, clock, "Long Entry", "\n".join(summary))
    doc = build_export(log_of(app), pid, "chronology")
    assert engine(doc) == "tables"
    texts = pages_text(render(doc, "pdf"))
    assert len(texts) >= 2
    found = re.findall(r"w\d{4}", " ".join(texts))
    assert found == summary  # every word once, in order, across the page break
    assert all(f"page {n} of {len(texts)}" in t for n, t in enumerate(texts, start=1))


@pytest.mark.parametrize("name", ["سارة أحمد", "דוד לוי", "प्रिया शर्मा", "Zoë Bax\u0301ll"])
def test_text_that_needs_shaping_goes_to_weasyprint(app: Any, clock: Any, name: str) -> None:
    pid = open_pathway(app, clock, name)
    doc = build_export(log_of(app), pid, "chronology")
    assert engine(doc) == "weasyprint"
    data = render(doc, "pdf")
    assert json.loads(read_provenance(data))["rows_sha256"] == doc.provenance.rows_sha256
    assert len(PdfReader(io.BytesIO(data)).pages) >= 1


def test_accented_latin_and_symbols_stay_on_the_table_writer(app: Any, clock: Any) -> None:
    pid = open_pathway(app, clock, "Zoë Ó Briain-Łukasik", "Damage to a £1,200 door – “again” "
                       "at Tŷ Llŵyd, Heol-y-Dŵr")
    doc = build_export(log_of(app), pid, "chronology")
    assert engine(doc) == "tables"
    text = words(pages_text(render(doc, "pdf"))[0])
    assert "Zoë Ó Briain-Łukasik" in text and "£1,200 door – “again”" in text
    assert "Tŷ Llŵyd, Heol-y-Dŵr" in text  # Welsh circumflexes are drawn, not substituted


def test_the_proportionality_statement_is_typeset_by_weasyprint_in_portrait(
        demo_app: Any) -> None:
    doc = build_export(log_of(demo_app), DEAN, "proportionality")
    assert engine(doc) == "weasyprint"
    data = render(doc, "pdf")
    reader = PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 portrait
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert "PW-1E93530E · Dean Harrow" in text and f"page {number} of {total}" in text
    assert json.loads(reader.attachments[ATTACHMENT_NAME][0])["rows_sha256"] == \
        doc.provenance.rows_sha256


# ============================================================================ verification
def test_verify_redraws_a_table_pdf_and_finds_it_byte_identical(demo_app: Any) -> None:
    data = render(build_export(log_of(demo_app), DEAN, "chronology"), "pdf")
    report = verify_export(log_of(demo_app), data)
    assert report.ok, report.problems
    assert any("byte-identical to the log's rendering" in c for c in report.checks)


def test_verify_names_the_page_and_line_of_edited_pdf_text(demo_app: Any) -> None:
    doc = build_export(log_of(demo_app), DEAN, "chronology")
    row = next(r for r in doc.rows if r["step"] == "breach_recorded")
    row["description"] = "Not " + row["description"]
    forged = render(doc, "pdf")  # same provenance, one word added on the page
    report = verify_export(log_of(demo_app), forged)
    assert not report.ok
    [problem] = [p for p in report.problems if p.startswith("file: page ")]
    assert re.fullmatch(r"file: page \d+, line \d+ of its text: the file has 'Not .*', "
                        r"the log gives '(?!Not ).*'", problem)


def _incremental(data: bytes, edit: Any) -> bytes:
    """`data` followed by an incremental update (as a signing or editing tool appends)."""
    from pypdf import PdfWriter

    writer = PdfWriter(io.BytesIO(data), incremental=True)
    edit(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_verify_accepts_an_appended_update_that_leaves_the_text_alone(demo_app: Any) -> None:
    data = render(build_export(log_of(demo_app), DEAN, "chronology"), "pdf")
    signed = _incremental(data, lambda w: w.add_metadata({"/Reviewed": "legal team"}))
    assert signed.startswith(data) and len(signed) > len(data)
    report = verify_export(log_of(demo_app), signed)
    assert report.ok, report.problems
    assert any("bytes were appended after export" in c and "is unchanged" in c
               for c in report.checks)


def test_verify_finds_page_text_redrawn_by_an_appended_update(demo_app: Any) -> None:
    from pypdf.generic import ContentStream

    data = render(build_export(log_of(demo_app), DEAN, "chronology"), "pdf")

    def redraw(writer: Any) -> None:
        page = writer.pages[2]
        content = page.get_contents().get_data()
        first = re.search(rb"<([0-9A-F]{8,})> Tj", content)
        assert first is not None
        edited = content[:first.start(1)] + b"0030" + content[first.start(1) + 4:]
        stream = ContentStream(None, writer)
        stream.set_data(edited)
        page.replace_contents(stream)

    report = verify_export(log_of(demo_app), _incremental(data, redraw))
    assert not report.ok
    assert any(re.fullmatch(r"file: page 3, line \d+ of its text: the file has .*", p)
               for p in report.problems), report.problems


def test_verify_accepts_a_resaved_pdf_whose_text_is_unchanged(demo_app: Any) -> None:
    from pypdf import PdfReader, PdfWriter

    data = render(build_export(log_of(demo_app), DEAN, "chronology"), "pdf")
    out = io.BytesIO()
    PdfWriter(clone_from=PdfReader(io.BytesIO(data))).write(out)
    assert out.getvalue() != data
    report = verify_export(log_of(demo_app), out.getvalue())
    assert report.ok, report.problems
    assert any("the file was re-saved, its text is unchanged" in c for c in report.checks)


def test_a_pdf_drawn_by_another_renderer_is_not_compared_page_by_page(
        demo_app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from adapters.driven.exports import tablepdf
    from adapters.driven.exports.tablepdf.readback import renderer

    doc = build_export(log_of(demo_app), DEAN, "chronology")
    assert renderer(render(doc, "pdf")) == tablepdf.renderer()
    with monkeypatch.context() as patch:
        patch.setattr(tablepdf, "RENDERER_VERSION", 0)  # an older release drew this one
        other = render(doc, "pdf")
    assert renderer(other) != tablepdf.renderer()
    report = verify_export(log_of(demo_app), other)
    assert report.ok, report.problems
    assert any("page text not compared: the PDF was drawn by pathway-tablepdf/0" in c
               for c in report.checks)


ORDINARY = ("Shouting and throwing bottles at the bus shelter on Mill Lane around 23:10; two "
            "residents gave statements and described the same group returning over three "
            "nights; CCTV requested from the council control room and the landlord informed.")


def test_a_page_of_the_chronology_holds_at_least_twelve_ordinary_entries(
        app: Any, clock: Any) -> None:
    """Ordinary entries (a ~250-character description, an officer, a legal basis; every
    fifth an incident with a location, victims and witnesses) at 12 or more a page."""
    pid = open_pathway(app, clock, "Dense Entry", "Noise and bottles")
    doc = build_export(log_of(app), pid, "chronology")
    template = doc.rows[0]
    rows = []
    for n in range(1, 301):
        incident = n % 5 == 0
        rows.append({**template, "no": str(n), "row_id": f"0badcafe-{n}",
                     "date": f"{n % 28 + 1} March 2026", "time_from": "22:15",
                     "backdated": "", "description": ORDINARY,
                     "location": "Mill Lane bus shelter" if incident else "",
                     "event_kind": "INCIDENT" if incident else "AGENCY_ACTION",
                     "category": "Noise and bottles" if incident else "warning",
                     "victims": "A.E." if incident else "", "witnesses": "B.S." if incident else "",
                     "legal_significance": "lesser measure (non-statutory early intervention)",
                     "legal_basis": "" if incident else (
                         "Non-statutory: ASB statutory guidance for frontline professionals "
                         "(Home Office, 2023)"),
                     "action": "Early intervention", "status": "", "correction": ""})
    doc.rows = rows
    assert engine(doc) == "tables"
    texts = pages_text(render(doc, "pdf"))
    counts = [len(re.findall(r"(?m)^\d+ \d{1,2} Mar\b", t)) for t in texts]
    assert sum(counts) == len(rows)
    assert len(texts) >= 3 and min(counts[:-1]) >= 12, counts
