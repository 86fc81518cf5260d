"""Reads, searches and exports through the API are recorded in the access audit with their
user; supervisors and admins query it; `asb audit --case ID` lists the same entries."""

from __future__ import annotations


from typer.testing import CliRunner

from adapters.driving.cli.main import app as cli
from tests.api.cases import Case
from tests.api.conftest import Api


def _audit(api: Api, token: str, **params: str) -> list[dict[str, str]]:
    r = api.client.get("/api/audit", params=params, headers=api.as_(token))
    assert r.status_code == 200, r.json()
    return r.json()["items"]  # type: ignore[no-any-return]


def test_a_read_appears_in_the_audit_with_its_user(sqlite_api: Api) -> None:
    api = sqlite_api
    officer = api.token(name="PC Carter")
    case = Case.open(api.client, officer, name="Kyle Benton", dob="2008-09-01")
    case.get()
    api.client.get("/api/pathways", params={"q": "benton"}, headers=api.as_(officer))
    legal = api.token(role="legal", rank=None, name="K Mensah")
    path = f"/api/pathways/{case.id}/chronology"
    assert api.client.get(path, headers=api.as_(legal)).status_code == 422  # no purpose
    r = api.client.get(path, params={"purpose": "Injunction bundle"}, headers=api.as_(legal))
    assert r.status_code == 200 and "K Mensah" in r.json()["provenance"]["generated_by"]

    supervisor = api.token(role="supervisor", rank="inspector")
    entries = _audit(api, supervisor, case_id=str(case.id))
    assert [(e["access"], e["what"]) for e in entries] == [
        ("consultation", "pathway"), ("disclosure", "chronology export")]
    users = {u.name: u.id for u in api.users.list()}
    assert entries[0]["user_id"] == users["PC Carter"]
    assert entries[1]["user_id"] == users["K Mensah"]
    assert entries[1]["purpose"] == "Injunction bundle"
    (search,) = [e for e in _audit(api, supervisor) if e["what"] == "pathway search"]
    assert "q=benton" in search["detail"]
    admin = api.token(role="admin", rank=None)
    (search,) = [e for e in _audit(api, admin) if e["what"] == "pathway search"]
    assert search["detail"] == "[withheld]"  # admins read no case data, searches included
    other = api.token(role="supervisor", agency="Hearthstone Housing Association",
                      rank="rp_senior_manager")
    assert _audit(api, other, case_id=str(case.id)) == []  # another agency's users' accesses
    assert api.client.get("/api/audit", headers=api.as_(officer)).status_code == 403

    path = api.store.settings.sqlite_path
    assert path is not None
    url = f"sqlite:///{path}"
    result = CliRunner().invoke(cli, ["audit", "--case", str(case.id)],
                                env={"ASB_DATABASE_URL": url, "COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert users["PC Carter"] in result.output and "chronology export" in result.output
    assert "purpose: Injunction bundle" in result.output
    assert "access audit verified" in result.output
