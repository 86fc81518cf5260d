"""The guard registry is declared, not filled by imports: any aggregate alone gives all of it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from domain import rules_court, rules_lifecycle, rules_orders, rules_person, rules_place
from domain import rules_privacy, rules_records, rules_soft
from domain.guards import Guard
from domain.model import GUARDS
from domain.registry import RULES

ROOT = Path(__file__).resolve().parents[2]

# Import one aggregate module alone; then read the registry, and (for the case streams) the
# guards their `decide` consults for a step.
PROBE = """
import importlib, json, sys
importlib.import_module(sys.argv[1])
decides = sys.modules.get("domain.aggregate")
registry = importlib.import_module("domain.registry").REGISTRY
cpw = [g.code for g in decides.guards_for("cpw_issued")] if decides else []
print(json.dumps({"codes": sorted(registry), "cpw": cpw}))
"""


def _alone(module: str) -> dict[str, list[str]]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, module], cwd=ROOT, capture_output=True, text=True,
        check=True, env={"PYTHONPATH": str(ROOT)},
    )
    result: dict[str, list[str]] = json.loads(out.stdout)
    return result


@pytest.mark.parametrize("module", ["domain.pathway", "domain.place", "domain.incident"])
def test_importing_one_aggregate_module_alone_gives_the_full_registry(module: str) -> None:
    alone = _alone(module)
    assert alone["codes"] == sorted(GUARDS)
    assert len(alone["codes"]) == sum(len(m.GUARDS) for m in RULES) > 0


@pytest.mark.parametrize("module", ["domain.pathway", "domain.place"])
def test_a_case_stream_module_alone_decides_with_every_guard(module: str) -> None:
    assert _alone(module)["cpw"] == [
        "cpw_minimum_age", "pathway_is_closed", "lesser_measures_skipped", "duplicate_entry",
        "processing_restricted",
    ]


def test_every_guard_a_rules_module_defines_is_in_its_declared_list() -> None:
    assert RULES == (rules_person, rules_court, rules_orders, rules_place, rules_lifecycle,
                     rules_soft, rules_records, rules_privacy)
    for module in RULES:
        defined = {id(v) for v in vars(module).values() if isinstance(v, Guard)}
        assert defined == {id(g) for g in module.GUARDS}, module.__name__


def test_a_code_declared_twice_is_refused() -> None:
    from domain.guards import GuardRegistry

    twice = rules_soft.GUARDS[0]
    with pytest.raises(ValueError, match=f"guard code {twice.code} declared twice"):
        GuardRegistry([twice, twice])
