"""Incidents: report, list, read."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response

from adapters.driving.http.deps import (
    AccessDep, ApplicationDep, CurrentUser, ReadConn, ScopeDep, ServicesDep,
)
from adapters.driving.http.routes.audit import note
from adapters.driving.http.routes.shaping import searched
from adapters.driving.http.errors import ApiError
from adapters.driving.http.idempotency import IdempotencyKey
from adapters.driving.http.schemas.common import Page, QueryWhen, error_responses
from adapters.driving.http.schemas.steps import ReportIncidentRequest, command_data
from adapters.driving.http.schemas.views import Created, IncidentOut
from adapters.driven.readmodels import queries
from service.audit import Access
from service.permissions import Action, authorise

router = APIRouter(prefix="/api/incidents", tags=["incidents"])


@router.post("", status_code=201, response_model=Created, summary="Report an incident",
             responses=error_responses(401, 403, 409, 422))
def report_incident(body: ReportIncidentRequest, user: CurrentUser,  # type: ignore[valid-type]
                    app: ApplicationDep, response: Response,
                    idempotency_key: IdempotencyKey = None) -> Created:
    authorise(user.role, Action.OPEN, "incident")
    incident_id = app.report_incident(command_data(body), user.actor(), id=body.id,  # type: ignore[attr-defined]
                                      command_id=idempotency_key)
    response.headers["Location"] = f"/api/incidents/{incident_id}"
    return Created(id=incident_id, version=1)


@router.get("", response_model=Page[IncidentOut], summary="List incidents",
            responses=error_responses(401, 422))
def list_incidents(
    conn: ReadConn, scope: ScopeDep, user: CurrentUser, services: ServicesDep,
    place_id: UUID | None = None,
    pathway_id: UUID | None = None,
    since: Annotated[QueryWhen | None, Query(description="occurred at or after")] = None,
    until: Annotated[QueryWhen | None, Query(description="occurred before")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Page[IncidentOut]:
    total, rows = queries.list_incidents(conn, scope, place_id=place_id, pathway_id=pathway_id,
                                         since=since, until=until, limit=limit, offset=offset)
    note(services, user, Access.CONSULTATION, searched("incident", place_id, pathway_id),
         detail=f"place_id={place_id or ''} pathway_id={pathway_id or ''} results={total}")
    return Page[IncidentOut](total=total, items=[IncidentOut.model_validate(r) for r in rows])


@router.get("/{incident_id}", response_model=IncidentOut, summary="An incident",
            responses=error_responses(401, 404, 422))
def get_incident(incident_id: UUID, conn: ReadConn, scope: ScopeDep, user: CurrentUser,
                 access: AccessDep, services: ServicesDep) -> IncidentOut:
    access.require(user.actor(), incident_id, "incident", Action.READ)
    row = queries.incident(conn, scope, incident_id)
    note(services, user, Access.CONSULTATION, "incident", incident_id)
    if row is None:
        raise ApiError(503, "read_model_behind", "the read models have not caught up yet; retry",
                       {"Retry-After": "1"})
    return IncidentOut.model_validate(row)
