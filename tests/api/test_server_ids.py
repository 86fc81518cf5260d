"""The server assigns the id of what a step creates when the client sends none, returns it
(201, `id` in the body, `Location`), and still accepts an id the client chose."""

from __future__ import annotations

from uuid import UUID, uuid4

from tests.api.cases import Case, london
from tests.api.conftest import Api


def test_a_warning_gets_a_server_id_that_a_notice_can_then_name(sqlite_api: Api) -> None:
    case = Case.open(sqlite_api.client, sqlite_api.token()).prepared(london(2026, 1, 6))
    r = case.post("cpw_issued", london(2026, 1, 10), conduct="Intimidation of residents",
                  requirements=["Do not enter Alder House"], comply_by="2026-01-24")
    assert r.status_code == 201, r.json()
    assert r.headers["Location"] == f"/api/pathways/{case.id}"
    warning = UUID(r.json()["id"])
    assert [i["instrument_id"] for i in case.get()["instruments"]] == [str(warning)]
    # The notice names the warning by its server id: found (no 422); the law then refuses a
    # CPN before the warning's time to comply has passed.
    cpn = case.post("cpn_issued", london(2026, 1, 20), warning_id=str(warning),
                    conduct="Intimidation of residents", requirements=["Do not enter Alder House"])
    assert cpn.status_code == 409, cpn.json()
    assert "cpn_before_warning_deadline" in [p["code"] for p in cpn.json()["reasons"]]


def test_each_step_without_an_id_gets_its_own_and_a_client_id_is_kept(sqlite_api: Api) -> None:
    case = Case.open(sqlite_api.client, sqlite_api.token())
    ids = [case.do("early_intervention", london(2026, 1, 6 + n), kind="warning_letter")["id"]
           for n in range(2)]
    assert len(set(ids)) == 2 and all(UUID(i) for i in ids)
    mine = str(uuid4())
    assert case.do("early_intervention", london(2026, 1, 9), kind="home_visit",
                   intervention_id=mine)["id"] == mine
    referral = case.do("support_referral_made", london(2026, 1, 9), service="Recovery",
                       need="drug_alcohol")
    assert [r["referral_id"] for r in case.get()["referrals"]] == [referral["id"]]


def test_a_step_that_creates_nothing_has_no_id(sqlite_api: Api) -> None:
    case = Case.open(sqlite_api.client, sqlite_api.token())
    assert case.do("evidence_attached", london(2026, 1, 6), note="Photo")["id"] is None
