"""Request body limits (413 before the body is read), and `Cache-Control: no-store`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.bootstrap import bootstrap
from adapters.driven.store.settings import StoreSettings
from adapters.settings import load_settings
from tests.api.cases import Case
from tests.api.conftest import Api, TestClient
from tests.conftest import Clock

LIMIT = 2000


@pytest.fixture
def small(tmp_path: Path, clock: Clock) -> Iterator[tuple[TestClient, dict[str, str]]]:
    """An API whose body limit is LIMIT bytes, and an officer's headers."""
    store = StoreSettings.parse(f"sqlite:///{tmp_path / 'pathway.db'}")
    settings = load_settings({"ASB_DATABASE_URL": store.url(),
                              "ASB_MAX_BODY_BYTES": str(LIMIT)})
    with bootstrap(settings, clock=clock) as system, TestClient(system.app) as client:
        _, token = system.users.add("PC A", "Marlshire Police", "officer", "constable")
        yield client, {"Authorization": f"Bearer {token}"}


def _chunks(total: int, size: int = 500) -> Iterator[bytes]:
    for start in range(0, total, size):
        yield b"x" * min(size, total - start)


def _is_too_large(r: object, limit: int = LIMIT) -> None:
    assert r.status_code == 413  # type: ignore[attr-defined]
    assert r.json() == {"error": "too_large",  # type: ignore[attr-defined]
                        "message": f"body: at most {limit} bytes"}
    assert r.headers["cache-control"] == "no-store"  # type: ignore[attr-defined]


@pytest.mark.parametrize("signed_in", [False, True])
def test_a_declared_body_over_the_limit_is_413_whoever_sends_it(
    small: tuple[TestClient, dict[str, str]], signed_in: bool
) -> None:
    client, officer = small
    headers = officer if signed_in else {}
    _is_too_large(client.post("/api/pathways", content=b"{" * (LIMIT + 1), headers=headers))
    _is_too_large(client.request("GET", "/api/pathways", content=b"x" * (LIMIT + 1),
                                 headers=headers))


@pytest.mark.parametrize("signed_in", [False, True])
def test_a_streamed_body_is_counted_and_stopped_past_the_limit(
    small: tuple[TestClient, dict[str, str]], signed_in: bool
) -> None:
    client, officer = small
    headers = {**(officer if signed_in else {}), "Content-Type": "application/json"}
    r = client.post("/api/pathways", content=_chunks(LIMIT * 5), headers=headers)
    assert "content-length" not in r.request.headers  # sent chunked: nothing declared
    _is_too_large(r)


def test_a_body_within_the_limit_is_read_as_usual(
    small: tuple[TestClient, dict[str, str]],
) -> None:
    client, officer = small
    r = client.post("/api/pathways", headers=officer, json={
        "occurred_at": "2026-01-05T12:00:00Z", "subject": {"name": "Dean Harrow"}})
    assert r.status_code == 201, r.json()


def test_export_verification_keeps_its_own_larger_limit(
    small: tuple[TestClient, dict[str, str]],
) -> None:
    client, officer = small
    r = client.post("/api/exports/verify", headers=officer, content=b"not an export " * 500)
    assert r.status_code == 422  # past the general limit, read, and found not to be an export
    assert r.json()["problems"][0]["field"] == "body"
    _is_too_large(client.post("/api/exports/verify", content=b"",
                              headers={**officer, "Content-Length": str(50 * 1024 * 1024 + 1)}),
                  limit=50 * 1024 * 1024)


def test_every_api_response_says_no_store(api: Api) -> None:
    token = api.token()
    case = Case.open(api.client, token)
    h = api.as_(token)
    responses = [
        api.client.get("/api/pathways", headers=h),
        api.client.get(f"/api/pathways/{case.id}", headers=h),
        api.client.get(f"/api/pathways/{case.id}/chronology?format=csv", headers=h),
        api.client.get("/api/deadlines", headers=h),
        api.client.get("/api/pathways"),  # 401
        api.client.get("/api/nowhere", headers=h),  # 404
        api.client.get("/api/health"),
    ]
    for r in responses:
        assert r.headers["cache-control"] == "no-store", (r.request.url, r.status_code)
    assert [r.status_code for r in responses] == [200, 200, 200, 200, 401, 404, 200]
