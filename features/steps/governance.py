"""A supervisor's authority to depart from guidance (SOFT rules), recorded as an entry."""

from __future__ import annotations

from typing import Any

import pytest
from pytest_bdd import given, parsers, when

from features.steps.vocabulary import (
    COUNCIL_OFFICER, NAME, SUPERVISOR, Case, Clock, Outcome, attempt, moment, new_id, record,
    when as at,
)
from service.application import PathwayApplication

FOR_STEP = {
    "Community Protection Warning": "cpw_issued",
    "Community Protection Notice": "cpn_issued",
    "injunction application": "injunction_applied",
    "closure notice": "closure_notice_issued",
}
WHO = {"a supervisor": SUPERVISOR, "an ASB officer": COUNCIL_OFFICER}
DEPART = (rf'departing from "(?P<code>[a-z_]+)" for the (?P<what>{"|".join(FOR_STEP)}) on '
          rf'{at("on")}, because "(?P<why>[^"]+)"')


def _stream(what: str, request: pytest.FixtureRequest) -> Case:
    """A closure notice is decided on the place; every other step on the person."""
    case: Case = request.getfixturevalue("premises" if what == "closure notice" else "subject")
    return case


def _override(code: str, what: str, why: str) -> dict[str, Any]:
    return {"override_id": new_id(), "for_step": FOR_STEP[what], "guard_code": code,
            "reason": why}


@given(parsers.re(rf"a supervisor authorised {DEPART}"))
def _authorised(code: str, what: str, on: str, why: str, app: PathwayApplication, clock: Clock,
                request: pytest.FixtureRequest) -> None:
    record(app, clock, _stream(what, request).id, "override_authorised", moment(on), SUPERVISOR,
           **_override(code, what, why))


@when(parsers.re(rf"(?P<who>{'|'.join(WHO)}) authorises {DEPART}"), target_fixture="outcome")
def _authorise(who: str, code: str, what: str, on: str, why: str, app: PathwayApplication,
               clock: Clock, request: pytest.FixtureRequest) -> Outcome:
    return attempt(app, clock, _stream(what, request).id, "override_authorised", moment(on),
                   WHO[who], **_override(code, what, why))


# ------------------------------------------------------------------ closing and reopening
CLOSE_OUTCOMES = r"resolved|supported|no further action|transferred|moved away"


@given(parsers.re(rf"{NAME}'s pathway was closed as (?P<outcome>{CLOSE_OUTCOMES}) on {at('on')}"))
def _closed(name: str, outcome: str, on: str, subject: Case, app: PathwayApplication,
            clock: Clock) -> None:
    record(app, clock, subject.named(name).id, "pathway_closed", moment(on),
           outcome=outcome.replace(" ", "_"))


@when(parsers.re(rf"{NAME}'s pathway is reopened on {at('on')} because \"(?P<reason>[^\"]+)\""),
      target_fixture="outcome")
def _reopen(name: str, on: str, reason: str, subject: Case, app: PathwayApplication,
            clock: Clock) -> Outcome:
    return attempt(app, clock, subject.named(name).id, "pathway_reopened", moment(on),
                   reason=reason)


@given(parsers.re(rf"{NAME}'s pathway was reopened on {at('on')} because \"(?P<reason>[^\"]+)\""))
def _reopened(name: str, on: str, reason: str, subject: Case, app: PathwayApplication,
              clock: Clock) -> None:
    record(app, clock, subject.named(name).id, "pathway_reopened", moment(on), reason=reason)


# ------------------------------------------------------------------ erasure (crypto-shredding)
ERASURE = {"ground": "art17_request", "reason": "The subject asked for erasure"}


@when(parsers.re(rf"{NAME}'s personal data is erased on {at('on')} at their request"),
      target_fixture="outcome")
def _erase(name: str, on: str, subject: Case, app: PathwayApplication, clock: Clock) -> Outcome:
    return attempt(app, clock, subject.named(name).id, "subject_erased", moment(on), SUPERVISOR,
                   **ERASURE)


@given(parsers.re(rf"{NAME}'s personal data was erased on {at('on')} at their request"))
def _erased(name: str, on: str, subject: Case, app: PathwayApplication, clock: Clock) -> None:
    record(app, clock, subject.named(name).id, "subject_erased", moment(on), SUPERVISOR,
           **ERASURE)


# ------------------------------------------------------------------ restriction (UK GDPR Art 18)
RESTRICTION = {"ground": "accuracy_contested", "restricted_by": "Sgt 1402 Okafor"}
RESTRICTED = (rf"{NAME}'s processing (?:was|is) restricted on {at('on')} because "
              r"\"(?P<reason>[^\"]+)\"")


@given(parsers.re(RESTRICTED))
def _restricted(name: str, on: str, reason: str, subject: Case, app: PathwayApplication,
                clock: Clock) -> None:
    record(app, clock, subject.named(name).id, "processing_restricted", moment(on), SUPERVISOR,
           reason=reason, **RESTRICTION)


@when(parsers.re(rf"the restriction of {NAME}'s processing is lifted on {at('on')} because "
                 r"\"(?P<reason>[^\"]+)\""), target_fixture="outcome")
def _lift(name: str, on: str, reason: str, subject: Case, app: PathwayApplication,
          clock: Clock) -> Outcome:
    return attempt(app, clock, subject.named(name).id, "restriction_lifted", moment(on),
                   SUPERVISOR, reason=reason)


@when(parsers.re(rf"{NAME}'s pathway is closed as resolved on {at('on')}"),
      target_fixture="outcome")
def _close(name: str, on: str, subject: Case, app: PathwayApplication, clock: Clock) -> Outcome:
    return attempt(app, clock, subject.named(name).id, "pathway_closed", moment(on),
                   outcome="resolved")
