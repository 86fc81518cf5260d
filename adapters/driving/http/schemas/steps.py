"""Per-step request bodies: `{"step": NAME, "occurred_at": ..., ...fields}`.

Generated once at import from the command models (domain/commands.py `command_fields`), never
from the stored events, as API types of their own: the API envelope (no actor: that comes from
the token), bounded scalars, an example each. Two discriminated unions on `step`: the person
track and the place track. tests/api/test_api_contract.py pins every body's fields.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Annotated, Any, Union, cast
from uuid import UUID

from pydantic import BaseModel, Field, create_model

from adapters.driving.http.schemas.common import (
    ApiDate,
    ApiModel,
    ApiWhen,
    Envelope,
    Written,
    bounded,
    literal_of,
)
from adapters.driving.http.schemas.examples import (
    OPEN_PATHWAY_EXAMPLE,
    REGISTER_PLACE_EXAMPLE,
    REPORT_INCIDENT_EXAMPLE,
    STEP_EXAMPLES,
)
from domain import steps
from domain.commands import NEW_IDS, command_fields
from domain.model import Pathway, Place
from domain.steps import ALL as STEP_SPECS
from domain.values import Name
from domain.when import ENDS

PERSON_STEP_NAMES: tuple[str, ...] = tuple(Pathway.STEPS)
PLACE_STEP_NAMES: tuple[str, ...] = tuple(Place.STEPS)


class SubjectIn(ApiModel):
    """The person a pathway is about (personal data: minimise)."""

    name: Name
    date_of_birth: ApiDate | None = None
    pseudonym: str | None = Field(default=None, max_length=40)
    vulnerabilities: list[Annotated[str, Field(max_length=200)]] = Field(default_factory=list,
                                                                         max_length=50)


def _overrides(fields_cls: type[BaseModel], step: str = "") -> dict[str, Any]:
    """Fields whose type must change for the API: bounded scalars, API value types, and the
    id of what the step creates (optional: the server assigns it)."""
    out: dict[str, Any] = {}
    for name, info in fields_cls.model_fields.items():
        annotation = info.annotation
        if name == NEW_IDS.get(step):
            out[name] = (UUID | None, Field(
                default=None, description="optional: the server assigns an id when none is "
                "given and returns it (`id` in the response)"))
            continue
        if name == "subject":
            new: Any = SubjectIn
        elif name in ENDS:  # "comply by 2026-10-20": the end of that day, London time
            new = ApiWhen | None if info.default is None and not info.is_required() else ApiWhen
        else:
            new = bounded(annotation, info.metadata)
        if new != annotation:
            replaced = copy.copy(info)
            replaced.annotation = new
            out[name] = (new, replaced)
    return out


def _camel(step: str) -> str:
    return "".join(part.title() for part in step.split("_"))


def _with_example(model: type[BaseModel], example: dict[str, Any], doc: str) -> type[BaseModel]:
    model.model_config["json_schema_extra"] = {"examples": [example]}
    model.__doc__ = doc
    model.model_rebuild(force=True)
    return model


@cache
def step_model(step: str) -> type[Written]:
    """The request body of one step, e.g. CpwIssuedStep."""
    if step not in PERSON_STEP_NAMES and step not in PLACE_STEP_NAMES:
        raise KeyError(step)
    fields_cls = command_fields(step)
    spec = STEP_SPECS[step]
    model: Any = create_model(
        f"{_camel(step)}Step",
        __base__=(Written, Envelope, fields_cls),
        __module__=__name__,
        step=(literal_of(step), Field(description=f"{spec.label} ({spec.legal_basis})")),
        **_overrides(fields_cls, step),
    )
    # A step new to the domain without an example still works; test_openapi names it.
    example = {"step": step, **STEP_EXAMPLES.get(step, {})}
    return cast(type[Written], _with_example(
        model, example, f"{spec.label}. Legal basis: {spec.legal_basis}."))


_UNION: Any = Union


def _union(names: tuple[str, ...]) -> Any:
    members = tuple(step_model(s) for s in names)
    union: Any = _UNION[members]
    return Annotated[union, Field(discriminator="step")]


PersonStep = _union(PERSON_STEP_NAMES)
PlaceStep = _union(PLACE_STEP_NAMES)


def openapi_examples(names: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """Named examples for an operation's request body (Swagger UI shows a picker)."""
    return {
        s: {"summary": STEP_SPECS[s].label, "value": {"step": s, **STEP_EXAMPLES.get(s, {})}}
        for s in names
    }


def _opening_model(name: str, step: str, example: dict[str, Any], doc: str) -> type[Envelope]:
    fields_cls = command_fields(step)
    model: Any = create_model(
        name,
        __base__=(Envelope, fields_cls),
        __module__=__name__,
        id=(UUID | None, Field(default=None, description=(
            "client-chosen id; a new one if absent (a taken id is 409 version_conflict)"))),
        **_overrides(fields_cls, step),
    )
    return _with_example(model, example, doc)  # type: ignore[return-value]


OpenPathwayRequest = _opening_model(
    "OpenPathwayRequest", steps.PATHWAY_OPENED, OPEN_PATHWAY_EXAMPLE,
    "Open a pathway for one subject person.")
RegisterPlaceRequest = _opening_model(
    "RegisterPlaceRequest", steps.PLACE_REGISTERED, REGISTER_PLACE_EXAMPLE,
    "Register premises or a public space (a hotspot).")
ReportIncidentRequest = _opening_model(
    "ReportIncidentRequest", steps.INCIDENT_REPORTED, REPORT_INCIDENT_EXAMPLE,
    "Report an incident (never edited afterwards; corrections are new entries).")


def command_data(body: BaseModel) -> dict[str, Any]:
    """The request as the service's command input (the write options left out)."""
    return body.model_dump(exclude={"expected_version", "id"})
