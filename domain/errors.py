"""Errors of the domain, in the language of the domain."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from domain.guards import Refusal


class PathwayError(Exception):
    """Base of every Pathway domain error."""


@dataclass(frozen=True)
class FieldProblem:
    field: str
    rule: str

    def __str__(self) -> str:
        return f"{self.field}: {self.rule}"


class DomainValidationError(PathwayError, ValueError):
    """Input that cannot be a valid step: names the field and the rule broken."""

    def __init__(self, problems: list[FieldProblem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))

    @classmethod
    def single(cls, field: str, rule: str) -> DomainValidationError:
        return cls([FieldProblem(field, rule)])


class StepRefusedError(PathwayError):
    """The law (or guidance without an override) does not allow this step now."""

    def __init__(self, step: str, reasons: list[Refusal]):
        self.step = step
        self.reasons = reasons
        codes = ", ".join(r.code for r in reasons)
        super().__init__(f"{step} refused: {codes}")


class NotFoundError(PathwayError, LookupError):
    """No pathway, place or incident with that id."""


class VersionConflictError(PathwayError):
    """Someone else recorded on this stream first; reload and decide again."""


class IntegrityViolation(PathwayError):
    """The stored log no longer matches its hash chain."""
