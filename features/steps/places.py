"""Closure of premises (ASBCPA 2014 Part 4 Chapter 3) and dispersal directions (Part 3)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from pytest_bdd import given, parsers, when

from domain.instruments import Kind
from features.steps.cases import place_groundwork
from features.steps.vocabulary import (
    CONSTABLE, COUNCIL_OFFICER, NAME, PCSO, PLACE, Case, Clock, Outcome, acting_as, attempt,
    calendar_day, day, moment, new_id, rank, record, the, when as at,
)
from service.application import PathwayApplication

WHO = r"(?P<issuer>an? [a-z ]+?)"


# ----------------------------------------------------------------- closure notices
NOTICE = (rf"{WHO} (?:issues|issued) a (?P<hours>\d+)-hour closure notice for {PLACE} served at "
          rf"{at('on')}")


def _notice(issuer: str, hours: str, place: str) -> dict[str, Any]:
    return {"instrument_id": new_id(), "duration_hours": int(hours),
            "authorised_by_rank": rank(issuer).value, "premises": place,
            "access_exceptions": ("the tenant, Ms R. Cole", "the owner, Northshire Homes"),
            "occupiers_informed": True}


@given(parsers.re(NOTICE))
def _issued(issuer: str, hours: str, place: str, on: str, premises: Case, app: PathwayApplication,
            clock: Clock) -> None:
    record(app, clock, premises.named(place).id, "closure_notice_issued", moment(on),
           acting_as(rank(issuer)), **_notice(issuer, hours, place))


@when(parsers.re(NOTICE), target_fixture="outcome")
def _issue(issuer: str, hours: str, place: str, on: str, premises: Case, app: PathwayApplication,
           clock: Clock) -> Outcome:
    return attempt(app, clock, premises.named(place).id, "closure_notice_issued", moment(on),
                   acting_as(rank(issuer)), **_notice(issuer, hours, place))


EXTEND = rf"{WHO} (?:extends|extended) the closure notice by (?P<hours>\d+) hours at {at('on')}"


@given(parsers.re(EXTEND))
def _extended(issuer: str, hours: str, on: str, premises: Case, app: PathwayApplication,
              clock: Clock) -> None:
    record(app, clock, premises.id, "closure_notice_extended", moment(on), acting_as(rank(issuer)),
           instrument_id=the(app, premises.id, Kind.CLOSURE_NOTICE),
           additional_hours=int(hours), authorised_by_rank=rank(issuer).value)


@when(parsers.re(EXTEND), target_fixture="outcome")
def _extend(issuer: str, hours: str, on: str, premises: Case, app: PathwayApplication,
            clock: Clock) -> Outcome:
    return attempt(app, clock, premises.id, "closure_notice_extended", moment(on),
                   acting_as(rank(issuer)),
                   instrument_id=the(app, premises.id, Kind.CLOSURE_NOTICE),
                   additional_hours=int(hours), authorised_by_rank=rank(issuer).value)


@given(parsers.re(rf'the closure notice was cancelled at {at("on")}, because "(?P<why>[^"]+)"'))
def _cancelled(on: str, why: str, premises: Case, app: PathwayApplication, clock: Clock) -> None:
    record(app, clock, premises.id, "closure_notice_cancelled", moment(on),
           acting_as(rank("an inspector")),
           instrument_id=the(app, premises.id, Kind.CLOSURE_NOTICE), reason=why)


# ----------------------------------------------------------------- closure orders
APPLY = (rf"the application for a closure order (?:is|was) made at {at('on')} for a hearing at "
         rf"{at('hearing')}")


def _application(app: PathwayApplication, premises: Case, hearing: datetime) -> dict[str, Any]:
    return {"instrument_id": new_id(),
            "notice_id": the(app, premises.id, Kind.CLOSURE_NOTICE),
            "court": "Northshire Magistrates' Court", "hearing_at": hearing}


@given(parsers.re(APPLY))
def _applied(on: str, hearing: str, premises: Case, app: PathwayApplication, clock: Clock) -> None:
    record(app, clock, premises.id, "closure_order_applied", moment(on), CONSTABLE,
           **_application(app, premises, moment(hearing)))


@when(parsers.re(APPLY), target_fixture="outcome")
def _apply(on: str, hearing: str, premises: Case, app: PathwayApplication, clock: Clock) -> Outcome:
    return attempt(app, clock, premises.id, "closure_order_applied", moment(on), CONSTABLE,
                   **_application(app, premises, moment(hearing)))


ORDER = rf"the magistrates (?:make|made) a closure order on {at('on')} until {day('until')}"


@given(parsers.re(ORDER))
def _made(on: str, until: str, premises: Case, app: PathwayApplication, clock: Clock) -> None:
    record(app, clock, premises.id, "closure_order_granted", moment(on), CONSTABLE,
           instrument_id=the(app, premises.id, Kind.CLOSURE_ORDER),
           expires_on=calendar_day(until))


@when(parsers.re(ORDER), target_fixture="outcome")
def _make(on: str, until: str, premises: Case, app: PathwayApplication, clock: Clock) -> Outcome:
    return attempt(app, clock, premises.id, "closure_order_granted", moment(on), CONSTABLE,
                   instrument_id=the(app, premises.id, Kind.CLOSURE_ORDER),
                   expires_on=calendar_day(until))


@given(parsers.re(rf"the magistrates made a closure order for {PLACE} on {at('on')} until "
                  rf"{day('until')}"))
def _closed(place: str, on: str, until: str, premises: Case, app: PathwayApplication,
            clock: Clock) -> None:
    """The road to an order: groundwork a month before, a 24-hour notice served at 18:00 the day
    before by an inspector, the application an hour later for a hearing at 10:00, the order at
    11:00."""
    case = premises.named(place)
    made = moment(on).replace(hour=11, minute=0)
    day_before = made - timedelta(days=1)
    place_groundwork(app, clock, case, made - timedelta(days=30))
    inspector = acting_as(rank("an inspector"))
    record(app, clock, case.id, "closure_notice_issued", day_before.replace(hour=18), inspector,
           **_notice("an inspector", "24", place))
    record(app, clock, case.id, "closure_order_applied", day_before.replace(hour=19), CONSTABLE,
           **_application(app, case, made.replace(hour=10)))
    record(app, clock, case.id, "closure_order_granted", made, CONSTABLE,
           instrument_id=the(app, case.id, Kind.CLOSURE_ORDER), expires_on=calendar_day(until))


CONSULTED = {"having consulted the council": True, "having consulted the police": True,
             "without consulting anyone": False}


@when(parsers.re(rf"{WHO} extends the closure order on {at('on')} until {day('until')}, "
                 rf"(?P<consulted>{'|'.join(CONSULTED)})"), target_fixture="outcome")
def _extend_order(issuer: str, on: str, until: str, consulted: str, premises: Case,
                  app: PathwayApplication, clock: Clock) -> Outcome:
    return attempt(app, clock, premises.id, "closure_order_extended", moment(on),
                   acting_as(rank(issuer)),
                   instrument_id=the(app, premises.id, Kind.CLOSURE_ORDER),
                   expires_on=calendar_day(until), authorised_by_rank=rank(issuer).value,
                   consulted=CONSULTED[consulted])


# ----------------------------------------------------------------- dispersal
GIVERS = {"constable": CONSTABLE, "PCSO": PCSO, "council officer": COUNCIL_OFFICER}


DIRECT = (rf"a (?P<who>{'|'.join(GIVERS)}) (?:directs|directed) {NAME} to leave (?P<area>.+?) "
          rf"for (?P<hours>\d+) hours at {at('on')}, under an authorisation by "
          r"(?P<authoriser>an? [a-z ]+)")


def _direction(area: str, hours: str, authoriser: str) -> dict[str, Any]:
    return {"instrument_id": new_id(), "authorisation_ref": "NP/DISP/2026/031",
            "authorised_by_rank": rank(authoriser).value, "exclusion_hours": int(hours),
            "area": area}


@given(parsers.re(DIRECT))
def _dispersed(who: str, name: str, area: str, hours: str, on: str, authoriser: str,
               subject: Case, app: PathwayApplication, clock: Clock) -> None:
    record(app, clock, subject.named(name).id, "dispersal_direction_given", moment(on),
           GIVERS[who], **_direction(area, hours, authoriser))


@when(parsers.re(DIRECT), target_fixture="outcome")
def _disperse(who: str, name: str, area: str, hours: str, on: str, authoriser: str,
              subject: Case, app: PathwayApplication, clock: Clock) -> Outcome:
    return attempt(app, clock, subject.named(name).id, "dispersal_direction_given", moment(on),
                   GIVERS[who], **_direction(area, hours, authoriser))


@when(parsers.re(rf"a breach of the dispersal direction by {NAME} is recorded on {at('on')}"),
      target_fixture="outcome")
def _dispersal_breach(name: str, on: str, subject: Case, app: PathwayApplication,
                      clock: Clock) -> Outcome:
    case = subject.named(name)
    return attempt(app, clock, case.id, "breach_recorded", moment(on), CONSTABLE,
                   instrument_id=the(app, case.id, Kind.DISPERSAL),
                   description="seen back in the excluded area")
