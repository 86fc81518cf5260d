"""The Orchard Walk story, part 2: the three subjects' pathways (all invented)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from adapters.driving.cli.output import long
from adapters.driving.cli.script import Story, at, sid
from adapters.driving.cli.story import (
    CARTER, CONDUCT, MALIK, MENSAH, OSEI, PATEL, link_baseline, incident_at,
)
from domain import steps

DEAN_RULES = (
    "Do not enter the grounds of Alder House",
    "Do not approach, threaten or intimidate residents of Alder House",
)
KYLE_RULES = (
    "Do not damage or climb the Alder House gate or fencing",
    "Do not leave litter on Orchard Walk green",
    "No shouting or swearing on the green after 21:00",
)
INJUNCTION_TERMS = (
    "Not to enter Orchard Walk green or the grounds of Alder House (map A)",
    "Not to threaten, intimidate or use violence towards any resident of Alder House",
)


def dean(s: Story) -> None:
    """Dealing and intimidation: warning letter -> CPW -> CPN -> FPN -> prosecution, and an
    injunction with a power of arrest -> two breach arrests -> committal."""
    conduct = CONDUCT["dean"]
    s.open_pathway("dean", at(2025, 10, 1, 10), CARTER, {
        "subject": {"name": "Dean Harrow", "date_of_birth": "1991-03-09"},
        "conduct_summary": conduct, "issue_tags": ["drugs", "intimidation"],
    }, say="Pathway opened: Dean Harrow (34), dealing and intimidation of residents")
    link_baseline(s, "dean", at(2025, 10, 1, 10, 30), CARTER)
    s.step("dean", at(2025, 10, 2, 11), CARTER, steps.EARLY_INTERVENTION, late=timedelta(days=4),
           say="Warning letter hand-delivered", intervention_id=sid("dean/warning-letter"),
           kind="warning_letter", outcome="Read and understood; consequences explained")
    s.step("dean", at(2025, 10, 3, 10), CARTER, steps.SUPPORT_REFERRAL_MADE,
           say="Referral offered: drug and alcohol service", referral_id=sid("dean/drugs"),
           service="Marlshire Recovery Service", need="drug_alcohol", method="In person")
    s.step("dean", at(2025, 10, 8, 15), MALIK, steps.SUPPORT_REFERRAL_UPDATED,
           say="Drug service referral declined", referral_id=sid("dean/drugs"),
           status="declined", reason="Did not want an assessment")
    s.step("dean", at(2025, 10, 13, 14), CARTER, steps.CPW_ISSUED,
           say="Community Protection Warning: 14 days to comply (by Mon 27 Oct 2025 14:00)",
           instrument_id=sid("dean/cpw"), conduct=conduct, requirements=DEAN_RULES,
           comply_by=at(2025, 10, 27, 14), cpn_warning_stated=True, consequences_explained=True,
           rationale="Conduct continued after the warning letter of 2 Oct 2025")
    s.step("dean", at(2025, 11, 3, 10), PATEL, steps.PROPORTIONALITY_ASSESSED,
           say="Proportionality and equality assessment before a CPN",
           assessment_id=sid("dean/pa-cpn"), for_step=steps.CPN_ISSUED,
           lesser_measures="Warning letter (2 Oct) and CPW (13 Oct) did not stop the conduct",
           vulnerability="Drug use; drug service offered 3 Oct and declined",
           equality_act="No disability or other protected characteristic affected",
           article_8="Requirements limited to Alder House and its residents; home life unaffected",
           conclusion="A CPN on the same conduct is necessary and proportionate")
    s.step("dean", at(2025, 11, 3, 11), CARTER, steps.CONSULTATION_RECORDED,
           say="Housing association informed before the CPN (s.43(6))",
           consultation_id=sid("dean/consult-housing"), body="housing", about_step=steps.CPN_ISSUED,
           outcome="Hearthstone Housing supports a CPN and will report breaches")
    s.probe_allowed("dean", at(2025, 11, 4, 10, 55), steps.CPN_ISSUED,
                    "The warning's time to comply ended Mon 27 Oct 2025 14:00 and the incident of "
                    f"{long(incident_at('2025-10-30'))} (after it) is linked: s.43(5)(b)-(c) met.")
    s.step("dean", at(2025, 11, 4, 11), CARTER, steps.CPN_ISSUED,
           say="Community Protection Notice issued (appeal information given)",
           instrument_id=sid("dean/cpn"), warning_id=sid("dean/cpw"), conduct=conduct,
           requirements=DEAN_RULES, appeal_information_given=True,
           informed_bodies=("Hearthstone Housing Association", "Elmsford District Council"),
           evidence=({"exhibit": "NC/1", "description": "Council CCTV still, 30 Oct 2025 22:15",
                      "source": "Elmsford District Council CCTV"},))
    s.step("dean", at(2025, 11, 15, 10), CARTER, steps.BREACH_RECORDED,
           say="Breach of the CPN recorded (requirement 1)", instrument_id=sid("dean/cpn"),
           description="In Alder House grounds shouting at residents", clause="Requirement 1",
           incident_id=sid("incident/2025-11-14"))
    s.step("dean", at(2025, 11, 17, 14), CARTER, steps.FPN_ISSUED,
           say="Fixed Penalty Notice £100 (14 days to pay)", instrument_id=sid("dean/fpn"),
           notice_id=sid("dean/cpn"), amount=Decimal("100"), payment_period_stated=True,
           payee="Marlshire Council, Community Safety Team, Town Hall, Marlshire",
           payment_methods=("online at the council's payments page", "by telephone"))
    s.step("dean", at(2025, 11, 24, 10), MENSAH, steps.PROPORTIONALITY_ASSESSED,
           say="Proportionality assessment before an injunction",
           assessment_id=sid("dean/pa-injunction"), for_step=steps.INJUNCTION_APPLIED,
           lesser_measures="Warning letter, CPW, CPN and FPN; conduct escalated to threats",
           vulnerability="Drug use; support offered and declined",
           conclusion="An injunction with a power of arrest is just and convenient")
    s.step("dean", at(2025, 11, 25, 12), MENSAH, steps.INJUNCTION_APPLIED,
           say="Injunction applied for ON NOTICE, power of arrest sought (violence threatened)",
           instrument_id=sid("dean/injunction"), court="Elmsford County Court",
           terms=INJUNCTION_TERMS,
           positive_requirements=("Attend an assessment with Marlshire Recovery Service",),
           supervisor="Marlshire Recovery Service (S. Malik)", power_of_arrest_sought=True,
           power_of_arrest_ground="violence_or_threat",
           power_of_arrest_evidence="Threats to neighbours recorded in the linked incidents")
    s.step("dean", at(2025, 12, 3, 10), MENSAH, steps.PROSECUTION_STARTED,
           say="FPN unpaid after 14 days: prosecution for failing to comply with the CPN (s.48)",
           instrument_id=sid("dean/prosecution"), relates_to=sid("dean/fpn"),
           offence="Failing to comply with a Community Protection Notice (s.48)",
           court="Elmsford Magistrates' Court")
    s.step("dean", at(2025, 12, 9, 15), MENSAH, steps.INJUNCTION_GRANTED,
           say="Injunction granted for 12 months with a power of arrest (to 8 Dec 2026)",
           instrument_id=sid("dean/injunction"), expires_on=date(2026, 12, 8),
           power_of_arrest=True, power_of_arrest_expires_on=date(2026, 12, 8),
           power_of_arrest_terms=INJUNCTION_TERMS)
    s.step("dean", at(2026, 1, 19, 13), MENSAH, steps.CONVICTION_RECORDED,
           say="Convicted of failing to comply with the CPN: fine £250, costs £85",
           instrument_id=sid("dean/prosecution"), outcome="convicted",
           sentence="Fine £250, costs £85")
    _breach_arrest(s, 1, "2026-04-02", "Good Friday (3 Apr 2026) is disregarded")
    s.step("dean", at(2026, 4, 4, 10, 30), MENSAH, steps.COURT_APPEARANCE,
           say="Before the duty judge (Saturday sitting): breach admitted; adjourned to 20 Apr",
           instrument_id=sid("dean/arrest-1"), court="Elmsford County Court (duty judge)",
           outcome="Breach admitted; adjourned to 20 Apr 2026 for committal; bailed")
    s.step("dean", at(2026, 4, 7, 10), MALIK, steps.SUPPORT_REFERRAL_UPDATED,
           say="Drug service referral now ACCEPTED", referral_id=sid("dean/drugs"),
           status="accepted", reason="Asked for an assessment after the arrest")
    s.step("dean", at(2026, 4, 20, 9), MALIK, steps.SUPPORT_REFERRAL_UPDATED,
           say="Engaging with the drug service", referral_id=sid("dean/drugs"), status="engaged")
    s.step("dean", at(2026, 4, 20, 14), MENSAH, steps.COMMITTAL_DECIDED,
           say="Committal hearing: breach proved, NO ORDER (engaging with treatment; warned)",
           instrument_id=sid("dean/arrest-1"), outcome="no_order",
           sentence="No order: engaging with the drug service; warned")
    _breach_arrest(s, 2, "2026-06-13", "Sunday 14 Jun 2026 is disregarded")
    s.step("dean", at(2026, 6, 15, 10), MENSAH, steps.COURT_APPEARANCE,
           say="Before the judge on Monday morning, inside the deadline",
           instrument_id=sid("dean/arrest-2"), court="Elmsford County Court",
           outcome="Breach admitted; committal considered the same day")
    s.step("dean", at(2026, 6, 15, 15), MENSAH, steps.COMMITTAL_DECIDED,
           say="Committal: SUSPENDED sentence, 28 days suspended for 12 months",
           instrument_id=sid("dean/arrest-2"), outcome="suspended_committal",
           sentence="28 days' imprisonment suspended for 12 months on compliance")


def _breach_arrest(s: Story, n: int, incident: str, disregarded: str) -> None:
    when = incident_at(incident)
    arrested = when.replace(hour=20, minute=0)
    s.step("dean", when, CARTER, steps.BREACH_RECORDED, late=timedelta(minutes=12),
           say=f"Breach {n} of the injunction recorded", instrument_id=sid("dean/injunction"),
           description="Breach of the injunction's terms at Orchard Walk", clause="Terms 1 and 2",
           incident_id=sid(f"incident/{incident}"))
    s.step("dean", arrested, CARTER, steps.ARRESTED,
           say="ARRESTED under the injunction's power of arrest (s.9)",
           instrument_id=sid(f"dean/arrest-{n}"), power="power_of_arrest",
           injunction_id=sid("dean/injunction"), applicant_informed=True,
           after=s.show_deadline("dean", "arrest_before_judge", f"dean/arrest-{n}",
                                 f"{disregarded}"))


def kyle(s: Story) -> None:
    """Sixteen: home visit -> ABC -> CPW; a CPN tried too early is refused; he complies."""
    conduct = CONDUCT["kyle"]
    s.open_pathway("kyle", at(2025, 10, 6, 10), OSEI, {
        "subject": {"name": "Kyle Benton", "date_of_birth": "2009-05-22"},
        "conduct_summary": conduct, "issue_tags": ["youth", "criminal damage"],
    }, say="Pathway opened: Kyle Benton (16), gate damage, littering, shouting")
    link_baseline(s, "kyle", at(2025, 10, 6, 10, 30), OSEI)
    s.step("kyle", at(2025, 10, 10, 18, 30), CARTER, steps.EARLY_INTERVENTION,
           late=timedelta(days=3), say="Home visit with his mother",
           intervention_id=sid("kyle/home-visit"), kind="home_visit",
           outcome="Conduct discussed with Kyle and his mother")
    s.step("kyle", at(2025, 10, 14, 11), OSEI, steps.SUPPORT_REFERRAL_MADE,
           say="Referral offered: youth service", referral_id=sid("kyle/youth"),
           service="Elmsford Youth Service", need="youth")
    s.step("kyle", at(2025, 10, 16, 12), OSEI, steps.SUPPORT_REFERRAL_UPDATED,
           say="Youth service referral accepted", referral_id=sid("kyle/youth"), status="accepted")
    s.step("kyle", at(2025, 10, 20, 17), OSEI, steps.EARLY_INTERVENTION,
           say="Acceptable behaviour contract signed (mother present)",
           intervention_id=sid("kyle/abc"), kind="acceptable_behaviour_contract",
           outcome="Signed for 3 months", review_on=date(2026, 1, 20))
    s.step("kyle", at(2025, 10, 23, 16), OSEI, steps.SUPPORT_REFERRAL_UPDATED,
           say="Engaging with the youth service", referral_id=sid("kyle/youth"), status="engaged")
    s.step("kyle", at(2025, 11, 5, 11), CARTER, steps.CONSULTATION_RECORDED,
           say="Youth offending team consulted before a warning (he is 16)",
           consultation_id=sid("kyle/yot"), body="yot", about_step=steps.CPW_ISSUED,
           outcome="Marlshire Youth Justice Service agrees a CPW alongside youth work")
    comply_by = at(2025, 11, 20, 16)
    s.step("kyle", at(2025, 11, 6, 16), CARTER, steps.CPW_ISSUED,
           say=f"Community Protection Warning: comply by {long(comply_by)}",
           instrument_id=sid("kyle/cpw"), conduct=conduct, requirements=KYLE_RULES,
           comply_by=comply_by, cpn_warning_stated=True, consequences_explained=True,
           rationale="Gate damaged again on 3 Nov despite the ABC")
    s.attempt_refused(
        "kyle", at(2025, 11, 13, 11), CARTER, steps.CPN_ISSUED,
        say="After the complaint of 12 Nov, PC Carter tries to issue a CPN to Kyle",
        epilogue=f"No CPN is issued. The warning runs until {long(comply_by)}.",
        instrument_id=sid("kyle/cpn-attempt"), warning_id=sid("kyle/cpw"), conduct=conduct,
        requirements=KYLE_RULES, appeal_information_given=True)
    s.note(comply_by, "kyle", "The warning's time to comply ends: no further incident. "
           "Kyle has complied; no CPN.")
    s.step("kyle", at(2026, 1, 22, 12), OSEI, steps.SUPPORT_REFERRAL_UPDATED,
           say="Youth service programme completed", referral_id=sid("kyle/youth"),
           status="completed")
    s.step("kyle", at(2026, 1, 29, 11), OSEI, steps.PATHWAY_CLOSED,
           say="Pathway CLOSED: resolved", outcome="resolved",
           summary="ABC kept and warning complied with; no incidents since 12 Nov 2025")


def maria(s: Story) -> None:
    """Vulnerable and sleeping rough: support first, one dispersal direction, housed."""
    s.open_pathway("maria", at(2025, 10, 7, 10), OSEI, {
        "subject": {"name": "Maria Lisowska", "date_of_birth": "1978-07-30",
                    "vulnerabilities": ["alcohol dependency", "sleeping rough"]},
        "conduct_summary": "Sleeping rough in the Alder House bin store; street drinking",
        "issue_tags": ["rough sleeping", "alcohol", "vulnerable adult"],
    }, say="Pathway opened: Maria Lisowska (47), sleeping rough in the bin store; vulnerable")
    link_baseline(s, "maria", at(2025, 10, 7, 10, 30), OSEI)
    for key, service in (("outreach", "Elmsford DC rough-sleeping outreach"),
                         ("shelter", "St Columba's Night Shelter")):
        s.step("maria", at(2025, 10, 8, 10), OSEI, steps.SUPPORT_REFERRAL_MADE,
               say=f"Referral offered: {service}", referral_id=sid(f"maria/{key}"),
               service=service, need="homelessness")
        s.step("maria", at(2025, 10, 10, 12), OSEI, steps.SUPPORT_REFERRAL_UPDATED,
               say=f"{service}: declined", referral_id=sid(f"maria/{key}"), status="declined")
    s.step("maria", at(2025, 10, 17, 23, 5), CARTER, steps.PROPORTIONALITY_ASSESSED,
           say="Vulnerability assessment before any dispersal direction",
           assessment_id=sid("maria/pa-dispersal"), for_step=steps.DISPERSAL_DIRECTION_GIVEN,
           vulnerability="Alcohol dependent and sleeping rough; not incapable; a night shelter "
                         "bed confirmed for tonight; outreach informed",
           lesser_measures="Asked to move on informally; declined",
           conclusion="A 48 h direction from the green only, with a lift to the shelter "
                      "offered, is proportionate")
    s.step("maria", at(2025, 10, 17, 23, 15), CARTER, steps.DISPERSAL_DIRECTION_GIVEN,
           say="Dispersal direction: 48 h, authorised by an inspector (s.34), in writing",
           instrument_id=sid("maria/dispersal"), authorised_by_rank="inspector",
           authorisation_ref="s.34 authorisation OW/2025/07 (Insp. R. Patel, 17 Oct 18:00)",
           exclusion_hours=48, area="Orchard Walk green and the grounds of Alder House")
    for key, service, need in (("mental-health", "Community mental health team", "mental_health"),
                               ("alcohol", "Marlshire Recovery Service", "drug_alcohol")):
        s.step("maria", at(2025, 10, 22, 10), OSEI, steps.SUPPORT_REFERRAL_MADE,
               say=f"Referral offered: {service}", referral_id=sid(f"maria/{key}"),
               service=service, need=need)
        s.step("maria", at(2025, 10, 24, 15), OSEI, steps.SUPPORT_REFERRAL_UPDATED,
               say=f"{service}: accepted", referral_id=sid(f"maria/{key}"), status="accepted")
        s.step("maria", at(2025, 11, 3, 15), MALIK, steps.SUPPORT_REFERRAL_UPDATED,
               say=f"{service}: engaged", referral_id=sid(f"maria/{key}"), status="engaged")
    s.step("maria", at(2025, 11, 10, 10), OSEI, steps.SUPPORT_REFERRAL_UPDATED,
           say="Outreach now accepted", referral_id=sid("maria/outreach"), status="accepted")
    s.step("maria", at(2025, 11, 17, 10), OSEI, steps.SUPPORT_REFERRAL_UPDATED,
           say="Engaging with outreach", referral_id=sid("maria/outreach"), status="engaged")
    s.step("maria", at(2026, 1, 19, 12), OSEI, steps.SUPPORT_REFERRAL_UPDATED,
           say="Housed: moved into supported accommodation", referral_id=sid("maria/outreach"),
           status="completed", reason="Moved into supported accommodation")
    s.step("maria", at(2026, 2, 2, 11), OSEI, steps.PATHWAY_CLOSED,
           say="Pathway CLOSED: supported", outcome="supported",
           summary="Housed; engaging with alcohol and mental-health services; one dispersal "
                   "direction only (17 Oct 2025)")
