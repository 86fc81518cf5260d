"""The proportionality statement: for every escalation step, numbered plain-English
paragraphs drawn from the log, as a draft for the lead officer's witness
statement. Each paragraph cites chronology rows and exhibits; nothing is inferred that the
log does not record, and what is missing is said to be missing.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from adapters.driven.exports.describe import step_name
from adapters.driven.exports.document import Column, Row
from adapters.driven.exports.facts import CaseFacts
from adapters.driven.exports.statement import exhibit_initials, maker_of
from adapters.driven.exports.text import day, label, moment, money, need
from domain import rules_records, steps
from domain.conduct import continuing_conduct
from domain.prior import assessments_before, consultations_before
from domain.events.base import DomainEvent
from domain.guards import GuardKind
from domain.registry import guards_for

COLUMNS: tuple[Column, ...] = (
    Column("para", "Para", "Paragraph number (1, 2, 3...), stable for a given log position"),
    Column("step_row_id", "Step row", "Chronology row of the escalation step (empty for the "
           "introduction)"),
    Column("heading", "Heading", "The step the paragraph belongs to"),
    Column("topic", "Topic", "introduction, decision, lesser measures tried, considered and "
           "rejected, support, vulnerability and equality, consultation, decision maker, "
           "overrides or statutory conditions"),
    Column("text", "Text", "The paragraph"),
    Column("exhibit_refs", "Exhibits", "Exhibit references the paragraph relies on"),
)

class _Paragraphs:
    def __init__(self, initials: str) -> None:
        self.rows: list[Row] = []
        self.initials = initials
        #: the log's exhibit reference -> the maker's (JR/1, JR/2 ... in order of mention)
        self.exhibits: dict[str, str] = {}
        self.described: dict[str, str] = {}

    def exhibit(self, ref: str, description: str = "") -> str:
        if ref not in self.exhibits:
            self.exhibits[ref] = f"{self.initials}/{len(self.exhibits) + 1}"
            self.described[ref] = description
        return self.exhibits[ref]

    def add(self, step_row: str, heading: str, topic: str, text: str,
            exhibits: str = "") -> None:
        self.rows.append({"para": str(len(self.rows) + 1), "step_row_id": step_row,
                          "heading": heading, "topic": topic, "text": text.strip(),
                          "exhibit_refs": exhibits})


def build(facts: CaseFacts) -> list[Row]:
    out = _Paragraphs(exhibit_initials(facts.name_of(maker_of(facts))))
    who = facts.title_name or facts.case_ref
    escalations = [e for e in facts.log.events if e.step in steps.ESCALATION_STEPS]
    intro = "Introduction"
    out.add("", intro, "introduction",
            f"This statement is drawn from the Pathway log of case {facts.case_ref} ({who}). "
            f"It sets out, for each of the {len(escalations)} escalation step"
            f"{'s' if len(escalations) != 1 else ''} recorded, the lesser measures tried and "
            "considered, the support offered and the response, the vulnerability, Equality Act "
            "2010 and Article 8 assessment, the consultation, the decision maker and any "
            "override of guidance, and the statutory conditions met. Row references are to "
            "the chronology exported from the same log position.")
    if facts.kind == "pathway" and facts.vulnerabilities:
        out.add("", intro, "vulnerability and equality",
                f"Vulnerabilities recorded when the case was opened: "
                f"{', '.join(facts.vulnerabilities)}.")
    if not escalations:
        out.add("", intro, "decision", "No escalation step is recorded in this case.")
    for e in escalations:
        _step(out, facts, e)
    if out.exhibits:
        listed = "; ".join(
            f"{mine}: {out.described[ref] or 'exhibit'} (logged as {ref})"
            for ref, mine in out.exhibits.items())
        out.add("", "Exhibits", "exhibits", f"I produce the following exhibits: {listed}.",
                ", ".join(out.exhibits.values()))
    return out.rows


def _step(out: _Paragraphs, facts: CaseFacts, e: DomainEvent) -> None:
    row = facts.row(e)
    action = step_name(e.step)
    heading = f"{action}, {day(e.occurred_at)} (row {row})"
    exhibits = ", ".join(out.exhibit(x.exhibit, x.description or "") for x in e.evidence)
    data: Any = e

    about = f" in respect of {facts.subject_name}" if facts.kind == "pathway" else ""
    decision = (f"On {moment(e.occurred_at)}, {facts.person(e)} recorded the step \"{action}\""
                f"{about}, under {e.legal_basis or 'no recorded legal basis'} (chronology row "
                f"{row}).")
    conduct = getattr(data, "conduct", None)
    if conduct:
        decision += f" The conduct: {conduct}."
    terms = getattr(data, "requirements", None) or getattr(data, "terms", None)
    if terms:
        decision += " Requirements/terms: " + "; ".join(
            f"({i}) {t}" for i, t in enumerate(terms, 1)) + "."
    if exhibits:
        decision += f" Exhibits: {exhibits}."
    out.add(row, heading, "decision", decision, exhibits)

    out.add(row, heading, "lesser measures tried", _lesser_tried(facts, e))
    out.add(row, heading, "considered and rejected", _considered(facts, e))
    out.add(row, heading, "support", _support(facts, e))
    out.add(row, heading, "vulnerability and equality", _assessment(facts, e))
    out.add(row, heading, "consultation", _consultation(facts, e))
    out.add(row, heading, "decision maker", _decision_maker(facts, e))
    out.add(row, heading, "overrides", _overrides(facts, e))
    out.add(row, heading, "statutory conditions", _hard_guards(facts, e))


def _lesser_tried(facts: CaseFacts, e: DomainEvent) -> str:
    level = _severity(e.step)
    tried = [x for x in facts.before(e, *steps.MEASURE_STEPS) if _severity(x.step) < level]
    if not tried:
        return "No lesser measure is recorded before this step."
    items = [f"({chr(97 + i) if i < 26 else i + 1}) {_measure(facts, x, e)}"
             for i, x in enumerate(tried)]
    return "Lesser measures tried before this step: " + "; ".join(items) + "."


def _severity(step: str) -> int:
    """How severe a measure is: the severity of the instrument it opens or moves."""
    return steps.ALL[step].severity or 0


def _measure(facts: CaseFacts, x: DomainEvent, until: DomainEvent) -> str:
    data: Any = x
    head = f"{step_name(x.step).lower()} on {day(x.occurred_at)} (row {facts.row(x)})"
    if x.step == steps.EARLY_INTERVENTION:
        return f"{label(data.kind)} on {day(x.occurred_at)} (row {facts.row(x)})" + (
            f": outcome recorded \"{data.outcome}\"" if data.outcome else ": no outcome recorded")
    if x.step == steps.ENVIRONMENTAL_MEASURE_RECORDED:
        return f"{data.measure} on {day(x.occurred_at)} (row {facts.row(x)})"
    if x.step == steps.CPW_ISSUED:
        later = _continued(facts, data.instrument_id, until)
        result = (f"; the conduct continued after it, on {day(later.occurred_at)} "
                  f"(row {facts.row(later)})" if later is not None
                  else "; no later conduct is linked before this step")
        return f"{head}: time to comply ended {moment(data.comply_by)}{result}"
    if x.step == steps.CPN_ISSUED:
        breaches = [b for b in facts.about.get(data.instrument_id, [])
                    if b.step == steps.BREACH_RECORDED and b.occurred_at <= until.occurred_at]
        if breaches:
            return head + ": breached on " + ", ".join(
                f"{day(b.occurred_at)} (row {facts.row(b)})" for b in breaches)
        return head + ": no breach recorded before this step"
    if x.step == steps.FPN_ISSUED:
        paid = [p for p in facts.about.get(data.instrument_id, [])
                if p.step == steps.FPN_PAID and p.occurred_at <= until.occurred_at]
        return head + f" ({money(data.amount)}): " + (
            f"paid on {day(paid[0].occurred_at)}" if paid else "not paid")
    if x.step == steps.PROSECUTION_STARTED:
        outcome = [c for c in facts.about.get(data.instrument_id, [])
                   if c.step == steps.CONVICTION_RECORDED and c.occurred_at <= until.occurred_at]
        return head + (f": {outcome[0].outcome} on {day(outcome[0].occurred_at)}"  # type: ignore[attr-defined]
                       if outcome else ": no outcome before this step")
    return head


def _considered(facts: CaseFacts, e: DomainEvent) -> str:
    parts = []
    reason = getattr(e, "lesser_measures_reason", None)
    if reason:
        parts.append(f"The reason recorded on this step for not using (further) lesser "
                     f"measures: \"{reason}\".")
    assessment: Any = _latest_assessment(facts, e)
    if assessment is not None and assessment.lesser_measures:
        parts.append(f"The assessment of {day(assessment.occurred_at)} (row "
                     f"{facts.row(assessment)}) records on lesser measures: "
                     f"\"{assessment.lesser_measures}\".")
    if e.rationale:
        parts.append(f"The rationale recorded: \"{e.rationale}\".")
    if not parts:
        return ("No lesser measure is recorded as considered and rejected, and no reason is "
                "recorded for rejecting one.")
    return " ".join(parts)


def _support(facts: CaseFacts, e: DomainEvent) -> str:
    offered = facts.before(e, steps.SUPPORT_REFERRAL_MADE)
    if not offered:
        return "No support referral was offered before this step."
    items = []
    for r in offered:
        data: Any = r
        updates = [u for u in facts.about.get(data.referral_id, [])
                   if u.step == steps.SUPPORT_REFERRAL_UPDATED and u.occurred_at <= e.occurred_at]
        response = "; ".join(
            f"{label(u.status)} on {day(u.occurred_at)} (row {facts.row(u)})"  # type: ignore[attr-defined]
            + (f", \"{u.reason}\"" if u.reason else "") for u in updates)  # type: ignore[attr-defined]
        items.append(f"{data.service} ({need(data.need.value)}) offered on "
                     f"{day(r.occurred_at)} (row {facts.row(r)}); response: "
                     f"{response or 'none recorded by then'}")
    return "Support offered before this step: " + "; ".join(items) + "."


def _latest_assessment(facts: CaseFacts, e: DomainEvent) -> DomainEvent | None:
    """The last assessment the engine counted for this step (domain.prior)."""
    case = facts.case_before(e)
    found = assessments_before(case.notes, e.step, e.occurred_at) if case is not None else []
    return facts.by_version.get(found[-1].version) if found else None


def _assessment(facts: CaseFacts, e: DomainEvent) -> str:
    parts = []
    age = facts.age_at(e)
    if age is not None:
        youth = " (under 18: youth provisions apply)" if age < 18 else ""
        parts.append(f"{facts.subject_name} was {age} on that day{youth}.")
    a: Any = _latest_assessment(facts, e)
    if a is None:
        parts.append("No proportionality, vulnerability or equality assessment is recorded "
                     "before this step.")
        return " ".join(parts)
    parts.append(f"The proportionality assessment by {facts.person(a)} on {moment(a.occurred_at)} "
                 f"(row {facts.row(a)}) records:")
    for name, value in (("vulnerability", a.vulnerability),
                        ("Equality Act 2010 (ss.15, 149)", a.equality_act),
                        ("Article 8", a.article_8)):
        parts.append(f"{name}: {value}." if value else f"{name}: not recorded.")
    if a.disability_indicated:
        parts.append("A disability is indicated: the s.15 structured test (legitimate aim, "
                     "rational connection, less intrusive means, overall balance) applies.")
    parts.append(f"Conclusion: {a.conclusion}.")
    return " ".join(parts).replace("..", ".")


def _consultation(facts: CaseFacts, e: DomainEvent) -> str:
    case = facts.case_before(e)
    notes = consultations_before(case.notes, e.step, e.occurred_at) if case is not None else []
    found = [facts.by_version[n.version] for n in notes if n.version in facts.by_version]
    parts = []
    for c in found:
        data: Any = c
        parts.append(f"{label(data.body)} on {day(c.occurred_at)} (row {facts.row(c)})"
                     + (f": \"{data.outcome}\"" if data.outcome else ""))
    text = ("Consultation before this step: " + "; ".join(parts) + "."
            if parts else "No consultation is recorded before this step.")
    informed = getattr(e, "informed_bodies", ())
    if informed:
        text += f" Bodies informed (s.43(6)): {', '.join(informed)}."
    age = facts.age_at(e)
    if age is not None and age < 18 and not any(getattr(c, "body", "") == "yot" for c in found):
        text += " No youth offending team consultation is recorded before this step."
    return text


def _decision_maker(facts: CaseFacts, e: DomainEvent) -> str:
    data: Any = e
    text = (f"Decision maker: {facts.person(e)}; decided {moment(e.occurred_at)}, recorded "
            f"{moment(e.recorded_at)}; rule set {e.rule_set}.")
    rank = getattr(data, "authorised_by_rank", None)
    if rank is not None:
        text += f" Authorised by: {label(rank.value if hasattr(rank, 'value') else rank)}."
    if e.on_behalf_of:
        text += f" On behalf of: {e.on_behalf_of}."
    if e.recorded_at - e.occurred_at > timedelta(hours=24):
        text += " The entry was made more than 24 hours after the decision."
    return text


def _overrides(facts: CaseFacts, e: DomainEvent) -> str:
    soft = [g for g in guards_for(e.step) if g.kind is GuardKind.SOFT]
    used = [facts.overrides[o] for o in e.overrides_used if o in facts.overrides]
    if not soft:
        return "No guidance applies to this step that could be overridden."
    parts = []
    for o in used:
        data: Any = o
        parts.append(f"the guidance \"{_guard_title(e.step, data.guard_code)}\" was "
                     f"overridden by {facts.person(o)} on "
                     f"{day(o.occurred_at)} (row {facts.row(o)}), reason: \"{data.reason}\"")
    overridden = {getattr(o, "guard_code", "") for o in used}
    met = [g.title.lower() for g in soft if g.code not in overridden]
    text = ""
    if parts:
        text = "Guidance overridden with a supervisor's authority: " + "; ".join(parts) + ". "
    if met:
        text += "Guidance met without override: " + "; ".join(met) + "."
    return text.strip()


def _guard_title(step: str, code: str) -> str:
    """A guard's plain-English title (its code is for machines, not for a court)."""
    found = [g.title for g in guards_for(step) if g.code == code]
    return found[0] if found else "guidance for this step"


def _continued(facts: CaseFacts, warning_id: Any, until: DomainEvent) -> DomainEvent | None:
    """The first incident showing the warned conduct continued, by the engine's own test
    (`domain.conduct.continuing_conduct`) over the case as it stood before `until`, with
    the conduct categories of the CPN that relied on the warning (the ones the engine
    checked); only links naming an incident in the log count."""
    case = facts.case_before(until)
    warning = case.instruments.get(warning_id) if case is not None else None
    if case is None or warning is None:
        return None
    links = [i for i in case.incidents if i.incident_id in facts.log.incidents]
    found = continuing_conduct(links, warning, until.occurred_at,
                               _notice_categories(facts, warning_id, until))
    return facts.log.incidents[found[0].incident_id][0] if found else None


def _notice_categories(facts: CaseFacts, warning_id: Any, until: DomainEvent) -> tuple[str, ...]:
    """The categories the engine tested with: those of `until` if it is a CPN on this
    warning, else of the first CPN on it before `until` (none: the warning's own)."""
    if until.step == steps.CPN_ISSUED and getattr(until, "warning_id", None) == warning_id:
        return tuple(getattr(until, "conduct_categories", ()))
    cpns = [x for x in facts.log.events
            if x.step == steps.CPN_ISSUED and getattr(x, "warning_id", None) == warning_id
            and x.originator_version <= until.originator_version]
    return tuple(getattr(cpns[0], "conduct_categories", ())) if cpns else ()


#: Guards of the record itself (one entry per thing done): not conditions of the step.
RECORD_GUARDS = frozenset(g.code for g in rules_records.GUARDS)


def _hard_guards(facts: CaseFacts, e: DomainEvent) -> str:
    hard = [g for g in guards_for(e.step)
            if g.kind is GuardKind.HARD and g.code not in RECORD_GUARDS]
    if not hard:
        return "No statutory condition is checked for this step."
    items = []
    for i, g in enumerate(hard):
        evidence = _guard_evidence(facts, e, g.code)
        # A guard shared by several powers cites, for this step, the provision recorded.
        basis = e.legal_basis if g.basis_of is not None and e.legal_basis else g.legal_basis
        items.append(f"({chr(97 + i)}) {g.title} ({basis}): {evidence}")
    return ("The statutory conditions were checked when the step was recorded, and met "
            "(the engine refuses the step otherwise): " + "; ".join(items) + ".")


def _guard_evidence(facts: CaseFacts, e: DomainEvent, code: str) -> str:
    data: Any = e
    age = facts.age_at(e)
    if code.endswith("minimum_age") and age is not None:
        return f"aged {age} on the day"
    if code.startswith("youth_") and age is not None and age >= 18:
        return f"not applicable, aged {age}"
    if code == "cpn_requires_prior_warning" or code == "cpn_before_warning_deadline":
        w: Any = facts.opened.get(data.warning_id)
        if w is None:
            return "warning not found in this log"
        if code == "cpn_requires_prior_warning":
            return f"CPW of {day(w.occurred_at)} on the same conduct (row {facts.row(w)})"
        return f"the CPW's time to comply ended {moment(w.comply_by)}"
    if code == "cpn_requires_continuing_conduct":
        later = _continued(facts, data.warning_id, e)
        return (f"incident of {day(later.occurred_at)} (row {facts.row(later)}) after "
                "the deadline" if later is not None else
                "no incident linked before this step meets the test as the log stands "
                "(a linked id that names no incident is not relied on)")
    if code == "fpn_requires_cpn_breach":
        breaches = [b for b in facts.about.get(data.notice_id, []) if b.step == steps.BREACH_RECORDED]
        return (f"breach of the CPN recorded {day(breaches[-1].occurred_at)} (row "
                f"{facts.row(breaches[-1])})" if breaches else "breach recorded")
    if code == "fpn_amount_cap":
        return f"amount {money(data.amount)}"
    if code == "prosecution_during_fpn_period" and data.relates_to in facts.opened:
        fpn = facts.opened[data.relates_to]
        return f"started {day(e.occurred_at)}, after the FPN of {day(fpn.occurred_at)}"
    if code == "positive_requirements_need_supervisor":
        reqs = getattr(data, "positive_requirements", ())
        return (f"supervisor named: {data.supervisor}" if reqs
                else "no positive requirement sought")
    if code == "without_notice_needs_justification":
        return ("justification: " + (data.without_notice_justification or "")
                if data.without_notice else "application made on notice")
    if code in ("closure_notice_authorisation", "closure_notice_duration",
                "closure_order_extension_authorisation", "dispersal_requires_inspector_authorisation"):
        rank = getattr(data, "authorised_by_rank", None)
        hours = getattr(data, "duration_hours", None)
        text = f"authorised by {label(rank.value)}" if rank is not None else "authorised"
        return text + (f", {hours} hours" if hours else "")
    if code == "closure_order_hearing_window":
        return f"hearing listed {moment(data.hearing_at)}"
    if code == "closure_order_max_duration":
        return f"expires {day(data.expires_on)}"
    if code == "dispersal_max_exclusion":
        return f"exclusion for {data.exclusion_hours} hours"
    if code == "dispersal_given_by_constable":
        return f"given by {facts.person(e)}"
    return "met"
