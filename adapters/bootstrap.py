"""The one composition root: settings in, a wired system out. Nothing is built at import time.

`bootstrap(settings)` builds everything an entry point needs: the write application, the
user store, the read-model store, its projector and read side, and (on first use) the HTTP
app. `asb serve`, `project`, `rebuild`, `users`, `demo`, `export`, the API tests and the
benchmarks all start here.

DDL runs in one function, `prepare_database`: `asb db init` and the test fixtures call it,
and so does opening an embedded SQLite file (one writer at a time, so creating tables there is
safe, and `asb demo` works on a fresh machine). On PostgreSQL nothing else creates a table:
serving, projecting and adding users expect `asb db init` to have run.
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Self

from adapters.driven.audit.store import AuditStore
from adapters.driven.auth.users import UserStore
from adapters.driven.exports.tablepdf import fonts
from adapters.driven.exports.ports import LogReader
from adapters.driven.readmodels.database import ReadStore, open_read_store
from adapters.driven.readmodels.projector import Projector
from adapters.driven.readmodels.readside import FollowerReadSide, InProcessReadSide, ReadSide
from adapters.driven.store.schema import init_schema
from adapters.driven.store.settings import StoreSettings, persistence_env
from adapters.settings import ProjectionMode, Settings, load_settings
from domain.rulesets import RuleBook
from service.application import Clock, PathwayApplication, utc_now

if TYPE_CHECKING:
    from fastapi import FastAPI


def prepare_database(store: StoreSettings) -> list[str]:
    """Create every table Pathway uses, if missing (idempotent, safe from several processes).

    The event log's tables, the users table and the read models'. Returns the event log's
    table names.
    """
    tables = init_schema(store)
    with UserStore(store) as users:
        users.create_table()
    read = open_read_store(store, create=True)  # under an advisory lock on PostgreSQL
    AuditStore(read).create_table()
    read.close()
    return tables


def open_store(store: StoreSettings) -> None:
    """What opening the store does before use: an embedded SQLite file gets its tables."""
    if store.backend == "sqlite":
        prepare_database(store)


def build_application(
    store: StoreSettings,
    *,
    clock: Clock = utc_now,
    rule_book: RuleBook | None = None,
    snapshot_interval: int = 200,
    prepare: bool = True,
    key_encryption_key: str | None = None,
) -> PathwayApplication:
    """The write application alone (what `bootstrap` builds first); `rule_book` defaults to
    the rule sets in force, none switched on; `key_encryption_key` to ASB_KEY_ENCRYPTION_KEY."""
    if prepare:
        open_store(store)
    application = PathwayApplication(
        persistence_env(store),
        clock=clock,
        rule_book=RuleBook.with_switches(()) if rule_book is None else rule_book,
        snapshot_interval=snapshot_interval,
    )
    kek = load_settings().key_encryption_key if key_encryption_key is None else key_encryption_key
    attach_key_ring(application, store, kek)
    return application


def attach_key_ring(application: PathwayApplication, store: StoreSettings, kek: str) -> None:
    """Give the application's mapper the subject keys, wrapped by the key-encryption key."""
    from adapters.driven.store.keys import SubjectKeys, decode_kek, kek_file_beside
    from adapters.settings import SettingsError

    if kek:
        key = decode_kek(kek)
    elif store.sqlite_path is not None:
        key = kek_file_beside(store.sqlite_path)
    else:
        raise SettingsError("ASB_KEY_ENCRYPTION_KEY is required on PostgreSQL (base64 of 32 "
                            "random bytes, e.g. from `openssl rand -base64 32`)")
    application.mapper.keyring = SubjectKeys(application.recorder, key)  # type: ignore[attr-defined]


def build_log_reader(application: PathwayApplication) -> LogReader:
    """The log as exports read it, from the application's own event store."""
    from adapters.driven.store.log_reader import log_reader_for

    return log_reader_for(application.events)


@dataclass
class System:
    """Everything `bootstrap` built; `close()` (or `with`) releases it."""

    settings: Settings
    application: PathwayApplication
    users: UserStore
    store: ReadStore
    projector: Projector
    read_side: ReadSide
    clock: Clock
    _stack: ExitStack = field(default_factory=ExitStack, repr=False)

    @cached_property
    def app(self) -> FastAPI:
        """The HTTP API and the officer web UI over this system (built on first use)."""
        from adapters.driving.http.app import create_app
        from adapters.driving.web import mount_web

        app = create_app(self.application, self.users, self.read_side, clock=self.clock,
                         limits=self.settings, audit=self.audit)
        return mount_web(app, openapi=self.settings.openapi)

    @cached_property
    def audit(self) -> AuditStore:
        """The access audit, in the read models' database."""
        return AuditStore(self.store)

    def close(self) -> None:
        self._stack.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def bootstrap(
    settings: Settings,
    *,
    clock: Clock = utc_now,
    rule_book: RuleBook | None = None,
    projection: ProjectionMode | None = None,
    snapshot_interval: int = 200,
) -> System:
    """Build the system `settings` describe. `projection` overrides `settings.projection`."""
    store = settings.store
    open_store(store)
    fonts.use_font_dir(settings.pdf_font_dir or None)
    stack = ExitStack()
    book = settings.rule_book() if rule_book is None else rule_book
    application = build_application(store, clock=clock, rule_book=book,
                                    snapshot_interval=snapshot_interval, prepare=False,
                                    key_encryption_key=settings.key_encryption_key or None)
    stack.callback(application.close)
    users = UserStore(store, token_lifetime=settings.token_lifetime)
    stack.callback(users.close)
    read = open_read_store(store)
    stack.callback(read.close)
    projector = Projector(application, read)
    read_side: ReadSide
    if (projection or settings.projection) is ProjectionMode.IN_PROCESS:
        read_side = InProcessReadSide(projector)
    else:
        read_side = FollowerReadSide(application, read)
    return System(settings, application, users, read, projector, read_side, clock, stack)
