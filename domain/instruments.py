"""Instrument lifecycles: one shared `transitions` Machine per kind.

The machines are the single definition of each lifecycle. They are consulted when a
step is decided (is this trigger allowed from that state?) and drawn as policy
diagrams. They never own state and are never used when replaying events: replay
assigns the state the event says it moved to.
"""

from __future__ import annotations

from enum import Enum

from transitions import Machine


class Kind(str, Enum):
    CPW = "cpw"
    CPN = "cpn"
    FPN = "fpn"
    PROSECUTION = "prosecution"
    INJUNCTION = "injunction"
    CBO = "cbo"
    DISPERSAL = "dispersal"
    ARREST = "arrest"
    CLOSURE_NOTICE = "closure_notice"
    CLOSURE_ORDER = "closure_order"
    REFERRAL = "support_referral"
    RESPECT_ORDER = "respect_order"


# Severity orders instruments for the derived escalation level.
SEVERITY: dict[Kind, int] = {
    Kind.REFERRAL: 0,
    Kind.DISPERSAL: 1,
    Kind.CPW: 2,
    Kind.CPN: 3,
    Kind.FPN: 4,
    Kind.PROSECUTION: 5,
    Kind.INJUNCTION: 6,
    Kind.CBO: 7,
    Kind.ARREST: 8,
    Kind.CLOSURE_NOTICE: 6,
    Kind.CLOSURE_ORDER: 7,
    Kind.RESPECT_ORDER: 6,
}

LABELS: dict[Kind, str] = {
    Kind.CPW: "Community Protection Warning",
    Kind.CPN: "Community Protection Notice",
    Kind.FPN: "Fixed Penalty Notice",
    Kind.PROSECUTION: "Prosecution",
    Kind.INJUNCTION: "Civil injunction",
    Kind.CBO: "Criminal Behaviour Order",
    Kind.DISPERSAL: "Dispersal direction",
    Kind.ARREST: "Arrest",
    Kind.CLOSURE_NOTICE: "Closure notice",
    Kind.CLOSURE_ORDER: "Closure order",
    Kind.REFERRAL: "Support referral",
    Kind.RESPECT_ORDER: "Respect Order",
}

#: How a bundle names an instrument in running text ("the CPN of 4 November 2025").
SHORT_LABELS: dict[Kind, str] = {
    Kind.CPW: "CPW",
    Kind.CPN: "CPN",
    Kind.FPN: "FPN",
    Kind.PROSECUTION: "prosecution",
    Kind.INJUNCTION: "injunction",
    Kind.CBO: "CBO",
    Kind.DISPERSAL: "dispersal direction",
    Kind.ARREST: "arrest",
    Kind.CLOSURE_NOTICE: "closure notice",
    Kind.CLOSURE_ORDER: "closure order",
    Kind.REFERRAL: "referral",
    Kind.RESPECT_ORDER: "Respect Order",
}


class S(str, Enum):
    """Every lifecycle state of every instrument kind (each kind uses a subset)."""

    ISSUED = "issued"
    ESCALATED = "escalated"
    APPEAL_PENDING = "appeal_pending"
    BREACHED = "breached"
    QUASHED = "quashed"
    PAID = "paid"
    PROSECUTED = "prosecuted"
    STARTED = "started"
    CONVICTED = "convicted"
    ACQUITTED = "acquitted"
    APPLIED = "applied"
    INTERIM = "interim"
    GRANTED = "granted"
    REFUSED = "refused"
    DISCHARGED = "discharged"
    GIVEN = "given"
    ARRESTED = "arrested"
    BEFORE_COURT = "before_court"
    DECIDED = "decided"
    EXTENDED = "extended"
    CANCELLED = "cancelled"
    SUPERSEDED = "superseded"
    OFFERED = "offered"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    NO_RESPONSE = "no_response"
    ENGAGED = "engaged"
    COMPLETED = "completed"
    DISENGAGED = "disengaged"


Row = tuple[str, list[S] | S, S]

LIFECYCLES: dict[Kind, tuple[S, list[S], list[Row]]] = {
    # kind: (initial state, states, [(trigger, sources, dest)])
    Kind.CPW: (S.ISSUED, [S.ISSUED, S.ESCALATED], [("escalate", S.ISSUED, S.ESCALATED)]),
    Kind.CPN: (
        S.ISSUED,
        [S.ISSUED, S.APPEAL_PENDING, S.BREACHED, S.QUASHED],
        [
            # s.46(2): 21 days to appeal whether or not a breach has been recorded.
            ("appeal_lodged", [S.ISSUED, S.BREACHED], S.APPEAL_PENDING),
            ("appeal_dismissed", S.APPEAL_PENDING, S.ISSUED),
            ("appeal_quashed", S.APPEAL_PENDING, S.QUASHED),
            ("breach", [S.ISSUED, S.BREACHED], S.BREACHED),
            # s.46(3): "stop doing" requirements stay in force while an appeal is pending.
            ("breach", S.APPEAL_PENDING, "="),  # type: ignore[list-item]
        ],
    ),
    Kind.FPN: (
        S.ISSUED,
        [S.ISSUED, S.PAID, S.PROSECUTED],
        [("pay", S.ISSUED, S.PAID), ("prosecute", S.ISSUED, S.PROSECUTED)],
    ),
    Kind.PROSECUTION: (
        S.STARTED,
        [S.STARTED, S.CONVICTED, S.ACQUITTED],
        [("convict", S.STARTED, S.CONVICTED), ("acquit", S.STARTED, S.ACQUITTED)],
    ),
    Kind.INJUNCTION: (
        S.APPLIED,
        [S.APPLIED, S.INTERIM, S.GRANTED, S.REFUSED, S.DISCHARGED],
        [
            ("grant_interim", S.APPLIED, S.INTERIM),
            ("grant", [S.APPLIED, S.INTERIM], S.GRANTED),
            ("refuse", [S.APPLIED, S.INTERIM], S.REFUSED),
            ("vary", [S.INTERIM, S.GRANTED], "="),  # type: ignore[list-item]
            ("breach", [S.INTERIM, S.GRANTED], "="),  # type: ignore[list-item]
            ("arrest", [S.INTERIM, S.GRANTED], "="),  # type: ignore[list-item]
            ("discharge", [S.INTERIM, S.GRANTED], S.DISCHARGED),
        ],
    ),
    Kind.CBO: (
        S.GRANTED,
        [S.GRANTED, S.BREACHED, S.DISCHARGED],
        [
            ("breach", [S.GRANTED, S.BREACHED], S.BREACHED),
            # SA2020 s.336: varied or discharged on the offender's or prosecution's application.
            ("vary", [S.GRANTED, S.BREACHED], "="),  # type: ignore[list-item]
            ("discharge", [S.GRANTED, S.BREACHED], S.DISCHARGED),
            # SA2020 s.337: the annual review of an under-18's order.
            ("review", [S.GRANTED, S.BREACHED], "="),  # type: ignore[list-item]
        ],
    ),
    # Respect Order (ASBCPA2014 Part A1, inserted by the Crime and Policing Act 2026).
    Kind.RESPECT_ORDER: (
        S.APPLIED,
        [S.APPLIED, S.INTERIM, S.GRANTED, S.REFUSED, S.DISCHARGED],
        [
            ("grant_interim", S.APPLIED, S.INTERIM),
            ("grant", [S.APPLIED, S.INTERIM], S.GRANTED),
            ("refuse", [S.APPLIED, S.INTERIM], S.REFUSED),
            # Breach is an offence: recorded, then prosecuted; the order stays in force.
            ("breach", [S.INTERIM, S.GRANTED], "="),  # type: ignore[list-item]
            ("discharge", [S.INTERIM, S.GRANTED], S.DISCHARGED),
        ],
    ),
    Kind.DISPERSAL: (
        S.GIVEN,
        [S.GIVEN, S.BREACHED],
        [
            ("breach", S.GIVEN, S.BREACHED),
            # s.37-38: items surrendered with the direction, then returned or destroyed.
            ("surrender", [S.GIVEN, S.BREACHED], "="),  # type: ignore[list-item]
            ("resolve_surrender", [S.GIVEN, S.BREACHED], "="),  # type: ignore[list-item]
        ],
    ),
    Kind.ARREST: (
        S.ARRESTED,
        [S.ARRESTED, S.BEFORE_COURT, S.DECIDED],
        [
            ("appear", [S.ARRESTED, S.BEFORE_COURT], S.BEFORE_COURT),
            ("decide", S.BEFORE_COURT, S.DECIDED),
            # s.9(2): telling the applicant is a duty after the arrest, whatever came next.
            ("inform_applicant", [S.ARRESTED, S.BEFORE_COURT, S.DECIDED], "="),  # type: ignore[list-item]
        ],
    ),
    Kind.CLOSURE_NOTICE: (
        S.ISSUED,
        [S.ISSUED, S.EXTENDED, S.CANCELLED, S.SUPERSEDED],
        [
            ("serve", [S.ISSUED, S.EXTENDED], "="),  # type: ignore[list-item]
            ("extend", S.ISSUED, S.EXTENDED),
            ("cancel", [S.ISSUED, S.EXTENDED], S.CANCELLED),
            ("supersede", [S.ISSUED, S.EXTENDED], S.SUPERSEDED),
        ],
    ),
    Kind.CLOSURE_ORDER: (
        S.APPLIED,
        [S.APPLIED, S.GRANTED, S.REFUSED, S.DISCHARGED],
        [
            ("grant", S.APPLIED, S.GRANTED),
            ("refuse", S.APPLIED, S.REFUSED),
            ("extend", S.GRANTED, "="),  # type: ignore[list-item]
            ("discharge", S.GRANTED, S.DISCHARGED),
        ],
    ),
    Kind.REFERRAL: (
        S.OFFERED,
        [S.OFFERED, S.ACCEPTED, S.DECLINED, S.NO_RESPONSE, S.ENGAGED, S.COMPLETED, S.DISENGAGED],
        [
            ("accepted", [S.OFFERED, S.DECLINED, S.NO_RESPONSE], S.ACCEPTED),
            ("declined", [S.OFFERED, S.NO_RESPONSE], S.DECLINED),
            ("no_response", S.OFFERED, S.NO_RESPONSE),
            ("engaged", [S.ACCEPTED, S.DISENGAGED], S.ENGAGED),
            ("completed", S.ENGAGED, S.COMPLETED),
            ("disengaged", [S.ACCEPTED, S.ENGAGED], S.DISENGAGED),
        ],
    ),
}

# A live instrument still binds the subject (or place); closed ones are history.
CLOSED_STATES: frozenset[S] = frozenset(
    {S.ESCALATED, S.QUASHED, S.PAID, S.PROSECUTED, S.ACQUITTED, S.REFUSED, S.DISCHARGED,
     S.DECIDED, S.CANCELLED, S.SUPERSEDED, S.DECLINED, S.COMPLETED, S.DISENGAGED}
)


def _build(kind: Kind) -> Machine:
    initial, states, rows = LIFECYCLES[kind]
    machine = Machine(
        model=None,
        states=[s.value for s in states],
        initial=initial.value,
        auto_transitions=False,
        name=kind.value,
    )
    for trigger, sources, dest in rows:
        srcs = sources if isinstance(sources, list) else [sources]
        machine.add_transition(trigger, [s.value for s in srcs], dest if dest == "=" else dest.value)
    return machine


MACHINES: dict[Kind, Machine] = {kind: _build(kind) for kind in LIFECYCLES}


def initial_state(kind: Kind) -> S:
    return LIFECYCLES[kind][0]


def next_state(kind: Kind, state: S, trigger: str) -> S | None:
    """Where `trigger` takes an instrument of `kind` in `state`, or None if not allowed."""
    for transition in MACHINES[kind].get_transitions(trigger=trigger, source=state.value):
        dest = transition.dest
        return state if dest is None or dest == state.value else S(dest)
    return None


def triggers_from(kind: Kind, state: S) -> list[str]:
    return sorted(MACHINES[kind].get_triggers(state.value))


def is_live(state: S) -> bool:
    return state not in CLOSED_STATES
