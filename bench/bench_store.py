"""Event store by hand: save rate with stream_heads, and `verify_log` throughput.

    .venv/bin/python -m bench.bench_store sqlite:////tmp/bench.db --events 100000
    .venv/bin/python -m bench.bench_store "postgresql://postgres@127.0.0.1:5432/test?schema=bench"

Uses a throw-away location: the SQLite file is deleted first, the PostgreSQL schema dropped.
"""

from __future__ import annotations

import argparse
import time
from datetime import UTC, datetime
from uuid import UUID, uuid4

import psycopg
from eventsourcing.application import Application
from psycopg import sql

from adapters.bootstrap import prepare_database
from adapters.driven.store.integrity import verify_log
from adapters.driven.store.settings import StoreSettings, persistence_env
from domain.events.base import GENESIS_HASH, DomainEvent


class BenchNoted(DomainEvent):
    note: str = ""


class BenchApp(Application[UUID]):
    name = "pathway"


def _event(sid: UUID, version: int, prev: str) -> BenchNoted:
    now = datetime.now(UTC)
    e = BenchNoted(originator_id=sid, originator_version=version, occurred_at=now, recorded_at=now,
                   actor="bench", agency="council", role="officer", rule_set="asbcpa2014",
                   legal_basis="ASBCPA2014 s.43(5)", rationale="r" * 200, prev_hash=prev,
                   note=f"event {version}")
    return e.sealed()  # type: ignore[return-value]


def _reset(settings: StoreSettings) -> None:
    if settings.sqlite_path is not None:
        for suffix in ("", "-wal", "-shm"):
            settings.sqlite_path.with_name(settings.sqlite_path.name + suffix).unlink(missing_ok=True)
    else:
        url = f"postgresql://{settings.pg_user}@{settings.pg_host}:{settings.pg_port}/{settings.pg_dbname}"
        with psycopg.connect(url, password=settings.pg_password, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(
                sql.Identifier(settings.pg_schema or "bench")))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--per-stream", type=int, default=50)
    parser.add_argument("--single", type=int, default=2000, help="one-event saves to time")
    args = parser.parse_args()
    settings = StoreSettings.parse(args.url)
    if settings.backend == "postgres" and not settings.pg_schema:
        raise SystemExit("give the PostgreSQL URL a ?schema=NAME to drop and refill")
    _reset(settings)
    prepare_database(settings)
    with BenchApp(env=persistence_env(settings)) as app:
        started = time.perf_counter()
        for _ in range(args.single // 10):
            sid, prev = uuid4(), GENESIS_HASH
            for v in range(1, 11):
                e = _event(sid, v, prev)
                app.save(e)
                prev = e.hash
        took = time.perf_counter() - started
        print(f"one event per save: {args.single / took:,.0f} saves/s")
        started = time.perf_counter()
        for _ in range((args.events - args.single) // args.per_stream):
            sid, prev, batch = uuid4(), GENESIS_HASH, []
            for v in range(1, args.per_stream + 1):
                batch.append(_event(sid, v, prev))
                prev = batch[-1].hash
            app.save(*batch)
        print(f"bulk fill: {time.perf_counter() - started:.1f}s")
    started = time.perf_counter()
    report = verify_log(settings)
    took = time.perf_counter() - started
    print(f"verify_log: {report.events_checked:,} events in {report.streams_checked:,} streams, "
          f"{took:.2f}s = {report.events_checked / took:,.0f} events/s, ok={report.ok}")


if __name__ == "__main__":
    main()
