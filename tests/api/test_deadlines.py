"""/api/deadlines: statutory deadlines across cases, due and overdue."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tests.api.cases import Case, iso, london
from tests.api.conftest import Api


def _deadlines(api: Api, token: str, **query: Any) -> list[dict[str, Any]]:
    r = api.client.get("/api/deadlines", params=query, headers=api.as_(token))
    assert r.status_code == 200, r.json()
    return r.json()["items"]  # type: ignore[no-any-return]


def test_an_arrest_deadline_is_listed_then_flagged_overdue_once_passed(api: Api) -> None:
    token = api.token()
    dean = Case.open(api.client, token).prepared(london(2026, 1, 6))
    injunction = dean.injunction_with_power_of_arrest(london(2026, 1, 7), london(2026, 1, 8))
    # Saturday 13 June 2026, 20:00: before a judge within 24 hours, Sunday not counted.
    api.clock.set(london(2026, 6, 13, 20, 10))
    arrest = dean.arrest(london(2026, 6, 13, 20), injunction)

    api.clock.set(london(2026, 6, 14, 9))
    (listed,) = [d for d in _deadlines(api, token) if d["code"] == "arrest_before_judge"]
    assert listed["instrument_id"] == arrest and listed["stream_name"] == "Dean Harrow"
    assert datetime.fromisoformat(listed["due_at"]) == london(2026, 6, 15, 20)
    assert listed["status"] == "running" and listed["duty"] == "agency"
    assert _deadlines(api, token, overdue="true") == []

    api.clock.set(london(2026, 6, 15, 20, 1))
    (overdue,) = _deadlines(api, token, overdue="true")
    assert (overdue["code"], overdue["status"]) == ("arrest_before_judge", "overdue")
    assert all(d["code"] != "arrest_before_judge" for d in _deadlines(api, token, overdue="false"))

    api.clock.set(london(2026, 6, 15, 21, 5))
    dean.do("court_appearance", london(2026, 6, 15, 21), instrument_id=arrest,
            court="Elmsford County Court")
    assert _deadlines(api, token, overdue="true") == []
    (met,) = [d for d in _deadlines(api, token, include_met="true")
              if d["code"] == "arrest_before_judge"]
    assert met["status"] == "met_late"


def test_deadlines_are_filtered_by_due_date_and_agency(api: Api) -> None:
    police, council = api.token(), api.token(agency="Elmsford District Council",
                                             rank="council_officer")
    dean = Case.open(api.client, police).prepared(london(2026, 1, 6))
    dean.cpw(london(2026, 1, 10), comply_by=london(2026, 1, 24))
    kyle = Case.open(api.client, council, name="Kyle Benton", dob="2009-10-01")
    kyle.prepared(london(2026, 1, 6))
    kyle.cpw(london(2026, 2, 10), comply_by=london(2026, 3, 10))
    api.clock.set(london(2026, 1, 11))
    assert [d["stream_name"] for d in _deadlines(api, police)] == ["Dean Harrow"]  # not shared
    kyle.share("Marlshire Police", london(2026, 1, 11))

    every = _deadlines(api, police)
    assert [d["stream_name"] for d in every] == ["Dean Harrow", "Kyle Benton"]  # soonest first
    assert [d["stream_name"] for d in _deadlines(api, police, due_before=iso(
        london(2026, 2, 1)))] == ["Dean Harrow"]
    assert [d["stream_name"] for d in _deadlines(
        api, police, agency="Elmsford District Council")] == ["Kyle Benton"]
    r = api.client.get("/api/deadlines?due_before=2026-01-01T00:00:00",
                       headers=api.as_(police))
    assert r.status_code == 422 and r.json()["problems"][0]["field"] == "due_before"
