"""An API over a real store, per test: SQLite file or a fresh PostgreSQL schema.

`api` is the system from the composition root (adapters.bootstrap) with an in-process
projection; requests go through HTTP (starlette's TestClient, on httpx).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from uuid import uuid4

import psycopg
import pytest

with warnings.catch_warnings():
    # Starlette's TestClient runs on httpx and now suggests httpx2; httpx is what we test with.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient
from psycopg import sql

from adapters.bootstrap import bootstrap, prepare_database
from adapters.driven.auth.users import UserStore
from adapters.driven.readmodels.database import ReadStore
from adapters.driven.readmodels.projector import Projector
from adapters.driven.store.settings import StoreSettings
from adapters.settings import Settings
from service.application import PathwayApplication
from tests.conftest import Clock


def pg_settings(postgres_url: str) -> StoreSettings:
    """A fresh schema of the test database, named in the URL like a deployment would."""
    return StoreSettings.parse(f"{postgres_url}?schema=api_{uuid4().hex[:12]}")


def drop_schema(postgres_url: str, schema: str) -> None:
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_settings(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[StoreSettings]:
    if request.param == "sqlite":
        yield StoreSettings.parse(f"sqlite:///{tmp_path / 'pathway.db'}")
        return
    url = request.getfixturevalue("postgres_url")
    settings = pg_settings(url)
    try:
        yield settings
    finally:
        drop_schema(url, settings.pg_schema)


@dataclass
class Api:
    """The running API and what a test needs around it."""

    client: TestClient
    application: PathwayApplication
    users: UserStore
    projector: Projector
    store: ReadStore
    clock: Clock
    tokens: dict[str, str] = field(default_factory=dict)

    def token(self, role: str = "officer", agency: str = "Marlshire Police",
              rank: str | None = "constable", name: str | None = None) -> str:
        name = name or f"{role} {len(self.tokens) + 1}"
        _, token = self.users.add(name, agency, role, rank)
        self.tokens[name] = token
        return token

    def as_(self, token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}


def make_api(settings: StoreSettings, clock: Clock) -> Iterator[Api]:
    prepare_database(settings)  # as `asb db init` does before a PostgreSQL API starts
    with bootstrap(Settings.for_store(settings), clock=clock) as system, \
            TestClient(system.app, raise_server_exceptions=True) as client:
        yield Api(client, system.application, system.users, system.projector, system.store,
                  clock)


@pytest.fixture
def api(store_settings: StoreSettings, clock: Clock) -> Iterator[Api]:
    yield from make_api(store_settings, clock)


@pytest.fixture
def sqlite_api(tmp_path: Any, clock: Clock) -> Iterator[Api]:
    yield from make_api(StoreSettings.parse(f"sqlite:///{tmp_path / 'pathway.db'}"), clock)

