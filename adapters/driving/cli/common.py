"""What every `asb` command shares: failing clearly, and the store settings."""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from adapters.driven.store.settings import StoreSettings


def fail(message: str, code: int = 1) -> NoReturn:
    """Print `error: message` on stderr and exit (2: bad input, 1: the command failed)."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def store_settings() -> StoreSettings:
    """ASB_DATABASE_URL parsed, or a clear error naming it."""
    from adapters.driven.store.settings import StoreSettings

    try:
        return StoreSettings.from_env()
    except ValueError as e:
        fail(str(e), 2)
