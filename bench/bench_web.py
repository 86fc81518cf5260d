"""Page render times of the officer web UI on the demo data (run by hand, not a test).

    PYTHONPATH=. .venv/bin/python bench/bench_web.py [--rounds 200]

Plays the Orchard Walk story into a temporary SQLite file, signs in as an officer of the
police and requests each page `rounds` times through the ASGI app in process (no network),
printing the median and p95 per page.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import statistics
import tempfile
import time
import warnings
from pathlib import Path

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

from adapters.bootstrap import bootstrap
from adapters.driving.cli.demo import run_demo
from adapters.driving.cli.output import make_console
from adapters.driven.store.settings import StoreSettings
from adapters.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        config = Settings.for_store(StoreSettings.parse(f"sqlite:///{Path(tmp) / 'demo.db'}"))
        with contextlib.redirect_stdout(io.StringIO()):
            run_demo(config, make_console())
        with bootstrap(config) as system, TestClient(system.app) as client:
            _, token = system.users.add("Bench Officer", "Marlshire Police", "officer",
                                        "constable")
            form = client.get("/sign-in").text
            csrf = re.search(r'name="csrf" value="([^"]+)"', form)[1]  # type: ignore[index]
            client.post("/sign-in", data={"token": token, "csrf": csrf})
            caseload = client.get("/caseload").text
            case = re.search(r'href="(/cases/[0-9a-f-]+)"', caseload)[1]  # type: ignore[index]
            pages = {"caseload": "/caseload", "case": case, "tasks": "/tasks",
                     "record-step": f"{case}/record/cpn_issued", "sign-in": "/sign-in"}
            for name, path in pages.items():
                times = []
                for _ in range(args.rounds):
                    start = time.perf_counter()
                    r = client.get(path)
                    times.append((time.perf_counter() - start) * 1000)
                    assert r.status_code == 200, (path, r.status_code)
                p95 = statistics.quantiles(times, n=20)[-1]
                print(f"{name:12} median {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms")


if __name__ == "__main__":
    main()
