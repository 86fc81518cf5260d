"""`asb serve`, `asb project` and `asb rebuild`: the API and its read models.

Registered on the main `asb` app by `register(app)`. Like the rest of the CLI, importing
this module builds nothing; each command wires what it needs from ASB_DATABASE_URL.

Projection modes (`--projection`, or ASB_PROJECTION):
  in-process  (default) the API projects the log before each read: a client always reads
              its own writes. Right for SQLite and for a single API process.
  external    a separate `asb project --follow` worker projects; the API waits (bounded)
              for it to reach the end of the log before reading. For PostgreSQL with
              several API processes.
"""

from __future__ import annotations

import os
import signal
import threading
from contextlib import ExitStack
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from adapters.driving.cli.common import fail as _fail
from adapters.driving.cli.common import store_settings as _settings

if TYPE_CHECKING:
    from adapters.driven.readmodels.projector import Projector
    from adapters.driven.store.settings import StoreSettings

PROJECTION_VAR = "ASB_PROJECTION"


class ProjectionMode(str, Enum):
    IN_PROCESS = "in-process"
    EXTERNAL = "external"




def _projector(settings: StoreSettings, stack: ExitStack) -> Projector:
    """The application, the read store (tables made if missing) and a projector on them."""
    from adapters.bootstrap import build_application
    from adapters.driven.readmodels.database import open_read_store
    from adapters.driven.readmodels.projector import Projector
    from adapters.driven.store.schema import init_schema

    if settings.backend == "sqlite":
        init_schema(settings)  # embedded file: creating tables here is safe and idempotent
    application = build_application(settings)
    stack.callback(application.close)
    store = open_read_store(settings)  # read-model DDL runs under an advisory lock
    stack.callback(store.close)
    return Projector(application, store)


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=0, max=65535)] = 8000,
    projection: Annotated[ProjectionMode | None, typer.Option(
        help=f"in-process (default) or external; default from {PROJECTION_VAR}.")] = None,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
) -> None:
    """Serve the HTTP API (OpenAPI at /docs) under uvicorn."""
    import uvicorn

    from adapters.driven.auth.users import UserStore
    from adapters.driving.http import create_app
    from adapters.driven.readmodels.readside import FollowerReadSide, InProcessReadSide, ReadSide

    mode = projection or ProjectionMode(os.environ.get(PROJECTION_VAR, "in-process"))
    settings = _settings()
    with ExitStack() as stack:
        projector = _projector(settings, stack)
        users = UserStore(settings)
        stack.callback(users.close)
        if settings.backend == "sqlite":
            users.create_table()
        read_side: ReadSide
        if mode is ProjectionMode.IN_PROCESS:
            read_side = InProcessReadSide(projector)
            projector.catch_up()
        else:
            read_side = FollowerReadSide(projector.application, projector.store)
        app = create_app(projector.application, users, read_side)
        typer.echo(f"Pathway API on http://{host}:{port} ({settings.describe()}; projection "
                   f"{mode.value})")
        uvicorn.run(app, host=host, port=port, log_level=log_level)


def project(
    follow: Annotated[bool, typer.Option("--follow", help="Keep projecting until stopped.")] = False,
    poll: Annotated[float, typer.Option(help="Seconds between polls when idle.", min=0.01)] = 0.5,
) -> None:
    """Bring the read models up to date with the log (once, or --follow)."""
    from adapters.driven.readmodels.follow import follow as follow_log

    settings = _settings()
    with ExitStack() as stack:
        projector = _projector(settings, stack)
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
        typer.echo(f"following {settings.describe()} (Ctrl-C to stop)")
        follow_log(projector, settings, stop, poll_interval=poll)
        typer.echo(f"stopped at position {projector.tracking()[0]}")


def rebuild() -> None:
    """Drop every read model and rebuild it from the log (one transaction)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    settings = _settings()
    with ExitStack() as stack:
        projector = _projector(settings, stack)
        total = projector.log_length()
        columns = (TextColumn("rebuilding read models"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn())
        with Progress(*columns) as progress:
            task = progress.add_task("rebuild", total=total)
            done = projector.rebuild(lambda n: progress.advance(task, n))
            progress.update(task, completed=total)
        typer.echo(f"rebuilt read models from {done} events ({settings.describe()})")


def register(app: typer.Typer) -> None:
    """Add serve, project and rebuild to the `asb` command line."""
    app.command("serve")(serve)
    app.command("project")(project)
    app.command("rebuild")(rebuild)
