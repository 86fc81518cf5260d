"""Guards on what follows an instrument: a closure notice's service and the application it
must lead to, property surrendered with a dispersal direction, and a CPN's requirements while
an appeal is pending. Codes are stable: features/ tag them."""

from __future__ import annotations

from domain.calendar import surrender_claim_end
from domain.guards import Decision, Failure, Guard, GuardKind, guard
from domain.instruments import Kind, S
from domain.text import when

HARD = GuardKind.HARD


# ------------------------------------------------------------------ closure notices
@guard("closure_notice_service", HARD, "ASBCPA2014 s.79",
       "A closure notice is served once, at or after its issue",
       "closure_notice_served")
def _service(d: Decision) -> Failure | None:
    notice = d.target("instrument_id")
    if notice is None:
        return None
    if notice.served_at is not None:
        return Failure(f"The notice's service was already recorded at {when(notice.served_at)}.",
                       "Attach further proof of service as evidence to that entry.")
    if d.at < notice.opened_at:
        return Failure(f"The notice was issued at {when(notice.opened_at)}, after {when(d.at)}.",
                       "Record service at or after the time of issue.")
    return None


@guard("closure_order_needs_notice_in_force", HARD, "ASBCPA2014 ss.78, 80(1)",
       "A closure order application names a closure notice that was not cancelled or already "
       "followed by an order", "closure_order_applied")
def _notice_in_force(d: Decision) -> Failure | None:
    notice = d.target("notice_id")
    if notice is None:
        return None
    if notice.state is S.CANCELLED:
        return Failure("The closure notice was cancelled (s.78), which ends its track: s.80(1) "
                       "requires an application only for a notice that has not been cancelled.",
                       "Issue a new closure notice if closure is still needed, then apply on it.")
    if notice.state is S.SUPERSEDED:
        return Failure("A closure order has already been made on this notice.",
                       "To keep the premises closed longer, extend the order (s.82).")
    # A notice that ran its course still needs its application: the s.80(3) window (48 hours
    # from service) outlasts a 24-hour notice, and s.80(1) excuses only cancellation.
    return None


# ------------------------------------------------------------------ surrender of property
@guard("surrender_requires_dispersal_direction", HARD, "ASBCPA2014 s.37(1)",
       "Items are surrendered by a person given a dispersal direction, while it runs",
       "items_surrendered")
def _surrender(d: Decision) -> Failure | None:
    direction = d.target("instrument_id")
    if direction is None:
        return None
    if d.at < direction.opened_at:
        return Failure(f"The dispersal direction was given at {when(direction.opened_at)}, "
                       f"after {when(d.at)}.",
                       "A surrender is required with a direction: record the direction first.")
    if direction.items_surrendered_at is not None:
        return Failure(f"Items surrendered under this direction were already recorded at "
                       f"{when(direction.items_surrendered_at)}.",
                       "Correct that entry if an item was left out.")
    return None


@guard("surrendered_items_destroyed_too_soon", HARD, "ASBCPA2014 s.37",
       "Surrendered items are kept for 28 days before unclaimed ones may be destroyed",
       "surrendered_items_resolved")
def _destroyed(d: Decision) -> Failure | None:
    direction = d.target("instrument_id")
    if direction is None:
        return None
    if direction.items_surrendered_at is None:
        return Failure("No items were surrendered under this direction.",
                       "Record the surrender (items_surrendered) first.")
    if direction.items_outcome is not None:
        return Failure(f"The items were already {direction.items_outcome}.",
                       "Correct that entry if it was wrong.")
    ends = surrender_claim_end(direction.items_surrendered_at)
    if d.cmd is not None and d.cmd.outcome == "destroyed" and d.at < ends:
        return Failure(f"The 28 days to claim the items run until {when(ends)}.",
                       f"Keep the items; if they are not claimed, they may be destroyed from "
                       f"{when(ends)}.", earliest=ends)
    return None


# ------------------------------------------------------------------ CPN requirements on appeal
@guard("cpn_requirement_suspended_on_appeal", HARD, "ASBCPA2014 s.46(3)",
       "While an appeal is pending only requirements to stop doing things are in force",
       "breach_recorded")
def _suspended(d: Decision) -> Failure | None:
    notice = d.target("instrument_id")
    if notice is None or notice.kind is not Kind.CPN:
        return None
    kinds = notice.term_kinds or ("stop",) * len(notice.terms)
    number = getattr(d.cmd, "requirement_number", None) if d.cmd is not None else None
    if number is not None and number > len(kinds):
        return Failure(f"The notice has {len(kinds)} requirement(s); there is no number {number}.",
                       "Name the requirement by its number on the notice.")
    if notice.state is not S.APPEAL_PENDING:
        return None
    if number is not None:
        if kinds[number - 1] != "stop":
            return Failure(
                f"Requirement {number} ('{notice.terms[number - 1]}') is a requirement to "
                f"{'make reparation' if kinds[number - 1] == 'reparation' else 'do something'}; "
                "it is suspended until the appeal is decided.",
                "Record the conduct as an incident; once the appeal is dismissed, a failure to "
                "comply after that can be recorded as a breach.")
        return None
    if d.cmd is not None and "stop" not in kinds:
        return Failure("Every requirement of the notice is a requirement to do something, and "
                       "all are suspended until the appeal is decided.",
                       "Record the conduct as an incident until the appeal is decided.")
    return None


#: The guards of this module, in the order they are evaluated.
GUARDS: tuple[Guard, ...] = (
    _service,
    _notice_in_force,
    _surrender,
    _destroyed,
    _suspended,
)
