"""The access audit, in its own table of the read-model database (the event store's database).

Not a read model: it cannot be rebuilt from the log, so `asb rebuild` leaves it alone. Each
entry carries the hash of the one before; appends are serialised (SQLite: the write lock taken
at BEGIN IMMEDIATE; PostgreSQL: an exclusive table lock) so the chain has no forks.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import (
    BigInteger, Column, Connection, Integer, MetaData, String, Table, Text, Uuid, func, insert,
    select, text,
)

from adapters.driven.readmodels.database import ReadStore
from adapters.driven.readmodels.types import UTCDateTime
from service.audit import GENESIS, Access, AccessEntry, chain_hash

metadata = MetaData()

access_audit = Table(
    "access_audit", metadata,
    Column("seq", BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
           autoincrement=True),
    Column("at", UTCDateTime, nullable=False),
    Column("user_id", String(200), nullable=False, index=True),
    Column("agency", String(200), nullable=False),
    Column("role", String(40), nullable=False),
    Column("access", String(20), nullable=False),
    Column("what", String(80), nullable=False),
    Column("case_id", Uuid, index=True),
    Column("purpose", Text, nullable=False),
    Column("detail", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

_FIELDS = ("at", "user_id", "agency", "role", "what", "case_id", "purpose", "detail")


class AuditStore:
    """Append-only, hash-chained access entries."""

    def __init__(self, store: ReadStore) -> None:
        self.store = store

    def create_table(self) -> None:
        with self.store.write() as conn:
            metadata.create_all(conn, checkfirst=True)

    def append(self, entry: AccessEntry) -> int:
        with self.store.write() as conn:
            if self.store.is_postgres:
                conn.execute(text(f"LOCK TABLE {self._qualified()} IN EXCLUSIVE MODE"))
            prev = _last_hash(conn)
            row = {f: getattr(entry, f) for f in _FIELDS} | {
                "access": entry.access.value, "prev_hash": prev,
                "hash": chain_hash(prev, entry)}
            seq = conn.execute(insert(access_audit).returning(access_audit.c.seq), [row])
            return int(seq.scalar_one())

    def _qualified(self) -> str:
        """The table's name for raw SQL (the schema map does not reach `text()`)."""
        schema = self.store.settings.pg_schema
        if not schema:
            return access_audit.name
        return '"{}".{}'.format(schema.replace('"', '""'), access_audit.name)

    def select(self, *, case_id: UUID | None = None, user_id: str | None = None,
               agency: str | None = None, limit: int = 200,
               offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        a = access_audit.c
        where = [c for c in (a.case_id == case_id if case_id else None,
                             a.user_id == user_id if user_id else None,
                             a.agency == agency if agency else None) if c is not None]
        query = select(access_audit).where(*where)
        with self.store.read() as conn:
            total = conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()
            rows = conn.execute(query.order_by(a.seq).limit(limit).offset(offset)).mappings()
            return int(total), [dict(r) for r in rows]

    def verify(self) -> list[str]:
        """Problems in the chain (empty: every entry is intact and in place)."""
        problems: list[str] = []
        prev = GENESIS
        with self.store.read() as conn:
            for r in conn.execute(select(access_audit).order_by(access_audit.c.seq)).mappings():
                entry = AccessEntry(**{f: r[f] for f in _FIELDS}, access=Access(r["access"]))
                if r["prev_hash"] != prev:
                    problems.append(f"entry {r['seq']}: does not follow the entry before it")
                if chain_hash(r["prev_hash"], entry) != r["hash"]:
                    problems.append(f"entry {r['seq']}: altered since it was written")
                prev = r["hash"]
        return problems


def _last_hash(conn: Connection) -> str:
    found = conn.execute(select(access_audit.c.hash).order_by(access_audit.c.seq.desc())
                         .limit(1)).scalar_one_or_none()
    return found or GENESIS
