"""Civil injunctions, arrest for breach, committal, prosecutions and Criminal Behaviour Orders."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from pytest_bdd import given, parsers, then, when

from domain.instruments import Kind
from features.steps.cases import groundwork
from features.steps.vocabulary import (
    CONSTABLE, NAME, Case, Clock, Outcome, attempt, calendar_day, day, latest, moment, new_id,
    record, the, when as at,
)
from service.application import PathwayApplication

#: The s.4(1) ground recorded with every power of arrest the scenarios seek.
GROUND = {"power_of_arrest_ground": "violence_or_threat",
          "power_of_arrest_evidence": "threatened a neighbour with a bottle on 2 February 2026"}
TERMS = ("not to play amplified music audible outside Flat 3, Orchard Walk",
         "not to enter Orchard Walk between 22:00 and 07:00 except to go home")


# ----------------------------------------------------------------- applications
def _application(notice: str | None, why: str | None, req: str | None, sup: str | None,
                 arrest: bool = False) -> dict[str, Any]:
    fields: dict[str, Any] = {"instrument_id": new_id(), "terms": TERMS,
                              "power_of_arrest_sought": arrest}
    if arrest:
        fields |= GROUND
    if notice:
        fields["without_notice"] = True
        fields["without_notice_justification"] = why
    if req:
        fields["positive_requirements"] = (req,)
        fields["supervisor"] = sup
    return fields


APPLY = (rf"the council (?:applies|applied)(?P<notice> without notice)? for an injunction against "
         rf'{NAME} on {at("on")}(?:, because "(?P<why>[^"]+)")?'
         r'(?: with a positive requirement "(?P<req>[^"]+)"(?: supervised by (?P<sup>.+))?)?')


@given(parsers.re(APPLY))
def _applied(notice: str | None, name: str, on: str, why: str | None, req: str | None,
             sup: str | None, subject: Case, app: PathwayApplication, clock: Clock) -> None:
    record(app, clock, subject.named(name).id, "injunction_applied", moment(on),
           **_application(notice, why, req, sup))


@when(parsers.re(APPLY), target_fixture="outcome")
def _apply(notice: str | None, name: str, on: str, why: str | None, req: str | None,
           sup: str | None, subject: Case, app: PathwayApplication, clock: Clock) -> Outcome:
    return attempt(app, clock, subject.named(name).id, "injunction_applied", moment(on),
                   **_application(notice, why, req, sup))


# ----------------------------------------------------------------- orders of the court
GRANT = (r"the court (?:grants|granted) (?P<kind>an interim injunction|the injunction) on "
         rf"{at('on')}"
         rf"(?: until {day('until')}| (?P<open_ended>with no end date))?"
         rf"(?:, with a power of arrest until {day('poa')})?"
         r'(?:, with a positive requirement "(?P<req>[^"]+)"(?: supervised by (?P<sup>.+))?)?')


def _grant(app: PathwayApplication, case: Case, kind: str, until: str | None, poa: str | None,
           req: str | None, sup: str | None) -> dict[str, Any]:
    fields: dict[str, Any] = {"instrument_id": the(app, case.id, Kind.INJUNCTION),
                              "interim": kind == "an interim injunction"}
    if until:
        fields["expires_on"] = calendar_day(until)
    if poa:
        fields["power_of_arrest"] = True
        fields["power_of_arrest_expires_on"] = calendar_day(poa)
        fields |= GROUND
    if req:
        fields["positive_requirements"] = (req,)
        fields["supervisor"] = sup
    return fields


@given(parsers.re(GRANT))
def _granted(kind: str, on: str, until: str | None, open_ended: str | None, poa: str | None,
             req: str | None, sup: str | None, subject: Case, app: PathwayApplication,
             clock: Clock) -> None:
    record(app, clock, subject.id, "injunction_granted", moment(on),
           **_grant(app, subject, kind, until, poa, req, sup))


@when(parsers.re(GRANT), target_fixture="outcome")
def _grant_it(kind: str, on: str, until: str | None, open_ended: str | None, poa: str | None,
              req: str | None, sup: str | None, subject: Case, app: PathwayApplication,
              clock: Clock) -> Outcome:
    return attempt(app, clock, subject.id, "injunction_granted", moment(on),
                   **_grant(app, subject, kind, until, poa, req, sup))


@then(parsers.re(r'the injunction requires "(?P<req>[^"]+)", supervised by (?P<sup>.+)'))
def _requires(req: str, sup: str, subject: Case, app: PathwayApplication) -> None:
    injunction = app.load_any(subject.id).instruments[the(app, subject.id, Kind.INJUNCTION)]
    assert (injunction.positive_requirements, injunction.supervisor) == ((req,), sup), (
        injunction.positive_requirements, injunction.supervisor)


@given(parsers.re(rf"{NAME} is subject to an injunction granted on {at('on')} until "
                  rf"{day('until')}(?:, with a power of arrest until {day('poa')})?"))
def _subject_to_injunction(name: str, on: str, until: str, poa: str | None, subject: Case,
                           app: PathwayApplication, clock: Clock) -> None:
    """The road to an order: groundwork a month before, an application a week before."""
    case, granted = subject.named(name), moment(on)
    groundwork(app, clock, case, granted - timedelta(days=30))
    record(app, clock, case.id, "injunction_applied", granted - timedelta(days=7),
           **_application(None, None, None, None, arrest=poa is not None))
    record(app, clock, case.id, "injunction_granted", granted,
           **_grant(app, case, "the injunction", until, poa, None, None))


@given(parsers.re(rf"the court discharged the injunction on {at('on')}"))
def _discharged(on: str, subject: Case, app: PathwayApplication, clock: Clock) -> None:
    record(app, clock, subject.id, "injunction_discharged", moment(on),
           instrument_id=the(app, subject.id, Kind.INJUNCTION), outcome="discharged",
           reason="the respondent has moved out of the area")


@when(parsers.re(rf"the court refuses the injunction on {at('on')}"), target_fixture="outcome")
def _refuse(on: str, subject: Case, app: PathwayApplication, clock: Clock) -> Outcome:
    return attempt(app, clock, subject.id, "injunction_discharged", moment(on),
                   instrument_id=the(app, subject.id, Kind.INJUNCTION), outcome="refused",
                   reason="the court was not satisfied that an injunction was just and convenient")


# ----------------------------------------------------------------- breach, arrest, committal
@given(parsers.re(rf"{NAME} breached the injunction on {at('on')}"))
def _breached(name: str, on: str, subject: Case, app: PathwayApplication, clock: Clock) -> None:
    case = subject.named(name)
    record(app, clock, case.id, "breach_recorded", moment(on),
           instrument_id=the(app, case.id, Kind.INJUNCTION), clause="term 1",
           description="amplified music heard from the street")


@when(parsers.re(rf"a breach of the injunction by {NAME} is recorded on {at('on')}"),
      target_fixture="outcome")
def _breach(name: str, on: str, subject: Case, app: PathwayApplication, clock: Clock) -> Outcome:
    case = subject.named(name)
    return attempt(app, clock, case.id, "breach_recorded", moment(on),
                   instrument_id=the(app, case.id, Kind.INJUNCTION), clause="term 1",
                   description="amplified music heard from the street")


POWERS = {"under the power of arrest": "power_of_arrest", "under a warrant": "warrant",
          "for an offence": "pace_s24"}
ARREST = rf"{NAME} (?:is|was) arrested (?P<power>{'|'.join(POWERS)}) at {at('on')}"


def _arrest(app: PathwayApplication, case: Case, power: str) -> dict[str, Any]:
    fields: dict[str, Any] = {"instrument_id": new_id(), "power": POWERS[power],
                              "applicant_informed": True}
    injunction = latest(app, case.id, Kind.INJUNCTION)
    if injunction is not None and POWERS[power] != "pace_s24":
        fields["injunction_id"] = injunction
    return fields


@given(parsers.re(ARREST))
def _arrested(name: str, power: str, on: str, subject: Case, app: PathwayApplication,
              clock: Clock) -> None:
    case = subject.named(name)
    record(app, clock, case.id, "arrested", moment(on), CONSTABLE, **_arrest(app, case, power))


@when(parsers.re(ARREST), target_fixture="outcome")
def _arrest_them(name: str, power: str, on: str, subject: Case, app: PathwayApplication,
                 clock: Clock) -> Outcome:
    case = subject.named(name)
    return attempt(app, clock, case.id, "arrested", moment(on), CONSTABLE,
                   **_arrest(app, case, power))


BEFORE_COURT = rf"{NAME} (?:is|was) brought before the court at {at('on')}"


@given(parsers.re(BEFORE_COURT))
def _was_before_court(name: str, on: str, subject: Case, app: PathwayApplication,
                      clock: Clock) -> None:
    case = subject.named(name)
    record(app, clock, case.id, "court_appearance", moment(on), CONSTABLE,
           instrument_id=the(app, case.id, Kind.ARREST), court="Northshire County Court")


@when(parsers.re(BEFORE_COURT), target_fixture="outcome")
def _before_court(name: str, on: str, subject: Case, app: PathwayApplication,
                  clock: Clock) -> Outcome:
    case = subject.named(name)
    return attempt(app, clock, case.id, "court_appearance", moment(on), CONSTABLE,
                   instrument_id=the(app, case.id, Kind.ARREST), court="Northshire County Court")


@when(parsers.re(rf"the court decides the committal application against {NAME} on {at('on')}"),
      target_fixture="outcome")
def _committal(name: str, on: str, subject: Case, app: PathwayApplication, clock: Clock) -> Outcome:
    case = subject.named(name)
    return attempt(app, clock, case.id, "committal_decided", moment(on),
                   instrument_id=the(app, case.id, Kind.ARREST), outcome="suspended_committal",
                   sentence="28 days, suspended for 12 months")


# ----------------------------------------------------------------- prosecution and CBO
@given(parsers.re(rf"{NAME} was prosecuted for (?P<offence>.+) on {at('on')}"))
def _prosecuted(name: str, offence: str, on: str, subject: Case, app: PathwayApplication,
                clock: Clock) -> None:
    record(app, clock, subject.named(name).id, "prosecution_started", moment(on),
           instrument_id=new_id(), offence=offence)


@given(parsers.re(rf"{NAME} was (?P<outcome>convicted|acquitted) on {at('on')}"))
def _decided(name: str, outcome: str, on: str, subject: Case, app: PathwayApplication,
             clock: Clock) -> None:
    case = subject.named(name)
    record(app, clock, case.id, "conviction_recorded", moment(on),
           instrument_id=the(app, case.id, Kind.PROSECUTION), outcome=outcome,
           sentence="community order" if outcome == "convicted" else "")


@when(parsers.re(rf"the court's conviction of {NAME} is recorded again on {at('on')}"),
      target_fixture="outcome")
def _convicted_again(name: str, on: str, subject: Case, app: PathwayApplication,
                     clock: Clock) -> Outcome:
    case = subject.named(name)
    return attempt(app, clock, case.id, "conviction_recorded", moment(on),
                   instrument_id=the(app, case.id, Kind.PROSECUTION), outcome="convicted")


CBO = (rf"the court (?:makes|made) a Criminal Behaviour Order against {NAME} on {at('on')} until "
       rf'{day("until")}(?:, with a requirement "(?P<req>[^"]+)"(?: supervised by (?P<sup>.+))?)?')


def _order(app: PathwayApplication, case: Case, until: str, req: str | None,
           sup: str | None) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "instrument_id": new_id(), "prosecution_id": the(app, case.id, Kind.PROSECUTION),
        "expires_on": calendar_day(until), "prohibitions": ("not to enter Orchard Walk",),
    }
    if req:
        fields["requirements"] = (req,)
        fields["supervisor"] = sup
    return fields


@given(parsers.re(CBO))
def _ordered(name: str, on: str, until: str, req: str | None, sup: str | None, subject: Case,
             app: PathwayApplication, clock: Clock) -> None:
    case = subject.named(name)
    record(app, clock, case.id, "cbo_granted", moment(on), **_order(app, case, until, req, sup))


@when(parsers.re(CBO), target_fixture="outcome")
def _order_it(name: str, on: str, until: str, req: str | None, sup: str | None, subject: Case,
              app: PathwayApplication, clock: Clock) -> Outcome:
    case = subject.named(name)
    return attempt(app, clock, case.id, "cbo_granted", moment(on),
                   **_order(app, case, until, req, sup))


@when(parsers.re(rf"a breach of the Criminal Behaviour Order by {NAME} is recorded on {at('on')}"),
      target_fixture="outcome")
def _cbo_breach(name: str, on: str, subject: Case, app: PathwayApplication,
                clock: Clock) -> Outcome:
    case = subject.named(name)
    return attempt(app, clock, case.id, "breach_recorded", moment(on),
                   instrument_id=the(app, case.id, Kind.CBO),
                   description="seen in Orchard Walk at 21:00")


# ----------------------------------------------------------------- power of arrest (s.4(1))
POA_APPLY = (rf"the council (?:applies|applied) for an injunction against {NAME} on {at('on')} "
             r"with a power of arrest (?:and no ground|on the ground \"(?P<ground>[^\"]+)\" "
             r"(?:and no evidence|evidenced by \"(?P<evidence>[^\"]+)\"))")


def _poa_application(ground: str | None, evidence: str | None) -> dict[str, Any]:
    return _application(None, None, None, None) | {
        "power_of_arrest_sought": True, "power_of_arrest_ground": ground,
        "power_of_arrest_evidence": evidence}


@given(parsers.re(POA_APPLY))
def _poa_applied(name: str, on: str, ground: str | None, evidence: str | None, subject: Case,
                 app: PathwayApplication, clock: Clock) -> None:
    record(app, clock, subject.named(name).id, "injunction_applied", moment(on),
           **_poa_application(ground, evidence))


@when(parsers.re(POA_APPLY), target_fixture="outcome")
def _poa_apply(name: str, on: str, ground: str | None, evidence: str | None, subject: Case,
               app: PathwayApplication, clock: Clock) -> Outcome:
    return attempt(app, clock, subject.named(name).id, "injunction_applied", moment(on),
                   **_poa_application(ground, evidence))


POA_GRANT = (rf"the court grants the injunction on {at('on')} until {day('until')}, with a power "
             r"of arrest (?:and no ground|attached to \"(?P<term>[^\"]+)\""
             r"(?P<activity>, a requirement to participate in activities supervised by "
             r"(?P<sup>.+))?)")


@when(parsers.re(POA_GRANT), target_fixture="outcome")
def _poa_grant(on: str, until: str, term: str | None, activity: str | None, sup: str | None,
               subject: Case, app: PathwayApplication, clock: Clock) -> Outcome:
    fields: dict[str, Any] = {"instrument_id": the(app, subject.id, Kind.INJUNCTION),
                              "expires_on": calendar_day(until), "power_of_arrest": True}
    if term:
        fields["power_of_arrest_terms"] = (term,)
    if activity:
        fields |= {"positive_requirements": (term,), "supervisor": sup}
    return attempt(app, clock, subject.id, "injunction_granted", moment(on), **fields)


@then(parsers.re(r'the power of arrest is attached to "(?P<term>[^"]+)"'))
def _poa_attached(term: str, subject: Case, app: PathwayApplication) -> None:
    injunction = app.load_any(subject.id).instruments[the(app, subject.id, Kind.INJUNCTION)]
    assert injunction.power_of_arrest and injunction.power_of_arrest_terms == (term,), injunction
