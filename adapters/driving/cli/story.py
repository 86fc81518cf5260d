"""The Orchard Walk story, part 1: the cast, the incidents and the green's own track.

All people, places and references are invented. Times are London local time. The subjects'
pathways are in story_subjects.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from adapters.driving.cli.script import Person, Story, at, sid
from domain import steps
from domain.model import Actor

POLICE, COUNCIL = "Marlshire Police", "Elmsford District Council (community safety)"
CARTER = Person("PC N. Carter", Actor("n.carter", POLICE, "officer", "constable"))
PATEL = Person("Insp. R. Patel", Actor("r.patel", POLICE, "supervisor", "inspector"))
OKAFOR = Person("Supt. H. Okafor", Actor("h.okafor", POLICE, "supervisor", "superintendent"))
MENSAH = Person("K. Mensah", Actor("k.mensah", "Marlshire Police legal services", "legal"))
CONTROL = Person("control room", Actor("control.room", POLICE, "officer"))
OSEI = Person("J. Osei", Actor("j.osei", COUNCIL, "officer", "council_officer"))
BYRNE = Person("T. Byrne", Actor("t.byrne", "Elmsford District Council", "analyst"))
HUGHES = Person("L. Hughes", Actor("l.hughes", "Hearthstone Housing Association", "officer",
                                   "housing_officer"))
MALIK = Person("S. Malik", Actor("s.malik", "Marlshire Recovery Service", "support"))
#: The partnership's agencies: each case is shared with the others when it opens (Crime and
#: Disorder Act 1998 s.115), so each partner's staff can see and record on it.
PARTNERS = tuple(dict.fromkeys(p.actor.agency for p in (
    CARTER, MENSAH, OSEI, BYRNE, HUGHES, MALIK)))

GREEN = "orchard-walk-green"
PLAN_STARTS = date(2025, 10, 1)
BASELINE = (date(2025, 7, 1), date(2025, 9, 30))
STORY_START = at(2025, 7, 1, 8, 0)
STORY_END = at(2026, 11, 16, 17, 0)
ALDER = "Alder House, Orchard Walk"
CONDUCT = {  # the conduct each warning names (a CPN must name the same conduct)
    "dean": "Drug dealing and intimidation of residents at Orchard Walk green and Alder House",
    "kyle": "Damage to the Alder House side gate, littering and shouting on Orchard Walk green",
}


@dataclass(frozen=True)
class Reported:
    key: str
    when: datetime
    category: str
    description: str
    subject: str | None = None


# ---------------------------------------------------------------------- incidents
_BASELINE_KINDS = (  # category, description, how many, subject named in the first n
    ("Drug paraphernalia", "Needles and foil found by the bin store", 8, None, 0),
    ("Shouting at night", "Shouting and music on the green after midnight", 9, None, 0),
    ("Intimidation of residents", "Residents challenged and threatened at the Alder House door",
     7, "dean", 4),
    ("Break-in", "Break-in to the Alder House communal lounge", 2, None, 0),
    ("Criminal damage", "Alder House side gate forced", 3, "kyle", 2),
    ("Littering", "Litter and bottles left on the green", 6, None, 0),
    ("Rough sleeping", "Person sleeping in the Alder House bin store", 5, "maria", 4),
)
_HOURS = (22, 23, 1, 20, 16, 21, 2, 19, 7, 0)


def baseline_incidents() -> list[Reported]:
    """About 40 incidents in the three months before the plan, spread through the quarter."""
    items = []
    for category, text, count, subject, named in _BASELINE_KINDS:
        for j in range(count):
            items.append(((j + 0.5) / count, category, text, subject if j < named else None))
    items.sort(key=lambda x: (x[0], x[1]))
    span = (BASELINE[1] - BASELINE[0]).days
    found = []
    for i, (_, category, text, subject) in enumerate(items):
        d = BASELINE[0] + timedelta(days=i * span // len(items))
        when = at(d.year, d.month, d.day, _HOURS[i % len(_HOURS)], (i * 17) % 60)
        if when.hour < 7:  # small hours belong to the next calendar day of the quarter
            when += timedelta(days=1)
        found.append(Reported(f"baseline-{i:02d}", when, category, text, subject))
    return found


LATER = (  # incidents at the green after the plan starts
    Reported("2025-10-09", at(2025, 10, 9, 7, 40), "Littering", "Bottles and cans on the green"),
    Reported("2025-10-17", at(2025, 10, 17, 22, 50), "Street drinking",
             "Group drinking by the bin store; residents shouted at", "maria"),
    Reported("2025-10-25", at(2025, 10, 25, 8, 15), "Drug paraphernalia",
             "Needles by the garage lane fence"),
    Reported("2025-10-30", at(2025, 10, 30, 22, 15), "Drug dealing and intimidation",
             "Seen on council CCTV passing packages; resident at No. 14 intimidated", "dean"),
    Reported("2025-11-03", at(2025, 11, 3, 21, 30), "Criminal damage",
             "Temporary gate panel kicked in by a group of youths", "kyle"),
    Reported("2025-11-12", at(2025, 11, 12, 21, 10), "Shouting and littering",
             "Group shouting and leaving litter on the green", "kyle"),
    Reported("2025-11-14", at(2025, 11, 14, 21, 40), "Failure to comply with a CPN",
             "In Alder House grounds shouting at residents", "dean"),
    Reported("2025-11-20", at(2025, 11, 20, 19, 30), "Threats of violence",
             "Threatened to 'smash the face in' of a resident who had reported him", "dean"),
    Reported("2026-02-14", at(2026, 2, 14, 9, 10), "Littering", "Litter on the green"),
    Reported("2026-03-08", at(2026, 3, 8, 23, 40), "Shouting at night", "Shouting on the green"),
    Reported("2026-04-02", at(2026, 4, 2, 19, 40), "Breach of injunction",
             "On the green, inside the injunction's exclusion zone", "dean"),
    Reported("2026-06-13", at(2026, 6, 13, 19, 45), "Breach of injunction",
             "At the Alder House door, threatening a resident", "dean"),
    Reported("2026-08-22", at(2026, 8, 22, 8, 30), "Littering", "Litter on the green"),
)


def incident_at(key: str) -> datetime:
    return next(r.when for r in LATER if r.key == key)


def _reference(r: Reported, n: int) -> str:
    return f"CAD {r.when:%y%m%d}-{(n * 37) % 900 + 100:04d}"


def _next_morning(when: datetime) -> datetime:
    d = when.date() + timedelta(days=1 if when.hour >= 9 else 0)
    return at(d.year, d.month, d.day, 9, 30)


def count_between(first: date, last: date) -> int:
    """Incidents reported at the green between two dates (inclusive), as the reviews count."""
    every = [*baseline_incidents(), *LATER]
    return sum(1 for r in every if first <= r.when.date() <= last)


def report_incidents(s: Story) -> None:
    """Every incident is reported as it happens; later ones are linked the next morning."""
    for n, r in enumerate(baseline_incidents()):
        s.incident(r.key, r.when, CONTROL, category=r.category, description=r.description,
                   reference=_reference(r, n), location=ALDER, place=GREEN, quiet=True)
    for n, r in enumerate(LATER, start=100):
        s.incident(r.key, r.when, CONTROL, category=r.category, description=r.description,
                   reference=_reference(r, n), location=ALDER, place=GREEN,
                   subjects=(r.subject,) if r.subject else ())
        s.link(GREEN, r.key, r.when, _next_morning(r.when), OSEI, r.category, quiet=True)
        if r.subject:
            by = CARTER if r.subject == "dean" else OSEI  # the officer in charge of the case
            s.link(r.subject, r.key, r.when, _next_morning(r.when), by, r.description,
                   conduct=CONDUCT.get(r.subject))


def link_baseline(s: Story, subject: str, when: datetime, by: Person) -> None:
    mine = [r for r in baseline_incidents() if r.subject == subject]
    for r in mine:
        s.link(subject, r.key, r.when, when, by, r.description, quiet=True)
    s.note(when, subject, f"{len(mine)} baseline incidents naming them linked to the pathway")


# ---------------------------------------------------------------------- the green
def place_track(s: Story) -> None:
    s.register_place(GREEN, STORY_START + timedelta(hours=1), OSEI, {
        "name": "Orchard Walk green", "kind": "public_space", "address": "Orchard Walk, Elmsford",
        "description": "Open space beside Alder House (42 retirement flats, Hearthstone Housing "
                       "Association); cut-through to a lane of derelict garages",
        "problem_people": "Persistent rough sleeping and substance misuse",
        "problem_activity": "Drug use, dealing and intimidation of residents",
        "problem_place": "Poor lighting and layout, no natural surveillance, broken side gate "
                         "giving entry to Alder House",
    }, say="Orchard Walk green registered as a hotspot; problem profile (people/activity/place)")
    profile = at(2025, 9, 29, 10, 0)
    for r in baseline_incidents():
        s.link(GREEN, r.key, r.when, profile, BYRNE, r.category, quiet=True)
    s.note(profile, "Green", f"Problem profile: {len(baseline_incidents())} incidents in the "
           "baseline quarter (1 Jul - 30 Sep 2025) linked to the green")
    s.step(GREEN, at(2025, 10, 1, 10), OSEI, steps.OBJECTIVE_SET,
           say="SMART objective: -75% reported ASB within six months; reviews at 3, 6, 12 months",
           objective_id=sid("green/objective"), target_reduction_percent=75,
           description="Reduce reported ASB incidents at the green by 75% within six months "
                       "against the three months before the plan",
           baseline_from=BASELINE[0], baseline_to=BASELINE[1], review_months=(3, 6, 12))
    s.step(GREEN, at(2025, 10, 1, 15), CARTER, steps.CONSULTATION_RECORDED,
           say="First monthly 'coffee with a cop' at Alder House; confidence survey: 31% safe",
           consultation_id=sid("green/coffee-1"), body="residents",
           outcome="Residents' confidence survey (before): 31% feel safe on the green after dark")
    s.step(GREEN, at(2025, 10, 8, 10), OSEI, steps.SUPPORT_REFERRAL_MADE,
           say="Outreach referral for people sleeping in the bin store",
           referral_id=sid("green/outreach"), service="Open Door Trust street outreach",
           need="homelessness")
    _measure(s, at(2025, 10, 13), OSEI, "lighting", "Improved lighting on the green and side path",
             None, "Elmsford District Council")
    _measure(s, at(2025, 10, 16), OSEI, "cctv", "Monitored CCTV covering the green", None,
             "Elmsford District Council (control room)")
    closure(s)
    _measure(s, at(2025, 11, 14), HUGHES, "fencing", "Fencing along the garage lane",
             280_000, "Hearthstone Housing estate budget")
    _measure(s, at(2025, 11, 28), HUGHES, "gate", "New secure side gate to Alder House",
             380_000, "Hearthstone Housing estate budget")
    _review(s, 3, at(2026, 1, 8, 14), (date(2025, 10, 1), date(2025, 12, 31)))
    _measure(s, at(2026, 2, 20), HUGHES, "garages", "Derelict garages demolished", None,
             "Hearthstone Housing")
    _review(s, 6, at(2026, 4, 9, 14), (date(2026, 1, 1), date(2026, 3, 31)))
    s.step(GREEN, at(2026, 4, 9, 16), CARTER, steps.CONSULTATION_RECORDED,
           say="Confidence survey (after): 74% feel safe on the green after dark",
           consultation_id=sid("green/survey-after"), body="residents",
           outcome="Residents' confidence survey (after): 74% feel safe after dark")
    _measure(s, at(2026, 5, 18), HUGHES, "gardens", "New community gardens on the garage site",
             None, "Hearthstone Housing")
    _measure(s, at(2026, 6, 1), OSEI, "parking", "Residents' parking permit scheme", None,
             "Elmsford District Council")
    _review(s, 12, at(2026, 10, 8, 14), (date(2026, 7, 1), date(2026, 9, 30)))


def closure(s: Story) -> None:
    notice, order = sid("green/closure-notice"), sid("green/closure-order")
    s.step(GREEN, at(2025, 10, 20, 15), PATEL, steps.PROPORTIONALITY_ASSESSED,
           say="Proportionality assessment before a closure notice",
           assessment_id=sid("green/pa-closure"), for_step=steps.CLOSURE_NOTICE_ISSUED,
           lesser_measures="Lighting and CCTV installed; outreach offered; entry continues",
           article_8="No one lives in the garage lane; access kept for contractors",
           conclusion="Closing the garage lane and side path is necessary and proportionate")
    s.step(GREEN, at(2025, 10, 20, 16), PATEL, steps.CONSULTATION_RECORDED,
           say="Council consulted before the closure notice (s.76(7))",
           consultation_id=sid("green/consult-la"), body="local_authority",
           about_step=steps.CLOSURE_NOTICE_ISSUED, outcome="Council supports closure")
    s.step(GREEN, at(2025, 10, 21, 10), PATEL, steps.CLOSURE_NOTICE_ISSUED,
           say="Closure notice, garage lane and side path: 24 h, authorised by an inspector; "
               "fixed at each entrance",
           instrument_id=notice, duration_hours=24, authorised_by_rank="inspector",
           premises="Garage lane and side path off Orchard Walk green",
           access_exceptions=("Hearthstone Housing contractors", "Emergency services"),
           occupiers_informed=True)
    s.step(GREEN, at(2025, 10, 22, 8, 30), OKAFOR, steps.CLOSURE_NOTICE_EXTENDED,
           say="Closure notice extended by 24 h to 48 h by a superintendent (s.77(4))",
           instrument_id=notice, additional_hours=24, authorised_by_rank="superintendent")
    s.step(GREEN, at(2025, 10, 22, 11), MENSAH, steps.CLOSURE_ORDER_APPLIED,
           say="Closure order applied for; hearing listed Thu 23 Oct 2025 09:30",
           instrument_id=order, notice_id=notice, court="Elmsford Magistrates' Court",
           hearing_at=at(2025, 10, 23, 9, 30),
           after=s.show_deadline(GREEN, "closure_hearing", "green/closure-notice",
                                 "hearing listed inside the 48 h window"))
    s.step(GREEN, at(2025, 10, 23, 9, 50), MENSAH, steps.CLOSURE_ORDER_GRANTED,
           say="Closure order granted for 3 months (to 22 Jan 2026)",
           instrument_id=order, expires_on=date(2026, 1, 22),
           access_exceptions=("Hearthstone Housing contractors", "Emergency services"))
    s.step(GREEN, at(2026, 1, 15, 11), MENSAH, steps.CLOSURE_ORDER_EXTENDED,
           say="Closure order extended to 22 Apr 2026 (6 months in total); superintendent's "
               "application, council consulted",
           instrument_id=order, expires_on=date(2026, 4, 22), authorised_by_rank="superintendent",
           consulted=True)
    s.step(GREEN, at(2026, 3, 27, 12), MENSAH, steps.CLOSURE_ORDER_DISCHARGED,
           say="Closure order discharged: works complete", instrument_id=order,
           reason="Works complete: garages demolished, fencing and gate installed")


def _measure(s: Story, when: datetime, by: Person, key: str, what: str, pence: int | None,
             funder: str) -> None:
    cost = f" (£{pence / 100:,.0f} + VAT, {funder})" if pence else ""
    s.step(GREEN, when, by, steps.ENVIRONMENTAL_MEASURE_RECORDED, say=f"Measure: {what}{cost}",
           measure_id=sid(f"green/measure-{key}"), measure=what, cost_pence=pence,
           funded_by=funder)


def _review(s: Story, months: int, when: datetime, window: tuple[date, date]) -> None:
    before, after = count_between(*BASELINE), count_between(*window)
    cut = (before - after) * 100 / before
    verdict = "target met" if cut >= 75 else "target not met"
    s.step(GREEN, when, BYRNE, steps.OUTCOME_REVIEW_HELD,
           say=f"{months}-month review: {before} -> {after} incidents a quarter "
               f"({cut:.1f}% fewer; {verdict})",
           objective_id=sid("green/objective"), months=months, incidents_before=before,
           incidents_after=after,
           notes=f"{window[0]:%b}-{window[1]:%b %Y} against the baseline quarter: {verdict}")
