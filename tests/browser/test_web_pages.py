"""The web UI over HTTP, without a browser: sign-in, sessions, CSRF, scope and refusals."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

from adapters.bootstrap import bootstrap
from adapters.driven.store.settings import StoreSettings
from adapters.settings import Settings
from tests.browser.seed import NOW, Seeded, seed
from tests.conftest import Clock


@pytest.fixture
def web(tmp_path: Path) -> Iterator[tuple[TestClient, Seeded, object]]:
    store = StoreSettings.parse(f"sqlite:///{tmp_path / 'pathway.db'}")
    with bootstrap(Settings.for_store(store), clock=Clock(NOW)) as system, \
            TestClient(system.app, base_url="http://testserver") as client:
        seeded = seed(client, system.users)
        yield client, seeded, system


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, html
    return found.group(1)


def _sign_in(client: TestClient, token: str) -> None:
    page = client.get("/sign-in")
    r = client.post("/sign-in", data={"token": token, "csrf": _csrf(page.text)},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/caseload", r.text


def test_pages_need_a_session(web) -> None:
    client, _, _ = web
    r = client.get("/caseload", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/sign-in"


def test_a_wrong_token_is_refused_with_an_error_summary(web) -> None:
    client, _, _ = web
    page = client.get("/sign-in")
    r = client.post("/sign-in", data={"token": "nope", "csrf": _csrf(page.text)})
    assert "govuk-error-summary" in r.text and "valid sign-in token" in r.text
    assert "pathway_session" not in r.cookies


def test_the_session_cookie_is_httponly_and_samesite(web) -> None:
    client, seeded, _ = web
    page = client.get("/sign-in")
    r = client.post("/sign-in", data={"token": seeded.officer, "csrf": _csrf(page.text)},
                    follow_redirects=False)
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie


def test_caseload_lists_the_case_and_the_case_page_explains_next_steps(web) -> None:
    client, seeded, _ = web
    _sign_in(client, seeded.officer)
    caseload = client.get("/caseload")
    assert "Dean Harrow" in caseload.text and f"/cases/{seeded.case}" in caseload.text
    case = client.get(f"/cases/{seeded.case}")
    assert "What may come next" in case.text
    assert f"/cases/{seeded.case}/record/cpn_issued" in case.text


def test_a_post_without_the_csrf_token_is_refused(web) -> None:
    client, seeded, _ = web
    _sign_in(client, seeded.officer)
    r = client.post(f"/cases/{seeded.case}/record/early_intervention",
                    data={"occurred_at-day": "1"})
    assert r.status_code == 403 and "did not serve" in r.text


def test_a_cpn_dated_before_the_comply_by_is_refused_with_its_section(web) -> None:
    client, seeded, _ = web
    _sign_in(client, seeded.officer)
    form = client.get(f"/cases/{seeded.case}/record/cpn_issued")
    data = {"csrf": _csrf(form.text), "occurred_at-day": "15", "occurred_at-month": "2",
            "occurred_at-year": "2026", "conduct": "Intimidation of residents",
            "requirements": "Do not enter Alder House",
            "instrument_id": re.search(r'name="instrument_id" value="([^"]+)"', form.text)[1],
            "warning_id": re.search(r'name="warning_id" type="radio" value="([^"]+)"',
                                    form.text)[1]}
    refused = client.post(f"/cases/{seeded.case}/record/cpn_issued", data=data)
    assert refused.status_code == 409
    assert "govuk-error-summary" in refused.text and "s.43" in refused.text
    assert "Earliest date: 20 February 2026" in refused.text
    data |= {"occurred_at-day": "1", "occurred_at-month": "3"}
    done = client.post(f"/cases/{seeded.case}/record/cpn_issued", data=data,
                       follow_redirects=False)
    assert done.status_code == 303, done.text


def test_a_housing_officer_cannot_open_a_police_case_not_shared(web) -> None:
    client, seeded, _ = web
    _sign_in(client, seeded.housing)
    assert client.get(f"/cases/{seeded.case}").status_code == 404
    assert "Dean Harrow" not in client.get("/caseload").text


def test_disabling_the_user_ends_their_session(web) -> None:
    client, seeded, system = web
    _sign_in(client, seeded.officer)
    system.users.disable("PC Amy Shaw")
    r = client.get("/caseload", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/sign-in"


def test_the_chronology_pdf_downloads(web) -> None:
    client, seeded, _ = web
    _sign_in(client, seeded.officer)
    r = client.get(f"/cases/{seeded.case}/export/chronology.pdf")
    assert r.status_code == 200 and r.content.startswith(b"%PDF")


def test_tasks_give_each_deadline_the_domains_status(web) -> None:
    client, seeded, _ = web
    _sign_in(client, seeded.officer)
    tasks = client.get("/tasks").text
    row = next(r for r in tasks.split("<tr") if "CPW: time to comply ends" in r)
    assert "Period ended" in row and "20 February 2026 12:00" in row


def test_signing_out_ends_the_session(web) -> None:
    client, seeded, _ = web
    _sign_in(client, seeded.officer)
    page = client.get("/caseload")
    r = client.post("/sign-out", data={"csrf": _csrf(page.text)}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/sign-in"
    client.cookies.clear()
    assert client.get("/caseload", follow_redirects=False).status_code == 303


def test_a_session_cookie_replayed_after_sign_out_is_refused(web) -> None:
    client, seeded, _ = web
    _sign_in(client, seeded.officer)
    sid = client.cookies.get("pathway_session")
    page = client.get("/caseload")
    client.post("/sign-out", data={"csrf": _csrf(page.text)})
    client.cookies.set("pathway_session", sid)
    assert client.get("/caseload", follow_redirects=False).headers["location"] == "/sign-in"


def test_the_caseload_filters_by_tag_and_searches_by_name(web) -> None:
    client, seeded, _ = web
    _sign_in(client, seeded.officer)
    assert "Dean Harrow" in client.get("/caseload", params={"tag": "drugs"}).text
    assert "Dean Harrow" not in client.get("/caseload", params={"tag": "noise"}).text
    assert "Dean Harrow" in client.get("/caseload", params={"q": "harrow"}).text
    assert "Dean Harrow" not in client.get("/caseload", params={"q": "nobody"}).text


def test_api_docs_are_served_locally_to_a_signed_in_user(web) -> None:
    client, seeded, _ = web
    assert client.get("/docs/openapi.json", follow_redirects=False).status_code == 303
    _sign_in(client, seeded.officer)
    page = client.get("/docs").text
    assert 'src="/swagger/swagger-ui-bundle.js"' in page and "//" not in page.split("<body>")[1]
    assert client.get("/swagger/swagger-ui-bundle.js").status_code == 200
    assert "/api/pathways" in client.get("/docs/openapi.json").json()["paths"]
