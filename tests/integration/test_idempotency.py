"""Command ids and blind appends in the application service, on SQLite and PostgreSQL.

Fixtures (`service_app`, `service_app_factory`, `service_rows`, `service_settings`) are in
tests/integration/conftest.py.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any
from uuid import uuid4

import pytest

from adapters.driven.store.integrity import verify_log
from adapters.driven.store.settings import StoreSettings
from domain.model import Pathway, VersionConflictError
from service.idempotency import CommandIdReusedError
from tests.integration.test_service import ADULT, OFFICER, SUPERVISOR, open_pathway


def _referral(clock: Any) -> dict[str, Any]:
    return {"step": "support_referral_made", "occurred_at": clock(), "referral_id": uuid4(),
            "service": "Turning Point", "need": "drug_alcohol"}


def _run(threads: list[threading.Thread]) -> None:
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not any(t.is_alive() for t in threads)


def test_a_repeated_command_returns_the_first_event_and_stores_nothing_more(
        service_app: Any, clock: Any, service_rows: Callable[..., Any]) -> None:
    app = service_app
    pid = open_pathway(app, clock)
    step = _referral(clock)
    first = app.record(pid, step, OFFICER, command_id="retry-me")
    stored = service_rows("events")
    again = app.record(pid, step, OFFICER, command_id="retry-me")
    assert again == first and again.hash == first.hash
    assert service_rows("events") == stored


def test_a_repeated_command_with_its_expected_version_is_not_a_conflict(
        service_app: Any, clock: Any) -> None:
    pid = open_pathway(service_app, clock)
    step = _referral(clock)
    first = service_app.record(pid, step, OFFICER, expected_version=1, command_id="ev-1")
    assert service_app.record(pid, step, OFFICER, expected_version=1, command_id="ev-1") == first
    with pytest.raises(VersionConflictError):
        service_app.record(pid, step, OFFICER, expected_version=1)


def test_a_repeated_command_is_recognised_after_a_restart(
        service_app: Any, service_app_factory: Callable[..., Any], clock: Any) -> None:
    opened = service_app.open_pathway({"occurred_at": clock(), "subject": ADULT}, OFFICER,
                                      command_id="open-1")
    event = service_app.record(opened, _referral(clock) | {"referral_id": uuid4()}, OFFICER,
                               command_id="step-1")
    restarted = service_app_factory()
    assert restarted.open_pathway({"occurred_at": clock(), "subject": ADULT}, OFFICER,
                                  command_id="open-1") == opened
    assert len(restarted.history(opened)) == 2
    assert restarted.record(opened, {**_dump_step(event)}, OFFICER,
                            command_id="step-1") == event


def _dump_step(event: Any) -> dict[str, Any]:
    return {"step": "support_referral_made", "occurred_at": event.occurred_at,
            "referral_id": event.referral_id, "service": event.service, "need": event.need}


@pytest.mark.parametrize("change", ["body", "stream", "user", "expected_version"])
def test_a_command_id_reused_for_another_request_is_refused(
        service_app: Any, clock: Any, service_rows: Callable[..., Any], change: str) -> None:
    app = service_app
    pid, other = open_pathway(app, clock), open_pathway(app, clock)
    step = _referral(clock)
    app.record(pid, step, OFFICER, command_id="k")
    stored = service_rows("events")
    target, actor, kwargs = pid, OFFICER, {}
    if change == "body":
        step = {**step, "service": "Another service"}
    elif change == "stream":
        target = other
    elif change == "user":
        actor = SUPERVISOR
    else:
        kwargs = {"expected_version": 2}
    with pytest.raises(CommandIdReusedError):
        app.record(target, step, actor, command_id="k", **kwargs)
    assert service_rows("events") == stored


def test_a_failed_open_stores_no_command_id(service_app: Any, clock: Any) -> None:
    pid = open_pathway(service_app, clock)
    data = {"occurred_at": clock(), "subject": ADULT}
    with pytest.raises(VersionConflictError):
        service_app.open_pathway(data, OFFICER, id=pid, command_id="taken-id")
    assert service_app.recorder.select_command("taken-id") is None


def test_twins_of_one_command_sent_at_once_store_one_event(
        service_app: Any, service_app_factory: Callable[..., Any], clock: Any) -> None:
    nodes = [service_app, service_app_factory()]
    pid = open_pathway(service_app, clock)
    step = _referral(clock)
    barrier = threading.Barrier(4, timeout=20)
    results: list[Any] = []

    def send(node: Any) -> None:
        barrier.wait()
        results.append(node.record(pid, step, OFFICER, command_id="twin"))

    _run([threading.Thread(target=send, args=(nodes[i % 2],)) for i in range(4)])
    assert len(results) == 4 and all(r == results[0] for r in results)
    assert [e.originator_version for e in service_app.history(pid)] == [1, 2]


def test_blind_appends_from_two_nodes_all_succeed(
        service_app: Any, service_app_factory: Callable[..., Any], clock: Any,
        service_settings: StoreSettings) -> None:
    """8 threads x 25 referrals over two processes' worth of applications, no expected
    version: every step is stored once, the log verifies, a replay equals the loaded state."""
    nodes = [service_app, service_app_factory()]
    pid = open_pathway(service_app, clock)
    failures: list[BaseException] = []

    def client(node: Any) -> None:
        for _ in range(25):
            try:
                node.record(pid, _referral(clock), OFFICER)
            except Exception as error:  # noqa: BLE001 - the test reports what came out
                failures.append(error)

    _run([threading.Thread(target=client, args=(nodes[i % 2],)) for i in range(8)])
    assert failures == []
    history = service_app.history(pid)
    assert [e.originator_version for e in history] == list(range(1, 202))
    report = verify_log(service_settings)
    assert report.ok, report.violations
    replayed = Pathway(pid)
    for event in history:
        replayed.apply(event)
    assert service_app_factory().pathway(pid).to_state() == replayed.to_state()
    assert len(replayed.to_state()["instruments"]) == 200
