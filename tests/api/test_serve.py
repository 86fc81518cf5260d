"""`asb serve` for real: a uvicorn process on 127.0.0.1, driven over the network."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from adapters.driven.store.settings import StoreSettings
from tests.api.test_projection import _url

STARTUP_TIMEOUT_S = 30.0
pytestmark = pytest.mark.slow  # starts `asb serve` as a real process for each backend


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _asb(*args: str, env: dict[str, str], cwd: Path) -> str:
    done = subprocess.run([sys.executable, "-m", "adapters.driving.cli", *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr + done.stdout
    return done.stdout


@dataclass
class Served:
    base: str
    token: str
    process: subprocess.Popen[bytes]


@pytest.fixture
def server(store_settings: StoreSettings, tmp_path: Path) -> Iterator[Served]:
    """A running `asb serve` (its log in serve.log) and an officer's token; always stopped."""
    env = {**os.environ, "ASB_DATABASE_URL": _url(store_settings),
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    _asb("db", "init", env=env, cwd=tmp_path)
    token = _asb("users", "add", "PC N. Carter", "--agency", "Marlshire Police", "--role",
                 "officer", "--rank", "constable", env=env, cwd=tmp_path).strip().splitlines()[-1]
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "adapters.driving.cli", "serve", "--host", "127.0.0.1", "--port",
         str(port), "--log-level", "info"],
        env=env, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            assert process.poll() is None, (tmp_path / "serve.log").read_text()
            try:
                if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "asb serve did not answer in time"
            time.sleep(0.1)
        yield Served(base, token, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


@pytest.fixture
def served(server: Served, tmp_path: Path) -> tuple[str, str, Path]:
    """(base URL, bearer token, its log) of a running `asb serve`."""
    return server.base, server.token, tmp_path / "serve.log"


def test_asb_serve_answers_over_the_network(served: tuple[str, str, Path]) -> None:
    base, token, log = served
    auth = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base, timeout=10) as http:
        assert http.get("/api/pathways").status_code == 401
        opened = http.post("/api/pathways", headers=auth, json={
            "occurred_at": "2025-09-01T09:00:00+01:00",
            "subject": {"name": "Dean Harrow", "date_of_birth": "1991-05-14"}})
        assert opened.status_code == 201, opened.text
        pathway = opened.json()["id"]
        step = http.post(f"/api/pathways/{pathway}/steps", headers=auth, json={
            "step": "early_intervention", "occurred_at": "2025-09-02T11:00:00+01:00",
            "intervention_id": "7c9e6679-7425-40de-944b-e07fc1f90a01", "kind": "warning_letter",
            "actor": "someone-else"})
        assert step.status_code == 422
        step = http.post(f"/api/pathways/{pathway}/steps", headers=auth, json={
            "step": "early_intervention", "occurred_at": "2025-09-02T11:00:00+01:00",
            "intervention_id": "7c9e6679-7425-40de-944b-e07fc1f90a01", "kind": "warning_letter"})
        assert step.status_code == 201, step.text
        detail = http.get(f"/api/pathways/{pathway}", headers=auth).json()
        assert (detail["version"], detail["escalation_level"]) == (2, "early_intervention")
        assert http.get("/api/verify", headers=auth).json()["ok"] is True
        assert http.get("/openapi.json").status_code == 401
        assert http.get("/openapi.json", headers=auth).json()["info"]["title"] == "Pathway"
        found = http.get("/api/pathways", params={"q": "Harrow", "limit": 5}, headers=auth)
        assert found.json()["total"] == 1
    # The access log has the request, not the searched name (that is in the access audit).
    written = log.read_text()
    assert "GET /api/pathways?q=[redacted]&limit=5" in written
    assert "Harrow" not in written


MB = 1024 * 1024


def _rss_kib(pid: int) -> int:
    """The resident set size of process `pid` (Linux /proc), in KiB."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith("VmRSS:")).split()[1])


def _zeros(total: int, chunk: int = MB) -> Iterator[bytes]:
    """`total` bytes, made one chunk at a time: the client never holds the body either."""
    block = b"0" * chunk
    for _ in range(total // chunk):
        yield block


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads RSS from /proc")
def test_a_200_mb_unauthenticated_post_is_413_before_the_body_is_read(server: Served) -> None:
    before = _rss_kib(server.process.pid)
    with httpx.Client(base_url=server.base, timeout=60) as http:
        declared = http.post("/api/pathways", content=_zeros(200 * MB),
                             headers={"Content-Length": str(200 * MB),
                                      "Content-Type": "application/json"})
        chunked = http.post("/api/pathways", content=_zeros(200 * MB),
                            headers={"Content-Type": "application/json"})
    after = _rss_kib(server.process.pid)
    for r in (declared, chunked):
        assert r.status_code == 413, r.text
        assert r.json() == {"error": "too_large", "message": f"body: at most {MB} bytes"}
        assert r.headers["cache-control"] == "no-store"
    assert "content-length" not in chunked.request.headers
    assert after - before < 20 * 1024, f"server RSS rose {(after - before) / 1024:.1f} MB"
