"""Fixtures of the integration tests.

Service fixtures (prefix `service_`): the real PathwayApplication on each backend. Every
test that uses them runs twice, on a temporary SQLite file and on PostgreSQL (a schema of
its own, dropped afterwards; marked `postgres`). Other areas: add your fixtures below
under your own heading and prefix.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from uuid import uuid4

import psycopg
import pytest
from psycopg import sql

from adapters.driven.store.settings import StoreSettings, table_names
from adapters.settings import Settings

# ============================================================================ service fixtures


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def service_backend(request: pytest.FixtureRequest) -> str:
    """The backend the service tests run on: "sqlite" or "postgres"."""
    return str(request.param)


@pytest.fixture
def service_settings(service_backend: str, request: pytest.FixtureRequest) -> Iterator[StoreSettings]:
    """A fresh, initialised store: the root `sqlite_settings` file (the one the root `app`
    fixture uses), or a PostgreSQL schema `t_<random>` created here and dropped afterwards."""
    if service_backend == "sqlite":
        yield request.getfixturevalue("sqlite_settings")
        return
    from adapters.bootstrap import prepare_database

    url: str = request.getfixturevalue("postgres_url")
    schema = f"t_{uuid4().hex[:16]}"
    settings = StoreSettings.parse(f"{url}{'&' if '?' in url else '?'}schema={schema}")
    assert settings.pg_schema == schema, "the test PostgreSQL URL already names a schema"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    try:
        prepare_database(settings)  # serving nodes never create tables on PostgreSQL
        yield settings
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))


@pytest.fixture
def service_app_factory(service_settings: StoreSettings, clock: Any) -> Iterator[Callable[..., Any]]:
    """Build more applications on the same store (a restarted process, a second node, one
    with another snapshot interval). All are closed before the store is dropped."""
    from adapters.bootstrap import build_application

    built: list[Any] = []

    def make(**kwargs: Any) -> Any:
        application = build_application(service_settings, clock=clock, **kwargs)
        built.append(application)
        return application

    yield make
    for application in reversed(built):
        application.close()


@pytest.fixture
def service_app(service_backend: str, service_app_factory: Callable[..., Any],
                request: pytest.FixtureRequest) -> Any:
    """The application under test: the root `app` fixture on SQLite, its twin on PostgreSQL."""
    if service_backend == "sqlite":
        return request.getfixturevalue("app")
    return service_app_factory()


@pytest.fixture
def service_rows(service_settings: StoreSettings) -> Callable[[str], list[tuple[Any, ...]]]:
    """Raw rows of the store's `events` or `snapshots` table: (originator_id, version)."""

    def rows(which: str) -> list[tuple[Any, ...]]:
        table = getattr(table_names(service_settings), which)
        if service_settings.backend == "sqlite":
            import sqlite3

            assert service_settings.sqlite_path is not None
            with sqlite3.connect(service_settings.sqlite_path) as conn:
                cur = conn.execute(  # noqa: S608 - table name comes from our settings
                    f"SELECT originator_id, originator_version FROM {table} "
                    "ORDER BY originator_id, originator_version")
                return cur.fetchall()
        s = service_settings
        with psycopg.connect(host=s.pg_host, port=s.pg_port, user=s.pg_user,
                             password=s.pg_password, dbname=s.pg_dbname) as conn:
            query = sql.SQL("SELECT originator_id, originator_version FROM {}.{} "
                            "ORDER BY originator_id, originator_version").format(
                sql.Identifier(s.pg_schema), sql.Identifier(table))
            return conn.execute(query).fetchall()

    return rows


# ============================================================================ export fixtures
@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Orchard Walk (`asb demo`, deterministic ids) in a temporary database, built once
    per module."""
    import io

    from rich.console import Console

    from adapters.driving.cli.demo import run_demo

    path = tmp_path_factory.mktemp("demo") / "pathway.db"
    run_demo(Settings.for_store(StoreSettings.parse(f"sqlite:///{path}")), Console(file=io.StringIO()))
    return path


@pytest.fixture
def demo_app(demo_db: Path) -> Iterator[Any]:
    from adapters.bootstrap import build_application

    application = build_application(StoreSettings.parse(f"sqlite:///{demo_db}"))
    yield application
    application.close()


# ============================================================================ tampering


def sql_from_another_process(path: Path, statement: str) -> None:
    """Run one SQL statement on the SQLite file `path` from a separate process, as an operator
    with shell access might. Python's own sqlite3 module does it, so the test never depends on
    (or silently skips for want of) the sqlite3 command-line shell."""
    import subprocess
    import sys

    program = ("import sqlite3, sys\n"
               "with sqlite3.connect(sys.argv[1]) as conn:\n"
               "    changed = conn.execute(sys.argv[2]).rowcount\n"
               "assert changed == 1, f'{changed} rows changed'\n")
    subprocess.run([sys.executable, "-c", program, str(path), statement], check=True)
