"""Where the event log lives: parse the `ASB_DATABASE_URL` value into settings and the
eventsourcing env (the variable itself is read by adapters/settings.py).

This is the one place that names the application ("pathway") and the tables derived from it,
so `schema.py`, `integrity.py` and the Application all agree on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import parse_qs, quote, unquote, urlsplit

#: `PathwayApplication.name`. eventsourcing derives PostgreSQL table names and env-var
#: prefixes (PATHWAY_*) from it, so changing it moves the data: treat it as storage.
APPLICATION_NAME = "pathway"

ENV_VAR = "ASB_DATABASE_URL"
DEFAULT_SQLITE_FILE = "pathway.db"

_ACCEPTED = (
    "sqlite:///relative/path.db, sqlite:////absolute/path.db, a bare file path, or "
    "postgresql://user[:password]@host[:port]/dbname[?schema=name] (postgres:// also accepted)"
)

# Topics of our own storage classes (resolved by eventsourcing with resolve_topic).
MAPPER_TOPIC = "adapters.driven.store.mapper:PydanticMapper"
TRANSCODER_TOPIC = "adapters.driven.store.mapper:CompactJSONTranscoder"
SQLITE_RECORDER_TOPIC = "adapters.driven.store.recorders:SQLiteHeadsApplicationRecorder"
POSTGRES_RECORDER_TOPIC = "adapters.driven.store.recorders:PostgresHeadsApplicationRecorder"


@dataclass(frozen=True)
class StoreSettings:
    """A parsed, validated store location. Build it with `parse`."""

    backend: Literal["sqlite", "postgres"]
    sqlite_path: Path | None = None  # absolute, so a later chdir cannot move the database
    pg_host: str = ""
    pg_port: int = 5432
    pg_user: str = ""
    pg_password: str = ""
    pg_dbname: str = ""
    pg_schema: str = ""  # empty means PostgreSQL's "public"

    @classmethod
    def parse(cls, url: str) -> StoreSettings:
        """An `ASB_DATABASE_URL` value; empty means `pathway.db` in the working directory."""
        text = url.strip()
        if not text:
            return cls._sqlite(DEFAULT_SQLITE_FILE)
        if text.startswith("sqlite:"):
            # sqlite:///rel.db -> "rel.db"; sqlite:////abs.db -> "/abs.db". Two slashes would
            # put the file name in the host part, which is a typo we refuse rather than guess.
            if not text.startswith("sqlite:///") or len(text) == len("sqlite:///"):
                raise _invalid(url, "a sqlite URL needs three slashes and a file path")
            return cls._sqlite(text[len("sqlite:///") :])
        if text.startswith(("postgresql://", "postgres://")):
            return cls._postgres(url, text)
        if "://" in text or text.startswith("file:"):
            raise _invalid(url, "unsupported scheme")
        return cls._sqlite(text)

    @classmethod
    def _sqlite(cls, path: str) -> StoreSettings:
        # The library would happily open ":memory:" and lose every event on exit.
        if ":memory:" in path or "mode=memory" in path or path.startswith("file:"):
            raise _invalid(path, "in-memory or URI SQLite databases are not allowed")
        return cls(backend="sqlite", sqlite_path=Path(path).expanduser().resolve())

    @classmethod
    def _postgres(cls, url: str, text: str) -> StoreSettings:
        parts = urlsplit(text)
        query = parse_qs(parts.query, keep_blank_values=True)
        if set(query) - {"schema"} or parts.fragment:
            raise _invalid(url, "only the query parameter 'schema' is understood")
        dbname = unquote(parts.path.lstrip("/"))
        try:
            port = parts.port or 5432
        except ValueError:
            raise _invalid(url, "the port must be a number") from None
        if not parts.username or not parts.hostname or not dbname or "/" in dbname:
            raise _invalid(url, "user, host and database name are required")
        return cls(
            backend="postgres",
            pg_host=parts.hostname,
            pg_port=port,
            pg_user=unquote(parts.username),
            pg_password=unquote(parts.password or ""),
            pg_dbname=dbname,
            pg_schema=query.get("schema", [""])[0],
        )

    def url(self) -> str:
        """These settings as an `ASB_DATABASE_URL` value (`parse` reads it back)."""
        if self.backend == "sqlite":
            return f"sqlite:///{self.sqlite_path}"
        user = quote(self.pg_user, safe="")
        password = f":{quote(self.pg_password, safe='')}" if self.pg_password else ""
        schema = f"?schema={self.pg_schema}" if self.pg_schema else ""
        return (f"postgresql://{user}{password}@{self.pg_host}:{self.pg_port}/"
                f"{quote(self.pg_dbname, safe='')}{schema}")

    def describe(self) -> str:
        """Where the data is, without the password (for logs and `asb` output)."""
        if self.backend == "sqlite":
            return f"SQLite file {self.sqlite_path}"
        schema = f" schema {self.pg_schema}" if self.pg_schema else ""
        return f"PostgreSQL {self.pg_user}@{self.pg_host}:{self.pg_port}/{self.pg_dbname}{schema}"


def _invalid(url: str, why: str) -> ValueError:
    return ValueError(f"{ENV_VAR}={url!r} is not valid ({why}); accepted forms: {_ACCEPTED}")


def persistence_env(settings: StoreSettings) -> dict[str, str]:
    """The eventsourcing environment for `settings`; pass it as `Application(env=...)`.

    PERSISTENCE_MODULE is always set: left unset, eventsourcing silently stores in memory.
    """
    env = {
        "MAPPER_TOPIC": MAPPER_TOPIC,
        "TRANSCODER_TOPIC": TRANSCODER_TOPIC,
    }
    if settings.backend == "sqlite":
        assert settings.sqlite_path is not None
        env |= {
            "PERSISTENCE_MODULE": "eventsourcing.sqlite",
            "SQLITE_DBNAME": str(settings.sqlite_path),
            "APPLICATION_RECORDER_TOPIC": SQLITE_RECORDER_TOPIC,
            # Safe on SQLite: our recorder's DDL runs under BEGIN IMMEDIATE (the file lock).
            "CREATE_TABLE": "y",
        }
    else:
        env |= {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": settings.pg_dbname,
            "POSTGRES_HOST": settings.pg_host,
            "POSTGRES_PORT": str(settings.pg_port),
            "POSTGRES_USER": settings.pg_user,
            "POSTGRES_PASSWORD": settings.pg_password,
            "POSTGRES_SCHEMA": settings.pg_schema,
            "APPLICATION_RECORDER_TOPIC": POSTGRES_RECORDER_TOPIC,
            # Serving nodes never run DDL; `asb db init` (bootstrap.prepare_database) does.
            "CREATE_TABLE": "n",
        }
    return env


@dataclass(frozen=True)
class TableNames:
    events: str
    heads: str
    snapshots: str


def heads_table_for(events_table: str) -> str:
    """The stream-heads table paired with an events table ("stored_events" -> "stream_heads")."""
    prefix = events_table.removesuffix("_events")
    return "stream_heads" if prefix in ("stored", events_table) else f"{prefix}_stream_heads"


def table_names(settings: StoreSettings) -> TableNames:
    """The tables the Application uses (eventsourcing 9.5.6 naming rules).

    SQLite's factory ignores the application name ("stored_*": one application per file);
    PostgreSQL's prefixes tables with the lower-cased application name.
    """
    prefix = "stored" if settings.backend == "sqlite" else APPLICATION_NAME.lower()
    events = f"{prefix}_events"
    return TableNames(events=events, heads=heads_table_for(events), snapshots=f"{prefix}_snapshots")
