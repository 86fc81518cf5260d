"""Court exports of a 2,000-event pathway: build the rows from the log, render each format.

Run by hand (never part of the test suite):

    .venv/bin/python bench/bench_exports.py [--events 2000] [--rounds 5] [--keep DIR]
        [--weasyprint-rows N]

The pathway is recorded through the real service on a temporary SQLite file: incidents
reported and linked (one incident stream each), early interventions, consultations,
assessments and evidence, with realistic long descriptions.
Timings are medians of --rounds runs after one warm-up on a small export (fonts are loaded
once per process). The PDF's font subsets are cached per character set, so the cache is
emptied before every timed PDF run: each one pays for its subsets as a first export does.
"build" = load the covered streams + build the rows + provenance; each format's figure is the
rendering alone. Targets: JSON/CSV <= 100 ms, DOCX <= 1 s, PDF <= 3 s.

--weasyprint-rows N also times WeasyPrint on the first N rows of the same chronology (the
engine the PDF falls back to for text that needs shaping), for comparison.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from adapters.bootstrap import build_application, build_log_reader
from adapters.driven.exports import build_export, render
from adapters.driven.exports import formats, tablepdf
from adapters.driven.exports.document import Options
from adapters.driven.exports.render_pdf import engine, render_weasyprint
from adapters.driven.exports.tablepdf import fonts
from adapters.driven.store.settings import StoreSettings
from domain.model import Actor

OFFICER = Actor("bench.officer", "Northshire Police", "officer", "constable")
CONTROL = Actor("control.room", "Northshire Police", "officer")
START = datetime(2024, 1, 1, 9, 0, tzinfo=UTC)
LONG = ("Shouting and throwing bottles at the bus shelter on Mill Lane around 23:10; two "
        "residents gave statements and described the same group returning over three nights; "
        "CCTV requested from the council control room and the landlord informed.")


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


def make_pathway(app, clock: Clock, events: int) -> UUID:  # type: ignore[no-untyped-def]
    pid = app.open_pathway({"occurred_at": START, "subject": {"name": "Bench Subject",
                            "date_of_birth": "1990-01-01"}, "conduct_summary": LONG[:120],
                            "issue_tags": ["noise", "bottles"]}, OFFICER)
    count, i = 1, 0
    while count < events:
        i += 1
        clock.now = START + timedelta(hours=3 * i)
        when = clock.now - timedelta(minutes=30)
        kind = i % 5
        if kind == 0:
            iid = app.report_incident({"occurred_at": when, "category": "Noise and bottles",
                                       "location": "Mill Lane bus shelter", "description": LONG[:200],
                                       "reference": f"CAD {i:06d}", "source": "999/101 call",
                                       "victims": ["Ann Example"], "witnesses": ["Bob Sample"],
                                       "subject_pathway_ids": [str(pid)]}, CONTROL)
            step = {"step": "incident_linked", "incident_id": iid, "incident_occurred_at": when,
                    "summary": LONG[:80], "conduct": "Noise and bottles at Mill Lane"}
        elif kind == 1:
            step = {"step": "early_intervention", "intervention_id": _uuid(i),
                    "kind": "home_visit", "outcome": LONG}
        elif kind == 2:
            step = {"step": "consultation_recorded", "consultation_id": _uuid(i),
                    "body": "housing", "outcome": LONG}
        elif kind == 3:
            step = {"step": "proportionality_assessed", "assessment_id": _uuid(i),
                    "conclusion": "Further steps proportionate", "lesser_measures": LONG,
                    "vulnerability": "None identified", "article_8": "Not engaged"}
        else:
            step = {"step": "evidence_attached", "note": LONG,
                    "evidence": [{"exhibit": f"BO/{i % 9999 + 1}", "description": "BWV clip"}]}
        app.record(pid, {"occurred_at": when, **step}, OFFICER)
        count += 1
    return pid


def pages(pdf: bytes) -> int:
    """Pages of a PDF, from WeasyPrint's page tree (/Count of the root /Pages)."""
    import re
    import zlib

    counts = []
    for raw in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            text = zlib.decompress(raw)
        except zlib.error:
            text = raw
        counts += [int(n) for n in re.findall(rb"/Type\s*/Pages.*?/Count\s+(\d+)", text, re.DOTALL)]
    counts += [int(n) for n in re.findall(rb"/Count\s+(\d+)", pdf)]
    return max(counts, default=0)


def _uuid(i: int) -> UUID:
    return UUID(int=i + 1)


def median_ms(fn, rounds: int, warm=None) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    result = (warm or fn)()  # warm-up (imports, fonts, caches)
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--weasyprint-rows", type=int, default=0,
                        help="also time WeasyPrint on this many rows (0: skip)")
    parser.add_argument("--keep", type=Path, default=None, help="write the exports here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        clock = Clock()
        app = build_application(StoreSettings.parse(f"sqlite:///{tmp}/bench.db"), clock=clock)
        t = time.perf_counter()
        pid = make_pathway(app, clock, args.events)
        made = time.perf_counter() - t
        version = app.pathway(pid).version
        print(f"pathway: {version} events on its stream (+ linked incident streams), "
              f"recorded in {made:.1f} s")
        log = build_log_reader(app)
        build_ms, doc = median_ms(lambda: build_export(log, pid, "chronology", Options()),
                                  args.rounds)
        print(f"build (load log + rows + provenance): {build_ms:8.1f} ms  "
              f"({len(doc.rows)} rows, {doc.provenance.position()})")  # type: ignore[attr-defined]
        small = build_export(log, pid, "chronology", Options(date_to=START.date()))
        print(f"PDF engine for this chronology: {engine(doc)}")
        for fmt in formats.NAMES:
            def run(f: str = fmt) -> bytes:
                if f == "pdf":
                    fonts._subset.cache_clear()  # every run makes its font subsets
                return render(doc, f)

            ms, data = median_ms(run, args.rounds, warm=lambda f=fmt: render(small, f))
            extra = f", {pages(data)} pages" if fmt == "pdf" else ""  # type: ignore[arg-type]
            print(f"render {fmt:<5}: {ms:8.1f} ms  ({len(data) / 1024:,.0f} KiB{extra})")  # type: ignore[arg-type]
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                (args.keep / f"bench-chronology.{fmt}").write_bytes(data)  # type: ignore[arg-type]
        if args.weasyprint_rows:
            part = build_export(log, pid, "chronology", Options())
            part.rows = part.rows[:args.weasyprint_rows]
            for name, fn in (("table writer", tablepdf.render_counted),
                             ("weasyprint", render_weasyprint)):
                fonts._subset.cache_clear()
                t = time.perf_counter()
                _, count = fn(part)
                print(f"{name:>12} on the first {len(part.rows)} rows: "
                      f"{(time.perf_counter() - t) * 1000:8.1f} ms, {count} pages")
        app.close()


if __name__ == "__main__":
    main()
