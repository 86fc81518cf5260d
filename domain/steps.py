"""The step vocabulary: what each step opens or moves, and its usual legal basis."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from domain.instruments import Kind

Trigger = Callable[[Any], str | None] | str | None


@dataclass(frozen=True)
class Target:
    """A command field naming an existing instrument, the kinds it may name, the trigger."""

    field: str
    kinds: frozenset[Kind]
    trigger: Trigger = None
    optional: bool = False
    #: For a trigger computed from the command: every trigger it may fire.
    possible: tuple[str, ...] = ()

    def trigger_for(self, cmd: Any) -> str | None:
        if callable(self.trigger):
            return None if cmd is None else self.trigger(cmd)
        return self.trigger


@dataclass(frozen=True)
class StepSpec:
    name: str
    label: str
    legal_basis: str
    opens: Kind | None = None
    targets: tuple[Target, ...] = ()


def _k(*kinds: Kind) -> frozenset[Kind]:
    return frozenset(kinds)


PERSON_STEPS: tuple[StepSpec, ...] = (
    StepSpec("incident_linked", "Link an incident", "Evidence of conduct"),
    StepSpec("early_intervention", "Early intervention", "Non-statutory (statutory guidance 2023)"),
    StepSpec("support_referral_made", "Offer a support referral", "ASB Principles 2022",
             opens=Kind.REFERRAL),
    StepSpec("support_referral_updated", "Update a support referral", "ASB Principles 2022",
             targets=(Target("referral_id", _k(Kind.REFERRAL), lambda c: c.status,
                             possible=("accepted", "declined", "no_response", "engaged",
                                       "completed", "disengaged")),)),
    StepSpec("consultation_recorded", "Record a consultation", "ASBCPA2014 s.14, s.43(6)"),
    StepSpec("proportionality_assessed", "Assess proportionality",
             "HRA 1998 Sch.1 Art 8; Equality Act 2010 ss.15, 149"),
    StepSpec("cpw_issued", "Issue a Community Protection Warning", "ASBCPA2014 s.43(5)(a)",
             opens=Kind.CPW),
    StepSpec("cpn_issued", "Issue a Community Protection Notice", "ASBCPA2014 s.43",
             opens=Kind.CPN, targets=(Target("warning_id", _k(Kind.CPW), "escalate"),)),
    StepSpec("cpn_appeal_lodged", "Record a CPN appeal", "ASBCPA2014 s.46",
             targets=(Target("instrument_id", _k(Kind.CPN), "appeal_lodged"),)),
    StepSpec("cpn_appeal_decided", "Record a CPN appeal decision", "ASBCPA2014 s.46(4)",
             targets=(Target("instrument_id", _k(Kind.CPN),
                             lambda c: "appeal_quashed" if c.outcome == "quashed"
                             else "appeal_dismissed",
                             possible=("appeal_quashed", "appeal_dismissed")),)),
    StepSpec("breach_recorded", "Record a breach", "ASBCPA2014 s.48 / s.9 / SA2020 s.339",
             targets=(Target("instrument_id",
                             _k(Kind.CPN, Kind.INJUNCTION, Kind.CBO, Kind.DISPERSAL), "breach"),)),
    StepSpec("fpn_issued", "Issue a Fixed Penalty Notice", "ASBCPA2014 s.52", opens=Kind.FPN,
             targets=(Target("notice_id", _k(Kind.CPN)),)),
    StepSpec("fpn_paid", "Record FPN payment", "ASBCPA2014 s.52(4)",
             targets=(Target("instrument_id", _k(Kind.FPN), "pay"),)),
    StepSpec("prosecution_started", "Start a prosecution", "ASBCPA2014 s.48; SA2020 s.339",
             opens=Kind.PROSECUTION,
             targets=(Target("relates_to", _k(Kind.CPN, Kind.FPN, Kind.CBO, Kind.DISPERSAL),
                             optional=True),)),
    StepSpec("conviction_recorded", "Record a court outcome", "Criminal proceedings",
             targets=(Target("instrument_id", _k(Kind.PROSECUTION),
                             lambda c: "convict" if c.outcome == "convicted" else "acquit",
                             possible=("convict", "acquit")),)),
    StepSpec("cbo_granted", "Record a Criminal Behaviour Order", "SA2020 ss.330-331",
             opens=Kind.CBO, targets=(Target("prosecution_id", _k(Kind.PROSECUTION)),)),
    StepSpec("injunction_applied", "Apply for a civil injunction", "ASBCPA2014 ss.1, 5-6, 14",
             opens=Kind.INJUNCTION),
    StepSpec("injunction_granted", "Record an injunction granted", "ASBCPA2014 ss.1, 4, 7",
             targets=(Target("instrument_id", _k(Kind.INJUNCTION),
                             lambda c: "grant_interim" if c.interim else "grant",
                             possible=("grant_interim", "grant")),)),
    StepSpec("injunction_varied", "Record an injunction varied", "ASBCPA2014 s.8",
             targets=(Target("instrument_id", _k(Kind.INJUNCTION), "vary"),)),
    StepSpec("injunction_discharged", "Record an injunction discharged or refused",
             "ASBCPA2014 s.8",
             targets=(Target("instrument_id", _k(Kind.INJUNCTION),
                             lambda c: "refuse" if c.outcome == "refused" else "discharge",
                             possible=("refuse", "discharge")),)),
    StepSpec("arrested", "Record an arrest", "ASBCPA2014 ss.9-10; PACE 1984 s.24",
             opens=Kind.ARREST,
             targets=(Target("injunction_id", _k(Kind.INJUNCTION), "arrest", optional=True),)),
    StepSpec("court_appearance", "Record a court appearance", "ASBCPA2014 s.9(3)-(5)",
             targets=(Target("instrument_id", _k(Kind.ARREST), "appear"),)),
    StepSpec("committal_decided", "Record a committal decision", "CPR Part 81",
             targets=(Target("instrument_id", _k(Kind.ARREST), "decide"),)),
    StepSpec("dispersal_direction_given", "Give a dispersal direction", "ASBCPA2014 ss.34-35",
             opens=Kind.DISPERSAL),
    StepSpec("override_authorised", "Authorise an override of a SOFT guard",
             "Supervisory authorisation (guidance override)"),
    StepSpec("entry_corrected", "Correct an entry", "Record keeping: corrections are new entries"),
    StepSpec("evidence_attached", "Attach evidence", "Civil Evidence Act 1995"),
    StepSpec("pathway_closed", "Close the pathway", "Case management"),
    StepSpec("pathway_reopened", "Reopen the pathway", "Case management"),
)

PLACE_ONLY_STEPS: tuple[StepSpec, ...] = (
    StepSpec("closure_notice_issued", "Issue a closure notice", "ASBCPA2014 ss.76-77",
             opens=Kind.CLOSURE_NOTICE),
    StepSpec("closure_notice_extended", "Extend a closure notice", "ASBCPA2014 s.77(4)",
             targets=(Target("instrument_id", _k(Kind.CLOSURE_NOTICE), "extend"),)),
    StepSpec("closure_notice_cancelled", "Cancel a closure notice", "ASBCPA2014 s.78",
             targets=(Target("instrument_id", _k(Kind.CLOSURE_NOTICE), "cancel"),)),
    StepSpec("closure_order_applied", "Apply for a closure order", "ASBCPA2014 s.80(1)-(4)",
             opens=Kind.CLOSURE_ORDER, targets=(Target("notice_id", _k(Kind.CLOSURE_NOTICE)),)),
    StepSpec("closure_order_granted", "Record a closure order made", "ASBCPA2014 s.80(5)-(6)",
             targets=(Target("instrument_id", _k(Kind.CLOSURE_ORDER), "grant"),)),
    StepSpec("closure_order_extended", "Record a closure order extended", "ASBCPA2014 s.82",
             targets=(Target("instrument_id", _k(Kind.CLOSURE_ORDER), "extend"),)),
    StepSpec("closure_order_discharged", "Record a closure order discharged", "ASBCPA2014 s.83",
             targets=(Target("instrument_id", _k(Kind.CLOSURE_ORDER), "discharge"),)),
    StepSpec("environmental_measure_recorded", "Record an environmental measure",
             "Problem-solving (SARA)"),
    StepSpec("objective_set", "Set a SMART objective", "Problem-solving (SARA)"),
    StepSpec("outcome_review_held", "Hold an outcome review", "Problem-solving (SARA)"),
)

SHARED_WITH_PLACE = (
    "incident_linked", "consultation_recorded", "proportionality_assessed",
    "support_referral_made", "support_referral_updated", "override_authorised",
    "entry_corrected", "evidence_attached",
)

PERSON: dict[str, StepSpec] = {s.name: s for s in PERSON_STEPS}
PLACE: dict[str, StepSpec] = {s.name: s for s in PLACE_ONLY_STEPS} | {
    n: PERSON[n] for n in SHARED_WITH_PLACE
}
ALL: dict[str, StepSpec] = PERSON | PLACE

#: The first step of each kind of stream: recorded by opening the stream, never a next step.
OPENERS: dict[str, StepSpec] = {s.name: s for s in (
    StepSpec("pathway_opened", "Open a pathway",
             "CDA 1998 s.17; ASBCPA2014 statutory guidance (2023)"),
    StepSpec("place_registered", "Register a place", "CDA 1998 s.17; ASBCPA2014 Part 4 Ch.3"),
    StepSpec("incident_reported", "Report an incident", "CDA 1998 s.17; ASBCPA2014 s.2"),
)}
