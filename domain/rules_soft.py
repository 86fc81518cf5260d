"""SOFT guards: guidance and case law. Refused unless a supervisor's override exists."""

from __future__ import annotations

from domain.bases import GUIDANCE
from domain.guards import Decision, Failure, Guard, GuardKind, guard
from domain.instruments import Kind
from domain.prior import assessments_before

SOFT = GuardKind.SOFT
SEVERE = ("cpn_issued", "injunction_applied", "respect_order_applied", "closure_notice_issued")


@guard("support_not_offered", SOFT,
       f"{GUIDANCE}; ASB Principles 2022 (address underlying causes)",
       "Support should be offered before a severe step", *SEVERE)
def _support(d: Decision) -> Failure | None:
    if any(r.opened_at <= d.at for r in d.agg.of_kind(Kind.REFERRAL)):
        return None
    return Failure("No support referral has been offered.",
                   "Offer a support referral (support_referral_made), or ask a supervisor to "
                   "authorise an override with the reason support is not appropriate.")


@guard("no_proportionality_assessment", SOFT,
       "HRA 1998 Sch.1 Art 8; Equality Act 2010 ss.15, 149 (due regard before deciding)",
       "A proportionality and equality assessment should precede a severe step", *SEVERE)
def _assessment(d: Decision) -> Failure | None:
    if assessments_before(d.agg.notes, d.step, d.at):
        return None
    return Failure("No proportionality / equality assessment is recorded before this step.",
                   "Record a proportionality assessment (proportionality_assessed) first.")


LESSER: dict[str, tuple[tuple[str, ...], tuple[Kind, ...]]] = {
    "cpw_issued": (("early_intervention",), ()),
    "injunction_applied": (("early_intervention",), (Kind.CPW, Kind.CPN, Kind.CBO)),
    "respect_order_applied": (("early_intervention",), (Kind.CPW, Kind.CPN, Kind.INJUNCTION)),
    "closure_notice_issued": (("environmental_measure", "early_intervention"), ()),
}


#: Why lesser measures matter, for each step: the statutory test that weighs alternatives.
LESSER_BASES: dict[str, str] = {
    "cpw_issued": f"{GUIDANCE} (proportionate, graduated response); "
                  "ASBCPA2014 s.43(1)(b) (conduct unreasonable)",
    "injunction_applied": f"ASBCPA2014 s.1(3) (just and convenient); {GUIDANCE}",
    "closure_notice_issued": f"ASBCPA2014 s.76(1)(b) (necessary); {GUIDANCE}",
}


@guard("lesser_measures_skipped", SOFT,
       f"{GUIDANCE} (proportionate, graduated response)",
       "Lesser measures should be tried, or the reason for skipping them recorded", *LESSER,
       basis_of=lambda d: LESSER_BASES.get(d.step))
def _lesser(d: Decision) -> Failure | None:
    if d.cmd is not None and getattr(d.cmd, "lesser_measures_reason", None):
        return None
    notes, kinds = LESSER[d.step]
    if any(d.agg.notes_of(n, before=d.at) for n in notes):
        return None
    if any(i.opened_at <= d.at for i in d.agg.of_kind(*kinds)):
        return None
    first = "an environmental measure" if d.agg.KIND == "place" else "an early intervention"
    return Failure("No lesser measure has been tried and no reason for skipping them is recorded.",
                   f"Record {first}, or give lesser_measures_reason on this step.")


#: The guards of this module, in the order they are evaluated.
GUARDS: tuple[Guard, ...] = (
    _support,
    _assessment,
    _lesser,
)
