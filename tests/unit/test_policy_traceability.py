"""The policy document (features/*.feature) and the engine name the same rules.

Every guard in `domain.model.GUARDS` and every timer in `domain.model.TIMERS` is named by a
`@guard:<code>` / `@timer:<code>` tag on at least one scenario that is expected to pass (not
`@wip`), and every such tag names a guard or timer that exists. Tags belong on scenarios (not on
a Feature or Rule), so each one points at a concrete, runnable example.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from gherkin.parser import Parser

from domain.model import GUARDS, TIMERS

FEATURES = Path(__file__).resolve().parents[2] / "features"
TRACED: dict[str, Mapping[str, object]] = {"guard": GUARDS, "timer": TIMERS}
Node = dict[str, Any]  # a node of the Gherkin AST, as the official parser returns it


@dataclass(frozen=True)
class Traced:
    kind: str  # "guard" | "timer"
    code: str
    where: str  # file:line of the tag
    wip: bool


Policy = tuple[list[Traced], list[str]]  # trace tags on scenarios; trace tags misplaced


def _scenarios(children: list[Node]) -> Iterator[Node]:
    for child in children:
        if "scenario" in child:
            yield child["scenario"]
        elif "rule" in child:
            yield from _scenarios(child["rule"]["children"])


def _misplaced(node: Node, path: Path) -> list[str]:
    return [f"{path.name}:{t['location']['line']} {t['name']}" for t in node.get("tags", [])
            if t["name"].split(":")[0].lstrip("@") in TRACED]


def read_policy(folder: Path = FEATURES) -> Policy:
    """All trace tags on scenarios, and any trace tags put where they do not belong."""
    traced: list[Traced] = []
    misplaced: list[str] = []
    paths = sorted(folder.glob("*.feature"))
    assert paths, f"no feature files in {folder}"
    for path in paths:
        document: Any = Parser().parse(path.read_text(encoding="utf-8"))
        feature: Node = document["feature"]
        misplaced += _misplaced(feature, path)
        for child in feature["children"]:
            if "rule" in child:
                misplaced += _misplaced(child["rule"], path)
        for scenario in _scenarios(feature["children"]):
            names = [t["name"].lstrip("@") for t in scenario["tags"]]
            for examples in scenario.get("examples", []):
                misplaced += _misplaced(examples, path)
            for tag in scenario["tags"]:
                kind, sep, code = tag["name"].lstrip("@").partition(":")
                if sep and kind in TRACED:
                    traced.append(Traced(kind, code, f"{path.name}:{tag['location']['line']}",
                                         "wip" in names))
    return traced, misplaced


@pytest.fixture(scope="module")
def policy() -> Policy:
    return read_policy()


def missing(policy: Policy, kind: str) -> list[str]:
    covered = {t.code for t in policy[0] if t.kind == kind and not t.wip}
    return sorted(set(TRACED[kind]) - covered)


def unknown(policy: Policy, kind: str) -> list[str]:
    return [f"{t.where} @{kind}:{t.code}" for t in policy[0]
            if t.kind == kind and t.code not in TRACED[kind]]


@pytest.mark.parametrize("kind", sorted(TRACED))
def test_every_engine_rule_has_a_passing_scenario(kind: str, policy: Policy) -> None:
    assert not missing(policy, kind), (
        f"{kind}s with no scenario in features/ (tag @{kind}:<code>): {missing(policy, kind)}")


@pytest.mark.parametrize("kind", sorted(TRACED))
def test_every_tag_names_an_engine_rule(kind: str, policy: Policy) -> None:
    assert not unknown(policy, kind), (
        f"tags naming no {kind} of the engine: {unknown(policy, kind)}")


def test_trace_tags_sit_on_scenarios(policy: Policy) -> None:
    assert not policy[1], f"trace tags on a Feature, Rule or Examples block: {policy[1]}"


def test_the_check_itself_catches_gaps_and_strays(tmp_path: Path) -> None:
    """A made-up policy: one real guard only under @wip, one tag naming nothing, one on a Rule."""
    real = next(iter(GUARDS))
    (tmp_path / "made_up.feature").write_text(
        "Feature: made up\n"
        "  Rule: a rule\n"
        "    @wip @guard:" + real + "\n"
        "    Scenario: the law as it should be\n"
        "      Given something\n"
        "    @timer:no_such_timer\n"
        "    Scenario: a stray tag\n"
        "      Given something\n"
        "  @guard:" + real + "\n"
        "  Rule: a tagged rule\n"
        "    Scenario: untagged\n"
        "      Given something\n",
        encoding="utf-8",
    )
    made_up = read_policy(tmp_path)
    assert real in missing(made_up, "guard")
    assert unknown(made_up, "timer") == ["made_up.feature:6 @timer:no_such_timer"]
    assert made_up[1] == [f"made_up.feature:9 @guard:{real}"]
