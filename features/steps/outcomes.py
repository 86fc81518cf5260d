"""What the engine answered: recorded entries, refusals with their reasons, rejected input, and
what it offers as next steps."""

from __future__ import annotations

from pytest_bdd import parsers, then

from domain.events.base import DomainEvent
from domain.guards import GuardKind, Refusal
from domain.policy import NextStep
from features.steps.vocabulary import (
    CODES, NAME, Case, Outcome, moment, parse_codes, when as at,
)
from service.application import PathwayApplication

CODES_NAMED = "codes named"  # set in Outcome.extra once a step has named every refusing guard


def _refused(outcome: Outcome) -> None:
    assert outcome.refusals, f"expected a refusal, but the step was {outcome.describe()}"


# ----------------------------------------------------------------- recorded or refused
@then("it is recorded")
def _recorded(outcome: Outcome) -> None:
    assert outcome.event is not None, (
        f"expected the step to be recorded, but it was {outcome.describe()}")


@then(parsers.re(rf"it is refused: {CODES}"))
def _refused_exactly(codes: str, outcome: Outcome) -> None:
    expected = parse_codes(codes)
    _refused(outcome)
    assert outcome.codes == expected, (
        f"expected refusal by {sorted(expected)}, got {outcome.describe()}")
    outcome.extra[CODES_NAMED] = True


@then(parsers.re(r'the refusal explains "(?P<text>[^"]+)"'))
def _explains(text: str, outcome: Outcome) -> None:
    _refused(outcome)
    assert any(text in r.message for r in outcome.refusals), (
        f"no reason explains {text!r}: {[r.message for r in outcome.refusals]}")


@then(parsers.re(r'the refusal advises "(?P<text>[^"]+)"'))
def _advises(text: str, outcome: Outcome) -> None:
    _refused(outcome)
    assert any(text in r.remedy for r in outcome.refusals), (
        f"no reason advises {text!r}: {[r.remedy for r in outcome.refusals]}")


@then(parsers.re(rf"the refusal says it may be done from {at('earliest')}"))
def _earliest(earliest: str, outcome: Outcome) -> None:
    _refused(outcome)
    expected = moment(earliest)
    assert any(r.earliest == expected for r in outcome.refusals), (
        f"no reason gives {expected}: {[r.earliest for r in outcome.refusals]}")


def _reason(outcome: Outcome, code: str) -> Refusal:
    _refused(outcome)
    found = [r for r in outcome.refusals if r.code == code]
    assert found, f"{code} is not among the reasons: {outcome.describe()}"
    return found[0]


@then(parsers.re(r'the refusal by (?P<code>[a-z_]+) cites "(?P<basis>[^"]+)"'))
def _cites(code: str, basis: str, outcome: Outcome) -> None:
    assert basis in _reason(outcome, code).legal_basis


@then(parsers.re(r"the refusal by (?P<code>[a-z_]+) (?P<can>can|cannot) be overridden by a "
                 r"supervisor"))
def _overridable(code: str, can: str, outcome: Outcome) -> None:
    kind = _reason(outcome, code).kind
    assert kind is (GuardKind.SOFT if can == "can" else GuardKind.HARD), f"{code} is {kind.value}"


@then("every reason for refusal can be overridden by a supervisor")
def _all_soft(outcome: Outcome) -> None:
    _refused(outcome)
    assert all(r.kind is GuardKind.SOFT for r in outcome.refusals), outcome.describe()


# ----------------------------------------------------------------- rejected input
@then(parsers.re(r'it is rejected because "(?P<field>[^"]+)" (?P<rule>.+)'))
def _rejected(field: str, rule: str, outcome: Outcome) -> None:
    assert outcome.problems, f"expected the input to be rejected, but it was {outcome.describe()}"
    assert any(p.field == field and rule in p.rule for p in outcome.problems), outcome.describe()


@then(parsers.re(r'the rejection explains "(?P<text>[^"]+)"'))
def _rejection_explains(text: str, outcome: Outcome) -> None:
    assert any(text in p.rule for p in outcome.problems), outcome.describe()


# ----------------------------------------------------------------- the entry
def _entry(outcome: Outcome) -> DomainEvent:
    assert outcome.event is not None, f"expected an entry, but the step was {outcome.describe()}"
    return outcome.event


@then(parsers.re(r'the entry cites "(?P<basis>[^"]+)"'))
def _entry_cites(basis: str, outcome: Outcome) -> None:
    assert basis in _entry(outcome).legal_basis, _entry(outcome).legal_basis


@then(parsers.re(r'the entry records that rule set "(?P<rule_set>[^"]+)" decided it'))
def _entry_rule_set(rule_set: str, outcome: Outcome) -> None:
    assert _entry(outcome).rule_set == rule_set


@then(parsers.re(r'the decision names rule set "(?P<rule_set>[^"]+)"'))
def _decision_rule_set(rule_set: str, outcome: Outcome) -> None:
    """A recorded entry stores its rule set; a refusal names it in its explanation."""
    if outcome.event is not None:
        assert outcome.event.rule_set == rule_set, outcome.event.rule_set
    else:
        _refused(outcome)
        assert any(rule_set in r.message for r in outcome.refusals), outcome.describe()


@then("the entry was decided using the supervisor's override")
def _used_override(outcome: Outcome) -> None:
    assert _entry(outcome).overrides_used, "the entry names no override"


@then(parsers.re(r'the entry records who made it: "(?P<user>[^"]+)" of "(?P<agency>[^"]+)", as '
                 r'"(?P<role>[^"]+)"'))
def _entry_author(user: str, agency: str, role: str, outcome: Outcome) -> None:
    entry = _entry(outcome)
    assert (entry.actor, entry.agency, entry.role) == (user, agency, role)
    assert entry.recorded_at is not None and entry.hash == entry.compute_hash()


@then(parsers.re(rf"nothing is added to {NAME}'s case"))
def _nothing_added(name: str, outcome: Outcome, app: PathwayApplication) -> None:
    assert outcome.event is None, f"the step was {outcome.describe()}"
    assert app.load_any(outcome.stream).version == outcome.version_before


# ----------------------------------------------------------------- next steps
def _next(app: PathwayApplication, subject: Case, name: str, on: str, label: str) -> NextStep:
    steps = app.next_steps(subject.named(name).id, now=moment(on))
    found = [s for s in steps if s.label == label]
    assert found, f"{label!r} is not a step; steps are {[s.label for s in steps]}"
    return found[0]


@then(parsers.re(rf'on {at("on")}, "(?P<label>[^"]+)" is possible for {NAME}'))
def _possible(on: str, label: str, name: str, subject: Case, app: PathwayApplication) -> None:
    step = _next(app, subject, name, on, label)
    assert step.allowed, f"{label} is not possible: {[r.code for r in step.reasons]}"


@then(parsers.re(rf'on {at("on")}, "(?P<label>[^"]+)" is not possible for {NAME} because of '
                 r"(?P<code>[a-z_]+)"))
def _not_possible(on: str, label: str, name: str, code: str, subject: Case,
                  app: PathwayApplication) -> None:
    step = _next(app, subject, name, on, label)
    assert not step.allowed, f"{label} is possible"
    assert code in {r.code for r in step.reasons}, [r.code for r in step.reasons]
