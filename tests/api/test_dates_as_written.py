"""Through HTTP: `occurred_at` and query filters take a day or a month, read in London time."""

from __future__ import annotations

from uuid import uuid4

from tests.api.cases import Case, london
from tests.api.conftest import Api


def test_a_step_on_a_day_is_stored_with_day_precision(sqlite_api: Api) -> None:
    case = Case.open(sqlite_api.client, sqlite_api.token())
    r = sqlite_api.client.post(f"/api/pathways/{case.id}/steps", headers=case.headers, json={
        "step": "early_intervention", "occurred_at": "2026-01-20",
        "intervention_id": str(uuid4()), "kind": "warning_letter"})
    assert r.status_code == 201, r.json()
    assert r.json()["occurred_at"].startswith("2026-01-20T00:00:00")
    r = sqlite_api.client.post(f"/api/pathways/{case.id}/steps", headers=case.headers, json={
        "step": "early_intervention", "occurred_at": "2026-01",
        "intervention_id": str(uuid4()), "kind": "home_visit"})
    assert r.status_code == 201, r.json()
    chronology = sqlite_api.client.get(f"/api/pathways/{case.id}/chronology?format=json",
                                       headers=case.headers)
    assert chronology.status_code == 200
    dates = [(r["date"], r["time_from"]) for r in chronology.json()["rows"]]
    assert ("20 January 2026", "") in dates and ("January 2026", "") in dates


def test_a_time_without_offset_is_422_naming_the_field_and_formats(sqlite_api: Api) -> None:
    case = Case.open(sqlite_api.client, sqlite_api.token())
    r = sqlite_api.client.post(f"/api/pathways/{case.id}/steps", headers=case.headers, json={
        "step": "early_intervention", "occurred_at": "2026-01-20T10:00:00",
        "intervention_id": str(uuid4()), "kind": "warning_letter"})
    assert r.status_code == 422
    (problem,) = r.json()["problems"]
    assert problem["field"] == "occurred_at"
    assert "timezone" in problem["rule"] and "a month (2026-10)" in problem["rule"]


def test_query_filters_take_a_day(sqlite_api: Api) -> None:
    case = Case.open(sqlite_api.client, sqlite_api.token())
    case.prepared(london(2026, 1, 6)).cpw(london(2026, 1, 10), london(2026, 1, 24))
    h = case.headers
    before = sqlite_api.client.get("/api/deadlines?due_before=2026-01-25", headers=h)
    assert before.status_code == 200, before.json()
    assert before.json()["total"] >= 1
    assert sqlite_api.client.get("/api/deadlines?due_before=2026-01-24",
                                 headers=h).json()["total"] == 0
    assert sqlite_api.client.get("/api/deadlines?due_before=2026-02",
                                 headers=h).json()["total"] >= 1
    bad = sqlite_api.client.get("/api/deadlines?due_before=2026-01-24T10:00", headers=h)
    assert bad.status_code == 422 and bad.json()["problems"][0]["field"] == "due_before"
