"""Statuses that follow from time passing: a CPW complied with, an FPN lapsed, an order expired.

Nothing is recorded when a period simply runs out, so these are derived, as at a given
moment, from the log (which stays the only source) and never stored as state.
"""

from __future__ import annotations

from datetime import datetime

from domain.aggregate import CaseStream
from domain.calendar import closure_notice_expiry, fpn_period_end, local_date
from domain.conduct import continuing_conduct
from domain.instruments import Kind, S, is_live
from domain.records import Instrument

#: Kinds whose recorded end date (`expires_on`) ends them.
_DATED = (Kind.CPN, Kind.INJUNCTION, Kind.CLOSURE_ORDER, Kind.CBO)


def conduct_after(agg: CaseStream, warning: Instrument, now: datetime) -> bool:
    """Whether conduct of the warning's kind is linked after its time to comply, by the same
    test that lets a CPN follow it (s.43(5)(b)-(c))."""
    return bool(continuing_conduct(agg.incidents, warning, now))


def status_at(inst: Instrument, agg: CaseStream, now: datetime) -> str:
    """The instrument's status as at `now`: its recorded state, or what time has made of it."""
    state = inst.state
    if inst.kind is Kind.CPW and state is S.ISSUED and inst.comply_by and now >= inst.comply_by:
        return "not_complied" if conduct_after(agg, inst, now) else "complied"
    if inst.kind is Kind.FPN and state is S.ISSUED and now >= fpn_period_end(inst.opened_at):
        return "lapsed"
    if inst.kind in _DATED and is_live(state) and state is not S.APPLIED and inst.expires_on \
            and local_date(now) > inst.expires_on:
        return "expired"
    if inst.kind is Kind.CLOSURE_NOTICE and is_live(state) and now >= closure_notice_expiry(
            inst.served_or_issued_at(), inst.duration_hours or 24):
        return "expired"
    return state.value


STATUS_WORDS: dict[str, str] = {
    "complied": "time to comply passed with no further conduct linked (s.43(5)(b))",
    "not_complied": "conduct linked after the time to comply (s.43(5)(b)-(c))",
    "lapsed": "unpaid at the end of the 14-day period (s.52(3)); decide on prosecution",
    "expired": "past its end date",
}
