"""`asb serve`, `asb project` and `asb rebuild`: the API and its read models.

Registered explicitly in cli/main.py. Like the rest of the CLI, importing this module builds
nothing; each command asks the composition root (adapters/bootstrap.py) for the system.

Projection modes (`--projection`, or ASB_PROJECTION):
  in-process  (default) the API projects the log before each read: a client always reads
              its own writes. Right for SQLite and for a single API process.
  external    a separate `asb project --follow` worker projects; the API waits (bounded)
              for it to reach the end of the log before reading. For PostgreSQL with
              several API processes.
"""

from __future__ import annotations

import signal
import threading
from typing import TYPE_CHECKING, Annotated, Any

import typer

from adapters.driving.cli.common import settings as _settings
from adapters.settings import ProjectionMode

if TYPE_CHECKING:
    from adapters.bootstrap import System


def _system(projection: ProjectionMode | None = None) -> System:
    """The system ASB_* describe, from the composition root."""
    from adapters.bootstrap import bootstrap

    return bootstrap(_settings(), projection=projection)


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=0, max=65535)] = 8000,
    projection: Annotated[ProjectionMode | None, typer.Option(
        help="in-process (default) or external; default from ASB_PROJECTION.")] = None,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
) -> None:
    """Serve the HTTP API (OpenAPI at /openapi.json, with a token) under uvicorn."""
    import uvicorn

    from adapters.driving.http.logs import log_config

    with _system(projection) as system:
        mode = projection or system.settings.projection
        if mode is ProjectionMode.IN_PROCESS:
            system.projector.catch_up()
        typer.echo(f"Pathway API on http://{host}:{port} ({system.settings.store.describe()}; "
                   f"projection {mode.value})")
        uvicorn.run(system.app, host=host, port=port, log_level=log_level,
                    log_config=log_config())


def project(
    follow: Annotated[bool, typer.Option("--follow", help="Keep projecting until stopped.")] = False,
    poll: Annotated[float, typer.Option(help="Seconds between polls when idle.", min=0.01)] = 0.5,
) -> None:
    """Bring the read models up to date with the log (once, or --follow)."""
    from adapters.driven.readmodels.follow import follow as follow_log

    with _system() as system:
        projector, store = system.projector, system.settings.store
        if not follow:
            done = projector.catch_up()
            position, gaps = projector.tracking()
            typer.echo(f"projected {done} events; position {position}"
                       + (f"; pending gaps {list(gaps)}" if gaps else ""))
            return
        stop = threading.Event()

        def _stop(*_: Any) -> None:
            stop.set()

        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)
        typer.echo(f"following {store.describe()} (Ctrl-C to stop)")
        follow_log(projector, store, stop, poll_interval=poll)
        typer.echo(f"stopped at position {projector.tracking()[0]}")


def rebuild() -> None:
    """Drop every read model and rebuild it from the log (one transaction)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with _system() as system:
        projector = system.projector
        total = projector.log_length()
        columns = (TextColumn("rebuilding read models"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn())
        with Progress(*columns) as progress:
            task = progress.add_task("rebuild", total=total)
            done = projector.rebuild(lambda n: progress.advance(task, n))
            progress.update(task, completed=total)
        typer.echo(f"rebuilt read models from {done} events ({system.settings.store.describe()})")
