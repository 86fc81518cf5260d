"""Per-subject data keys (crypto-shredding): one AES-256 key per stream that holds personal
data, stored wrapped by the key-encryption key, destroyed when the subject is erased.

A destroyed key leaves `wrapped_key` NULL and `destroyed_at` set; the row stays, so no new key
can be made for an erased subject. Unwrapped keys are cached per process; a cached key is
dropped when this process records or reads the subject's erasure.
"""

from __future__ import annotations

import base64
import os
import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

from cryptography.hazmat.primitives.keywrap import aes_key_unwrap, aes_key_wrap
from eventsourcing.postgres import PostgresApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder
from psycopg.sql import SQL, Identifier

KEY_BYTES = 32


def keys_table_for(events_table: str) -> str:
    """The subject-keys table paired with an events table ("stored_events" -> "subject_keys")."""
    prefix = events_table.removesuffix("_events")
    return "subject_keys" if prefix in ("stored", events_table) else f"{prefix}_subject_keys"


def sqlite_create(table: str) -> str:
    return (f"CREATE TABLE IF NOT EXISTS {table} (subject_id TEXT PRIMARY KEY, "
            "wrapped_key BLOB, created_at TEXT NOT NULL, destroyed_at TEXT) WITHOUT ROWID")


def pg_create(schema: str, table: str) -> Any:
    return SQL("CREATE TABLE IF NOT EXISTS {t} (subject_id text PRIMARY KEY, wrapped_key bytea, "
               "created_at timestamptz NOT NULL, destroyed_at timestamptz)"
               ).format(t=Identifier(schema, table))


def sqlite_destroy(table: str) -> str:
    """Destroy a subject's key (or record it destroyed when it never had one)."""
    return (f"INSERT INTO {table} (subject_id, wrapped_key, created_at, destroyed_at) "
            "VALUES (?, NULL, ?, ?) ON CONFLICT (subject_id) DO UPDATE SET wrapped_key = NULL, "
            "destroyed_at = excluded.destroyed_at")


def pg_destroy(schema: str, table: str) -> Any:
    return SQL("INSERT INTO {t} (subject_id, wrapped_key, created_at, destroyed_at) "
               "VALUES (%s, NULL, %s, %s) ON CONFLICT (subject_id) DO UPDATE SET "
               "wrapped_key = NULL, destroyed_at = excluded.destroyed_at"
               ).format(t=Identifier(schema, table))


def decode_kek(text: str) -> bytes:
    """ASB_KEY_ENCRYPTION_KEY: base64 of 32 random bytes."""
    try:
        kek = base64.b64decode(text.strip(), validate=True)
    except ValueError as e:
        raise ValueError("ASB_KEY_ENCRYPTION_KEY is not base64") from e
    if len(kek) != KEY_BYTES:
        raise ValueError(f"ASB_KEY_ENCRYPTION_KEY must be {KEY_BYTES} bytes, not {len(kek)}")
    return kek


def kek_file_beside(db_path: Path) -> bytes:
    """The embedded SQLite demo's key-encryption key: `<db>.kek` beside the database, made
    (mode 0600) on first use. Whoever can read both files can read the personal data: use
    ASB_KEY_ENCRYPTION_KEY from a secret store for anything but a demo."""
    path = db_path.with_name(db_path.name + ".kek")
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, stat.S_IRUSR | stat.S_IWUSR)
        with os.fdopen(fd, "w") as f:
            f.write(base64.b64encode(os.urandom(KEY_BYTES)).decode() + "\n")
    return decode_kek(path.read_text())


class SubjectKeys:
    """The key ring the mapper encrypts with, over the application recorder's database."""

    def __init__(self, recorder: Any, kek: bytes) -> None:
        self.recorder = recorder
        self.table = keys_table_for(recorder.events_table_name)
        self._kek = kek
        self._cache: dict[str, bytes] = {}

    def key_for(self, subject: UUID | str, *, create: bool) -> bytes | None:
        """The subject's data key; None once destroyed (or absent and not to be created)."""
        sid = str(subject)
        if sid in self._cache:
            return self._cache[sid]
        row = self._select(sid)
        if row is None and create:
            self._insert(sid, aes_key_wrap(self._kek, os.urandom(KEY_BYTES)))
            row = self._select(sid)
        if row is None or row[0] is None:
            return None
        key = aes_key_unwrap(self._kek, bytes(row[0]))
        self._cache[sid] = key
        return key

    def forget(self, subject: UUID | str) -> None:
        self._cache.pop(str(subject), None)

    def destroyed_at(self, subject: UUID | str) -> datetime | None:
        row = self._select(str(subject))
        if row is None or row[1] is None:
            return None
        value = row[1]
        return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))

    def _select(self, sid: str) -> tuple[Any, Any] | None:
        if isinstance(self.recorder, SQLiteApplicationRecorder):
            with self.recorder.datastore.transaction(commit=False) as c:
                c.execute(f"SELECT wrapped_key, destroyed_at FROM {self.table} "
                          "WHERE subject_id = ?", (sid,))
                r = c.fetchone()
                return None if r is None else (r[0], r[1])
        assert isinstance(self.recorder, PostgresApplicationRecorder)
        q = SQL("SELECT wrapped_key, destroyed_at FROM {t} WHERE subject_id = %s").format(
            t=Identifier(self.recorder.datastore.schema, self.table))
        with self.recorder.datastore.get_connection() as conn:
            r = conn.execute(q, (sid,)).fetchone()
            return None if r is None else (r["wrapped_key"], r["destroyed_at"])

    def _insert(self, sid: str, wrapped: bytes) -> None:
        now = datetime.now(UTC)
        if isinstance(self.recorder, SQLiteApplicationRecorder):
            with self.recorder.datastore.transaction(commit=True) as c:
                c.execute(f"INSERT INTO {self.table} (subject_id, wrapped_key, created_at) "
                          "VALUES (?, ?, ?) ON CONFLICT (subject_id) DO NOTHING",
                          (sid, wrapped, now.isoformat()))
            return
        q = SQL("INSERT INTO {t} (subject_id, wrapped_key, created_at) VALUES (%s, %s, %s) "
                "ON CONFLICT (subject_id) DO NOTHING").format(
            t=Identifier(self.recorder.datastore.schema, self.table))
        with self.recorder.datastore.transaction(commit=True) as curs:
            curs.execute(q, (sid, wrapped, now))
