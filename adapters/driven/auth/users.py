"""Users and their bearer tokens, in a `users` table beside the event log.

A token is shown once, when the user is added; only its SHA-256 is stored, so a copy of
the database does not let anyone act as a user. Lookup is by that hash (an indexed equality
test), so there is no secret-dependent string comparison to time.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from types import TracebackType
from typing import Any
from uuid import uuid4

from sqlalchemy import (
    Column, DateTime, Engine, MetaData, String, Table, UniqueConstraint, create_engine, insert,
    select,
)

from adapters.driven.auth.roles import ROLES, Role
from adapters.driven.store.settings import StoreSettings
from adapters.driven.store.sql_url import sqlalchemy_url
from domain.model import Actor
from domain.values import Rank

TABLE_NAME = "users"
__all__ = ["ROLES", "DuplicateUserError", "Role", "User", "UserStore", "hash_token"]


class DuplicateUserError(ValueError):
    """A user with that name already exists in that agency."""


@dataclass(frozen=True)
class User:
    id: str
    name: str
    agency: str
    role: str
    rank: str | None
    created_at: datetime

    def actor(self) -> Actor:
        """The identity recorded on every event this user decides."""
        return Actor(user_id=self.id, agency=self.agency, role=self.role, rank=self.rank)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()



def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _normalise_role(role: str | Role) -> str:
    value = role.value if isinstance(role, Role) else str(role).strip().lower()
    if value not in ROLES:
        raise ValueError(f"role {role!r} is not one of: {', '.join(ROLES)}")
    return value


def _normalise_rank(rank: str | Rank | None) -> str | None:
    if rank is None:
        return None
    value = rank.value if isinstance(rank, Rank) else str(rank).strip().lower()
    if value not in {r.value for r in Rank}:
        raise ValueError(f"rank {rank!r} is not one of: {', '.join(r.value for r in Rank)}")
    return value


class UserStore:
    """Users of one Pathway database. Close it (or use `with`) to release connections."""

    def __init__(self, settings: StoreSettings, *, clock: Callable[[], datetime] = _utc_now,
                 engine: Engine | None = None) -> None:
        self.settings = settings
        self.clock = clock
        self.engine = engine or create_engine(sqlalchemy_url(settings))
        self.metadata = MetaData(schema=settings.pg_schema or None)
        self.table = Table(
            TABLE_NAME,
            self.metadata,
            Column("id", String(36), primary_key=True),
            Column("name", String(200), nullable=False),
            Column("agency", String(200), nullable=False),
            Column("role", String(20), nullable=False),
            Column("rank", String(40), nullable=True),
            Column("token_sha256", String(64), nullable=False, unique=True),
            Column("created_at", DateTime(timezone=True), nullable=False),
            UniqueConstraint("name", "agency", name="users_name_agency_key"),
        )

    # ------------------------------------------------------------------ lifecycle
    def create_table(self) -> None:
        """Create the table if it is missing (idempotent; safe to call on every start)."""
        self.metadata.create_all(self.engine, checkfirst=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> UserStore:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # ------------------------------------------------------------------ use cases
    def add(self, name: str, agency: str, role: str | Role,
            rank: str | Rank | None = None) -> tuple[User, str]:
        """Add a user; returns the user and their bearer token (shown once, never stored)."""
        name, agency = name.strip(), agency.strip()
        if not name or not agency:
            raise ValueError("name and agency must not be empty")
        user = User(id=str(uuid4()), name=name, agency=agency, role=_normalise_role(role),
                    rank=_normalise_rank(rank), created_at=self.clock())
        token = secrets.token_urlsafe(32)
        with self.engine.begin() as conn:
            taken = conn.execute(
                select(self.table.c.id).where(self.table.c.name == name,
                                              self.table.c.agency == agency)
            ).first()
            if taken is not None:
                raise DuplicateUserError(f"user {name!r} of {agency!r} already exists")
            conn.execute(insert(self.table).values(
                id=user.id, name=user.name, agency=user.agency, role=user.role, rank=user.rank,
                token_sha256=hash_token(token), created_at=user.created_at,
            ))
        return user, token

    def authenticate(self, token: str) -> User | None:
        """The user holding `token`, or None. Looks the user up by the token's hash."""
        if not token:
            return None
        with self.engine.connect() as conn:
            row = conn.execute(
                select(*self._columns()).where(self.table.c.token_sha256 == hash_token(token))
            ).first()
        return None if row is None else self._user(row)

    def list(self) -> list[User]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(*self._columns()).order_by(self.table.c.agency, self.table.c.name)
            ).all()
        return [self._user(r) for r in rows]

    # ------------------------------------------------------------------ helpers
    def _columns(self) -> tuple[Column[Any], ...]:
        c = self.table.c
        return (c.id, c.name, c.agency, c.role, c.rank, c.created_at)

    @staticmethod
    def _user(row: Any) -> User:
        created_at: datetime = row.created_at
        if created_at.tzinfo is None:  # SQLite keeps no offset; we always store UTC
            created_at = created_at.replace(tzinfo=timezone.utc)
        return User(id=row.id, name=row.name, agency=row.agency, role=row.role, rank=row.rank,
                    created_at=created_at)
