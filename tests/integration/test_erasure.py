"""Crypto-shredding: a subject's personal fields are stored encrypted with the subject's own
key; erasing the subject destroys the key, so no copy of the name or date of birth stays in
the log, the read models or any export, while the log still verifies. Both backends."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

import psycopg
import pytest
from psycopg import sql

from adapters.bootstrap import System, bootstrap, build_log_reader
from adapters.driven.exports import build_export, render, verify_export
from adapters.driven.exports.render_docx import read as read_docx
from adapters.driven.store.integrity import verify_log
from adapters.driven.store.settings import StoreSettings
from adapters.settings import Settings
from domain.calendar import LONDON
from domain.model import Actor, StepRefusedError

OFFICER = Actor("pc.kaur", "Northtown Police", "officer", "constable")
SUPERVISOR = Actor("insp.ray", "Northtown Police", "supervisor", "inspector")
NAME, DOB, HEALTH = "Quentin Zebedee-Marsh", "1985-06-15", "Brittle asthma"
ERASE = {"step": "subject_erased", "ground": "art17_request",
         "reason": "Request received by the data protection officer"}


def at(day: int, month: int = 3) -> datetime:
    return datetime(2026, month, day, 12, tzinfo=LONDON)


@pytest.fixture
def system(service_settings: StoreSettings, clock: Any) -> Iterator[System]:
    with bootstrap(Settings.for_store(service_settings), clock=clock) as built:
        yield built


def open_case(system: System, clock: Any) -> UUID:
    clock.set(at(1))
    app = system.application
    pid = app.open_pathway({"occurred_at": at(1), "subject": {
        "name": NAME, "date_of_birth": DOB, "vulnerabilities": [HEALTH]},
        "conduct_summary": f"{NAME} plays loud music", "issue_tags": ["noise"]}, OFFICER)
    app.record(pid, {"step": "proportionality_assessed", "occurred_at": at(1),
                     "assessment_id": str(uuid4()), "conclusion": "Proportionate",
                     "vulnerability": HEALTH}, SUPERVISOR)
    system.projector.catch_up()
    return pid


def every_stored_byte(settings: StoreSettings) -> bytes:
    """Every row of every table in the store, as bytes (BLOBs raw, everything else as text)."""
    out = bytearray()
    if settings.sqlite_path is not None:
        import sqlite3

        with sqlite3.connect(settings.sqlite_path) as conn:
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            for table in tables:
                for row in conn.execute(f'SELECT * FROM "{table}"'):
                    for value in row:
                        out += value if isinstance(value, bytes) else str(value).encode()
        return bytes(out)
    url = settings.url().split("?")[0]
    with psycopg.connect(url) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = %s", (settings.pg_schema,))]
        for table in tables:
            for row in conn.execute(sql.SQL("SELECT * FROM {}").format(
                    sql.Identifier(settings.pg_schema, table))):
                for value in row:
                    out += bytes(value) if isinstance(value, bytes | memoryview) else \
                        str(value).encode()
    return bytes(out)


def personal_in(data: bytes) -> list[str]:
    return [s for s in (NAME, DOB, HEALTH) if s.encode() in data]


def test_personal_fields_are_never_stored_in_the_log_in_plain_text(
        system: System, clock: Any, service_settings: StoreSettings) -> None:
    pid = open_case(system, clock)
    system.application.repository.cache = None  # read back from storage, not memory
    opened = system.application.events.get(pid)
    first = next(iter(opened))
    assert first.subject.name == NAME  # type: ignore[attr-defined]
    assert NAME.encode() not in b"".join(bytes(n.state) for n in
                                         system.application.recorder.select_notifications(1, 100))


def test_erasure_removes_name_and_dob_everywhere_and_the_log_still_verifies(
        system: System, clock: Any, service_settings: StoreSettings) -> None:
    pid = open_case(system, clock)
    assert personal_in(every_stored_byte(service_settings))  # the read models held them
    clock.set(at(2))
    system.application.record(pid, {**ERASE, "occurred_at": at(2)}, SUPERVISOR)
    system.projector.catch_up()

    assert personal_in(every_stored_byte(service_settings)) == []
    report = verify_log(service_settings)
    assert report.ok, report.violations
    assert report.events_checked == 3

    log = build_log_reader(system.application)
    doc = build_export(log, pid, "chronology")
    assert [r["step"] for r in doc.rows] == [
        "pathway_opened", "proportionality_assessed", "subject_erased"]
    assert "[erased]" in doc.rows[0]["subjects"]
    for fmt in ("csv", "json", "pdf", "docx"):
        data = render(doc, fmt)
        text = str(read_docx(data)) if fmt == "docx" else \
            data.decode("latin-1")
        assert "[erased]" in text or fmt == "pdf", fmt
        assert personal_in(text.encode("latin-1", "replace")) == [], fmt
        checked = verify_export(log, data)
        assert checked.ok, (fmt, checked.problems)


def test_erasure_is_refused_while_an_order_holds_the_record(
        system: System, clock: Any, service_settings: StoreSettings) -> None:
    pid = open_case(system, clock)
    system.application.record(pid, {"step": "early_intervention", "occurred_at": at(1),
                                    "intervention_id": str(uuid4()), "kind": "warning_letter"},
                              OFFICER)
    system.application.record(pid, {
        "step": "cpw_issued", "occurred_at": at(1), "instrument_id": str(uuid4()),
        "conduct": "Loud music", "requirements": ["No music after 23:00"],
        "comply_by": at(20).isoformat()}, OFFICER)
    clock.set(at(2))
    with pytest.raises(StepRefusedError) as refused:
        system.application.record(pid, {**ERASE, "occurred_at": at(2)}, SUPERVISOR)
    assert [r.code for r in refused.value.reasons] == ["erasure_under_legal_hold"]
    system.projector.catch_up()
    assert NAME.encode() in every_stored_byte(service_settings)  # nothing was erased


def test_a_case_opened_before_encryption_verifies_and_its_read_models_are_erased(
        system: System, clock: Any, service_settings: StoreSettings) -> None:
    from domain.model import Pathway

    app = system.application
    clock.set(at(1))
    cmd = app._command({"step": "pathway_opened", "occurred_at": at(1), "subject": {
        "name": NAME, "date_of_birth": DOB}, "conduct_summary": "Loud music"})
    pid = uuid4()
    current = Pathway.open(pid, cmd, OFFICER, clock(), app.rule_book, {})
    legacy = current.model_copy(update={"schema_version": 1, "hash": ""}).sealed()
    app.save(legacy)  # as written before personal fields were encrypted: in clear
    assert NAME.encode() in b"".join(bytes(n.state) for n in app.recorder.select_notifications(1, 9))
    app.repository.cache = None
    system.projector.catch_up()
    clock.set(at(2))
    app.record(pid, {**ERASE, "occurred_at": at(2)}, SUPERVISOR)
    system.projector.catch_up()

    report = verify_log(service_settings)
    assert report.ok, report.violations
    rest = every_stored_byte(service_settings).replace(
        b"".join(bytes(n.state) for n in app.recorder.select_notifications(1, 1)), b"")
    assert personal_in(rest) == []  # only the legacy row itself still holds them


def test_the_retention_review_lists_closed_cases_with_their_legal_holds(
        system: System, clock: Any) -> None:
    from adapters.driven.readmodels.retention import retention_review

    quiet, held = open_case(system, clock), open_case(system, clock)
    app = system.application
    app.record(held, {"step": "early_intervention", "occurred_at": at(1),
                      "intervention_id": str(uuid4()), "kind": "warning_letter"}, OFFICER)
    app.record(held, {"step": "cpw_issued", "occurred_at": at(1), "instrument_id": str(uuid4()),
                      "conduct": "Loud music", "requirements": ["No music after 23:00"],
                      "comply_by": at(20).isoformat()}, OFFICER)
    clock.set(at(2))
    for pid in (quiet, held):
        app.record(pid, {"step": "pathway_closed", "occurred_at": at(2), "outcome": "resolved"},
                   OFFICER)
    system.projector.catch_up()
    items = {i.stream_id: i for i in retention_review(system.store, datetime(2032, 3, 2).date())}
    assert items[str(quiet)].due and items[str(quiet)].holds == ()
    assert items[str(held)].holds == ("Community Protection Warning in force",)
    assert not retention_review(system.store, datetime(2032, 3, 1).date())[0].due
