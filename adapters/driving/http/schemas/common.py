"""Shared API types: bounded scalars, the step envelope, error bodies, pages.

Bounds here are API input hygiene, not law: dates far outside any case (year 1 or 9999)
would overflow calendar arithmetic, and text must be recordable as typed (domain/clean.py:
no control, NUL, unpaired surrogate or bidi override characters; nesting at most 32 deep).
They are refused as 422, naming the field.
"""

from __future__ import annotations

import re
import types
from collections.abc import Sequence
from datetime import date, datetime
from typing import Annotated, Any, Generic, Literal, TypeVar, Union, get_args, get_origin

from annotated_types import Ge, Gt, Le, Lt
from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)

from domain.clean import TextProblem, clean
from domain.when import ACCEPTED, as_written, read_moment
from domain.events.base import Precision

MIN_YEAR, MAX_YEAR = 1900, 2200
MAX_INT = 10**9


def _year_in_range(value: date) -> date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(f"must be between the years {MIN_YEAR} and {MAX_YEAR}")
    return value


def _iso_text(value: Any) -> Any:
    # Numbers, and numeric text in a query string, would otherwise be read as Unix
    # timestamps ("occurred_at": 0 is 1 January 1970).
    if isinstance(value, int | float) or (isinstance(value, str) and not _ISO.match(value)):
        raise ValueError(f"must be an ISO 8601 string; {ACCEPTED}")
    return value


_ISO = re.compile(r"^\d{4}-\d\d-\d\d")
#: The bounds, also in the schema (the year as a pattern on the ISO text).
_YEAR_PATTERN = r"^(19\d\d|2[01]\d\d|2200)-"


def _clean(value: str) -> str:
    cleaned: str = check_text(value)
    return cleaned


ApiDateTime = Annotated[
    AwareDatetime, BeforeValidator(_iso_text), AfterValidator(_year_in_range),
    WithJsonSchema({"type": "string", "format": "date-time", "pattern": _YEAR_PATTERN}),
]
#: The schema of a moment people may write as a day or a month (domain/when.py).
_WHEN_SCHEMA = {"type": "string", "pattern": _YEAR_PATTERN,
                "description": "a date and time with its UTC offset, a day (2026-10-20) or a "
                               "month (2026-10), both read in London time"}
def _when(value: Any) -> Any:
    moment, _ = read_moment(value, "")
    return _iso_text(moment)


#: In a body: a day or month is read by the envelope's validator (`as_written`) first, so
#: that it can set the precision; what it cannot read is named here.
ApiWhen = Annotated[
    AwareDatetime, BeforeValidator(_when), AfterValidator(_year_in_range),
    WithJsonSchema(_WHEN_SCHEMA),
]


#: In a query string: a day or month means its first moment, London time.
QueryWhen = Annotated[
    AwareDatetime, BeforeValidator(_when), AfterValidator(_year_in_range),
    WithJsonSchema(_WHEN_SCHEMA),
]
#: Free text in a query string: same hygiene as bodies (a %00 must not reach SQL).
QueryText = Annotated[str, AfterValidator(_clean)]
ApiDate = Annotated[
    date, BeforeValidator(_iso_text), AfterValidator(_year_in_range),
    WithJsonSchema({"type": "string", "format": "date", "pattern": _YEAR_PATTERN}),
]
ApiInt = Annotated[int, Ge(-MAX_INT), Le(MAX_INT)]


_ANNOTATED: Any = Annotated
_LITERAL: Any = Literal


def literal_of(value: str) -> Any:
    """`Literal[value]` for a value known only at run time."""
    return _LITERAL[value]


def bounded(annotation: Any, constraints: Sequence[Any] = ()) -> Any:
    """`annotation` with datetimes, dates and ints replaced by their bounded API forms.

    `constraints` are the field's own (gt=0, le=24...): a side it already bounds keeps its
    bound, so the schema shows the field's real limits.
    """
    if annotation is AwareDatetime or annotation is datetime:
        return ApiDateTime
    if annotation is date:
        return ApiDate
    if annotation is int:
        lower = not any(isinstance(c, Ge | Gt) for c in constraints)
        upper = not any(isinstance(c, Le | Lt) for c in constraints)
        bounds = [*([Ge(-MAX_INT)] if lower else []), *([Le(MAX_INT)] if upper else [])]
        return _ANNOTATED[(int, *bounds)] if bounds else int
    origin = get_origin(annotation)
    if origin is Annotated:
        inner, *meta = get_args(annotation)
        new = bounded(inner, [*constraints, *meta])
        return annotation if new is inner else _ANNOTATED[(new, *meta)]
    if origin in (Union, types.UnionType):
        return Union[tuple(bounded(a, constraints) for a in get_args(annotation))]  # noqa: UP007
    if origin is tuple:
        return tuple.__class_getitem__(
            tuple(a if a is Ellipsis else bounded(a) for a in get_args(annotation)))
    return annotation


def check_text(value: Any, path: str = "") -> Any:
    """Raw JSON input (keys included) as the domain accepts text: NFC, no control or bidi
    override characters, no NUL or unpaired surrogates, nested at most 32 deep."""
    try:
        return clean(value, path)
    except TextProblem as problem:
        # Whole-value problems (a query parameter, a body) take the field pydantic names.
        at = "" if problem.path == "body" else f"{problem.path}: "
        raise ValueError(f"{at}{problem.rule}") from None


class ApiModel(BaseModel):
    """Base of every request body: closed, frozen, and clean text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _clean_text(cls, data: Any) -> Any:
        return check_text(data)


class EvidenceIn(ApiModel):
    exhibit: str = Field(pattern=r"^[A-Z]{1,4}/\d{1,4}$", description="exhibit reference",
                         examples=["NC/1"])
    description: str = Field(default="", max_length=2000)
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    media_type: str | None = Field(default=None, max_length=100)
    source: str | None = Field(default=None, max_length=200)


class Envelope(ApiModel):
    """What every recording request carries besides its step's own fields.

    Who recorded it (actor, agency, role, rank) is never part of a request: it is the
    user of the bearer token.
    """

    occurred_at: ApiWhen = Field(description=(
        "when it happened in the world: with its UTC offset, or a day (precision 'day') or "
        "a month (precision 'month') read in London time"))
    precision: Precision = Field(default=Precision.EXACT,
                                 description="how exactly occurred_at is known")
    occurred_until: ApiWhen | None = Field(
        default=None, description="end of the range, with precision=range (a day: its end)")

    @model_validator(mode="before")
    @classmethod
    def _dates_as_written(cls, data: Any) -> Any:
        return as_written(data, strict=False)
    rationale: str = Field(default="", max_length=4000, description="why, in plain English")
    legal_basis: str | None = Field(default=None, max_length=200,
                                    description="overrides the step's usual legal basis")
    evidence: list[EvidenceIn] = Field(default_factory=list, max_length=100)


class Written(ApiModel):
    """A write that may name the stream version it was decided on."""

    expected_version: ApiInt | None = Field(
        default=None, ge=1,
        description="the stream version this request was decided on; 409 version_conflict if "
                    "someone recorded since")


# ---------------------------------------------------------------------- errors
class Problem(BaseModel):
    field: str = Field(description="dotted path of the offending field ('body' for the whole)")
    rule: str = Field(description="the rule it breaks")


class InvalidBody(BaseModel):
    error: Literal["invalid"] = "invalid"
    problems: list[Problem]


class RefusalOut(BaseModel):
    code: str = Field(description="stable guard code, e.g. cpn_before_warning_deadline")
    kind: Literal["hard", "soft"] = Field(description="hard: the law; soft: guidance, overridable")
    legal_basis: str
    message: str
    remedy: str = Field(description="what would satisfy the guard")
    earliest: datetime | None = Field(default=None,
                                      description="the earliest moment it could be satisfied")


class StepRefused(BaseModel):
    error: Literal["step_refused"] = "step_refused"
    step: str
    reasons: list[RefusalOut]


class ErrorOut(BaseModel):
    error: str = Field(description="version_conflict, not_found, unauthorised, forbidden, ...")
    message: str


class VersionConflict(ErrorOut):
    error: Literal["version_conflict"] = "version_conflict"


Conflict = Annotated[StepRefused | VersionConflict, Field(discriminator="error")]


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    total: int
    items: list[T]


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` for the error bodies an operation may return."""
    known: dict[int, tuple[Any, str]] = {
        401: (ErrorOut, "no or unknown bearer token"),
        403: (ErrorOut, "the user's role may not do this"),
        404: (ErrorOut, "unknown id"),
        409: (Conflict, ("refused with every reason (step_refused), or version_conflict: "
                         "someone recorded on the stream since expected_version")),
        413: (ErrorOut, "the request body is larger than the operation accepts"),
        422: (InvalidBody, "invalid input: each problem names the field and the rule"),
    }
    return {c: {"model": known[c][0], "description": known[c][1]} for c in codes}
