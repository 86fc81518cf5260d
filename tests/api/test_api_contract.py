"""The public API is its own contract: each request body's fields and each response, pinned.

The request schemas are built from the command models (domain/commands.py), never from the
stored events, so a stored event field renamed in a new event version does not move the API.
Responses are hand-written views (schemas/views.py), pinned the same way. The snapshots
fail on any change to a request's fields, types, bounds or required set: if
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
RESPONSES = Path(__file__).with_name("snapshots") / "response_schemas.json"
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


def _refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"].rsplit("/", 1)[-1]} if "$ref" in node else set()
        return found.union(*(_refs(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_refs(v) for v in node))
    return set()


def current_responses() -> dict[str, Any]:
    """Each operation's success responses, and every component schema they reach."""
    from unittest.mock import MagicMock

    from adapters.driving.http.app import create_app

    spec = create_app(MagicMock(), MagicMock(), MagicMock(), log_reader=MagicMock()).openapi()
    components = spec["components"]["schemas"]
    operations = {
        f"{method.upper()} {path}": {code: r.get("content", {}) for code, r in op["responses"].items()
                                     if code.startswith("2")}
        for path, item in spec["paths"].items() for method, op in item.items()}
    reached: set[str] = set()
    todo = _refs(operations)
    while todo:
        name = todo.pop()
        reached.add(name)
        todo |= _refs(components[name]) - reached
    return {"operations": _strip(operations),
            "components": {n: _strip(components[n]) for n in sorted(reached)}}


def test_every_response_matches_its_snapshot() -> None:
    pinned = json.loads(RESPONSES.read_text(encoding="utf-8"))
    now = current_responses()
    assert sorted(now["operations"]) == sorted(pinned["operations"]), "operations changed"
    changed = [n for n in (*now["operations"], *now["components"])
               if now["operations"].get(n, now["components"].get(n))
               != pinned["operations"].get(n, pinned["components"].get(n))]
    assert not changed, f"public response schema changed for: {', '.join(changed)}"


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
    RESPONSES.write_text(json.dumps(current_responses(), indent=1, sort_keys=True) + "\n",
                         encoding="utf-8")
    print(f"wrote {SNAPSHOT} and {RESPONSES}")
