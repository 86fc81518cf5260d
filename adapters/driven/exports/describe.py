"""Neutral words for each step: the action taken, its category, a factual description and
its legal significance (DOMAIN.md (d), chronology columns 4, 6, 14 and 15).

Descriptions state what was recorded, never an opinion.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from adapters.driven.exports.facts import CaseFacts
from adapters.driven.exports.text import day, label, moment, money, need, numbered, yes_no
from domain.events.base import DomainEvent
from domain.rulesets import rule_set_by_id

#: step -> (action taken, category)
ACTIONS: dict[str, tuple[str, str]] = {
    "pathway_opened": ("Case opened", "case"),
    "place_registered": ("Place registered", "case"),
    "incident_reported": ("Incident reported", "incident"),
    "incident_linked": ("Incident linked to the case", "evidence"),
    "early_intervention": ("Early intervention", "warning"),
    "support_referral_made": ("Support referral offered", "referral"),
    "support_referral_updated": ("Support referral updated", "referral"),
    "consultation_recorded": ("Consultation recorded", "consultation"),
    "proportionality_assessed": ("Proportionality assessment", "assessment"),
    "cpw_issued": ("Community Protection Warning issued", "CPW"),
    "cpn_issued": ("Community Protection Notice issued", "CPN"),
    "cpn_appeal_lodged": ("CPN appeal lodged", "appeal"),
    "cpn_appeal_decided": ("CPN appeal decided", "appeal"),
    "breach_recorded": ("Breach recorded", "breach"),
    "fpn_issued": ("Fixed Penalty Notice issued", "FPN"),
    "fpn_paid": ("Fixed Penalty Notice paid", "FPN"),
    "prosecution_started": ("Prosecution started", "prosecution"),
    "conviction_recorded": ("Court outcome recorded", "hearing"),
    "cbo_granted": ("Criminal Behaviour Order made", "order"),
    "injunction_applied": ("Injunction applied for", "application"),
    "injunction_granted": ("Injunction granted", "order"),
    "injunction_varied": ("Injunction varied", "order"),
    "injunction_discharged": ("Injunction discharged or refused", "order"),
    "arrested": ("Arrest", "arrest"),
    "court_appearance": ("Court appearance", "hearing"),
    "committal_decided": ("Committal decision", "hearing"),
    "dispersal_direction_given": ("Dispersal direction given", "dispersal"),
    "override_authorised": ("Override of a SOFT guard authorised", "authorisation"),
    "entry_corrected": ("Entry corrected", "correction"),
    "evidence_attached": ("Evidence attached", "evidence"),
    "pathway_closed": ("Case closed", "case"),
    "closure_notice_issued": ("Closure notice issued", "closure notice"),
    "closure_notice_extended": ("Closure notice extended", "closure notice"),
    "closure_notice_cancelled": ("Closure notice cancelled", "closure notice"),
    "closure_order_applied": ("Closure order applied for", "application"),
    "closure_order_granted": ("Closure order made", "order"),
    "closure_order_extended": ("Closure order extended", "order"),
    "closure_order_discharged": ("Closure order discharged", "order"),
    "environmental_measure_recorded": ("Environmental measure recorded", "problem-solving"),
    "objective_set": ("SMART objective set", "problem-solving"),
    "outcome_review_held": ("Outcome review held", "problem-solving"),
}

Describer = Callable[[Any, CaseFacts], str]


def step_name(step: str) -> str:
    """`cpn_issued` -> `Community Protection Notice issued`."""
    return ACTIONS.get(step, (label(step),))[0]


def _of(label_text: str) -> str:
    """'the injunction of 25 November 2025 (row x)' -> '25 November 2025 (row x)'."""
    return label_text.split(" of ", 1)[1] if " of " in label_text else label_text


def _cpw(e: Any, f: CaseFacts) -> str:
    return (f"Conduct: {e.conduct}. Requirements: {numbered(e.requirements)}. "
            f"Time to comply: by {moment(e.comply_by)}.")


def _cpn(e: Any, f: CaseFacts) -> str:
    comply = f" Compliance by {moment(e.comply_by)}." if e.comply_by else ""
    informed = f" Bodies informed: {', '.join(e.informed_bodies)}." if e.informed_bodies else ""
    return (f"Issued after {f.instrument_label(e.warning_id)}. Conduct: {e.conduct}. "
            f"Requirements: {numbered(e.requirements)}.{comply} Issuer: {label(e.issuer_authority)}."
            f" Appeal information given: {yes_no(e.appeal_information_given)}.{informed}")


def _breach(e: Any, f: CaseFacts) -> str:
    clause = f" ({e.clause})" if e.clause else ""
    return f"{e.description}{clause}. Breach of {f.instrument_label(e.instrument_id)}."


def _applied(e: Any, f: CaseFacts) -> str:
    text = f"Application to {e.court}. Terms sought: {numbered(e.terms)}."
    if e.positive_requirements:
        text += (f" Positive requirements: {numbered(e.positive_requirements)}; supervisor: "
                 f"{e.supervisor or 'not named'}.")
    text += f" Power of arrest sought: {yes_no(e.power_of_arrest_sought)}."
    if e.without_notice:
        text += f" Without notice: {e.without_notice_justification or 'no justification recorded'}."
    else:
        text += " On notice."
    return text


def _granted(e: Any, f: CaseFacts) -> str:
    text = "Interim injunction granted" if e.interim else "Injunction granted"
    text += f" on the application of {_of(f.instrument_label(e.instrument_id))}"
    text += f", until {day(e.expires_on)}." if e.expires_on else ", until further order."
    if e.power_of_arrest:
        until = f" until {day(e.power_of_arrest_expires_on)}" if e.power_of_arrest_expires_on else ""
        text += f" Power of arrest attached{until}."
    if e.terms:
        text += f" Terms: {numbered(e.terms)}."
    return text


def _arrested(e: Any, f: CaseFacts) -> str:
    power = {"power_of_arrest": "the injunction's power of arrest (s.9)",
             "warrant": "a warrant (s.10)", "pace_s24": "PACE 1984 s.24"}[e.power]
    under = f" in respect of {f.instrument_label(e.injunction_id)}" if e.injunction_id else ""
    clause = f" Clause: {e.clause}." if e.clause else ""
    return (f"Arrested under {power}{under}.{clause} "
            f"Applicant informed: {yes_no(e.applicant_informed)}.")


def _closure_notice(e: Any, f: CaseFacts) -> str:
    exceptions = "; ".join(e.access_exceptions) or "none recorded"
    return (f"Premises: {e.premises}. Duration: {e.duration_hours} hours, authorised by "
            f"{label(e.authorised_by_rank)}. Access exceptions: {exceptions}. Occupiers "
            f"informed: {yes_no(e.occupiers_informed)}.")


DESCRIBE: dict[str, Describer] = {
    "pathway_opened": lambda e, f: f"Case opened: {e.conduct_summary or 'no summary recorded'}."
    + (f" Issue tags: {', '.join(e.issue_tags)}." if e.issue_tags else ""),
    "place_registered": lambda e, f: f"{e.name} ({label(e.kind)}). {e.description}".strip(),
    "early_intervention": lambda e, f: f"{label(e.kind).capitalize()}."
    + (f" Outcome: {e.outcome}." if e.outcome else "")
    + (f" Review on {day(e.review_on)}." if e.review_on else ""),
    "support_referral_made": lambda e, f: f"Referral to {e.service} ({need(e.need.value)})."
    + (f" Method: {e.method}." if e.method else ""),
    "support_referral_updated": lambda e, f: f"Referral ({f.opened_detail(e.referral_id)}) "
    f"{label(e.status)}." + (f" {e.reason}." if e.reason else ""),
    "consultation_recorded": lambda e, f: f"Consulted: {label(e.body)}"
    + (f", before the step \"{step_name(e.about_step)}\"" if e.about_step else "") + "."
    + (f" Outcome: {e.outcome}." if e.outcome else ""),
    "proportionality_assessed": lambda e, f: "; ".join(p for p in (
        f"Conclusion: {e.conclusion}",
        f"lesser measures: {e.lesser_measures}" if e.lesser_measures else "",
        f"vulnerability: {e.vulnerability}" if e.vulnerability else "",
        f"Equality Act: {e.equality_act}" if e.equality_act else "",
        f"Article 8: {e.article_8}" if e.article_8 else "",
        "disability indicated" if e.disability_indicated else "") if p) + ".",
    "cpw_issued": _cpw,
    "cpn_issued": _cpn,
    "cpn_appeal_lodged": lambda e, f: f"Appeal against {f.instrument_label(e.instrument_id)} "
    f"lodged at {e.court}.",
    "cpn_appeal_decided": lambda e, f: f"Appeal against {f.instrument_label(e.instrument_id)}: "
    f"{e.outcome}.",
    "breach_recorded": _breach,
    "fpn_issued": lambda e, f: f"Fixed penalty of {money(e.amount)} for failing to comply with "
    f"{f.instrument_label(e.notice_id)}.",
    "fpn_paid": lambda e, f: f"{f.instrument_label(e.instrument_id).capitalize()} paid.",
    "prosecution_started": lambda e, f: f"{e.offence}, at {e.court}."
    + (f" Relates to {f.instrument_label(e.relates_to)}." if e.relates_to else ""),
    "conviction_recorded": lambda e, f: f"{label(e.outcome).capitalize()} in "
    f"{f.instrument_label(e.instrument_id)}." + (f" Sentence: {e.sentence}." if e.sentence else ""),
    "cbo_granted": lambda e, f: "Criminal Behaviour Order made"
    + (f" until {day(e.expires_on)}" if e.expires_on else "") + "."
    + (f" Prohibitions: {numbered(e.prohibitions)}." if e.prohibitions else "")
    + (f" Requirements: {numbered(e.requirements)}; supervisor: {e.supervisor or 'not named'}."
       if e.requirements else ""),
    "injunction_applied": _applied,
    "injunction_granted": _granted,
    "injunction_varied": lambda e, f: f"{f.instrument_label(e.instrument_id).capitalize()} "
    f"varied: {e.changes}." + (f" Now until {day(e.expires_on)}." if e.expires_on else ""),
    "injunction_discharged": lambda e, f: f"{f.instrument_label(e.instrument_id).capitalize()} "
    f"{e.outcome}." + (f" {e.reason}." if e.reason else ""),
    "arrested": _arrested,
    "court_appearance": lambda e, f: f"Before {e.court} after {f.instrument_label(e.instrument_id)}."
    + (f" Outcome: {e.outcome}." if e.outcome else ""),
    "committal_decided": lambda e, f: f"Committal after {f.instrument_label(e.instrument_id)}: "
    f"{label(e.outcome)}." + (f" {e.sentence}." if e.sentence else ""),
    "dispersal_direction_given": lambda e, f: f"Direction to leave {e.area} and not return for "
    f"{e.exclusion_hours} hours. Authorisation {e.authorisation_ref} "
    f"({label(e.authorised_by_rank)}). In writing: {yes_no(e.given_in_writing)}.",
    "override_authorised": lambda e, f: f"Guard {e.guard_code} overridden for the step "
    f"\"{step_name(e.for_step)}\". Reason: {e.reason}.",
    "entry_corrected": lambda e, f: f"Entry {f.row(f.by_version[e.corrected_version])} corrected"
    f": {e.correction}. Reason: {e.reason}." if e.corrected_version in f.by_version
    else f"Correction: {e.correction}. Reason: {e.reason}.",
    "evidence_attached": lambda e, f: f"Evidence attached. {e.note}".strip(),
    "pathway_closed": lambda e, f: f"Case closed: {label(e.outcome)}."
    + (f" {e.summary}" if e.summary else ""),
    "closure_notice_issued": _closure_notice,
    "closure_notice_extended": lambda e, f: f"{f.instrument_label(e.instrument_id).capitalize()} "
    f"extended by {e.additional_hours} hours, authorised by {label(e.authorised_by_rank)}.",
    "closure_notice_cancelled": lambda e, f: f"{f.instrument_label(e.instrument_id).capitalize()} "
    f"cancelled: {e.reason}.",
    "closure_order_applied": lambda e, f: f"Application to {e.court} after "
    f"{f.instrument_label(e.notice_id)}; hearing listed {moment(e.hearing_at)}.",
    "closure_order_granted": lambda e, f: f"Closure order made on "
    f"{f.instrument_label(e.instrument_id)} until {day(e.expires_on)}. Access exceptions: "
    f"{'; '.join(e.access_exceptions) or 'none recorded'}.",
    "closure_order_extended": lambda e, f: f"{f.instrument_label(e.instrument_id).capitalize()} "
    f"extended to {day(e.expires_on)}, authorised by {label(e.authorised_by_rank)}; "
    f"consulted: {yes_no(e.consulted)}.",
    "closure_order_discharged": lambda e, f: f"{f.instrument_label(e.instrument_id).capitalize()} "
    f"discharged: {e.reason}.",
    "environmental_measure_recorded": lambda e, f: f"{e.measure}."
    + (f" Cost {money(e.cost_pence / 100)}." if e.cost_pence else "")
    + (f" Funded by {e.funded_by}." if e.funded_by else ""),
    "objective_set": lambda e, f: f"{e.description} (target -{e.target_reduction_percent}% "
    f"against {day(e.baseline_from)} to {day(e.baseline_to)}).",
    "outcome_review_held": lambda e, f: f"{e.months}-month review: {e.incidents_before} "
    f"incidents before, {e.incidents_after} after." + (f" {e.notes}." if e.notes else ""),
}


def describe(event: DomainEvent, facts: CaseFacts) -> str:
    fn = DESCRIBE.get(event.step)
    text = fn(event, facts) if fn else ACTIONS.get(event.step, (event.step,))[0] + "."
    if event.rationale:
        text += f" Reason recorded: {event.rationale}"
        text += "" if event.rationale.endswith(".") else "."
    return text.replace("..", ".")


def significance(event: DomainEvent, facts: CaseFacts) -> str:
    """Column 14: e.g. 'CPW served; time to comply ends ...', 'breach of Requirement 1 of the CPN'."""
    e: Any = event
    step = event.step
    if step == "cpw_issued":
        return f"CPW served (s.43(5)(a)); time to comply ends {moment(e.comply_by)}"
    if step == "cpn_issued":
        return "CPN served (s.43); 21-day appeal period begins (s.46)"
    if step == "breach_recorded":
        what = e.clause or "the terms"
        return f"breach of {what} of {facts.instrument_label(e.instrument_id)}"
    if step == "fpn_issued":
        return "FPN issued (s.52): no proceedings for 14 days"
    if step == "fpn_paid":
        return "FPN paid: no conviction for the offence (s.52(4))"
    if step == "prosecution_started":
        return "criminal proceedings started"
    if step == "conviction_recorded":
        return "conviction (court finding)" if e.outcome == "convicted" else "acquittal"
    if step == "injunction_applied":
        extra = "; power of arrest sought" if e.power_of_arrest_sought else ""
        return ("without-notice application" if e.without_notice else "application on notice") + extra
    if step == "injunction_granted":
        poa = "; power of arrest attached" if e.power_of_arrest else ""
        return ("interim injunction made" if e.interim else "injunction made") + poa
    if step == "arrested":
        return "arrest: to be brought before a judge within 24 hours (s.9(3))"
    if step == "committal_decided":
        return f"committal: {label(e.outcome)}"
    if step == "support_referral_made":
        return "support offered"
    if step == "support_referral_updated":
        return f"support {label(e.status)}"
    if step == "early_intervention":
        return "lesser measure (non-statutory early intervention)"
    if step == "proportionality_assessed":
        about = f" before the step \"{step_name(e.for_step)}\"" if e.for_step else ""
        return f"proportionality and equality assessment{about}"
    if step == "consultation_recorded":
        return "consultation / informing appropriate bodies (s.14, s.43(6), s.76(7))"
    if step == "override_authorised":
        return f"supervisor override of SOFT guard {e.guard_code}"
    if step == "dispersal_direction_given":
        return "dispersal direction given (s.35); failing to comply is an offence (s.39)"
    if step == "closure_notice_issued":
        hours = rule_set_by_id(e.rule_set).closure_hearing_window_hours
        return f"closure notice served (s.76); hearing within {hours} hours (s.80(3))"
    if step == "closure_order_granted":
        return "closure order made (s.80)"
    return ""


def incident_significance(incident: Any, facts: CaseFacts) -> str:
    """Why an incident matters to the case: a recorded breach, or conduct after a deadline."""
    breaches: list[Any] = facts.breaches_of_incident.get(incident.originator_id, [])
    if breaches:
        return "; ".join(
            f"breach of {b.clause or 'the terms'} of {facts.instrument_label(b.instrument_id)}"
            for b in breaches)
    links = facts.links.get(incident.originator_id, [])
    conduct = {getattr(link, "conduct", None) for link in links} - {None}
    for w in facts.warnings if conduct else ():
        escalated = facts.escalated_at.get(w.instrument_id)
        if (w.conduct in conduct and incident.occurred_at > w.comply_by
                and (escalated is None or escalated >= incident.occurred_at)):
            return (f"conduct continued after the time to comply with "
                    f"{facts.instrument_label(w.instrument_id)} ended (s.43(5)(b)-(c))")
    return "conduct relied on" if conduct else ""
