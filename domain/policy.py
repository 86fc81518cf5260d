"""What may come next: every step of a stream, allowed or refused with all reasons."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from domain.aggregate import CaseStream
from domain.guards import Actor, Decision, GuardKind, Refusal
from domain.instruments import is_live
from domain.registry import GUARDS
from domain.rulesets import RuleBook
from domain.stepspec import StepSpec

PROBE_ACTOR = Actor(user_id="probe", agency="-", role="officer")


@dataclass(frozen=True)
class NextStep:
    step: str
    label: str
    legal_basis: str
    allowed: bool
    reasons: list[Refusal] = field(default_factory=list)
    targets: list[UUID] = field(default_factory=list)

    @property
    def overridable(self) -> bool:
        return bool(self.reasons) and all(r.kind is GuardKind.SOFT for r in self.reasons)


def _probe(agg: CaseStream, spec: StepSpec, now: datetime, rule_book: RuleBook,
           actor: Actor) -> NextStep:
    rule_set = rule_book.for_moment(now)
    required = [t for t in spec.targets if not t.optional]
    candidates: list[dict[str, object]] = [{}]
    if required:
        t = required[0]
        found = [i for i in agg.of_kind(*t.kinds) if is_live(i.state)]
        candidates = [{t.field: i} for i in found] or [{}]
    best: list[Refusal] | None = None
    allowed: list[UUID] = []
    for targets in candidates:
        decision = Decision(agg, spec.name, now, rule_set, actor, None, targets)  # type: ignore[arg-type]
        refusals, _ = agg.evaluate(decision)
        if not refusals:
            allowed.extend(i.id for i in targets.values())  # type: ignore[attr-defined]
            if not targets:
                break
        elif best is None or len(refusals) < len(best):
            best = refusals
    ok = bool(allowed) or (best is None)
    return NextStep(spec.name, spec.label, spec.legal_basis, ok, [] if ok else (best or []),
                    allowed)


def next_steps(agg: CaseStream, now: datetime, rule_book: RuleBook,
               actor: Actor = PROBE_ACTOR) -> list[NextStep]:
    return [_probe(agg, spec, now, rule_book, actor) for spec in agg.STEPS.values()]


def guard_codes() -> dict[str, GuardKind]:
    return {code: g.kind for code, g in GUARDS.items()}
