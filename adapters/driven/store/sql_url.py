"""The event store's database, addressed through SQLAlchemy (users, read models)."""

from __future__ import annotations

from sqlalchemy.engine import URL

from adapters.driven.store.settings import StoreSettings


def sqlalchemy_url(settings: StoreSettings) -> URL:
    """The same database as the event log (psycopg 3 for PostgreSQL)."""
    if settings.backend == "sqlite":
        assert settings.sqlite_path is not None
        return URL.create("sqlite", database=str(settings.sqlite_path))
    return URL.create(
        "postgresql+psycopg",
        username=settings.pg_user,
        password=settings.pg_password or None,
        host=settings.pg_host,
        port=settings.pg_port,
        database=settings.pg_dbname,
    )
