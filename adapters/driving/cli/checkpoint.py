"""`asb checkpoint keygen|sign` and the checkpoint half of `asb verify --checkpoint`.

A checkpoint is the head of the whole log signed with a key the database does not hold;
docs/integrity.md says where to keep keys and checkpoints.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from adapters.driving.cli.common import fail
from adapters.driving.cli.common import settings as load_config

if TYPE_CHECKING:
    from rich.console import Console

    from adapters.driven.store.checkpoint import Checkpoint

DEFAULT_FILE = Path("checkpoints.jsonl")

checkpoint_app = typer.Typer(
    help="Signed checkpoints of the log, to keep away from the database.", no_args_is_help=True)


@checkpoint_app.command("keygen")
def keygen(
    out: Annotated[Path, typer.Option("--out", help="Directory for the new key pair.")],
) -> None:
    """Make an Ed25519 key pair: the private key (mode 0600) signs, the public key verifies."""
    from adapters.driven.store.signing import SigningKeyError, generate_keys

    try:
        private, public = generate_keys(out)
    except (SigningKeyError, OSError) as e:
        fail(str(e))
    typer.echo(f"Private key (keep it off the database server's disks and backups): {private}")
    typer.echo(f"Public key (give it to whoever verifies): {public}")
    typer.echo("Set ASB_CHECKPOINT_KEY and ASB_CHECKPOINT_PUBLIC_KEY to these paths.")


@checkpoint_app.command("sign")
def sign(
    out: Annotated[Path, typer.Option("--out", help="Checkpoints file to append to.")
                   ] = DEFAULT_FILE,
    every: Annotated[float | None, typer.Option(
        "--every", min=1, help="Seconds between checkpoints (with --count).")] = None,
    count: Annotated[int, typer.Option(
        "--count", min=1, max=100_000, help="How many checkpoints to sign, then stop.")] = 1,
) -> None:
    """Sign the head of the whole log (ASB_CHECKPOINT_KEY) and append it to the file."""
    from adapters.driven.store.checkpoint import append_checkpoint, regressions, take_checkpoint
    from adapters.driven.store.integrity import StoreNotInitialisedError
    from adapters.driven.store.signing import SigningKeyError, key_id, load_private_key

    if count > 1 and every is None:
        fail("--count above 1 needs --every SECONDS", 2)
    config = load_config()
    if config.checkpoint_key_path is None:
        fail("ASB_CHECKPOINT_KEY is not set: the path of the private key "
             "(make one with `asb checkpoint keygen --out DIR`)", 2)
    try:
        key = load_private_key(config.checkpoint_key_path)
    except SigningKeyError as e:
        fail(str(e), 2)
    previous = _last_line(out)
    if previous is not None and previous.key_id != key_id(key.public_key()):
        fail(f"{out} holds checkpoints of key {previous.key_id}, not of this key "
             f"({key_id(key.public_key())}): after a key rotation, start a new file", 2)
    for n in range(count):
        if n:
            time.sleep(every or 0)
        try:
            checkpoint = take_checkpoint(config.store, key, datetime.now(UTC))
        except StoreNotInitialisedError as e:
            fail(f"{e} (run `asb db init` first)")
        if previous is not None and (problems := regressions(previous, checkpoint)):
            fail(f"not signed: since the last checkpoint in {out} " + "; ".join(problems)
                 + ". Run `asb verify --checkpoint` and investigate before signing again")
        append_checkpoint(out, checkpoint)
        previous = checkpoint
        typer.echo(f"Signed checkpoint at position {checkpoint.position}: "
                   f"{len(checkpoint.heads)} streams, {checkpoint.events} events, heads "
                   f"{checkpoint.heads_sha256} -> {out}")


def _last_line(path: Path) -> Checkpoint | None:
    """The last checkpoint already in the file (unverified: only compared with), or None."""
    from adapters.driven.store.checkpoint import CheckpointFileError, parse_checkpoint

    if not path.exists():
        return None
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not lines:
        return None
    try:
        return parse_checkpoint(lines[-1], f"the last checkpoint of {path}")
    except CheckpointFileError as e:
        fail(f"{e}; sign into another file")


def verify_with_checkpoint(file: Path, public_key: Path | None, console: Console) -> None:
    """`asb verify --checkpoint FILE`: the whole log, then every signed head in FILE."""
    from adapters.driven.store.checkpoint import (
        CheckpointFileError,
        read_checkpoints,
        verify_with_checkpoints,
    )
    from adapters.driven.store.integrity import StoreNotInitialisedError
    from adapters.driven.store.signing import SigningKeyError, load_public_key
    from adapters.driving.cli.output import print_verify_report

    config = load_config()
    key_path = public_key or config.checkpoint_public_key_path
    if key_path is None:
        fail("give --public-key FILE or set ASB_CHECKPOINT_PUBLIC_KEY", 2)
    try:
        checkpoints = read_checkpoints(file, load_public_key(key_path))
    except (SigningKeyError, CheckpointFileError) as e:
        fail(f"checkpoint refused: {e}")
    latest = checkpoints[-1]
    console.print(f"{len(checkpoints)} checkpoint(s) in {file}, signatures valid; latest "
                  f"signed at {latest.signed_at}: {len(latest.heads)} streams up to position "
                  f"{latest.position}", markup=False)
    try:
        report = verify_with_checkpoints(config.store, checkpoints)
    except StoreNotInitialisedError as e:
        fail(f"{e} (run `asb db init` first)")
    print_verify_report(console, report, config.store.describe(),
                        "log verified against the checkpoint")
    if not report.ok:
        raise typer.Exit(1)
