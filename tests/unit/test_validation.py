"""Bad input is a DomainValidationError naming the field and the rule, and produces nothing.

Validation is not law: these are inputs that cannot be a step at all (unknown step, missing
or extra fields, naive or impossible times, references to instruments that do not exist).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import uuid4

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.errors import FieldProblem
from domain.model import DomainValidationError, command
from tests.unit.helpers import SUPERVISOR, Story, london

AT = london(2026, 3, 1)


def cpw(**over: Any) -> dict[str, Any]:
    return {"instrument_id": uuid4(), "conduct": "Loud music late at night",
            "requirements": ["No amplified music after 23:00"], "comply_by": london(2026, 4, 1),
            "lesser_measures_reason": "Threats made to the neighbour"} | over


def invalid(s: Story, step: str, *, at: datetime = AT, now: datetime | None = None,
            **fields: Any) -> list[FieldProblem]:
    """Deciding must fail validation and leave the stream exactly as it was."""
    before = (s.agg.version, s.agg.head_hash, dict(s.agg.instruments), list(s.agg.notes),
              list(s.agg.overrides))
    with pytest.raises(DomainValidationError) as caught:
        s.decide(step, at=at, now=now, **fields)
    after = (s.agg.version, s.agg.head_hash, dict(s.agg.instruments), list(s.agg.notes),
             list(s.agg.overrides))
    assert after == before
    problems = caught.value.problems
    assert problems and all(p.field and p.rule for p in problems)
    assert str(caught.value) == "; ".join(f"{p.field}: {p.rule}" for p in problems)
    return problems


def only(problems: list[FieldProblem]) -> FieldProblem:
    assert len(problems) == 1, problems
    return problems[0]


@pytest.fixture
def story() -> Story:
    return Story.person(at=london(2026, 1, 5))


# ---------------------------------------------------------------------- the step itself
def test_an_unknown_step_name_is_rejected_naming_the_step_field(story: Story) -> None:
    p = only(invalid(story, "issue_asbo", conduct="x"))
    assert p.field == "step"
    assert "unknown step 'issue_asbo'" in p.rule and "cpw_issued" in p.rule


def test_a_place_step_on_a_pathway_is_rejected_naming_the_step_field(story: Story) -> None:
    p = only(invalid(story, "closure_notice_issued", instrument_id=uuid4(), duration_hours=24,
                     authorised_by_rank="inspector", premises="14 Acacia Avenue"))
    assert p.field == "step" and "not a step of a pathway" in p.rule


def test_opening_a_second_time_is_not_a_step_of_an_open_pathway(story: Story) -> None:
    p = only(invalid(story, "pathway_opened", subject={"name": "Someone else"}))
    assert p.field == "step"


# ---------------------------------------------------------------------- fields
@pytest.mark.parametrize(("step", "fields", "missing"), [
    ("cpw_issued", cpw(comply_by=None), "comply_by"),
    ("cpw_issued", {k: v for k, v in cpw().items() if k != "conduct"}, "conduct"),
    ("fpn_issued", {"instrument_id": uuid4(), "amount": "50"}, "notice_id"),
    ("dispersal_direction_given", {"instrument_id": uuid4(), "authorisation_ref": "A/1",
                                   "authorised_by_rank": "inspector", "exclusion_hours": 24},
     "area"),
    ("override_authorised", {"override_id": uuid4(), "for_step": "cpw_issued",
                             "guard_code": "lesser_measures_skipped"}, "reason"),
])
def test_a_missing_required_field_is_named(story: Story, step: str, fields: dict[str, Any],
                                           missing: str) -> None:
    fields = {k: v for k, v in fields.items() if v is not None}
    p = only(invalid(story, step, **fields))
    assert (p.field, p.rule) == (missing, "Field required")


@pytest.mark.parametrize("extra", ["colour", "actor", "agency", "rule_set", "overrides_used",
                                   "hash", "originator_version"])
def test_an_extra_field_is_forbidden_including_envelope_fields_a_user_may_not_set(
        story: Story, extra: str) -> None:
    with pytest.raises(DomainValidationError) as caught:  # parsed before any decision
        command("cpw_issued", occurred_at=AT, **cpw(**{extra: "x"}))
    p = only(caught.value.problems)
    assert (p.field, p.rule) == (extra, "Extra inputs are not permitted")
    assert story.agg.version == 1


def test_a_naive_occurred_at_is_rejected(story: Story) -> None:
    p = only(invalid(story, "cpw_issued", at=datetime(2026, 3, 1, 12), **cpw()))
    assert p.field == "occurred_at" and "timezone" in p.rule


@pytest.mark.parametrize(("step", "field", "fields"), [
    ("cpw_issued", "comply_by", cpw(comply_by=datetime(2026, 4, 1, 12))),
    ("incident_linked", "incident_occurred_at",
     {"incident_id": uuid4(), "incident_occurred_at": datetime(2026, 2, 1)}),
])
def test_any_naive_datetime_field_is_rejected(story: Story, step: str, field: str,
                                              fields: dict[str, Any]) -> None:
    p = only(invalid(story, step, **fields))
    assert p.field == field and "timezone" in p.rule


@pytest.mark.parametrize("comply_by", [london(2026, 2, 28), AT], ids=["before", "same-moment"])
def test_a_compliance_date_not_after_the_warning_is_rejected(story: Story,
                                                             comply_by: datetime) -> None:
    p = only(invalid(story, "cpw_issued", **cpw(comply_by=comply_by)))
    assert (p.field, p.rule) == ("comply_by", "must be after occurred_at")


@settings(max_examples=60, deadline=None)
@given(minutes=st.integers(min_value=-200_000, max_value=200_000))
def test_a_compliance_date_is_valid_exactly_when_it_is_after_the_warning(minutes: int) -> None:
    fields = cpw(comply_by=AT + timedelta(minutes=minutes))
    if minutes > 0:
        assert getattr(command("cpw_issued", occurred_at=AT, **fields), "comply_by") > AT
    else:
        with pytest.raises(DomainValidationError) as caught:
            command("cpw_issued", occurred_at=AT, **fields)
        assert [(p.field, p.rule) for p in caught.value.problems] == [
            ("comply_by", "must be after occurred_at")]


@pytest.mark.parametrize(("amount", "rule"), [
    ("-5", "greater than 0"), ("0", "greater than 0"), ("10.005", "2 decimal places"),
    ("ten pounds", "valid decimal"),
])
def test_an_fpn_amount_must_be_a_positive_sum_in_pence(story: Story, amount: str,
                                                       rule: str) -> None:
    p = only(invalid(story, "fpn_issued", instrument_id=uuid4(), notice_id=uuid4(),
                     amount=amount))
    assert p.field == "amount" and rule in p.rule


@settings(max_examples=40, deadline=None)
@given(amount=st.decimals(min_value=Decimal("-999999"), max_value=Decimal("0"),
                          places=2))
def test_no_fpn_amount_of_zero_or_less_is_valid(amount: Decimal) -> None:
    with pytest.raises(DomainValidationError) as caught:
        command("fpn_issued", occurred_at=AT, instrument_id=uuid4(), notice_id=uuid4(),
                amount=amount)
    assert [p.field for p in caught.value.problems] == ["amount"]


def test_an_empty_list_of_requirements_is_rejected(story: Story) -> None:
    p = only(invalid(story, "cpw_issued", **cpw(requirements=[])))
    assert p.field == "requirements" and "at least 1" in p.rule


def test_an_unknown_rank_is_rejected_listing_the_known_ones(story: Story) -> None:
    p = only(invalid(story, "dispersal_direction_given", instrument_id=uuid4(),
                     authorisation_ref="A/1", authorised_by_rank="general",
                     exclusion_hours=24, area="Market Square"))
    assert p.field == "authorised_by_rank" and "'inspector'" in p.rule


def test_a_badly_formed_exhibit_reference_is_named_by_its_position(story: Story) -> None:
    p = only(invalid(story, "cpw_issued", evidence=[{"exhibit": "exhibit one"}], **cpw()))
    assert p.field == "evidence.0.exhibit" and "pattern" in p.rule


def test_an_override_reason_must_say_something(story: Story) -> None:
    p = only(invalid(story, "override_authorised", override_id=uuid4(), for_step="cpw_issued",
                     guard_code="lesser_measures_skipped", reason="urgent"))
    assert p.field == "reason" and "at least 10 characters" in p.rule


def test_several_problems_are_reported_together(story: Story) -> None:
    problems = invalid(story, "fpn_issued", instrument_id="not-a-uuid", amount="-1")
    assert {p.field for p in problems} == {"instrument_id", "notice_id", "amount"}


# ---------------------------------------------------------------------- references
def test_a_cpn_naming_a_warning_not_on_the_pathway_is_rejected_on_warning_id(
        story: Story) -> None:
    ghost = uuid4()
    p = only(invalid(story, "cpn_issued", instrument_id=uuid4(), warning_id=ghost,
                     conduct="Loud music late at night", requirements=["Stop"]))
    assert p.field == "warning_id"
    assert str(ghost) in p.rule and "Community Protection Warning" in p.rule


def test_a_reference_to_the_wrong_kind_of_instrument_is_rejected(story: Story) -> None:
    referral = story.refer(london(2026, 2, 1))
    p = only(invalid(story, "fpn_issued", instrument_id=uuid4(), notice_id=referral,
                     amount="50"))
    assert p.field == "notice_id"
    assert "Support referral" in p.rule and "expected a Community Protection Notice" in p.rule


def test_a_new_instrument_may_not_reuse_an_existing_id(story: Story) -> None:
    first = story.do("cpw_issued", at=london(2026, 2, 1), **cpw()).instrument_id
    ref = story.refusal("cpw_issued", "duplicate_entry", at=london(2026, 2, 2),
                        **cpw(instrument_id=first))
    assert f"instrument_id {first} already names entry 2" in ref.message


def test_a_correction_must_name_an_existing_entry(story: Story) -> None:
    p = only(invalid(story, "entry_corrected", corrected_version=2, correction="Date was 3 Mar",
                     reason="Typing error in the date"))
    assert p.field == "corrected_version" and "1..1" in p.rule


def test_an_override_must_name_a_step_of_this_kind_of_stream(story: Story) -> None:
    p = only(invalid(story, "override_authorised", actor=SUPERVISOR, override_id=uuid4(),
                     for_step="closure_notice_issued", guard_code="support_not_offered",
                     reason="Premises used for drug dealing"))
    assert p.field == "for_step" and "not a step of a pathway" in p.rule


def test_an_override_must_name_a_soft_guard_of_its_step(story: Story) -> None:
    p = only(invalid(story, "override_authorised", actor=SUPERVISOR, override_id=uuid4(),
                     for_step="cpw_issued", guard_code="no_such_guard",
                     reason="Because we say so, really"))
    assert p.field == "guard_code" and "lesser_measures_skipped" in p.rule


def test_an_override_of_a_soft_guard_on_the_wrong_step_is_not_called_hard(story: Story) -> None:
    p = only(invalid(story, "override_authorised", actor=SUPERVISOR, override_id=uuid4(),
                     for_step="cpw_issued", guard_code="support_not_offered",
                     reason="Support refused three times"))
    assert p.field == "guard_code" and "HARD" not in p.rule


# ---------------------------------------------------------------------- time
def test_a_step_in_the_future_is_rejected(story: Story) -> None:
    p = only(invalid(story, "cpw_issued", at=AT, now=AT - timedelta(minutes=6), **cpw()))
    assert (p.field, p.rule) == ("occurred_at", "must not be in the future")


def test_a_few_minutes_of_clock_skew_are_tolerated(story: Story) -> None:
    event = story.decide("cpw_issued", at=AT, now=AT - timedelta(minutes=4), **cpw())
    assert event.recorded_at < event.occurred_at


def test_a_step_dated_before_the_subjects_birth_is_a_validation_problem() -> None:
    s = Story.person(dob=date(2027, 1, 1), at=london(2026, 1, 5))
    p = only(invalid(s, "cpw_issued", **cpw()))
    assert p.field in {"occurred_at", "subject.date_of_birth", "date_of_birth"}


@pytest.mark.parametrize("timing", [
    {"precision": "range"},
    {"precision": "range", "occurred_until": AT - timedelta(days=1)},
], ids=["range-without-end", "end-before-start"])
def test_an_impossible_time_range_is_a_validation_problem(story: Story,
                                                          timing: dict[str, Any]) -> None:
    p = only(invalid(story, "early_intervention", intervention_id=uuid4(), kind="mediation",
                     **timing))
    assert p.field == "occurred_until"
