"""Neutral words for each step: the action taken, its category, a factual description and
its legal significance.

Descriptions state what was recorded, never an opinion.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from adapters.driven.exports.facts import CaseFacts
from adapters.driven.exports.text import day, label, moment, money, need, numbered, yes_no
from domain import steps
from domain.events.base import DomainEvent
from domain.rulesets import rule_set_by_id
from domain.rules_court import GROUNDS

Describer = Callable[[Any, CaseFacts], str]


def step_name(step: str) -> str:
    """`cpn_issued` -> `Community Protection Notice issued`."""
    spec = steps.LOGGED.get(step)
    return spec.done if spec is not None else label(step)


def action(step: str) -> tuple[str, str]:
    """(action taken, category) for a chronology row."""
    spec = steps.LOGGED.get(step)
    return (spec.done, spec.category) if spec is not None else (label(step), "")


#: The statutory gateways a sharing agreement may rest on, as a reader cites them.
GATEWAYS = {
    "cda1998_s115": "Crime and Disorder Act 1998 s.115",
    "cda1998_s17": "Crime and Disorder Act 1998 s.17",
    "asbcpa2014_s104": "Anti-social Behaviour, Crime and Policing Act 2014 s.104",
    "ukgdpr_art6_1e": "UK GDPR Art 6(1)(e) under an information sharing agreement",
}


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
    text += f" Power of arrest sought: {yes_no(e.power_of_arrest_sought)}"
    if e.power_of_arrest_ground:
        text += f", on the ground that {GROUNDS[e.power_of_arrest_ground]}"
        if e.power_of_arrest_evidence:
            text += f"; evidence: {e.power_of_arrest_evidence}"
    text += "."
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
        attached = (f" to {numbered(e.power_of_arrest_terms)}" if e.power_of_arrest_terms
                    else "")
        text += f" Power of arrest attached{attached}{until}."
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
    steps.PATHWAY_OPENED: lambda e, f: f"Case opened: {e.conduct_summary or 'no summary recorded'}."
    + (f" Issue tags: {', '.join(e.issue_tags)}." if e.issue_tags else ""),
    steps.PLACE_REGISTERED: lambda e, f: f"{e.name} ({label(e.kind)}). {e.description}".strip(),
    steps.EARLY_INTERVENTION: lambda e, f: f"{label(e.kind).capitalize()}."
    + (f" Outcome: {e.outcome}." if e.outcome else "")
    + (f" Review on {day(e.review_on)}." if e.review_on else ""),
    steps.SUPPORT_REFERRAL_MADE: lambda e, f: f"Referral to {e.service} ({need(e.need.value)})."
    + (f" Method: {e.method}." if e.method else ""),
    steps.SUPPORT_REFERRAL_UPDATED: lambda e, f: f"Referral ({f.opened_detail(e.referral_id)}) "
    f"{label(e.status)}." + (f" {e.reason}." if e.reason else ""),
    steps.CONSULTATION_RECORDED: lambda e, f: f"Consulted: {label(e.body)}"
    + (f", before the step \"{step_name(e.about_step)}\"" if e.about_step else "") + "."
    + (f" Outcome: {e.outcome}." if e.outcome else ""),
    steps.PROPORTIONALITY_ASSESSED: lambda e, f: "; ".join(p for p in (
        f"Conclusion: {e.conclusion}",
        f"lesser measures: {e.lesser_measures}" if e.lesser_measures else "",
        f"vulnerability: {e.vulnerability}" if e.vulnerability else "",
        f"Equality Act: {e.equality_act}" if e.equality_act else "",
        f"Article 8: {e.article_8}" if e.article_8 else "",
        "disability indicated" if e.disability_indicated else "") if p) + ".",
    steps.CPW_ISSUED: _cpw,
    steps.CPN_ISSUED: _cpn,
    steps.CPN_APPEAL_LODGED: lambda e, f: f"Appeal against {f.instrument_label(e.instrument_id)} "
    f"lodged at {e.court}.",
    steps.CPN_APPEAL_DECIDED: lambda e, f: f"Appeal against {f.instrument_label(e.instrument_id)}: "
    f"{e.outcome}.",
    steps.BREACH_RECORDED: _breach,
    steps.FPN_ISSUED: lambda e, f: f"Fixed penalty of {money(e.amount)} for failing to comply with "
    f"{f.instrument_label(e.notice_id)}.",
    steps.FPN_PAID: lambda e, f: f"{f.instrument_label(e.instrument_id).capitalize()} paid.",
    steps.PROSECUTION_STARTED: lambda e, f: f"{e.offence}, at {e.court}."
    + (f" Relates to {f.instrument_label(e.relates_to)}." if e.relates_to else ""),
    steps.CONVICTION_RECORDED: lambda e, f: f"{label(e.outcome).capitalize()} in "
    f"{f.instrument_label(e.instrument_id)}." + (f" Sentence: {e.sentence}." if e.sentence else ""),
    steps.CBO_GRANTED: lambda e, f: "Criminal Behaviour Order made"
    + (f" until {day(e.expires_on)}" if e.expires_on else "") + "."
    + (f" Prohibitions: {numbered(e.prohibitions)}." if e.prohibitions else "")
    + (f" Requirements: {numbered(e.requirements)}; supervisor: {e.supervisor or 'not named'}."
       if e.requirements else ""),
    steps.INJUNCTION_APPLIED: _applied,
    steps.INJUNCTION_GRANTED: _granted,
    steps.INJUNCTION_VARIED: lambda e, f: f"{f.instrument_label(e.instrument_id).capitalize()} "
    f"varied: {e.changes}." + (f" Now until {day(e.expires_on)}." if e.expires_on else ""),
    steps.INJUNCTION_DISCHARGED: lambda e, f: f"{f.instrument_label(e.instrument_id).capitalize()} "
    f"{e.outcome}." + (f" {e.reason}." if e.reason else ""),
    steps.ARRESTED: _arrested,
    steps.COURT_APPEARANCE: lambda e, f: f"Before {e.court} after {f.instrument_label(e.instrument_id)}."
    + (f" Outcome: {e.outcome}." if e.outcome else ""),
    steps.COMMITTAL_DECIDED: lambda e, f: f"Committal after {f.instrument_label(e.instrument_id)}: "
    f"{label(e.outcome)}." + (f" {e.sentence}." if e.sentence else ""),
    steps.DISPERSAL_DIRECTION_GIVEN: lambda e, f: f"Direction to leave {e.area} and not return for "
    f"{e.exclusion_hours} hours. Authorisation {e.authorisation_ref} "
    f"({label(e.authorised_by_rank)}). In writing: {yes_no(e.given_in_writing)}.",
    steps.OVERRIDE_AUTHORISED: lambda e, f: f"Guard {e.guard_code} overridden for the step "
    f"\"{step_name(e.for_step)}\". Reason: {e.reason}.",
    steps.ENTRY_CORRECTED: lambda e, f: f"Entry {f.row(f.by_version[e.corrected_version])} corrected"
    f": {e.correction}. Reason: {e.reason}." if e.corrected_version in f.by_version
    else f"Correction: {e.correction}. Reason: {e.reason}.",
    steps.EVIDENCE_ATTACHED: lambda e, f: f"Evidence attached. {e.note}".strip(),
    steps.SHARING_AGREED: lambda e, f: f"Shared with {e.partner_agency} for: {e.purpose}. "
    f"Gateway: {GATEWAYS.get(e.gateway, e.gateway)}; agreed by {e.agreed_by}"
    + (f"; until {day(e.until)}." if e.until else "; until revoked."),
    steps.SHARING_REVOKED: lambda e, f: f"Sharing with {e.partner_agency} ended: {e.reason}.",
    steps.PATHWAY_CLOSED: lambda e, f: f"Case closed: {label(e.outcome)}."
    + (f" {e.summary}" if e.summary else ""),
    steps.CLOSURE_NOTICE_ISSUED: _closure_notice,
    steps.CLOSURE_NOTICE_EXTENDED: lambda e, f: f"{f.instrument_label(e.instrument_id).capitalize()} "
    f"extended by {e.additional_hours} hours, authorised by {label(e.authorised_by_rank)}.",
    steps.CLOSURE_NOTICE_CANCELLED: lambda e, f: f"{f.instrument_label(e.instrument_id).capitalize()} "
    f"cancelled: {e.reason}.",
    steps.CLOSURE_ORDER_APPLIED: lambda e, f: f"Application to {e.court} after "
    f"{f.instrument_label(e.notice_id)}; hearing listed {moment(e.hearing_at)}.",
    steps.CLOSURE_ORDER_GRANTED: lambda e, f: f"Closure order made on "
    f"{f.instrument_label(e.instrument_id)} until {day(e.expires_on)}. Access exceptions: "
    f"{'; '.join(e.access_exceptions) or 'none recorded'}.",
    steps.CLOSURE_ORDER_EXTENDED: lambda e, f: f"{f.instrument_label(e.instrument_id).capitalize()} "
    f"extended to {day(e.expires_on)}, authorised by {label(e.authorised_by_rank)}; "
    f"consulted: {yes_no(e.consulted)}.",
    steps.CLOSURE_ORDER_DISCHARGED: lambda e, f: f"{f.instrument_label(e.instrument_id).capitalize()} "
    f"discharged: {e.reason}.",
    steps.ENVIRONMENTAL_MEASURE_RECORDED: lambda e, f: f"{e.measure}."
    + (f" Cost {money(e.cost_pence / 100)}." if e.cost_pence else "")
    + (f" Funded by {e.funded_by}." if e.funded_by else ""),
    steps.OBJECTIVE_SET: lambda e, f: f"{e.description} (target -{e.target_reduction_percent}% "
    f"against {day(e.baseline_from)} to {day(e.baseline_to)}).",
    steps.OUTCOME_REVIEW_HELD: lambda e, f: f"{e.months}-month review: {e.incidents_before} "
    f"incidents before, {e.incidents_after} after." + (f" {e.notes}." if e.notes else ""),
}


def describe(event: DomainEvent, facts: CaseFacts) -> str:
    fn = DESCRIBE.get(event.step)
    text = fn(event, facts) if fn else steps.done(event.step) + "."
    if event.rationale:
        text += f" Reason recorded: {event.rationale}"
        text += "" if event.rationale.endswith(".") else "."
    return text.replace("..", ".")


def _closure_notice_significance(e: Any, f: CaseFacts) -> str:
    hours = rule_set_by_id(e.rule_set).closure_hearing_window_hours
    return f"closure notice served (s.76); hearing within {hours} hours (s.80(3))"


#: Significance that depends on what the event records; the rest is the step's own.
SIGNIFICANCE: dict[str, Describer] = {
    steps.CPW_ISSUED: lambda e, f: "CPW served (s.43(5)(a)); time to comply ends "
    f"{moment(e.comply_by)}",
    steps.BREACH_RECORDED: lambda e, f: f"breach of {e.clause or 'the terms'} of "
    f"{f.instrument_label(e.instrument_id)}",
    steps.CONVICTION_RECORDED: lambda e, f: "conviction (court finding)"
    if e.outcome == "convicted" else "acquittal",
    steps.INJUNCTION_APPLIED: lambda e, f: ("without-notice application" if e.without_notice
                                            else "application on notice")
    + ("; power of arrest sought" if e.power_of_arrest_sought else ""),
    steps.INJUNCTION_GRANTED: lambda e, f: ("interim injunction made" if e.interim
                                            else "injunction made")
    + ("; power of arrest attached" if e.power_of_arrest else ""),
    steps.COMMITTAL_DECIDED: lambda e, f: f"committal: {label(e.outcome)}",
    steps.SUPPORT_REFERRAL_UPDATED: lambda e, f: f"support {label(e.status)}",
    steps.PROPORTIONALITY_ASSESSED: lambda e, f: "proportionality and equality assessment"
    + (f" before the step \"{step_name(e.for_step)}\"" if e.for_step else ""),
    steps.OVERRIDE_AUTHORISED: lambda e, f: f"supervisor override of SOFT guard {e.guard_code}",
    steps.CLOSURE_NOTICE_ISSUED: _closure_notice_significance,
}


def significance(event: DomainEvent, facts: CaseFacts) -> str:
    """Column 14: e.g. 'CPW served; time to comply ends ...', 'breach of Requirement 1 of the CPN'."""
    fn = SIGNIFICANCE.get(event.step)
    if fn is not None:
        return fn(event, facts)
    spec = steps.LOGGED.get(event.step)
    return spec.significance if spec is not None else ""


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
