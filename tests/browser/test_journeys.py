"""Officer journeys in Debian's chromium: sign in, see a refusal explain itself, record the
step, find its deadline on Tasks, download the chronology; scope; accessibility; keyboard."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader

from tests.browser.conftest import Live, serious_violations, shoot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _fill_date(page: Any, name: str, day: int, month: int, year: int) -> None:
    page.fill(f"#{name}-day", str(day))
    page.fill(f"#{name}-month", str(month))
    page.fill(f"#{name}-year", str(year))


def _submit(page: Any) -> None:
    with page.expect_navigation():
        page.click("form[action*='/record/'] button[type=submit]")


def test_an_officer_is_refused_a_cpn_too_early_then_records_it_and_exports(
        live: Live, page: Any) -> None:
    sign_in(page, live, live.seeded.officer)
    page.click("a:has-text('Dean Harrow')")
    page.click("a[href$='/record/cpn_issued']")
    _fill_date(page, "occurred_at", 15, 2, 2026)
    page.fill("#conduct", "Intimidation of residents")
    page.fill("#requirements", "Do not enter Alder House")
    _submit(page)
    summary = page.locator(".govuk-error-summary")
    summary.wait_for(state="visible")
    text = summary.inner_text()
    assert "s.43" in text and "Earliest date: 20 February 2026" in text
    shoot(page, "record-refused")

    _fill_date(page, "occurred_at", 1, 3, 2026)
    _submit(page)
    page.wait_for_url(f"{live.url}/cases/{live.seeded.case}?recorded=cpn_issued")
    assert "Recorded: Community Protection Notice" in page.inner_text(
        ".govuk-notification-banner")

    page.click("a:has-text('Tasks')")
    row = page.locator("tr", has_text="CPN: appeal window closes")
    assert row.count() == 1 and "Dean Harrow" in row.inner_text()
    shoot(page, "tasks")

    page.goto(f"{live.url}/cases/{live.seeded.case}")
    with page.expect_download() as download:
        page.click("a:has-text('Download the chronology (pdf)')")
    pdf = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    words = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert "Chronology: Dean Harrow" in words and "7 entries" in words  # the CPN is the 7th
    assert "Community Protection Notice" in words, words


def test_a_housing_officer_cannot_open_a_police_case_not_shared(live: Live, page: Any) -> None:
    sign_in(page, live, live.seeded.housing)
    assert "Dean Harrow" not in page.inner_text("main")
    response = page.goto(f"{live.url}/cases/{live.seeded.case}")
    assert response.status == 404
    assert "Page not found" in page.inner_text("h1")


def test_main_pages_have_no_serious_accessibility_violations(live: Live, page: Any) -> None:
    found: dict[str, list[str]] = {}
    page.goto(f"{live.url}/sign-in")
    found["sign-in"] = serious_violations(page)
    shoot(page, "sign-in")
    sign_in(page, live, live.seeded.officer)
    pages = {"caseload": "/caseload", "case": f"/cases/{live.seeded.case}",
             "record-step": f"/cases/{live.seeded.case}/record/cpn_issued", "tasks": "/tasks"}
    for name, path in pages.items():
        page.goto(f"{live.url}{path}")
        found[name] = serious_violations(page)
        shoot(page, name)
    assert found == {name: [] for name in found}


def _tab_to(page: Any, element_id: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id}")


def _tab_to_link(page: Any, href_end: str, limit: int = 120) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement && document.activeElement.getAttribute('href')")
        if href and href.endswith(href_end):
            return
    raise AssertionError(f"Tab never reached a link to {href_end}")


def test_a_step_is_recorded_with_the_keyboard_only(live: Live, page: Any) -> None:
    sign_in(page, live, live.seeded.officer)
    page.goto(f"{live.url}/cases/{live.seeded.case}")
    _tab_to_link(page, "/record/proportionality_assessed")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live.url}/cases/{live.seeded.case}/record/proportionality_assessed")
    for element, text in (("occurred_at-day", "9"), ("occurred_at-month", "3"),
                          ("occurred_at-year", "2026"),
                          ("conclusion", "Necessary and proportionate")):
        _tab_to(page, element)
        page.keyboard.type(text)
    page.keyboard.press("Tab")
    while page.evaluate("document.activeElement.tagName") != "BUTTON":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live.url}/cases/{live.seeded.case}?recorded=proportionality_assessed")
    assert "Recorded" in page.inner_text(".govuk-notification-banner")
