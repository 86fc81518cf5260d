"""Shared fixtures. Keep this file small: put area-specific fixtures next to their tests."""

from __future__ import annotations

import os
from datetime import datetime

import psycopg
import pytest

DEFAULT_TEST_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test"

#: The tests' key-encryption key (PostgreSQL needs one configured; SQLite would make a file).
#: Set at import so CLI subprocesses inherit it. A test value, protecting no real data.
TEST_KEY_ENCRYPTION_KEY = "dGVzdC1vbmx5LWtleS1lbmNyeXB0aW9uLWtleS0zMmI="
os.environ.setdefault("ASB_KEY_ENCRYPTION_KEY", TEST_KEY_ENCRYPTION_KEY)


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """URL of the test PostgreSQL (override with ASB_TEST_POSTGRES_URL).

    Unreachable: the test FAILS when CI=true (a CI run must not pass by skipping the
    PostgreSQL half of the contract), and is skipped loudly elsewhere.
    """
    url = os.environ.get("ASB_TEST_POSTGRES_URL", DEFAULT_TEST_POSTGRES_URL)
    try:
        with psycopg.connect(url, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as e:
        reason = f"PostgreSQL NOT REACHABLE at {url} ({e}); PostgreSQL tests did NOT run"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return url


class Clock:
    """A clock the test moves by hand: the domain never reads the real one."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def set(self, moment: datetime) -> None:
        self.now = moment


@pytest.fixture
def clock() -> Clock:
    from datetime import datetime, timezone

    return Clock(datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc))


@pytest.fixture
def sqlite_settings(tmp_path):  # type: ignore[no-untyped-def]
    from adapters.driven.store.settings import StoreSettings

    return StoreSettings.parse(f"sqlite:///{tmp_path / 'pathway.db'}")


@pytest.fixture
def app(sqlite_settings, clock):  # type: ignore[no-untyped-def]
    """The real application service on a temporary SQLite file."""
    from adapters.bootstrap import build_application

    application = build_application(sqlite_settings, clock=clock)
    yield application
    application.close()
