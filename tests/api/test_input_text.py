"""Input that would break a later step is refused through HTTP with a 422 naming the field,
and nothing is stored."""

from __future__ import annotations

from typing import Any

from tests.api.cases import Case, iso, london
from tests.api.conftest import Api


def test_a_name_with_control_characters_is_422_and_nothing_is_stored(sqlite_api: Api) -> None:
    api = sqlite_api
    headers = {"Authorization": f"Bearer {api.token()}"}
    r = api.client.post("/api/pathways", headers=headers, json={
        "occurred_at": iso(london(2026, 1, 5)), "subject": {"name": "Dean\x1b\x07\x08Harrow"}})
    assert r.status_code == 422
    (problem,) = r.json()["problems"]
    assert problem["field"] == "subject.name" and "U+001B" in problem["rule"]
    assert api.client.get("/api/pathways", headers=headers).json()["total"] == 0


def test_a_bidi_override_in_a_step_is_422(sqlite_api: Api) -> None:
    case = Case.open(sqlite_api.client, sqlite_api.token())
    r = case.post("early_intervention", london(2026, 1, 6), intervention_id=None,
                  kind="warning_letter", outcome="agreed \u202eon 0001")
    assert r.status_code == 422
    assert r.json()["problems"][0]["field"] == "outcome"
    assert case.get()["version"] == 1


def test_a_body_nested_950_deep_is_422_not_a_server_error(sqlite_api: Api) -> None:
    case = Case.open(sqlite_api.client, sqlite_api.token())
    deep: Any = "x"
    for _ in range(950):
        deep = [deep]
    r = case.post("early_intervention", london(2026, 1, 6), kind="warning_letter",
                  rationale=deep)
    assert r.status_code == 422
    assert "nested deeper than 32 levels" in r.json()["problems"][0]["rule"]
    assert case.get()["version"] == 1
