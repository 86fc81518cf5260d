"""Rule sets: the statutory parameters in force, as dated data.

The rule set that decides a step is chosen by the step's `occurred_at`, never by
the clock; its id is stored on the event so a court can see which law decided.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from domain.calendar import LONDON


class RuleSetStatus(str, Enum):
    IN_FORCE = "in_force"
    ENACTED_NOT_COMMENCED = "enacted_not_commenced"
    PROPOSED = "proposed"


@dataclass(frozen=True)
class RuleSet:
    id: str
    title: str
    effective_from: datetime
    status: RuleSetStatus
    source: str
    fpn_max_pounds: int
    closure_hearing_window_hours: int
    dispersal_max_hours: int
    respect_orders: bool
    cpn_min_age: int
    injunction_min_age: int
    youth_injunction_max_months: int
    closure_order_max_months: int
    closure_order_total_max_months: int
    cpn_appeal_days: int
    fpn_period_days: int


ASBCPA_2014 = RuleSet(
    id="asbcpa2014-amended",
    title="Anti-social Behaviour, Crime and Policing Act 2014, as amended",
    effective_from=datetime(2014, 10, 20, tzinfo=LONDON),
    status=RuleSetStatus.IN_FORCE,
    source="legislation.gov.uk/ukpga/2014/12; Home Office statutory guidance (March 2023)",
    fpn_max_pounds=100,
    closure_hearing_window_hours=48,
    dispersal_max_hours=48,
    respect_orders=False,
    cpn_min_age=16,
    injunction_min_age=10,
    youth_injunction_max_months=12,
    closure_order_max_months=3,
    closure_order_total_max_months=6,
    cpn_appeal_days=21,
    fpn_period_days=14,
)

CPA_2026 = RuleSet(
    id="cpa2026",
    title="Crime and Policing Act 2026 amendments (FPN £500, 72 h closure hearing, "
    "72 h dispersal, Respect Orders)",
    effective_from=datetime(2026, 4, 29, tzinfo=LONDON),
    status=RuleSetStatus.ENACTED_NOT_COMMENCED,
    source="Crime and Policing Act 2026; commencement by regulations (not yet made)",
    fpn_max_pounds=500,
    closure_hearing_window_hours=72,
    dispersal_max_hours=72,
    respect_orders=True,
    cpn_min_age=16,
    injunction_min_age=10,
    youth_injunction_max_months=12,
    closure_order_max_months=3,
    closure_order_total_max_months=6,
    cpn_appeal_days=21,
    fpn_period_days=14,
)

KNOWN_RULE_SETS: tuple[RuleSet, ...] = (ASBCPA_2014, CPA_2026)


class UnknownRuleSetError(ValueError):
    pass


def rule_set_by_id(rule_set_id: str) -> RuleSet:
    """The rule set an event recorded (whatever is switched on today)."""
    for r in KNOWN_RULE_SETS:
        if r.id == rule_set_id:
            return r
    raise UnknownRuleSetError(f"rule set {rule_set_id} unknown")


@dataclass(frozen=True)
class RuleBook:
    """The rule sets a deployment knows, and which not-yet-in-force ones are switched on.

    A rule set applies from its `effective_from` if it is in force, or if it has
    been switched on explicitly (e.g. a pilot area, or once commencement regulations
    are made before this table is updated).
    """

    rule_sets: tuple[RuleSet, ...] = KNOWN_RULE_SETS
    switched_on: frozenset[str] = frozenset()

    @classmethod
    def with_switches(cls, ids: Iterable[str]) -> RuleBook:
        ids = frozenset(i.strip() for i in ids if i.strip())
        known = {r.id for r in KNOWN_RULE_SETS}
        unknown = sorted(ids - known)
        if unknown:
            raise UnknownRuleSetError(
                f"rule set(s) {', '.join(unknown)} unknown; known: {', '.join(sorted(known))}"
            )
        return cls(switched_on=ids)

    def applicable(self, rule_set: RuleSet) -> bool:
        return rule_set.status is RuleSetStatus.IN_FORCE or rule_set.id in self.switched_on

    def for_moment(self, occurred_at: datetime) -> RuleSet:
        candidates = [
            r for r in self.rule_sets if self.applicable(r) and r.effective_from <= occurred_at
        ]
        if not candidates:
            return ASBCPA_2014
        return max(candidates, key=lambda r: r.effective_from)

    def by_id(self, rule_set_id: str) -> RuleSet:
        for r in self.rule_sets:
            if r.id == rule_set_id:
                return r
        raise UnknownRuleSetError(f"rule set {rule_set_id} unknown")
