"""ASB_DATABASE_URL parsing and the eventsourcing environment it produces."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.driven.store.settings import (
    StoreSettings,
    heads_table_for,
    persistence_env,
    table_names,
)
from adapters.settings import load_settings


def test_default_is_a_sqlite_file_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for environ in ({}, {"ASB_DATABASE_URL": ""}, {"ASB_DATABASE_URL": "  "}):
        s = load_settings(environ).store
        assert (s.backend, s.sqlite_path) == ("sqlite", tmp_path / "pathway.db")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:///data/p.db", "{cwd}/data/p.db"),
        ("sqlite:////abs/path.db", "/abs/path.db"),
        ("relative.db", "{cwd}/relative.db"),
        ("/abs/bare.db", "/abs/bare.db"),
    ],
)
def test_sqlite_forms(url: str, expected: str, tmp_path: Path,
                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    s = load_settings({"ASB_DATABASE_URL": url}).store
    assert s.sqlite_path == Path(expected.format(cwd=tmp_path))
    env = persistence_env(s)
    assert env["PERSISTENCE_MODULE"] == "eventsourcing.sqlite"
    assert env["SQLITE_DBNAME"] == expected.format(cwd=tmp_path)
    assert env["CREATE_TABLE"] == "y"


@pytest.mark.parametrize("scheme", ["postgresql", "postgres"])
def test_postgres_forms(scheme: str) -> None:
    s = StoreSettings.parse(f"{scheme}://asb:p%40ss@db.example:6543/pathway?schema=live")
    env = persistence_env(s)
    assert env["PERSISTENCE_MODULE"] == "eventsourcing.postgres"
    assert (env["POSTGRES_USER"], env["POSTGRES_PASSWORD"]) == ("asb", "p@ss")
    assert (env["POSTGRES_HOST"], env["POSTGRES_PORT"]) == ("db.example", "6543")
    assert (env["POSTGRES_DBNAME"], env["POSTGRES_SCHEMA"]) == ("pathway", "live")
    assert env["CREATE_TABLE"] == "n"
    assert "p@ss" not in s.describe()
    bare = StoreSettings.parse("postgresql://postgres@127.0.0.1/test")
    assert (bare.pg_port, bare.pg_password, bare.pg_schema) == (5432, "", "")


def test_env_always_names_our_mapper_transcoder_and_recorder() -> None:
    for url in ("x.db", "postgresql://u@h/d"):
        env = persistence_env(StoreSettings.parse(url))
        assert env["MAPPER_TOPIC"] == "adapters.driven.store.mapper:PydanticMapper"
        assert env["TRANSCODER_TOPIC"] == "adapters.driven.store.mapper:CompactJSONTranscoder"
        assert env["APPLICATION_RECORDER_TOPIC"].startswith("adapters.driven.store.recorders:")


@pytest.mark.parametrize(
    "url",
    [
        "mysql://u@h/d",
        "sqlite://two-slashes.db",
        "sqlite:///",
        ":memory:",
        "sqlite:///:memory:",
        "file:x.db?mode=memory",
        "postgresql://h/db",  # no user
        "postgresql://u@h/",  # no database
        "postgresql://u@h:port/db",
        "postgresql://u@h/db?sslmode=require",
    ],
)
def test_anything_else_is_refused_naming_the_variable_and_the_forms(url: str) -> None:
    with pytest.raises(ValueError, match="ASB_DATABASE_URL") as info:
        _ = load_settings({"ASB_DATABASE_URL": url}).store
    assert "sqlite:///" in str(info.value) and "postgresql://" in str(info.value)


def test_table_names_follow_eventsourcing() -> None:
    sqlite, pg = StoreSettings.parse("x.db"), StoreSettings.parse("postgresql://u@h/d")
    assert table_names(sqlite).__dict__ == {
        "events": "stored_events", "heads": "stream_heads", "snapshots": "stored_snapshots"}
    assert table_names(pg).__dict__ == {
        "events": "pathway_events", "heads": "pathway_stream_heads",
        "snapshots": "pathway_snapshots"}
    assert heads_table_for("stored_events") == "stream_heads"


@pytest.mark.parametrize("url", ["sqlite:////abs/p.db", "postgresql://u:p%40ss@h:6543/d?schema=s",
                                 "postgresql://u@h/d"])
def test_url_reads_back_as_the_same_settings(url: str) -> None:
    s = StoreSettings.parse(url)
    assert StoreSettings.parse(s.url()) == s
