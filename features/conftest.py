"""The policy document's fixtures and step vocabulary.

The feature files drive the real application service on a temporary SQLite store: the `app`,
`clock` and `sqlite_settings` fixtures are the ones the rest of the test suite uses. State passes
between steps only through fixtures set with `target_fixture` (`subject`, `premises`, `outcome`,
`report`, and `app` when a scenario chooses its rule book).

Tags:
- `@guard:<code>` / `@timer:<code>` trace a scenario to a guard or timer of the engine
  (checked both ways by tests/unit/test_policy_traceability.py); they become `guard` / `timer`
  marks carrying the code.
- Every refusal a scenario meets must be named guard by guard ("it is refused: code, code"):
  a scenario whose steps all passed fails if a refusal it met was never named that way.
- `@wip` marks the law as it should be where the engine decides otherwise: the scenario is
  expected to fail (strict xfail), so it starts passing loudly once the engine is fixed.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest

from features.steps import (
    cases, community_protection, courts, deadlines, governance, integrity, lifecycles, orders,
    outcomes, places,
)
from features.steps.outcomes import CODES_NAMED
from features.steps.vocabulary import Outcome
from tests.conftest import app, clock, sqlite_settings  # noqa: F401  (re-exposed fixtures)

STEP_MODULES: tuple[ModuleType, ...] = (
    cases, community_protection, courts, deadlines, governance, integrity, lifecycles, orders,
    outcomes, places,
)

# pytest-bdd registers each step definition as a fixture in its module; expose them here.
for _module in STEP_MODULES:
    globals().update({k: v for k, v in vars(_module).items() if k.startswith("pytestbdd_")})

WIP_REASON = ("@wip: the scenario states the law as it should be; the engine decides otherwise "
              "(see the scenario and the policy report)")
TRACE_TAGS = ("guard", "timer")
OUTCOMES = pytest.StashKey[list[Outcome]]()  # every outcome a scenario's steps produced
STEPS_RUN = pytest.StashKey[int]()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "guard(code): the scenario traces to this guard code")
    config.addinivalue_line("markers", "timer(code): the scenario traces to this timer code")


def pytest_bdd_apply_tag(tag: str, function: Callable[..., object]) -> object:
    if tag == "wip":
        # Only a failed expectation counts: a broken step definition must still fail the run.
        pytest.mark.xfail(strict=True, raises=AssertionError, reason=WIP_REASON)(function)
        return True
    kind, sep, code = tag.partition(":")
    if sep and kind in TRACE_TAGS:
        getattr(pytest.mark, kind)(code)(function)
        return True
    return None  # any other tag: pytest-bdd's default (an unregistered mark fails loudly)


def _outcome_now(request: pytest.FixtureRequest) -> Outcome | None:
    try:
        value = request.getfixturevalue("outcome")
    except pytest.FixtureLookupError:
        return None
    return value if isinstance(value, Outcome) else None


def pytest_bdd_after_step(request: pytest.FixtureRequest, **_: object) -> None:
    stash = request.node.stash
    stash[STEPS_RUN] = stash.get(STEPS_RUN, 0) + 1
    seen = stash.setdefault(OUTCOMES, [])
    outcome = _outcome_now(request)
    if outcome is not None and not any(o is outcome for o in seen):
        seen.append(outcome)


def pytest_bdd_after_scenario(request: pytest.FixtureRequest, scenario: object, **_: object) -> None:
    """A refusal checked only by its wording, or not at all, says too little: name its guards.
    Checked only when every step ran, so a failing step keeps its own message."""
    stash = request.node.stash
    if stash.get(STEPS_RUN, 0) < len(getattr(scenario, "steps", ())):
        return
    unnamed = [o for o in stash.get(OUTCOMES, []) if o.refusals and not o.extra.get(CODES_NAMED)]
    if unnamed:
        raise AssertionError(
            "the scenario meets a refusal without naming its guards; add "
            f'"Then it is refused: {", ".join(sorted(unnamed[0].codes))}" ({unnamed[0].describe()})')
