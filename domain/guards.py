"""Guards: the statutory (HARD) and guidance (SOFT) conditions on each step.

A guard is a pure function of a `Decision` returning a `Failure` or None. Every guard
carries a stable code, kind, legal basis and the steps it governs. Each rules module
declares its guards in a `GUARDS` tuple and `domain.registry` composes them, so the
policy document (features/) can be checked against that registry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
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
    #: The basis of one refusal, when it depends on the step or instrument decided on (a
    #: guard shared by several powers cites the provision of the one refused).
    basis_of: Callable[[Decision], str | None] | None = None

    def basis_for(self, decision: Decision) -> str:
        found = self.basis_of(decision) if self.basis_of is not None else None
        return found or self.legal_basis

    def evaluate(self, decision: Decision) -> Refusal | None:
        failure = self.check(decision)
        if failure is None:
            return None
        return Refusal(
            self.code, self.kind, self.basis_for(decision), failure.message, failure.remedy,
            failure.earliest,
        )


def guard(
    code: str, kind: GuardKind, legal_basis: str, title: str, *steps: str,
    basis_of: Callable[[Decision], str | None] | None = None,
) -> Callable[[Check], Guard]:
    """Make a guard of a check function. It is not registered: a rules module lists it."""

    def make(check: Check) -> Guard:
        return Guard(code, kind, legal_basis, title, steps, check, basis_of)

    return make


class GuardRegistry(Mapping[str, Guard]):
    """Guards by code, and by the steps they govern, built from a declared list."""

    def __init__(self, guards: Iterable[Guard]) -> None:
        self._by_code: dict[str, Guard] = {}
        self._by_step: dict[str, tuple[Guard, ...]] = {}
        for g in guards:
            if g.code in self._by_code:
                raise ValueError(f"guard code {g.code} declared twice")
            self._by_code[g.code] = g
            for step in g.steps:
                self._by_step[step] = (*self._by_step.get(step, ()), g)

    def __getitem__(self, code: str) -> Guard:
        return self._by_code[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_code)

    def __len__(self) -> int:
        return len(self._by_code)

    def for_step(self, step: str) -> tuple[Guard, ...]:
        return self._by_step.get(step, ())
