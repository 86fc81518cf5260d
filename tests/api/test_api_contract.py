"""The public API is its own contract: each request body's fields, pinned.

The request schemas are built from the command models (domain/commands.py), never from the
stored events, so a stored event field renamed in a new event version does not move the API.
This snapshot fails on any change to a request's fields, types, bounds or required set: if
the change is meant, regenerate it with `python -m tests.api.test_api_contract` and say so
in the change's notes (clients will see it).
"""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from adapters.driving.http.schemas.steps import (
    PERSON_STEP_NAMES,
    PLACE_STEP_NAMES,
    OpenPathwayRequest,
    RegisterPlaceRequest,
    ReportIncidentRequest,
    step_model,
)

SNAPSHOT = Path(__file__).with_name("snapshots") / "request_fields.json"
#: Prose that may be reworded without changing the contract.
_PROSE = {"description", "examples", "title"}
ROOT = Path(__file__).resolve().parents[2]


def _strip(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _strip(v) for k, v in sorted(node.items()) if k not in _PROSE}
    if isinstance(node, list):
        return [_strip(v) for v in node]
    return node


def _fields(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema()
    required = set(schema.get("required", ()))
    return {
        "fields": {name: {"required": name in required, "schema": _strip(prop)}
                   for name, prop in sorted(schema["properties"].items())},
        "defs": _strip(schema.get("$defs", {})),
    }


def current() -> dict[str, Any]:
    steps = sorted(set(PERSON_STEP_NAMES) | set(PLACE_STEP_NAMES))
    return {
        "open_pathway": _fields(OpenPathwayRequest),
        "register_place": _fields(RegisterPlaceRequest),
        "report_incident": _fields(ReportIncidentRequest),
        **{f"step:{s}": _fields(step_model(s)) for s in steps},
    }


def test_every_request_body_matches_its_snapshot() -> None:
    pinned = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    now = current()
    assert sorted(now) == sorted(pinned), "steps added or removed from the API"
    changed = [name for name in now if now[name] != pinned[name]]
    assert not changed, f"public request schema changed for: {', '.join(changed)}"


def test_the_snapshot_pins_real_fields() -> None:
    pinned = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    cpn = pinned["step:cpn_issued"]["fields"]
    assert cpn["step"]["required"] and cpn["occurred_at"]["required"]
    assert "actor" not in cpn and "recorded_at" not in cpn


def test_request_schemas_are_built_from_commands_not_stored_events() -> None:
    source = (ROOT / "adapters/driving/http/schemas/steps.py").read_text(encoding="utf-8")
    imported = {node.module for node in ast.walk(ast.parse(source))
                if isinstance(node, ast.ImportFrom) and node.module}
    assert "domain.commands" in imported
    assert not {m for m in imported if m == "domain.events" or m.startswith("domain.events.")}


if __name__ == "__main__":  # regenerate after a deliberate change to the public API
    SNAPSHOT.parent.mkdir(exist_ok=True)
    SNAPSHOT.write_text(json.dumps(current(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {SNAPSHOT}")
