"""POST a step over HTTP: Pathway's API vs a bare FastAPI + eventsourcing endpoint, one run.

Run by hand (never part of the test suite):

    .venv/bin/python bench/bench_http.py [--seconds 10] [--rounds 2] [--clients 1,16]

Both servers are real uvicorn processes with ONE worker each, on SQLite files in one temp
dir, started side by side and measured alternately (order swapped each round):
  pathway  `asb serve`: bearer-token auth, request schema, kind check, load, guards, save;
           each client records small steps (incident_linked / evidence_attached) on its own
           pathway, as caseworkers do;
  bare     bench/_bare_http.py: one endpoint, repository.get + one @event + save, no auth,
           each client on its own aggregate; the reference for the 80% target.
The load comes from this process: one thread and one keep-alive httpx connection per client,
closed loop (send, wait, send). Latency is what the client sees. Target: pathway
>= 80% of bare's throughput, p99 <= 25 ms at 16 clients.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
SUMMARY = ("Shouting and throwing bottles at the bus shelter on Mill Lane around 23:10; "
           "two residents gave statements, CCTV requested.")
NOTE = "Body-worn video from PC 4411 and two resident statements added to the file."

Request = Callable[[httpx.Client, int], httpx.Response]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _server(args: list[str], env: dict[str, str], port: int, log: Path) -> Iterator[str]:
    out = log.open("w")
    proc = subprocess.Popen(args, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(log.read_text())
            try:
                httpx.get(f"{base}/docs", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        out.close()


def _asb(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "adapters.driving.cli", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return done.stdout


def _pathway_requests(base: str, token: str, clients: int) -> list[Request]:
    auth = {"Authorization": f"Bearer {token}"}
    ids = []
    with httpx.Client(base_url=base, headers=auth) as http:
        for i in range(clients):
            r = http.post("/api/pathways", json={
                "occurred_at": "2026-01-05T12:00:00Z",
                "subject": {"name": f"Subject {i}", "date_of_birth": "1990-05-17"},
                "conduct_summary": "Repeated noise and intimidation", "issue_tags": ["noise"]})
            r.raise_for_status()
            ids.append(r.json()["id"])

    def make(pathway: str) -> Request:
        def send(http: httpx.Client, i: int) -> httpx.Response:
            now = datetime.now(UTC) - timedelta(minutes=1)
            if i % 2:
                body: dict[str, Any] = {
                    "step": "incident_linked", "occurred_at": now.isoformat(),
                    "incident_id": str(uuid.uuid4()),
                    "incident_occurred_at": (now - timedelta(hours=2)).isoformat(),
                    "summary": SUMMARY, "conduct": "noise and intimidation"}
            else:
                body = {"step": "evidence_attached", "occurred_at": now.isoformat(),
                        "note": NOTE, "evidence": [{"exhibit": "NC/1", "description": "BWV"}]}
            return http.post(f"/api/pathways/{pathway}/steps", json=body, headers=auth)
        return send

    return [make(p) for p in ids]


def _bare_requests(base: str, clients: int) -> list[Request]:
    with httpx.Client(base_url=base) as http:
        ids = [http.post("/bare").json()["id"] for _ in range(clients)]

    def make(note: str) -> Request:
        def send(http: httpx.Client, i: int) -> httpx.Response:
            return http.post(f"/bare/{note}", json={"text": SUMMARY if i % 2 else NOTE})
        return send

    return [make(n) for n in ids]


def _load(base: str, requests: list[Request], seconds: float, warmup: float) -> dict[str, float]:
    """Closed-loop load, one thread per client; latencies of the measured window only."""
    samples: list[list[int]] = [[] for _ in requests]
    errors = [0]
    start_at = time.perf_counter() + warmup
    stop_at = start_at + seconds

    def client(k: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as http:
            i = 0
            while True:
                t0 = time.perf_counter()
                if t0 >= stop_at:
                    return
                r = requests[k](http, i)
                t1 = time.perf_counter()
                i += 1
                if r.status_code != 201:
                    errors[0] += 1
                elif t0 >= start_at:
                    samples[k].append(int((t1 - t0) * 1e6))

    threads = [threading.Thread(target=client, args=(k,)) for k in range(len(requests))]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    lat = sorted(x for s in samples for x in s)
    q = statistics.quantiles(lat, n=100, method="inclusive")
    return {"rps": len(lat) / seconds, "p50": q[49] / 1000, "p99": q[98] / 1000,
            "n": len(lat), "errors": errors[0]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--warmup", type=float, default=2.0)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--clients", default="1,16")
    opts = ap.parse_args()
    levels = [int(c) for c in opts.clients.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="pathway-bench-http-"))
    env = {**os.environ, "PYTHONPATH": str(ROOT),
           "ASB_DATABASE_URL": f"sqlite:///{tmp / 'pathway.db'}",
           "BARE_SQLITE_DBNAME": str(tmp / "bare.db")}
    try:
        _asb(env, "db", "init")
        token = _asb(env, "users", "add", "PC Bench", "--agency", "Northshire Police",
                     "--role", "officer", "--rank", "constable").strip().splitlines()[-1]
        pathway_port, bare_port = _port(), _port()
        serve = [sys.executable, "-m", "adapters.driving.cli", "serve", "--port", str(pathway_port),
                 "--log-level", "warning"]
        bare = [sys.executable, "-m", "uvicorn", "_bare_http:create", "--factory", "--app-dir",
                "bench", "--port", str(bare_port), "--log-level", "warning", "--workers", "1"]
        with _server(serve, env, pathway_port, tmp / "serve.log") as pbase, \
                _server(bare, env, bare_port, tmp / "bare.log") as bbase:
            most = max(levels)
            sides = {"pathway": (pbase, _pathway_requests(pbase, token, most)),
                     "bare": (bbase, _bare_requests(bbase, most))}
            results: dict[tuple[str, int], list[dict[str, float]]] = {}
            for rnd in range(opts.rounds):
                order = ["pathway", "bare"] if rnd % 2 == 0 else ["bare", "pathway"]
                for c in levels:
                    for side in order:
                        base, reqs = sides[side]
                        r = _load(base, reqs[:c], opts.seconds, opts.warmup)
                        results.setdefault((side, c), []).append(r)
                        print(f"round {rnd + 1} {side:8} {c:3} clients: {r['rps']:7.0f} req/s "
                              f"p50 {r['p50']:6.2f} ms p99 {r['p99']:6.2f} ms "
                              f"(n={r['n']:.0f}, errors={r['errors']:.0f})", flush=True)
        print(f"\n{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
              f"{platform.python_version()}, {time.strftime('%d %b %Y')}, load average "
              f"{os.getloadavg()[0]:.2f}")
        print("\n| clients | side | req/s (median of rounds) | p50 ms | p99 ms | vs bare |")
        print("|---:|---|---:|---:|---:|---:|")
        for c in levels:
            bare_rps = statistics.median(r["rps"] for r in results[("bare", c)])
            for side in ("pathway", "bare"):
                rs = results[(side, c)]
                rps = statistics.median(r["rps"] for r in rs)
                print(f"| {c} | {side} | {rps:.0f} | "
                      f"{statistics.median(r['p50'] for r in rs):.1f} | "
                      f"{statistics.median(r['p99'] for r in rs):.1f} | "
                      f"{rps / bare_rps:.0%} |")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
