"""The composition root: one `bootstrap`, and DDL only in `prepare_database`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import create_engine, inspect

from adapters.bootstrap import bootstrap, prepare_database
from adapters.driven.store.settings import StoreSettings
from adapters.driven.store.sql_url import sqlalchemy_url
from adapters.settings import ProjectionMode, Settings

EXPECTED = {"stored_events", "stream_heads", "stored_snapshots", "users", "rm_pathways"}


def _tables(store: StoreSettings) -> set[str]:
    engine = create_engine(sqlalchemy_url(store))
    try:
        return set(inspect(engine).get_table_names(schema=store.pg_schema or None))
    finally:
        engine.dispose()


@pytest.fixture
def empty_pg(postgres_url: str) -> Iterator[StoreSettings]:
    schema = f"boot_{uuid4().hex[:12]}"
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    try:
        yield StoreSettings.parse(f"{postgres_url}?schema={schema}")
    finally:
        with psycopg.connect(postgres_url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))


def test_an_embedded_sqlite_file_gets_every_table_when_opened(tmp_path: Path) -> None:
    store = StoreSettings.parse(f"sqlite:///{tmp_path / 'fresh.db'}")
    with bootstrap(Settings.for_store(store)) as system:
        assert system.users.list() == []
    assert EXPECTED <= _tables(store)


@pytest.mark.postgres
def test_on_postgres_bootstrap_creates_no_table_and_prepare_database_creates_them(
    empty_pg: StoreSettings,
) -> None:
    with bootstrap(Settings.for_store(empty_pg)):
        pass
    assert _tables(empty_pg) == set()
    prepare_database(empty_pg)
    tables = _tables(empty_pg)
    assert {"pathway_events", "pathway_stream_heads", "pathway_snapshots", "users",
            "rm_pathways"} <= tables


def test_the_projection_mode_chooses_the_read_side(tmp_path: Path) -> None:
    store = StoreSettings.parse(f"sqlite:///{tmp_path / 'p.db'}")
    with bootstrap(Settings.for_store(store)) as inproc, \
            bootstrap(Settings.for_store(store), projection=ProjectionMode.EXTERNAL) as follower:
        assert type(inproc.read_side).__name__ == "InProcessReadSide"
        assert type(follower.read_side).__name__ == "FollowerReadSide"
        assert inproc.app.state.services.application is inproc.application


@pytest.mark.postgres
def test_users_on_postgres_before_db_init_says_to_run_it(empty_pg: StoreSettings) -> None:
    from typer.testing import CliRunner

    from adapters.driving.cli.main import app

    env = {"ASB_DATABASE_URL": empty_pg.url()}
    result = CliRunner().invoke(app, ["users", "list"], env=env)
    assert result.exit_code == 1
    assert "asb db init" in result.output
    assert _tables(empty_pg) == set()
    assert CliRunner().invoke(app, ["db", "init"], env=env).exit_code == 0
    assert CliRunner().invoke(app, ["users", "list"], env=env).exit_code == 0
