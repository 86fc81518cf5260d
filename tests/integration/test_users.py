"""Users whose tokens end: `asb users add/disable/enable/role/rotate`, and an older users
table gaining the expiry columns."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from uuid import uuid4

import pytest

from adapters.driven.auth.users import UnknownUserError, UserStore
from adapters.driven.store.settings import StoreSettings
from tests.integration.test_cli import TOKEN, run


def _store(db: Path) -> UserStore:
    return UserStore(StoreSettings.parse(f"sqlite:///{db}"))


def test_users_add_prints_the_expiry_above_the_token(tmp_path: Path) -> None:
    db = tmp_path / "pathway.db"
    code, out = run(db, "users", "add", "PC A", "--agency", "Marlshire Police", "--role",
                    "officer")
    assert code == 0, out
    lines = out.strip().splitlines()
    assert TOKEN.match(lines[-1])
    expires = next(line for line in lines if line.startswith("Expires "))
    moment = datetime.fromisoformat(expires.split()[1])
    with _store(db) as users:
        user = users.authenticate(lines[-1])
        assert user is not None and user.expires_at is not None
        assert user.expires_at.replace(microsecond=0) == moment


def test_disable_rotate_and_role_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "pathway.db"
    old = run(db, "users", "add", "PC A", "--agency", "Marlshire Police", "--role",
              "supervisor", "--rank", "inspector")[1].strip().splitlines()[-1]
    code, out = run(db, "users", "role", "PC A", "analyst")
    assert code == 0 and "now analyst" in out
    code, out = run(db, "users", "rotate", "PC A")
    assert code == 0, out
    new = out.strip().splitlines()[-1]
    assert TOKEN.match(new) and new != old
    with _store(db) as users:
        assert users.authenticate(old) is None
        user = users.authenticate(new)
        assert user is not None and (user.role, user.rank) == ("analyst", None)
    assert run(db, "users", "disable", "PC A")[0] == 0
    with _store(db) as users:
        assert users.authenticate(new) is None
    code, listing = run(db, "users", "list")
    assert code == 0 and "disabled" in listing


def test_a_name_two_agencies_share_needs_the_agency(tmp_path: Path) -> None:
    db = tmp_path / "pathway.db"
    for agency in ("Marlshire Police", "Marlshire Council"):
        assert run(db, "users", "add", "J. Osei", "--agency", agency, "--role", "officer")[0] == 0
    code, out = run(db, "users", "disable", "J. Osei")
    assert code == 1 and "--agency" in out
    assert run(db, "users", "disable", "J. Osei", "--agency", "Marlshire Council")[0] == 0
    code, out = run(db, "users", "rotate", "Nobody")
    assert code == 1 and "no user 'Nobody'" in out
    with _store(db) as users, pytest.raises(UnknownUserError):
        users.find("J. Osei")


def test_an_older_users_table_gains_the_expiry_columns_and_its_tokens_stop(
    tmp_path: Path,
) -> None:
    db = tmp_path / "pathway.db"
    with sqlite3.connect(db) as conn:  # the table as the first release created it
        conn.execute("CREATE TABLE users (id VARCHAR(36) PRIMARY KEY, name VARCHAR(200) NOT "
                     "NULL, agency VARCHAR(200) NOT NULL, role VARCHAR(20) NOT NULL, rank "
                     "VARCHAR(40), token_sha256 VARCHAR(64) NOT NULL UNIQUE, created_at "
                     "DATETIME NOT NULL)")
        conn.execute("INSERT INTO users VALUES ('u1', 'PC Old', 'Marlshire Police', 'officer',"
                     " NULL, ?, '2025-01-01 00:00:00')", ("0" * 64,))
    with _store(db) as users:
        users.create_table()
        users.create_table()  # idempotent
        assert users.find("PC Old").expires_at is None
        assert users.label("u1") == "PC Old, Marlshire Police"  # no display name: the name
        user, token = users.rotate("PC Old")
        assert users.authenticate(token) == user


def test_a_user_is_named_in_documents_by_title_number_and_display_name(
    tmp_path: Path,
) -> None:
    db = tmp_path / "pathway.db"
    code, out = run(db, "users", "add", "jreid", "--agency", "Marlshire Police", "--role",
                    "officer", "--rank", "constable", "--display-name", "Jo Reid", "--title",
                    "PC", "--number", "1234")
    assert code == 0, out
    assert "Named in documents as: PC 1234 Jo Reid, Marlshire Police." in out
    with _store(db) as users:
        user = users.find("jreid")
        assert (user.display_name, user.title, user.number) == ("Jo Reid", "PC", "1234")
        assert users.label(user.id) == "PC 1234 Jo Reid, Marlshire Police"
        assert users.label(str(uuid4())) is None


@pytest.mark.postgres
def test_an_older_users_table_on_postgresql_gains_the_columns(postgres_url: str) -> None:
    import psycopg

    schema = f"users_{uuid4().hex[:10]}"
    try:
        with psycopg.connect(postgres_url, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
            conn.execute(f'CREATE TABLE "{schema}".users (id VARCHAR(36) PRIMARY KEY, name '
                         "VARCHAR(200) NOT NULL, agency VARCHAR(200) NOT NULL, role VARCHAR(20) "
                         "NOT NULL, rank VARCHAR(40), token_sha256 VARCHAR(64) NOT NULL UNIQUE, "
                         "created_at TIMESTAMPTZ NOT NULL)")
            conn.execute(f'INSERT INTO "{schema}".users VALUES (\'u1\', \'PC Old\', \'Police\', '
                         "'officer', NULL, %s, now())", ("0" * 64,))
        with UserStore(StoreSettings.parse(f"{postgres_url}?schema={schema}")) as users:
            users.create_table()
            assert users.find("PC Old").expires_at is None
            user, token = users.rotate("PC Old")
            assert users.authenticate(token) == user
    finally:
        with psycopg.connect(postgres_url, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
