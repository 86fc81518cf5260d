"""The `asb` command line: db init, users, demo, verify (typer's CliRunner, plus real runs).

The demo database is built once per module; tests that tamper with it work on a copy.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from typer.testing import CliRunner

from adapters.driven.auth.users import ROLES, UserStore
from adapters.driving.cli.main import app
from adapters.driving.cli.script import sid
from adapters.driven.store.settings import StoreSettings
from tests.integration.conftest import sql_from_another_process

TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")  # secrets.token_urlsafe(32)
RUNNER = CliRunner()


def run(db: Path, *args: str, cwd: Path | None = None) -> tuple[int, str]:
    """Invoke `asb ARGS` in-process against the SQLite file `db`."""
    env = {"ASB_DATABASE_URL": f"sqlite:///{db}", "COLUMNS": "100"}
    previous = Path.cwd()
    os.chdir(cwd or db.parent)
    try:
        result = RUNNER.invoke(app, list(args), env=env)
    finally:
        os.chdir(previous)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def rows(db: Path, sql: str, *params: object) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(db) as conn:  # commits on success
        return conn.execute(sql, params).fetchall()


def event_count(db: Path) -> int:
    return rows(db, "SELECT count(*) FROM stored_events")[0][0]


# ---------------------------------------------------------------------- db init
def test_db_init_is_idempotent_and_lists_the_tables(tmp_path: Path) -> None:
    db = tmp_path / "pathway.db"
    first = run(db, "db", "init")
    second = run(db, "db", "init")
    assert first[0] == second[0] == 0
    for table in ("stored_events", "stream_heads", "stored_snapshots", "users"):
        assert table in first[1]
    assert first[1] == second[1]


def test_db_init_defaults_to_pathway_db_in_the_working_directory(tmp_path: Path) -> None:
    previous = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = RUNNER.invoke(app, ["db", "init"], env={"ASB_DATABASE_URL": None})
    finally:
        os.chdir(previous)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "pathway.db").exists()


def test_a_bad_database_url_is_a_clear_error(tmp_path: Path) -> None:
    result = RUNNER.invoke(app, ["db", "init"], env={"ASB_DATABASE_URL": "mysql://x/y"})
    assert result.exit_code == 2
    assert "ASB_DATABASE_URL" in result.output


# ---------------------------------------------------------------------- users
def test_users_add_prints_the_token_last_and_stores_only_its_hash(tmp_path: Path) -> None:
    db = tmp_path / "pathway.db"
    code, out = run(db, "users", "add", "PC N. Carter", "--agency", "Marlshire Police",
                    "--role", "officer", "--rank", "constable")
    assert code == 0, out
    token = out.strip().splitlines()[-1]
    assert TOKEN.match(token), out

    stored = rows(db, "SELECT * FROM users")
    assert len(stored) == 1
    assert hashlib.sha256(token.encode()).hexdigest() in stored[0]
    assert all(token not in str(value) for value in stored[0])
    assert token.encode() not in db.read_bytes()

    with UserStore(StoreSettings.parse(f"sqlite:///{db}")) as users:
        user = users.authenticate(token)
        assert user is not None
        assert (user.name, user.agency, user.role, user.rank) == (
            "PC N. Carter", "Marlshire Police", "officer", "constable")
        assert user.actor().user_id == user.id
        assert users.authenticate(token[:-1] + ("A" if token[-1] != "A" else "B")) is None
        assert users.authenticate("") is None

    code, listing = run(db, "users", "list")
    assert code == 0 and "PC N. Carter" in listing and token not in listing


def test_users_add_refuses_a_role_outside_the_list(tmp_path: Path) -> None:
    code, out = run(tmp_path / "pathway.db", "users", "add", "X", "--agency", "Y",
                    "--role", "boss")
    assert code == 2
    assert "--role" in out and "boss" in out
    for role in ROLES:
        assert role in out
    assert not (tmp_path / "pathway.db").exists()  # refused before anything was opened


def test_users_add_refuses_an_unknown_rank_and_a_duplicate(tmp_path: Path) -> None:
    db = tmp_path / "pathway.db"
    code, out = run(db, "users", "add", "X", "--agency", "Y", "--role", "officer",
                    "--rank", "general")
    assert code == 2 and "--rank" in out and "inspector" in out
    assert run(db, "users", "add", "X", "--agency", "Y", "--role", "Officer")[0] == 0
    code, out = run(db, "users", "add", "X", "--agency", "Y", "--role", "legal")
    assert code == 1 and "already exists" in out


@pytest.mark.postgres
def test_users_add_on_postgresql_uses_the_same_database(postgres_url: str) -> None:
    import psycopg

    schema = f"cli_{uuid4().hex[:10]}"
    env = {"ASB_DATABASE_URL": f"{postgres_url}?schema={schema}"}
    try:
        assert RUNNER.invoke(app, ["db", "init"], env=env).exit_code == 0
        result = RUNNER.invoke(app, ["users", "add", "J. Osei", "--agency", "Council",
                                     "--role", "officer"], env=env)
        assert result.exit_code == 0, result.output
        token = result.output.strip().splitlines()[-1]
        with UserStore(StoreSettings.parse(env["ASB_DATABASE_URL"])) as users:
            found = users.authenticate(token)
            assert found is not None and found.name == "J. Osei"
        with psycopg.connect(postgres_url) as conn:
            (digest,) = conn.execute(f'SELECT token_sha256 FROM "{schema}".users').fetchone()
        assert digest == hashlib.sha256(token.encode()).hexdigest()
    finally:
        with psycopg.connect(postgres_url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


# ---------------------------------------------------------------------- demo
@dataclass(frozen=True)
class Demo:
    db: Path
    output: str


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    db = tmp_path_factory.mktemp("demo") / "pathway.db"
    code, out = run(db, "demo")
    assert code == 0, out
    return Demo(db, out)


@pytest.fixture
def copy(demo: Demo, tmp_path: Path) -> Iterator[Path]:
    """A private copy of the demo database to tamper with."""
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{demo.db}{suffix}")
        if source.exists():
            shutil.copy(source, tmp_path / f"pathway.db{suffix}")
    yield tmp_path / "pathway.db"


def test_demo_refuses_kyles_early_cpn_with_every_reason(demo: Demo) -> None:
    out = demo.output
    block = out[out.index("REFUSED"):out.index("No CPN is issued")]
    assert "cpn_before_warning_deadline" in block
    assert "s.43(5)(b)" in block
    assert "cpn_requires_continuing_conduct" in block and "HARD" in block
    assert "no_proportionality_assessment" in block and "SOFT" in block
    assert "remedy" in block and "A CPN may be issued from 20 Nov 2025 16:00" in block


def test_demo_allows_deans_cpn_after_the_deadline_and_a_linked_incident(demo: Demo) -> None:
    assert "ALLOWED  Dean: Issue a Community Protection Notice" in demo.output


def test_demo_shows_both_arrest_deadlines(demo: Demo) -> None:
    # Saturday 20:00 -> Monday 20:00 (Sunday disregarded); Thursday before Easter 20:00 ->
    # Saturday 20:00 (Good Friday disregarded).
    assert re.search(r"from\s+Saturday 13 June 2026 20:00", demo.output)
    assert re.search(r"due\s+Monday 15 June 2026 20:00", demo.output)
    assert re.search(r"from\s+Thursday 2 April 2026 20:00", demo.output)
    assert re.search(r"due\s+Saturday 4 April 2026 20:00", demo.output)


def test_demo_shows_backdating_and_the_final_tables(demo: Demo) -> None:
    out = demo.output
    assert out.count("backdating is visible") == 2
    for heading in ("Instruments", "Support referrals", "Deadlines (status as at",
                    "Next steps (as at", "Closure track"):
        assert heading in out
    assert "Kyle Benton (16) - closed: resolved" in out
    assert "Maria Lisowska (47) - closed: supported" in out


def test_demo_story_is_recorded_through_the_engine(demo: Demo) -> None:
    from adapters.bootstrap import build_application
    from domain.instruments import Kind, S

    application = build_application(StoreSettings.parse(f"sqlite:///{demo.db}"))
    try:
        dean = application.pathway(sid("dean"))
        kinds = [i.kind for i in dean.instruments.values()]
        assert {Kind.CPW, Kind.CPN, Kind.FPN, Kind.PROSECUTION, Kind.INJUNCTION} <= set(kinds)
        assert kinds.count(Kind.ARREST) == 2
        kyle = application.pathway(sid("kyle"))
        assert not kyle.of_kind(Kind.CPN) and kyle.closed_outcome == "resolved"
        maria = application.pathway(sid("maria"))
        assert len(maria.of_kind(Kind.DISPERSAL)) == 1 and maria.closed_outcome == "supported"
        green = application.place(sid("orchard-walk-green"))
        (order,) = green.of_kind(Kind.CLOSURE_ORDER)
        assert order.state is S.DISCHARGED
        late = [e for e in application.history(sid("kyle"))
                if (e.recorded_at - e.occurred_at).days >= 3]
        assert [e.step for e in late] == ["early_intervention"]
    finally:
        application.close()


def test_demo_twice_records_nothing_more(copy: Path) -> None:
    before = event_count(copy)
    code, out = run(copy, "demo")
    assert code == 0, out
    assert "already in this database" in out
    assert event_count(copy) == before
    assert "Closure track" in out


# ---------------------------------------------------------------------- verify
def test_verify_passes_on_the_demo_database(demo: Demo) -> None:
    code, out = run(demo.db, "verify")
    assert code == 0, out
    assert "log verified" in out
    assert re.search(r"Checked \d+ streams, \d+ events", out)


def _dean_rows(db: Path) -> list[tuple[int, bytes]]:
    return [(v, bytes(s)) for v, s in rows(
        db, "SELECT originator_version, state FROM stored_events WHERE originator_id=? "
        "ORDER BY originator_version", sid("dean").hex)]


def _assert_flagged(db: Path, stream: UUID, position: int) -> str:
    code, out = run(db, "verify")
    assert code == 1, out
    assert "LOG NOT VERIFIED" in out
    assert f"stream {stream} position {position}:" in out, out
    return out


def test_verify_fails_after_one_byte_is_changed_by_sql_from_another_process(copy: Path) -> None:
    sql = ("UPDATE stored_events SET state = CAST(replace(CAST(state AS TEXT), '\"drugs\"', "
           f"'\"drugz\"') AS BLOB) WHERE originator_id = '{sid('dean').hex}' "
           "AND originator_version = 1;")
    sql_from_another_process(copy, sql)
    assert "modified" in _assert_flagged(copy, sid("dean"), 1)


def test_verify_fails_after_the_encrypted_personal_fields_are_changed(copy: Path) -> None:
    version, state = _dean_rows(copy)[0]
    at = state.index(b'"sealed":"') + len('"sealed":"') + 30  # inside the ciphertext
    changed = state[:at] + (b"B" if state[at:at + 1] != b"B" else b"C") + state[at + 1:]
    rows(copy, "UPDATE stored_events SET state=? WHERE originator_id=? AND originator_version=?",
         changed, sid("dean").hex, version)
    assert "personal fields fail authentication" in _assert_flagged(copy, sid("dean"), version)


def test_verify_fails_after_one_byte_is_changed_with_python(copy: Path) -> None:
    # The warning's deadline, moved by one day: one byte of the stored CPW event.
    version, state = next((v, s) for v, s in _dean_rows(copy) if b"2025-10-27T14:00" in s)
    at = state.index(b"2025-10-27T14:00") + len("2025-10-2")  # the day: 27 -> 28
    changed = state[:at] + b"8" + state[at + 1:]
    assert sum(a != b for a, b in zip(state, changed, strict=True)) == 1
    rows(copy, "UPDATE stored_events SET state=? WHERE originator_id=? AND originator_version=?",
         changed, sid("dean").hex, version)
    assert "modified" in _assert_flagged(copy, sid("dean"), version)


def test_verify_fails_after_the_last_event_of_a_stream_is_deleted(copy: Path) -> None:
    last = _dean_rows(copy)[-1][0]
    rows(copy, "DELETE FROM stored_events WHERE originator_id=? AND originator_version=?",
         sid("dean").hex, last)
    assert "missing" in _assert_flagged(copy, sid("dean"), last)


def test_verify_fails_after_two_rows_states_are_swapped(copy: Path) -> None:
    (v2, s2), (v3, s3) = _dean_rows(copy)[1:3]
    for version, state in ((v2, s3), (v3, s2)):
        rows(copy, "UPDATE stored_events SET state=? WHERE originator_id=? AND "
             "originator_version=?", state, sid("dean").hex, version)
    _assert_flagged(copy, sid("dean"), v2)
    out = _assert_flagged(copy, sid("dean"), v3)
    assert "swapped" in out


def test_verify_without_a_database_says_so(tmp_path: Path) -> None:
    code, out = run(tmp_path / "none.db", "verify")
    assert code == 1 and "asb db init" in out


# ---------------------------------------------------------------------- a real process
@pytest.mark.slow
def test_the_installed_asb_command_works_end_to_end(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("asb")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "adapters.driving.cli"]
    env = {**os.environ, "ASB_DATABASE_URL": f"sqlite:///{tmp_path / 'work.db'}"}
    env.pop("COLUMNS", None)

    def asb(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*command, *args], cwd=tmp_path, env=env, capture_output=True,
                              text=True, timeout=120)

    assert asb("db", "init").returncode == 0
    added = asb("users", "add", "Insp. R. Patel", "--agency", "Marlshire Police",
                "--role", "supervisor", "--rank", "inspector")
    assert added.returncode == 0, added.stderr
    assert TOKEN.match(added.stdout.strip().splitlines()[-1])
    told = asb("demo")
    assert told.returncode == 0, told.stderr
    assert "cpn_before_warning_deadline" in told.stdout
    assert max(len(line) for line in told.stdout.splitlines()) <= 100
    verified = asb("verify")
    assert verified.returncode == 0 and "log verified" in verified.stdout


def test_an_export_from_the_command_line_is_in_the_access_audit(copy: Path) -> None:
    dean = str(sid("dean"))
    code, out = run(copy, "export", dean, "--kind", "chronology", "--out", "dean.json")
    assert code == 0, out
    provenance = (copy.parent / "dean.json").read_text(encoding="utf-8")
    assert '"generated_by": "os:' in provenance
    code, out = run(copy, "audit", "--case", dean)
    assert code == 0, out
    assert "disclosure  chronology export" in out and f"case {dean}" in out
    assert "1 of 1 entries" in out and "access audit verified" in out
    code, out = run(copy, "audit", "--case", str(uuid4()))
    assert "0 of 0 entries" in out
