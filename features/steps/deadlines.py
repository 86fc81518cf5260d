"""Statutory deadlines (TIMERs) as the engine computes them from the recorded events.

Each timer has its own sentence, so that the policy reads as the duty it describes; all of
them check the same thing: the due instant the engine returns for that timer code.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from pytest_bdd import parsers, then

from domain.model import Deadline
from features.steps.vocabulary import (
    NAME, Case, calendar_day, day, end_of, moment, start_of, when as at,
)
from service.application import PathwayApplication

PLACE_TIMERS = {"closure_hearing", "closure_notice_expiry", "closure_order_expiry"}


def _case(code: str, request: pytest.FixtureRequest) -> Case:
    case: Case = request.getfixturevalue("premises" if code in PLACE_TIMERS else "subject")
    return case


def deadline(code: str, request: pytest.FixtureRequest) -> Deadline:
    """The deadline of that timer on the scenario's case (of the latest instrument, if several)."""
    app: PathwayApplication = request.getfixturevalue("app")
    found = [d for d in app.deadlines(_case(code, request).id) if d.code == code]
    assert found, f"no {code} deadline on the case"
    return max(found, key=lambda d: d.starts_at)


def _check(code: str, request: pytest.FixtureRequest, due: datetime) -> None:
    got = deadline(code, request).due_at
    assert got == due, f"{code}: expected {due.isoformat()}, the engine says {got.isoformat()}"


At = Callable[[str], datetime]
SENTENCES: list[tuple[str, str, str, At]] = [
    # (timer code, sentence before the moment, group pattern, how to read the moment)
    ("cpw_compliance", "the warning's time to comply ends at", at("due"), moment),
    ("cpn_compliance", "the notice's time to comply ends at", at("due"), moment),
    ("cpn_appeal_window", "the last day to appeal against the notice is", day("due"),
     lambda text: end_of(calendar_day(text))),
    ("fpn_payment_period", "proceedings may start from", day("due"),
     lambda text: start_of(calendar_day(text))),
    ("arrest_before_judge", rf"{NAME} must be brought before a judge by", at("due"), moment),
    ("closure_hearing", "the closure order application must be heard by", at("due"), moment),
    ("closure_notice_expiry", "the closure notice ends at", at("due"), moment),
    ("closure_order_expiry", "the closure order ends at the end of", day("due"),
     lambda text: end_of(calendar_day(text))),
    ("injunction_expiry", "the injunction ends at the end of", day("due"),
     lambda text: end_of(calendar_day(text))),
    ("power_of_arrest_expiry", "the power of arrest ends at the end of", day("due"),
     lambda text: end_of(calendar_day(text))),
    ("dispersal_exclusion_end", "the exclusion ends at", at("due"), moment),
    ("cpn_expiry", "the notice ends at the end of", day("due"),
     lambda text: end_of(calendar_day(text))),
    ("fpn_prosecution_decision", "a prosecution must be decided on by the end of", day("due"),
     lambda text: end_of(calendar_day(text))),
    ("arrest_inform_applicant", "the applicant for the injunction must be told by", at("due"),
     moment),
    ("surrendered_items_unclaimed", "unclaimed items may be destroyed from", day("due"),
     lambda text: end_of(calendar_day(text) - timedelta(days=1))),
    ("cbo_review", "the order must be reviewed by the end of", day("due"),
     lambda text: end_of(calendar_day(text))),
]


def _register(code: str, sentence: str, group: str, read: At) -> None:
    @then(parsers.re(rf"{sentence} {group}"), stacklevel=2)
    def _due(due: str, request: pytest.FixtureRequest) -> None:
        _check(code, request, read(due))


for _code, _sentence, _group, _read in SENTENCES:
    _register(_code, _sentence, _group, _read)


STATUS_OF = {
    "prosecution decision": "fpn_prosecution_decision",
    "inform-the-applicant": "arrest_inform_applicant",
    "items claim": "surrendered_items_unclaimed",
    "warning compliance": "cpw_compliance",
    "appeal": "cpn_appeal_window",
    "fixed penalty": "fpn_payment_period",
    "before-a-judge": "arrest_before_judge",
    "closure hearing": "closure_hearing",
}


@then(parsers.re(rf"on {at('on')}, the (?P<what>{'|'.join(STATUS_OF)}) deadline is "
                 r"(?P<status>running|met|met_late|overdue|ended)"))
def _status(on: str, what: str, status: str, request: pytest.FixtureRequest) -> None:
    found = deadline(STATUS_OF[what], request)
    assert found.status(moment(on)) == status, (
        f"{found.code} due {found.due_at}, met {found.met_at}: {found.status(moment(on))}")


def _named(who: str, request: pytest.FixtureRequest) -> Case:
    """The person or place the scenario calls by that name."""
    for fixture in ("subject", "premises"):
        try:
            case: Case = request.getfixturevalue(fixture)
        except pytest.FixtureLookupError:
            continue
        if case.name == who:
            return case
    raise AssertionError(f"the scenario has no case called {who!r}")


@then(parsers.re(r"(?P<who>.+)'s deadlines, soonest first, are:"))
def _listed(who: str, datatable: list[list[str]], request: pytest.FixtureRequest) -> None:
    header, *rows = datatable
    expected = [dict(zip(header, row, strict=True)) for row in rows]
    app: PathwayApplication = request.getfixturevalue("app")
    got = app.deadlines(_named(who, request).id)
    assert [(d.label, d.due_at, d.legal_basis) for d in got] == [
        (r["deadline"], moment(r["due"]), r["legal basis"]) for r in expected
    ], [(d.label, d.due_at.isoformat(), d.legal_basis) for d in got]
