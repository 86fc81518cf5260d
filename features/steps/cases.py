"""Who and what a case is about, the groundwork before enforcement, the law in force, the time."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from pytest_bdd import given, parsers

from adapters.bootstrap import build_application
from adapters.driven.store.settings import StoreSettings
from domain.model import RuleBook
from features.steps.vocabulary import (
    COUNCIL_OFFICER, DATE, NAME, PLACE, Case, Clock, acting_as, born_aged, calendar_day, moment,
    new_id, rank, record, when,
)
from service.application import PathwayApplication

OPENED = datetime.fromisoformat("2025-01-02T09:00:00+00:00")

RULE_BOOKS = {
    "the 2014 Act as amended": RuleBook(),
    "the 2026 Act changes switched on": RuleBook.with_switches(["cpa2026"]),
}

INTERVENTIONS = {
    "was given a verbal warning": "verbal_warning",
    "was sent a warning letter": "warning_letter",
    "signed an acceptable behaviour contract": "acceptable_behaviour_contract",
    "was offered mediation": "mediation",
    "had a home visit": "home_visit",
}


def _open(app: PathwayApplication, name: str, date_of_birth: str | None) -> Case:
    subject = {"name": name} | ({"date_of_birth": date_of_birth} if date_of_birth else {})
    pathway = app.open_pathway(
        {"occurred_at": OPENED, "subject": subject, "conduct_summary": "noise nuisance"},
        COUNCIL_OFFICER,
    )
    return Case(pathway, name)


# ----------------------------------------------------------------- the law in force
@given(parsers.re(r"the deployment runs (?P<book>the 2014 Act as amended|the 2026 Act changes "
                  r"switched on)"), target_fixture="app")
def _deployment(book: str, sqlite_settings: StoreSettings, clock: Clock,
                request: pytest.FixtureRequest) -> PathwayApplication:
    """A deployment with its own rule book, on the scenario's store."""
    application = build_application(sqlite_settings, clock=clock, rule_book=RULE_BOOKS[book])
    request.addfinalizer(application.close)
    return application


@given(parsers.re(rf"it is now {when('now')}"))
def _now(now: str, clock: Clock) -> None:
    clock.set(moment(now))


# ----------------------------------------------------------------- subjects
@given(parsers.re(rf"{NAME}, born (?P<dob>{DATE}), is the subject of an ASB case"),
       target_fixture="subject")
def _subject_born(name: str, dob: str, app: PathwayApplication) -> Case:
    return _open(app, name, calendar_day(dob).isoformat())


@given(parsers.re(rf"{NAME}, who is (?P<age>\d+) on (?P<on>{DATE}), is the subject of an ASB "
                  r"case"), target_fixture="subject")
def _subject_aged(name: str, age: str, on: str, app: PathwayApplication) -> Case:
    return _open(app, name, born_aged(int(age), calendar_day(on)).isoformat())


@given(parsers.re(rf"{NAME}, whose date of birth is not recorded, is the subject of an ASB case"),
       target_fixture="subject")
def _subject_no_dob(name: str, app: PathwayApplication) -> Case:
    return _open(app, name, None)


# ----------------------------------------------------------------- groundwork on a person
@given(parsers.re(rf"{NAME} had a warning letter, a support referral and a proportionality "
                  rf"assessment by (?P<by>{DATE})"))
def _groundwork(name: str, by: str, subject: Case, app: PathwayApplication, clock: Clock) -> None:
    groundwork(app, clock, subject.named(name), moment(by))


def groundwork(app: PathwayApplication, clock: Clock, case: Case, at: datetime) -> None:
    """The graduated approach: a lesser measure, support offered, proportionality assessed."""
    record(app, clock, case.id, "early_intervention", at, intervention_id=new_id(),
           kind="warning_letter", outcome="letter explaining the consequences of further noise")
    record(app, clock, case.id, "support_referral_made", at, referral_id=new_id(),
           service="Northshire Recovery Service", need="drug_alcohol")
    record(app, clock, case.id, "proportionality_assessed", at, assessment_id=new_id(),
           conclusion="enforcement is proportionate", equality_act="no disability indicated",
           article_8="home life engaged; interference justified by the neighbours' rights")


@given(parsers.re(rf"{NAME} (?P<measure>{'|'.join(INTERVENTIONS)}) on {when('on')}"))
def _intervention(name: str, measure: str, on: str, subject: Case, app: PathwayApplication,
                  clock: Clock) -> None:
    record(app, clock, subject.named(name).id, "early_intervention", moment(on),
           intervention_id=new_id(), kind=INTERVENTIONS[measure])


@given(parsers.re(rf"{NAME} was offered a referral to (?P<service>.+) on {when('on')}"))
def _referral(name: str, service: str, on: str, subject: Case, app: PathwayApplication,
              clock: Clock) -> None:
    record(app, clock, subject.named(name).id, "support_referral_made", moment(on),
           referral_id=new_id(), service=service,
           need="drug_alcohol" if "Recovery" in service else "other")


ASSESSED_FOR = {
    "enforcement": None,
    "the Community Protection Notice": "cpn_issued",
    "the injunction application": "injunction_applied",
}


@given(parsers.re(rf"a proportionality assessment of (?P<what>{'|'.join(ASSESSED_FOR)}) against "
                  rf"{NAME} was recorded on {when('on')}"))
def _assessment(what: str, name: str, on: str, subject: Case, app: PathwayApplication,
                clock: Clock) -> None:
    record(app, clock, subject.named(name).id, "proportionality_assessed", moment(on),
           assessment_id=new_id(), for_step=ASSESSED_FOR[what],
           conclusion="enforcement is proportionate")


@given(parsers.re(rf"the youth offending team was consulted about {NAME} on {when('on')}"))
def _yot(name: str, on: str, subject: Case, app: PathwayApplication, clock: Clock) -> None:
    record(app, clock, subject.named(name).id, "consultation_recorded", moment(on),
           consultation_id=new_id(), body="yot", about_step="injunction_applied",
           outcome="YOT supports an injunction with a mentoring requirement")


@given(parsers.re(rf"the youth offending team was consulted about {NAME}'s Community Protection "
                  rf"Warning on {when('on')}"))
def _yot_about_warning(name: str, on: str, subject: Case, app: PathwayApplication,
                       clock: Clock) -> None:
    record(app, clock, subject.named(name).id, "consultation_recorded", moment(on),
           consultation_id=new_id(), body="yot", about_step="cpw_issued",
           outcome="YOT supports a warning with a mentoring offer")


# ----------------------------------------------------------------- places
@given(parsers.re(rf"{PLACE} is premises causing concern"), target_fixture="premises")
def _premises(place: str, app: PathwayApplication) -> Case:
    inspector = acting_as(rank("an inspector"))
    place_id = app.register_place(
        {"occurred_at": OPENED, "name": place, "kind": "premises",
         "address": f"{place}, Northshire",
         "problem_activity": "drug dealing and late-night visitors"},
        inspector,
    )
    return Case(place_id, place)


@given(parsers.re(rf"{PLACE} had a support referral for its occupier, an environmental measure "
                  rf"and a proportionality assessment by (?P<by>{DATE})"))
def _place_groundwork(place: str, by: str, premises: Case, app: PathwayApplication,
                      clock: Clock) -> None:
    place_groundwork(app, clock, premises.named(place), moment(by))


def place_groundwork(app: PathwayApplication, clock: Clock, case: Case, at: datetime) -> None:
    inspector = acting_as(rank("an inspector"))
    record(app, clock, case.id, "support_referral_made", at, inspector, referral_id=new_id(),
           service="Northshire Safeguarding Adults Team", need="exploitation")
    record(app, clock, case.id, "environmental_measure_recorded", at, inspector,
           measure_id=new_id(), measure="door entry system repaired")
    record(app, clock, case.id, "proportionality_assessed", at, inspector,
           assessment_id=new_id(), conclusion="closure is necessary and proportionate",
           vulnerability="tenant may be cuckooed")


def days_before(at: datetime, days: int) -> datetime:
    return at - timedelta(days=days)

