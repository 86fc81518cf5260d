"""Commands: what a user asks to record. One per step, validated before any decision.

Commands share the step fields with events (domain/events/fields.py) but not the
envelope: actor, agency, role, rule set and hashes are never supplied by a user.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Annotated, Any, Literal, Union
from uuid import UUID, uuid5

from pydantic import (
    AwareDatetime, BaseModel, Field, TypeAdapter, ValidationError, create_model, model_validator,
)

from domain.clean import TextProblem, clean
from domain.errors import DomainValidationError, FieldProblem
from domain.events import INCIDENT_EVENTS, PERSON_EVENTS, PLACE_EVENTS
from domain.events.base import Evidence, Precision
from domain.steps import ALL as STEPS
from domain.values import Frozen, Text
from domain.when import as_written


class Command(Frozen):
    """The command envelope: when it happened, how exactly, why, and on what evidence."""

    step: str
    occurred_at: AwareDatetime
    precision: Precision = Precision.EXACT
    occurred_until: AwareDatetime | None = None
    rationale: Text = ""
    legal_basis: str | None = Field(default=None, max_length=200)
    evidence: tuple[Evidence, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _text_as_typed(cls, data: Any) -> Any:
        # Refused as DomainValidationError (not a pydantic error) so the field path survives.
        try:
            data = clean(data)
        except TextProblem as problem:
            raise DomainValidationError.single(problem.path, problem.rule) from None
        return as_written(data)

    @model_validator(mode="after")
    def _range_is_ordered(self) -> Command:
        if self.precision is Precision.RANGE and self.occurred_until is None:
            raise ValueError("occurred_until: required when precision is 'range'")
        if self.occurred_until is not None and self.occurred_until < self.occurred_at:
            raise ValueError("occurred_until: must not be before occurred_at")
        return self


def _fields_base(event_cls: type[BaseModel]) -> type[BaseModel]:
    for base in event_cls.__mro__[1:]:
        if base.__name__.endswith("Fields"):
            return base
    raise TypeError(f"{event_cls.__name__} has no Fields base")


@cache
def command_class(step: str) -> type[Command]:
    event_cls = (PERSON_EVENTS | PLACE_EVENTS | INCIDENT_EVENTS)[step]
    fields = _fields_base(event_cls)
    name = "".join(part.title() for part in step.split("_")) + "Command"
    # The id of what the step creates is optional: the stream assigns one when none is given.
    new_id: dict[str, Any] = {NEW_IDS[step]: (UUID | None, None)} if step in NEW_IDS else {}
    # Built at run time from the step's Fields class: one closed model per step.
    model: type[Command] = create_model(
        name,
        __base__=(Command, fields),  # type: ignore[arg-type]
        __module__=__name__,
        step=(Literal[step], step),  # type: ignore[arg-type]
        **new_id,
    )
    return model


#: For each step that creates something with an id of its own (an instrument, a referral, a
#: note, an override), the field holding that id; a link names an existing stream instead.
#: The server assigns the id when the request gives none; a client may still choose it.
NEW_IDS: dict[str, str] = {
    s.name: s.new_id_field for s in STEPS.values()
    if s.new_id_field is not None and s.new_id_field not in {r.field for r in s.refers}
}

ALL_STEPS: tuple[str, ...] = tuple(sorted(PERSON_EVENTS | PLACE_EVENTS | INCIDENT_EVENTS))


def with_new_id(cmd: Command, stream_id: UUID, version: int) -> Command:
    """`cmd` with the id of what it creates filled in, if the user gave none: derived from
    the stream and the entry's position, so the same decision always gives the same id."""
    field = NEW_IDS.get(cmd.step)
    if field is None or getattr(cmd, field, None) is not None:
        return cmd
    return cmd.model_copy(update={field: uuid5(stream_id, f"{version}/{field}")})


def command_fields(step: str) -> type[BaseModel]:
    """The step's own fields: its command without the envelope. Front ends build their
    request schemas from these, never from a stored event class, so a stored field renamed
    in a new event version leaves the commands (and the API built on them) as they were."""
    return _fields_base(command_class(step))


@cache
def _adapter() -> TypeAdapter[Any]:
    union = Union[tuple(command_class(s) for s in ALL_STEPS)]  # type: ignore[valid-type]  # noqa: UP007
    return TypeAdapter(Annotated[union, Field(discriminator="step")])  # type: ignore[arg-type]


_FIELD = re.compile(r"^[A-Za-z_][\w.]*$")


def problems_from(error: ValidationError, prefix: tuple[str | int, ...] = ()) -> list[FieldProblem]:
    problems = []
    for item in error.errors():
        loc = [str(p) for p in (*prefix, *item["loc"])]
        # The discriminated union puts the step name in the path: drop it.
        if len(loc) > 1 and loc[0] in ALL_STEPS:
            loc = loc[1:]
        message = str(item["msg"]).removeprefix("Value error, ")
        if ": " in message and _FIELD.match(message.split(": ", 1)[0]) and item["type"] == "value_error":
            field, message = message.split(": ", 1)
            loc = [*loc, field] if not loc or loc[-1] != field else loc
        problems.append(FieldProblem(".".join(loc) or "body", message))
    return problems


def parse_command(data: dict[str, Any]) -> Command:
    """Validate raw input into the command for its `step`, or explain what is wrong."""
    try:
        data = clean(data)
    except TextProblem as problem:
        raise DomainValidationError.single(problem.path, problem.rule) from None
    step = data.get("step")
    if not isinstance(step, str) or step not in ALL_STEPS:
        raise DomainValidationError.single(
            "step", f"unknown step {step!r}; expected one of: {', '.join(ALL_STEPS)}"
        )
    try:
        return command_class(step).model_validate(data)
    except ValidationError as error:
        raise DomainValidationError(problems_from(error)) from None


def command(step: str, **data: Any) -> Command:
    return parse_command({"step": step, **data})
