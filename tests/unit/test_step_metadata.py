"""Each step carries what exports, read models and front ends need to know about it."""

from __future__ import annotations

import pytest

from adapters.driven.exports.contents import CHECKS
from domain import steps
from domain.instruments import SEVERITY, Kind
from domain import stepspec
from domain.stepspec import Court, Measure, StepSpec

EVERY = sorted(steps.LOGGED.values(), key=lambda s: s.name)


@pytest.mark.parametrize("spec", EVERY, ids=lambda s: s.name)
def test_every_step_has_its_wording_and_category(spec: StepSpec) -> None:
    assert spec.label and spec.done and spec.category
    assert spec.done != spec.name
    assert steps.done(spec.name) == spec.done


def test_every_step_has_a_named_constant_and_every_constant_names_a_step() -> None:
    constants = {name: value for name, value in vars(steps).items()
                 if name.isupper() and isinstance(value, str)}
    named = {v for k, v in constants.items() if k == v.upper()}
    assert named == set(steps.LOGGED)
    assert steps.CPN_ISSUED == "cpn_issued"


def test_an_unknown_step_is_worded_as_it_is() -> None:
    assert steps.done("not_a_step") == "not_a_step"


@pytest.mark.parametrize("spec", [s for s in EVERY if s.opens is not None], ids=lambda s: s.name)
def test_severity_is_the_severity_of_the_instrument_the_step_opens(spec: StepSpec) -> None:
    assert spec.opens is not None
    assert spec.severity == SEVERITY[spec.opens]


def test_severity_covers_every_instrument_including_the_cbo() -> None:
    opened = {s.opens for s in steps.ALL.values() if s.opens is not None}
    assert opened == set(Kind)
    assert steps.ALL[steps.CBO_GRANTED].severity == SEVERITY[Kind.CBO]


def test_a_step_that_moves_one_kind_takes_that_kind_severity() -> None:
    extended = steps.ALL[steps.CLOSURE_ORDER_EXTENDED]
    assert extended.moves == {Kind.CLOSURE_ORDER}
    assert extended.severity == SEVERITY[Kind.CLOSURE_ORDER]
    # A breach may name four kinds of instrument: it has no one severity.
    assert steps.ALL[steps.BREACH_RECORDED].severity is None


def test_every_escalation_and_lesser_measure_has_a_severity() -> None:
    for name in steps.MEASURE_STEPS:
        assert steps.ALL[name].severity is not None, name
    escalations = {steps.ALL[n].severity for n in steps.ESCALATION_STEPS}
    lesser_only = {steps.ALL[n].severity for n in steps.MEASURE_STEPS - steps.ESCALATION_STEPS}
    assert lesser_only == {stepspec.NON_STATUTORY_SEVERITY}
    assert stepspec.NON_STATUTORY_SEVERITY <= min(s for s in escalations if s is not None)


def test_court_steps_split_into_proceedings_brought_and_court_records() -> None:
    proceedings = {n for n, s in steps.ALL.items() if s.court is Court.PROCEEDINGS}
    assert proceedings == {steps.CPN_APPEAL_LODGED, steps.PROSECUTION_STARTED,
                           steps.INJUNCTION_APPLIED, steps.CLOSURE_ORDER_APPLIED,
                           steps.RESPECT_ORDER_APPLIED}
    assert steps.COURT_RECORD_STEPS == steps.COURT_STEPS - proceedings
    assert len(steps.COURT_STEPS) == 20 and len(steps.COURT_RECORD_STEPS) == 15
    assert steps.CBO_GRANTED in steps.COURT_RECORD_STEPS
    assert steps.ARRESTED not in steps.COURT_STEPS


NOTICE_KINDS = {Kind.CPW, Kind.CPN, Kind.FPN, Kind.DISPERSAL, Kind.CLOSURE_NOTICE,
                Kind.CLOSURE_ORDER, Kind.INJUNCTION, Kind.RESPECT_ORDER}


def test_every_step_opening_a_notice_or_order_carries_its_statutory_contents() -> None:
    issuing = {n for n, s in steps.ALL.items() if s.opens in NOTICE_KINDS}
    assert steps.NOTICE_STEPS == issuing
    assert all(steps.ALL[n].measure is Measure.ESCALATION for n in issuing)


@pytest.mark.parametrize("name", sorted(steps.NOTICE_STEPS))
def test_every_content_item_is_checked_or_names_the_field_the_model_lacks(name: str) -> None:
    notice = steps.ALL[name].notice
    assert notice is not None and notice.name and notice.contents
    for item in notice.contents:
        assert item.text and item.basis
        assert item.check or (item.lacks and (item.to_record or item.optional)), item.text
        if item.check:
            assert item.check in CHECKS, item.check
        if item.on:
            assert item.on in steps.ALL
