"""The store contract on PostgreSQL: each test gets its own schema, dropped afterwards."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any
from uuid import UUID, uuid4

import psycopg
import pytest
from psycopg import sql

from adapters.driven.store.settings import StoreSettings, table_names
from tests.integration.checkpoint_contract import CheckpointContract
from tests.integration.log_reader_contract import LogReaderContract
from tests.integration.store_contract import RawStore, StoreContract

pytestmark = pytest.mark.postgres


class PostgresRaw(RawStore):
    def __init__(self, url: str, settings: StoreSettings):
        self.url, self.t = url, table_names(settings)
        self.schema = sql.Identifier(settings.pg_schema)

    def _run(self, query: str, *params: object) -> list[tuple[Any, ...]]:
        q = sql.SQL(query).format(
            events=sql.SQL("{}.{}").format(self.schema, sql.Identifier(self.t.events)),
            heads=sql.SQL("{}.{}").format(self.schema, sql.Identifier(self.t.heads)),
        )
        with psycopg.connect(self.url, autocommit=True) as conn:
            cur = conn.execute(q, params)
            return cur.fetchall() if cur.description else []

    def read(self, sid: UUID, version: int) -> tuple[str, bytes]:
        ((topic, state),) = self._run("SELECT topic, state FROM {events} WHERE originator_id=%s "
                                      "AND originator_version=%s", sid, version)
        return str(topic), bytes(state)

    def write_state(self, sid: UUID, version: int, state: bytes) -> None:
        self._run("UPDATE {events} SET state=%s WHERE originator_id=%s AND originator_version=%s",
                  state, sid, version)

    def write_topic(self, sid: UUID, version: int, topic: str) -> None:
        self._run("UPDATE {events} SET topic=%s WHERE originator_id=%s AND originator_version=%s",
                  topic, sid, version)

    def delete(self, sid: UUID, version: int) -> None:
        self._run("DELETE FROM {events} WHERE originator_id=%s AND originator_version=%s",
                  sid, version)

    def insert(self, sid: UUID, version: int, topic: str, state: bytes) -> None:
        self._run("INSERT INTO {events} (originator_id, originator_version, topic, state) "
                  "VALUES (%s, %s, %s, %s)", sid, version, topic, state)

    def head(self, sid: UUID) -> tuple[int, str] | None:
        rows = self._run("SELECT version, hash FROM {heads} WHERE originator_id=%s", sid)
        return (int(rows[0][0]), str(rows[0][1])) if rows else None

    def drop_heads_table(self) -> None:
        self._run("DROP TABLE {heads}")

    def write_head(self, sid: UUID, version: int, digest: str) -> None:
        self._run("UPDATE {heads} SET version=%s, hash=%s WHERE originator_id=%s",
                  version, digest, sid)

    def insert_at(self, position: int, sid: UUID, version: int, topic: str, state: bytes) -> None:
        self._run("INSERT INTO {events} (notification_id, originator_id, originator_version, "
                  "topic, state) VALUES (%s, %s, %s, %s, %s)", position, sid, version, topic, state)

    def delete_head(self, sid: UUID) -> None:
        self._run("DELETE FROM {heads} WHERE originator_id=%s", sid)


class TestPostgresStore(StoreContract, LogReaderContract, CheckpointContract):
    @pytest.fixture
    def settings(self, postgres_url: str) -> Iterator[StoreSettings]:
        schema = f"test_{uuid4().hex[:12]}"
        yield dataclasses.replace(StoreSettings.parse(postgres_url), pg_schema=schema)
        with psycopg.connect(postgres_url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))

    @pytest.fixture
    def raw(self, settings: StoreSettings, postgres_url: str) -> RawStore:
        return PostgresRaw(postgres_url, settings)
