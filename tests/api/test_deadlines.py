"""/api/deadlines: statutory deadlines across cases, due and overdue."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import uuid4

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


def _penalty_after_breach(api: Api, dean: Case) -> tuple[str, str]:
    """A warning, conduct after it, a notice, a breach on 2 March 2026 and an FPN on 4 March."""
    warning = dean.cpw(london(2026, 1, 10), comply_by=london(2026, 1, 24))
    api.clock.set(london(2026, 2, 1))
    dean.link_incident(london(2026, 1, 30), london(2026, 1, 30))
    notice, penalty = str(uuid4()), str(uuid4())
    api.clock.set(london(2026, 3, 5))
    dean.do("cpn_issued", london(2026, 2, 1), instrument_id=notice, warning_id=warning,
            conduct="Intimidation of residents", requirements=["Do not enter Alder House"],
            requirement_kinds=["stop"], appeal_information_given=True,
            informed_bodies=["Hearthstone Housing"])
    dean.do("breach_recorded", london(2026, 3, 2), instrument_id=notice,
            description="In Alder House shouting", requirement_number=1)
    dean.do("fpn_issued", london(2026, 3, 4), instrument_id=penalty, notice_id=notice,
            amount="100.00")
    return notice, penalty


def test_an_unpaid_penalty_lapses_and_the_prosecution_decision_falls_due(api: Api) -> None:
    token = api.token()
    dean = Case.open(api.client, token).prepared(london(2026, 1, 6))
    _, penalty = _penalty_after_breach(api, dean)

    api.clock.set(london(2026, 3, 20))
    status = {i["kind"]: i["status"] for i in dean.get()["instruments"]}
    assert status == {"cpw": "escalated", "cpn": "breached", "fpn": "lapsed"}
    (decide,) = [d for d in _deadlines(api, token) if d["code"] == "fpn_prosecution_decision"]
    assert decide["instrument_id"] == penalty
    assert decide["legal_basis"] == "Magistrates' Courts Act 1980 s.127(1); ASBCPA2014 s.48"
    # Six months from the breach of 2 March 2026: to the end of 2 September 2026.
    assert datetime.fromisoformat(decide["due_at"]) == london(2026, 9, 3, 0)
    assert decide["status"] == "running" and decide["duty"] == "agency"

    api.clock.set(london(2026, 9, 3, 9))
    assert [d["code"] for d in _deadlines(api, token, overdue="true")] == [
        "fpn_prosecution_decision"]


def test_a_warning_complied_with_shows_so_once_its_time_has_passed(api: Api) -> None:
    token = api.token()
    dean = Case.open(api.client, token).prepared(london(2026, 1, 6))
    dean.cpw(london(2026, 1, 10), comply_by=london(2026, 1, 24))
    api.clock.set(london(2026, 1, 20))
    assert [i["status"] for i in dean.get()["instruments"]] == ["issued"]
    api.clock.set(london(2026, 2, 1))
    assert [i["status"] for i in dean.get()["instruments"]] == ["complied"]
    dean.link_incident(london(2026, 1, 30), london(2026, 1, 30))
    assert [i["status"] for i in dean.get()["instruments"]] == ["not_complied"]


def test_an_arrest_without_the_applicant_told_is_listed_until_they_are(api: Api) -> None:
    token = api.token()
    dean = Case.open(api.client, token).prepared(london(2026, 1, 6))
    injunction = dean.injunction_with_power_of_arrest(london(2026, 1, 7), london(2026, 1, 8))
    api.clock.set(london(2026, 6, 10, 21))
    arrest = str(uuid4())
    dean.do("arrested", london(2026, 6, 10, 20), instrument_id=arrest, power="power_of_arrest",
            injunction_id=injunction)
    api.clock.set(london(2026, 6, 11, 21))
    overdue = {d["code"] for d in _deadlines(api, token, overdue="true")}
    assert overdue == {"arrest_before_judge", "arrest_inform_applicant"}
    dean.do("arrest_applicant_informed", london(2026, 6, 11, 20, 30), instrument_id=arrest,
            applicant="Hearthstone Housing")
    assert {d["code"] for d in _deadlines(api, token, overdue="true")} == {"arrest_before_judge"}
