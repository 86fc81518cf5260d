"""Pathways through HTTP: open, read your own write, search, record, refuse, conflict."""

from __future__ import annotations

import threading
from uuid import uuid4

import pytest

from adapters.driven.readmodels import queries
from domain.model import Pathway
from domain.when import ACCEPTED
from tests.api.cases import Case, iso, london
from tests.api.conftest import Api


def test_health_needs_no_token(api: Api) -> None:
    r = api.client.get("/api/health")
    assert (r.status_code, r.json()) == (200, {"status": "ok"})


@pytest.mark.parametrize("method,path", [
    ("GET", "/api/pathways"), ("POST", "/api/pathways"), ("GET", f"/api/pathways/{uuid4()}"),
    ("POST", f"/api/pathways/{uuid4()}/steps"), ("GET", "/api/places"),
    ("POST", "/api/places"), ("GET", "/api/incidents"), ("POST", "/api/incidents"),
    ("GET", "/api/deadlines"), ("GET", "/api/verify"),
])
def test_every_other_endpoint_needs_a_valid_bearer_token(api: Api, method: str, path: str) -> None:
    missing = api.client.request(method, path, json={})
    wrong = api.client.request(method, path, json={}, headers=api.as_("not-a-token"))
    basic = api.client.request(method, path, json={}, headers={"Authorization": "Basic eDp5"})
    for r in (missing, wrong, basic):
        assert r.status_code == 401
        assert r.json()["error"] == "unauthorised"
        assert r.headers["www-authenticate"].startswith("Bearer")


def test_a_client_reads_its_own_writes(api: Api) -> None:
    case = Case.open(api.client, api.token())
    detail = case.get()
    assert detail["subject"]["name"] == "Dean Harrow"
    assert detail["version"] == 1
    listed = api.client.get("/api/pathways", headers=case.headers).json()
    assert [p["id"] for p in listed["items"]] == [str(case.id)]
    case.prepared(london(2026, 1, 6))
    assert case.get()["version"] == 4
    assert len(case.get()["referrals"]) == 1


def test_pathways_are_searched_by_name_tag_and_status(api: Api) -> None:
    token = api.token()
    dean = Case.open(api.client, token)
    kyle = Case.open(api.client, token, name="Kyle Benton", dob="2009-10-01")
    kyle.do("pathway_closed", london(2026, 2, 1), outcome="resolved")
    h = api.as_(token)

    def ids(query: str) -> list[str]:
        r = api.client.get(f"/api/pathways?{query}", headers=h)
        assert r.status_code == 200, r.json()
        return sorted(p["id"] for p in r.json()["items"])

    assert ids("q=harrow") == [str(dean.id)]
    assert ids("q=KYLE%20benton") == [str(kyle.id)]
    assert ids("status=closed") == [str(kyle.id)]
    assert ids("status=open") == [str(dean.id)]
    assert ids("tag=drugs") == sorted([str(dean.id), str(kyle.id)])
    assert ids("q=100%25") == []  # LIKE wildcards are escaped


def test_a_refused_step_is_409_with_every_reason_and_nothing_is_recorded(api: Api) -> None:
    case = Case.open(api.client, api.token()).prepared(london(2026, 1, 6))
    warning = case.cpw(london(2026, 1, 10), comply_by=london(2026, 1, 24))
    r = case.post("cpn_issued", london(2026, 1, 20), instrument_id=str(uuid4()),
                  warning_id=warning, conduct="Intimidation of residents",
                  requirements=["Do not enter Alder House"])
    assert r.status_code == 409
    body = r.json()
    assert body["error"] == "step_refused" and body["step"] == "cpn_issued"
    codes = {reason["code"] for reason in body["reasons"]}
    assert {"cpn_before_warning_deadline", "cpn_requires_continuing_conduct"} <= codes
    for reason in body["reasons"]:
        assert set(reason) >= {"code", "kind", "legal_basis", "message", "remedy"}
        assert reason["kind"] in ("hard", "soft") and reason["message"] and reason["remedy"]
    early = next(x for x in body["reasons"] if x["code"] == "cpn_before_warning_deadline")
    assert early["legal_basis"].startswith("ASBCPA2014 s.43")
    assert "24 Jan 2026" in early["remedy"] + early["message"]
    assert case.get()["version"] == 5


def test_request_validation_is_422_naming_each_field_and_rule(api: Api) -> None:
    case = Case.open(api.client, api.token())
    r = case.post("cpw_issued", london(2026, 1, 10), instrument_id=str(uuid4()),
                  conduct="x", requirements=["y"], comply_by=iso(london(2026, 1, 9)))
    assert r.status_code == 422
    assert r.json() == {"error": "invalid", "problems": [
        {"field": "comply_by", "rule": "must be after occurred_at"}]}

    r = api.client.post(f"/api/pathways/{case.id}/steps", headers=case.headers, json={
        "step": "fpn_issued", "occurred_at": "2026-01-10T12:00:00", "instrument_id": "nope",
        "notice_id": str(uuid4()), "amount": -5})
    fields = {p["field"]: p["rule"] for p in r.json()["problems"]}
    assert r.status_code == 422
    assert set(fields) == {"occurred_at", "instrument_id", "amount"}
    assert "timezone" in fields["occurred_at"]
    assert "greater than 0" in fields["amount"]

    r = api.client.post(f"/api/pathways/{case.id}/steps", headers=case.headers,
                        json={"step": "teleported", "occurred_at": "2026-01-10T12:00:00Z"})
    assert r.json()["problems"][0]["field"] == "step"
    assert "unknown step 'teleported'" in r.json()["problems"][0]["rule"]

    r = api.client.post(f"/api/pathways/{case.id}/steps", headers=case.headers,
                        content=b'{"step": ', )
    assert r.status_code == 422 and r.json()["problems"][0]["field"] == "body"

    early = {"step": "early_intervention", "intervention_id": str(uuid4()),
             "kind": "warning_letter"}
    r = api.client.post(f"/api/pathways/{case.id}/steps", headers=case.headers,
                        json={**early, "occurred_at": "0001-01-01T00:00:00+14:00"})
    assert r.json()["problems"] == [
        {"field": "occurred_at", "rule": "must be between the years 1900 and 2200"}]
    r = api.client.post(f"/api/pathways/{case.id}/steps", headers=case.headers,
                        json={**early, "occurred_at": "2026-01-05T12:00:00Z", "outcome": "a\u0000"})
    assert r.json()["problems"] == [
        {"field": "outcome", "rule": "must not contain NUL or unpaired surrogate characters"}]
    assert case.get()["version"] == 1


def test_domain_validation_is_422_in_the_same_shape(api: Api) -> None:
    case = Case.open(api.client, api.token())
    r = case.post("cpn_issued", london(2026, 2, 1), instrument_id=str(uuid4()),
                  warning_id=str(uuid4()), conduct="x", requirements=["y"])
    assert r.status_code == 422
    (problem,) = r.json()["problems"]
    assert problem["field"] == "warning_id"
    assert "no Community Protection Warning" in problem["rule"]
    r = case.post("place_registered", london(2026, 2, 1), name="x", kind="premises")
    assert r.status_code == 422 and r.json()["problems"][0]["field"] == "step"


def test_a_forged_actor_is_refused_and_the_token_user_is_recorded(api: Api) -> None:
    token = api.token(role="officer", agency="Marlshire Police", rank="constable", name="PC Real")
    user = api.users.authenticate(token)
    assert user is not None
    case = Case.open(api.client, token)
    forged = {"actor": "insp.someone", "agency": "Other Force", "role": "supervisor",
              "rank": "superintendent"}
    r = case.post("early_intervention", london(2026, 1, 6), intervention_id=str(uuid4()),
                  kind="warning_letter", **forged)
    assert r.status_code == 422
    assert {p["field"] for p in r.json()["problems"]} == set(forged)
    assert all("bearer token" in p["rule"] for p in r.json()["problems"])

    recorded = case.do("early_intervention", london(2026, 1, 6),
                       intervention_id=str(uuid4()), kind="warning_letter")
    assert (recorded["actor"], recorded["agency"], recorded["role"], recorded["rank"]) == (
        user.id, "Marlshire Police", "officer", "constable")
    stored = api.application.history(case.id)
    assert [(e.actor, e.agency, e.role) for e in stored] == [(user.id, user.agency, "officer")] * 2


def test_a_stale_expected_version_is_a_version_conflict(api: Api) -> None:
    case = Case.open(api.client, api.token())
    ok = case.post("early_intervention", london(2026, 1, 6), intervention_id=str(uuid4()),
                   kind="home_visit", expected_version=1)
    assert ok.status_code == 201 and ok.json()["version"] == 2
    stale = case.post("early_intervention", london(2026, 1, 7), intervention_id=str(uuid4()),
                      kind="home_visit", expected_version=1)
    assert stale.status_code == 409
    assert stale.json()["error"] == "version_conflict"
    assert case.get()["version"] == 2


def test_of_writers_racing_on_one_version_exactly_one_wins(api: Api) -> None:
    case = Case.open(api.client, api.token())
    results: list[int] = []
    barrier = threading.Barrier(8)

    def write() -> None:
        barrier.wait()
        r = case.post("early_intervention", london(2026, 1, 6), intervention_id=str(uuid4()),
                      kind="home_visit", expected_version=1)
        results.append(r.status_code)
        assert r.status_code == 201 or r.json()["error"] == "version_conflict"

    threads = [threading.Thread(target=write) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [201] + [409] * 7
    assert case.get()["version"] == 2


def test_only_a_supervisor_may_authorise_an_override(api: Api) -> None:
    officer, supervisor = api.token(), api.token(role="supervisor", rank="inspector")
    case = Case.open(api.client, officer)
    override = {"override_id": str(uuid4()), "for_step": "injunction_applied",
                "guard_code": "support_not_offered",
                "reason": "Immediate risk of violence to a resident; support refused"}
    r = case.post("override_authorised", london(2026, 1, 6), **override)
    assert r.status_code == 409  # the domain's own guard: the API does not duplicate it
    assert [x["code"] for x in r.json()["reasons"]] == ["override_requires_supervisor"]

    r = case.post("override_authorised", london(2026, 1, 6), token=supervisor, **override)
    assert r.status_code == 201
    case.do("proportionality_assessed", london(2026, 1, 6), assessment_id=str(uuid4()),
            conclusion="Necessary")
    applied = case.do("injunction_applied", london(2026, 1, 7), instrument_id=str(uuid4()),
                      terms=["Not to enter Orchard Walk"], lesser_measures_reason="Violence")
    assert applied["overrides_used"] == [override["override_id"]]
    assert case.get()["overrides"][0]["used_by_version"] == applied["version"]


def test_roles_limit_what_a_user_may_record(api: Api) -> None:
    case = Case.open(api.client, api.token())
    analyst, admin = api.token(role="analyst", rank=None), api.token(role="admin", rank=None)
    r = case.post("cpw_issued", london(2026, 1, 6), token=analyst, instrument_id=str(uuid4()),
                  conduct="x", requirements=["y"], comply_by=iso(london(2026, 1, 20)))
    assert (r.status_code, r.json()["error"]) == (403, "forbidden")
    r = api.client.post("/api/pathways", headers=api.as_(admin), json={
        "occurred_at": "2026-01-05T12:00:00Z", "subject": {"name": "X"}})
    assert r.status_code == 403
    # Analysts see pseudonymised lists, not case records; admins no case data at all.
    assert api.client.get(f"/api/pathways/{case.id}", headers=api.as_(analyst)).status_code == 403
    listed = api.client.get("/api/pathways", headers=api.as_(analyst)).json()["items"]
    assert [i["id"] for i in listed] == [str(case.id)]
    assert api.client.get("/api/pathways", headers=api.as_(admin)).status_code == 403


def test_unknown_ids_are_404(api: Api) -> None:
    token = api.token()
    h = api.as_(token)
    nobody = uuid4()
    assert api.client.get(f"/api/pathways/{nobody}", headers=h).status_code == 404
    r = api.client.post(f"/api/pathways/{nobody}/steps", headers=h, json={
        "step": "early_intervention", "occurred_at": "2026-01-05T12:00:00Z",
        "intervention_id": str(uuid4()), "kind": "home_visit"})
    assert (r.status_code, r.json()["error"]) == (404, "not_found")
    place = api.client.post("/api/places", headers=h, json={
        "occurred_at": "2026-01-05T12:00:00Z", "name": "Orchard Walk green",
        "kind": "public_space"}).json()["id"]
    assert api.client.get(f"/api/pathways/{place}", headers=h).status_code == 404
    assert api.client.get("/api/pathways/not-a-uuid", headers=h).status_code == 422


def test_a_taken_id_is_a_conflict_not_an_overwrite(api: Api) -> None:
    h = api.as_(api.token())
    chosen = str(uuid4())
    body = {"id": chosen, "occurred_at": "2026-01-05T12:00:00Z", "subject": {"name": "A"}}
    assert api.client.post("/api/pathways", headers=h, json=body).status_code == 201
    again = api.client.post("/api/pathways", headers=h, json={**body, "subject": {"name": "B"}})
    assert (again.status_code, again.json()["error"]) == (409, "version_conflict")


def test_the_detail_has_every_next_step_and_the_escalation_level(api: Api) -> None:
    case = Case.open(api.client, api.token()).prepared(london(2026, 1, 6))
    case.cpw(london(2026, 1, 10), comply_by=london(2026, 1, 24))
    api.clock.set(london(2026, 1, 20))
    detail = case.get()
    assert detail["escalation_level"] == "cpw"
    steps = {s["step"]: s for s in detail["next_steps"]}
    assert set(steps) == set(Pathway.STEPS)
    cpn = steps["cpn_issued"]
    assert not cpn["allowed"] and cpn["targets"] == []
    assert "cpn_before_warning_deadline" in [r["code"] for r in cpn["reasons"]]
    assert steps["early_intervention"]["allowed"] and steps["early_intervention"]["reasons"] == []
    (deadline,) = detail["deadlines"]
    assert (deadline["code"], deadline["status"]) == ("cpw_compliance", "running")
    assert [i["kind"] for i in detail["instruments"]] == ["cpw"]
    assert [a["summary"] for a in detail["assessments"]] == ["Necessary and proportionate"]
    assert [i["about_step"] for i in detail["interventions"]] == ["warning_letter"]


def test_the_listed_escalation_level_agrees_with_the_domain(api: Api) -> None:
    case = Case.open(api.client, api.token()).prepared(london(2026, 1, 6))
    injunction = case.injunction_with_power_of_arrest(london(2026, 1, 7), london(2026, 1, 8),
                                                      expires_on="2026-03-01")
    case.arrest(london(2026, 2, 7, 20), injunction)
    for now in (london(2026, 1, 7, 13), london(2026, 2, 1), london(2026, 2, 8),
                london(2026, 4, 1)):
        api.clock.set(now)
        domain_level = api.application.pathway(case.id).escalation_level(now)
        listed = api.client.get("/api/pathways", headers=case.headers).json()["items"][0]
        assert listed["escalation_level"] == case.get()["escalation_level"] == domain_level
    with api.store.read() as conn:
        _, rows = queries.list_pathways(conn, queries.EVERYONE, london(2026, 2, 1))
    assert rows[0]["escalation_level"] == "arrest"



def test_malformed_requests_are_4xx_in_the_usual_shapes(api: Api) -> None:
    h = {**api.as_(api.token()), "Content-Type": "application/json"}
    r = api.client.post("/api/pathways", headers=h, content=b'{"subject": "\xff"}')
    assert (r.status_code, r.json()["problems"][0]["field"]) == (422, "body")
    r = api.client.post("/api/pathways", headers=h, json={
        "occurred_at": 0, "subject": {"name": "Dean Harrow"}})
    assert r.json()["problems"] == [{"field": "occurred_at",
                                     "rule": "must be an ISO 8601 string; " + ACCEPTED}]
    r = api.client.request("DELETE", "/api/pathways", headers=h)
    assert r.status_code == 405 and r.headers["allow"] == "GET, POST"
    lone_surrogate = b'{"occurred_at": "2026-01-05T12:00:00Z", "subject": {"name": "\\ud800"}}'
    r = api.client.post("/api/pathways", headers=h, content=lone_surrogate)
    assert r.status_code == 422 and r.json()["problems"][0]["field"] == "subject.name"
