"""Errors to HTTP, in one place. Each handler names one kind of error: there is no catch-all,
so anything unexpected stays a visible 500 instead of a polite lie.

| error                                     | status | body                                   |
|-------------------------------------------|--------|----------------------------------------|
| StepRefusedError                          | 409    | {error: step_refused, step, reasons}   |
| VersionConflictError                      | 409    | {error: version_conflict, message}     |
| DomainValidationError, request validation | 422    | {error: invalid, problems: [{field, rule}]} |
| CommandIdReusedError (Idempotency-Key)    | 422    | {error: invalid, problems: [{field, rule}]} |
| NotFoundError                             | 404    | {error: not_found, message}            |
| PermissionDeniedError (service policy)    | 403    | {error: forbidden, message}            |
| ApiError (authentication, size limits)    | 401/413/429 | {error, message}                  |
| Starlette HTTPException (404 route, 405)  | as is  | {error, message}                       |
| BodyTooLargeError (limits.py, streamed)   | 413    | {error: too_large, message}            |
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from adapters.driving.http.idempotency import HEADER as IDEMPOTENCY_HEADER
from adapters.driving.http.idempotency import REUSED_RULE
from domain.commands import ALL_STEPS
from domain.model import (
    DomainValidationError,
    NotFoundError,
    StepRefusedError,
    VersionConflictError,
)
from service.permissions import PermissionDeniedError
from service.idempotency import CommandIdReusedError

#: Envelope fields a client might try to send: they come from the token or the server.
SERVER_FIELDS = frozenset({"actor", "agency", "role", "rank", "on_behalf_of", "recorded_at",
                           "rule_set", "hash", "prev_hash", "originator_id",
                           "originator_version", "overrides_used", "schema_version"})
_LOCATIONS = ("body", "query", "path", "header", "cookie")
_FIELD_RULE = re.compile(r"^([A-Za-z_][\w.]*): (.+)$", re.DOTALL)


class ApiError(Exception):
    """An error decided by the HTTP layer itself (authentication, request size)."""

    def __init__(self, status: int, error: str, message: str,
                 headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.error, self.message = status, error, message
        self.headers = dict(headers or {})


class SafeJSONResponse(JSONResponse):
    """ASCII-escaped JSON: an error may quote input that is not valid UTF-8 (a lone
    surrogate in a step name, say), and must still be a well-formed response."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def problem_list(errors: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    """FastAPI/pydantic validation errors as [{field, rule}], named the way the domain names them."""
    out = []
    for e in errors:
        loc = [str(p) for p in e.get("loc", ())]
        if loc and loc[0] in _LOCATIONS:
            loc = loc[1:]
        if loc and loc[0] in ALL_STEPS:  # the discriminated union puts the step in the path
            loc = loc[1:]
        kind, ctx = e.get("type", ""), e.get("ctx") or {}
        rule = str(e.get("msg", "invalid")).removeprefix("Value error, ")
        if kind == "union_tag_invalid":
            loc = ["step"]
            rule = f"unknown step {ctx.get('tag')!r}; expected one of: {ctx.get('expected_tags')}"
        elif kind == "union_tag_not_found":
            loc = ["step"]
            rule = "required: name the step being recorded"
        elif kind == "json_invalid":
            loc = ["body"]
            rule = f"not valid JSON ({ctx.get('error', 'syntax error')})"
        elif kind == "extra_forbidden" and loc and loc[-1] in SERVER_FIELDS:
            rule = "must not be sent: it is set from the bearer token's user and the server"
        elif kind == "extra_forbidden":
            rule = "unknown field: not part of this request"
        elif kind == "missing":
            rule = "required"
        elif kind == "value_error" and (m := _FIELD_RULE.match(rule)):
            field, rule = m.group(1), m.group(2)
            loc = [*loc, field] if not loc or loc[-1] != field else loc
        out.append({"field": ".".join(loc) or "body", "rule": rule})
    return out


def invalid(problems: Sequence[Mapping[str, str]]) -> SafeJSONResponse:
    return SafeJSONResponse({"error": "invalid", "problems": list(problems)}, status_code=422)


async def _request_invalid(_: Request, exc: Exception) -> SafeJSONResponse:
    assert isinstance(exc, RequestValidationError)
    return invalid(problem_list(exc.errors()))


async def _domain_invalid(_: Request, exc: Exception) -> SafeJSONResponse:
    assert isinstance(exc, DomainValidationError)
    return invalid([{"field": p.field, "rule": p.rule} for p in exc.problems])


async def _key_reused(_: Request, exc: Exception) -> SafeJSONResponse:
    assert isinstance(exc, CommandIdReusedError)
    return invalid([{"field": IDEMPOTENCY_HEADER, "rule": REUSED_RULE}])


async def _refused(_: Request, exc: Exception) -> SafeJSONResponse:
    assert isinstance(exc, StepRefusedError)
    return SafeJSONResponse({"error": "step_refused", "step": exc.step,
                             "reasons": [r.as_dict() for r in exc.reasons]}, status_code=409)


async def _conflict(_: Request, exc: Exception) -> SafeJSONResponse:
    return SafeJSONResponse({"error": "version_conflict", "message": str(exc)}, status_code=409)


async def _not_found(_: Request, exc: Exception) -> SafeJSONResponse:
    return SafeJSONResponse({"error": "not_found", "message": str(exc)}, status_code=404)


async def _forbidden(_: Request, exc: Exception) -> SafeJSONResponse:
    return SafeJSONResponse({"error": "forbidden", "message": str(exc)}, status_code=403)


async def _api_error(_: Request, exc: Exception) -> SafeJSONResponse:
    assert isinstance(exc, ApiError)
    return SafeJSONResponse({"error": exc.error, "message": exc.message},
                            status_code=exc.status, headers=exc.headers)


async def _http(request: Request, exc: Exception) -> SafeJSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 400:
        # FastAPI's own "error parsing the body" (e.g. bytes that are not UTF-8): bad input,
        # reported like every other bad input.
        return invalid([{"field": "body", "rule": str(exc.detail)}])
    if exc.status_code == 413:  # limits.BodyTooLargeError: the same envelope as BodyLimit's
        return SafeJSONResponse({"error": "too_large", "message": str(exc.detail)},
                                status_code=413)
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        # Starlette names only the methods of the first route matching the path; a path
        # served by several routes (GET and POST) allows them all.
        headers["Allow"] = ", ".join(_allowed_methods(request))
    phrase = HTTPStatus(exc.status_code).phrase.lower().replace(" ", "_").replace("-", "_")
    return SafeJSONResponse({"error": phrase, "message": str(exc.detail)},
                            status_code=exc.status_code, headers=headers)


def _allowed_methods(request: Request) -> list[str]:
    methods: set[str] = set()
    for route in request.app.state.api_routes:
        match, _ = route.matches(request.scope)  # PARTIAL: the path matches, not the method
        if match is not Match.NONE:
            methods |= set(getattr(route, "methods", None) or ())
    return sorted(methods)


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _request_invalid)
    app.add_exception_handler(DomainValidationError, _domain_invalid)
    app.add_exception_handler(CommandIdReusedError, _key_reused)
    app.add_exception_handler(StepRefusedError, _refused)
    app.add_exception_handler(VersionConflictError, _conflict)
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(PermissionDeniedError, _forbidden)
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http)
