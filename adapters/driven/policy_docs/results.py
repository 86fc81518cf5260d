"""The last result of each scenario: JUnit XML from a pytest run of features/, mapped back.

pytest-bdd names the test of a scenario `test_<slug of its name>` (with `_1`, `_2`... when two
names give the same slug) and each example row of an outline `[<values joined by '-'>]`; the
mapping below follows the same rules, and falls back to the order of the rows when an id
cannot be matched exactly.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from adapters.driven.policy_docs.gherkin_model import Feature, Scenario


class Outcome(str, Enum):
    PASSED = "passed"
    FAILED = "failed"
    XFAIL = "xfail"
    SKIPPED = "skipped"
    NOT_RUN = "not run"


# An outline's overall result is the worst of its rows.
_SEVERITY = [Outcome.FAILED, Outcome.NOT_RUN, Outcome.SKIPPED, Outcome.XFAIL, Outcome.PASSED]


def worst(outcomes: list[Outcome]) -> Outcome:
    if not outcomes:
        return Outcome.NOT_RUN
    return min(outcomes, key=_SEVERITY.index)


@dataclass(frozen=True)
class JUnitCase:
    classname: str
    name: str
    outcome: Outcome
    message: str = ""

    @property
    def base(self) -> str:
        return self.name.split("[", 1)[0]

    @property
    def param_id(self) -> str | None:
        return self.name[len(self.base) + 1:-1] if "[" in self.name else None


@dataclass(frozen=True)
class RowResult:
    outcome: Outcome
    message: str = ""


@dataclass
class ScenarioResult:
    """The result of a scenario, and of each of its example rows when it is an outline."""

    rows: list[RowResult] = field(default_factory=list)

    @property
    def outcome(self) -> Outcome:
        return worst([r.outcome for r in self.rows])

    @property
    def messages(self) -> list[str]:
        return [r.message for r in self.rows if r.message]


NOT_RUN = RowResult(Outcome.NOT_RUN)


def read_junit(path: Path) -> list[JUnitCase]:
    root = ET.parse(path).getroot()
    cases = []
    for tc in root.iter("testcase"):
        outcome, message = Outcome.PASSED, ""
        for child in tc:
            if child.tag in ("failure", "error"):
                outcome = Outcome.FAILED
                message = (child.get("message") or "") + "\n" + (child.text or "")
                break
            if child.tag == "skipped":
                xfail = child.get("type") == "pytest.xfail"
                outcome = Outcome.XFAIL if xfail else Outcome.SKIPPED
                message = child.get("message") or ""
        cases.append(JUnitCase(tc.get("classname", ""), tc.get("name", ""), outcome,
                              message.strip()))
    return cases


def python_name(name: str) -> str:
    """pytest-bdd's `make_python_name`: the slug of a scenario name in its test's name."""
    return re.sub(r"^\d+_*", "", re.sub(r"\W", "", name.replace(" ", "_"))).lower()


def _ascii_escaped(text: str) -> str:
    """pytest's escaping of a parametrisation id (non-ASCII as \\x.., \\u.. escapes)."""
    escaped = text.encode("unicode_escape").decode("ascii")
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in escaped)


def example_ids(scenario: Scenario) -> list[str]:
    """The id pytest gives each example row: values joined by '-', made unique."""
    ids = [_ascii_escaped("-".join(row)) for row in scenario.example_rows]
    counts = Counter(ids)
    taken = set(ids)
    next_suffix: dict[str, int] = defaultdict(int)
    unique = []
    for i in ids:
        if counts[i] > 1:
            sep = "_" if i and i[-1].isdigit() else ""
            new = f"{i}{sep}{next_suffix[i]}"
            while new in taken:
                next_suffix[i] += 1
                new = f"{i}{sep}{next_suffix[i]}"
            next_suffix[i] += 1
            taken.add(new)
            i = new
        unique.append(i)
    return unique


def scenario_test_names(feature: Feature) -> dict[str, Scenario]:
    """The test function name pytest-bdd gives each scenario of a feature file."""
    names: dict[str, Scenario] = {}
    seen: set[str] = set()
    for scenario in feature.scenarios:
        if scenario.name in seen:  # pytest-bdd binds one scenario per name
            continue
        seen.add(scenario.name)
        base, suffix = f"test_{python_name(scenario.name)}", 0
        name = base
        while name in names:
            suffix += 1
            name = f"{base}_{suffix}"
        names[name] = scenario
    return names


def _owner(candidates: list[tuple[Feature, Scenario]], classname: str
           ) -> tuple[Feature, Scenario] | None:
    if len(candidates) == 1:
        return candidates[0]
    module = classname.rsplit(".", 1)[-1]
    named = [c for c in candidates if module in (f"test_{c[0].stem}", c[0].stem)]
    return named[0] if len(named) == 1 else None


def _rows(scenario: Scenario, cases: list[JUnitCase]) -> list[RowResult]:
    if not scenario.is_outline:
        plain = [c for c in cases if c.param_id is None] or cases
        return [RowResult(plain[-1].outcome, plain[-1].message)] if plain else [NOT_RUN]
    ids = example_ids(scenario)
    by_id = {c.param_id: c for c in cases if c.param_id is not None}
    rows: list[RowResult | None] = [None] * len(ids)
    for i, param_id in enumerate(ids):
        if (case := by_id.pop(param_id, None)) is not None:
            rows[i] = RowResult(case.outcome, case.message)
    leftovers = [c for c in cases if c.param_id in by_id]  # ids we could not match: by order
    for i, row in enumerate(rows):
        if row is None and leftovers:
            case = leftovers.pop(0)
            rows[i] = RowResult(case.outcome, case.message)
    return [row or NOT_RUN for row in rows]


def attach(features: list[Feature], cases: list[JUnitCase]) -> dict[str, ScenarioResult]:
    """Each scenario's result, by its anchor; scenarios absent from the run are 'not run'."""
    index: dict[str, list[tuple[Feature, Scenario]]] = defaultdict(list)
    for feature in features:
        for name, scenario in scenario_test_names(feature).items():
            index[name].append((feature, scenario))
    grouped: dict[tuple[str, str], list[JUnitCase]] = defaultdict(list)
    for case in cases:
        grouped[(case.classname, case.base)].append(case)
    results: dict[str, ScenarioResult] = {}
    for (classname, base), group in grouped.items():
        owner = _owner(index.get(base, []), classname)
        if owner is not None:
            results[owner[1].anchor] = ScenarioResult(_rows(owner[1], group))
    for feature in features:
        for scenario in feature.scenarios:
            rows = max(1, len(scenario.example_rows))
            results.setdefault(scenario.anchor, ScenarioResult([NOT_RUN] * rows))
    return results


def run_features(features_dir: Path, junit: Path) -> int:
    """Run the scenarios of `features_dir` with pytest, writing JUnit XML; pytest's exit code.

    Runs in a child process, from the project root (the folder holding `features_dir`), so the
    project's pytest configuration and the features' conftest apply as in the test suite.
    """
    command = [sys.executable, "-m", "pytest", str(features_dir), "-q", "-p", "no:cacheprovider",
               f"--junitxml={junit}", "-o", "junit_family=xunit2"]
    done = subprocess.run(command, cwd=features_dir.parent, env=dict(os.environ),
                          capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1) or not junit.exists():
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise RuntimeError(f"pytest could not run the features (exit {done.returncode}):\n{tail}")
    return done.returncode
