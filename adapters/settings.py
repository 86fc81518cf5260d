"""The one place Pathway reads its environment: a pydantic-settings `Settings`, read once.

Every entry point calls `load_settings()` (or builds a `Settings` itself, as tests do) and
hands it to `adapters.bootstrap`; nothing else looks at the process environment. One
exception, for a reason: the eventsourcing library layers the process environment under the settings we give it
(`library_environ`, so an operator's CIPHER_* or COMPRESSOR_TOPIC reach the library).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import timedelta
from enum import Enum
from pathlib import Path

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from adapters.driven.store.settings import StoreSettings
from domain.rulesets import RuleBook

ENV_PREFIX = "ASB_"


class ProjectionMode(str, Enum):
    """How the API keeps its read models fresh (see `asb serve --help`)."""

    IN_PROCESS = "in-process"
    EXTERNAL = "external"


class SettingsError(ValueError):
    """An ASB_* variable holds a value Pathway cannot use (the message names it)."""


class Settings(BaseSettings):
    """Pathway's configuration, from ASB_* environment variables.

    ASB_DATABASE_URL  where the event log lives (default: pathway.db in the working directory)
    ASB_RULE_SETS     enacted-but-not-commenced rule sets to switch on, comma-separated
    ASB_PROJECTION    in-process (default) or external: how `asb serve` keeps reads fresh
    ASB_CHECKPOINT_KEY         the Ed25519 private key that signs checkpoints of the log
    ASB_CHECKPOINT_PUBLIC_KEY  its public key, which `asb verify --checkpoint` checks them with
    ASB_PDF_FONT_DIR  where PDF exports find DejaVu Sans, when not in a usual place
    ASB_TOKEN_LIFETIME_HOURS      how long a token from `asb users add`/`rotate` works (12)
    ASB_MAX_BODY_BYTES            the largest request body the API reads (1 MiB; 413 above)
    ASB_AUTH_FAILURES_PER_MINUTE  bad tokens one client address may send a minute (10; 429
                                  after; 0 turns the limit off)
    ASB_OPENAPI       serve /openapi.json to authenticated users (true) or not at all (false)
    ASB_KEY_ENCRYPTION_KEY  base64 of 32 bytes: wraps the per-subject data keys (required on
                      PostgreSQL; an embedded SQLite file makes one beside itself if unset)
    """

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore", frozen=True)

    database_url: str = ""
    rule_sets: str = ""
    projection: ProjectionMode = ProjectionMode.IN_PROCESS
    checkpoint_key: str = ""
    checkpoint_public_key: str = ""
    pdf_font_dir: str = ""
    token_lifetime_hours: float = Field(default=12.0, gt=0)
    max_body_bytes: int = Field(default=1024 * 1024, gt=0)
    auth_failures_per_minute: int = Field(default=10, ge=0)
    openapi: bool = True
    key_encryption_key: str = Field(default="", repr=False)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Arguments, then the environment: no .env file or secrets directory is consulted.
        return init_settings, env_settings

    @classmethod
    def for_store(cls, store: StoreSettings) -> Settings:
        """Settings naming `store`, every other field at its default (tests, tools)."""
        return load_settings({f"{ENV_PREFIX}DATABASE_URL": store.url()})

    @property
    def store(self) -> StoreSettings:
        """ASB_DATABASE_URL parsed (ValueError naming the variable when it is not valid)."""
        return StoreSettings.parse(self.database_url)

    @property
    def token_lifetime(self) -> timedelta:
        return timedelta(hours=self.token_lifetime_hours)

    @property
    def checkpoint_key_path(self) -> Path | None:
        """ASB_CHECKPOINT_KEY as a path (None when unset)."""
        return Path(self.checkpoint_key).expanduser() if self.checkpoint_key else None

    @property
    def checkpoint_public_key_path(self) -> Path | None:
        """ASB_CHECKPOINT_PUBLIC_KEY as a path (None when unset)."""
        return (Path(self.checkpoint_public_key).expanduser() if self.checkpoint_public_key
                else None)

    def rule_book(self) -> RuleBook:
        """The rule book with ASB_RULE_SETS switched on (e.g. ASB_RULE_SETS=cpa2026)."""
        return RuleBook.with_switches(self.rule_sets.split(","))


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Settings from the process environment, or only from `environ` when it is given."""
    try:
        if environ is None:
            return Settings()
        # Every field given as an argument (arguments win over the environment), so
        # `environ` is the whole environment: a test's settings never leak from the shell.
        values = {name: environ.get(f"{ENV_PREFIX}{name.upper()}", field.default)
                  for name, field in Settings.model_fields.items()}
        return Settings(**values)
    except ValidationError as e:
        problems = "; ".join(
            f"{ENV_PREFIX}{'.'.join(map(str, p['loc'])).upper()}: {p['msg']}" for p in e.errors())
        raise SettingsError(problems) from None


def library_environ() -> dict[str, str]:
    """The process environment, for the eventsourcing factory built outside an Application."""
    return dict(os.environ)
