"""Guards of the place / closure track (ASBCPA2014 Part 4 Ch.3)."""

from __future__ import annotations

from domain.calendar import add_months, closure_hearing_deadline, local_date
from domain.rulesets import rule_set_by_id
from domain.guards import Decision, Failure, Guard, GuardKind, guard
from domain.text import day, when
from domain.values import Rank, police_at_least

HARD = GuardKind.HARD
COUNCIL = (Rank.COUNCIL_OFFICER, Rank.COUNCIL_DESIGNATE, Rank.COUNCIL_CHIEF_EXECUTIVE)
SENIOR = (Rank.COUNCIL_CHIEF_EXECUTIVE, Rank.COUNCIL_DESIGNATE)


def _rank(d: Decision) -> Rank | None:
    rank = getattr(d.cmd, "authorised_by_rank", None) if d.cmd is not None else None
    return rank if isinstance(rank, Rank) else None


def _senior(rank: Rank) -> bool:
    return police_at_least(rank, Rank.SUPERINTENDENT) or rank in SENIOR


@guard("closure_notice_authorisation", HARD, "ASBCPA2014 s.76(1)",
       "A closure notice is issued by a police inspector or above, or the local authority",
       "closure_notice_issued")
def _authorised(d: Decision) -> Failure | None:
    rank = _rank(d)
    if rank is None or police_at_least(rank, Rank.INSPECTOR) or rank in COUNCIL:
        return None
    return Failure(f"A {rank.value.replace('_', ' ')} cannot issue a closure notice.",
                   "An inspector or above (police) or the local authority must issue it.")


@guard("closure_notice_duration", HARD, "ASBCPA2014 s.77(1)-(2)",
       "A closure notice lasts at most 24 hours, or 48 if a superintendent or chief executive signs",
       "closure_notice_issued")
def _duration(d: Decision) -> Failure | None:
    if d.cmd is None:
        return None
    hours, rank = d.cmd.duration_hours, _rank(d)
    if hours > 48:
        return Failure(f"{hours} hours is longer than the 48-hour maximum.",
                       "Issue for at most 24 hours (48 with a superintendent / chief executive).")
    if hours > 24 and rank is not None and not _senior(rank):
        return Failure(f"A {hours}-hour notice needs a superintendent or above, or the council's chief "
                       "executive or their designate.",
                       "Issue for 24 hours, or have a superintendent / chief executive sign it.")
    return None


@guard("closure_notice_extension", HARD, "ASBCPA2014 s.77(4)",
       "A 24-hour notice may be extended once, by up to 24 hours, by a superintendent or chief "
       "executive", "closure_notice_extended")
def _extension(d: Decision) -> Failure | None:
    notice = d.target("instrument_id")
    if d.cmd is None or notice is None:
        return None
    total = (notice.duration_hours or 0) + d.cmd.additional_hours
    rank = _rank(d)
    if total > 48:
        room = 48 - (notice.duration_hours or 0)
        if room <= 0:
            return Failure(f"The notice already lasts {notice.duration_hours} hours, the most "
                           "s.77 allows; it cannot be extended.",
                           "Apply to the magistrates for a closure order before it ends; the "
                           "court may continue the notice (s.81(2)).")
        return Failure(f"The notice would last {total} hours; the maximum is 48.",
                       f"Extend by at most {room} hours.")
    if rank is not None and not _senior(rank):
        return Failure("Only a superintendent or above, or the chief executive / designate, "
                       "may extend a closure notice.", "Have a superintendent authorise it.")
    return None


@guard("closure_order_hearing_window", HARD, "ASBCPA2014 s.80(3)-(4)",
       "The application must be heard within the window after service (Christmas Day excluded)",
       "closure_order_applied")
def _hearing(d: Decision) -> Failure | None:
    notice = d.target("notice_id")
    if d.cmd is None or notice is None:
        return None
    # The law in force when the notice was served fixes its hearing window.
    window = rule_set_by_id(notice.rule_set).closure_hearing_window_hours
    deadline = closure_hearing_deadline(notice.served_or_issued_at(), window)
    if d.cmd.hearing_at > deadline:
        return Failure(
            f"The hearing at {when(d.cmd.hearing_at)} is after the "
            f"{window}-hour window, which ends {when(deadline)} (rule set {notice.rule_set}).",
            f"List the hearing no later than {when(deadline)}.",
        )
    return None


@guard("closure_order_max_duration", HARD, "ASBCPA2014 s.80(6)",
       "A closure order lasts at most 3 months", "closure_order_granted")
def _order_duration(d: Decision) -> Failure | None:
    if d.cmd is None:
        return None
    limit = add_months(local_date(d.at), d.rule_set.closure_order_max_months)
    if d.cmd.expires_on > limit:
        return Failure(f"Expiry {day(d.cmd.expires_on)} is more than "
                       f"{d.rule_set.closure_order_max_months} months after the order.",
                       f"Set expiry no later than {day(limit)}.")
    return None


@guard("closure_order_extension_limit", HARD, "ASBCPA2014 s.82(1), (7)",
       "Extend before expiry, and to at most 6 months in total", "closure_order_extended")
def _order_extension(d: Decision) -> Failure | None:
    order = d.target("instrument_id")
    if d.cmd is None or order is None or order.granted_on is None:
        return None
    limit = add_months(order.granted_on, d.rule_set.closure_order_total_max_months)
    if order.expires_on is not None and local_date(d.at) > order.expires_on:
        return Failure(f"The order expired on {day(order.expires_on)}.",
                       "An expired order cannot be extended; apply for a new notice and order.")
    if d.cmd.expires_on > limit:
        return Failure(f"Expiry {day(d.cmd.expires_on)} would take the order past 6 months in total.",
                       f"Extend to no later than {day(limit)}.")
    return None


@guard("closure_order_extension_authorisation", HARD, "ASBCPA2014 s.82(3)",
       "A police extension application needs a superintendent and the council consulted",
       "closure_order_extended")
def _extension_auth(d: Decision) -> Failure | None:
    rank = _rank(d)
    if d.cmd is None or rank is None:
        return None
    if (police_at_least(rank, Rank.SUPERINTENDENT) or rank in COUNCIL) and d.cmd.consulted:
        return None
    return Failure("The extension needs a superintendent (police) or the council, with the other "
                   "body consulted.", "Record the authorisation and the consultation.")


#: The guards of this module, in the order they are evaluated.
GUARDS: tuple[Guard, ...] = (
    _authorised,
    _duration,
    _extension,
    _hearing,
    _order_duration,
    _order_extension,
    _extension_auth,
)
