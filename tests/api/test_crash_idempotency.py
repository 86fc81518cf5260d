"""kill -9 of `asb serve` under a client that retries with the same Idempotency-Key.

A write whose connection broke may have committed; the retry must then get the first
answer, not store the step again. Three kills per backend, each while steps are in flight.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest

from adapters.bootstrap import build_application
from adapters.driven.store.integrity import verify_log
from adapters.driven.store.settings import StoreSettings
from tests.api.test_projection import _url
from tests.api.test_serve import STARTUP_TIMEOUT_S, _asb, _free_port

ROUNDS = 3
STEPS = 60
DEADLINE_S = 120.0


class Server:
    """`asb serve` on one port, started again after each kill."""

    def __init__(self, env: dict[str, str], cwd: Path) -> None:
        self.env, self.cwd, self.port = env, cwd, _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.log = (cwd / "serve.log").open("a")

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "adapters.driving.cli", "serve", "--host", "127.0.0.1",
             "--port", str(self.port), "--log-level", "warning"],
            env=self.env, cwd=self.cwd, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            assert self.process.poll() is None, (self.cwd / "serve.log").read_text()
            try:
                if httpx.get(f"{self.base}/api/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "asb serve did not answer in time"
            time.sleep(0.05)

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self.log.close()


class RetryingClient(threading.Thread):
    """Posts STEPS referrals, each with its own key, retrying each until it is answered."""

    def __init__(self, base: str, token: str, pathway: str) -> None:
        super().__init__(daemon=True)
        self.base, self.pathway = base, pathway
        self.headers = {"Authorization": f"Bearer {token}"}
        self.answered: list[dict[str, Any]] = []
        self.broken = 0  # requests that got no answer (the server died under them)
        self.error: str | None = None

    def run(self) -> None:
        deadline = time.monotonic() + DEADLINE_S
        with httpx.Client(base_url=self.base, timeout=5) as http:
            for n in range(STEPS):
                body = {"step": "support_referral_made", "occurred_at": "2026-01-06T12:00:00Z",
                        "referral_id": str(uuid4()), "service": f"Service {n}",
                        "need": "drug_alcohol"}
                key = {"Idempotency-Key": f"crash-{self.pathway}-{n}"}
                while time.monotonic() < deadline:
                    try:
                        r = http.post(f"/api/pathways/{self.pathway}/steps", json=body,
                                      headers=self.headers | key)
                    except httpx.TransportError:
                        self.broken += 1
                        time.sleep(0.05)
                        continue
                    if r.status_code != 201:
                        self.error = f"step {n}: {r.status_code} {r.text}"
                        return
                    self.answered.append(r.json())
                    break
                else:
                    self.error = f"step {n} never answered"
                    return


@pytest.mark.slow
def test_kill_9_under_retrying_clients_leaves_one_event_per_key(
        store_settings: StoreSettings, tmp_path: Path) -> None:
    env = {**os.environ, "ASB_DATABASE_URL": _url(store_settings),
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    _asb("db", "init", env=env, cwd=tmp_path)
    token = _asb("users", "add", "PC N. Carter", "--agency", "Marlshire Police", "--role",
                 "officer", "--rank", "constable", env=env, cwd=tmp_path).strip().splitlines()[-1]
    server = Server(env, tmp_path)
    try:
        server.start()
        opened = httpx.post(f"{server.base}/api/pathways", headers={
            "Authorization": f"Bearer {token}"}, json={
            "occurred_at": "2026-01-05T12:00:00Z",
            "subject": {"name": "Dean Harrow", "date_of_birth": "1991-05-14"}}, timeout=10)
        assert opened.status_code == 201, opened.text
        pathway = opened.json()["id"]
        client = RetryingClient(server.base, token, pathway)
        client.start()
        for kill in range(ROUNDS):
            threshold = (kill + 1) * STEPS // (ROUNDS + 1)
            while len(client.answered) < threshold and client.is_alive():
                time.sleep(0.01)
            server.kill()
            server.start()
        client.join(DEADLINE_S)
        assert not client.is_alive() and client.error is None, client.error
    finally:
        server.stop()

    assert client.broken >= ROUNDS  # every kill left the client without an answer at least once
    assert len(client.answered) == STEPS
    assert sorted(a["version"] for a in client.answered) == list(range(2, STEPS + 2))
    application = build_application(store_settings)
    try:
        history = application.history(UUID(pathway))
    finally:
        application.close()
    services = [e.service for e in history[1:]]
    assert services == [f"Service {n}" for n in range(STEPS)]  # each once, in order
    report = verify_log(store_settings)
    assert report.ok, report.violations
