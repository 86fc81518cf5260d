"""The FastAPI application factory. Nothing is wired at import time: callers (tests,
`asb serve`) build the application service, the user store and the read side, and hand
them in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from typing import Any

from fastapi import APIRouter, FastAPI

from adapters.driving.http import errors
from adapters.driving.http.auth import FailedAuthLimiter, Users
from adapters.driving.http.deps import CurrentUser, Services
from adapters.driving.http.kinds import StreamKinds
from adapters.driving.http.limits import BodyLimit, NoStore
from adapters.driving.http.routes import (
    audit as audit_routes, deadlines, exports, health, incidents, pathways, places, verify,
)
from adapters.driven.audit.store import AuditStore
from adapters.driven.exports.ports import LogReader
from adapters.driven.readmodels.readside import ReadSide
from adapters.driven.store.log_reader import log_reader_for
from adapters.settings import Settings, load_settings
from service.application import PathwayApplication
from service.audit import AccessAudit

DESCRIPTION = """\
Pathway records every step a partnership takes against a person or a place, refuses the
steps the law does not allow (with every reason), and tracks every statutory deadline.

* Authenticate with `Authorization: Bearer <token>` (from `asb users add`; it expires,
  and `asb users rotate` issues a new one); only `/api/health` is open. Who recorded a step
  is always the token's user. This document itself needs a token.
* Record a step with `POST /api/pathways/{id}/steps` (or `/api/places/{id}/steps`):
  `{"step": NAME, "occurred_at": ..., ...}`. Every step has an example below.
* Errors: 409 `step_refused` with `reasons` (code, kind, legal_basis, message, remedy),
  409 `version_conflict` (send `expected_version` to detect it), 422 `invalid` with
  `problems` naming each field and rule, 404 unknown ids, 401/403, 413 `too_large` (request
  body over the limit), 429 `too_many_failures` (too many invalid tokens; see Retry-After).
"""


def create_app(
    application: PathwayApplication,
    users: Users,
    projector: ReadSide,
    *,
    clock: Callable[[], datetime] | None = None,
    limits: Settings | None = None,
    log_reader: LogReader | None = None,
    audit: AccessAudit | None = None,
) -> FastAPI:
    """An API over `application`, authenticating with `users`, reading from `projector`.

    `projector` decides how reads stay fresh (InProcessReadSide: project before reading;
    FollowerReadSide: wait for `asb project --follow`). `clock` defaults to the
    application's, so deadlines and next steps use the same time the guards do.
    `limits`: the settings for body size, failed-authentication rate and the OpenAPI document
    (default: every one at its default).
    `log_reader`: what exports read (default: the application's own store).
    `audit`: where reads and exports are recorded (default: the read models' database).
    """
    limits = limits or load_settings({})
    app = FastAPI(
        title="Pathway",
        version="0.1.0",
        description=DESCRIPTION,
        # No Swagger UI or ReDoc: both load their scripts from a CDN. The document is served
        # below, to authenticated users only.
        docs_url=None, redoc_url=None, openapi_url=None,
        openapi_tags=[
            {"name": "pathways", "description": "A subject person's enforcement and support"},
            {"name": "places", "description": "Premises and public spaces: the closure track"},
            {"name": "incidents", "description": "Reported incidents"},
            {"name": "deadlines", "description": "Statutory deadlines across cases"},
            {"name": "integrity", "description": "Hash-chain verification of the log"},
            {"name": "audit", "description": "Who read, searched and exported personal data"},
            {"name": "health", "description": "Liveness"},
        ],
    )
    app.state.services = Services(
        application=application,
        users=users,
        read_side=projector,
        settings=projector.store.settings,
        clock=clock or application.clock,
        failures=FailedAuthLimiter(limits.auth_failures_per_minute),
        kinds=StreamKinds(application),
        log=log_reader or log_reader_for(application.events),
        audit=audit or AuditStore(projector.store),
    )
    errors.install(app)
    modules = (health, pathways, places, incidents, deadlines, verify, exports, audit_routes)
    for module in modules:
        app.include_router(module.router)
    app.state.api_routes = [r for m in modules for r in m.router.routes]  # for 405 Allow
    if limits.openapi:
        app.include_router(_openapi_router(app))
    app.add_middleware(BodyLimit, limit=limits.max_body_bytes,
                       per_path={"/api/exports/verify": exports.MAX_VERIFY_BYTES})
    app.add_middleware(NoStore)  # outermost: a 413 from BodyLimit gets it too
    return app


def _openapi_router(app: FastAPI) -> APIRouter:
    """GET /openapi.json, for authenticated users only (it maps every operation)."""
    router = APIRouter()

    @router.get("/openapi.json", include_in_schema=False)
    async def openapi(_: CurrentUser) -> dict[str, Any]:
        return app.openapi()

    return router
