"""Statutory contents checks: what each notice and order must contain (DOMAIN.md (d),
"Required contents of notices and orders"), compared with what was recorded.

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
from domain.calendar import local_date
from domain.events.base import DomainEvent

COLUMNS: tuple[Column, ...] = (
    Column("document", "Document", "The notice or order, e.g. 'CPN of 4 November 2025'"),
    Column("row_id", "Row", "Chronology row of the event that records the document"),
    Column("requirement", "Required content", "One item of DOMAIN.md (d)"),
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


Requirement = tuple[str, str, Callable[[Any, CaseFacts], Check]]


def _cpw_items() -> list[Requirement]:
    return [
        ("the conduct", "s.43(5)", lambda e, f: _has(e.conduct)),
        ("that a CPN will follow unless the detrimental effect stops", "s.43(5)",
         lambda e, f: _no_field("cpw_issued", "cpn_warning_stated",
                                "Record that the warning says a CPN will follow")),
        ("what to change", "s.43(5)", lambda e, f: _has(e.requirements, numbered(e.requirements))),
        ("by when", "s.43(5)", lambda e, f: _has(e.comply_by, moment(e.comply_by))),
        ("the consequences", "s.43(5); practice",
         lambda e, f: _no_field("cpw_issued", "consequences_explained",
                                "Record that the consequences of not complying were explained")),
    ]


def _cpn_appeal(e: Any, f: CaseFacts) -> Check:
    if e.appeal_information_given:
        return PRESENT, "appeal information given", ""
    return _missing("Missing appeal information: record that the effect of ss.46-51 (appeal "
                    "within 21 days, remedial action, offence, remedial orders, forfeiture, "
                    "seizure) was explained (appeal_information_given)")


def _cpn_items() -> list[Requirement]:
    return [
        ("identify the conduct", "s.43(7)", lambda e, f: _has(e.conduct)),
        (("explain the effect of ss.46-51 (appeal, remedial action, offence, remedial orders, "
         "forfeiture, seizure)"), "s.43(8)", _cpn_appeal),
        ("requirements (stop, do, take reasonable steps)", "s.43(3)",
         lambda e, f: _has(e.requirements, numbered(e.requirements))),
        ("compliance periods or times", "s.43(7)",
         lambda e, f: _has(e.comply_by, moment(e.comply_by)) if e.comply_by else
         _missing("Record the time by which each requirement must be met (comply_by)")),
        ("issuing officer, authority and date", "practice",
         lambda e, f: (PRESENT, f"{e.actor}, {label(e.issuer_authority)}, {day(e.occurred_at)}", "")),
        ("the 21-day appeal route", "s.46; practice", _cpn_appeal),
    ]


def _fpn_particulars(e: Any, f: CaseFacts) -> Check:
    breaches = [b for b in f.about.get(e.notice_id, []) if b.step == "breach_recorded"
                and b.occurred_at <= e.occurred_at]
    if not breaches:
        return _missing("Record the failure to comply the FPN is for (breach_recorded)")
    b: Any = breaches[-1]
    return (PRESENT, (f"from the breach of {day(b.occurred_at)} (row {f.row(b)}): "
            f"{b.description}"), "")


def _fpn_items() -> list[Requirement]:
    return [
        ("reasonably detailed particulars of the alleged offence", "s.52(6)", _fpn_particulars),
        ("the 14-day period during which no proceedings will be taken", "s.52(6)(a)",
         lambda e, f: _no_field("fpn_issued", "payment_period_stated",
                                "Record that the notice states the 14-day period")),
        ("amount (and any discounted early-payment amount and period)", "s.52(7)-(8)",
         lambda e, f: (PRESENT, money(e.amount) + "; no discount recorded", "")),
        ("payee name and address", "s.52(6)(c)",
         lambda e, f: _no_field("fpn_issued", "payee", "Record the payee's name and address")),
        ("permitted payment methods", "s.52(6)(d)",
         lambda e, f: _no_field("fpn_issued", "payment_methods",
                                "Record the permitted methods of payment")),
    ]


def _dispersal_items() -> list[Requirement]:
    return [
        ("in writing unless not reasonably practicable", "s.35(5)",
         lambda e, f: (PRESENT, "given in writing", "") if e.given_in_writing else
         _missing("Record why a written direction was not reasonably practicable")),
        ("the area it relates to", "s.35(5)", lambda e, f: _has(e.area)),
        ("time and manner of leaving, including route (optional)", "s.35(6)",
         lambda e, f: (NA, "", ("Optional; the event model has no field for it: add "
                       "`leaving_route` to dispersal_direction_given"))),
        ("the exclusion period", "s.35(5)", lambda e, f: _has(e.exclusion_hours,
                                                               f"{e.exclusion_hours} hours")),
        ("statement that failing to comply without reasonable excuse is an offence",
         "s.35(5); s.39", lambda e, f: _no_field("dispersal_direction_given", "offence_warning_given",
                                                 "Record that the offence warning was given")),
    ]


def _orders_for_notice(f: CaseFacts, notice_id: Any) -> list[DomainEvent]:
    return [o for o in f.log.events
            if o.step == "closure_order_applied" and getattr(o, "notice_id", None) == notice_id]


def _closure_hearing(e: Any, f: CaseFacts) -> Check:
    applied: Any = _orders_for_notice(f, e.instrument_id)
    if not applied:
        return _no_field("closure_notice_issued", "hearing_at",
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


def _closure_notice_items() -> list[Requirement]:
    return [
        ("identify the premises", "s.76(5)(a)", lambda e, f: _has(e.premises)),
        ("explain the notice's effect", "s.76(5)(b)",
         lambda e, f: _no_field("closure_notice_issued", "effect_explained",
                                "Record that the notice explains its effect")),
        ("state that failure to comply is an offence", "s.76(5)(c); s.86",
         lambda e, f: _no_field("closure_notice_issued", "offence_stated",
                                "Record that the notice states the offence")),
        ("state that an application will be made under s.80", "s.76(5)(d)",
         lambda e, f: (MISSING, f"application recorded (row {f.row(_orders_for_notice(f, e.instrument_id)[0])})"
                       if _orders_for_notice(f, e.instrument_id) else "",
                       ("Record that the notice states it (add `application_stated` to "
                       "closure_notice_issued)"))),
        ("when and where the application will be heard", "s.76(5)(e)", _closure_hearing),
        ("explain the effect of a closure order", "s.76(5)(f)",
         lambda e, f: _no_field("closure_notice_issued", "order_effect_explained",
                                "Record that the notice explains the effect of an order")),
        ("names and contact details of local housing and legal advice organisations",
         "s.76(5)(g)", lambda e, f: _no_field("closure_notice_issued", "advice_contacts",
                                              "Record the advice organisations named")),
        ("who is exempt from the access prohibition (owner and habitual residents)",
         "s.76(3)-(4)", _closure_exempt),
    ]


def _order_granted(f: CaseFacts, order_id: Any) -> Any:
    found = [g for g in f.about.get(order_id, []) if g.step == "closure_order_granted"]
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


def _closure_order_items() -> list[Requirement]:
    def granted_field(name: str, what: str) -> Callable[[Any, CaseFacts], Check]:
        def check(e: Any, f: CaseFacts) -> Check:
            g = _order_granted(f, e.instrument_id)
            if g is None:
                return NA, "order not (yet) made", ""
            value = getattr(g, name, ())
            return (PRESENT, "; ".join(value), "") if value else _missing(what)
        return check

    return [
        ("prohibition of access for a period of at most 3 months", "s.80(5)-(6)",
         _closure_duration),
        ("who is exempted (all persons, or all except specified persons)", "s.80(7)",
         granted_field("access_exceptions", "Record who the order exempts")),
        ("times and circumstances of the prohibition", "s.80(8)(a)",
         lambda e, f: _no_field("closure_order_granted", "times_and_circumstances",
                                "Record the times and circumstances of the prohibition")),
        ("whole or part of the premises", "s.80(8)(b)",
         lambda e, f: _no_field("closure_order_granted", "extent",
                                "Record whether the whole or a part (which) is closed")),
        ("provision about access to the rest of the building", "s.80(8)(c)",
         lambda e, f: _no_field("closure_order_granted", "rest_of_building_access",
                                "Record the provision for access to any part not closed")),
    ]


def _injunction_events(f: CaseFacts, e: Any) -> tuple[Any, Any]:
    granted = [g for g in f.about.get(e.instrument_id, []) if g.step == "injunction_granted"]
    return e, (granted[-1] if granted else None)


def _injunction_items() -> list[Requirement]:
    def period(e: Any, f: CaseFacts) -> Check:
        _, g = _injunction_events(f, e)
        if g is None:
            return NA, "not (yet) granted", ""
        return PRESENT, (f"until {day(g.expires_on)}" if g.expires_on else "until further order"), ""

    def supervisor(e: Any, f: CaseFacts) -> Check:
        _, g = _injunction_events(f, e)
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

    def poa(e: Any, f: CaseFacts) -> Check:
        _, g = _injunction_events(f, e)
        if g is None:
            return NA, "not (yet) granted", ""
        if not g.power_of_arrest:
            return NA, "no power of arrest attached", ""
        until = f" until {day(g.power_of_arrest_expires_on)}" if g.power_of_arrest_expires_on else ""
        return (MISSING, f"power of arrest{until}",
                ("Record which terms the power of arrest is attached to (add "
                "`power_of_arrest_terms` to injunction_granted)"))

    def terms(e: Any, f: CaseFacts) -> Check:
        _, g = _injunction_events(f, e)
        found = (g.terms if g is not None and g.terms else e.terms)
        source = "as granted" if g is not None and g.terms else "as applied for"
        return _has(found, f"{numbered(found)} ({source})")

    return [
        ("each prohibition or requirement", "s.1(4)", terms),
        ("the period, or 'until further order' (fixed, at most 12 months, under 18)",
         "s.1(6)", period),
        ("periods for individual terms", "s.1(7)",
         lambda e, f: _no_field("injunction_granted", "term_periods",
                                "Record any period that applies to an individual term")),
        ("named supervisor per requirement; duty to keep in touch and notify address changes",
         "s.3(1), (6)", supervisor),
        ("power of arrest: which terms, and its duration", "s.4", poa),
        ("penal notice", "CPR 81.4; PD 81",
         lambda e, f: _no_field("injunction_granted", "penal_notice",
                                "Record that the order bears a penal notice")),
    ]


DOCUMENTS: dict[str, tuple[str, Callable[[], list[Requirement]]]] = {
    "cpw_issued": ("CPW", _cpw_items),
    "cpn_issued": ("CPN", _cpn_items),
    "fpn_issued": ("FPN", _fpn_items),
    "dispersal_direction_given": ("Dispersal direction", _dispersal_items),
    "closure_notice_issued": ("Closure notice", _closure_notice_items),
    "closure_order_applied": ("Closure order", _closure_order_items),
    "injunction_applied": ("Injunction", _injunction_items),
}


def build(facts: CaseFacts) -> list[Row]:
    rows: list[Row] = []
    for e in facts.log.events:
        if e.step not in DOCUMENTS:
            continue
        name, items = DOCUMENTS[e.step]
        document = f"{name} of {day(e.occurred_at)}"
        for requirement, basis, check in items():
            status, recorded, to_record = check(e, facts)
            rows.append({"document": document, "row_id": facts.row(e),
                         "requirement": requirement, "basis": basis, "status": status,
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
