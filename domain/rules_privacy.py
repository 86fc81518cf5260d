"""Guards of the data-protection steps: when a subject's personal data may be erased.

Erasure is refused while the record is still needed to establish or defend a legal claim
(UK GDPR Art 17(3)(e)) or to perform the controller's task (Art 17(3)(b)); for police
processing, DPA 2018 s.47(2) requires restriction instead of erasure where the data must be
kept as evidence. Here that is a legal hold: an order or notice in force, or an appeal
window still open.
"""

from __future__ import annotations

from domain import steps
from domain.calendar import cpn_appeal_deadline, local_date
from domain.events.base import ERASED
from domain.guards import Decision, Failure, Guard, GuardKind, guard
from domain.instruments import LABELS, Kind, S, is_live
from domain.person_facts import pathway_of
from domain.text import day, when

HARD = GuardKind.HARD


def legal_holds(d: Decision) -> list[str]:
    """What holds the record, in words: live orders and notices, open appeal windows."""
    p = pathway_of(d)
    holds = []
    for inst in p.instruments.values():
        if inst.kind is Kind.REFERRAL or not is_live(inst.state):
            continue
        if inst.expires_on is not None and inst.expires_on < local_date(d.at):
            continue
        if inst.kind is Kind.CPN and inst.state is S.APPEAL_PENDING:
            holds.append(f"an appeal against the {LABELS[inst.kind]} is pending")
        elif inst.kind is Kind.CPN and d.at < cpn_appeal_deadline(inst.opened_at):
            holds.append(f"the {LABELS[inst.kind]}'s appeal window is open until "
                         f"{when(cpn_appeal_deadline(inst.opened_at))} (ASBCPA2014 s.46(2))")
        else:
            until = f" until {day(inst.expires_on)}" if inst.expires_on else ""
            holds.append(f"the {LABELS[inst.kind]} is in force{until}")
    return holds


@guard("erasure_under_legal_hold", HARD, "UK GDPR Art 17(3)(b),(e); DPA 2018 s.47(2)",
       "A subject's personal data is not erased while an order or notice is in force or an "
       "appeal window is open: it is still needed as evidence", "subject_erased")
def _legal_hold(d: Decision) -> Failure | None:
    holds = legal_holds(d)
    if not holds:
        return None
    return Failure("The record is under a legal hold: " + "; ".join(holds) + ".",
                   "Restrict processing instead (DPA 2018 s.47(2)) and erase when the order "
                   "has ended or been discharged and no appeal can still be made.")


@guard("subject_already_erased", HARD, "UK GDPR Art 17(1)",
       "A subject's personal data is erased once", "subject_erased")
def _already(d: Decision) -> Failure | None:
    subject = pathway_of(d).subject
    if subject is None or subject.name != ERASED:
        return None
    return Failure("The subject's personal data was already erased.",
                   "Nothing to do: the case's chronology shows the subject as erased.")


#: What a restriction still allows: lifting it, keeping evidence, erasure, and the steps of
#: legal claims (UK GDPR Art 18(2)).
RESTRICTION_ALLOWS = frozenset({steps.RESTRICTION_LIFTED, steps.EVIDENCE_ATTACHED,
                                steps.SUBJECT_ERASED}) | steps.COURT_STEPS
#: The steps a restriction stops.
RESTRICTED_STEPS = tuple(n for n in steps.PERSON if n not in RESTRICTION_ALLOWS)

GROUNDS = {
    "accuracy_contested": "the subject contests the accuracy of the data (Art 18(1)(a))",
    "unlawful_processing": "the processing was found unlawful and the data is kept "
                           "(Art 18(1)(b))",
    "needed_for_legal_claims": "the data is kept for legal claims (Art 18(1)(c))",
    "objection_pending": "the subject's objection is being decided (Art 18(1)(d))",
}


@guard("processing_restricted", HARD, "UK GDPR Art 18(1)-(2); DPA 2018 s.47(2)",
       "While processing is restricted, the case's personal data is only stored: no step is "
       "taken on it except evidence, legal claims, erasure or lifting the restriction",
       *RESTRICTED_STEPS)
def _restricted(d: Decision) -> Failure | None:
    r = getattr(d.agg, "restriction", None)  # shared steps are also decided on a place
    if r is None:
        return None
    return Failure(f"Processing of the case is restricted since {day(local_date(r.since))}: "
                   f"{GROUNDS[r.ground]}. {r.reason}",
                   "Lift the restriction (restriction_lifted) when its ground is resolved; "
                   "meanwhile evidence may be attached and court proceedings recorded.")


@guard("no_restriction_to_lift", HARD, "UK GDPR Art 18(1)",
       "A restriction of processing is lifted only while one is in force", "restriction_lifted")
def _nothing_to_lift(d: Decision) -> Failure | None:
    if pathway_of(d).restriction is not None:
        return None
    return Failure("Processing of the case is not restricted: there is no restriction to lift.",
                   "Nothing to do.")


#: The guards of this module, in the order they are evaluated.
GUARDS: tuple[Guard, ...] = (_legal_hold, _already, _restricted, _nothing_to_lift)
