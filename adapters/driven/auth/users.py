"""Users and their bearer tokens, in a `users` table beside the event log.

A token is shown once, when the user is added or their token rotated; only its SHA-256 is
stored, so a copy of the database does not let anyone act as a user. Lookup is by that hash
(an indexed equality test), so there is no secret-dependent string comparison to time.

A token ends: it expires (`expires_at`, the store's `token_lifetime` after it was issued), is
replaced (`rotate`), or its user is disabled. Every request looks its token up again, so each
of these, and a role change, holds from the very next request.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from types import TracebackType
from typing import Any
from uuid import uuid4

from sqlalchemy import (
    Column, DateTime, Engine, MetaData, String, Table, UniqueConstraint, bindparam,
    create_engine, insert, inspect, select, text, update,
)

from adapters.driven.auth.roles import ROLES, Role
from adapters.driven.store.settings import StoreSettings
from adapters.driven.store.sql_url import sqlalchemy_url
from domain.model import Actor
from domain.values import Rank

TABLE_NAME = "users"
DEFAULT_TOKEN_LIFETIME = timedelta(hours=12)
#: Columns added after the first release: `create_table` adds them to an older table.
_LATER_COLUMNS = ("expires_at", "disabled_at", "display_name", "title", "number")
__all__ = ["ROLES", "DuplicateUserError", "Role", "UnknownUserError", "User", "UserStore",
           "hash_token"]


class DuplicateUserError(ValueError):
    """A user with that name already exists in that agency."""


class UnknownUserError(ValueError):
    """No user has that name (in that agency), or the name alone does not say which one."""


@dataclass(frozen=True)
class User:
    id: str
    name: str
    agency: str
    role: str
    rank: str | None
    created_at: datetime
    expires_at: datetime | None = None  # of the current token; None: issued before expiry existed
    disabled_at: datetime | None = None
    #: How the person is named in documents: "Jo Reid"; `name` (the login name) if unset.
    display_name: str | None = None
    #: Rank or job title as written before a name: "PC", "Sgt", "ASB Officer".
    title: str | None = None
    #: Collar or staff number.
    number: str | None = None

    def label(self) -> str:
        """`PC 1234 Jo Reid, Marlshire Police`: how a document names the person who acted."""
        head = " ".join(p for p in (self.title, self.number, self.display_name or self.name) if p)
        return f"{head}, {self.agency}"

    def active_at(self, now: datetime) -> bool:
        """Whether this user's current token may be used at `now`."""
        return self.disabled_at is None and self.expires_at is not None and now < self.expires_at

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
                 engine: Engine | None = None,
                 token_lifetime: timedelta = DEFAULT_TOKEN_LIFETIME) -> None:
        if token_lifetime <= timedelta(0):
            raise ValueError("the token lifetime must be positive")
        self.settings = settings
        self.clock = clock
        self.token_lifetime = token_lifetime
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
            Column("expires_at", DateTime(timezone=True), nullable=True),
            Column("disabled_at", DateTime(timezone=True), nullable=True),
            Column("display_name", String(200), nullable=True),
            Column("title", String(80), nullable=True),
            Column("number", String(40), nullable=True),
            UniqueConstraint("name", "agency", name="users_name_agency_key"),
        )
        # Built once: every request runs it, and building a select costs more than running it.
        self._by_token = select(*self._columns()).where(
            self.table.c.token_sha256 == bindparam("token_sha256"))

    @property
    def embedded(self) -> bool:
        """Whether a lookup is a local file read (SQLite) rather than a network round trip."""
        return self.settings.backend == "sqlite"

    # ------------------------------------------------------------------ lifecycle
    def create_table(self) -> None:
        """Create the table if it is missing, and add columns an older table lacks
        (idempotent; safe to call on every start)."""
        self.metadata.create_all(self.engine, checkfirst=True)
        schema = self.settings.pg_schema or None
        present = {c["name"] for c in inspect(self.engine).get_columns(TABLE_NAME, schema=schema)}
        missing = [self.table.c[name] for name in _LATER_COLUMNS if name not in present]
        if not missing:
            return
        prefix = f'"{schema}".' if schema else ""
        with self.engine.begin() as conn:
            for column in missing:  # NULL expiry: tokens issued before expiry existed are refused
                kind = column.type.compile(dialect=self.engine.dialect)
                conn.execute(text(f'ALTER TABLE {prefix}"{TABLE_NAME}" ADD COLUMN '
                                  f'"{column.name}" {kind}'))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> UserStore:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # ------------------------------------------------------------------ use cases
    def add(self, name: str, agency: str, role: str | Role,
            rank: str | Rank | None = None, *, display_name: str | None = None,
            title: str | None = None, number: str | None = None) -> tuple[User, str]:
        """Add a user; returns the user and their bearer token (shown once, never stored),
        valid until `user.expires_at`. `display_name`, `title` and `number` say how
        documents name them (`User.label`)."""
        name, agency = name.strip(), agency.strip()
        if not name or not agency:
            raise ValueError("name and agency must not be empty")
        now = self.clock()
        user = User(id=str(uuid4()), name=name, agency=agency, role=_normalise_role(role),
                    rank=_normalise_rank(rank), created_at=now,
                    expires_at=now + self.token_lifetime, display_name=_blank(display_name),
                    title=_blank(title), number=_blank(number))
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
                expires_at=user.expires_at, display_name=user.display_name,
                title=user.title, number=user.number,
            ))
        return user, token

    def authenticate(self, token: str) -> User | None:
        """The user holding `token` if it may be used now (not expired, user not disabled),
        else None. One indexed lookup by the token's hash, on every call: nothing is cached."""
        if not token:
            return None
        with self.engine.connect() as conn:
            row = conn.execute(self._by_token, {"token_sha256": hash_token(token)}).first()
        user = None if row is None else self._user(row)
        return user if user is not None and user.active_at(self.clock()) else None

    def find(self, name: str, agency: str | None = None) -> User:
        """The user called `name` (of `agency`, needed when two agencies have one)."""
        c = self.table.c
        query = select(*self._columns()).where(c.name == name.strip())
        if agency is not None:
            query = query.where(c.agency == agency.strip())
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        if not rows:
            where = f" of {agency!r}" if agency else ""
            raise UnknownUserError(f"no user {name!r}{where} (`asb users list` shows them)")
        if len(rows) > 1:
            agencies = ", ".join(sorted(r.agency for r in rows))
            raise UnknownUserError(f"{len(rows)} users are called {name!r} ({agencies}): "
                                   "name the agency with --agency")
        return self._user(rows[0])

    def disable(self, name: str, agency: str | None = None) -> User:
        """Refuse the user's token from now on (`enable` lifts it; `rotate` does not)."""
        user = self.find(name, agency)
        now = user.disabled_at or self.clock()
        self._set(user, disabled_at=now)
        return replace(user, disabled_at=now)

    def enable(self, name: str, agency: str | None = None) -> User:
        user = self.find(name, agency)
        self._set(user, disabled_at=None)
        return replace(user, disabled_at=None)

    def change_role(self, name: str, role: str | Role, rank: str | Rank | None = None,
                    agency: str | None = None) -> User:
        """Give the user `role` (and `rank`, which replaces the old one) from the next request."""
        user = self.find(name, agency)
        role, rank = _normalise_role(role), _normalise_rank(rank)
        self._set(user, role=role, rank=rank)
        return replace(user, role=role, rank=rank)

    def rotate(self, name: str, agency: str | None = None) -> tuple[User, str]:
        """Issue the user a new token, valid for the token lifetime; the old one is dead."""
        user = self.find(name, agency)
        token = secrets.token_urlsafe(32)
        expires_at = self.clock() + self.token_lifetime
        self._set(user, token_sha256=hash_token(token), expires_at=expires_at)
        return replace(user, expires_at=expires_at), token

    def get(self, user_id: str) -> User | None:
        """The user with this id, or None (documents fall back to the id)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(*self._columns()).where(self.table.c.id == user_id)).first()
        return None if row is None else self._user(row)

    def label(self, user_id: str) -> str | None:
        """How documents name the user (the exports' `People` port), or None if unknown."""
        user = self.get(user_id)
        return None if user is None else user.label()

    def list(self) -> list[User]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(*self._columns()).order_by(self.table.c.agency, self.table.c.name)
            ).all()
        return [self._user(r) for r in rows]

    # ------------------------------------------------------------------ helpers
    def _set(self, user: User, **values: Any) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(self.table).where(self.table.c.id == user.id).values(**values))

    def _columns(self) -> tuple[Column[Any], ...]:
        c = self.table.c
        return (c.id, c.name, c.agency, c.role, c.rank, c.created_at, c.expires_at,
                c.disabled_at, c.display_name, c.title, c.number)

    @staticmethod
    def _user(row: Any) -> User:
        return User(id=row.id, name=row.name, agency=row.agency, role=row.role, rank=row.rank,
                    created_at=_utc(row.created_at),
                    expires_at=_utc(row.expires_at) if row.expires_at else None,
                    disabled_at=_utc(row.disabled_at) if row.disabled_at else None,
                    display_name=row.display_name, title=row.title, number=row.number)


def _blank(value: str | None) -> str | None:
    """Stripped, or None when empty."""
    value = (value or "").strip()
    return value or None


def _utc(moment: datetime) -> datetime:
    """SQLite keeps no offset; we always store UTC."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment
