"""Notices and the court bundle through HTTP: the export permission, the access audit, and a
served notice's hash recorded on the step that issued it."""

from __future__ import annotations

import hashlib
import io
from typing import Any

from pypdf import PdfReader

from tests.api.cases import Case, london
from tests.api.conftest import Api


def _cpw_case(api: Api) -> tuple[Case, str, int]:
    token = api.token()
    case = Case.open(api.client, token)
    case.prepared(london(2026, 1, 10))
    case.cpw(london(2026, 1, 20), comply_by=london(2026, 2, 20))
    r = api.client.get(f"/api/pathways/{case.id}", headers=api.as_(token))
    return case, token, int(r.json()["version"])


def test_a_served_notice_is_a_pdf_whose_hash_is_recorded_on_its_step(api: Api) -> None:
    case, token, version = _cpw_case(api)
    r = api.client.get(f"/api/pathways/{case.id}/notices/{version}", headers=api.as_(token),
                       params={"format": "pdf"})
    assert r.status_code == 200, r.text
    digest = hashlib.sha256(r.content).hexdigest()
    assert r.headers["x-content-sha256"] == digest
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(r.content)).pages)
    assert "written warning" in text
    rows = api.client.get(f"/api/pathways/{case.id}/chronology", headers=api.as_(token),
                          params={"format": "json"}).json()["rows"]
    [cpw] = [r for r in rows if r["step"] == "cpw_issued"]
    assert f"NTC/{version} (Community Protection Notice: written warning" in cpw["exhibit_refs"]
    audit = api.client.get("/api/audit", headers=api.as_(api.token("admin")))
    assert audit.status_code == 200, audit.text
    entries: Any = audit.json()["items"]
    assert any(e["what"] == "notice draft" and digest in e["detail"] for e in entries)


def test_an_entry_that_issued_no_notice_is_not_found(api: Api) -> None:
    case, token, _ = _cpw_case(api)
    r = api.client.get(f"/api/pathways/{case.id}/notices/1", headers=api.as_(token))
    assert r.status_code == 404
    assert "CPW, CPN, FPN" in r.text


def test_the_bundle_is_one_bookmarked_pdf(api: Api) -> None:
    case, token, _ = _cpw_case(api)
    r = api.client.get(f"/api/pathways/{case.id}/bundle", headers=api.as_(token))
    assert r.status_code == 200, r.text
    reader = PdfReader(io.BytesIO(r.content))
    titles = [o.title for o in reader.outline]
    assert titles[:2] == ["Index", "Chronology"] and titles[-1] == "Exhibits list"
    assert any(t.startswith("Notice: Community Protection Notice: written warning")
               for t in titles)
