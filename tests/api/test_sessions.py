"""Sessions that end: expiry, disabling, rotation and role changes hold from the very next
request, and guessing tokens is slowed to a stop."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from uuid import uuid4

import pytest

from tests.api.cases import Case, london
from tests.api.conftest import Api

OVERRIDE = {"for_step": "injunction_applied", "guard_code": "support_not_offered",
            "reason": "Immediate risk of violence to a resident; support refused"}


def _name(api: Api, token: str) -> str:
    return next(name for name, t in api.tokens.items() if t == token)


def test_a_disabled_users_very_next_request_is_refused(api: Api) -> None:
    token = api.token()
    h = api.as_(token)
    assert api.client.get("/api/pathways", headers=h).status_code == 200
    api.users.disable(_name(api, token))
    r = api.client.get("/api/pathways", headers=h)
    assert (r.status_code, r.json()["error"]) == (401, "unauthorised")
    assert "revoked" in r.json()["message"]
    api.users.enable(_name(api, token))
    assert api.client.get("/api/pathways", headers=h).status_code == 200


def test_a_rotated_token_is_dead_and_the_new_one_works_at_once(api: Api) -> None:
    old = api.token()
    assert api.client.get("/api/pathways", headers=api.as_(old)).status_code == 200
    user, new = api.users.rotate(_name(api, old))
    assert new != old and user.expires_at is not None
    assert api.client.get("/api/pathways", headers=api.as_(old)).status_code == 401
    assert api.client.get("/api/pathways", headers=api.as_(new)).status_code == 200


def test_an_expired_token_is_refused(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    token = api.token()
    user = api.users.authenticate(token)
    assert user is not None and user.expires_at is not None
    assert user.expires_at - user.created_at == timedelta(hours=12)  # the default lifetime
    assert api.client.get("/api/pathways", headers=api.as_(token)).status_code == 200
    monkeypatch.setattr(api.users, "clock", lambda: user.expires_at)
    assert api.client.get("/api/pathways", headers=api.as_(token)).status_code == 401


def test_the_role_recorded_is_the_role_at_that_moment(api: Api) -> None:
    officer = api.token()
    supervisor = api.token(role="supervisor", rank="inspector", name="Insp. Vale")
    case = Case.open(api.client, officer)
    first = case.post("override_authorised", london(2026, 1, 6), token=supervisor,
                      override_id=str(uuid4()), **OVERRIDE)
    assert first.status_code == 201 and first.json()["role"] == "supervisor"

    api.users.change_role("Insp. Vale", "analyst")  # demoted; the next request knows it
    again = case.post("override_authorised", london(2026, 1, 6), token=supervisor,
                      override_id=str(uuid4()), **OVERRIDE)
    assert (again.status_code, again.json()["error"]) == (403, "forbidden")

    api.users.change_role("Insp. Vale", "officer", "sergeant")
    step = case.post("evidence_attached", london(2026, 1, 7), token=supervisor,
                     note="Statement from a resident")
    assert step.status_code == 201, step.json()
    assert (step.json()["role"], step.json()["rank"]) == ("officer", "sergeant")


def test_repeated_bad_tokens_from_one_address_are_stopped_with_429(api: Api) -> None:
    good = api.token()
    for _ in range(10):  # the default: 10 failures a minute
        assert api.client.get("/api/pathways", headers=api.as_("guess")).status_code == 401
    r = api.client.get("/api/pathways", headers=api.as_("guess"))
    assert (r.status_code, r.json()["error"]) == (429, "too_many_failures")
    assert int(r.headers["retry-after"]) in range(1, 61)
    # while the address is held back, even a good token waits: guessing learns nothing
    assert api.client.get("/api/pathways", headers=api.as_(good)).status_code == 429
    # a request without a token guesses nothing and is not counted or held back
    assert api.client.get("/api/health").status_code == 200


def test_a_missing_token_is_not_counted_as_a_guess(api: Api) -> None:
    for _ in range(15):
        assert api.client.get("/api/pathways").status_code == 401
    assert api.client.get("/api/pathways", headers=api.as_(api.token())).status_code == 200


def test_legacy_rows_without_an_expiry_are_refused(api: Api) -> None:
    token = api.token()
    from sqlalchemy import update

    with api.users.engine.begin() as conn:
        conn.execute(update(api.users.table).values(expires_at=None))
    assert api.client.get("/api/pathways", headers=api.as_(token)).status_code == 401


def test_expiry_is_checked_against_the_store_clock() -> None:
    from adapters.driven.auth.users import User

    now = datetime(2026, 3, 1, tzinfo=timezone.utc)
    user = User(id="u", name="n", agency="a", role="officer", rank=None, created_at=now,
                expires_at=now + timedelta(hours=1))
    assert user.active_at(now) and user.active_at(now + timedelta(minutes=59))
    assert not user.active_at(now + timedelta(hours=1))
    assert not User(**{**user.__dict__, "disabled_at": now}).active_at(now)
