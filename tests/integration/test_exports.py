"""Court exports: chronology, proportionality statement and contents check in PDF,
DOCX, CSV and JSON, made from the log on a real SQLite store, and `asb verify-export`.

Two sources: the Orchard Walk demo (`asb demo`, deterministic ids) built once per module into
a temporary database, and small cases recorded here through the `app` / `clock` fixtures.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest
from docx import Document
from typer.testing import CliRunner

from adapters.driving.cli.main import app as cli
from adapters.driving.cli.script import sid
from adapters.bootstrap import build_log_reader as log_of
from adapters.driven.exports import build_export, render, verify_export
from adapters.driven.exports.document import Options
from adapters.driven.exports.render_docx import read as read_docx
from domain.calendar import LONDON
from domain.model import Actor

OFFICER = Actor("pc.jones", "Northtown Police", "officer", "constable")
COUNCIL = Actor("asb.lee", "Northtown Council", "officer", "council_officer")
SUPERVISOR = Actor("insp.ray", "Northtown Police", "supervisor", "inspector")
DEAN = sid("dean")
RUNNER = CliRunner()


# ============================================================================ the demo
# `demo_db` and `demo_app` (the Orchard Walk in a temporary database) are in conftest.py.


def csv_rows(data: bytes) -> tuple[list[str], list[list[str]]]:
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    return lines[0][:-1], [r[:-1] for r in lines[1:]]  # the last column: the provenance


@pytest.mark.parametrize("kind", ["chronology", "proportionality"])
@pytest.mark.parametrize("fmt", ["pdf", "docx", "csv", "json"])
def test_dean_harrows_exports_in_every_format_verify_against_the_log(
        demo_app: Any, kind: str, fmt: str) -> None:
    doc = build_export(log_of(demo_app), DEAN, kind)
    data = render(doc, fmt)
    magic = {"pdf": b"%PDF", "docx": b"PK", "csv": b"\xef\xbb\xbf" + doc.keys[0].encode(),
             "json": b"{"}
    assert data.startswith(magic[fmt])
    assert len(doc.rows) > 20
    report = verify_export(log_of(demo_app), data)
    assert report.ok, report.problems
    assert report.provenance is not None and report.provenance.rows_sha256 == \
        doc.provenance.rows_sha256
    assert report.added == []


def test_the_csv_reads_as_a_table_with_its_header_on_line_one(demo_app: Any) -> None:
    doc = build_export(log_of(demo_app), DEAN, "chronology")
    text = render(doc, "csv").decode("utf-8-sig")
    table = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(table) == len(doc.rows) == 39  # one line per entry, nothing above the header
    assert [r["row_id"] for r in table] == [r["row_id"] for r in doc.rows]
    assert table[0]["description"] == doc.rows[0]["description"]
    assert table[0]["provenance"].startswith("{") and all(not r["provenance"] for r in table[1:])


def test_a_csv_in_the_earlier_layout_still_verifies(demo_app: Any) -> None:
    doc = build_export(log_of(demo_app), DEAN, "chronology")
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerows([["Pathway export", doc.kind, doc.case.reference, doc.case.name],
                 ["provenance", doc.provenance.to_json()], [doc.provenance.footer()], [],
                 doc.keys, *([r[k] for k in doc.keys] for r in doc.rows)])
    report = verify_export(log_of(demo_app), ("\ufeff" + out.getvalue()).encode())
    assert report.ok and report.format == "csv", report.problems


def test_the_docx_chronology_has_the_same_row_count_as_the_csv(demo_app: Any) -> None:
    doc = build_export(log_of(demo_app), DEAN, "chronology")
    keys, rows = csv_rows(render(doc, "csv"))
    word = Document(io.BytesIO(render(doc, "docx")))
    table = word.tables[0]
    assert len(table.rows) - 1 == len(rows) == len(doc.rows) == 39  # minus the header row
    assert keys == doc.keys
    assert [r.cells[0].text for r in table.rows[1:]] == [r[0] for r in rows]
    assert word.paragraphs[0].style.name == "Heading 1"
    assert "PW-1E93530E" in word.sections[0].header.paragraphs[0].text
    assert "chain hash " + doc.provenance.chain_hash in word.sections[0].footer.paragraphs[0].text
    assert table._tbl.tr_lst[0].trPr.xpath("./w:tblHeader")  # header row repeats on each page


def test_the_chronology_interleaves_incidents_sorted_by_when_they_happened(
        demo_app: Any) -> None:
    rows = build_export(log_of(demo_app), DEAN, "chronology").rows
    kinds = [r["event_kind"] for r in rows]
    assert kinds.count("INCIDENT") == 9 and kinds.count("AGENCY_ACTION") == 30
    moments = [datetime.fromisoformat(r["occurred_at"]) for r in rows]
    assert moments == sorted(moments)
    by_id = {r["row_id"]: r for r in rows}
    letter = by_id["1e93530e-12"]  # the warning letter, typed in four days late
    assert letter["backdated"] == "recorded 6 October 2025 at 11:00 (4 days later)"
    assert (letter["date"], letter["time_from"]) == ("2 October 2025", "11:00")
    assert by_id["1e93530e-14"]["legal_significance"].startswith("CPW served")
    breach = next(r for r in rows if r["step"] == "breach_recorded")
    assert breach["legal_significance"] == (
        "breach of Requirement 1 of the CPN of 4 November 2025 (row 1e93530e-18)")
    assert breach["evidence_status"] == "proven (conviction, 19 January 2026)"
    threat = next(r for r in rows if r["category"] == "Threats of violence")
    assert threat["agency_refs"].startswith("CAD ") and threat["subjects"] == "Dean Harrow"
    # a link is shown on the incident's row, not as a row of its own
    assert "incident_linked" not in {r["step"] for r in rows}
    assert "linked 21 November 2025 by n.carter (1e93530e-22)" in threat["action"]


def test_provenance_names_the_log_position_and_the_chain_head(demo_app: Any,
                                                              demo_db: Path) -> None:
    first = build_export(log_of(demo_app), DEAN, "chronology").provenance
    again = build_export(log_of(demo_app), DEAN, "chronology").provenance
    assert first.rows_sha256 == again.rows_sha256  # stable rows, stable hash
    assert first.streams[str(DEAN)] == 39 and len(first.streams) == 10  # Dean + 9 incidents
    assert first.chain_hash == demo_app.pathway(DEAN).head_hash
    with sqlite3.connect(demo_db) as conn:
        ids = [UUID(s).hex for s in first.streams]
        found = conn.execute(
            f"SELECT max(rowid) FROM stored_events WHERE originator_id IN "
            f"({','.join('?' * len(ids))})", ids).fetchone()[0]
    assert first.max_notification_id == found
    assert first.footer().startswith("generated at ")
    assert f"from log position PW-1E93530E v39 + 9 incident streams, notification {found}, " \
        f"chain hash {first.chain_hash}" in first.footer()


def test_the_proportionality_statement_draws_each_escalation_step_from_the_log(
        demo_app: Any) -> None:
    rows = build_export(log_of(demo_app), DEAN, "proportionality").rows
    assert [r["para"] for r in rows] == [str(n) for n in range(1, len(rows) + 1)]
    cpn = {r["topic"]: r["text"] for r in rows if r["step_row_id"] == "1e93530e-18"}
    assert "(b) community protection warning issued on 13 October 2025 (row 1e93530e-14)" in \
        cpn["lesser measures tried"]
    assert "the conduct continued after it, on 30 October 2025" in cpn["lesser measures tried"]
    assert "declined on 8 October 2025" in cpn["support"]
    assert "Equality Act 2010 (ss.15, 149): No disability" in cpn["vulnerability and equality"]
    assert "housing on 3 November 2025" in cpn["consultation"]
    assert "r.patel" in cpn["vulnerability and equality"] and "n.carter" in cpn["decision maker"]
    assert "A CPN needs a prior written warning (CPW) about the same conduct (ASBCPA2014 " \
        "s.43(5)(a)): CPW of 13 October 2025" in cpn["statutory conditions"]
    assert "Exhibits: NC/1" in cpn["decision"]
    injunction = {r["topic"]: r["text"] for r in rows if r["step_row_id"] == "1e93530e-24"}
    assert "Equality Act 2010 (ss.15, 149): not recorded" in injunction["vulnerability and equality"]


# ============================================================================ small cases
def at(day: int, hour: int = 12, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=LONDON)


def record(app: Any, clock: Any, pid: UUID, step: str, when: datetime, actor: Actor = OFFICER,
           *, recorded: datetime | None = None, **fields: Any) -> Any:
    clock.set(max(clock(), recorded or when))
    return app.record(pid, {"step": step, "occurred_at": when, **fields}, actor)


def incident(app: Any, clock: Any, pid: UUID, when: datetime, **over: Any) -> UUID:
    clock.set(max(clock(), when))
    data = {"occurred_at": when, "category": "Noise", "location": "Flat 3, Mill Court",
            "description": "Music audible in the stairwell at 02:00", "reference": "CAD 7781",
            "subject_pathway_ids": [str(pid)], "victims": ["Jane Smith"],
            "witnesses": ["Omar Farooq-Khan"]} | over
    iid = app.report_incident(data, COUNCIL)
    record(app, clock, pid, "incident_linked", when, incident_id=iid, incident_occurred_at=when,
           summary="noise", conduct="Loud music at night", recorded=when + timedelta(hours=1))
    return iid


@pytest.fixture
def case(app: Any, clock: Any) -> dict[str, Any]:
    """A noise case up to a CPN recorded WITHOUT its appeal information."""
    clock.set(at(1, 9))
    pid = app.open_pathway({"occurred_at": at(1, 9), "subject": {
        "name": "Sam Example", "date_of_birth": "1985-06-15"},
        "conduct_summary": "Loud music at night", "issue_tags": ["noise"]}, OFFICER)
    first = incident(app, clock, pid, at(1, 10), precision="on_or_before")
    record(app, clock, pid, "support_referral_made", at(2), referral_id=uuid4(),
           service="Turning Point", need="drug_alcohol")
    record(app, clock, pid, "proportionality_assessed", at(2, 13), SUPERVISOR,
           assessment_id=uuid4(), conclusion="Proportionate")
    letter = record(app, clock, pid, "early_intervention", at(3), intervention_id=uuid4(),
                    kind="warning_letter", recorded=at(6))  # typed in three days late
    cpw = record(app, clock, pid, "cpw_issued", at(7), instrument_id=uuid4(),
                 conduct="Loud music at night", requirements=["No music after 23:00"],
                 comply_by=at(21))
    incident(app, clock, pid, at(22, 1), precision="approximate",
             description="=HYPERLINK(\"http://x.example\",\"click\")", reference="@SUM(1+1)")
    incident(app, clock, pid, at(23, 22), precision="range", occurred_until=at(23, 23),
             category="Shouting", victims=[], witnesses=[])
    cpn = record(app, clock, pid, "cpn_issued", at(24), instrument_id=uuid4(),
                 warning_id=cpw.instrument_id, conduct="Loud music at night",
                 requirements=["No music after 23:00"], appeal_information_given=False)
    return {"pid": pid, "first": first, "letter": letter, "cpw": cpw, "cpn": cpn}


def test_the_contents_check_flags_a_cpn_recorded_without_its_appeal_information(
        app: Any, case: dict[str, Any]) -> None:
    rows = build_export(log_of(app), case["pid"], "contents").rows
    cpn = [r for r in rows if r["document"] == "CPN of 24 March 2026"]
    appeal = [r for r in cpn if r["requirement"].startswith("explain the effect of ss.46-51")]
    assert appeal and appeal[0]["status"] == "missing"
    assert appeal[0]["to_record"].startswith("Missing appeal information")
    assert next(r for r in cpn if r["requirement"] == "the 21-day appeal route")["status"] == \
        "missing"
    assert next(r for r in cpn if r["requirement"] == "identify the conduct")["status"] == "present"
    cpw = [r for r in rows if r["document"].startswith("CPW")]
    assert {r["requirement"]: r["status"] for r in cpw}["by when"] == "present"
    consequences = next(r for r in cpw if r["requirement"] == "the consequences")
    assert consequences["status"] == "missing"
    assert consequences["to_record"] == (
        "Record that the consequences of not complying were explained (consequences_explained)")


def test_precision_and_backdating_are_written_the_way_lawyers_write_them(
        app: Any, case: dict[str, Any]) -> None:
    rows = build_export(log_of(app), case["pid"], "chronology").rows
    incidents = [r for r in rows if r["event_kind"] == "INCIDENT"]
    assert [(r["date"], r["time_from"], r["time_to"]) for r in incidents] == [
        ("on or before 1 March 2026", "", ""),
        ("approx. 22 March 2026", "approx. 01:00", ""),
        ("23 March 2026", "22:00", "23:00"),
    ]
    letter = next(r for r in rows if r["step"] == "early_intervention")
    assert letter["backdated"] == "recorded 6 March 2026 at 12:00 (3 days later)"
    assert all(r["backdated"] == "" for r in rows if r is not letter)


def test_victims_and_witnesses_are_initials_unless_names_are_asked_for(
        app: Any, case: dict[str, Any]) -> None:
    first = next(r for r in build_export(log_of(app), case["pid"], "chronology").rows
                 if r["event_kind"] == "INCIDENT")
    assert (first["victims"], first["witnesses"]) == ("J.S.", "O.F.K.")
    named = build_export(log_of(app), case["pid"], "chronology", Options(names=True))
    row = next(r for r in named.rows if r["event_kind"] == "INCIDENT")
    assert (row["victims"], row["witnesses"]) == ("Jane Smith", "Omar Farooq-Khan")
    assert named.provenance.options["names"] is True
    assert verify_export(log_of(app), render(named, "csv")).ok


def test_csv_is_utf8_with_bom_and_neutralises_formula_injection(
        app: Any, case: dict[str, Any]) -> None:
    doc = build_export(log_of(app), case["pid"], "chronology")
    data = render(doc, "csv")
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    _keys, rows = csv_rows(data)
    cells = [cell for row in rows for cell in row]
    assert "'=HYPERLINK(\"http://x.example\",\"click\")." in cells
    assert "'@SUM(1+1)" in cells
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
    assert verify_export(log_of(app), data).ok  # neutralised cells still verify


def test_a_correction_marks_the_row_and_keeps_the_original_in_the_appendix(
        app: Any, clock: Any, case: dict[str, Any]) -> None:
    letter = case["letter"]
    record(app, clock, case["pid"], "entry_corrected", at(25), corrected_version=
           letter.originator_version, correction="It was a home visit, not a letter",
           reason="Entered against the wrong intervention kind")
    doc = build_export(log_of(app), case["pid"], "chronology")
    row = next(r for r in doc.rows if r["step"] == "early_intervention")
    assert row["status"] == "corrected"
    assert "It was a home visit, not a letter" in row["correction"]
    assert "entry_corrected" not in {r["step"] for r in doc.rows}
    [original] = doc.appendix
    assert original["row_id"] == row["row_id"]
    assert original["original_description"].startswith("Warning letter.")
    assert original["original_hash"] == letter.hash
    word = Document(io.BytesIO(render(doc, "docx")))
    assert len(word.tables) == 2 and word.tables[1].rows[1].cells[0].text == row["row_id"]
    headings = [c.text for c in word.tables[0].rows[0].cells]
    shown = next(r for r in word.tables[0].rows if r.cells[0].text == row["no"])
    described = shown.cells[headings.index("Description")].text
    assert "\nCORRECTED: Corrected 25 Mar 2026 at 12:00 by pc.jones" in described
    assert verify_export(log_of(app), render(doc, "csv")).ok


def test_filters_select_rows_by_date_kind_agency_and_issue_tag(
        app: Any, case: dict[str, Any]) -> None:
    pid = case["pid"]

    def steps(**kw: Any) -> list[str]:
        return [r["step"] for r in build_export(log_of(app), pid, "chronology", Options(**kw)).rows]

    assert set(steps(date_from=date(2026, 3, 22))) == {"incident_reported", "cpn_issued"}
    assert steps(date_to=date(2026, 3, 1)) == ["pathway_opened", "incident_reported"]
    assert steps(only=("INCIDENT",)) == ["incident_reported"] * 3
    assert steps(only=("cpw", "cpn_issued")) == ["cpw_issued", "cpn_issued"]
    assert set(steps(agencies=("council",))) == {"incident_reported"}
    assert "pathway_opened" in steps(tags=("noise",))
    assert "support_referral_made" not in steps(tags=("noise",))
    filtered = build_export(log_of(app), pid, "chronology", Options(only=("INCIDENT",)))
    assert verify_export(log_of(app), render(filtered, "json")).ok


def test_verify_reports_entries_added_since_the_export(
        app: Any, clock: Any, case: dict[str, Any]) -> None:
    data = render(build_export(log_of(app), case["pid"], "chronology"), "json")
    record(app, clock, case["pid"], "breach_recorded", at(28), instrument_id=
           case["cpn"].instrument_id, description="Music again at 01:00")
    report = verify_export(log_of(app), data)
    assert report.ok, report.problems
    assert len(report.added) == 1 and "breach recorded (28 March 2026" in report.added[0]


def test_verify_fails_when_a_json_or_docx_cell_is_edited(app: Any,
                                                          case: dict[str, Any]) -> None:
    doc = build_export(log_of(app), case["pid"], "chronology")
    body = json.loads(render(doc, "json"))
    body["rows"][2]["description"] = "Nothing happened."
    report = verify_export(log_of(app), json.dumps(body).encode())
    assert not report.ok and "1 edited cell" in report.problems[0]
    word = Document(io.BytesIO(render(doc, "docx")))
    word.tables[0].rows[3].cells[4].paragraphs[0].runs[0].text = "Edited in Word"
    out = io.BytesIO()
    word.save(out)
    report = verify_export(log_of(app), out.getvalue())
    assert not report.ok and "Description: the file has 'Edited in Word'" in \
        "\n".join(report.problems)
    assert read_docx(out.getvalue())[0] == doc.provenance.to_json()


# ============================================================================ the CLI
def asb(db: Path, *args: str) -> tuple[int, str]:
    result = RUNNER.invoke(cli, list(args), env={"ASB_DATABASE_URL": f"sqlite:///{db}",
                                                  "COLUMNS": "100"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def test_asb_verify_export_passes_on_a_fresh_export_and_fails_after_one_csv_cell_is_edited(
        demo_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "pathway.db"
    shutil.copy(demo_db, db)
    out = tmp_path / "dean.csv"
    code, text = asb(db, "export", str(DEAN), "--kind", "chronology", "--format", "csv",
                     "--out", str(out))
    assert code == 0, text
    assert "39 rows" in text and "log position: PW-1E93530E v39" in text
    code, text = asb(db, "verify-export", str(out))
    assert code == 0, text
    assert "export verified" in text and "no entries added" in text

    lines = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    keys = lines[0]
    lines[5][keys.index("date")] = "3 October 2025"  # one cell edited
    edited = io.StringIO()
    csv.writer(edited, lineterminator="\r\n").writerows(lines)
    out.write_bytes(("\ufeff" + edited.getvalue()).encode())
    code, text = asb(db, "verify-export", str(out))
    assert code == 1
    assert "EXPORT NOT VERIFIED" in text and "1 edited cell" in text
    assert "date: the file has '3 October 2025'" in text


def test_asb_export_writes_every_kind_and_format_from_the_out_suffix(
        demo_db: Path, tmp_path: Path) -> None:
    for kind in ("chronology", "proportionality", "contents"):
        for suffix in ("json", "docx"):
            out = tmp_path / f"{kind}.{suffix}"
            code, text = asb(demo_db, "export", str(DEAN), "--kind", kind, "--out", str(out))
            assert code == 0, text
            assert out.stat().st_size > 1000
    code, text = asb(demo_db, "export", str(uuid4()), "--out", str(tmp_path / "x.csv"))
    assert code == 1 and "no pathway or place" in text
    code, text = asb(demo_db, "export", str(DEAN), "--out", str(tmp_path / "x.txt"))
    assert code == 2 and "--format" in text
    assert os.listdir(tmp_path)


def test_docs_exports_md_documents_every_column_of_every_document() -> None:
    from adapters.driven.exports import chronology, contents, proportionality

    text = (Path(__file__).resolve().parents[2] / "docs" / "exports.md").read_text()
    for columns in (chronology.COLUMNS, chronology.APPENDIX_COLUMNS, proportionality.COLUMNS,
                    contents.COLUMNS):
        for c in columns:
            assert f"| `{c.key}` | {c.title} | {c.doc} |" in text, c.key
