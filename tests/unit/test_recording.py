"""One domain path makes every event: openers and steps share the clock and legal-basis rules."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import uuid4

import pytest

from domain.events.base import GENESIS_HASH
from domain.model import DomainValidationError, Incident, Pathway, Place, RuleBook, command
from domain.recording import FUTURE_TOLERANCE
from domain.steps import OPENERS
from tests.unit.helpers import OFFICER, Story, london

NOW = london(2026, 3, 1)
OPENING: dict[type[Any], dict[str, Any]] = {
    Pathway: {"subject": {"name": "Sam Subject"}},
    Place: {"name": "14 Acacia Avenue", "kind": "premises"},
    Incident: {"category": "noise", "location": "Acacia Avenue", "description": "Loud music"},
}
STREAMS = pytest.mark.parametrize("cls", list(OPENING), ids=lambda c: c.KIND)


def _open(cls: type[Any], at: Any, **extra: Any) -> Any:
    cmd = command(cls.OPENER, occurred_at=at, **OPENING[cls], **extra)
    return cls.open(uuid4(), cmd, OFFICER, NOW, RuleBook())


@STREAMS
def test_an_opening_dated_beyond_the_tolerance_is_rejected_like_any_step(cls: type[Any]) -> None:
    with pytest.raises(DomainValidationError) as error:
        _open(cls, NOW + FUTURE_TOLERANCE + timedelta(seconds=1))
    [problem] = error.value.problems
    assert (problem.field, problem.rule) == ("occurred_at", "must not be in the future")


@STREAMS
def test_an_opening_within_the_tolerance_is_recorded(cls: type[Any]) -> None:
    event = _open(cls, NOW + FUTURE_TOLERANCE)
    assert (event.originator_version, event.prev_hash) == (1, GENESIS_HASH)
    assert event.recorded_at == NOW and event.occurred_at == NOW + FUTURE_TOLERANCE
    assert event.hash == event.compute_hash()


def test_a_step_uses_the_same_tolerance() -> None:
    story = Story.person(at=NOW - timedelta(days=1))
    with pytest.raises(DomainValidationError, match="occurred_at"):
        story.decide("early_intervention", at=NOW + FUTURE_TOLERANCE + timedelta(seconds=1),
                     now=NOW, intervention_id=uuid4(), kind="warning_letter")
    event = story.decide("early_intervention", at=NOW + FUTURE_TOLERANCE, now=NOW,
                         intervention_id=uuid4(), kind="warning_letter")
    assert event.legal_basis == "Non-statutory: ASB statutory guidance for frontline professionals (Home Office, 2023)"


@STREAMS
def test_an_opening_cites_its_steps_legal_basis(cls: type[Any]) -> None:
    event = _open(cls, NOW)
    assert event.legal_basis == OPENERS[cls.OPENER].legal_basis
    assert event.legal_basis.startswith("CDA 1998 s.17; ")


@STREAMS
def test_a_legal_basis_named_by_the_recorder_wins(cls: type[Any]) -> None:
    assert _open(cls, NOW, legal_basis="ASBCPA2014 s.104").legal_basis == "ASBCPA2014 s.104"


def test_a_stream_opens_only_with_its_own_opening_step() -> None:
    cmd = command("place_registered", occurred_at=NOW, **OPENING[Place])
    with pytest.raises(DomainValidationError) as error:
        Pathway.open(uuid4(), cmd, OFFICER, NOW, RuleBook())
    [problem] = error.value.problems
    assert (problem.field, problem.rule) == ("step", "a pathway starts with pathway_opened")
