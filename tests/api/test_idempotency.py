"""Idempotency-Key and blind appends through HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from typing import Any
from uuid import uuid4

import pytest
from typer.testing import CliRunner

from adapters.driven.readmodels import queries
from adapters.driven.store.integrity import verify_log
from adapters.driving.cli.main import app as cli
from tests.api.cases import Case, iso, london
from tests.api.conftest import Api
from tests.api.test_projection import _url


def _referral(at: Any = None) -> dict[str, Any]:
    return {"step": "support_referral_made", "occurred_at": iso(at or london(2026, 1, 6)),
            "referral_id": str(uuid4()), "service": "Turning Point", "need": "drug_alcohol"}


def _post(case: Case, body: dict[str, Any], key: str) -> Any:
    return case.client.post(f"/api/pathways/{case.id}/steps", json=body,
                            headers={**case.headers, "Idempotency-Key": key})


def test_a_retried_step_returns_the_first_answer_and_stores_one_event(api: Api) -> None:
    case = Case.open(api.client, api.token())
    body, key = _referral(), str(uuid4())
    first = _post(case, body, key)
    again = _post(case, body, key)
    assert first.status_code == again.status_code == 201, first.json()
    assert again.json() == first.json()
    assert first.json()["version"] == 2
    assert len(api.application.history(case.id)) == 2
    assert len(case.get()["referrals"]) == 1


def test_a_reused_key_with_another_body_is_422_naming_the_header(api: Api) -> None:
    case = Case.open(api.client, api.token())
    key = str(uuid4())
    assert _post(case, _referral(), key).status_code == 201
    other = _post(case, _referral(), key)
    assert other.status_code == 422
    (problem,) = other.json()["problems"]
    assert problem["field"] == "Idempotency-Key"
    assert "different request" in problem["rule"]
    assert len(api.application.history(case.id)) == 2


def test_another_user_cannot_take_over_a_key(api: Api) -> None:
    case = Case.open(api.client, api.token())
    body, key = _referral(), str(uuid4())
    assert _post(case, body, key).status_code == 201
    stranger = Case(api.client, api.token(name="second officer"), case.id)
    assert _post(stranger, body, key).status_code == 422
    assert len(api.application.history(case.id)) == 2


def test_opening_a_pathway_and_reporting_an_incident_twice_with_a_key_makes_one_each(
        api: Api) -> None:
    headers = {**api.as_(api.token()), "Idempotency-Key": "open-dean-harrow-1"}
    body = {"occurred_at": iso(london(2026, 1, 5)),
            "subject": {"name": "Dean Harrow", "date_of_birth": "1991-05-14"}}
    first = api.client.post("/api/pathways", json=body, headers=headers)
    again = api.client.post("/api/pathways", json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert first.headers["location"] == again.headers["location"]
    incident = {"occurred_at": iso(london(2026, 1, 5)), "category": "Noise",
                "location": "Alder House", "description": "Music until 3am"}
    headers["Idempotency-Key"] = "incident-1"
    reported = [api.client.post("/api/incidents", json=incident, headers=headers)
                for _ in range(2)]
    assert [r.status_code for r in reported] == [201, 201], reported[0].json()
    assert reported[0].json() == reported[1].json()
    api.projector.catch_up()
    with api.store.read() as conn:
        dump = queries.dump(conn)
    assert len(dump["rm_pathways"]) == 1
    assert len(dump["rm_incidents"]) == 1


@pytest.mark.parametrize("key", ["", "x" * 201, "has space", "caf\u00e9".encode()])
def test_a_malformed_key_is_422(api: Api, key: str | bytes) -> None:
    case = Case.open(api.client, api.token())
    r = case.client.post(f"/api/pathways/{case.id}/steps", json=_referral(),
                         headers={**case.headers, "Idempotency-Key": key})
    assert r.status_code == 422
    assert r.json()["problems"][0]["field"].lower() == "idempotency-key"
    assert len(api.application.history(case.id)) == 1


def test_without_expected_version_a_lost_race_is_retried_with_it_409(api: Api) -> None:
    case = Case.open(api.client, api.token())
    barrier = threading.Barrier(4, timeout=20)
    blind: list[int] = []
    optimistic: list[int] = []

    def write(expected: int | None, out: list[int]) -> None:
        body = _referral() | ({"expected_version": expected} if expected else {})
        barrier.wait()
        out.append(case.client.post(f"/api/pathways/{case.id}/steps", json=body,
                                    headers=case.headers).status_code)

    threads = [threading.Thread(target=write, args=(None, blind)) for _ in range(2)]
    threads += [threading.Thread(target=write, args=(1, optimistic)) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert blind == [201, 201]
    assert sorted(optimistic) in ([201, 409], [409, 409])
    assert case.get()["version"] == 1 + 2 + optimistic.count(201)


@pytest.mark.slow
def test_eight_clients_of_25_blind_steps_all_succeed(api: Api) -> None:
    """8 x 25 independent lawful steps (referrals) on one pathway, no expected_version."""
    case = Case.open(api.client, api.token())
    statuses: list[int] = []
    lock = threading.Lock()

    def client() -> None:
        for _ in range(25):
            r = case.client.post(f"/api/pathways/{case.id}/steps", json=_referral(),
                                 headers=case.headers)
            with lock:
                statuses.append(r.status_code)

    threads = [threading.Thread(target=client) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not any(t.is_alive() for t in threads)
    assert statuses == [201] * 200
    assert len(api.application.history(case.id)) == 201
    report = verify_log(api.projector.store.settings)
    assert report.ok and report.events_checked == 201, report.violations
    api.projector.catch_up()
    with api.store.read() as conn:
        before = queries.dump(conn)
    assert len(case.get()["referrals"]) == 200
    rebuilt = CliRunner().invoke(cli, ["rebuild"], env={
        "ASB_DATABASE_URL": _url(api.projector.store.settings)})
    assert rebuilt.exit_code == 0, rebuilt.output
    with api.store.read() as conn:
        assert queries.dump(conn) == before
