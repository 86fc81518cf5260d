"""Where a Pathway command's time goes: cProfile split, then an unprofiled stage-by-stage replica.

Called by bench_service.py (same store); standalone: .venv/bin/python bench/bench_profile.py
[--postgres URL] [--n 1000]. cProfile inflates pure-Python costs relative to C calls (commit,
sqlite3), so the replica below times the same stages without a profiler.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from uuid import uuid4

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _benchlib import (  # noqa: E402
    ACTOR, SMALL_STEPS, BareNote, Clock, Stores, bare_texts, open_pathways, pathway_state_sizes,
)
from domain.model import StepRefusedError, parse_command  # noqa: E402
from service.application import project  # noqa: E402

# (label, file suffix, function name); cumulative time, max over matching entries (nesting).
COMMIT = "<method 'commit' of 'sqlite3.Connection' objects>"
PATHWAY_PARTS = [
    ("record() total", "service/application.py", "record"),
    ("pydantic validation of the command (parse_command)", "domain/commands.py", "parse_command"),
    ("load: cache + fast-forward (PathwayApplication.load_any)", "service/application.py",
     "load_any"),
    ("  of which fast-forward SELECT (select_events)", "", "select_events"),
    ("decide, incl. guards + event build + sealing", "domain/aggregate.py", "decide"),
    ("  guards (CaseStream.evaluate)", "domain/aggregate.py", "evaluate"),
    ("  sealing (DomainEvent.sealed: canonical JSON, sha256)", "domain/events/base.py", "sealed"),
    ("_save (library save + project + cache)", "service/application.py", "_save"),
    ("  Application.save (library)", "eventsourcing/application.py", "save"),
    ("    mapper encode (PydanticMapper.to_stored_event)", "store/mapper.py", "to_stored_event"),
    ("    store append (recorder insert_events)", "", "insert_events"),
    ("      of which sqlite3 COMMIT (fsync)", "~", COMMIT),
    ("  project (both calls per command)", "service/application.py", "project"),
    ("pydantic BaseModel.__getattr__ (hasattr/getattr misses)", "pydantic/main.py", "__getattr__"),
]
BARE_PARTS = [
    ("command total (get + note + save)", "bench_profile.py", "bare_cmd"),
    ("repository.get (cache, fast-forward, deepcopy)", "eventsourcing/application.py", "get"),
    ("  of which fast-forward SELECT (select_events)", "", "select_events"),
    ("  of which deepcopy", "copy.py", "deepcopy"),
    ("aggregate method (@event: build event + apply)", "eventsourcing/domain.py", "__call__"),
    ("Application.save (library)", "eventsourcing/application.py", "save"),
    ("  mapper encode (Mapper.to_stored_event)", "eventsourcing/persistence.py", "to_stored_event"),
    ("  store append (recorder insert_events)", "", "insert_events"),
    ("    of which sqlite3 COMMIT (fsync)", "~", COMMIT),
]


def cumulative(stats: pstats.Stats, suffix: str, name: str) -> float:
    found = [v[3] for (f, _, fn), v in stats.stats.items()  # type: ignore[attr-defined]
             if fn == name and f.endswith(suffix)]
    return max(found, default=0.0)


def called_from(stats: pstats.Stats, callee: tuple[str, str], caller: tuple[str, str]) -> float:
    total = 0.0
    for (f, _, fn), v in stats.stats.items():  # type: ignore[attr-defined]
        if fn == callee[1] and f.endswith(callee[0]):
            for (cf, _, cfn), c in v[4].items():
                if cfn == caller[1] and cf.endswith(caller[0]):
                    total += c[3]
    return total


Parts = list[tuple[str, str, str]]
Extra = Callable[[pstats.Stats], list[tuple[str, float]]]


def profiled(label: str, op: Callable[[int], object], n: int, parts: Parts,
             extra: Extra | None = None) -> None:
    prof = cProfile.Profile()
    prof.enable()
    for i in range(n):
        op(i)
    prof.disable()
    stats = pstats.Stats(prof, stream=io.StringIO())
    total = cumulative(stats, parts[0][1], parts[0][2])
    print(f"\n### cProfile, {label}: {n} commands, µs per command (cumulative)")
    print("| part | µs/command | % of command |\n|---|---:|---:|")
    rows = [(lbl, cumulative(stats, suf, fn)) for lbl, suf, fn in parts]
    rows += extra(stats) if extra else []
    for lbl, t in rows:
        if not t:  # e.g. the sqlite3 COMMIT row on PostgreSQL
            continue
        print(f"| {lbl} | {t / n * 1e6:,.1f} | {t / total:.1%} |")
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(12)
    print(f"\nTop own-time functions ({label}):\n```")
    print("\n".join(line for line in out.getvalue().splitlines()[6:] if line.strip()))
    print("```")


def stage_table(title: str, samples: dict[str, list[int]]) -> None:
    print(f"\n### {title} (no profiler), µs")
    print("| stage | median | mean |\n|---|---:|---:|")
    for stage, xs in samples.items():
        med, mean = statistics.median(xs) / 1000, statistics.fmean(xs) / 1000
        print(f"| {stage} | {med:,.1f} | {mean:,.1f} |")


def run(stores: Stores, n: int, n_streams: int) -> None:
    print(f"\n## Cost split ({stores.backend})")
    clock = Clock()
    app = stores.pathway_app(clock)
    ids = open_pathways(app, clock, n_streams)
    for i in range(200):  # warm caches
        app.record(ids[i % n_streams], SMALL_STEPS[i % 2](clock.tick()), ACTOR)
    datas: list[dict[str, Any]] = [SMALL_STEPS[i % 2](clock.tick()) for i in range(n)]
    profiled("pathway record()", lambda i: app.record(ids[i % n_streams], datas[i], ACTOR),
             n, PATHWAY_PARTS, extra=lambda s: [
                 ("  pydantic event construction in decide (BaseModel.__init__)",
                  called_from(s, ("pydantic/main.py", "__init__"),
                              ("domain/aggregate.py", "decide"))),
                 ("  field copy cmd→event in decide (<dictcomp>, hasattr misses)",
                  called_from(s, ("~", "<built-in method builtins.hasattr>"),
                              ("domain/aggregate.py", "<dictcomp>")))])

    bare = stores.bare_app(AGGREGATE_CACHE_MAXSIZE="5000")
    texts = bare_texts(bare, pathway_state_sizes(app, ids[0], clock))
    bare_ids = []
    for _ in range(n_streams):
        note = BareNote()
        bare.save(note)
        bare_ids.append(note.id)

    def bare_cmd(i: int) -> None:
        note: BareNote = bare.repository.get(bare_ids[i % n_streams])
        note.note(text=texts[i % 2])
        bare.save(note)

    for i in range(200):
        bare_cmd(i)
    profiled("bare eventsourcing", bare_cmd, n, BARE_PARTS)

    # ---- unprofiled replica of record(), stage by stage (same calls, same order)
    p_st: dict[str, list[int]] = {k: [] for k in (
        "validate command (parse_command)", "load (cache + fast-forward)",
        "decide (guards + event build + seal)", "  seal alone (re-run sealed())",
        "mapper encode", "store append (insert_events + commit)", "project + cache",
        "record() end to end (alternate commands)")}
    b_st: dict[str, list[int]] = {k: [] for k in (
        "repository.get (+deepcopy)", "aggregate method", "mapper encode",
        "store append (insert_events + commit)", "get+note+save end to end (alternate commands)")}
    ns = time.perf_counter_ns
    p_e2e, b_e2e = p_st["record() end to end (alternate commands)"], b_st[
        "get+note+save end to end (alternate commands)"]
    for i in range(n):
        pid, data = ids[i % n_streams], SMALL_STEPS[i % 2](clock.tick())
        if i % 2:
            t = ns(); app.record(pid, data, ACTOR); p_e2e.append(ns() - t)  # noqa: E702
            t = ns(); bare_cmd(i); b_e2e.append(ns() - t)  # noqa: E702
            continue
        t0 = ns(); cmd = parse_command(dict(data))
        t1 = ns(); agg = app.pathway(pid)  # what record() does via load_any, typed
        t2 = ns(); ev = agg.decide(cmd, ACTOR, clock(), app.rule_book)
        t3 = ns(); ev.sealed()
        t4 = ns(); stored = app.mapper.to_stored_event(ev)
        t5 = ns(); app.recorder.insert_events([stored])
        t6 = ns(); app._remember(project(agg, [ev]))  # type: ignore[arg-type]
        t7 = ns()
        for k, a, b in zip(p_st, (t0, t1, t2, t3, t4, t5, t6), (t1, t2, t3, t4, t5, t6, t7)):
            p_st[k].append(b - a)
        t0 = ns(); bagg: BareNote = bare.repository.get(bare_ids[i % n_streams])
        t1 = ns(); bagg.note(text=texts[i % 2]); evs = bagg.collect_events()
        t2 = ns(); stored_b = [bare.mapper.to_stored_event(e) for e in evs]
        t3 = ns(); bare.recorder.insert_events(stored_b)
        t4 = ns()
        for k, a, b in zip(b_st, (t0, t1, t2, t3), (t1, t2, t3, t4)):
            b_st[k].append(b - a)
    stage_table("Pathway record(), staged replica", p_st)
    stage_table("Bare eventsourcing command, staged replica", b_st)

    # ---- guard-heavy decide, for scale (no save): injunction_applied has 7 guards
    pathway = app.pathway(ids[0])
    inj = parse_command({"step": "injunction_applied", "occurred_at": clock.now,
                         "instrument_id": uuid4(), "terms": ["Not to enter Mill Lane"],
                         "positive_requirements": ["Attend the anger-management course"],
                         "supervisor": "YOT officer"})
    xs = []
    for _ in range(2000):
        t = ns()
        try:
            pathway.decide(inj, ACTOR, clock.now, app.rule_book)
        except StepRefusedError:
            pass
        xs.append(ns() - t)
    print(f"\ndecide of injunction_applied (7 guards, no save): median "
          f"{statistics.median(xs) / 1000:,.1f} µs")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--postgres", metavar="URL")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--pathways", type=int, default=50)
    a = ap.parse_args()
    s = Stores.open(a.postgres)
    try:
        run(s, a.n, a.pathways)
    finally:
        s.close()
