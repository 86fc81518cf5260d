"""Step forms built from the same per-step command fields as the API (one schema, two
front ends), and form posts turned back into the command data the service validates.

The UI adds no rule: a field is required, a category or a date exactly as the command
says, and everything is validated again by the domain when the step is recorded.
"""

from __future__ import annotations

import enum
import types
import typing
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from uuid import UUID, uuid4

from domain import steps
from domain.commands import command_fields
from domain.errors import DomainValidationError, FieldProblem

#: The envelope every step has, shown first on every form.
OCCURRED = "occurred_at"


@dataclass
class Field:
    name: str
    label: str
    kind: str  # date, datetime, radios, checkbox, lines, text, textarea, hidden, number
    required: bool
    choices: list[tuple[str, str]] = field(default_factory=list)
    value: Any = None
    hint: str = ""


def _label(name: str) -> str:
    return name.replace("_id", "").replace("_", " ").capitalize()


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The annotation without `| None`, and whether None was allowed."""
    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return rest[0], True
    return annotation, False


def _base(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _kind(name: str, annotation: Any) -> tuple[str, list[tuple[str, str]]]:
    annotation = _base(annotation)
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return "radios", [(str(a), _label(str(a))) for a in typing.get_args(annotation)]
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return "radios", [(str(m.value), _label(str(m.value))) for m in annotation]
    if origin is tuple:
        return "lines", []
    if annotation is bool:
        return "checkbox", []
    if annotation is datetime or getattr(annotation, "__name__", "") == "AwareDatetime":
        return "date", []
    if annotation is date:
        return "date", []
    if annotation in (int,):
        return "number", []
    if name.endswith(("reason", "summary", "description", "rationale", "conduct")):
        return "textarea", []
    return "text", []


def fields_for(step: str, instruments: list[dict[str, Any]]) -> list[Field]:
    """The form for `step`: the occurred date, then the step's own fields in order.

    The id of the record a step creates is made here (hidden); a field naming an existing
    instrument offers the case's live instruments of the kinds the step may name.
    """
    spec = steps.ALL[step]
    targets = {t.field: t for t in spec.targets}
    refers = {r.field for r in spec.refers}  # another stream's id: typed in, never made here
    out = [Field(OCCURRED, "When did it happen?", "date", True,
                 hint="For example, 27 3 2026. Today if it happened today.")]
    for name, info in command_fields(step).model_fields.items():
        annotation, optional = _unwrap(info.annotation)
        required = info.is_required()
        if name == spec.new_id_field and name not in refers:
            out.append(Field(name, _label(name), "hidden", True, value=str(uuid4())))
        elif name in targets:
            kinds = {k.value for k in targets[name].kinds}
            choices = [(str(i["instrument_id"]), f"{i['label']} ({i['state']}, opened "
                        f"{i['opened_at']:%d %B %Y})") for i in instruments
                       if i["kind"] in kinds and i["live"]]
            out.append(Field(name, _label(name), "radios", required, choices))
        else:
            kind, choices = _kind(name, annotation)
            out.append(Field(name, _label(name), kind, required and not optional, choices,
                             hint="One per line." if kind == "lines" else ""))
    return out


def _date(form: dict[str, str], name: str) -> str | None:
    parts = [form.get(f"{name}-{p}", "").strip() for p in ("day", "month", "year")]
    if not any(parts):
        return None
    try:
        day, month, year = (int(p) for p in parts)
        written = date(year, month, day)
    except ValueError:
        raise DomainValidationError.single(name, "must be a real date, like 27 3 2026") from None
    return written.isoformat()  # a day, read by the domain as people mean it (London)


def command_data(step: str, form: dict[str, str], fields: list[Field]) -> dict[str, Any]:
    """The command data a form post asks for (validated by the domain, not here)."""
    data: dict[str, Any] = {"step": step}
    problems: list[FieldProblem] = []
    for f in fields:
        raw = form.get(f.name, "")
        try:
            value = _value(f, raw, form)
        except DomainValidationError as error:
            problems.extend(error.problems)
            continue
        if value is not None:
            data[f.name] = value
    if problems:
        raise DomainValidationError(problems)
    if form.get("rationale", "").strip():
        data["rationale"] = form["rationale"].strip()
    return data


def _value(f: Field, raw: str, form: dict[str, str]) -> Any:
    if f.kind == "date":
        return _date(form, f.name)
    if f.kind == "checkbox":
        return raw == "yes"
    if f.kind == "lines":
        lines = [line.strip() for line in raw.splitlines() if line.strip()]
        return lines or None
    if f.kind == "number":
        return int(raw) if raw.strip().lstrip("-").isdigit() else (raw.strip() or None)
    if f.kind == "hidden":
        try:
            return str(UUID(raw)) if raw else None
        except ValueError:
            raise DomainValidationError.single(f.name, "must be the id this form gave") from None
    return raw.strip() or None


def refill(fields: list[Field], form: dict[str, str]) -> None:
    """Put what was sent back in the fields, to show again with the errors."""
    for f in fields:
        if f.kind == "date":
            f.value = {p: form.get(f"{f.name}-{p}", "") for p in ("day", "month", "year")}
        elif f.kind != "hidden" or form.get(f.name):
            f.value = form.get(f.name, f.value)
