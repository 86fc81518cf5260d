"""A live server and Debian's chromium, driven by Playwright, for the browser journeys.

Without /usr/bin/chromium (or the playwright package) these tests are skipped loudly, and
fail when CI=true: the README's test line installs chromium as root.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

from adapters.bootstrap import System, bootstrap
from adapters.driven.store.settings import StoreSettings
from adapters.settings import Settings
from tests.browser.seed import NOW, Seeded, seed
from tests.conftest import Clock

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = ROOT / "test-artefacts"
AXE = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _unavailable() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install -y chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    if not AXE.exists():
        return f"{AXE} is missing (npm ci --prefix frontend)"
    return None


def _require_browser() -> None:
    why = _unavailable()
    if why is None:
        return
    message = f"BROWSER TESTS NOT RUN: {why}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    warnings.warn(message, stacklevel=2)
    pytest.skip(message)


@dataclass
class Live:
    url: str
    system: System
    seeded: Seeded


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def live(tmp_path: Path) -> Iterator[Live]:
    _require_browser()
    import uvicorn

    store = StoreSettings.parse(f"sqlite:///{tmp_path / 'pathway.db'}")
    with bootstrap(Settings.for_store(store), clock=Clock(NOW)) as system:
        with TestClient(system.app) as client:
            seeded = seed(client, system.users)
        port = _free_port()
        server = uvicorn.Server(uvicorn.Config(system.app, host="127.0.0.1", port=port,
                                               log_level="warning", lifespan="off"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:  # the server thread says when it listens
            time.sleep(0.05)
        try:
            yield Live(f"http://127.0.0.1:{port}", system, seeded)
        finally:
            server.should_exit = True
            thread.join()


@pytest.fixture
def browser() -> Iterator[Any]:
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    try:
        yield context.new_page()
    finally:
        context.close()


def sign_in(page: Any, live: Live, token: str) -> None:
    page.goto(f"{live.url}/sign-in")
    page.fill("#token", token)
    page.click("button:has-text('Sign in')")
    page.wait_for_url(f"{live.url}/caseload")


def shoot(page: Any, name: str) -> None:
    """Full-page screenshots at 1280 and 375 px wide, under test-artefacts/ (not committed)."""
    ARTEFACTS.mkdir(exist_ok=True)
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(ARTEFACTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical violations on the page (injected from the npm package)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} x{len(v['nodes'])}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")]
