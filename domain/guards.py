"""Guards: the statutory (HARD) and guidance (SOFT) conditions on each step.

A guard is a pure function of a `Decision` returning a `Failure` or None. Every guard
is registered with a stable code, kind, legal basis and the steps it governs, so the
policy document (features/) can be checked against this registry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from domain.aggregate import CaseStream
    from domain.records import Instrument
    from domain.rulesets import RuleSet


class GuardKind(str, Enum):
    HARD = "hard"
    SOFT = "soft"


@dataclass(frozen=True)
class Actor:
    """Who is recording: comes from the authenticated user, never from input."""

    user_id: str
    agency: str
    role: str
    rank: str | None = None


@dataclass(frozen=True)
class Decision:
    """Everything a guard may look at. `cmd` is None when probing next steps."""

    agg: CaseStream
    step: str
    at: datetime
    rule_set: RuleSet
    actor: Actor
    cmd: Any | None = None
    targets: dict[str, Instrument] = field(default_factory=dict)

    def target(self, name: str) -> Instrument | None:
        return self.targets.get(name)


@dataclass(frozen=True)
class Failure:
    message: str
    remedy: str
    earliest: datetime | None = None


@dataclass(frozen=True)
class Refusal:
    code: str
    kind: GuardKind
    legal_basis: str
    message: str
    remedy: str
    earliest: datetime | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "kind": self.kind.value,
            "legal_basis": self.legal_basis,
            "message": self.message,
            "remedy": self.remedy,
            "earliest": self.earliest.isoformat() if self.earliest else None,
        }


Check = Callable[[Decision], Failure | None]


@dataclass(frozen=True)
class Guard:
    code: str
    kind: GuardKind
    legal_basis: str
    title: str
    steps: tuple[str, ...]
    check: Check

    def evaluate(self, decision: Decision) -> Refusal | None:
        failure = self.check(decision)
        if failure is None:
            return None
        return Refusal(
            self.code, self.kind, self.legal_basis, failure.message, failure.remedy,
            failure.earliest,
        )


GUARDS: dict[str, Guard] = {}
_BY_STEP: dict[str, list[Guard]] = {}


def guard(
    code: str, kind: GuardKind, legal_basis: str, title: str, *steps: str
) -> Callable[[Check], Check]:
    """Register a guard function under a stable code."""

    def register(check: Check) -> Check:
        if code in GUARDS:
            raise ValueError(f"guard code {code} registered twice")
        g = Guard(code, kind, legal_basis, title, steps, check)
        GUARDS[code] = g
        for step in steps:
            _BY_STEP.setdefault(step, []).append(g)
        return check

    return register


def guards_for(step: str) -> list[Guard]:
    return _BY_STEP.get(step, [])
