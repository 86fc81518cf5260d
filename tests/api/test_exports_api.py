"""Court exports through HTTP: chronology, proportionality statement and
contents check of pathways and places, in every format, made from the log and verifiable
with the same check as `asb verify-export`.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest

from adapters.bootstrap import build_log_reader as log_of
from adapters.driven.exports import build_export, verify_export
from adapters.driving.http.routes.exports import MEDIA_TYPES
from tests.api.cases import Case, iso, london
from tests.api.conftest import Api

MAGIC = {"pdf": b"%PDF", "docx": b"PK", "csv": b"\xef\xbb\xbfno,row_id", "json": b"{"}
EXPORT_PATHS = [f"/api/{track}/{{{track[:-1]}_id}}/{kind}" for track in ("pathways", "places")
                for kind in ("chronology", "proportionality", "contents")]


def _dean(api: Api) -> tuple[Case, str]:
    """Dean Harrow: an incident linked, support, an assessment, a warning letter, a CPW."""
    token = api.token()
    case = Case.open(api.client, token)
    r = api.client.post("/api/incidents", headers=api.as_(token), json={
        "occurred_at": iso(london(2026, 1, 8, 22, 15)), "precision": "approximate",
        "category": "Drug dealing", "location": "Alder House", "description": "Seen on CCTV",
        "reference": "CAD 260108-0142", "subject_pathway_ids": [str(case.id)]})
    assert r.status_code == 201, r.json()
    case.do("incident_linked", london(2026, 1, 9), incident_id=r.json()["id"],
            incident_occurred_at=iso(london(2026, 1, 8, 22, 15)))
    case.prepared(london(2026, 1, 10))
    case.cpw(london(2026, 1, 20), comply_by=london(2026, 2, 20))
    return case, token


def _place(api: Api, token: str) -> str:
    r = api.client.post("/api/places", headers=api.as_(token), json={
        "occurred_at": iso(london(2025, 7, 1)), "name": "Orchard Walk green",
        "kind": "public_space", "address": "Orchard Walk, Elmsford"})
    assert r.status_code == 201, r.json()
    return r.json()["id"]  # type: ignore[no-any-return]


def _get(api: Api, token: str, path: str, **params: Any) -> Any:
    return api.client.get(path, headers=api.as_(token), params=params)


def _rows(api: Api, token: str, case: Case, **params: Any) -> list[dict[str, str]]:
    r = _get(api, token, f"/api/pathways/{case.id}/chronology", **params)
    assert r.status_code == 200, r.text
    return r.json()["rows"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("fmt", ["json", "csv", "pdf", "docx"])
def test_the_chronology_in_every_format(api: Api, fmt: str) -> None:
    case, token = _dean(api)
    r = _get(api, token, f"/api/pathways/{case.id}/chronology", format=fmt)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == MEDIA_TYPES[fmt]
    reference = f"PW-{case.id.hex[:8].upper()}"
    assert r.headers["content-disposition"] == (
        f'attachment; filename="{reference}-chronology.{fmt}"')
    assert r.headers["cache-control"] == "no-store"
    assert r.content.startswith(MAGIC[fmt])
    report = verify_export(log_of(api.application), r.content)
    assert report.ok, report.problems
    assert report.provenance is not None and report.provenance.case["reference"] == reference
    assert r.headers["x-chain-hash"] == report.provenance.chain_hash


def test_json_is_the_default_and_matches_the_log(api: Api) -> None:
    case, token = _dean(api)
    body = _get(api, token, f"/api/pathways/{case.id}/chronology").json()
    assert body["schema"] == "pathway-export/1" and body["document"] == "chronology"
    assert body["rows"] == build_export(log_of(api.application), case.id, "chronology",
                                        people=api.users).rows
    kinds = {row["event_kind"] for row in body["rows"]}
    assert kinds == {"INCIDENT", "AGENCY_ACTION"}  # interleaved, from the log
    assert body["provenance"]["log_position"]["streams"][str(case.id)] == case.get()["version"]
    assert body["provenance"]["generated_at"] == api.clock().isoformat()


def test_a_csv_fetched_over_http_verifies_and_an_edited_one_does_not(
        api: Api, tmp_path: Path) -> None:
    case, token = _dean(api)
    r = _get(api, token, f"/api/pathways/{case.id}/chronology", format="csv",
             only="AGENCY_ACTION")
    assert r.status_code == 200 and r.headers["content-type"] == "text/csv; charset=utf-8"
    exported = tmp_path / "chronology.csv"
    exported.write_bytes(r.content)
    report = verify_export(log_of(api.application), exported.read_bytes())  # as `asb verify-export`
    assert report.ok, report.problems
    assert report.added == []
    assert report.provenance is not None and report.provenance.options["only"] == [
        "AGENCY_ACTION"]

    case.do("early_intervention", london(2026, 2, 1), intervention_id=str(uuid4()),
            kind="home_visit")
    later = verify_export(log_of(api.application), exported.read_bytes())
    assert later.ok and len(later.added) == 1  # entries added since: reported, not a failure

    lines = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"), newline="")))
    header = lines[0]
    lines[1][header.index("description")] = "Something else entirely"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(lines)
    exported.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
    assert not verify_export(log_of(api.application), exported.read_bytes()).ok


def test_the_chronology_filters(sqlite_api: Api) -> None:
    api = sqlite_api
    case, token = _dean(api)
    every = _rows(api, token, case)
    assert len(_rows(api, token, case, only="INCIDENT")) == 1
    both = _rows(api, token, case, only=["INCIDENT", "cpw_issued"])
    assert [r["event_kind"] for r in both] == ["INCIDENT", "AGENCY_ACTION"]
    assert [r["step"] for r in _rows(api, token, case, **{"from": "2026-01-20"})] == [
        "cpw_issued"]
    before = _rows(api, token, case, to="2026-01-08")
    assert [r["step"] for r in before] == [r["step"] for r in every[:2]]
    assert _rows(api, token, case, agency="nowhere council") == []
    assert _rows(api, token, case, agency="marlshire") == every
    assert _rows(api, token, case, tag="drugs") and _rows(api, token, case, tag="noise") == []
    named = _get(api, token, f"/api/pathways/{case.id}/chronology", names="true").json()
    assert named["provenance"]["options"]["names"] is True


@pytest.mark.parametrize("params,field", [
    ({"format": "xml"}, "format"), ({"format": "PDF"}, "format"),
    ({"from": "3 March 2026"}, "from"), ({"to": "2026-02-30"}, "to"),
    ({"from": "2026-02-01", "to": "2026-01-01"}, "to"), ({"names": "perhaps"}, "names"),
    ({"only": "x" * 201}, "only.0"), ({"tag": "a\x00b"}, "tag.0"),
])
def test_bad_formats_and_filters_are_422_naming_the_parameter(
        sqlite_api: Api, params: dict[str, str], field: str) -> None:
    case, token = _dean(sqlite_api)
    r = _get(sqlite_api, token, f"/api/pathways/{case.id}/chronology", **params)
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "invalid"
    assert [p["field"] for p in r.json()["problems"]] == [field]


@pytest.mark.parametrize("kind", ["proportionality", "contents"])
def test_filters_belong_to_the_chronology_only(sqlite_api: Api, kind: str) -> None:
    case, token = _dean(sqlite_api)
    r = _get(sqlite_api, token, f"/api/pathways/{case.id}/{kind}", tag="drugs")
    assert r.status_code == 422
    assert r.json()["problems"] == [{"field": "tag",
                                     "rule": f"filters the chronology only, not the {kind}"}]


@pytest.mark.parametrize("fmt", ["json", "docx"])
def test_proportionality_statement_and_contents_check(api: Api, fmt: str) -> None:
    case, token = _dean(api)
    for kind in ("proportionality", "contents"):
        r = _get(api, token, f"/api/pathways/{case.id}/{kind}", format=fmt)
        assert r.status_code == 200, r.text
        assert r.headers["content-type"] == MEDIA_TYPES[fmt]
        assert r.headers["content-disposition"].endswith(f'-{kind}.{fmt}"')
        assert verify_export(log_of(api.application), r.content).ok
        if fmt == "json":
            rows = json.loads(r.content)["rows"]
            assert rows == build_export(log_of(api.application), case.id, kind,
                                        people=api.users).rows and rows
    contents = _get(api, token, f"/api/pathways/{case.id}/contents").json()
    assert {row["document"] for row in contents["rows"]} == {"CPW of 20 January 2026"}


def test_places_export_too(api: Api) -> None:
    token = api.token(role="supervisor", rank="inspector")
    place = _place(api, token)
    for kind in ("chronology", "proportionality", "contents"):
        r = _get(api, token, f"/api/places/{place}/{kind}", format="csv")
        assert r.status_code == 200, r.text
        assert r.headers["content-disposition"].startswith('attachment; filename="PL-')
        assert verify_export(log_of(api.application), r.content).ok
    rows = _get(api, token, f"/api/places/{place}/chronology").json()["rows"]
    assert [r["step"] for r in rows] == ["place_registered"]


@pytest.mark.parametrize("role,status", [("officer", 200), ("supervisor", 200), ("legal", 200),
                                         ("admin", 403), ("analyst", 403), ("support", 403)])
def test_who_may_export(sqlite_api: Api, role: str, status: int) -> None:
    case, _ = _dean(sqlite_api)
    token = sqlite_api.token(role=role, rank=None)
    for kind in ("chronology", "proportionality", "contents"):
        r = _get(sqlite_api, token, f"/api/pathways/{case.id}/{kind}", purpose="Injunction bundle")
        assert r.status_code == status, r.text
    if status == 403:
        assert r.json() == {"error": "forbidden",
                            "message": f"a user with role {role!r} may not export the contents"}


def test_authentication_and_unknown_ids(sqlite_api: Api) -> None:
    api = sqlite_api
    case, token = _dean(api)
    place = _place(api, token)
    r = api.client.get(f"/api/pathways/{case.id}/chronology")
    assert r.status_code == 401 and r.json()["error"] == "unauthorised"
    r = api.client.get(f"/api/pathways/{case.id}/chronology",
                       headers={"Authorization": "Bearer nonsense"})
    assert r.status_code == 401
    incident = api.client.get(f"/api/incidents?pathway_id={case.id}",
                              headers=api.as_(token)).json()["items"][0]["id"]
    for path in (f"/api/pathways/{uuid4()}/chronology", f"/api/places/{uuid4()}/contents",
                 f"/api/pathways/{place}/chronology", f"/api/places/{case.id}/chronology",
                 f"/api/pathways/{incident}/proportionality"):
        r = _get(api, token, path, format="pdf")
        assert r.status_code == 404, path
        assert r.json()["error"] == "not_found"
    r = _get(api, token, "/api/pathways/not-a-uuid/chronology")
    assert r.status_code == 422 and r.json()["problems"][0]["field"] == "pathway_id"
    assert UUID(incident)


def test_openapi_documents_each_export_with_its_media_types(sqlite_api: Api) -> None:
    doc = sqlite_api.client.get("/openapi.json", headers=sqlite_api.as_(sqlite_api.token())).json()
    for path in EXPORT_PATHS:
        operation = doc["paths"][path]["get"]
        assert set(operation["responses"]["200"]["content"]) == set(MEDIA_TYPES.values())
        assert {"401", "403", "404", "422"} <= set(operation["responses"])
        params = {p["name"]: p for p in operation["parameters"]}
        assert params["format"]["schema"]["enum"] == ["json", "csv", "pdf", "docx"]
        assert params["format"]["schema"]["default"] == "json"
        chronology = {"from", "to", "only", "agency", "tag", "names"}
        assert chronology <= set(params) if path.endswith("chronology") else "from" not in params


# ============================================================================ verification
def _verify(api: Api, token: str, data: bytes) -> Any:
    return api.client.post("/api/exports/verify", headers={
        **api.as_(token), "Content-Type": "application/octet-stream"}, content=data)


@pytest.mark.parametrize("fmt", ["pdf", "docx", "csv", "json"])
def test_an_exported_file_verifies_through_http(api: Api, fmt: str) -> None:
    case, token = _dean(api)
    data = _get(api, token, f"/api/pathways/{case.id}/chronology", format=fmt).content
    r = _verify(api, token, data)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["ok"] is True and body["problems"] == [] and body["format"] == fmt
    assert body["document"] == "chronology" and body["case"]["id"] == str(case.id)
    assert any(c.startswith("rows: the log at the embedded position gives the same")
               for c in body["checks"])
    assert body["added_since"] == []


def test_an_edited_csv_does_not_verify_and_entries_added_since_are_listed(api: Api) -> None:
    case, token = _dean(api)
    data = _get(api, token, f"/api/pathways/{case.id}/chronology", format="csv").content
    text = data.decode("utf-8-sig")
    edited = text.replace("Seen on CCTV", "Seen on a phone", 1).encode("utf-8-sig")
    assert edited != data
    r = _verify(api, token, edited)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["ok"] is False
    assert any("the file has 'Seen on a phone.'" in p for p in body["problems"]), body["problems"]
    case.do("evidence_attached", london(2026, 2, 1), note="Statement from a resident")
    body = _verify(api, token, data).json()
    assert body["ok"] is True and len(body["added_since"]) == 1


@pytest.mark.parametrize(("body", "rule"), [
    (b"", "it is empty"), (b"hello", "not a Pathway export"),
    (b"%PDF-1.7\n%%EOF\n", "cannot read the export")])
def test_a_body_that_is_not_an_export_is_a_422_naming_the_body(
        sqlite_api: Api, body: bytes, rule: str) -> None:
    token = sqlite_api.token()
    r = _verify(sqlite_api, token, body)
    assert r.status_code == 422, r.text
    [problem] = r.json()["problems"]
    assert problem["field"] == "body" and rule in problem["rule"]


def test_verifying_needs_a_role_that_may_export(sqlite_api: Api) -> None:
    assert _verify(sqlite_api, "no-such-token", b"x").status_code == 401
    r = _verify(sqlite_api, sqlite_api.token(role="analyst"), b"x")
    assert r.status_code == 403 and r.json()["error"] == "forbidden"
