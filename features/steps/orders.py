"""Criminal Behaviour Orders after they are made (youth views, duration, variation, discharge,
review) and the 2026 Act's Respect Order."""

from __future__ import annotations

from typing import Any

from pytest_bdd import given, parsers, then, when

from domain.instruments import Kind
from features.steps.vocabulary import (
    NAME, Case, Clock, Outcome, attempt, calendar_day, day, moment, new_id, record, the,
    when as at,
)
from service.application import PathwayApplication


# ----------------------------------------------------------------- CBO: youth and duration
@given(parsers.re(rf"the prosecution found out the youth offending team's views about {NAME} "
                  rf"on {at('on')}"))
def _yot_views(name: str, on: str, subject: Case, app: PathwayApplication, clock: Clock) -> None:
    record(app, clock, subject.named(name).id, "consultation_recorded", moment(on),
           consultation_id=new_id(), body="yot", about_step="cbo_granted",
           outcome="YOT supports an order with a mentoring requirement")


CBO_TERM = (rf"the court (?:makes|made) a Criminal Behaviour Order against {NAME} on {at('on')} "
            rf"(?:until {day('until')}|(?P<indefinite>with no end date))")


def _cbo(app: PathwayApplication, case: Case, until: str | None) -> dict[str, Any]:
    return {"instrument_id": new_id(), "prosecution_id": the(app, case.id, Kind.PROSECUTION),
            "expires_on": calendar_day(until) if until else None,
            "prohibitions": ("not to enter Orchard Walk",)}


@when(parsers.re(CBO_TERM), target_fixture="outcome")
def _cbo_term(name: str, on: str, until: str | None, indefinite: str | None, subject: Case,
              app: PathwayApplication, clock: Clock) -> Outcome:
    case = subject.named(name)
    return attempt(app, clock, case.id, "cbo_granted", moment(on), **_cbo(app, case, until))


@given(parsers.re(CBO_TERM))
def _cbo_made(name: str, on: str, until: str | None, indefinite: str | None, subject: Case,
              app: PathwayApplication, clock: Clock) -> None:
    case = subject.named(name)
    record(app, clock, case.id, "cbo_granted", moment(on), **_cbo(app, case, until))


# ----------------------------------------------------------------- CBO: variation, discharge
VARY = (rf"on the (?P<who>offender|prosecution)'s application the court (?:varies|varied) the "
        rf"Criminal Behaviour Order on {at('on')}(?: to end on {day('until')})?")


def _variation(app: PathwayApplication, case: Case, who: str, until: str | None) -> dict[str, Any]:
    return {"instrument_id": the(app, case.id, Kind.CBO), "applicant": who,
            "changes": "exclusion zone reduced to Orchard Walk itself",
            "expires_on": calendar_day(until) if until else None}


@when(parsers.re(VARY), target_fixture="outcome")
def _vary(who: str, on: str, until: str | None, subject: Case, app: PathwayApplication,
          clock: Clock) -> Outcome:
    return attempt(app, clock, subject.id, "cbo_varied", moment(on),
                   **_variation(app, subject, who, until))


@given(parsers.re(VARY))
def _varied(who: str, on: str, until: str | None, subject: Case, app: PathwayApplication,
            clock: Clock) -> None:
    record(app, clock, subject.id, "cbo_varied", moment(on),
           **_variation(app, subject, who, until))


DISCHARGE = (r"on the (?P<who>offender|prosecution)'s application the court (?:discharges|"
             rf"discharged) the Criminal Behaviour Order on {at('on')}")


@when(parsers.re(DISCHARGE), target_fixture="outcome")
def _discharge(who: str, on: str, subject: Case, app: PathwayApplication,
               clock: Clock) -> Outcome:
    return attempt(app, clock, subject.id, "cbo_discharged", moment(on),
                   instrument_id=the(app, subject.id, Kind.CBO), applicant=who,
                   reason="the offender has complied and moved away")


@given(parsers.re(DISCHARGE))
def _discharged(who: str, on: str, subject: Case, app: PathwayApplication, clock: Clock) -> None:
    record(app, clock, subject.id, "cbo_discharged", moment(on),
           instrument_id=the(app, subject.id, Kind.CBO), applicant=who,
           reason="the offender has complied and moved away")


REVIEW = rf"the police (?:review|reviewed) the Criminal Behaviour Order on {at('on')}"


@when(parsers.re(REVIEW), target_fixture="outcome")
def _review(on: str, subject: Case, app: PathwayApplication, clock: Clock) -> Outcome:
    return attempt(app, clock, subject.id, "cbo_reviewed", moment(on),
                   instrument_id=the(app, subject.id, Kind.CBO),
                   compliance="complied; attends the mentoring scheme")


@given(parsers.re(REVIEW))
def _reviewed(on: str, subject: Case, app: PathwayApplication, clock: Clock) -> None:
    record(app, clock, subject.id, "cbo_reviewed", moment(on),
           instrument_id=the(app, subject.id, Kind.CBO),
           compliance="complied; attends the mentoring scheme")


@then(parsers.re(r"no review of the order is due"))
def _no_review(subject: Case, app: PathwayApplication) -> None:
    due = [d for d in app.deadlines(subject.id) if d.code == "cbo_review"]
    assert not due, due


# ----------------------------------------------------------------- Respect Orders (2026 Act)
RO_APPLY = (rf"the council (?:applies|applied) for a Respect Order against {NAME} on {at('on')}"
            r'(?: with a requirement "(?P<req>[^"]+)"(?: supervised by (?P<sup>.+))?)?')


def _ro_application(req: str | None, sup: str | None) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "instrument_id": new_id(), "court": "Northshire County Court",
        "prohibitions": ("not to shout or swear at residents of Orchard Walk",)}
    if req:
        fields |= {"requirements": (req,), "supervisor": sup}
    return fields


@when(parsers.re(RO_APPLY), target_fixture="outcome")
def _ro_apply(name: str, on: str, req: str | None, sup: str | None, subject: Case,
              app: PathwayApplication, clock: Clock) -> Outcome:
    return attempt(app, clock, subject.named(name).id, "respect_order_applied", moment(on),
                   **_ro_application(req, sup))


@given(parsers.re(RO_APPLY))
def _ro_applied(name: str, on: str, req: str | None, sup: str | None, subject: Case,
                app: PathwayApplication, clock: Clock) -> None:
    record(app, clock, subject.named(name).id, "respect_order_applied", moment(on),
           **_ro_application(req, sup))


RO_GRANT = rf"the court (?:makes|made) the Respect Order on {at('on')} until {day('until')}"


def _ro_grant(app: PathwayApplication, case: Case, until: str) -> dict[str, Any]:
    return {"instrument_id": the(app, case.id, Kind.RESPECT_ORDER),
            "expires_on": calendar_day(until)}


@when(parsers.re(RO_GRANT), target_fixture="outcome")
def _ro_make(on: str, until: str, subject: Case, app: PathwayApplication,
             clock: Clock) -> Outcome:
    return attempt(app, clock, subject.id, "respect_order_granted", moment(on),
                   **_ro_grant(app, subject, until))


@given(parsers.re(RO_GRANT))
def _ro_made(on: str, until: str, subject: Case, app: PathwayApplication, clock: Clock) -> None:
    record(app, clock, subject.id, "respect_order_granted", moment(on),
           **_ro_grant(app, subject, until))


@when(parsers.re(rf"a breach of the Respect Order by {NAME} is recorded on {at('on')}"),
      target_fixture="outcome")
def _ro_breach(name: str, on: str, subject: Case, app: PathwayApplication,
               clock: Clock) -> Outcome:
    case = subject.named(name)
    return attempt(app, clock, case.id, "breach_recorded", moment(on),
                   instrument_id=the(app, case.id, Kind.RESPECT_ORDER), clause="prohibition 1",
                   description="shouted abuse at a resident of Orchard Walk")


@then(parsers.re(r"the Respect Order is (?P<state>applied|granted|interim|refused|discharged)"))
def _ro_state(state: str, subject: Case, app: PathwayApplication) -> None:
    order = app.load_any(subject.id).instruments[the(app, subject.id, Kind.RESPECT_ORDER)]
    assert order.state.value == state, order.state
