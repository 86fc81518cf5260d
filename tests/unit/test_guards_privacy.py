"""Erasure of a subject's personal data: refused under a legal hold, recorded once."""

from __future__ import annotations

from datetime import timedelta

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
