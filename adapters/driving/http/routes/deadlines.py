"""Deadlines across every case: due, overdue, by agency."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from adapters.driving.http.deps import CurrentUser, Now, ReadConn, ScopeDep, ServicesDep
from adapters.driving.http.routes.audit import note
from adapters.driving.http.routes.shaping import deadline_out
from adapters.driving.http.schemas.common import Page, QueryText, QueryWhen, error_responses
from adapters.driving.http.schemas.views import DeadlineOut
from adapters.driven.readmodels import queries
from service.audit import Access

router = APIRouter(tags=["deadlines"])


@router.get("/api/deadlines", response_model=Page[DeadlineOut],
            summary="Due and overdue deadlines across cases, soonest first",
            responses=error_responses(401, 422))
def list_deadlines(
    conn: ReadConn, scope: ScopeDep, now: Now, user: CurrentUser, services: ServicesDep,
    due_before: Annotated[QueryWhen | None, Query(description="due strictly before")] = None,
    agency: Annotated[QueryText | None, Query(max_length=200,
                                              description="the agency that opened it")] = None,
    overdue: Annotated[bool | None, Query(
        description="true: agency duties past due and not met; false: all others")] = None,
    include_met: Annotated[bool, Query(description="also list met deadlines")] = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Page[DeadlineOut]:
    total, rows = queries.deadlines(conn, scope, now, due_before=due_before, agency=agency,
                                    overdue=overdue, include_met=include_met, limit=limit,
                                    offset=offset)
    note(services, user, Access.CONSULTATION, "deadline list",
         detail=f"agency={agency or ''} overdue={overdue} results={total}")
    return Page[DeadlineOut](total=total, items=[deadline_out(r, now) for r in rows])
