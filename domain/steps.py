"""The step vocabulary: what each step opens or moves, its usual legal basis, and what it
means to a reader (its wording, category, court role, place among measures, the notice it
issues). Exports, read models and front ends read this instead of keeping their own tables.
"""

from __future__ import annotations

from domain import bases, notices
from domain.instruments import Kind
from domain.links import StreamRef
from domain.stepspec import Court, Measure, StepSpec, Target

def _k(*kinds: Kind) -> frozenset[Kind]:
    return frozenset(kinds)


PERSON_STEPS: tuple[StepSpec, ...] = (
    StepSpec("incident_linked", "Link an incident",
             "ASBCPA2014 s.2(1) (conduct evidenced); Civil Evidence Act 1995 s.4",
             done="Incident linked to the case", category="evidence",
             refers=(StreamRef("incident_id", "incident",
                               copies=(("incident_occurred_at", "occurred_at"),
                                       ("incident_category", "category"))),),
             creates="incident_id"),
    StepSpec("early_intervention", "Early intervention", "Non-statutory: " + bases.GUIDANCE,
             creates="intervention_id",
             done="Early intervention", category="warning", measure=Measure.LESSER,
             significance="lesser measure (non-statutory early intervention)"),
    StepSpec("support_referral_made", "Offer a support referral", "ASB Principles 2022",
             opens=Kind.REFERRAL,
             done="Support referral offered", category="referral", significance="support offered"),
    StepSpec("support_referral_updated", "Update a support referral", "ASB Principles 2022",
             targets=(Target("referral_id", _k(Kind.REFERRAL), lambda c: c.status,
                             possible=("accepted", "declined", "no_response", "engaged",
                                       "completed", "disengaged")),),
             done="Support referral updated", category="referral"),
    StepSpec("consultation_recorded", "Record a consultation",
             "ASBCPA2014 s.14(1) (injunction), s.43(6) (CPN), s.76(7) (closure notice)",
             creates="consultation_id",
             done="Consultation recorded", category="consultation",
             significance="consultation / informing appropriate bodies",
             basis_by_about=bases.CONSULTATION_BASES),
    StepSpec("proportionality_assessed", "Assess proportionality",
             "HRA 1998 Sch.1 Art 8; Equality Act 2010 ss.15, 149", creates="assessment_id",
             done="Proportionality assessment", category="assessment"),
    StepSpec("cpw_issued", "Issue a Community Protection Warning", "ASBCPA2014 s.43(5)(a)",
             opens=Kind.CPW,
             done="Community Protection Warning issued", category="CPW",
             measure=Measure.ESCALATION, notice=notices.CPW),
    StepSpec("cpn_issued", "Issue a Community Protection Notice", "ASBCPA2014 s.43(1), (5)",
             opens=Kind.CPN, targets=(Target("warning_id", _k(Kind.CPW), "escalate"),),
             done="Community Protection Notice issued", category="CPN",
             measure=Measure.ESCALATION,
             significance="CPN served (s.43); 21-day appeal period begins (s.46)",
             notice=notices.CPN),
    StepSpec("cpn_appeal_lodged", "Record a CPN appeal", "ASBCPA2014 s.46(1)-(2)",
             targets=(Target("instrument_id", _k(Kind.CPN), "appeal_lodged"),),
             done="CPN appeal lodged", category="appeal", court=Court.PROCEEDINGS),
    StepSpec("cpn_appeal_decided", "Record a CPN appeal decision", "ASBCPA2014 s.46(4)",
             targets=(Target("instrument_id", _k(Kind.CPN),
                             lambda c: "appeal_quashed" if c.outcome == "quashed"
                             else "appeal_dismissed",
                             possible=("appeal_quashed", "appeal_dismissed")),),
             done="CPN appeal decided", category="appeal", court=Court.RECORD),
    StepSpec("breach_recorded", "Record a breach", bases.BREACH_BASIS, basis_by_kind=bases.BREACH_BASES,
             targets=(Target("instrument_id",
                             _k(Kind.CPN, Kind.INJUNCTION, Kind.CBO, Kind.DISPERSAL,
                                Kind.RESPECT_ORDER), "breach"),),
             done="Breach recorded", category="breach",
             refers=(StreamRef("incident_id", "incident"),)),
    StepSpec("fpn_issued", "Issue a Fixed Penalty Notice", "ASBCPA2014 s.52(1)", opens=Kind.FPN,
             targets=(Target("notice_id", _k(Kind.CPN)),),
             done="Fixed Penalty Notice issued", category="FPN", measure=Measure.ESCALATION,
             significance="FPN issued (s.52): no proceedings for 14 days", notice=notices.FPN),
    StepSpec("fpn_paid", "Record FPN payment", "ASBCPA2014 s.52(4)",
             targets=(Target("instrument_id", _k(Kind.FPN), "pay"),),
             done="Fixed Penalty Notice paid", category="FPN",
             significance="FPN paid: no conviction for the offence (s.52(4))"),
    StepSpec("prosecution_started", "Start a prosecution", bases.PROSECUTION_BASIS, basis_by_kind=bases.PROSECUTION_BASES,
             opens=Kind.PROSECUTION,
             targets=(Target("relates_to", _k(Kind.CPN, Kind.FPN, Kind.CBO, Kind.DISPERSAL,
                                              Kind.RESPECT_ORDER),
                             optional=True),),
             done="Prosecution started", category="prosecution", court=Court.PROCEEDINGS,
             measure=Measure.ESCALATION, significance="criminal proceedings started"),
    StepSpec("conviction_recorded", "Record a court outcome", "Magistrates' Courts Act 1980 ss.9-13 (summary trial)",
             targets=(Target("instrument_id", _k(Kind.PROSECUTION),
                             lambda c: "convict" if c.outcome == "convicted" else "acquit",
                             possible=("convict", "acquit")),),
             done="Court outcome recorded", category="hearing", court=Court.RECORD),
    StepSpec("cbo_granted", "Record a Criminal Behaviour Order", "SA2020 ss.330-331, 334",
             opens=Kind.CBO, targets=(Target("prosecution_id", _k(Kind.PROSECUTION)),),
             done="Criminal Behaviour Order made", category="order", court=Court.RECORD),
    StepSpec("cbo_varied", "Record a Criminal Behaviour Order varied", "SA2020 s.336",
             targets=(Target("instrument_id", _k(Kind.CBO), "vary"),),
             done="Criminal Behaviour Order varied", category="order", court=Court.RECORD),
    StepSpec("cbo_discharged", "Record a Criminal Behaviour Order discharged", "SA2020 s.336",
             targets=(Target("instrument_id", _k(Kind.CBO), "discharge"),),
             done="Criminal Behaviour Order discharged", category="order", court=Court.RECORD),
    StepSpec("cbo_reviewed", "Review a Criminal Behaviour Order (offender under 18)",
             "SA2020 ss.337-338",
             targets=(Target("instrument_id", _k(Kind.CBO), "review"),),
             done="Criminal Behaviour Order reviewed", category="review",
             significance="annual review of an under-18's order (SA2020 s.337)"),
    StepSpec("respect_order_applied", "Apply for a Respect Order",
             "ASBCPA2014 Part A1 (inserted by CPA2026)", opens=Kind.RESPECT_ORDER,
             done="Respect Order applied for", category="application", court=Court.PROCEEDINGS,
             measure=Measure.ESCALATION, notice=notices.RESPECT_ORDER),
    StepSpec("respect_order_granted", "Record a Respect Order made",
             "ASBCPA2014 Part A1 (inserted by CPA2026)",
             targets=(Target("instrument_id", _k(Kind.RESPECT_ORDER),
                             lambda c: "grant_interim" if c.interim else "grant",
                             possible=("grant_interim", "grant")),),
             done="Respect Order made", category="order", court=Court.RECORD,
             significance="Respect Order made: breach is a criminal offence"),
    StepSpec("respect_order_discharged", "Record a Respect Order discharged or refused",
             "ASBCPA2014 Part A1 (inserted by CPA2026)",
             targets=(Target("instrument_id", _k(Kind.RESPECT_ORDER),
                             lambda c: "refuse" if c.outcome == "refused" else "discharge",
                             possible=("refuse", "discharge")),),
             done="Respect Order discharged or refused", category="order", court=Court.RECORD),
    StepSpec("injunction_applied", "Apply for a civil injunction", "ASBCPA2014 ss.1, 5-6, 14",
             opens=Kind.INJUNCTION,
             done="Injunction applied for", category="application", court=Court.PROCEEDINGS,
             measure=Measure.ESCALATION, notice=notices.INJUNCTION),
    StepSpec("injunction_granted", "Record an injunction granted", "ASBCPA2014 ss.1, 4, 7",
             targets=(Target("instrument_id", _k(Kind.INJUNCTION),
                             lambda c: "grant_interim" if c.interim else "grant",
                             possible=("grant_interim", "grant")),),
             done="Injunction granted", category="order", court=Court.RECORD),
    StepSpec("injunction_varied", "Record an injunction varied", "ASBCPA2014 s.8",
             targets=(Target("instrument_id", _k(Kind.INJUNCTION), "vary"),),
             done="Injunction varied", category="order", court=Court.RECORD),
    StepSpec("injunction_discharged", "Record an injunction discharged or refused",
             "ASBCPA2014 s.8",
             targets=(Target("instrument_id", _k(Kind.INJUNCTION),
                             lambda c: "refuse" if c.outcome == "refused" else "discharge",
                             possible=("refuse", "discharge")),),
             done="Injunction discharged or refused", category="order", court=Court.RECORD),
    StepSpec("arrested", "Record an arrest", "ASBCPA2014 ss.9-10; PACE 1984 s.24",
             opens=Kind.ARREST,
             targets=(Target("injunction_id", _k(Kind.INJUNCTION), "arrest", optional=True),),
             done="Arrest", category="arrest",
             significance="arrest: to be brought before a judge within 24 hours (s.9(3))"),
    StepSpec("arrest_applicant_informed", "Record the applicant informed", "ASBCPA2014 s.9(2)",
             targets=(Target("instrument_id", _k(Kind.ARREST), "inform_applicant"),),
             done="Applicant informed of the arrest", category="arrest",
             significance="applicant for the injunction informed of the arrest (s.9(2))"),
    StepSpec("court_appearance", "Record a court appearance", "ASBCPA2014 s.9(3)-(5)",
             targets=(Target("instrument_id", _k(Kind.ARREST), "appear"),),
             done="Court appearance", category="hearing", court=Court.RECORD),
    StepSpec("committal_decided", "Record a committal decision", "CPR Part 81",
             targets=(Target("instrument_id", _k(Kind.ARREST), "decide"),),
             done="Committal decision", category="hearing", court=Court.RECORD),
    StepSpec("dispersal_direction_given", "Give a dispersal direction", "ASBCPA2014 ss.34(1), 35(1)",
             opens=Kind.DISPERSAL,
             done="Dispersal direction given", category="dispersal", measure=Measure.ESCALATION,
             significance="dispersal direction given (s.35); "
             "failing to comply is an offence (s.39)",
             notice=notices.DISPERSAL),
    StepSpec("items_surrendered", "Record items surrendered with a dispersal direction",
             "ASBCPA2014 ss.37-38",
             targets=(Target("instrument_id", _k(Kind.DISPERSAL), "surrender"),),
             done="Items surrendered (dispersal)", category="dispersal",
             significance="items surrendered (s.37); kept on the s.38 record"),
    StepSpec("surrendered_items_resolved", "Record surrendered items returned or destroyed",
             "ASBCPA2014 ss.37-38",
             targets=(Target("instrument_id", _k(Kind.DISPERSAL), "resolve_surrender"),),
             done="Surrendered items returned or destroyed", category="dispersal"),
    StepSpec("override_authorised", "Authorise an override of a SOFT guard",
             bases.OVERRIDE_BASIS, creates="override_id",
             done="Override of a SOFT guard authorised", category="authorisation"),
    StepSpec("entry_corrected", "Correct an entry", bases.RECORD_BASIS,
             done="Entry corrected", category="correction"),
    StepSpec("evidence_attached", "Attach evidence", "Civil Evidence Act 1995 ss.1-4",
             done="Evidence attached", category="evidence"),
    StepSpec("sharing_agreed", "Share the case with a partner agency",
             "CDA 1998 s.115; UK GDPR Art 6(1)(e)",
             done="Case shared with a partner agency", category="sharing"),
    StepSpec("sharing_revoked", "Stop sharing the case with a partner agency",
             "UK GDPR Art 5(1)(c); DPA 2018 s.37",
             done="Sharing with a partner agency ended", category="sharing"),
    StepSpec("pathway_closed", "Close the pathway", bases.CASE_BASIS,
             done="Case closed", category="case"),
    StepSpec("subject_erased", "Erase the subject's personal data",
             "UK GDPR Art 17; DPA 2018 s.47",
             done="Subject's personal data erased", category="data protection"),
    StepSpec("processing_restricted", "Restrict processing of the subject's personal data",
             "UK GDPR Art 18(1); DPA 2018 s.47(2)",
             done="Processing restricted", category="data protection"),
    StepSpec("restriction_lifted", "Lift the restriction of processing",
             "UK GDPR Art 18(1), (3); DPA 2018 s.47(2)",
             done="Restriction of processing lifted", category="data protection"),
    StepSpec("pathway_reopened", "Reopen the pathway", bases.CASE_BASIS,
             done="Case reopened", category="case"),
)

PLACE_ONLY_STEPS: tuple[StepSpec, ...] = (
    StepSpec("closure_notice_issued", "Issue a closure notice", "ASBCPA2014 ss.76-77",
             opens=Kind.CLOSURE_NOTICE,
             done="Closure notice issued", category="closure notice", measure=Measure.ESCALATION,
             notice=notices.CLOSURE_NOTICE),
    StepSpec("closure_notice_served", "Record a closure notice served", "ASBCPA2014 s.79",
             targets=(Target("instrument_id", _k(Kind.CLOSURE_NOTICE), "serve"),),
             done="Closure notice served", category="closure notice",
             significance="closure notice served (s.79): the s.80(3) hearing clock runs from now"),
    StepSpec("closure_notice_extended", "Extend a closure notice", "ASBCPA2014 s.77(4)",
             targets=(Target("instrument_id", _k(Kind.CLOSURE_NOTICE), "extend"),),
             done="Closure notice extended", category="closure notice"),
    StepSpec("closure_notice_cancelled", "Cancel a closure notice", "ASBCPA2014 s.78",
             targets=(Target("instrument_id", _k(Kind.CLOSURE_NOTICE), "cancel"),),
             done="Closure notice cancelled", category="closure notice"),
    StepSpec("closure_order_applied", "Apply for a closure order", "ASBCPA2014 s.80(1)-(4)",
             opens=Kind.CLOSURE_ORDER, targets=(Target("notice_id", _k(Kind.CLOSURE_NOTICE)),),
             done="Closure order applied for", category="application", court=Court.PROCEEDINGS,
             measure=Measure.ESCALATION, notice=notices.CLOSURE_ORDER),
    StepSpec("closure_order_granted", "Record a closure order made", "ASBCPA2014 s.80(5)-(6)",
             targets=(Target("instrument_id", _k(Kind.CLOSURE_ORDER), "grant"),),
             done="Closure order made", category="order", court=Court.RECORD,
             significance="closure order made (s.80)"),
    StepSpec("closure_order_extended", "Record a closure order extended", "ASBCPA2014 s.82",
             targets=(Target("instrument_id", _k(Kind.CLOSURE_ORDER), "extend"),),
             done="Closure order extended", category="order", court=Court.RECORD,
             measure=Measure.ESCALATION),
    StepSpec("closure_order_discharged", "Record a closure order discharged", "ASBCPA2014 s.83",
             targets=(Target("instrument_id", _k(Kind.CLOSURE_ORDER), "discharge"),),
             done="Closure order discharged", category="order", court=Court.RECORD),
    StepSpec("environmental_measure_recorded", "Record an environmental measure",
             bases.PROBLEM_SOLVING_BASIS, creates="measure_id",
             done="Environmental measure recorded", category="problem-solving",
             measure=Measure.LESSER),
    StepSpec("objective_set", "Set a SMART objective", bases.PROBLEM_SOLVING_BASIS,
             creates="objective_id",
             done="SMART objective set", category="problem-solving"),
    StepSpec("outcome_review_held", "Hold an outcome review", bases.PROBLEM_SOLVING_BASIS,
             done="Outcome review held", category="problem-solving"),
)

SHARED_WITH_PLACE = (
    "incident_linked", "consultation_recorded", "proportionality_assessed",
    "support_referral_made", "support_referral_updated", "override_authorised",
    "entry_corrected", "evidence_attached", "sharing_agreed", "sharing_revoked",
)

PERSON: dict[str, StepSpec] = {s.name: s for s in PERSON_STEPS}
PLACE: dict[str, StepSpec] = {s.name: s for s in PLACE_ONLY_STEPS} | {
    n: PERSON[n] for n in SHARED_WITH_PLACE
}
ALL: dict[str, StepSpec] = PERSON | PLACE

#: The events that open a stream: not steps one records on a case, but entries of its log.
OPENING_STEPS: tuple[StepSpec, ...] = (
    StepSpec("pathway_opened", "Open a pathway",
             "CDA 1998 s.17; " + bases.GUIDANCE, done="Case opened",
             category="case"),
    StepSpec("place_registered", "Register a place", "CDA 1998 s.17; ASBCPA2014 Part 4 Ch.3",
             done="Place registered", category="case"),
    StepSpec("incident_reported", "Report an incident", "CDA 1998 s.17; ASBCPA2014 s.2",
             done="Incident reported", category="incident",
             refers=(StreamRef("place_id", "place"), StreamRef("subject_pathway_ids", "pathway"))),
)
#: The first step of each kind of stream: recorded by opening the stream, never a next step.
OPENERS: dict[str, StepSpec] = {s.name: s for s in OPENING_STEPS}

#: Every entry a case log may hold, stream openers included.
LOGGED: dict[str, StepSpec] = {s.name: s for s in OPENING_STEPS} | ALL

#: Steps brought before or recorded from a court (either role).
COURT_STEPS: frozenset[str] = frozenset(n for n, s in ALL.items() if s.court is not None)
#: Steps whose entry rests on a court's record.
COURT_RECORD_STEPS: frozenset[str] = frozenset(
    n for n, s in ALL.items() if s.court is Court.RECORD)
#: Escalation steps, whose proportionality a statement must show.
ESCALATION_STEPS: frozenset[str] = frozenset(
    n for n, s in ALL.items() if s.measure is Measure.ESCALATION)
#: Steps that count as a measure tried before an escalation (escalations included).
MEASURE_STEPS: frozenset[str] = frozenset(n for n, s in ALL.items() if s.measure is not None)
#: Steps that issue a notice or order with statutory contents.
NOTICE_STEPS: frozenset[str] = frozenset(n for n, s in ALL.items() if s.notice is not None)


def done(step: str) -> str:
    """What happened, in words: `cpn_issued` -> `Community Protection Notice issued`.

    An unknown step is returned as it is, for the caller to word.
    """
    spec = LOGGED.get(step)
    return spec.done if spec is not None else step


# Names adapters use when they mean one particular step.
PATHWAY_OPENED = "pathway_opened"
PLACE_REGISTERED = "place_registered"
INCIDENT_REPORTED = "incident_reported"
INCIDENT_LINKED = "incident_linked"
EARLY_INTERVENTION = "early_intervention"
SUPPORT_REFERRAL_MADE = "support_referral_made"
SUPPORT_REFERRAL_UPDATED = "support_referral_updated"
CONSULTATION_RECORDED = "consultation_recorded"
PROPORTIONALITY_ASSESSED = "proportionality_assessed"
CPW_ISSUED = "cpw_issued"
CPN_ISSUED = "cpn_issued"
CPN_APPEAL_LODGED = "cpn_appeal_lodged"
CPN_APPEAL_DECIDED = "cpn_appeal_decided"
BREACH_RECORDED = "breach_recorded"
FPN_ISSUED = "fpn_issued"
FPN_PAID = "fpn_paid"
PROSECUTION_STARTED = "prosecution_started"
CONVICTION_RECORDED = "conviction_recorded"
CBO_GRANTED = "cbo_granted"
CBO_VARIED = "cbo_varied"
CBO_DISCHARGED = "cbo_discharged"
CBO_REVIEWED = "cbo_reviewed"
RESPECT_ORDER_APPLIED = "respect_order_applied"
RESPECT_ORDER_GRANTED = "respect_order_granted"
RESPECT_ORDER_DISCHARGED = "respect_order_discharged"
INJUNCTION_APPLIED = "injunction_applied"
INJUNCTION_GRANTED = "injunction_granted"
INJUNCTION_VARIED = "injunction_varied"
INJUNCTION_DISCHARGED = "injunction_discharged"
ARRESTED = "arrested"
COURT_APPEARANCE = "court_appearance"
ARREST_APPLICANT_INFORMED = "arrest_applicant_informed"
ITEMS_SURRENDERED = "items_surrendered"
SURRENDERED_ITEMS_RESOLVED = "surrendered_items_resolved"
COMMITTAL_DECIDED = "committal_decided"
DISPERSAL_DIRECTION_GIVEN = "dispersal_direction_given"
OVERRIDE_AUTHORISED = "override_authorised"
ENTRY_CORRECTED = "entry_corrected"
EVIDENCE_ATTACHED = "evidence_attached"
SHARING_AGREED = "sharing_agreed"
SHARING_REVOKED = "sharing_revoked"
PATHWAY_CLOSED = "pathway_closed"
PATHWAY_REOPENED = "pathway_reopened"
SUBJECT_ERASED = "subject_erased"
PROCESSING_RESTRICTED = "processing_restricted"
RESTRICTION_LIFTED = "restriction_lifted"
CLOSURE_NOTICE_ISSUED = "closure_notice_issued"
CLOSURE_NOTICE_SERVED = "closure_notice_served"
CLOSURE_NOTICE_EXTENDED = "closure_notice_extended"
CLOSURE_NOTICE_CANCELLED = "closure_notice_cancelled"
CLOSURE_ORDER_APPLIED = "closure_order_applied"
CLOSURE_ORDER_GRANTED = "closure_order_granted"
CLOSURE_ORDER_EXTENDED = "closure_order_extended"
CLOSURE_ORDER_DISCHARGED = "closure_order_discharged"
ENVIRONMENTAL_MEASURE_RECORDED = "environmental_measure_recorded"
OBJECTIVE_SET = "objective_set"
OUTCOME_REVIEW_HELD = "outcome_review_held"
