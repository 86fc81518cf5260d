"""The guard registry, composed from the guards each rules module declares.

Nothing registers itself on import: the registry is exactly the modules listed here, so
importing any one aggregate module (which imports this one) gives every guard.
"""

from __future__ import annotations

from domain import rules_court, rules_lifecycle, rules_orders, rules_person, rules_place
from domain import rules_privacy, rules_records, rules_soft
from domain.guards import Guard, GuardRegistry

#: The rules modules, in the order their guards are evaluated for a step.
RULES = (rules_person, rules_court, rules_orders, rules_place, rules_lifecycle, rules_soft,
         rules_records, rules_privacy)

REGISTRY = GuardRegistry(g for module in RULES for g in module.GUARDS)
GUARDS = REGISTRY


def guards_for(step: str) -> tuple[Guard, ...]:
    return REGISTRY.for_step(step)
