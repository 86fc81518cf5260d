"""`asb checkpoint keygen|sign` and `asb verify --checkpoint` on the demo database: the two
rewrites plain `asb verify` cannot see (a child's date of birth changed by re-sealing the
stream and its head; the longest stream deleted with its head) are both named."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from typer.testing import CliRunner

from adapters.driven.store.settings import StoreSettings
from adapters.driving.cli.main import app
from adapters.driving.cli.script import sid

RUNNER = CliRunner()


def run(db: Path, *args: str, keys: Path | None = None) -> tuple[int, str]:
    env = {"ASB_DATABASE_URL": f"sqlite:///{db}", "COLUMNS": "200",
           "ASB_CHECKPOINT_KEY": "", "ASB_CHECKPOINT_PUBLIC_KEY": ""}
    if keys is not None:
        env |= {"ASB_CHECKPOINT_KEY": str(keys / "checkpoint-key.pem"),
                "ASB_CHECKPOINT_PUBLIC_KEY": str(keys / "checkpoint-key.pub.pem")}
    result = RUNNER.invoke(app, list(args), env=env)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def sql(db: Path, statement: str, *params: object) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:  # commits on success
        return conn.execute(statement, params).fetchall()


@pytest.fixture
def db(demo_db: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database, to tamper with."""
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{demo_db}{suffix}").exists():
            shutil.copy(f"{demo_db}{suffix}", tmp_path / f"pathway.db{suffix}")
    return tmp_path / "pathway.db"


@pytest.fixture
def keys(db: Path, tmp_path: Path) -> Path:
    code, out = run(db, "checkpoint", "keygen", "--out", str(tmp_path / "keys"))
    assert code == 0, out
    return tmp_path / "keys"


@pytest.fixture
def signed(db: Path, keys: Path, tmp_path: Path) -> Path:
    """A checkpoints file holding one checkpoint of the intact demo log."""
    path = tmp_path / "kept-elsewhere" / "checkpoints.jsonl"
    code, out = run(db, "checkpoint", "sign", "--out", str(path), keys=keys)
    assert code == 0, out
    assert "Signed checkpoint at position" in out
    return path


def verify(db: Path, checkpoints: Path, keys: Path) -> tuple[int, str]:
    return run(db, "verify", "--checkpoint", str(checkpoints), keys=keys)


def test_keygen_writes_a_private_key_only_its_owner_can_read(keys: Path, db: Path) -> None:
    assert stat.S_IMODE((keys / "checkpoint-key.pem").stat().st_mode) == 0o600
    assert (keys / "checkpoint-key.pub.pem").read_text().startswith("-----BEGIN PUBLIC KEY")
    code, out = run(db, "checkpoint", "keygen", "--out", str(keys))
    assert code == 1 and "already exists" in out


def test_an_intact_log_verifies_against_its_checkpoint(db: Path, keys: Path,
                                                       signed: Path) -> None:
    code, out = verify(db, signed, keys)
    assert code == 0, out
    assert "log verified against the checkpoint" in out


def test_a_resealed_stream_with_its_head_updated_is_found_only_by_the_checkpoint(
        db: Path, keys: Path, signed: Path) -> None:
    from adapters.bootstrap import build_application

    kyle = sid("kyle")
    application = build_application(StoreSettings.parse(f"sqlite:///{db}"))
    try:
        events = list(application.history(kyle))
        opened = events[0]
        subject = opened.subject.model_copy(  # type: ignore[attr-defined]
            update={"date_of_birth": date(2001, 5, 22), "vulnerabilities": ()})
        prev, rewritten = opened.prev_hash, []
        for i, e in enumerate(events):  # the public rule: SHA-256 over topic and body
            # The DOB is encrypted and outside the hash (bound to it by the cipher); the tags
            # are hashed in clear, so the rewrite changes the chain the checkpoint signed.
            first = {"subject": subject, "issue_tags": ("rewritten",)}
            update = {"prev_hash": prev, "hash": ""} | (first if i == 0 else {})
            rewritten.append(e.model_copy(update=update).sealed())
            prev = rewritten[-1].hash
        states = [application.mapper.to_stored_event(e).state for e in rewritten]
    finally:
        application.close()
    for e, state in zip(rewritten, states, strict=True):
        sql(db, "UPDATE stored_events SET state=? WHERE originator_id=? AND originator_version=?",
            state, kyle.hex, e.originator_version)
    sql(db, "UPDATE stream_heads SET hash=? WHERE originator_id=?", prev, kyle.hex)
    assert run(db, "verify")[0] == 0  # consistent with itself, so plain verify is satisfied
    code, out = verify(db, signed, keys)
    assert code == 1, out
    last = len(events)
    assert f"stream {kyle} position {last}: event {last} of stream {str(kyle)[:8]}… does not " \
           "end the hash chain signed at" in out


def test_a_deleted_stream_with_its_head_row_is_found_only_by_the_checkpoint(
        db: Path, keys: Path, signed: Path) -> None:
    ((longest, length),) = sql(db, "SELECT originator_id, count(*) FROM stored_events "
                                   "GROUP BY originator_id ORDER BY 2 DESC LIMIT 1")
    sql(db, "DELETE FROM stored_events WHERE originator_id=?", longest)
    sql(db, "DELETE FROM stream_heads WHERE originator_id=?", longest)
    assert run(db, "verify")[0] == 0
    code, out = verify(db, signed, keys)
    assert code == 1, out
    stream = str(UUID(longest))
    assert f"stream {stream} position 1: stream {stream[:8]}… is missing" in out
    assert f"recorded {length} events; the whole stream was deleted" in out


def test_signing_again_refuses_to_bless_a_deleted_stream(db: Path, keys: Path,
                                                         signed: Path) -> None:
    kyle = sid("kyle")
    sql(db, "DELETE FROM stored_events WHERE originator_id=?", kyle.hex)
    sql(db, "DELETE FROM stream_heads WHERE originator_id=?", kyle.hex)
    code, out = run(db, "checkpoint", "sign", "--out", str(signed), keys=keys)
    assert code == 1
    assert f"not signed: since the last checkpoint in {signed} stream {kyle}" in out
    assert len(signed.read_text().splitlines()) == 1


def test_a_checkpoint_is_refused_with_another_public_key_or_when_edited(
        db: Path, keys: Path, signed: Path, tmp_path: Path) -> None:
    code, out = run(db, "checkpoint", "keygen", "--out", str(tmp_path / "other"))
    assert code == 0
    code, out = run(db, "verify", "--checkpoint", str(signed), "--public-key",
                    str(tmp_path / "other" / "checkpoint-key.pub.pem"), keys=keys)
    assert code == 1 and "checkpoint refused" in out and "signed by key" in out
    signed.write_text(signed.read_text().replace('"events":', '"events":1', 1))
    code, out = verify(db, signed, keys)
    assert code == 1 and "checkpoint refused" in out and "signature does not verify" in out


def test_sign_after_a_key_rotation_needs_a_new_file(db: Path, signed: Path,
                                                    tmp_path: Path) -> None:
    code, _ = run(db, "checkpoint", "keygen", "--out", str(tmp_path / "new"))
    assert code == 0
    code, out = run(db, "checkpoint", "sign", "--out", str(signed), keys=tmp_path / "new")
    assert code == 2 and "after a key rotation, start a new file" in out
    assert len(signed.read_text().splitlines()) == 1


def test_sign_needs_a_key_only_its_owner_can_read(db: Path, keys: Path, tmp_path: Path) -> None:
    code, out = run(db, "checkpoint", "sign", "--out", str(tmp_path / "c.jsonl"))
    assert code == 2 and "ASB_CHECKPOINT_KEY is not set" in out
    os.chmod(keys / "checkpoint-key.pem", 0o644)
    code, out = run(db, "checkpoint", "sign", "--out", str(tmp_path / "c.jsonl"), keys=keys)
    assert code == 2 and "chmod 600" in out
    assert not (tmp_path / "c.jsonl").exists()


def test_sign_at_intervals_stops_after_count(db: Path, keys: Path, tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    code, out = run(db, "checkpoint", "sign", "--out", str(path), "--count", "2", keys=keys)
    assert code == 2 and "needs --every" in out
    code, out = run(db, "checkpoint", "sign", "--out", str(path), "--every", "1", "--count",
                    "2", keys=keys)
    assert code == 0, out
    assert len(path.read_text().splitlines()) == 2
    assert verify(db, path, keys)[0] == 0
