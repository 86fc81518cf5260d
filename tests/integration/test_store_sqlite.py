"""The store contract on SQLite, plus what only SQLite has (WAL, edits by SQL from another process)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from uuid import UUID, uuid4

import pytest

from adapters.driven.store.integrity import verify_log
from adapters.driven.store.settings import StoreSettings, table_names
from tests.integration.checkpoint_contract import CheckpointContract
from tests.integration.log_reader_contract import LogReaderContract
from tests.integration.conftest import sql_from_another_process
from tests.integration.store_contract import RawStore, StoreApp, StoreContract, chain, flagged


class SQLiteRaw(RawStore):
    def __init__(self, settings: StoreSettings):
        assert settings.sqlite_path is not None
        self.path = settings.sqlite_path
        self.t = table_names(settings)

    def _run(self, sql: str, *params: object) -> list[sqlite3.Row]:
        with sqlite3.connect(self.path) as conn:  # commits on success
            return conn.execute(sql, params).fetchall()

    def read(self, sid: UUID, version: int) -> tuple[str, bytes]:
        ((topic, state),) = self._run(
            f"SELECT topic, state FROM {self.t.events} WHERE originator_id=? AND "
            "originator_version=?", sid.hex, version)
        return topic, bytes(state)

    def write_state(self, sid: UUID, version: int, state: bytes) -> None:
        self._run(f"UPDATE {self.t.events} SET state=? WHERE originator_id=? AND "
                  "originator_version=?", state, sid.hex, version)

    def write_topic(self, sid: UUID, version: int, topic: str) -> None:
        self._run(f"UPDATE {self.t.events} SET topic=? WHERE originator_id=? AND "
                  "originator_version=?", topic, sid.hex, version)

    def delete(self, sid: UUID, version: int) -> None:
        self._run(f"DELETE FROM {self.t.events} WHERE originator_id=? AND originator_version=?",
                  sid.hex, version)

    def insert(self, sid: UUID, version: int, topic: str, state: bytes) -> None:
        self._run(f"INSERT INTO {self.t.events} VALUES (?,?,?,?)", sid.hex, version, topic, state)

    def head(self, sid: UUID) -> tuple[int, str] | None:
        rows = self._run(f"SELECT version, hash FROM {self.t.heads} WHERE originator_id=?",
                         sid.hex)
        return (rows[0][0], rows[0][1]) if rows else None

    def drop_heads_table(self) -> None:
        self._run(f"DROP TABLE {self.t.heads}")

    def write_head(self, sid: UUID, version: int, digest: str) -> None:
        self._run(f"UPDATE {self.t.heads} SET version=?, hash=? WHERE originator_id=?",
                  version, digest, sid.hex)

    def insert_at(self, position: int, sid: UUID, version: int, topic: str, state: bytes) -> None:
        self._run(f"INSERT INTO {self.t.events} (rowid, originator_id, originator_version, topic, "
                  "state) VALUES (?,?,?,?,?)", position, sid.hex, version, topic, state)

    def delete_head(self, sid: UUID) -> None:
        self._run(f"DELETE FROM {self.t.heads} WHERE originator_id=?", sid.hex)


class TestSQLiteStore(StoreContract, LogReaderContract, CheckpointContract):
    @pytest.fixture
    def settings(self, tmp_path: Path) -> StoreSettings:
        return StoreSettings.parse(f"sqlite:///{tmp_path / 'pathway.db'}")

    @pytest.fixture
    def raw(self, settings: StoreSettings) -> RawStore:
        return SQLiteRaw(settings)

    def test_wal_and_full_sync(self, settings: StoreSettings,
                               make_app: Callable[..., StoreApp]) -> None:
        app = make_app()
        app.save(*chain(uuid4(), 1))
        with app.recorder.datastore.get_connection(commit=True) as conn:  # type: ignore[attr-defined]
            c = conn.cursor()
            c.execute("PRAGMA journal_mode")
            assert c.fetchone()[0] == "wal"
            c.execute("PRAGMA synchronous")
            assert c.fetchone()[0] == 2  # FULL

    def test_verify_detects_a_byte_changed_by_sql_from_another_process(
        self, settings: StoreSettings, log: dict[str, list[StoreApp]]
    ) -> None:
        a = log["A"][0].originator_id  # type: ignore[attr-defined]
        # What an operator with shell access might do: "o" -> "O" in one stored state.
        sql = (
            "UPDATE stored_events SET state = CAST(replace(CAST(state AS TEXT), "
            "'original rationale 4', 'Original rationale 4') AS BLOB) "
            f"WHERE originator_id = '{a.hex}' AND originator_version = 4;"
        )
        assert settings.sqlite_path is not None
        sql_from_another_process(settings.sqlite_path, sql)
        report = verify_log(settings)
        assert flagged(report, a, 4, "was modified")
