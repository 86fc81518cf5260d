"""Pathway service layer vs bare eventsourcing, on the same store, in one run.

Run by hand (never part of the test suite):

    .venv/bin/python bench/bench_service.py                       # SQLite files in a temp dir
    .venv/bin/python bench/bench_service.py --postgres postgresql://postgres@127.0.0.1:5432/test

Sides, interleaved round by round (order alternating) to cancel drift:
  pathway  PathwayApplication.record(id, {...}) of incident_linked / evidence_attached,
           cycling over --pathways streams (cache + fast-forward as in production);
  bare     plain eventsourcing Application + Aggregate with one @event method, an event
           of the same stored size, repository.get + save; aggregate cache as Pathway's
           (AGGREGATE_CACHE_MAXSIZE=5000), library defaults otherwise (deepcopy from cache):
           the reference for the 80% target;
  bare-nocopy  the same with DEEPCOPY_FROM_AGGREGATE_CACHE=n (Pathway's setting; unsafe for
           mutable aggregates if a command fails half-way, but the fastest bare setup);
  bare-nocache the library's defaults (no aggregate cache: every get replays the stream).
Then the 10k-event replay (bench_replay.py) and the cost split (bench_profile.py).
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _benchlib import (  # noqa: E402
    ACTOR, SMALL_STEPS, BareNote, Clock, Stores, bare_texts, code_version, open_pathways, pct,
    pathway_state_sizes,
)

Op = Callable[[int], None]  # one command; the argument is the command's sequence number
BARE_VARIANTS: dict[str, dict[str, str]] = {
    "bare": {"AGGREGATE_CACHE_MAXSIZE": "5000"},
    "bare-nocopy": {"AGGREGATE_CACHE_MAXSIZE": "5000", "DEEPCOPY_FROM_AGGREGATE_CACHE": "n"},
    "bare-nocache": {},
}


def pathway_side(stores: Stores, clock: Clock, n_streams: int) -> tuple[Op, Op, list[int]]:
    app = stores.pathway_app(clock)
    ids = open_pathways(app, clock, n_streams)
    sizes = pathway_state_sizes(app, ids[0], clock)
    pending: list[dict[str, Any]] = []

    def prepare(i: int) -> None:  # outside the timed region: client-side data
        pending.append(SMALL_STEPS[i % 2](clock.tick()))

    def run(i: int) -> None:
        app.record(ids[i % n_streams], pending.pop(), ACTOR)

    return prepare, run, sizes


def bare_side(stores: Stores, n_streams: int, sizes: list[int], **env: str) -> tuple[Op, Op]:
    app = stores.bare_app(**env)
    texts = bare_texts(app, sizes)
    ids = []
    for _ in range(n_streams):
        agg = BareNote()
        app.save(agg)
        ids.append(agg.id)

    def run(i: int) -> None:
        agg: BareNote = app.repository.get(ids[i % n_streams])
        agg.note(text=texts[i % 2])
        app.save(agg)

    return (lambda i: None), run


def block(prepare: Op, run: Op, start: int, count: int, lat: list[int]) -> int:
    """Run `count` commands; returns wall ns of the timed calls (sum of per-command times)."""
    total = 0
    for i in range(start, start + count):
        prepare(i)
        t0 = time.perf_counter_ns()
        run(i)
        dt = time.perf_counter_ns() - t0
        lat.append(dt)
        total += dt
    return total


Results = dict[str, dict[str, float]]


def compare(stores: Stores, args: argparse.Namespace) -> tuple[Results, list[float]]:
    clock = Clock()
    p_prep, p_run, sizes = pathway_side(stores, clock, args.pathways)
    sides: dict[str, tuple[Op, Op]] = {"pathway": (p_prep, p_run)}
    for name, env in BARE_VARIANTS.items():
        if name == "bare" or name in args.variants.split(","):
            sides[name] = bare_side(stores, args.pathways, sizes, **env)
    print(f"stored state bytes per event (pathway = bare): {sizes}")
    seq = dict.fromkeys(sides, 0)
    for name, (prep, run) in sides.items():  # warm-up, not measured
        seq[name] = args.warmup
        block(prep, run, 0, args.warmup, [])
    lat: dict[str, list[int]] = {k: [] for k in sides}
    wall: dict[str, int] = dict.fromkeys(sides, 0)
    rounds: dict[str, list[int]] = {k: [] for k in sides}
    per_round = args.n // args.rounds
    names = list(sides)
    for r in range(args.rounds):
        order = names if r % 2 == 0 else names[::-1]
        for name in order:
            gc.collect()
            prep, run = sides[name]
            rounds[name].append(block(prep, run, seq[name], per_round, lat[name]))
            wall[name] += rounds[name][-1]
            seq[name] += per_round
    results = {}
    for name in names:
        s = sorted(lat[name])
        results[name] = {
            "commands": len(s), "per_s": len(s) / (wall[name] / 1e9),
            "mean_us": statistics.fmean(s) / 1000, "p50_us": pct(s, 0.50),
            "p99_us": pct(s, 0.99), "max_us": s[-1] / 1000,
        }
    # per-round ratio: both sides timed back to back, so machine drift mostly cancels
    return results, [b / p for p, b in zip(rounds["pathway"], rounds["bare"], strict=True)]


def print_compare(results: Results, round_ratios: list[float], args: argparse.Namespace) -> None:
    print(f"\n## Commands ({args.n} per side, {args.rounds} interleaved rounds, "
          f"{args.warmup} warm-up, {args.pathways} streams per side)")
    print("| side | commands/s | mean µs | p50 µs | p99 µs | max µs |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        print(f"| {name} | {r['per_s']:,.0f} | {r['mean_us']:,.0f} | {r['p50_us']:,.0f} | "
              f"{r['p99_us']:,.0f} | {r['max_us']:,.0f} |")
    ratio = results["pathway"]["per_s"] / results["bare"]["per_s"]
    rr = sorted(round_ratios)
    print(f"\nPathway/bare per round: median {statistics.median(rr):.1%}, "
          f"min {rr[0]:.1%}, max {rr[-1]:.1%}")
    verdict = "MET" if ratio >= 0.80 else f"NOT MET (short by {0.80 - ratio:.1%} of bare)"
    print(f"\nPathway/bare throughput: {ratio:.1%} (target >= 80%: {verdict})")
    print(f"Pathway/bare by p50 latency (robust to stalls): "
          f"{results['bare']['p50_us'] / results['pathway']['p50_us']:.1%}")
    for name in results:
        if name not in ("pathway", "bare"):
            print(f"Pathway/{name} throughput: "
                  f"{results['pathway']['per_s'] / results[name]['per_s']:.1%}")
    extra = results["pathway"]["mean_us"] - results["bare"]["mean_us"]
    print(f"Pathway minus bare, mean latency: {extra:+,.0f} µs per command.")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--postgres", metavar="URL",
                    help="use this PostgreSQL (a unique schema, dropped at the end)")
    ap.add_argument("--n", type=int, default=3000, help="measured commands per side")
    ap.add_argument("--rounds", type=int, default=10, help="interleaved rounds")
    ap.add_argument("--warmup", type=int, default=300, help="warm-up commands per side")
    ap.add_argument("--pathways", type=int, default=50, help="streams per side (cycled)")
    ap.add_argument("--variants", default="bare-nocopy,bare-nocache",
                    help="extra bare sides, comma-separated ('' for none)")
    ap.add_argument("--replay-events", type=int, default=10_000)
    ap.add_argument("--replay-runs", type=int, default=7)
    ap.add_argument("--profile-n", type=int, default=1000, help="commands in the profile")
    ap.add_argument("--skip-replay", action="store_true")
    ap.add_argument("--skip-profile", action="store_true")
    args = ap.parse_args(argv)
    if args.n < args.rounds or args.rounds < 1:
        ap.error("--n must be >= --rounds >= 1")
    stores = Stores.open(args.postgres)
    t0 = time.perf_counter()
    try:
        print(f"# bench_service: {stores.describe()}; code {code_version()}; "
              f"load average {os.getloadavg()}")
        print_compare(*compare(stores, args), args)
        if not args.skip_replay:
            import bench_replay
            bench_replay.run(stores, args.replay_events, args.replay_runs)
        if not args.skip_profile:
            import bench_profile
            bench_profile.run(stores, args.profile_n, args.pathways)
    finally:
        stores.close()
    print(f"\n(total run {time.perf_counter() - t0:,.1f} s; load average {os.getloadavg()})")


if __name__ == "__main__":
    main()
