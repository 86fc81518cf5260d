"""Places (the closure track, outcomes) and incidents through HTTP."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from tests.api.cases import iso, london
from tests.api.conftest import Api


def _place(api: Api, token: str) -> str:
    r = api.client.post("/api/places", headers=api.as_(token), json={
        "occurred_at": iso(london(2025, 7, 1)), "name": "Orchard Walk green",
        "kind": "public_space", "address": "Orchard Walk, Elmsford",
        "description": "Open space beside Alder House"})
    assert r.status_code == 201, r.json()
    assert r.headers["location"] == f"/api/places/{r.json()['id']}"
    return r.json()["id"]  # type: ignore[no-any-return]


def _step(api: Api, token: str, place: str, step: str, **fields: Any) -> Any:
    return api.client.post(f"/api/places/{place}/steps", headers=api.as_(token),
                           json={"step": step, **fields})


def test_the_closure_track_through_http(api: Api) -> None:
    constable, inspector = api.token(), api.token(role="supervisor", rank="inspector")
    place = _place(api, constable)
    notice = str(uuid4())
    issue = {"occurred_at": iso(london(2025, 10, 21, 10)), "instrument_id": notice,
             "duration_hours": 24, "premises": "Garage lane", "lesser_measures_reason": "Urgent"}
    r = _step(api, constable, place, "closure_notice_issued", authorised_by_rank="constable",
              **issue)
    assert r.status_code == 409
    codes = [x["code"] for x in r.json()["reasons"]]
    assert "closure_notice_authorisation" in codes

    _step(api, inspector, place, "proportionality_assessed", assessment_id=str(uuid4()),
          occurred_at=iso(london(2025, 10, 20)), conclusion="Proportionate")
    _step(api, inspector, place, "support_referral_made", referral_id=str(uuid4()),
          occurred_at=iso(london(2025, 10, 20)), service="Outreach", need="homelessness")
    r = _step(api, inspector, place, "closure_notice_issued", authorised_by_rank="inspector",
              **issue)
    assert r.status_code == 201, r.json()

    api.clock.set(london(2025, 10, 22))
    detail = api.client.get(f"/api/places/{place}", headers=api.as_(constable)).json()
    assert [(i["kind"], i["state"]) for i in detail["instruments"]] == [
        ("closure_notice", "issued")]
    assert {d["code"] for d in detail["deadlines"]} == {"closure_hearing",
                                                        "closure_notice_expiry"}
    steps = {s["step"]: s for s in detail["next_steps"]}
    assert steps["closure_order_applied"]["allowed"]
    assert steps["closure_order_applied"]["targets"] == [notice]
    assert "cpw_issued" not in steps  # a place has its own steps

    r = _step(api, constable, place, "cpw_issued", occurred_at=iso(london(2025, 10, 22)))
    assert r.status_code == 422 and r.json()["problems"][0]["field"] == "step"


def test_objectives_and_outcome_reviews(api: Api) -> None:
    token, analyst = api.token(), api.token(role="analyst", rank=None)
    place = _place(api, token)
    objective = str(uuid4())
    r = _step(api, analyst, place, "objective_set", occurred_at=iso(london(2025, 10, 1)),
              objective_id=objective, description="Reduce reported ASB by 75%",
              target_reduction_percent=75, baseline_from="2025-07-01",
              baseline_to="2025-09-30")
    assert r.status_code == 201, r.json()
    r = api.client.post(f"/api/places/{place}/outcomes", headers=api.as_(analyst), json={
        "occurred_at": iso(london(2026, 1, 8)), "objective_id": objective, "months": 3,
        "incidents_before": 40, "incidents_after": 8})
    assert r.status_code == 201, r.json()
    assert r.json()["step"] == "outcome_review_held"
    outcomes = api.client.get(f"/api/places/{place}/outcomes", headers=api.as_(token)).json()
    assert [o["step"] for o in outcomes] == ["objective_set", "outcome_review_held"]
    assert outcomes[1]["details"]["incidents_after"] == 8
    r = _step(api, analyst, place, "objective_set", occurred_at=iso(london(2025, 10, 1)),
              objective_id=objective, description="x", target_reduction_percent=75,
              baseline_from="2025-09-30", baseline_to="2025-07-01")
    assert r.json()["problems"] == [{"field": "baseline_to",
                                     "rule": "must not be before baseline_from"}]


def test_incidents_are_reported_listed_and_read(api: Api) -> None:
    token = api.token()
    h = api.as_(token)
    place = _place(api, token)
    pathway = api.client.post("/api/pathways", headers=h, json={
        "occurred_at": iso(london(2025, 10, 1)), "subject": {"name": "Dean Harrow"}}).json()["id"]
    r = api.client.post("/api/incidents", headers=h, json={
        "occurred_at": iso(london(2025, 10, 30, 22, 15)), "precision": "approximate",
        "category": "Drug dealing", "location": "Alder House", "description": "Seen on CCTV",
        "reference": "CAD 251030-0142", "place_id": place, "subject_pathway_ids": [pathway]})
    assert r.status_code == 201, r.json()
    incident = r.json()["id"]
    api.client.post("/api/incidents", headers=h, json={
        "occurred_at": iso(london(2025, 11, 2)), "category": "Littering", "location": "Lane",
        "description": "Bottles"})

    read = api.client.get(f"/api/incidents/{incident}", headers=h).json()
    assert (read["reference"], read["precision"], read["place_id"]) == (
        "CAD 251030-0142", "approximate", place)
    assert read["subject_pathway_ids"] == [pathway]
    at_place = api.client.get(f"/api/incidents?place_id={place}", headers=h).json()
    assert [i["id"] for i in at_place["items"]] == [incident]
    about = api.client.get(f"/api/incidents?pathway_id={pathway}", headers=h).json()
    assert about["total"] == 1
    since = api.client.get("/api/incidents", headers=h,
                           params={"since": iso(london(2025, 11, 1))}).json()
    assert [i["category"] for i in since["items"]] == ["Littering"]
    assert api.client.get(f"/api/incidents/{uuid4()}", headers=h).status_code == 404
    r = api.client.post(f"/api/pathways/{incident}/steps", headers=h, json={
        "step": "early_intervention", "occurred_at": iso(london(2025, 11, 3)),
        "intervention_id": str(uuid4()), "kind": "home_visit"})
    assert r.status_code == 404
