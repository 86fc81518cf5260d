"""What becomes of an instrument after it is made: a notice served, a warning complied with, a
penalty left unpaid, items surrendered and returned, an order past its end, a requirement
suspended by an appeal. Statuses are read as at a moment the scenario names."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from pytest_bdd import given, parsers, then, when

from domain.instruments import Kind
from domain.status import status_at
from features.steps.cases import groundwork
from features.steps.community_protection import _notice, _warning, link_incident
from features.steps.vocabulary import (
    CONSTABLE, NAME, Case, Clock, Outcome, attempt, calendar_day, day, moment, new_id, record, the,
    when as at,
)
from service.application import PathwayApplication

# ----------------------------------------------------------------- closure notice service
SERVED = rf"the closure notice (?:is|was) served at {at('on')}"


def _service() -> dict[str, Any]:
    return {"served_by": "PC 2231 Ames", "fixed_at": "front door and rear gate",
            "copies_given_to": ("the tenant, Ms R. Cole",)}


@given(parsers.re(SERVED))
def _served(on: str, premises: Case, app: PathwayApplication, clock: Clock) -> None:
    record(app, clock, premises.id, "closure_notice_served", moment(on), CONSTABLE,
           instrument_id=the(app, premises.id, Kind.CLOSURE_NOTICE), **_service())


@when(parsers.re(SERVED), target_fixture="outcome")
def _serve(on: str, premises: Case, app: PathwayApplication, clock: Clock) -> Outcome:
    return attempt(app, clock, premises.id, "closure_notice_served", moment(on), CONSTABLE,
                   instrument_id=the(app, premises.id, Kind.CLOSURE_NOTICE), **_service())


# ----------------------------------------------------------------- CPN requirements by kind
TEXTS = {"stop": "stop playing amplified music after 23:00",
         "do": "attend a noise awareness session", "reparation": "repair the shared door"}


def _unheeded(app: PathwayApplication, clock: Clock, case: Case, on: str,
              **extra: Any) -> None:
    """A notice after groundwork, a warning and a further incident (as community_protection)."""
    issued = moment(on)
    groundwork(app, clock, case, issued - timedelta(days=40))
    record(app, clock, case.id, "cpw_issued", issued - timedelta(days=30),
           **_warning((issued - timedelta(days=16)).strftime("%d %B %Y"), None, None))
    link_incident(app, clock, case, issued - timedelta(days=10), "loud music")
    record(app, clock, case.id, "cpn_issued", issued,
           **(_notice(app, case, None, None, True) | extra))


@given(parsers.re(rf"{NAME} was given a Community Protection Notice on {at('on')} after an "
                  r"unheeded warning, requiring to (?P<kinds>[a-z, ]+)"))
def _notice_with_kinds(name: str, on: str, kinds: str, subject: Case, app: PathwayApplication,
                       clock: Clock) -> None:
    listed = tuple(k.strip() for k in kinds.split(","))
    _unheeded(app, clock, subject.named(name), on,
              requirements=tuple(TEXTS[k] for k in listed), requirement_kinds=listed)


@given(parsers.re(rf"{NAME} was given a Community Protection Notice on {at('on')} after an "
                  rf"unheeded warning, in force until {day('until')}"))
def _notice_until(name: str, on: str, until: str, subject: Case, app: PathwayApplication,
                  clock: Clock) -> None:
    _unheeded(app, clock, subject.named(name), on, expires_on=calendar_day(until))


@when(parsers.re(rf"a breach of requirement (?P<n>\d+) of the Community Protection Notice by "
                 rf"{NAME} is recorded on {at('on')}"), target_fixture="outcome")
def _breach_of(n: str, name: str, on: str, subject: Case, app: PathwayApplication,
               clock: Clock) -> Outcome:
    case = subject.named(name)
    return attempt(app, clock, case.id, "breach_recorded", moment(on),
                   instrument_id=the(app, case.id, Kind.CPN), description="failed to comply",
                   requirement_number=int(n))


# ----------------------------------------------------------------- surrender of property
SURRENDER = rf"{NAME} (?:surrenders|surrendered) a portable speaker at {at('on')}"


@given(parsers.re(SURRENDER))
def _surrendered(name: str, on: str, subject: Case, app: PathwayApplication,
                 clock: Clock) -> None:
    case = subject.named(name)
    record(app, clock, case.id, "items_surrendered", moment(on), CONSTABLE,
           instrument_id=the(app, case.id, Kind.DISPERSAL), items=("portable speaker",),
           required_by="PC 2231 Ames")


@when(parsers.re(SURRENDER), target_fixture="outcome")
def _surrender(name: str, on: str, subject: Case, app: PathwayApplication,
               clock: Clock) -> Outcome:
    case = subject.named(name)
    return attempt(app, clock, case.id, "items_surrendered", moment(on), CONSTABLE,
                   instrument_id=the(app, case.id, Kind.DISPERSAL), items=("portable speaker",),
                   required_by="PC 2231 Ames")


@when(parsers.re(rf"the surrendered items are (?P<outcome>returned|destroyed) on {at('on')}"),
      target_fixture="outcome")
def _resolve(outcome: str, on: str, subject: Case, app: PathwayApplication,
             clock: Clock) -> Outcome:
    return attempt(app, clock, subject.id, "surrendered_items_resolved", moment(on), CONSTABLE,
                   instrument_id=the(app, subject.id, Kind.DISPERSAL), outcome=outcome,
                   by="PC 2231 Ames")


# ----------------------------------------------------------------- arrest: the applicant told
@given(parsers.re(rf"the applicant for the injunction was told of the arrest at {at('on')}"))
def _told(on: str, subject: Case, app: PathwayApplication, clock: Clock) -> None:
    record(app, clock, subject.id, "arrest_applicant_informed", moment(on), CONSTABLE,
           instrument_id=the(app, subject.id, Kind.ARREST), applicant="Northshire Council")


@given(parsers.re(rf"{NAME} was arrested under the power of arrest at {at('on')}, the applicant "
                  r"not yet told"))
def _arrested_untold(name: str, on: str, subject: Case, app: PathwayApplication,
                     clock: Clock) -> None:
    case = subject.named(name)
    record(app, clock, case.id, "arrested", moment(on), CONSTABLE,
           instrument_id=new_id(), power="power_of_arrest",
           injunction_id=the(app, case.id, Kind.INJUNCTION), applicant_informed=False)


# ----------------------------------------------------------------- statuses as time passes
KINDS = {"warning": Kind.CPW, "notice": Kind.CPN, "fixed penalty": Kind.FPN,
         "injunction": Kind.INJUNCTION, "closure notice": Kind.CLOSURE_NOTICE,
         "closure order": Kind.CLOSURE_ORDER}


@then(parsers.re(rf"on {at('on')}, the (?P<what>{'|'.join(KINDS)}) shows as (?P<status>[a-z_ ]+)"))
def _shows(on: str, what: str, status: str, request: Any, app: PathwayApplication) -> None:
    case: Case = request.getfixturevalue("premises" if "closure" in what else "subject")
    agg = app.load_any(case.id)
    inst = agg.instruments[the(app, case.id, KINDS[what])]
    got = status_at(inst, agg, moment(on))  # type: ignore[arg-type]
    assert got == status.replace(" ", "_"), f"the {what} shows as {got}"

