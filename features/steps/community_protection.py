"""Community Protection Warnings and Notices, their appeals and breaches, fixed penalties and
prosecutions (ASBCPA 2014 Part 4 Chapter 1)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any
from uuid import UUID

from pytest_bdd import given, parsers, when

from domain.instruments import Kind
from features.steps.cases import groundwork
from features.steps.vocabulary import (
    CONSTABLE, DATE, NAME, Case, Clock, Outcome, attempt, calendar_day, day, end_of, moment, new_id,
    record, the, when as at,
)
from service.application import PathwayApplication

CONDUCT = "playing loud music late at night"
REQUIREMENTS = ("stop playing amplified music audible outside the flat between 23:00 and 07:00",)


# ----------------------------------------------------------------- warnings
def _warning(by: str, conduct: str | None, reason: str | None) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "instrument_id": new_id(), "conduct": conduct or CONDUCT, "requirements": REQUIREMENTS,
        "comply_by": end_of(calendar_day(by)),
    }
    if reason:
        fields["lesser_measures_reason"] = reason
    return fields


CPW = (rf'{NAME} (?:was|is) given a Community Protection Warning(?: about "(?P<conduct>[^"]+)")? '
       rf'on {at("on")} to comply by {day("by")}'
       r'(?:, because lesser measures are unsuitable: "(?P<reason>[^"]+)")?')


@given(parsers.re(CPW))
def _given_warning(name: str, conduct: str | None, on: str, by: str, reason: str | None,
                   subject: Case, app: PathwayApplication, clock: Clock) -> None:
    record(app, clock, subject.named(name).id, "cpw_issued", moment(on),
           **_warning(by, conduct, reason))


@when(parsers.re(CPW), target_fixture="outcome")
def _warn(name: str, conduct: str | None, on: str, by: str, reason: str | None,
          subject: Case, app: PathwayApplication, clock: Clock) -> Outcome:
    return attempt(app, clock, subject.named(name).id, "cpw_issued", moment(on),
                   **_warning(by, conduct, reason))


@when(parsers.re(rf"{NAME} is given a Community Protection Warning at (?P<hhmm>\d\d:\d\d) on "
                 rf"(?P<on>{DATE}), sent by a device that reports UTC, to comply by {day('by')}"),
      target_fixture="outcome")
def _warn_in_utc(name: str, hhmm: str, on: str, by: str, subject: Case, app: PathwayApplication,
                 clock: Clock) -> Outcome:
    utc = moment(f"{on} at {hhmm}").astimezone(timezone.utc)
    return attempt(app, clock, subject.named(name).id, "cpw_issued", utc,
                   **_warning(by, None, None))


def _categories(text: str) -> tuple[str, ...]:
    return tuple(c.strip() for c in text.split(",") if c.strip())


@given(parsers.re(rf'{NAME} was given a Community Protection Warning about behaviour '
                  rf'"(?P<cats>[^"]+)" on {at("on")} to comply by {day("by")}'))
def _given_categorised_warning(name: str, cats: str, on: str, by: str, subject: Case,
                               app: PathwayApplication, clock: Clock) -> None:
    record(app, clock, subject.named(name).id, "cpw_issued", moment(on),
           **_warning(by, None, None), conduct_categories=_categories(cats))


# ----------------------------------------------------------------- evidence that conduct continued
@given(parsers.re(rf'a further "(?P<category>[^"]+)" incident by {NAME} happened on {at("on")}'))
def _categorised_incident(category: str, name: str, on: str, subject: Case,
                          app: PathwayApplication, clock: Clock) -> None:
    link_incident(app, clock, subject.named(name), moment(on), category.lower(), category)


@when(parsers.re(rf"an incident id that no incident has is linked to {NAME}'s case on "
                 rf"{at('on')}"), target_fixture="outcome")
def _made_up_link(name: str, on: str, subject: Case, app: PathwayApplication,
                  clock: Clock) -> Outcome:
    return attempt(app, clock, subject.named(name).id, "incident_linked", moment(on),
                   incident_id=new_id(), incident_occurred_at=moment(on), summary="made up")


@when(parsers.re(rf'a "(?P<category>[^"]+)" incident of {at("on")} is linked to {NAME}\'s case, '
                 rf'said to have happened on {at("said")}'), target_fixture="outcome")
def _link_claiming_time(category: str, on: str, name: str, said: str, subject: Case,
                        app: PathwayApplication, clock: Clock) -> Outcome:
    case = subject.named(name)
    incident = report_incident(app, clock, case, moment(on), "loud music", category)
    return attempt(app, clock, case.id, "incident_linked", moment(said),
                   incident_id=incident, incident_occurred_at=moment(said))



@given(parsers.re(rf"a further incident of (?P<what>.+?) by {NAME} happened on {at('on')}"))
def _incident(what: str, name: str, on: str, subject: Case, app: PathwayApplication,
              clock: Clock) -> None:
    link_incident(app, clock, subject.named(name), moment(on), what)


def report_incident(app: PathwayApplication, clock: Clock, case: Case, happened: datetime,
                    what: str, category: str = "noise") -> UUID:
    if happened > clock():
        clock.set(happened)
    return app.report_incident(
        {"occurred_at": happened, "category": category, "location": "Flat 3, Orchard Walk",
         "description": f"{what} reported by the neighbour at Flat 4", "reference": "CAD 4471",
         "subject_pathway_ids": [case.id]},
        CONSTABLE,
    )


def link_incident(app: PathwayApplication, clock: Clock, case: Case, happened: datetime,
                  what: str, category: str = "noise") -> UUID:
    """Report an incident and link it the moment it happened (its time comes from it)."""
    incident = report_incident(app, clock, case, happened, what, category)
    record(app, clock, case.id, "incident_linked", happened, incident_id=incident, summary=what)
    return incident



# ----------------------------------------------------------------- notices
def _notice(app: PathwayApplication, case: Case, conduct: str | None, by: str | None,
            warned: bool) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "instrument_id": new_id(), "conduct": conduct or CONDUCT, "requirements": REQUIREMENTS,
        "issuer_authority": "local_authority", "appeal_information_given": True,
        "informed_bodies": ("Northshire Homes (landlord)",),
    }
    if warned:
        fields["warning_id"] = the(app, case.id, Kind.CPW)
    if by:
        fields["comply_by"] = end_of(calendar_day(by))
    return fields


CPN = (rf'{NAME} (?:was|is) given a Community Protection Notice(?: about "(?P<conduct>[^"]+)")? '
       rf'on {at("on")}(?:, to comply by {day("by")})?')


@given(parsers.re(CPN))
def _given_notice(name: str, conduct: str | None, on: str, by: str | None, subject: Case,
                  app: PathwayApplication, clock: Clock) -> None:
    case = subject.named(name)
    record(app, clock, case.id, "cpn_issued", moment(on), **_notice(app, case, conduct, by, True))


@when(parsers.re(CPN), target_fixture="outcome")
def _give_notice(name: str, conduct: str | None, on: str, by: str | None, subject: Case,
                 app: PathwayApplication, clock: Clock) -> Outcome:
    case = subject.named(name)
    return attempt(app, clock, case.id, "cpn_issued", moment(on),
                   **_notice(app, case, conduct, by, True))


@when(parsers.re(rf'{NAME} is given a Community Protection Notice about behaviour '
                 rf'"(?P<cats>[^"]+)" in the words "(?P<words>[^"]+)" on {at("on")}'),
      target_fixture="outcome")
def _categorised_notice(name: str, cats: str, words: str, on: str, subject: Case,
                        app: PathwayApplication, clock: Clock) -> Outcome:
    case = subject.named(name)
    return attempt(app, clock, case.id, "cpn_issued", moment(on),
                   **_notice(app, case, words, None, True), conduct_categories=_categories(cats))


@when(parsers.re(rf"{NAME} is given a Community Protection Notice on {at('on')} without any "
                 r"warning"), target_fixture="outcome")
def _notice_unwarned(name: str, on: str, subject: Case, app: PathwayApplication,
                     clock: Clock) -> Outcome:
    case = subject.named(name)
    return attempt(app, clock, case.id, "cpn_issued", moment(on),
                   **_notice(app, case, None, None, False))


@given(parsers.re(rf"{NAME} was given a Community Protection Notice on {at('on')} after an "
                  r"unheeded warning"))
def _notice_after_warning(name: str, on: str, subject: Case, app: PathwayApplication,
                          clock: Clock) -> None:
    notice_after_unheeded_warning(app, clock, subject.named(name), moment(on))


def notice_after_unheeded_warning(app: PathwayApplication, clock: Clock, case: Case,
                                  issued: datetime) -> None:
    """The lawful road to a notice: groundwork 40 days before, a warning 30 days before with 14
    days to comply, a further incident 10 days before, then the notice."""
    groundwork(app, clock, case, issued - timedelta(days=40))
    warned = issued - timedelta(days=30)
    record(app, clock, case.id, "cpw_issued", warned,
           **_warning((issued - timedelta(days=16)).strftime("%d %B %Y"), None, None))
    link_incident(app, clock, case, issued - timedelta(days=10), "loud music")
    record(app, clock, case.id, "cpn_issued", issued, **_notice(app, case, None, None, True))


# ----------------------------------------------------------------- appeals
@given(parsers.re(rf"{NAME} appealed against the Community Protection Notice on {at('on')}"))
def _appealed(name: str, on: str, subject: Case, app: PathwayApplication, clock: Clock) -> None:
    case = subject.named(name)
    record(app, clock, case.id, "cpn_appeal_lodged", moment(on),
           instrument_id=the(app, case.id, Kind.CPN))


@when(parsers.re(rf"{NAME} appeals against the Community Protection Notice on {at('on')}"),
      target_fixture="outcome")
def _appeal(name: str, on: str, subject: Case, app: PathwayApplication, clock: Clock) -> Outcome:
    case = subject.named(name)
    return attempt(app, clock, case.id, "cpn_appeal_lodged", moment(on),
                   instrument_id=the(app, case.id, Kind.CPN))


@given(parsers.re(rf"the magistrates quashed the Community Protection Notice on {at('on')}"))
def _quashed(on: str, subject: Case, app: PathwayApplication, clock: Clock) -> None:
    record(app, clock, subject.id, "cpn_appeal_decided", moment(on),
           instrument_id=the(app, subject.id, Kind.CPN), outcome="quashed")


# ----------------------------------------------------------------- breaches of a notice
@given(parsers.re(rf"{NAME} failed to comply with the Community Protection Notice on {at('on')}"))
def _failed(name: str, on: str, subject: Case, app: PathwayApplication, clock: Clock) -> None:
    case = subject.named(name)
    record(app, clock, case.id, "breach_recorded", moment(on),
           instrument_id=the(app, case.id, Kind.CPN), description="amplified music at 23:30")


@when(parsers.re(rf"a breach of the Community Protection Notice by {NAME} is recorded on "
                 rf"{at('on')}"), target_fixture="outcome")
def _breach(name: str, on: str, subject: Case, app: PathwayApplication, clock: Clock) -> Outcome:
    case = subject.named(name)
    return attempt(app, clock, case.id, "breach_recorded", moment(on),
                   instrument_id=the(app, case.id, Kind.CPN), description="amplified music")


# ----------------------------------------------------------------- fixed penalties
def _penalty(app: PathwayApplication, case: Case, amount: str) -> dict[str, Any]:
    return {"instrument_id": new_id(), "notice_id": the(app, case.id, Kind.CPN),
            "amount": Decimal(amount)}


FPN = (rf"{NAME} (?:was|is) given a fixed penalty notice of £(?P<amount>\d+(?:\.\d\d)?) on "
       rf"{at('on')}")


@given(parsers.re(FPN))
def _given_penalty(name: str, amount: str, on: str, subject: Case, app: PathwayApplication,
                   clock: Clock) -> None:
    case = subject.named(name)
    record(app, clock, case.id, "fpn_issued", moment(on), **_penalty(app, case, amount))


@when(parsers.re(FPN), target_fixture="outcome")
def _penalise(name: str, amount: str, on: str, subject: Case, app: PathwayApplication,
              clock: Clock) -> Outcome:
    case = subject.named(name)
    return attempt(app, clock, case.id, "fpn_issued", moment(on), **_penalty(app, case, amount))


@given(parsers.re(rf"{NAME} was given a fixed penalty notice on {at('on')} for failing to comply "
                  r"with a Community Protection Notice"))
def _penalty_after_breach(name: str, on: str, subject: Case, app: PathwayApplication,
                          clock: Clock) -> None:
    """The lawful road to a penalty: a notice 14 days before, a breach 2 days before."""
    case, issued = subject.named(name), moment(on)
    notice_after_unheeded_warning(app, clock, case, issued - timedelta(days=14))
    record(app, clock, case.id, "breach_recorded", issued - timedelta(days=2),
           instrument_id=the(app, case.id, Kind.CPN), description="amplified music at 23:30")
    record(app, clock, case.id, "fpn_issued", issued, **_penalty(app, case, "100"))


@given(parsers.re(rf"{NAME} paid the fixed penalty on {at('on')}"))
def _paid(name: str, on: str, subject: Case, app: PathwayApplication, clock: Clock) -> None:
    case = subject.named(name)
    record(app, clock, case.id, "fpn_paid", moment(on), instrument_id=the(app, case.id, Kind.FPN))


# ----------------------------------------------------------------- prosecutions
OFFENCES: dict[str, tuple[str, Kind]] = {
    "the offence the fixed penalty covers":
        ("Failing to comply with a community protection notice (s.48)", Kind.FPN),
    "failing to comply with the Community Protection Notice":
        ("Failing to comply with a community protection notice (s.48)", Kind.CPN),
    "breaching the Criminal Behaviour Order":
        ("Breach of a criminal behaviour order (SA 2020 s.339)", Kind.CBO),
    "breaching the Respect Order":
        ("Breach of a Respect Order (ASBCPA 2014 Part A1)", Kind.RESPECT_ORDER),
}


@when(parsers.re(rf"a prosecution of {NAME} for (?P<what>{'|'.join(OFFENCES)}) is started on "
                 rf"{at('on')}"), target_fixture="outcome")
def _prosecute(name: str, what: str, on: str, subject: Case, app: PathwayApplication,
               clock: Clock) -> Outcome:
    case = subject.named(name)
    offence, kind = OFFENCES[what]
    return attempt(app, clock, case.id, "prosecution_started", moment(on), instrument_id=new_id(),
                   offence=offence, relates_to=the(app, case.id, kind))

