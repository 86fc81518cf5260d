"""The id of what a step creates: the user's if given, else derived from the stream and the
entry's position (the same decision gives the same id; different entries differ)."""

from __future__ import annotations

from uuid import uuid4

from domain import steps
from domain.commands import NEW_IDS, command, with_new_id


def test_every_step_that_opens_an_instrument_has_a_new_id_field() -> None:
    for spec in steps.ALL.values():
        if spec.opens is not None:
            assert NEW_IDS[spec.name] in ("instrument_id", "referral_id"), spec.name


def test_an_id_is_assigned_once_and_a_given_one_is_kept() -> None:
    stream = uuid4()
    cmd = command("early_intervention", occurred_at="2026-01-06", kind="warning_letter")
    first = with_new_id(cmd, stream, 2)
    assert getattr(first, "intervention_id") is not None
    assert with_new_id(cmd, stream, 2) == first
    assert getattr(with_new_id(cmd, stream, 3), "intervention_id") != getattr(
        first, "intervention_id")
    mine = uuid4()
    given = command("early_intervention", occurred_at="2026-01-06", kind="warning_letter",
                    intervention_id=mine)
    assert with_new_id(given, stream, 2) == given
