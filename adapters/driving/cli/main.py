"""The `asb` command line. Importing this module only defines the typer app:
settings, engines and the application are built inside each command.

Configuration: ASB_* environment variables, read once by adapters/settings.py (ASB_DATABASE_URL
defaults to the SQLite file pathway.db in the working directory). Every command gets its
system from adapters/bootstrap.py; only `asb db init` creates tables on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from adapters.driven.auth.roles import Role
from adapters.driving.cli import audit, documents, exports, serve
from adapters.driving.cli import checkpoint as checkpoints
from adapters.driving.cli.common import fail as _fail
from adapters.driving.cli.common import settings as _config
from adapters.driving.cli.common import store_settings as _settings
from adapters.driving.cli.policy import policy_app
from domain.values import Rank

if TYPE_CHECKING:
    from adapters.bootstrap import System
    from adapters.driven.auth.users import User

app = typer.Typer(
    name="asb",
    help="Pathway: lawful, timely, proportionate ASB casework, provably so.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="The database: create its tables.", no_args_is_help=True)
users_app = typer.Typer(help="Users and their bearer tokens.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(users_app, name="users")
app.add_typer(policy_app, name="policy")
app.add_typer(checkpoints.checkpoint_app, name="checkpoint")
retention_app = typer.Typer(help="Retention of closed cases.", no_args_is_help=True)
app.add_typer(retention_app, name="retention")
app.command("serve")(serve.serve)
app.command("project")(serve.project)
app.command("rebuild")(serve.rebuild)
app.command("export")(exports.export)
app.command("verify-export")(exports.verify_export)
app.command("notice")(documents.notice)
app.command("bundle")(documents.bundle)
app.command("audit")(audit.audit)


@contextmanager
def _system() -> Iterator[System]:
    """The system from the composition root; a missing table says to run `asb db init`."""
    from sqlalchemy.exc import ProgrammingError

    from adapters.bootstrap import bootstrap

    with bootstrap(_config()) as system:
        try:
            yield system
        except ProgrammingError as e:  # PostgreSQL: only `asb db init` creates tables
            _fail(f"{str(e.orig).splitlines()[0]} (run `asb db init` first)")



@db_app.command("init")
def db_init() -> None:
    """Create the event log, snapshot, users and read-model tables if missing (idempotent)."""
    from sqlalchemy import inspect

    from adapters.bootstrap import prepare_database
    from adapters.driven.auth.users import UserStore
    from adapters.driving.cli.output import make_console

    settings = _settings()
    console = make_console()
    prepare_database(settings)
    with UserStore(settings) as users:
        tables = sorted(inspect(users.engine).get_table_names(schema=settings.pg_schema or None))
    console.print(f"Database ready: {settings.describe()}", markup=False)
    console.print(f"{len(tables)} tables: {', '.join(tables)}", markup=False)


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="The user's name, e.g. 'PC N. Carter'.")],
    agency: Annotated[str, typer.Option("--agency", help="Their agency.")],
    role: Annotated[Role, typer.Option("--role", case_sensitive=False, help="What they do.")],
    rank: Annotated[Rank | None, typer.Option("--rank", case_sensitive=False,
                                              help="Rank or post, where it matters.")] = None,
    display_name: Annotated[str | None, typer.Option(
        "--display-name", help="How documents name them, e.g. 'Jo Reid'.")] = None,
    title: Annotated[str | None, typer.Option(
        "--title", help="Rank or job title written before the name, e.g. 'PC'.")] = None,
    number: Annotated[str | None, typer.Option(
        "--number", help="Collar or staff number, e.g. '1234'.")] = None,
) -> None:
    """Add a user and print their bearer token (last line; shown once, only its hash is kept)."""
    from adapters.driven.auth.users import DuplicateUserError

    with _system() as system:
        try:
            user, token = system.users.add(name, agency, role, rank, display_name=display_name,
                                           title=title, number=number)
        except (DuplicateUserError, ValueError) as e:
            _fail(str(e))
    rank_text = f", {user.rank}" if user.rank else ""
    typer.echo(f"Added {user.name} ({user.agency}; {user.role}{rank_text}), id {user.id}.")
    typer.echo(f"Named in documents as: {user.label()}.")
    _print_token(user, token)


def _print_token(user: User, token: str) -> None:
    """The token on the last line (scripts take it from there), its expiry just above."""
    expires = user.expires_at.isoformat(timespec="seconds") if user.expires_at else "-"
    typer.echo(f"Expires {expires} (ASB_TOKEN_LIFETIME_HOURS; `asb users rotate` renews).")
    typer.echo("Bearer token (shown once; only its SHA-256 is stored):")
    typer.echo(token)


@users_app.command("list")
def users_list() -> None:
    """List users (tokens are never shown: only their hashes are stored)."""
    from adapters.driving.cli.output import make_console, users_table

    with _system() as system:
        found = system.users.list()
    make_console().print(users_table(found))


AgencyOption = Annotated[str | None, typer.Option(
    "--agency", help="Their agency, when users of two agencies share the name.")]


@contextmanager
def _user_change() -> Iterator[System]:
    """The system, with an unknown or ambiguous user name reported as an error."""
    from adapters.driven.auth.users import UnknownUserError

    with _system() as system:
        try:
            yield system
        except UnknownUserError as e:
            _fail(str(e))


@users_app.command("disable")
def users_disable(name: Annotated[str, typer.Argument(help="The user's name.")],
                  agency: AgencyOption = None) -> None:
    """Refuse the user's token from the next request on (`asb users enable` lifts it)."""
    with _user_change() as system:
        user = system.users.disable(name, agency)
    typer.echo(f"Disabled {user.name} ({user.agency}): their token is refused from now on.")


@users_app.command("enable")
def users_enable(name: Annotated[str, typer.Argument(help="The user's name.")],
                 agency: AgencyOption = None) -> None:
    """Accept the user's current token again (until it expires)."""
    with _user_change() as system:
        user = system.users.enable(name, agency)
    typer.echo(f"Enabled {user.name} ({user.agency}).")


@users_app.command("role")
def users_role(
    name: Annotated[str, typer.Argument(help="The user's name.")],
    role: Annotated[Role, typer.Argument(case_sensitive=False, help="Their new role.")],
    rank: Annotated[Rank | None, typer.Option(
        "--rank", case_sensitive=False, help="Their rank or post (replaces the old).")] = None,
    agency: AgencyOption = None,
) -> None:
    """Change the user's role (and rank); it holds from their next request."""
    with _user_change() as system:
        try:
            user = system.users.change_role(name, role, rank, agency)
        except ValueError as e:
            _fail(str(e))
    rank_text = f", {user.rank}" if user.rank else ""
    typer.echo(f"{user.name} ({user.agency}) is now {user.role}{rank_text}.")


@users_app.command("rotate")
def users_rotate(name: Annotated[str, typer.Argument(help="The user's name.")],
                 agency: AgencyOption = None) -> None:
    """Issue the user a new token (last line); the old one is refused from now on."""
    with _user_change() as system:
        user, token = system.users.rotate(name, agency)
    typer.echo(f"New token for {user.name} ({user.agency}); the old one no longer works.")
    _print_token(user, token)


@app.command()
def demo() -> None:
    """Tell the Orchard Walk story (three subjects, one place) through the engine."""
    from adapters.driving.cli.demo import DemoIncompleteError, run_demo
    from adapters.driving.cli.output import make_console
    from domain.model import DomainValidationError, StepRefusedError

    config = _config()
    console = make_console()
    try:
        run_demo(config, console)
    except StepRefusedError as e:  # already printed in full where it happened
        _fail(f"the engine refused a step of the story ({e}); see the reasons above")
    except (DemoIncompleteError, DomainValidationError) as e:
        _fail(str(e))


@retention_app.command("review")
def retention_review_command() -> None:
    """List closed cases by retention review date, due ones first, with what holds them."""
    from adapters.driven.readmodels.retention import retention_review
    from domain.calendar import local_date
    from domain.retention import RETENTION

    with _system() as system:
        system.read_side.refresh()
        items = retention_review(system.store, local_date(system.clock()))
    typer.echo(f"Retention class {RETENTION['pathway'].name}: {RETENTION['pathway'].basis}")
    for i in items:
        state = "DUE" if i.due else "not due"
        held = f"; legal hold: {', '.join(i.holds)}" if i.holds else ""
        typer.echo(f"{i.stream_id}  closed {i.closed_on}  review after {i.review_after}  "
                   f"{state}{held}")
    typer.echo(f"{sum(i.due for i in items)} of {len(items)} closed cases due for review")


@app.command()
def verify(
    checkpoint: Annotated[Path | None, typer.Option(
        "--checkpoint", help="Also check the log against the signed checkpoints in FILE.",
        metavar="FILE")] = None,
    public_key: Annotated[Path | None, typer.Option(
        "--public-key", help="The checkpoints' public key (default ASB_CHECKPOINT_PUBLIC_KEY).",
        metavar="FILE")] = None,
) -> None:
    """Check the whole event log: hash chains, contiguous versions, stream heads; with
    --checkpoint, also that no stream signed in a checkpoint was rewritten or deleted."""
    from adapters.driving.cli.output import make_console, print_verify_report
    from adapters.driven.store.integrity import StoreNotInitialisedError, verify_log

    console = make_console()
    if checkpoint is not None:
        checkpoints.verify_with_checkpoint(checkpoint, public_key, console)
        return
    if public_key is not None:
        _fail("--public-key goes with --checkpoint FILE", 2)
    settings = _settings()
    try:
        report = verify_log(settings)
    except StoreNotInitialisedError as e:
        _fail(f"{e} (run `asb db init` first)")
    print_verify_report(console, report, settings.describe(), "log verified")
    if not report.ok:
        raise typer.Exit(1)
