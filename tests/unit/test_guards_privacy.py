"""Erasure of a subject's personal data: refused under a legal hold, recorded once."""

from __future__ import annotations

from datetime import timedelta
from uuid import uuid4

from domain.events.base import ERASED
from tests.unit.helpers import SUPERVISOR, Story, assert_refusal, london
from tests.unit.test_guards_person import CPN_AT, noticed, warned

ERASE = {"ground": "art17_request", "reason": "Request received by the data protection officer"}


def test_erasure_is_refused_while_a_warning_is_in_force() -> None:
    s, _ = warned()
    ref = s.refusal("subject_erased", "erasure_under_legal_hold", at=CPN_AT, actor=SUPERVISOR,
                    **ERASE)
    assert_refusal(ref, "erasure_under_legal_hold", "hard",
                   "UK GDPR Art 17(3)(b),(e); DPA 2018 s.47(2)",
                   "Community Protection Warning is in force", "Restrict processing instead")


def test_erasure_is_refused_while_the_cpn_appeal_window_is_open() -> None:
    s, _, _ = noticed()
    ref = s.refusal("subject_erased", "erasure_under_legal_hold",
                    at=CPN_AT + timedelta(days=3), actor=SUPERVISOR, **ERASE)
    assert "appeal window is open until" in ref.message
    assert "s.46(2)" in ref.message


def test_erasure_is_allowed_when_nothing_holds_the_record_and_leaves_no_subject() -> None:
    s = Story.person(at=london(2026, 1, 5))
    event = s.do("subject_erased", at=london(2026, 2, 1), actor=SUPERVISOR, **ERASE)
    assert event.legal_basis == "UK GDPR Art 17; DPA 2018 s.47"
    assert s.agg.subject is not None and s.agg.subject.name == ERASED
    assert s.agg.subject.date_of_birth is None


def test_a_subject_is_erased_only_once() -> None:
    s = Story.person(at=london(2026, 1, 5))
    s.do("subject_erased", at=london(2026, 2, 1), actor=SUPERVISOR, **ERASE)
    assert s.refused("subject_erased", at=london(2026, 2, 2), actor=SUPERVISOR, **ERASE) == [
        "subject_already_erased"]


# ------------------------------------------------------------------ restriction (Art 18)
RESTRICT = {"ground": "accuracy_contested", "reason": "The subject contests the recorded dates",
            "restricted_by": "Sgt Okafor"}
LIFT = {"reason": "Dates checked against the CAD log and confirmed"}


def restricted() -> Story:
    s = Story.person(at=london(2026, 1, 5))
    event = s.do("processing_restricted", at=london(2026, 2, 1), actor=SUPERVISOR, **RESTRICT)
    assert event.legal_basis == "UK GDPR Art 18(1); DPA 2018 s.47(2)"
    return s


def test_while_restricted_other_steps_are_refused_saying_since_when_and_why() -> None:
    s = restricted()
    ref = s.refusal("pathway_closed", "processing_restricted", at=london(2026, 2, 3),
                    outcome="resolved")
    assert_refusal(ref, "processing_restricted", "hard",
                   "UK GDPR Art 18(1)-(2); DPA 2018 s.47(2)",
                   "restricted since 1 Feb 2026", "contests the accuracy",
                   "The subject contests the recorded dates", "Lift the restriction")
    assert "processing_restricted" in s.refused("processing_restricted", at=london(2026, 2, 3),
                                                actor=SUPERVISOR, **RESTRICT)


def test_while_restricted_evidence_court_steps_erasure_and_lifting_are_not_restricted() -> None:
    from domain.registry import GUARDS

    governed = set(GUARDS["processing_restricted"].steps)
    assert not governed & {"evidence_attached", "subject_erased", "restriction_lifted",
                           "court_appearance", "injunction_applied", "cpn_appeal_lodged"}
    s = restricted()
    s.do("evidence_attached", at=london(2026, 2, 2), note="CAD log extract")
    s.do("restriction_lifted", at=london(2026, 2, 3), actor=SUPERVISOR, **LIFT)
    assert s.agg.restriction is None
    s.do("early_intervention", at=london(2026, 2, 4), intervention_id=uuid4(),
         kind="warning_letter")


def test_a_restriction_is_lifted_only_while_one_is_in_force() -> None:
    s = Story.person(at=london(2026, 1, 5))
    ref = s.refusal("restriction_lifted", "no_restriction_to_lift", at=london(2026, 2, 1),
                    actor=SUPERVISOR, **LIFT)
    assert_refusal(ref, "no_restriction_to_lift", "hard", "UK GDPR Art 18(1)", "not restricted")


def test_the_restriction_survives_a_snapshot() -> None:
    from domain.pathway import Pathway

    s = restricted()
    again = Pathway.from_state(s.agg.id, s.agg.to_state())
    assert again.restriction == s.agg.restriction
