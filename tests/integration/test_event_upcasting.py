"""A stored event evolves: version 1 rows are read through an upcaster as version 2.

`NoiseMeasured` renames its reading from `decibels` to `level_dba` (the unit the meter
reports) in version 2. `NoiseMeasuredV1` is the class as the previous release had it: the
same topic, so its rows are exactly what that release wrote to the real SQLite store.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar
from uuid import UUID, uuid4

import pytest

from adapters.driven.store.integrity import verify_log
from adapters.driven.store.schema import init_schema
from adapters.driven.store.settings import StoreSettings, persistence_env, table_names
from domain.events.base import GENESIS_HASH, DomainEvent
from tests.integration.store_contract import StoreApp

T0 = datetime(2026, 11, 2, 22, 30, tzinfo=UTC)


class NoiseMeasured(DomainEvent):
    """Version 2: the reading is named for its unit."""

    step: ClassVar[str] = "noise_measured"
    class_version: ClassVar[int] = 2

    level_dba: float
    meter: str = ""

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state["level_dba"] = state.pop("decibels")


class NoiseMeasuredV1(DomainEvent):
    """Version 1, as the previous release stored it under the same topic."""

    step: ClassVar[str] = "noise_measured"

    decibels: float
    meter: str = ""

    @classmethod
    def topic(cls) -> str:
        return NoiseMeasured.topic()


def _envelope(sid: UUID, version: int, prev: str) -> dict[str, Any]:
    return dict(originator_id=sid, originator_version=version,
                occurred_at=T0 + timedelta(hours=version), recorded_at=T0 + timedelta(hours=version),
                actor="eho-3", agency="Northtown Council", role="officer", rule_set="asbcpa2014",
                prev_hash=prev)


@pytest.fixture
def app(sqlite_settings: StoreSettings) -> Iterator[StoreApp]:
    init_schema(sqlite_settings)
    application = StoreApp(env=persistence_env(sqlite_settings))
    yield application
    application.close()


def _store_v1(app: StoreApp, sid: UUID, readings: list[float]) -> list[DomainEvent]:
    """Rows as version 1 of the class wrote them, through the real recorder."""
    events: list[DomainEvent] = []
    prev = GENESIS_HASH
    for version, reading in enumerate(readings, start=1):
        event = NoiseMeasuredV1(**_envelope(sid, version, prev), decibels=reading,
                                meter="Meter A").sealed()
        stored = app.mapper.to_stored_event(event)
        app.recorder.insert_events([dataclasses.replace(stored, topic=NoiseMeasured.topic())])
        events.append(event)
        prev = event.hash
    return events


def _row(settings: StoreSettings, sid: UUID, version: int) -> bytes:
    assert settings.sqlite_path is not None
    with sqlite3.connect(settings.sqlite_path) as conn:
        ((state,),) = conn.execute(
            f"SELECT state FROM {table_names(settings).events} WHERE originator_id=? AND "
            "originator_version=?", (sid.hex, version)).fetchall()
    return bytes(state)


def test_version_1_rows_are_read_as_version_2_with_the_field_renamed(app: StoreApp) -> None:
    sid = uuid4()
    old = _store_v1(app, sid, [68.5, 71.0])
    loaded = list(app.events.get(sid))
    assert [type(e) for e in loaded] == [NoiseMeasured, NoiseMeasured]
    assert [e.level_dba for e in loaded] == [68.5, 71.0]  # type: ignore[attr-defined]
    assert [e.meter for e in loaded] == ["Meter A", "Meter A"]  # type: ignore[attr-defined]
    assert [e.hash for e in loaded] == [e.hash for e in old]  # type: ignore[attr-defined]


def test_new_rows_carry_their_class_version_and_old_rows_stay_as_written(
    app: StoreApp, sqlite_settings: StoreSettings,
) -> None:
    sid = uuid4()
    old = _store_v1(app, sid, [68.5])
    app.save(NoiseMeasured(**_envelope(sid, 2, old[-1].hash), level_dba=74.0).sealed())
    assert b'"decibels":68.5' in _row(sqlite_settings, sid, 1)
    assert b'"class_version":1' not in _row(sqlite_settings, sid, 1)
    new = _row(sqlite_settings, sid, 2)
    assert b'"class_version":2' in new and b'"level_dba":74.0' in new
    assert [e.level_dba for e in app.events.get(sid)] == [68.5, 74.0]  # type: ignore[attr-defined]


def test_verify_checks_upcast_rows_against_what_was_stored(
    app: StoreApp, sqlite_settings: StoreSettings,
) -> None:
    sid = uuid4()
    old = _store_v1(app, sid, [68.5, 71.0])
    app.save(NoiseMeasured(**_envelope(sid, 3, old[-1].hash), level_dba=74.0).sealed())
    report = verify_log(sqlite_settings)
    assert report.ok, report.violations
    assert report.events_checked == 3

    assert sqlite_settings.sqlite_path is not None
    with sqlite3.connect(sqlite_settings.sqlite_path) as conn:
        conn.execute(f"UPDATE {table_names(sqlite_settings).events} SET state=? WHERE "
                     "originator_id=? AND originator_version=1",
                     (_row(sqlite_settings, sid, 1).replace(b"68.5", b"58.5"), sid.hex))
    report = verify_log(sqlite_settings)
    assert [(v.position, "was modified" in v.problem) for v in report.violations] == [(1, True)]
