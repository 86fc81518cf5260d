"""One rule for every step that creates something under an id: a second creation with an id
that already names an entry of the stream is refused by `duplicate_entry`, naming the field.
"""

from __future__ import annotations

import typing
from types import SimpleNamespace
from uuid import UUID, uuid4

import pytest

from domain import steps
from domain.commands import command_fields
from domain.guards import Decision
from domain.registry import GUARDS
from domain.rules_records import CREATING
from tests.unit.helpers import OFFICER, Story, london

AT = london(2026, 2, 10)

#: UUID fields that name something existing that is neither an instrument nor another stream.
#: `outcome_review_held.objective_id` names the objective under review.
NAMES_EXISTING_NOTE = {("outcome_review_held", "objective_id")}


def _uuid_fields(step: str) -> set[str]:
    fields = command_fields(step).model_fields
    return {name for name, f in fields.items()
            if f.annotation is UUID or UUID in typing.get_args(f.annotation)}


@pytest.mark.parametrize("step", sorted(steps.ALL))
def test_every_id_a_step_carries_is_new_an_existing_instrument_or_another_stream(step: str
                                                                                 ) -> None:
    spec = steps.ALL[step]
    classified = {t.field for t in spec.targets} | {r.field for r in spec.refers}
    classified |= {spec.new_id_field} if spec.new_id_field else set()
    classified |= {f for s, f in NAMES_EXISTING_NOTE if s == step}
    assert _uuid_fields(step) <= classified, (
        f"{step}: {_uuid_fields(step) - classified} is neither created, a target nor a link")


def _stream_for(step: str) -> Story:
    story = Story.person(at=london(2026, 1, 5)) if step in steps.PERSON else Story.place(
        at=london(2026, 1, 5))
    return story


@pytest.mark.parametrize("step", sorted(CREATING))
def test_a_second_creation_under_an_id_already_used_is_refused_naming_the_field(step: str
                                                                                 ) -> None:
    story = _stream_for(step)
    used = story.consult(london(2026, 2, 1))  # entry 2, a consultation
    field = CREATING[step]
    guard = GUARDS["duplicate_entry"]

    def decision(new_id: UUID) -> Decision:
        rule_set = story.rule_book.for_moment(AT)
        return Decision(story.agg, step, AT, rule_set, OFFICER, SimpleNamespace(**{field: new_id}))

    refusal = guard.evaluate(decision(used))
    assert refusal is not None and refusal.code == "duplicate_entry"
    assert field in refusal.message or "already linked" in refusal.message
    assert "entry 2" in refusal.message
    assert guard.evaluate(decision(uuid4())) is None


def test_every_step_that_creates_an_id_is_governed_by_the_one_entry_rule() -> None:
    governed = set(GUARDS["duplicate_entry"].steps)
    creating = {n for n, s in steps.ALL.items() if s.new_id_field is not None}
    assert governed == creating == set(CREATING)
    assert {"incident_linked", "early_intervention", "consultation_recorded",
            "support_referral_made", "fpn_issued", "objective_set"} <= governed


def test_a_step_recorded_again_under_its_own_id_is_refused_in_a_story() -> None:
    story = Story.person()
    visit = story.intervene(london(2026, 2, 1))
    ref = story.refusal("early_intervention", "duplicate_entry", at=london(2026, 2, 2),
                        intervention_id=visit, kind="home_visit")
    assert ref.message == (f"intervention_id {visit} already names entry 2 of this pathway.")
    assert ref.legal_basis == "Civil Evidence Act 1995 s.9 (records of a public authority)"
