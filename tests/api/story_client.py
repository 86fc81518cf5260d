"""The application-service interface the Orchard Walk script drives, implemented over HTTP.

`asb demo` plays its story (adapters/driving/cli/story*.py) against the application service; this
adapter lets the very same script play through the API instead: each actor of the story
becomes a user with a bearer token, each call a request.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from fastapi.testclient import TestClient
from pydantic_core import to_jsonable_python

from adapters.driven.auth.users import UserStore
from domain.errors import FieldProblem
from domain.model import (
    Actor,
    Deadline,
    DomainValidationError,
    GuardKind,
    NextStep,
    NotFoundError,
    Refusal,
    StepRefusedError,
    VersionConflictError,
)


def _refusals(reasons: list[dict[str, Any]]) -> list[Refusal]:
    return [Refusal(r["code"], GuardKind(r["kind"]), r["legal_basis"], r["message"], r["remedy"],
                    datetime.fromisoformat(r["earliest"]) if r["earliest"] else None)
            for r in reasons]


class HttpStoryApp:
    """open_pathway / register_place / report_incident / record / next_steps / deadlines."""

    def __init__(self, client: TestClient, users: UserStore) -> None:
        self.client, self.users = client, users
        self.tokens: dict[Actor, str] = {}
        self.kinds: dict[UUID, str] = {}  # stream id -> "pathways" | "places"

    def _headers(self, actor: Actor) -> dict[str, str]:
        if actor not in self.tokens:
            _, self.tokens[actor] = self.users.add(actor.user_id, actor.agency, actor.role,
                                                   actor.rank)
        return {"Authorization": f"Bearer {self.tokens[actor]}"}

    def _send(self, method: str, path: str, actor: Actor, body: Any = None) -> Any:
        response = self.client.request(method, path, headers=self._headers(actor),
                                       json=to_jsonable_python(body) if body is not None else None)
        data = response.json()
        if response.status_code == 409 and data["error"] == "step_refused":
            raise StepRefusedError(data["step"], _refusals(data["reasons"]))
        if response.status_code == 409:
            raise VersionConflictError(data["message"])
        if response.status_code == 422:
            raise DomainValidationError([FieldProblem(p["field"], p["rule"])
                                         for p in data["problems"]])
        if response.status_code == 404:
            raise NotFoundError(data["message"])
        assert response.status_code in (200, 201), (response.status_code, data)
        return data

    # ------------------------------------------------------------------ writes
    def _open(self, kind: str, data: dict[str, Any], actor: Actor, id: UUID | None) -> UUID:
        created = self._send("POST", f"/api/{kind}", actor, {**data, "id": id})
        stream_id = UUID(created["id"])
        self.kinds[stream_id] = kind
        return stream_id

    def open_pathway(self, data: dict[str, Any], actor: Actor, *, id: UUID | None = None) -> UUID:
        return self._open("pathways", data, actor, id)

    def register_place(self, data: dict[str, Any], actor: Actor, *,
                       id: UUID | None = None) -> UUID:
        return self._open("places", data, actor, id)

    def report_incident(self, data: dict[str, Any], actor: Actor, *,
                        id: UUID | None = None) -> UUID:
        return self._open("incidents", data, actor, id)

    def record(self, stream_id: UUID, command: dict[str, Any], actor: Actor) -> dict[str, Any]:
        kind = self.kinds[stream_id]
        return self._send("POST", f"/api/{kind}/{stream_id}/steps", actor, command)  # type: ignore[no-any-return]

    # ------------------------------------------------------------------ reads
    def detail(self, stream_id: UUID) -> dict[str, Any]:
        actor = next(iter(self.tokens))
        return self._send("GET", f"/api/{self.kinds[stream_id]}/{stream_id}", actor)  # type: ignore[no-any-return]

    def next_steps(self, stream_id: UUID, now: datetime | None = None) -> list[NextStep]:
        # The server's clock is the story's clock: `now` is where the script has put it.
        return [NextStep(s["step"], s["label"], s["legal_basis"], s["allowed"],
                         _refusals(s["reasons"]), [UUID(t) for t in s["targets"]])
                for s in self.detail(stream_id)["next_steps"]]

    def deadlines(self, stream_id: UUID) -> list[Deadline]:
        return [Deadline(d["code"], d["label"], d["legal_basis"], d["duty"],
                         UUID(d["instrument_id"]), datetime.fromisoformat(d["starts_at"]),
                         datetime.fromisoformat(d["due_at"]),
                         datetime.fromisoformat(d["met_at"]) if d["met_at"] else None)
                for d in self.detail(stream_id)["deadlines"]]
