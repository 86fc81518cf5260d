"""One example request per step, shown in the OpenAPI document and checked by a test.

The ids are fixed so the examples read as one story: the warning `CPW` is the one the CPN
escalates, the injunction `INJ` is the one the arrest is made under, and so on.
"""

from __future__ import annotations

from typing import Any

from domain import steps

CPW = "3f1c2a60-1b1e-4c1a-9d51-2f7a8e0c0a01"
CPN = "3f1c2a60-1b1e-4c1a-9d51-2f7a8e0c0a02"
FPN = "3f1c2a60-1b1e-4c1a-9d51-2f7a8e0c0a03"
PROSECUTION = "3f1c2a60-1b1e-4c1a-9d51-2f7a8e0c0a04"
CBO = "3f1c2a60-1b1e-4c1a-9d51-2f7a8e0c0a05"
INJ = "3f1c2a60-1b1e-4c1a-9d51-2f7a8e0c0a06"
ARREST = "3f1c2a60-1b1e-4c1a-9d51-2f7a8e0c0a07"
DISPERSAL = "3f1c2a60-1b1e-4c1a-9d51-2f7a8e0c0a08"
REFERRAL = "3f1c2a60-1b1e-4c1a-9d51-2f7a8e0c0a09"
INCIDENT = "3f1c2a60-1b1e-4c1a-9d51-2f7a8e0c0a10"
NOTICE = "3f1c2a60-1b1e-4c1a-9d51-2f7a8e0c0a11"
ORDER = "3f1c2a60-1b1e-4c1a-9d51-2f7a8e0c0a12"
OBJECTIVE = "3f1c2a60-1b1e-4c1a-9d51-2f7a8e0c0a13"
PLACE = "3f1c2a60-1b1e-4c1a-9d51-2f7a8e0c0a14"
PATHWAY = "3f1c2a60-1b1e-4c1a-9d51-2f7a8e0c0a15"
RESPECT = "3f1c2a60-1b1e-4c1a-9d51-2f7a8e0c0a16"


def _new(n: int) -> str:
    return f"7c9e6679-7425-40de-944b-e07fc1f90a{n:02d}"


STEP_EXAMPLES: dict[str, dict[str, Any]] = {
    steps.INCIDENT_LINKED: {
        "occurred_at": "2025-10-31T09:30:00+00:00", "incident_id": INCIDENT,
        "summary": "Seen on CCTV passing packages; resident at No. 14 intimidated",
        "conduct": "Drug dealing and intimidation of residents"},
    steps.EARLY_INTERVENTION: {
        "occurred_at": "2025-09-02T11:00:00+01:00", "intervention_id": _new(1),
        "kind": "warning_letter", "outcome": "Letter hand-delivered; conduct explained"},
    steps.SUPPORT_REFERRAL_MADE: {
        "occurred_at": "2025-09-03T10:00:00+01:00", "referral_id": REFERRAL,
        "service": "Marlshire Recovery Service", "need": "drug_alcohol",
        "method": "Warm handover at the door"},
    steps.SUPPORT_REFERRAL_UPDATED: {
        "occurred_at": "2025-09-10T10:00:00+01:00", "referral_id": REFERRAL,
        "status": "declined", "reason": "Says he does not need help"},
    steps.CONSULTATION_RECORDED: {
        "occurred_at": "2025-11-24T10:00:00+00:00", "consultation_id": _new(2),
        "body": "housing", "about_step": steps.INJUNCTION_APPLIED,
        "outcome": "Housing association supports an injunction"},
    steps.PROPORTIONALITY_ASSESSED: {
        "occurred_at": "2025-11-24T11:00:00+00:00", "assessment_id": _new(3),
        "for_step": steps.INJUNCTION_APPLIED,
        "lesser_measures": "Warning letter, CPW, CPN and FPN tried; conduct escalated",
        "vulnerability": "Drug dependency; support offered twice",
        "equality_act": "No protected characteristic affects the decision",
        "article_8": "Exclusion zone limited to Orchard Walk; home unaffected",
        "conclusion": "An injunction is necessary and proportionate"},
    steps.CPW_ISSUED: {
        "occurred_at": "2025-09-15T14:00:00+01:00", "instrument_id": CPW,
        "conduct": "Dealing and intimidation at Alder House",
        "requirements": ["Do not enter the grounds of Alder House"],
        "comply_by": "2025-09-29", "cpn_warning_stated": True, "consequences_explained": True,
        "rationale": "Conduct persistent and unreasonable; letter ignored",
        "evidence": [{"exhibit": "NC/1", "description": "Warning served in person"}]},
    steps.CPN_ISSUED: {
        "occurred_at": "2025-11-03T10:00:00+00:00", "instrument_id": CPN, "warning_id": CPW,
        "conduct": "Dealing and intimidation at Alder House",
        "requirements": ["Do not enter the grounds of Alder House"],
        "requirement_kinds": ["stop"], "expires_on": "2026-11-02",
        "comply_by": "2025-11-10T10:00:00+00:00", "issuer_authority": "constable",
        "appeal_information_given": True, "informed_bodies": ["Hearthstone Housing"]},
    steps.CPN_APPEAL_LODGED: {
        "occurred_at": "2025-11-12T10:00:00+00:00", "instrument_id": CPN,
        "court": "Elmsford Magistrates' Court"},
    steps.CPN_APPEAL_DECIDED: {
        "occurred_at": "2025-12-01T10:00:00+00:00", "instrument_id": CPN,
        "outcome": "dismissed"},
    steps.BREACH_RECORDED: {
        "occurred_at": "2025-11-14T21:40:00+00:00", "instrument_id": CPN,
        "description": "In Alder House grounds shouting at residents", "clause": "1",
        "incident_id": INCIDENT, "requirement_number": 1},
    steps.FPN_ISSUED: {
        "occurred_at": "2025-11-15T10:00:00+00:00", "instrument_id": FPN, "notice_id": CPN,
        "amount": "100.00", "payment_period_stated": True,
        "payee": "Elmsford Council, Community Safety, Town Hall, Elmsford",
        "payment_methods": ["online", "by telephone"]},
    steps.FPN_PAID: {"occurred_at": "2025-11-20T10:00:00+00:00", "instrument_id": FPN},
    steps.PROSECUTION_STARTED: {
        "occurred_at": "2025-12-01T10:00:00+00:00", "instrument_id": PROSECUTION,
        "offence": "Failure to comply with a CPN (s.48)", "relates_to": FPN},
    steps.CONVICTION_RECORDED: {
        "occurred_at": "2026-01-12T15:00:00+00:00", "instrument_id": PROSECUTION,
        "outcome": "convicted", "sentence": "Fine GBP 300"},
    steps.CBO_GRANTED: {
        "occurred_at": "2026-01-12T15:30:00+00:00", "instrument_id": CBO,
        "prosecution_id": PROSECUTION, "expires_on": "2028-01-11",
        "prohibitions": ["Not to enter Orchard Walk"]},
    steps.CBO_VARIED: {
        "occurred_at": "2026-09-01T10:00:00+00:00", "instrument_id": CBO,
        "applicant": "offender", "changes": "Exclusion zone reduced to Orchard Walk itself"},
    steps.CBO_DISCHARGED: {
        "occurred_at": "2027-09-01T10:00:00+00:00", "instrument_id": CBO,
        "applicant": "prosecution", "reason": "The offender has moved out of the county"},
    steps.CBO_REVIEWED: {
        "occurred_at": "2027-01-05T10:00:00+00:00", "instrument_id": CBO,
        "compliance": "No breach since the order was made",
        "support": "Mentoring with the youth offending team continues"},
    steps.RESPECT_ORDER_APPLIED: {
        "occurred_at": "2026-07-01T10:00:00+00:00", "instrument_id": RESPECT,
        "court": "Elmsford County Court",
        "prohibitions": ["Not to shout or swear at residents of Orchard Walk"],
        "requirements": ["Attend an alcohol treatment programme"],
        "supervisor": "Marlshire Recovery Service"},
    steps.RESPECT_ORDER_GRANTED: {
        "occurred_at": "2026-07-15T12:00:00+00:00", "instrument_id": RESPECT,
        "expires_on": "2028-07-14"},
    steps.RESPECT_ORDER_DISCHARGED: {
        "occurred_at": "2027-07-15T12:00:00+00:00", "instrument_id": RESPECT,
        "outcome": "discharged", "reason": "Conduct has stopped; order no longer necessary"},
    steps.INJUNCTION_APPLIED: {
        "occurred_at": "2025-11-25T10:00:00+00:00", "instrument_id": INJ,
        "court": "Elmsford County Court", "terms": ["Not to enter Orchard Walk green"],
        "power_of_arrest_sought": True, "power_of_arrest_ground": "violence_or_threat",
        "power_of_arrest_evidence": "Threatened a resident with a bottle on 14 November",
        "without_notice": False},
    steps.INJUNCTION_GRANTED: {
        "occurred_at": "2025-12-09T12:00:00+00:00", "instrument_id": INJ,
        "expires_on": "2026-12-08", "power_of_arrest": True,
        "power_of_arrest_expires_on": "2026-12-08",
        "power_of_arrest_terms": ["Not to enter Orchard Walk green"]},
    steps.INJUNCTION_VARIED: {
        "occurred_at": "2026-02-02T12:00:00+00:00", "instrument_id": INJ,
        "changes": "Exclusion zone extended to the garage lane"},
    steps.INJUNCTION_DISCHARGED: {
        "occurred_at": "2026-12-01T12:00:00+00:00", "instrument_id": INJ,
        "outcome": "discharged", "reason": "Moved out of the area"},
    steps.ARRESTED: {
        "occurred_at": "2026-06-13T20:00:00+01:00", "instrument_id": ARREST,
        "power": "power_of_arrest", "injunction_id": INJ, "clause": "1",
        "applicant_informed": True},
    steps.ARREST_APPLICANT_INFORMED: {
        "occurred_at": "2026-06-13T21:15:00+01:00", "instrument_id": ARREST,
        "applicant": "Hearthstone Housing", "method": "Telephone call to the duty solicitor"},
    steps.COURT_APPEARANCE: {
        "occurred_at": "2026-06-15T10:00:00+01:00", "instrument_id": ARREST,
        "court": "Elmsford County Court", "outcome": "Adjourned for committal hearing"},
    steps.COMMITTAL_DECIDED: {
        "occurred_at": "2026-06-29T12:00:00+01:00", "instrument_id": ARREST,
        "outcome": "suspended_committal", "sentence": "28 days suspended for 12 months"},
    steps.DISPERSAL_DIRECTION_GIVEN: {
        "occurred_at": "2025-10-17T23:00:00+01:00", "instrument_id": DISPERSAL,
        "authorisation_ref": "DISP/2025/14", "authorised_by_rank": "inspector",
        "exclusion_hours": 24, "area": "Orchard Walk green and bin store"},
    steps.ITEMS_SURRENDERED: {
        "occurred_at": "2025-10-17T23:05:00+01:00", "instrument_id": DISPERSAL,
        "items": ["Portable speaker", "Two cans of spray paint"], "required_by": "PC 2231 Ames",
        "written_notice_given": True},
    steps.SURRENDERED_ITEMS_RESOLVED: {
        "occurred_at": "2025-10-20T10:00:00+01:00", "instrument_id": DISPERSAL,
        "outcome": "returned", "by": "PC 2231 Ames", "note": "Collected at Elmsford station"},
    steps.OVERRIDE_AUTHORISED: {
        "occurred_at": "2025-11-24T12:00:00+00:00", "override_id": _new(4),
        "for_step": steps.INJUNCTION_APPLIED, "guard_code": "support_not_offered",
        "reason": "Immediate risk of violence to a resident; support was offered and refused"},
    steps.ENTRY_CORRECTED: {
        "occurred_at": "2025-11-16T09:00:00+00:00", "corrected_version": 3,
        "correction": "The incident happened at 21:40, not 20:40",
        "reason": "Time misread from the CAD log"},
    steps.EVIDENCE_ATTACHED: {
        "occurred_at": "2025-11-16T09:30:00+00:00", "relates_to_version": 3,
        "note": "CCTV still attached",
        "evidence": [{"exhibit": "NC/2", "description": "CCTV still",
                      "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                      "media_type": "image/jpeg"}]},
    steps.SHARING_AGREED: {
        "occurred_at": "2025-11-10T09:00:00+00:00", "partner_agency": "Elmsford Homes",
        "purpose": "Joint problem-solving of the ASB at Alder House (tenancy enforcement)",
        "gateway": "cda1998_s115", "agreed_by": "DI Hale (information asset owner)",
        "until": "2026-05-10"},
    steps.SHARING_REVOKED: {
        "occurred_at": "2026-02-01T09:00:00+00:00", "partner_agency": "Elmsford Homes",
        "reason": "The tenancy ended; the partner no longer needs the case"},
    steps.PATHWAY_CLOSED: {
        "occurred_at": "2026-10-01T10:00:00+01:00", "outcome": "resolved",
        "summary": "No reports for six months"},
    steps.SUBJECT_ERASED: {
        "occurred_at": "2027-01-04T10:00:00+00:00", "ground": "art17_request",
        "reason": "Erasure requested by the subject; retention review found no legal hold",
        "request_reference": "DPO/2027/12"},
    steps.PROCESSING_RESTRICTED: {
        "occurred_at": "2026-11-16T10:00:00+00:00", "ground": "accuracy_contested",
        "reason": "The subject contests the incident dates recorded in October",
        "restricted_by": "Sgt 1402 Okafor (ASB supervisor)"},
    steps.RESTRICTION_LIFTED: {
        "occurred_at": "2026-11-30T10:00:00+00:00",
        "reason": "Dates checked against the CAD log and confirmed; subject informed (Art 18(3))"},
    steps.PATHWAY_REOPENED: {
        "occurred_at": "2026-11-02T10:00:00+00:00",
        "reason": "New reports of intimidation at Alder House since 28 October"},
    # ------------------------------------------------------------------ place track
    steps.CLOSURE_NOTICE_ISSUED: {
        "occurred_at": "2025-10-21T10:00:00+01:00", "instrument_id": NOTICE,
        "duration_hours": 24, "authorised_by_rank": "inspector",
        "premises": "Garage lane and side path off Orchard Walk green",
        "access_exceptions": ["Emergency services"], "occupiers_informed": True},
    steps.CLOSURE_NOTICE_SERVED: {
        "occurred_at": "2025-10-21T10:40:00+01:00", "instrument_id": NOTICE,
        "served_by": "PC 2231 Ames", "fixed_at": "Front door and side gate",
        "copies_given_to": ["The tenant"]},
    steps.CLOSURE_NOTICE_EXTENDED: {
        "occurred_at": "2025-10-22T08:30:00+01:00", "instrument_id": NOTICE,
        "additional_hours": 24, "authorised_by_rank": "superintendent"},
    steps.CLOSURE_NOTICE_CANCELLED: {
        "occurred_at": "2025-10-22T09:00:00+01:00", "instrument_id": NOTICE,
        "reason": "Premises secured by the owner"},
    steps.CLOSURE_ORDER_APPLIED: {
        "occurred_at": "2025-10-22T11:00:00+01:00", "instrument_id": ORDER,
        "notice_id": NOTICE, "court": "Elmsford Magistrates' Court",
        "hearing_at": "2025-10-23T09:30:00+01:00"},
    steps.CLOSURE_ORDER_GRANTED: {
        "occurred_at": "2025-10-23T09:50:00+01:00", "instrument_id": ORDER,
        "expires_on": "2026-01-22", "access_exceptions": ["Emergency services"]},
    steps.CLOSURE_ORDER_EXTENDED: {
        "occurred_at": "2026-01-15T11:00:00+00:00", "instrument_id": ORDER,
        "expires_on": "2026-04-22", "authorised_by_rank": "superintendent", "consulted": True},
    steps.CLOSURE_ORDER_DISCHARGED: {
        "occurred_at": "2026-03-27T12:00:00+00:00", "instrument_id": ORDER,
        "reason": "Works complete"},
    steps.ENVIRONMENTAL_MEASURE_RECORDED: {
        "occurred_at": "2025-11-14T10:00:00+00:00", "measure_id": _new(5),
        "measure": "Fencing along the garage lane", "cost_pence": 280000,
        "funded_by": "Hearthstone Housing estate budget"},
    steps.OBJECTIVE_SET: {
        "occurred_at": "2025-10-01T10:00:00+01:00", "objective_id": OBJECTIVE,
        "description": "Reduce reported ASB at the green by 75% within six months",
        "target_reduction_percent": 75, "baseline_from": "2025-07-01",
        "baseline_to": "2025-09-30", "review_months": [3, 6, 12]},
    steps.OUTCOME_REVIEW_HELD: {
        "occurred_at": "2026-01-08T14:00:00+00:00", "objective_id": OBJECTIVE, "months": 3,
        "incidents_before": 40, "incidents_after": 8, "notes": "80% fewer: target met"},
}

OPEN_PATHWAY_EXAMPLE: dict[str, Any] = {
    "occurred_at": "2025-09-01T09:00:00+01:00",
    "subject": {"name": "Dean Harrow", "date_of_birth": "1991-05-14"},
    "conduct_summary": "Dealing and intimidation of residents at Alder House",
    "issue_tags": ["drugs", "intimidation"],
}

REGISTER_PLACE_EXAMPLE: dict[str, Any] = {
    "occurred_at": "2025-07-01T09:00:00+01:00", "name": "Orchard Walk green",
    "kind": "public_space", "address": "Orchard Walk, Elmsford",
    "problem_activity": "Drug use, dealing and intimidation of residents",
}

REPORT_INCIDENT_EXAMPLE: dict[str, Any] = {
    "occurred_at": "2025-10-30T22:15:00+00:00", "category": "Drug dealing and intimidation",
    "location": "Alder House, Orchard Walk", "description": "Seen on CCTV passing packages",
    "source": "999/101 call", "reference": "CAD 251030-0142", "place_id": PLACE,
    "subject_pathway_ids": [PATHWAY],
}
