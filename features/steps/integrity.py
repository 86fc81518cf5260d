"""Corrections, attribution, the hash chain, tampering with the stored log, and concurrency."""

from __future__ import annotations

import sqlite3
from uuid import NAMESPACE_URL, UUID, uuid5

import pytest
from pytest_bdd import given, parsers, then, when

from adapters.bootstrap import build_application
from adapters.driven.store.integrity import VerifyReport, verify_log
from adapters.driven.store.settings import StoreSettings, table_names
from domain.errors import VersionConflictError
from domain.events.base import GENESIS_HASH
from domain.pathway import Pathway
from features.steps.vocabulary import (
    CONSTABLE, COUNCIL_OFFICER, NAME, Case, Clock, Outcome, attempt, moment, new_id, record,
    when as at,
)
from service.application import PathwayApplication, project


# ----------------------------------------------------------------- corrections
@when(parsers.re(rf'the officer corrects entry (?P<n>\d+) of {NAME}\'s case on {at("on")} to read '
                 r'"(?P<text>[^"]+)", because "(?P<why>[^"]+)"'), target_fixture="outcome")
def _correct(n: str, name: str, on: str, text: str, why: str, subject: Case,
             app: PathwayApplication, clock: Clock) -> Outcome:
    return attempt(app, clock, subject.named(name).id, "entry_corrected", moment(on),
                   corrected_version=int(n), correction=text, reason=why)


@then(parsers.re(rf"entry (?P<n>\d+) of {NAME}'s case is unchanged"))
def _unchanged(n: str, name: str, subject: Case, app: PathwayApplication) -> None:
    entries = app.history(subject.named(name).id)
    entry, after = entries[int(n) - 1], entries[int(n)]
    assert entry.hash == entry.compute_hash(), "the entry no longer matches its seal"
    assert after.prev_hash == entry.hash, "the next entry was chained to a different entry"


@then(parsers.re(rf'entry (?P<m>\d+) of {NAME}\'s case corrects entry (?P<n>\d+), because '
                 r'"(?P<why>[^"]+)"'))
def _corrects(m: str, name: str, n: str, why: str, subject: Case,
              app: PathwayApplication) -> None:
    case = subject.named(name)
    entry = app.history(case.id)[int(m) - 1]
    assert (entry.step, entry.corrected_version, entry.reason) == (  # type: ignore[attr-defined]
        "entry_corrected", int(n), why)
    corrections = app.pathway(case.id).corrections
    assert [(c.version, c.corrected_version) for c in corrections] == [(int(m), int(n))]


@then(parsers.re(rf'entry (?P<n>\d+) of {NAME}\'s case names rule set "(?P<rule_set>[^"]+)"'))
def _entry_rule_set(n: str, name: str, rule_set: str, subject: Case,
                    app: PathwayApplication) -> None:
    assert app.history(subject.named(name).id)[int(n) - 1].rule_set == rule_set


# ----------------------------------------------------------------- time
@when(parsers.re(rf"an officer records, at that moment, a home visit to {NAME} dated "
                 rf"{at('dated')}"), target_fixture="outcome")
def _future(name: str, dated: str, subject: Case, app: PathwayApplication, clock: Clock) -> Outcome:
    return attempt(app, clock, subject.named(name).id, "early_intervention", moment(dated),
                   advance=False, intervention_id=new_id(), kind="home_visit")


# ----------------------------------------------------------------- the chain and the stored log
@then(parsers.re(rf"each entry of {NAME}'s case is sealed and chained to the one before"))
def _chained(name: str, subject: Case, app: PathwayApplication) -> None:
    previous = GENESIS_HASH
    for entry in app.history(subject.named(name).id):
        assert entry.prev_hash == previous, f"entry {entry.originator_version} is not chained"
        assert entry.hash == entry.compute_hash(), f"entry {entry.originator_version} is unsealed"
        previous = entry.hash


@then("the stored log verifies as intact")
def _intact(sqlite_settings: StoreSettings) -> None:
    report = verify_log(sqlite_settings)
    assert report.ok and report.events_checked > 0, report.violations


def _sql(settings: StoreSettings, statement: str, *params: object) -> int:
    assert settings.sqlite_path is not None
    with sqlite3.connect(settings.sqlite_path) as conn:
        return conn.execute(statement.format(events=table_names(settings).events), params).rowcount


@when(parsers.re(rf'someone edits entry (?P<n>\d+) of {NAME}\'s case directly in the database, '
                 r'changing "(?P<old>[^"]+)" to "(?P<new>[^"]+)"'), target_fixture="report")
def _edit(n: str, name: str, old: str, new: str, subject: Case,
          sqlite_settings: StoreSettings) -> VerifyReport:
    changed = _sql(sqlite_settings,
                   "UPDATE {events} SET state = CAST(REPLACE(CAST(state AS TEXT), ?, ?) AS BLOB) "
                   "WHERE originator_id = ? AND originator_version = ?",
                   f'"{old}"', f'"{new}"', subject.named(name).id.hex, int(n))
    assert changed == 1
    return verify_log(sqlite_settings)


@when(parsers.re(rf"someone deletes entry (?P<n>\d+) of {NAME}'s case directly in the database"),
      target_fixture="report")
def _delete(n: str, name: str, subject: Case, sqlite_settings: StoreSettings) -> VerifyReport:
    changed = _sql(sqlite_settings,
                   "DELETE FROM {events} WHERE originator_id = ? AND originator_version = ?",
                   subject.named(name).id.hex, int(n))
    assert changed == 1
    return verify_log(sqlite_settings)


@then(parsers.re(rf'verification reports entry (?P<n>\d+) of {NAME}\'s case as "(?P<word>[^"]+)"'))
def _reported(n: str, name: str, word: str, subject: Case, report: VerifyReport) -> None:
    sid = str(subject.named(name).id)
    assert any(v.stream_id == sid and v.position == int(n) and word in v.problem
               for v in report.violations), report.violations


@then(parsers.re(rf"{NAME}'s case rebuilt from its entries alone matches the case the engine "
                 r"holds"))
def _rebuilt(name: str, subject: Case, app: PathwayApplication) -> None:
    case = subject.named(name)
    rebuilt = project(None, app.history(case.id))
    assert isinstance(rebuilt, Pathway)
    assert rebuilt.to_state() == app.pathway(case.id).to_state()


@then(parsers.re(rf"{NAME}'s deadlines are the same when the case is rebuilt from the stored log"))
def _same_deadlines(name: str, subject: Case, app: PathwayApplication, clock: Clock,
                    sqlite_settings: StoreSettings) -> None:
    case = subject.named(name)
    fresh = build_application(sqlite_settings, clock=clock)
    try:
        rebuilt = [(d.code, d.due_at) for d in fresh.deadlines(case.id)]
    finally:
        fresh.close()
    in_memory = [(d.code, d.due_at) for d in app.deadlines(case.id)]
    assert in_memory == rebuilt, (
        f"in memory {[(c, d.isoformat()) for c, d in in_memory]}, rebuilt from the log "
        f"{[(c, d.isoformat()) for c, d in rebuilt]}")


# ----------------------------------------------------------------- two people at once
@when(parsers.re(rf"two officers both read {NAME}'s case at version (?P<v>\d+) and each records "
                 r"a home visit"), target_fixture="outcome")
def _race(name: str, v: str, subject: Case, app: PathwayApplication, clock: Clock) -> Outcome:
    case = subject.named(name)
    visit = {"step": "early_intervention", "occurred_at": clock(), "kind": "home_visit"}
    first = app.record(case.id, visit | {"intervention_id": new_id()}, COUNCIL_OFFICER,
                       expected_version=int(v))
    try:
        app.record(case.id, visit | {"intervention_id": new_id()}, CONSTABLE,
                   expected_version=int(v))
    except VersionConflictError as conflict:
        return Outcome(case.id, int(v), conflict=str(conflict), extra={"first": first})
    pytest.fail("the second officer's stale entry was accepted")


@then(parsers.re(r"the first officer's entry is recorded as entry (?P<n>\d+)"))
def _first(n: str, outcome: Outcome) -> None:
    assert outcome.extra["first"].originator_version == int(n)


@then(parsers.re(r"the second officer is told that the case is now at version (?P<v>\d+)"))
def _second(v: str, outcome: Outcome) -> None:
    assert outcome.conflict is not None and f"is at version {v}" in outcome.conflict, (
        outcome.describe())


# ----------------------------------------------------------------- one entry per thing done
def _named_id(name: str) -> UUID:
    """A stable id for a label used in a scenario ("visit-1")."""
    return uuid5(NAMESPACE_URL, f"scenario/{name}")


@given(parsers.re(rf'the officer recorded a home visit for {NAME} on {at("on")} under id '
                  r'"(?P<label>[^"]+)"'))
def _visited(name: str, on: str, label: str, subject: Case, app: PathwayApplication,
             clock: Clock) -> None:
    record(app, clock, subject.named(name).id, "early_intervention", moment(on),
           intervention_id=_named_id(label), kind="home_visit")


@when(parsers.re(rf'the officer records a home visit for {NAME} on {at("on")} under id '
                 r'"(?P<label>[^"]+)"'), target_fixture="outcome")
def _visit(name: str, on: str, label: str, subject: Case, app: PathwayApplication,
           clock: Clock) -> Outcome:
    return attempt(app, clock, subject.named(name).id, "early_intervention", moment(on),
                   intervention_id=_named_id(label), kind="home_visit")


@when(parsers.re(rf"the officer links that incident to {NAME}'s case again on {at('on')}"),
      target_fixture="outcome")
def _link_again(name: str, on: str, subject: Case, app: PathwayApplication,
                clock: Clock) -> Outcome:
    case = subject.named(name)
    linked = [e for e in app.history(case.id) if e.step == "incident_linked"]
    return attempt(app, clock, case.id, "incident_linked", moment(on),
                   incident_id=getattr(linked[-1], "incident_id"))
