"""What every `asb` command shares: failing clearly, and the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from adapters.driven.store.settings import StoreSettings
    from adapters.settings import Settings


def fail(message: str, code: int = 1) -> NoReturn:
    """Print `error: message` on stderr and exit (2: bad input, 1: the command failed)."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def settings() -> Settings:
    """The ASB_* settings, checked (ASB_DATABASE_URL parsed), or a clear error naming them."""
    from adapters.settings import load_settings

    try:
        loaded = load_settings()
        loaded.store  # noqa: B018 - parse ASB_DATABASE_URL now, to fail before any work
        loaded.rule_book()
    except ValueError as e:
        fail(str(e), 2)
    return loaded


def store_settings() -> StoreSettings:
    """Where the event log lives (ASB_DATABASE_URL), or a clear error naming it."""
    return settings().store
