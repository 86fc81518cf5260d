"""Statutory contents checks: what each notice and order must contain (the step's notice in
`domain.notices`), compared with what was recorded.

Each requirement is reported `present`, `missing` or `not applicable`. Where the event model
has no field for a requirement, the check reports it missing and says what to record (the
field the model would need), so the gap is visible in the bundle rather than assumed away.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from adapters.driven.exports.document import Column, Row
from adapters.driven.exports.facts import CaseFacts
from adapters.driven.exports.text import day, label, moment, money, numbered
from domain import steps
from domain.calendar import local_date
from domain.events.base import DomainEvent
from domain.notices import Content

COLUMNS: tuple[Column, ...] = (
    Column("document", "Document", "The notice or order, e.g. 'CPN of 4 November 2025'"),
    Column("row_id", "Row", "Chronology row of the event that records the document"),
    Column("requirement", "Required content", "One item the statute requires the notice or order to contain"),
    Column("basis", "Basis", "Statutory provision or practice"),
    Column("status", "Status", "present, missing or not applicable"),
    Column("recorded", "Recorded", "What the log records for it"),
    Column("to_record", "What to record", "When missing: what to record, and the field the "
           "event model lacks (if any)"),
)

PRESENT, MISSING, NA = "present", "missing", "not applicable"
Check = tuple[str, str, str]  # status, recorded, what to record


def _has(value: Any, shown: str | None = None) -> Check:
    if value in (None, "", (), []):
        return MISSING, "", ""
    return PRESENT, shown if shown is not None else str(value), ""


def _no_field(step: str, field: str, what: str) -> Check:
    return MISSING, "", f"{what} (the event model has no field for it: add `{field}` to {step})"


def _missing(what: str) -> Check:
    return MISSING, "", what


CheckFn = Callable[[Any, CaseFacts], Check]


def _cpn_appeal(e: Any, f: CaseFacts) -> Check:
    if e.appeal_information_given:
        return PRESENT, "appeal information given", ""
    return _missing("Missing appeal information: record that the effect of ss.46-51 (appeal "
                    "within 21 days, remedial action, offence, remedial orders, forfeiture, "
                    "seizure) was explained (appeal_information_given)")


def _fpn_particulars(e: Any, f: CaseFacts) -> Check:
    breaches = [b for b in f.about.get(e.notice_id, []) if b.step == steps.BREACH_RECORDED
                and b.occurred_at <= e.occurred_at]
    if not breaches:
        return _missing("Record the failure to comply the FPN is for (breach_recorded)")
    b: Any = breaches[-1]
    return (PRESENT, (f"from the breach of {day(b.occurred_at)} (row {f.row(b)}): "
            f"{b.description}"), "")


def _orders_for_notice(f: CaseFacts, notice_id: Any) -> list[DomainEvent]:
    return [o for o in f.log.events
            if o.step == steps.CLOSURE_ORDER_APPLIED
            and getattr(o, "notice_id", None) == notice_id]


def _application_stated(e: Any, f: CaseFacts) -> Check:
    orders = _orders_for_notice(f, e.instrument_id)
    return (MISSING, f"application recorded (row {f.row(orders[0])})" if orders else "",
            ("Record that the notice states it (add `application_stated` to "
             "closure_notice_issued)"))


def _closure_hearing(e: Any, f: CaseFacts) -> Check:
    applied: Any = _orders_for_notice(f, e.instrument_id)
    if not applied:
        return _no_field(steps.CLOSURE_NOTICE_ISSUED, "hearing_at",
                         "Record when and where the application will be heard")
    a = applied[0]
    return (MISSING, (f"the application (row {f.row(a)}) lists the hearing at {a.court}, "
            f"{moment(a.hearing_at)}"),
            ("Record that the notice itself states the hearing (the event model has no field "
            "for it: add `hearing_stated` to closure_notice_issued)"))


def _closure_exempt(e: Any, f: CaseFacts) -> Check:
    if not e.access_exceptions:
        return _missing("Record who is exempt from the access prohibition, including the owner "
                        "and habitual residents (s.76(4))")
    text = "; ".join(e.access_exceptions)
    lowered = text.lower()
    if "owner" in lowered and "resident" in lowered:
        return PRESENT, text, ""
    return ("missing", text, ("The exemptions recorded do not name the owner and habitual "
            "residents, whom s.76(4) requires to be exempt (or record that there are none)"))


def _order_granted(f: CaseFacts, order_id: Any) -> Any:
    found = [g for g in f.about.get(order_id, []) if g.step == steps.CLOSURE_ORDER_GRANTED]
    return found[-1] if found else None


def _closure_duration(e: Any, f: CaseFacts) -> Check:
    granted = _order_granted(f, e.instrument_id)
    if granted is None:
        return NA, "order not (yet) made", ""
    made: date = local_date(granted.occurred_at)
    months = (granted.expires_on.year - made.year) * 12 + granted.expires_on.month - made.month
    text = f"made {day(made)}, expires {day(granted.expires_on)}"
    if months > 3 or (months == 3 and granted.expires_on.day > made.day):
        return MISSING, text, "The period exceeds 3 months (s.80(6))"
    return PRESENT, text, ""


def _order_exemptions(e: Any, f: CaseFacts) -> Check:
    g = _order_granted(f, e.instrument_id)
    if g is None:
        return NA, "order not (yet) made", ""
    value = getattr(g, "access_exceptions", ())
    return (PRESENT, "; ".join(value), "") if value else _missing("Record who the order exempts")


def _injunction_granted(f: CaseFacts, e: Any) -> Any:
    granted = [g for g in f.about.get(e.instrument_id, []) if g.step == steps.INJUNCTION_GRANTED]
    return granted[-1] if granted else None


def _injunction_period(e: Any, f: CaseFacts) -> Check:
    g = _injunction_granted(f, e)
    if g is None:
        return NA, "not (yet) granted", ""
    return PRESENT, (f"until {day(g.expires_on)}" if g.expires_on else "until further order"), ""


def _injunction_supervisor(e: Any, f: CaseFacts) -> Check:
    g = _injunction_granted(f, e)
    reqs = (g.positive_requirements if g is not None and g.positive_requirements
            else e.positive_requirements)
    who = (g.supervisor if g is not None and g.supervisor else e.supervisor)
    if not reqs:
        return NA, "no positive requirement", ""
    if not who:
        return _missing("Name the supervisor of each positive requirement (s.3(1))")
    return (MISSING, f"supervisor {who} for {numbered(reqs)}",
            ("Record the respondent's duty to keep in touch with the supervisor and notify "
            "changes of address (s.3(6)) (add `keep_in_touch_stated` to injunction_granted)"))


def _injunction_power_of_arrest(e: Any, f: CaseFacts) -> Check:
    g = _injunction_granted(f, e)
    if g is None:
        return NA, "not (yet) granted", ""
    if not g.power_of_arrest:
        return NA, "no power of arrest attached", ""
    until = f" until {day(g.power_of_arrest_expires_on)}" if g.power_of_arrest_expires_on else ""
    attached = getattr(g, "power_of_arrest_terms", ())
    if attached:
        return PRESENT, f"power of arrest{until}, attached to {numbered(attached)}", ""
    return (MISSING, f"power of arrest{until}",
            "Record which terms the power of arrest is attached to (power_of_arrest_terms "
            "on injunction_granted)")


def _injunction_terms(e: Any, f: CaseFacts) -> Check:
    g = _injunction_granted(f, e)
    found = (g.terms if g is not None and g.terms else e.terms)
    source = "as granted" if g is not None and g.terms else "as applied for"
    return _has(found, f"{numbered(found)} ({source})")


def _stated(field: str, shown: str, what: str) -> CheckFn:
    """A statement the notice makes, recorded as a yes/no field of its step."""
    def check(e: Any, f: CaseFacts) -> Check:
        if getattr(e, field, False):
            return PRESENT, shown, ""
        return _missing(f"{what} ({field})")
    return check


def _respect_granted(f: CaseFacts, e: Any) -> Any:
    made = [g for g in f.about.get(e.instrument_id, [])
            if g.step == steps.RESPECT_ORDER_GRANTED]
    return made[-1] if made else None


def _respect_terms(e: Any, f: CaseFacts) -> Check:
    g = _respect_granted(f, e)
    source = g if g is not None and (g.prohibitions or g.requirements) else e
    found = (*source.prohibitions, *source.requirements)
    return _has(found, f"{numbered(found)} ({'as made' if source is g else 'as applied for'})")


def _respect_period(e: Any, f: CaseFacts) -> Check:
    g = _respect_granted(f, e)
    if g is None:
        return NA, "not (yet) made", ""
    return PRESENT, (f"until {day(g.expires_on)}" if g.expires_on else "until further order"), ""


def _respect_supervisor(e: Any, f: CaseFacts) -> Check:
    g = _respect_granted(f, e)
    reqs = g.requirements if g is not None and g.requirements else e.requirements
    who = g.supervisor if g is not None and g.supervisor else e.supervisor
    if not reqs:
        return NA, "no requirement", ""
    return _has(who, f"supervisor {who} for {numbered(reqs)}")


#: How each named item of a notice's contents is checked against the log.
CHECKS: dict[str, CheckFn] = {
    "cpn_warning_stated": _stated(
        "cpn_warning_stated", "the warning states that a CPN will follow",
        "Record that the warning says a CPN will follow unless the conduct stops"),
    "consequences_explained": _stated(
        "consequences_explained", "the consequences of not complying were explained",
        "Record that the consequences of not complying were explained"),
    "payment_period_stated": _stated(
        "payment_period_stated", "the notice states the 14-day period",
        "Record that the notice states the 14-day period"),
    "payee": lambda e, f: _has(getattr(e, "payee", None)) if getattr(e, "payee", None) else
    _missing("Record the payee's name and address (payee)"),
    "payment_methods": lambda e, f: (PRESENT, "; ".join(e.payment_methods), "")
    if getattr(e, "payment_methods", ()) else
    _missing("Record the permitted methods of payment (payment_methods)"),
    "conduct": lambda e, f: _has(e.conduct),
    "requirements": lambda e, f: _has(e.requirements, numbered(e.requirements)),
    "comply_by": lambda e, f: _has(e.comply_by, moment(e.comply_by)),
    "compliance_time": lambda e, f: _has(e.comply_by, moment(e.comply_by)) if e.comply_by else
    _missing("Record the time by which each requirement must be met (comply_by)"),
    "appeal_information": _cpn_appeal,
    "issuer": lambda e, f: (PRESENT, f"{f.name_of(e.actor)}, {label(e.issuer_authority)}, "
                            f"{day(e.occurred_at)}", ""),
    "fpn_particulars": _fpn_particulars,
    "fpn_amount": lambda e, f: (PRESENT, money(e.amount) + "; no discount recorded", ""),
    "in_writing": lambda e, f: (PRESENT, "given in writing", "") if e.given_in_writing else
    _missing("Record why a written direction was not reasonably practicable"),
    "area": lambda e, f: _has(e.area),
    "exclusion_period": lambda e, f: _has(e.exclusion_hours, f"{e.exclusion_hours} hours"),
    "premises": lambda e, f: _has(e.premises),
    "application_stated": _application_stated,
    "closure_hearing": _closure_hearing,
    "closure_exempt": _closure_exempt,
    "closure_duration": _closure_duration,
    "order_exemptions": _order_exemptions,
    "injunction_terms": _injunction_terms,
    "injunction_period": _injunction_period,
    "injunction_supervisor": _injunction_supervisor,
    "injunction_power_of_arrest": _injunction_power_of_arrest,
    "respect_order_terms": _respect_terms,
    "respect_order_period": _respect_period,
    "respect_order_supervisor": _respect_supervisor,
}


def check(item: Content, step: str, e: Any, facts: CaseFacts) -> Check:
    """Check one item of a notice's contents against what the log records."""
    if item.optional:
        return NA, "", (f"Optional; the event model has no field for it: add "
                        f"`{item.lacks}` to {item.on or step}")
    if item.check:
        return CHECKS[item.check](e, facts)
    return _no_field(item.on or step, item.lacks, item.to_record)


def build(facts: CaseFacts) -> list[Row]:
    rows: list[Row] = []
    for e in facts.log.events:
        spec = steps.ALL.get(e.step)
        notice = spec.notice if spec is not None else None
        if notice is None:
            continue
        document = f"{notice.name} of {day(e.occurred_at)}"
        for item in notice.contents:
            status, recorded, to_record = check(item, e.step, e, facts)
            rows.append({"document": document, "row_id": facts.row(e),
                         "requirement": item.text, "basis": item.basis, "status": status,
                         "recorded": recorded, "to_record": to_record})
    return rows


def summary(rows: list[Row]) -> list[str]:
    """One line per document: 'CPN of 4 November 2025: 6 items, 0 missing'."""
    out: dict[str, list[int]] = {}
    for r in rows:
        counts = out.setdefault(f"{r['document']} (row {r['row_id']})", [0, 0])
        counts[0] += 1
        counts[1] += r["status"] == MISSING
    return [f"{doc}: {n} required items, {m} missing" for doc, (n, m) in out.items()]


__all__ = ["COLUMNS", "build", "summary"]
