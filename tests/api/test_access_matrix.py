"""Every case endpoint x every role x every relation of the caller's agency to the case.

A police officer opens a child's pathway, a place and an incident, and shares the pathway
and the place with the council (Crime and Disorder Act 1998 s.115). Users of each role from
the police (own), the council (shared) and a housing provider (not shared) then call every
endpoint. The expected answer is written out here, apart from service/permissions.py, so a
change to the policy shows up as a failing cell. A leak is any answer that lets a user learn
of a case out of their reach: a 2xx or 403 where 404 is due, or the case's id or the child's
name in a list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import uuid4

import pytest

from tests.api.cases import Case, iso, london
from tests.api.conftest import Api

POLICE, COUNCIL, HOUSING = ("Marlshire Police", "Elmsford District Council",
                            "Hearthstone Housing Association")
RELATION = {POLICE: "own", COUNCIL: "shared", HOUSING: "not shared"}
ROLES = ("officer", "supervisor", "legal", "support", "analyst", "admin")
RANKS = {"officer": "constable", "supervisor": "inspector"}
CHILD = "Kyle Benton"

#: Roles that read a case record, list cases, export, record evidence.
READS = {"officer", "supervisor", "legal", "support"}
LISTS = READS | {"analyst"}
EXPORTS = {"officer", "supervisor", "legal"}
EVIDENCE = {"officer", "supervisor", "legal", "support", "analyst"}


@dataclass
class World:
    api: Api
    pathway: str
    place: str
    incident: str
    export: bytes = b""


@pytest.fixture
def world(api: Api) -> World:
    """On SQLite and on PostgreSQL: the filters are SQL over the read models."""
    opener = api.token(agency=POLICE)
    case = Case.open(api.client, opener, name=CHILD, dob="2008-09-01")
    case.prepared(london(2026, 1, 6))
    case.cpw(london(2026, 1, 10), comply_by=london(2026, 3, 20))  # a deadline to list
    case.share(COUNCIL, london(2026, 1, 10))
    place = api.client.post("/api/places", headers=api.as_(opener), json={
        "occurred_at": iso(london(2026, 1, 5)), "name": "Alder House stairwell",
        "kind": "premises", "address": "Alder House, Elmsford"}).json()["id"]
    r = api.client.post(f"/api/places/{place}/steps", headers=api.as_(opener), json={
        "step": "sharing_agreed", "occurred_at": iso(london(2026, 1, 10)),
        "partner_agency": COUNCIL, "purpose": "Joint problem-solving at Alder House",
        "gateway": "cda1998_s17", "agreed_by": "Insp. R. Patel", "until": "2026-12-31"})
    assert r.status_code == 201, r.json()
    incident = api.client.post("/api/incidents", headers=api.as_(opener), json={
        "occurred_at": iso(london(2026, 1, 4)), "category": "Intimidation",
        "location": "Alder House", "description": f"{CHILD} shouting at residents",
        "subject_pathway_ids": [str(case.id)]}).json()["id"]
    export = api.client.get(f"/api/pathways/{case.id}/chronology", headers=api.as_(opener))
    assert export.status_code == 200
    return World(api, str(case.id), place, incident, export.content)


def _case(role: str, relation: str, allowed: set[str], ok: int = 200) -> int:
    """Case endpoints: the role is checked first (403), then reach (404)."""
    if role not in allowed:
        return 403
    return ok if relation in ("own", "shared") else 404


def _record(role: str, relation: str) -> int:
    return _case(role, relation, EVIDENCE, 201)


def _override(role: str, relation: str) -> int:
    if role not in {"officer", "supervisor"}:
        return 403
    if relation == "not shared":
        return 404
    if relation == "shared":
        return 403  # overrides stay within the agency that opened the case
    return 201 if role == "supervisor" else 409  # the domain's guard: supervisors only


def _share(role: str, relation: str) -> int:
    if role not in {"officer", "supervisor"}:
        return 403
    return {"own": 201, "shared": 403, "not shared": 404}[relation]


def _incident(role: str, relation: str) -> int:
    if role not in READS:
        return 403
    return 200 if relation == "own" else 404  # incidents are not shared


def _list(role: str, relation: str) -> int:
    return 200 if role in LISTS else 403


Call = Callable[[World, dict[str, str]], Any]
Expect = Callable[[str, str], int]


def _evidence(path: str) -> Call:
    return lambda w, h: w.api.client.post(path.format(w=w), headers=h, json={
        "step": "evidence_attached", "occurred_at": iso(london(2026, 2, 1)), "note": "Photo"})


def _override_call(w: World, h: dict[str, str]) -> Any:
    return w.api.client.post(f"/api/pathways/{w.pathway}/steps", headers=h, json={
        "step": "override_authorised", "occurred_at": iso(london(2026, 2, 1)),
        "override_id": str(uuid4()), "for_step": "injunction_applied",
        "guard_code": "support_not_offered", "reason": "Immediate risk of violence to residents"})


def _share_call(w: World, h: dict[str, str]) -> Any:
    return w.api.client.post(f"/api/pathways/{w.pathway}/steps", headers=h, json={
        "step": "sharing_agreed", "occurred_at": iso(london(2026, 2, 1)),
        "partner_agency": f"Youth offending team {uuid4().hex[:6]}", "purpose": "Joint panel",
        "gateway": "cda1998_s115", "agreed_by": "Information asset owner"})


def _get(path: str, **params: str) -> Call:
    return lambda w, h: w.api.client.get(path.format(w=w), headers=h, params=params)


PURPOSE = {"purpose": "Injunction bundle for the county court"}
ENDPOINTS: dict[str, tuple[Call, Expect]] = {
    "GET /api/pathways/{id}": (_get("/api/pathways/{w.pathway}"),
                               lambda r, a: _case(r, a, READS)),
    "POST /api/pathways/{id}/steps evidence": (_evidence("/api/pathways/{w.pathway}/steps"),
                                               _record),
    "POST /api/pathways/{id}/steps override": (_override_call, _override),
    "POST /api/pathways/{id}/steps sharing": (_share_call, _share),
    "GET /api/pathways/{id}/chronology": (_get("/api/pathways/{w.pathway}/chronology", **PURPOSE),
                                          lambda r, a: _case(r, a, EXPORTS)),
    "GET /api/pathways/{id}/proportionality": (
        _get("/api/pathways/{w.pathway}/proportionality", **PURPOSE),
        lambda r, a: _case(r, a, EXPORTS)),
    "GET /api/pathways/{id}/contents": (_get("/api/pathways/{w.pathway}/contents", **PURPOSE),
                                        lambda r, a: _case(r, a, EXPORTS)),
    "POST /api/exports/verify": (
        lambda w, h: w.api.client.post("/api/exports/verify", headers=h, content=w.export),
        lambda r, a: _case(r, a, EXPORTS)),
    "GET /api/places/{id}": (_get("/api/places/{w.place}"), lambda r, a: _case(r, a, READS)),
    "GET /api/places/{id}/outcomes": (_get("/api/places/{w.place}/outcomes"),
                                      lambda r, a: _case(r, a, READS)),
    "POST /api/places/{id}/steps evidence": (_evidence("/api/places/{w.place}/steps"), _record),
    "GET /api/places/{id}/chronology": (_get("/api/places/{w.place}/chronology", **PURPOSE),
                                        lambda r, a: _case(r, a, EXPORTS)),
    "GET /api/incidents/{id}": (_get("/api/incidents/{w.incident}"), _incident),
    "GET /api/pathways": (_get("/api/pathways"), _list),
    "GET /api/pathways?q=": (_get("/api/pathways", q="kyle"), _list),
    "GET /api/places": (_get("/api/places"), _list),
    "GET /api/incidents": (_get("/api/incidents"), _list),
    "GET /api/deadlines": (_get("/api/deadlines"), _list),
}


def _leaks(w: World, role: str, relation: str, expected: int, r: Any) -> list[str]:
    """What the answer discloses of a case the user may not see (or, pseudonymised, a name)."""
    found = []
    if relation == "not shared" and expected == 404 and r.status_code != 404:
        found.append(f"{r.status_code} instead of 404")
    body = r.text if r.status_code == 200 else ""
    hidden = relation == "not shared" or role == "analyst"
    if hidden and CHILD in body:
        found.append("the child's name")
    if relation == "not shared" and any(i in body for i in (w.pathway, w.place)):
        found.append("the case's id in a list")
    if relation == "not shared" and '"total":0' not in body and body.startswith('{"total"'):
        found.append("a non-zero count")
    return found


def test_every_endpoint_role_and_agency_answers_as_the_matrix_says(world: World) -> None:
    api = world.api
    tokens = {(role, agency): api.token(role=role, agency=agency, rank=RANKS.get(role))
              for role in ROLES for agency in RELATION}
    wrong, leaks, checked = [], [], 0
    for name, (call, expect) in ENDPOINTS.items():
        for (role, agency), token in tokens.items():
            relation = RELATION[agency]
            r = call(world, api.as_(token))
            expected = expect(role, relation)
            checked += 1
            if r.status_code != expected:
                wrong.append(f"{name} as {role} ({relation}): {r.status_code}, "
                             f"expected {expected}: {r.text[:120]}")
            leaks += [f"{name} as {role} ({relation}): {x}"
                      for x in _leaks(world, role, relation, expected, r)]
    print(f"access matrix: {checked} endpoint x role x agency cells, {len(leaks)} leaks")
    assert checked == len(ENDPOINTS) * len(ROLES) * len(RELATION) == 324
    assert wrong == []
    assert leaks == []


def test_lists_show_own_and_shared_cases_and_pseudonymise_for_analysts(world: World) -> None:
    api = world.api
    for agency, seen in ((POLICE, True), (COUNCIL, True), (HOUSING, False)):
        token = api.token(agency=agency)
        page = api.client.get("/api/pathways", headers=api.as_(token)).json()
        assert ([i["id"] for i in page["items"]] == [world.pathway]) is seen, agency
        deadlines = api.client.get("/api/deadlines", headers=api.as_(token)).json()["items"]
        assert bool(deadlines) is seen and all(d["stream_id"] == world.pathway
                                               for d in deadlines)
    analyst = api.token(role="analyst", agency=POLICE, rank=None)
    (row,) = api.client.get("/api/pathways", headers=api.as_(analyst)).json()["items"]
    assert row["subject_name"] != CHILD and row["id"] == world.pathway
    # A pseudonymised view cannot find a case by name either (a count would disclose it).
    found = api.client.get("/api/pathways", params={"q": "kyle"}, headers=api.as_(analyst))
    assert found.json()["total"] == 0


def test_support_workers_see_the_support_track_and_minimal_identity(world: World) -> None:
    api = world.api
    support = api.token(role="support", agency=COUNCIL, rank=None)
    body = api.client.get(f"/api/pathways/{world.pathway}", headers=api.as_(support)).json()
    assert body["subject"]["name"] == CHILD and body["subject"]["date_of_birth"] is None
    assert body["instruments"] == [] and body["referrals"] and body["assessments"] == []


def test_a_housing_provider_cannot_see_or_touch_a_police_childs_case(world: World) -> None:
    api = world.api
    officer = api.token(agency=HOUSING, rank="housing_officer")
    h = api.as_(officer)
    page = api.client.get("/api/pathways", headers=h).json()
    assert page == {"total": 0, "items": []}
    r = api.client.get(f"/api/pathways/{world.pathway}", headers=h)
    assert (r.status_code, r.json()["error"]) == (404, "not_found")
    assert CHILD not in r.text and "2008-09" not in r.text
    r = _evidence("/api/pathways/{w.pathway}/steps")(world, h)
    assert r.status_code == 404
    supervisor = api.token(role="supervisor", agency=HOUSING, rank=None)
    assert _override_call(world, api.as_(supervisor)).status_code == 404


def test_a_partner_supervisor_may_not_override_on_a_shared_case(world: World) -> None:
    api = world.api
    council = api.token(role="supervisor", agency=COUNCIL, rank="council_officer")
    r = _override_call(world, api.as_(council))
    assert r.status_code == 403
    assert "agency that opened the case" in r.json()["message"]
    unranked = api.token(role="supervisor", agency=POLICE, rank=None)
    r = _override_call(world, api.as_(unranked))
    assert r.status_code == 403 and "recorded rank" in r.json()["message"]


def test_revoking_a_share_ends_the_partners_access(world: World) -> None:
    api = world.api
    council = api.token(agency=COUNCIL)
    assert api.client.get(f"/api/pathways/{world.pathway}",
                          headers=api.as_(council)).status_code == 200
    opener = api.token(agency=POLICE)
    r = api.client.post(f"/api/pathways/{world.pathway}/steps", headers=api.as_(opener), json={
        "step": "sharing_revoked", "occurred_at": iso(london(2026, 2, 1)),
        "partner_agency": COUNCIL, "reason": "The council's enforcement role has ended"})
    assert r.status_code == 201, r.json()
    assert api.client.get(f"/api/pathways/{world.pathway}",
                          headers=api.as_(council)).status_code == 404
    assert api.client.get("/api/pathways", headers=api.as_(council)).json()["total"] == 0


def test_a_share_ends_on_its_until_day(world: World) -> None:
    api = world.api
    council = api.token(agency=COUNCIL)
    assert api.client.get(f"/api/places/{world.place}",
                          headers=api.as_(council)).status_code == 200
    api.clock.set(london(2027, 1, 2))  # the place was shared until 31 December 2026
    assert api.client.get(f"/api/places/{world.place}",
                          headers=api.as_(council)).status_code == 404
    assert api.client.get("/api/places", headers=api.as_(council)).json()["total"] == 0
