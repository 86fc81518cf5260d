"""The law review's findings replayed through the HTTP API: each request is refused with the
section it offends, or recorded with the deadline the Act sets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any
from uuid import uuid4

import pytest
from fastapi.testclient import TestClient

from adapters.bootstrap import bootstrap, prepare_database
from adapters.driven.store.settings import StoreSettings
from adapters.settings import load_settings
from tests.api.cases import Case, london
from tests.api.conftest import Api
from tests.conftest import Clock

GROUND = {"power_of_arrest_ground": "violence_or_threat",
          "power_of_arrest_evidence": "Threatened a resident with a bottle on 2 January"}


def refused(r: Any, code: str) -> dict[str, Any]:
    """The 409's reason with `code` (with its legal basis, message and remedy)."""
    assert r.status_code == 409, r.json()
    (reason,) = [x for x in r.json()["reasons"] if x["code"] == code]
    assert reason["message"] and reason["remedy"]
    return reason  # type: ignore[no-any-return]


def convicted(case: Case, at: datetime) -> str:
    prosecution = str(uuid4())
    case.do("prosecution_started", at, instrument_id=prosecution, offence="Criminal damage")
    case.do("conviction_recorded", at, instrument_id=prosecution, outcome="convicted")
    return prosecution


# ------------------------------------------------------------ power of arrest (s.4(1))
def test_a_power_of_arrest_without_its_ground_is_refused_citing_s4_1(sqlite_api: Api) -> None:
    case = Case.open(sqlite_api.client, sqlite_api.token()).prepared(london(2026, 1, 6))
    body = {"instrument_id": str(uuid4()), "terms": ["Not to enter Orchard Walk green"],
            "positive_requirements": ["Attend an anger management course"],
            "supervisor": "Marlshire Probation", "power_of_arrest_sought": True}
    reason = refused(case.post("injunction_applied", london(2026, 1, 7), **body),
                     "power_of_arrest_requires_ground")
    assert reason["legal_basis"] == "ASBCPA2014 s.4(1)"
    case.do("injunction_applied", london(2026, 1, 7), **body, **GROUND)

    grant = {"instrument_id": body["instrument_id"], "expires_on": "2027-01-06",
             "power_of_arrest": True}
    reason = refused(case.post("injunction_granted", london(2026, 1, 8), **grant,
                               power_of_arrest_terms=["Attend an anger management course"]),
                     "power_of_arrest_not_on_activity_requirement")
    assert reason["legal_basis"] == "ASBCPA2014 s.4(1)" and "s.10" in reason["remedy"]
    case.do("injunction_granted", london(2026, 1, 8), **grant,
            power_of_arrest_terms=["Not to enter Orchard Walk green"])
    (injunction,) = [i for i in case.get()["instruments"] if i["kind"] == "injunction"]
    assert injunction["power_of_arrest"] is True


# ------------------------------------------------------------ CBOs (SA2020)
def test_cbo_conviction_youth_views_and_duration_are_refused_with_their_sections(
        sqlite_api: Api) -> None:
    sqlite_api.clock.set(london(2027, 6, 1))
    token = sqlite_api.token()
    dean = Case.open(sqlite_api.client, token)
    prosecution = str(uuid4())
    dean.do("prosecution_started", london(2026, 6, 1), instrument_id=prosecution,
            offence="Criminal damage")
    order = {"instrument_id": str(uuid4()), "prosecution_id": prosecution,
             "prohibitions": ["Not to enter Orchard Walk"], "expires_on": "2028-06-14"}
    reason = refused(dean.post("cbo_granted", london(2026, 6, 15), **order),
                     "cbo_requires_conviction")
    assert reason["legal_basis"] == "SA2020 s.331(1)-(3)"
    dean.do("conviction_recorded", london(2026, 6, 15), instrument_id=prosecution)
    reason = refused(dean.post("cbo_granted", london(2026, 6, 15),
                               **order | {"expires_on": "2028-06-13"}), "cbo_duration")
    assert reason["legal_basis"] == "SA2020 s.334" and "14 Jun 2028" in reason["remedy"]
    dean.do("cbo_granted", london(2026, 6, 15), **order)
    assert not [d for d in dean.get()["deadlines"] if d["code"] == "cbo_review"]

    kyle = Case.open(sqlite_api.client, token, name="Kyle Marsh", dob="2010-09-10")
    prosecution = convicted(kyle, london(2026, 6, 15))
    order = {"instrument_id": str(uuid4()), "prosecution_id": prosecution,
             "prohibitions": ["Not to enter Orchard Walk"], "expires_on": "2028-06-14"}
    reason = refused(kyle.post("cbo_granted", london(2026, 6, 15), **order),
                     "cbo_youth_requires_yot_views")
    assert reason["legal_basis"] == "SA2020 s.331(5)"
    kyle.do("consultation_recorded", london(2026, 6, 10), consultation_id=str(uuid4()),
            body="yot", about_step="cbo_granted", outcome="YOT supports the order")
    kyle.do("cbo_granted", london(2026, 6, 15), **order)
    (review,) = [d for d in kyle.get()["deadlines"] if d["code"] == "cbo_review"]
    assert review["legal_basis"] == "SA2020 s.337(1)-(2)"
    assert datetime.fromisoformat(review["due_at"]) == london(2027, 6, 15, 0)

    # A variation (s.336) starts a new review period (s.337(2)).
    kyle.do("cbo_varied", london(2027, 3, 1), instrument_id=order["instrument_id"],
            applicant="prosecution", changes="Exclusion zone reduced")
    (review,) = [d for d in kyle.get()["deadlines"] if d["code"] == "cbo_review"]
    assert datetime.fromisoformat(review["due_at"]) == london(2028, 3, 1, 0)


# ------------------------------------------------------------ FPN on a quashed CPN (s.52(1))
def test_an_fpn_on_a_quashed_notice_says_the_notice_was_quashed(sqlite_api: Api) -> None:
    case = Case.open(sqlite_api.client, sqlite_api.token()).prepared(london(2026, 1, 6))
    warning = case.cpw(london(2026, 1, 7), comply_by=london(2026, 1, 21))
    case.link_incident(london(2026, 1, 24, 23), linked=london(2026, 1, 25))
    notice = str(uuid4())
    case.do("cpn_issued", london(2026, 1, 26), instrument_id=notice, warning_id=warning,
            conduct="Intimidation of residents", requirements=["Do not enter Alder House"],
            appeal_information_given=True)
    case.do("breach_recorded", london(2026, 2, 2), instrument_id=notice,
            description="Entered Alder House")
    case.do("cpn_appeal_lodged", london(2026, 2, 3), instrument_id=notice)
    case.do("cpn_appeal_decided", london(2026, 2, 10), instrument_id=notice, outcome="quashed")
    reason = refused(case.post("fpn_issued", london(2026, 2, 11), instrument_id=str(uuid4()),
                               notice_id=notice, amount="100"), "fpn_requires_cpn_breach")
    assert reason["legal_basis"] == "ASBCPA2014 s.52(1)"
    assert "quashed on appeal on 10 Feb 2026" in reason["message"]
    assert "No breach" not in reason["message"]


# ------------------------------------------------------------ Respect Orders (CPA 2026)
@pytest.fixture
def cpa2026_api(tmp_path: Any, clock: Clock) -> Iterator[Api]:
    store = StoreSettings.parse(f"sqlite:///{tmp_path / 'pathway.db'}")
    prepare_database(store)
    settings = load_settings({"ASB_DATABASE_URL": store.url(), "ASB_RULE_SETS": "cpa2026"})
    with bootstrap(settings, clock=clock) as system, \
            TestClient(system.app, raise_server_exceptions=True) as client:
        yield Api(client, system.application, system.users, system.projector, system.store,
                  clock)


def _respect(case: Case, at: datetime, **over: Any) -> Any:
    return case.post("respect_order_applied", at, **{
        "instrument_id": str(uuid4()), "court": "Elmsford County Court",
        "prohibitions": ["Not to shout or swear at residents of Orchard Walk"]} | over)


def test_a_respect_order_is_refused_under_the_2014_rule_set_naming_it(sqlite_api: Api) -> None:
    sqlite_api.clock.set(london(2026, 9, 1))
    case = Case.open(sqlite_api.client, sqlite_api.token()).prepared(london(2026, 6, 1))
    reason = refused(_respect(case, london(2026, 7, 1)), "respect_order_not_in_force")
    assert "asbcpa2014-amended" in reason["message"] and "cpa2026" in reason["remedy"]


def test_a_respect_order_under_cpa2026_is_for_adults_and_its_breach_is_prosecuted(
        cpa2026_api: Api) -> None:
    cpa2026_api.clock.set(london(2026, 9, 1))
    token = cpa2026_api.token()
    kyle = Case.open(cpa2026_api.client, token, name="Kyle Marsh",
                     dob="2008-09-10").prepared(london(2026, 6, 1))
    reason = refused(_respect(kyle, london(2026, 7, 1)), "respect_order_adults_only")
    assert "17" in reason["message"]

    dean = Case.open(cpa2026_api.client, token).prepared(london(2026, 6, 1))
    order = str(uuid4())
    refused(_respect(dean, london(2026, 7, 1), instrument_id=order,
                     requirements=["Attend an alcohol treatment programme"]),
            "respect_order_requirements_need_supervisor")
    dean.do("respect_order_applied", london(2026, 7, 1), instrument_id=order,
            prohibitions=["Not to shout or swear at residents of Orchard Walk"],
            requirements=["Attend an alcohol treatment programme"],
            supervisor="Marlshire Recovery Service")
    dean.do("respect_order_granted", london(2026, 7, 15), instrument_id=order,
            expires_on="2028-07-14")
    dean.do("breach_recorded", london(2026, 8, 1, 21), instrument_id=order,
            description="Shouted abuse at a resident", clause="prohibition 1")
    dean.do("prosecution_started", london(2026, 8, 2), instrument_id=str(uuid4()),
            offence="Breach of a Respect Order", relates_to=order)
    kinds = {i["kind"]: i["state"] for i in dean.get()["instruments"]}
    assert kinds["respect_order"] == "granted" and kinds["prosecution"] == "started"
