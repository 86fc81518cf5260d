"""What each notice or order must contain by statute or practice, beside the steps that
issue them (ASBCPA2014 ss.1, 3-4, 35, 43, 52, 76, 80; CPR Part 81).

A requirement either names a check (how a bundle tells from the log whether it was met)
or names the field the event model lacks for it, so that a bundle reports the gap and
says what to record.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Content:
    """One item a notice or order must carry."""

    text: str
    basis: str
    #: How the item is checked against the log (a name an export knows how to check).
    check: str = ""
    #: The field the event model would need to record the item (when it has none).
    lacks: str = ""
    #: What to record when the item is missing for want of that field.
    to_record: str = ""
    #: The step whose event would carry that field, when not the step issuing the notice
    #: (an order's terms are recorded when it is granted, not when it is applied for).
    on: str = ""
    #: Not required: reported "not applicable", with the field that would record it.
    optional: bool = False


@dataclass(frozen=True)
class Notice:
    """A notice or order a step issues: what it is called, and what it must contain."""

    name: str
    contents: tuple[Content, ...]


CPW = Notice("CPW", (
    Content("the conduct", "s.43(5)", check="conduct"),
    Content("that a CPN will follow unless the detrimental effect stops", "s.43(5)(a)",
            check="cpn_warning_stated"),
    Content("what to change", "s.43(5)", check="requirements"),
    Content("by when", "s.43(5)", check="comply_by"),
    Content("the consequences", "s.43(5)(a); practice", check="consequences_explained"),
))

CPN = Notice("CPN", (
    Content("identify the conduct", "s.43(7)", check="conduct"),
    Content("explain the effect of ss.46-51 (appeal, remedial action, offence, remedial orders, "
            "forfeiture, seizure)", "s.43(8)", check="appeal_information"),
    Content("requirements (stop, do, take reasonable steps)", "s.43(3)", check="requirements"),
    Content("compliance periods or times", "s.43(7)", check="compliance_time"),
    Content("issuing officer, authority and date", "s.53; practice", check="issuer"),
    Content("the 21-day appeal route", "s.46; practice", check="appeal_information"),
))

FPN = Notice("FPN", (
    Content("reasonably detailed particulars of the alleged offence", "s.52(6)",
            check="fpn_particulars"),
    Content("the 14-day period during which no proceedings will be taken", "s.52(6)(a)",
            check="payment_period_stated"),
    Content("amount (and any discounted early-payment amount and period)", "s.52(7)-(8)",
            check="fpn_amount"),
    Content("payee name and address", "s.52(6)(c)", check="payee"),
    Content("permitted payment methods", "s.52(6)(d)", check="payment_methods"),
))

DISPERSAL = Notice("Dispersal direction", (
    Content("in writing unless not reasonably practicable", "s.35(5)", check="in_writing"),
    Content("the area it relates to", "s.35(5)", check="area"),
    Content("time and manner of leaving, including route (optional)", "s.35(6)",
            lacks="leaving_route", optional=True),
    Content("the exclusion period", "s.35(5)", check="exclusion_period"),
    Content("statement that failing to comply without reasonable excuse is an offence",
            "s.35(5); s.39", lacks="offence_warning_given",
            to_record="Record that the offence warning was given"),
))

CLOSURE_NOTICE = Notice("Closure notice", (
    Content("identify the premises", "s.76(5)(a)", check="premises"),
    Content("explain the notice's effect", "s.76(5)(b)", lacks="effect_explained",
            to_record="Record that the notice explains its effect"),
    Content("state that failure to comply is an offence", "s.76(5)(c); s.86",
            lacks="offence_stated", to_record="Record that the notice states the offence"),
    Content("state that an application will be made under s.80", "s.76(5)(d)",
            check="application_stated"),
    Content("when and where the application will be heard", "s.76(5)(e)",
            check="closure_hearing"),
    Content("explain the effect of a closure order", "s.76(5)(f)",
            lacks="order_effect_explained",
            to_record="Record that the notice explains the effect of an order"),
    Content("names and contact details of local housing and legal advice organisations",
            "s.76(5)(g)", lacks="advice_contacts",
            to_record="Record the advice organisations named"),
    Content("who is exempt from the access prohibition (owner and habitual residents)",
            "s.76(3)-(4)", check="closure_exempt"),
))

CLOSURE_ORDER = Notice("Closure order", (
    Content("prohibition of access for a period of at most 3 months", "s.80(5)-(6)",
            check="closure_duration"),
    Content("who is exempted (all persons, or all except specified persons)", "s.80(7)",
            check="order_exemptions"),
    Content("times and circumstances of the prohibition", "s.80(8)(a)",
            lacks="times_and_circumstances", on="closure_order_granted",
            to_record="Record the times and circumstances of the prohibition"),
    Content("whole or part of the premises", "s.80(8)(b)", lacks="extent",
            on="closure_order_granted",
            to_record="Record whether the whole or a part (which) is closed"),
    Content("provision about access to the rest of the building", "s.80(8)(c)",
            lacks="rest_of_building_access", on="closure_order_granted",
            to_record="Record the provision for access to any part not closed"),
))

INJUNCTION = Notice("Injunction", (
    Content("each prohibition or requirement", "s.1(4)", check="injunction_terms"),
    Content("the period, or 'until further order' (fixed, at most 12 months, under 18)",
            "s.1(6)", check="injunction_period"),
    Content("periods for individual terms", "s.1(7)", lacks="term_periods", on="injunction_granted",
            to_record="Record any period that applies to an individual term"),
    Content("named supervisor per requirement; duty to keep in touch and notify address changes",
            "s.3(1), (6)", check="injunction_supervisor"),
    Content("power of arrest: which terms, and its duration", "s.4",
            check="injunction_power_of_arrest"),
    Content("penal notice", "CPR 81.4; PD 81", lacks="penal_notice", on="injunction_granted",
            to_record="Record that the order bears a penal notice"),
))

RESPECT_ORDER = Notice("Respect Order", (
    Content("each prohibition and requirement", "ASBCPA2014 Part A1 (CPA2026)",
            check="respect_order_terms"),
    Content("the period, or 'until further order'", "ASBCPA2014 Part A1 (CPA2026)",
            check="respect_order_period"),
    Content("named supervisor per requirement", "ASBCPA2014 Part A1 (CPA2026)",
            check="respect_order_supervisor"),
    Content("exclusion from the home, where made", "ASBCPA2014 Part A1 (CPA2026)",
            lacks="exclusion_premises", on="respect_order_granted", optional=True,
            to_record="Record the premises the respondent is excluded from"),
    Content("that breach without reasonable excuse is a criminal offence",
            "ASBCPA2014 Part A1 (CPA2026)", lacks="offence_warning",
            on="respect_order_granted",
            to_record="Record that the order states that breach is an offence"),
))
