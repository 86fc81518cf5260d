"""TIMER guards: statutory deadlines derived from the events, never stored as state."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from uuid import UUID

from domain.aggregate import CaseStream
from domain.calendar import (
    add_months, after_hours, age_on, arrest_court_deadline, closure_hearing_deadline,
    closure_notice_expiry, cpn_appeal_deadline, end_of_local_day, fpn_period_end, local_date,
    prosecution_time_limit, surrender_claim_end,
)
from domain.instruments import Kind, S
from domain.records import Instrument
from domain.rulesets import rule_set_by_id


@dataclass(frozen=True)
class Timer:
    code: str
    label: str
    legal_basis: str
    duty: str  # "agency": the agency must act by then; "subject": a period running for the subject


TIMERS: dict[str, Timer] = {
    t.code: t for t in (
        Timer("cpw_compliance", "CPW: time to comply ends", "ASBCPA2014 s.43(5)(b)", "subject"),
        Timer("cpn_compliance", "CPN: time to comply ends", "ASBCPA2014 s.43(8)", "subject"),
        Timer("cpn_appeal_window", "CPN: appeal window closes (21 days incl. day of issue)",
              "ASBCPA2014 s.46(2)", "subject"),
        Timer("cpn_expiry", "CPN: ceases to have effect", "ASBCPA2014 s.43(8)", "agency"),
        Timer("fpn_payment_period", "FPN: 14 days to pay; no proceedings before",
              "ASBCPA2014 s.52(3)", "subject"),
        Timer("fpn_prosecution_decision", "FPN unpaid: decide on prosecution (information to be "
              "laid within 6 months of the breach)",
              "Magistrates' Courts Act 1980 s.127(1); ASBCPA2014 s.48", "agency"),
        Timer("arrest_inform_applicant", "Arrest: inform the injunction's applicant (before the "
              "hearing)", "ASBCPA2014 s.9(2)", "agency"),
        Timer("arrest_before_judge", "Arrest: before a judge by (24 h, excl. Sundays, Good "
              "Friday, Christmas Day)", "ASBCPA2014 s.9(3)-(4)", "agency"),
        Timer("closure_hearing", "Closure notice: application heard by",
              "ASBCPA2014 s.80(3)-(4)", "agency"),
        Timer("closure_notice_expiry", "Closure notice: expires", "ASBCPA2014 s.77", "agency"),
        Timer("closure_order_expiry", "Closure order: expires (extend before)",
              "ASBCPA2014 ss.80(6), 82", "agency"),
        Timer("injunction_expiry", "Injunction: expires", "ASBCPA2014 s.1(6)", "agency"),
        Timer("power_of_arrest_expiry", "Power of arrest: expires", "ASBCPA2014 s.4(2)", "agency"),
        Timer("cbo_review", "CBO (offender under 18): review of the order due by",
              "SA2020 s.337(1)-(2)", "agency"),
        Timer("dispersal_exclusion_end", "Dispersal: exclusion ends", "ASBCPA2014 s.35(4)",
              "subject"),
        Timer("surrendered_items_unclaimed", "Surrendered items: may be destroyed if unclaimed "
              "after 28 days", "ASBCPA2014 s.37", "subject"),
    )
}


@dataclass(frozen=True)
class Deadline:
    code: str
    label: str
    legal_basis: str
    duty: str
    instrument_id: UUID
    starts_at: datetime
    due_at: datetime
    met_at: datetime | None = None

    def status(self, now: datetime) -> str:
        if self.met_at is not None:
            return "met" if self.met_at <= self.due_at else "met_late"
        if self.duty == "agency":
            # Acting at the due instant itself is in time (see `met` above), so the agency has
            # failed only once that instant has passed.
            return "running" if now <= self.due_at else "overdue"
        # A subject's period runs up to, not including, its end: at that instant it has ended.
        return "running" if now < self.due_at else "ended"


Row = tuple[str, datetime, datetime | None]


def _first(inst: Instrument, *states: S) -> datetime | None:
    return next((at for _, s, at in inst.history[1:] if s in states), None)


def _breach_time(inst: Instrument, agg: CaseStream) -> datetime:
    """When the breach an FPN is for happened: the notice's last breach before the FPN."""
    notice = agg.instruments.get(inst.parent_id) if inst.parent_id else None
    if notice is None:
        return inst.opened_at
    times = [at for v, _, at in notice.history if v in notice.breaches and at <= inst.opened_at]
    return max(times, default=inst.opened_at)


def _prosecuted(inst: Instrument, agg: CaseStream) -> datetime | None:
    """When a prosecution for the FPN's offence (named by the FPN or its CPN) was started."""
    return min((p.opened_at for p in agg.of_kind(Kind.PROSECUTION)
                if p.parent_id in (inst.id, inst.parent_id) and p.opened_at >= inst.opened_at),
               default=None)


def _cpn(inst: Instrument) -> Iterator[Row]:
    if inst.comply_by:
        yield "cpn_compliance", inst.comply_by, None
    yield "cpn_appeal_window", cpn_appeal_deadline(inst.opened_at), _first(inst, S.APPEAL_PENDING)
    if inst.expires_on:
        yield "cpn_expiry", end_of_local_day(inst.expires_on), _first(inst, S.QUASHED)


def _fpn(inst: Instrument, agg: CaseStream) -> Iterator[Row]:
    paid = _first(inst, S.PAID)
    yield "fpn_payment_period", fpn_period_end(inst.opened_at), paid
    if paid is None:
        # Unpaid: the FPN lapses at the end of the period and the agency must decide whether
        # to prosecute the breach within the summary time limit.
        yield ("fpn_prosecution_decision", prosecution_time_limit(_breach_time(inst, agg)),
               _prosecuted(inst, agg))


def _closure_notice(inst: Instrument, agg: CaseStream) -> Iterator[Row]:
    orders = [o for o in agg.of_kind(Kind.CLOSURE_ORDER) if o.parent_id == inst.id]
    heard = min((o.hearing_at for o in orders if o.hearing_at), default=None)
    served = inst.served_or_issued_at()
    window = rule_set_by_id(inst.rule_set).closure_hearing_window_hours
    yield ("closure_hearing", closure_hearing_deadline(served, window),
           heard or _first(inst, S.CANCELLED))
    yield ("closure_notice_expiry", closure_notice_expiry(served, inst.duration_hours or 24),
           _first(inst, S.CANCELLED, S.SUPERSEDED))


def _injunction(inst: Instrument) -> Iterator[Row]:
    if inst.state not in (S.GRANTED, S.INTERIM, S.DISCHARGED):
        return
    if inst.expires_on:
        yield "injunction_expiry", end_of_local_day(inst.expires_on), _first(inst, S.DISCHARGED)
    if inst.power_of_arrest and inst.power_of_arrest_expires_on:
        yield ("power_of_arrest_expiry", end_of_local_day(inst.power_of_arrest_expires_on),
               _first(inst, S.DISCHARGED))


def _arrest(inst: Instrument) -> Iterator[Row]:
    if inst.power != "power_of_arrest":
        return
    court_by = arrest_court_deadline(inst.opened_at)
    yield "arrest_before_judge", court_by, _first(inst, S.BEFORE_COURT)
    yield "arrest_inform_applicant", court_by, inst.applicant_informed_at


def _dispersal(inst: Instrument) -> Iterator[Row]:
    if inst.duration_hours:
        yield "dispersal_exclusion_end", after_hours(inst.opened_at, inst.duration_hours), None
    if inst.items_surrendered_at:
        yield ("surrendered_items_unclaimed", surrender_claim_end(inst.items_surrendered_at),
               inst.items_outcome_at)


def _review_period(start: date, varied: list[date]) -> tuple[date, date]:
    """A review period of 12 months beginning with `start`, restarted on the day the order is
    varied within it (SA2020 s.337(2)): its first and last days."""
    end = add_months(start, 12) - timedelta(days=1)
    within = [v for v in varied if start < v <= end]
    while within:
        start = within[-1]
        end = add_months(start, 12) - timedelta(days=1)
        within = [v for v in varied if start < v <= end]
    return start, end


def _cbo_reviews(inst: Instrument, agg: CaseStream) -> Iterator[Row]:
    """Each review period at whose end the offender is still under 18 and the order still runs,
    up to the first one without a review (the review now due)."""
    subject = getattr(agg, "subject", None)
    dob = subject.date_of_birth if subject is not None else None
    if dob is None:
        return
    varied = sorted(local_date(v) for v in inst.varied_at)
    discharged = _first(inst, S.DISCHARGED)
    start = local_date(inst.opened_at)
    for _ in range(6):  # an under-18's order lasts at most 3 years (SA2020 s.334)
        start, end = _review_period(start, varied)
        ends = end_of_local_day(end)
        if age_on(dob, end) >= 18 or (inst.expires_on is not None and inst.expires_on < end):
            return
        if discharged is not None and discharged <= ends:
            return
        met = next((r for r in inst.reviewed_at if start <= local_date(r) <= end), None)
        yield "cbo_review", ends, met
        if met is None:
            return
        start = end + timedelta(days=1)


def _for(inst: Instrument, agg: CaseStream) -> Iterator[Row]:
    k = inst.kind
    if k is Kind.CPW and inst.comply_by:
        yield "cpw_compliance", inst.comply_by, None
    elif k is Kind.CPN:
        yield from _cpn(inst)
    elif k is Kind.FPN:
        yield from _fpn(inst, agg)
    elif k is Kind.ARREST:
        yield from _arrest(inst)
    elif k is Kind.CLOSURE_NOTICE:
        yield from _closure_notice(inst, agg)
    elif k is Kind.CLOSURE_ORDER and inst.expires_on:
        yield "closure_order_expiry", end_of_local_day(inst.expires_on), _first(inst, S.DISCHARGED)
    elif k is Kind.INJUNCTION:
        yield from _injunction(inst)
    elif k is Kind.DISPERSAL:
        yield from _dispersal(inst)
    elif k is Kind.CBO:
        yield from _cbo_reviews(inst, agg)


def deadlines(agg: CaseStream) -> list[Deadline]:
    """Every deadline on the stream, soonest first."""
    found = []
    for inst in agg.instruments.values():
        for code, due, met in _for(inst, agg):
            t = TIMERS[code]
            found.append(Deadline(code, t.label, t.legal_basis, t.duty, inst.id, inst.opened_at,
                                  due, met))
    return sorted(found, key=lambda d: d.due_at)


DeadlineFilter = Callable[[Deadline], bool]
