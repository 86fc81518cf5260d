"""Shared helpers for the hand-run benchmarks in bench/ (never imported by the test suite).

Stores: a temp dir holding one SQLite file per application (WAL, same file system), or one
PostgreSQL schema (unique, dropped by `close`) holding both applications' tables.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psycopg
from eventsourcing.application import Application
from eventsourcing.domain import Aggregate, event
from psycopg import sql

from adapters.bootstrap import build_application, prepare_database
from adapters.driven.store.settings import StoreSettings
from domain.model import Actor
from service.application import PathwayApplication

ACTOR = Actor("bench.officer", "Northshire Police", "officer", "constable")
START = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)
SUMMARY = ("Shouting and throwing bottles at the bus shelter on Mill Lane around 23:10; "
           "two residents gave statements, CCTV requested.")
NOTE = "Body-worn video from PC 4411 and two resident statements added to the file."


class Clock:
    """Moves one second each time the bench calls `tick` (the service only reads it)."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def tick(self, seconds: int = 1) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now


class BareNote(Aggregate):
    """Bare eventsourcing reference: one @event method, mutable state, library mapper."""

    def __init__(self) -> None:
        self.count = 0
        self.last = ""

    @event("Noted")
    def note(self, text: str) -> None:
        self.count += 1
        self.last = text


class BareApp(Application[uuid.UUID]):
    name = "BareApp"  # PostgreSQL tables: bareapp_events (SQLite: its own file)


@dataclass
class Stores:
    """Where both applications live for one run."""

    backend: str
    pathway_settings: StoreSettings
    bare_env: dict[str, str]
    tmp: Path
    pg_url: str = ""
    pg_schema: str = ""
    apps: list[Any] = field(default_factory=list)

    @classmethod
    def open(cls, postgres_url: str | None) -> Stores:
        tmp = Path(tempfile.mkdtemp(prefix="pathway-bench-"))
        if not postgres_url:
            return cls("sqlite", StoreSettings.parse(f"sqlite:///{tmp / 'pathway.db'}"),
                       {"PERSISTENCE_MODULE": "eventsourcing.sqlite",
                        "SQLITE_DBNAME": str(tmp / "bare.db")}, tmp)
        schema = f"bench_{uuid.uuid4().hex[:12]}"
        sep = "&" if "?" in postgres_url else "?"
        settings = StoreSettings.parse(f"{postgres_url}{sep}schema={schema}")
        prepare_database(settings)  # creates the schema and Pathway's tables (as `asb db init`)
        p = urlsplit(postgres_url)
        env = {"PERSISTENCE_MODULE": "eventsourcing.postgres",
               "POSTGRES_DBNAME": p.path.lstrip("/"), "POSTGRES_HOST": p.hostname or "",
               "POSTGRES_PORT": str(p.port or 5432), "POSTGRES_USER": p.username or "",
               "POSTGRES_PASSWORD": p.password or "", "POSTGRES_SCHEMA": schema}
        return cls("postgres", settings, env, tmp, postgres_url, schema)

    def pathway_app(self, clock: Clock, **kw: Any) -> PathwayApplication:
        app = build_application(self.pathway_settings, clock=clock, **kw)
        self.apps.append(app)
        return app

    def bare_app(self, **env: str) -> BareApp:
        app = BareApp(env={**self.bare_env, **env})
        self.apps.append(app)
        return app

    def describe(self) -> str:
        if self.backend == "sqlite":
            return f"SQLite files in {self.tmp} ({fs_type(self.tmp)})"
        return f"PostgreSQL {self.pathway_settings.describe()}"

    def close(self) -> None:
        for app in self.apps:
            try:
                app.close()
            except Exception:  # noqa: BLE001 - best effort at exit
                pass
        if self.pg_schema:
            with psycopg.connect(self.pg_url, autocommit=True) as conn:
                conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE")
                             .format(sql.Identifier(self.pg_schema)))
        shutil.rmtree(self.tmp, ignore_errors=True)


def code_version() -> str:
    """The commit measured, and whether the measured code differs from it (read-only git)."""
    root = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root,
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "domain", "service",
                                "adapters"], cwd=root, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown (no git)"
    return f"{head}{' + uncommitted changes in domain/service/adapters' if dirty else ''}"


def fs_type(path: Path) -> str:
    best = ("?", "")
    for line in Path("/proc/mounts").read_text().splitlines():
        _, mnt, fstype, *_ = line.split()
        if str(path).startswith(mnt) and len(mnt) >= len(best[1]):
            best = (fstype, mnt)
    return f"{best[0]} on {best[1]}"


# ------------------------------------------------------------------ commands
def incident_linked(now: datetime) -> dict[str, Any]:
    return {"step": "incident_linked", "occurred_at": now - timedelta(minutes=1),
            "incident_id": uuid.uuid4(), "incident_occurred_at": now - timedelta(hours=2),
            "summary": SUMMARY, "conduct": "noise and intimidation"}


def evidence_attached(now: datetime) -> dict[str, Any]:
    return {"step": "evidence_attached", "occurred_at": now - timedelta(minutes=1),
            "note": NOTE, "evidence": [{"exhibit": "NC/1", "description": "BWV clip"}]}


SMALL_STEPS = (incident_linked, evidence_attached)


def open_pathways(app: PathwayApplication, clock: Clock, n: int) -> list[uuid.UUID]:
    ids = []
    for i in range(n):
        now = clock.tick()
        ids.append(app.open_pathway({
            "occurred_at": now - timedelta(minutes=5),
            "subject": {"name": f"Subject {i}", "date_of_birth": "1990-05-17"},
            "conduct_summary": "Repeated noise and intimidation of neighbours",
            "issue_tags": ["noise", "intimidation"]}, ACTOR))
    return ids


def pathway_state_sizes(app: PathwayApplication, pid: uuid.UUID, clock: Clock) -> list[int]:
    """Stored-state bytes of each small step, decided (not saved) on pathway `pid`."""
    agg = app.pathway(pid)
    sizes = []
    for make in SMALL_STEPS:
        cmd = app._command(make(clock.now))
        ev = agg.decide(cmd, ACTOR, clock.now, app.rule_book)
        sizes.append(len(app.mapper.to_stored_event(ev).state))
    return sizes


def bare_texts(app: BareApp, sizes: list[int]) -> list[str]:
    """Texts that make a bare Noted event's stored state exactly `size` bytes each."""
    probe = BareNote()
    probe.note(text="")
    events = probe.collect_events()
    base = len(app.mapper.to_stored_event(events[-1]).state)
    texts = ["x" * (s - base) for s in sizes]
    for text, size in zip(texts, sizes, strict=True):
        probe.note(text=text)
        assert len(app.mapper.to_stored_event(probe.collect_events()[-1]).state) == size
    return texts


def pct(sorted_ns: list[int], q: float) -> float:
    """q-quantile (nearest rank) in microseconds of sorted nanosecond samples."""
    i = min(len(sorted_ns) - 1, max(0, round(q * len(sorted_ns)) - 1))
    return sorted_ns[i] / 1000
