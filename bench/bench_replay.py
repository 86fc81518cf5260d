"""Replay: one pathway with N events (default 10,000), cold-loaded without and with a snapshot.

Called by bench_service.py (same store); standalone: .venv/bin/python bench/bench_replay.py
[--postgres URL] [--events 10000] [--runs 7]. For scale, the same for a bare eventsourcing
aggregate with N events of the same stored size (library mapper, no snapshot).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _benchlib import (  # noqa: E402
    ACTOR, SUMMARY, BareNote, Clock, Stores, bare_texts, open_pathways, pathway_state_sizes,
)


def mixed_step(i: int, now: Any) -> dict[str, Any]:
    """A realistic mix of guard-free person steps (four appliers: list, note, no-op, note)."""
    at = now - timedelta(minutes=1)
    kind = i % 4
    if kind == 0:
        return {"step": "incident_linked", "occurred_at": at, "incident_id": uuid.uuid4(),
                "incident_occurred_at": at - timedelta(hours=1), "summary": SUMMARY,
                "conduct": "noise and intimidation"}
    if kind == 1:
        return {"step": "consultation_recorded", "occurred_at": at,
                "consultation_id": uuid.uuid4(), "body": "housing",
                "about_step": "injunction_applied", "outcome": "Supports an application."}
    if kind == 2:
        return {"step": "evidence_attached", "occurred_at": at, "note": "Statement added",
                "evidence": [{"exhibit": "NC/1", "description": "statement"}]}
    return {"step": "early_intervention", "occurred_at": at, "intervention_id": uuid.uuid4(),
            "kind": "warning_letter", "outcome": "Letter hand-delivered."}


def cold(make_app: Callable[[], Any], load: Callable[[Any], Any], runs: int) -> list[float]:
    """ms to load in a fresh application (no aggregate cache), one app per run."""
    times = []
    for _ in range(runs):
        app = make_app()
        t0 = time.perf_counter()
        load(app)
        times.append((time.perf_counter() - t0) * 1000)
        app.close()
    return times


def fmt(ms: list[float]) -> str:
    return f"{statistics.median(ms):,.2f} | {min(ms):,.2f} | {max(ms):,.2f}"


def run(stores: Stores, n_events: int, runs: int) -> None:
    print(f"\n## Replay of one stream with {n_events:,} events ({stores.backend}, "
          f"median of {runs} cold loads)")
    clock = Clock()
    # No automatic snapshots while building, so the first loads really replay everything.
    builder = stores.pathway_app(clock, snapshot_interval=10**9)
    (pid,) = open_pathways(builder, clock, 1)
    t0 = time.perf_counter()
    for i in range(n_events - 1):
        builder.record(pid, mixed_step(i, clock.tick(60)), ACTOR)
    build_s = time.perf_counter() - t0
    print(f"built through the service in {build_s:,.1f} s ({(n_events - 1) / build_s:,.0f} "
          "commands/s, growing stream, cache on)")

    def make_app() -> Any:
        app = stores.pathway_app(clock)
        assert app.repository.cache is not None
        return app

    def load(app: Any) -> None:
        assert app.pathway(pid).version == n_events

    no_snap = cold(make_app, load, runs)
    agg = builder.pathway(pid)
    t0 = time.perf_counter()
    builder.snapshot(agg)
    snap_ms = (time.perf_counter() - t0) * 1000
    with_snap = cold(make_app, load, runs)
    size = len(builder.mapper.to_stored_event(_last_snapshot(builder, pid)).state)

    bare = stores.bare_app()
    texts = bare_texts(bare, pathway_state_sizes(builder, pid, clock))
    b = BareNote()
    t0 = time.perf_counter()
    for i in range(n_events - 1):
        b.note(text=texts[i % 2])
        if (i + 1) % 1000 == 0:
            # Batches of 1,000: on PostgreSQL one save of all 10,000 (~9 MB) never returns
            # (eventsourcing 9.5.6 + psycopg 3.3 pipeline; see docs/performance.md).
            bare.save(b)
    bare.save(b)
    bare_build_s = time.perf_counter() - t0
    bare_ms = cold(lambda: stores.bare_app(),
                   lambda app: app.repository.get(b.id).count == n_events - 1, runs)

    print("| load | median ms | min ms | max ms | events/s (median) |")
    print("|---|---:|---:|---:|---:|")
    print(f"| Pathway, no snapshot ({n_events:,} events) | {fmt(no_snap)} | "
          f"{n_events / statistics.median(no_snap) * 1000:,.0f} |")
    print(f"| Pathway, snapshot at the end (0 events after it) | {fmt(with_snap)} | — |")
    print(f"| bare eventsourcing, no snapshot ({n_events:,} events) | {fmt(bare_ms)} | "
          f"{n_events / statistics.median(bare_ms) * 1000:,.0f} |")
    print(f"snapshot taken in {snap_ms:,.1f} ms, {size:,} bytes stored; bare stream built "
          f"and written in batches of 1,000 in {bare_build_s:,.2f} s")


def _last_snapshot(app: Any, pid: uuid.UUID) -> Any:
    return next(iter(app.snapshots.get(pid, desc=True, limit=1)))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--postgres", metavar="URL")
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=7)
    a = ap.parse_args()
    s = Stores.open(a.postgres)
    try:
        run(s, a.events, a.runs)
    finally:
        s.close()
