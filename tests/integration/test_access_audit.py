"""The access audit store, the same contract on SQLite and PostgreSQL: append-only entries
in order, filtered by case and user, each chained to the one before, tampering detected."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any
from uuid import uuid4

import pytest
from sqlalchemy import delete, update

from adapters.bootstrap import prepare_database
from adapters.driven.audit.store import AuditStore, access_audit
from adapters.driven.readmodels.database import open_read_store
from adapters.driven.store.settings import StoreSettings
from service.audit import Access, AccessEntry
from tests.api.conftest import drop_schema, pg_settings

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def audit(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[AuditStore]:
    if request.param == "sqlite":
        settings = StoreSettings.parse(f"sqlite:///{tmp_path / 'audit.db'}")
    else:
        url = request.getfixturevalue("postgres_url")
        settings = pg_settings(url)
        request.addfinalizer(lambda: drop_schema(url, settings.pg_schema))
    prepare_database(settings)
    store = open_read_store(settings)
    try:
        yield AuditStore(store)
    finally:
        store.close()


def _entry(n: int, user: str = "pc.carter", case: Any = None, **kw: Any) -> AccessEntry:
    return AccessEntry(at=T0 + timedelta(minutes=n), user_id=user, agency="Marlshire Police",
                       role="officer", access=Access.CONSULTATION, what="pathway",
                       case_id=case, **kw)


def test_entries_are_kept_in_order_and_filtered_by_case_and_user(audit: AuditStore) -> None:
    case, other = uuid4(), uuid4()
    audit.append(_entry(1, case=case))
    audit.append(_entry(2, user="k.mensah", case=case, purpose="Injunction bundle"))
    audit.append(_entry(3, case=other))
    total, rows = audit.select(case_id=case)
    assert total == 2 and [r["user_id"] for r in rows] == ["pc.carter", "k.mensah"]
    assert rows[1]["purpose"] == "Injunction bundle" and rows[0]["at"] == T0 + timedelta(minutes=1)
    assert [r["case_id"] for r in audit.select(user_id="pc.carter")[1]] == [case, other]
    assert audit.verify() == []


def test_each_entry_is_chained_to_the_one_before(audit: AuditStore) -> None:
    for n in range(3):
        audit.append(_entry(n))
    rows = audit.select()[1]
    assert rows[0]["prev_hash"] == "0" * 64
    assert [r["prev_hash"] for r in rows[1:]] == [r["hash"] for r in rows[:-1]]


def test_an_altered_or_removed_entry_is_detected(audit: AuditStore) -> None:
    for n in range(3):
        audit.append(_entry(n, case=uuid4()))
    seqs = [r["seq"] for r in audit.select()[1]]
    with audit.store.write() as conn:
        conn.execute(update(access_audit).where(access_audit.c.seq == seqs[0])
                     .values(user_id="someone.else"))
    assert audit.verify() == [f"entry {seqs[0]}: altered since it was written"]
    with audit.store.write() as conn:
        conn.execute(delete(access_audit).where(access_audit.c.seq == seqs[0]))
        conn.execute(delete(access_audit).where(access_audit.c.seq == seqs[1]))
    assert audit.verify() == [f"entry {seqs[2]}: does not follow the entry before it"]
