"""Pathways: open, list/search, read (with next steps), record a step."""

from __future__ import annotations

from typing import Annotated, Any, Literal
from uuid import UUID

from fastapi import APIRouter, Body, Query, Response
from starlette.concurrency import run_in_threadpool

from adapters.driving.http.auth import User
from adapters.driving.http.deps import (
    AccessDep,
    ApplicationDep,
    CurrentUser,
    Now,
    ReadConn,
    ScopeDep,
    Services,
    ServicesDep,
)
from adapters.driving.http.errors import ApiError
from adapters.driving.http.idempotency import IdempotencyKey
from adapters.driving.http.routes.audit import note
from adapters.driving.http.routes.shaping import (
    deadline_out, instruments_out, next_steps_out, notes_of, searched, support_view,
)
from adapters.driving.http.schemas.common import Page, QueryText, error_responses
from adapters.driving.http.schemas.steps import (
    PERSON_STEP_NAMES,
    OpenPathwayRequest,
    PersonStep,
    command_data,
    openapi_examples,
)
from adapters.driving.http.schemas.views import (
    Created,
    OverrideOut,
    PathwayDetail,
    PathwaySummary,
    ReferralOut,
    StepRecorded,
    SubjectOut,
)
from adapters.driven.readmodels import queries
from service.access import CaseAccess
from service.audit import Access
from service.permissions import Action, View, authorise, policy_for

router = APIRouter(prefix="/api/pathways", tags=["pathways"])


@router.post("", status_code=201, response_model=Created, summary="Open a pathway",
             responses=error_responses(401, 403, 409, 422))
def open_pathway(body: OpenPathwayRequest, user: CurrentUser,  # type: ignore[valid-type]
                 app: ApplicationDep, response: Response,
                 idempotency_key: IdempotencyKey = None) -> Created:
    authorise(user.role, Action.OPEN, "pathway")
    pathway_id = app.open_pathway(command_data(body), user.actor(), id=body.id,  # type: ignore[attr-defined]
                                  command_id=idempotency_key)
    response.headers["Location"] = f"/api/pathways/{pathway_id}"
    return Created(id=pathway_id, version=1)


@router.get("", response_model=Page[PathwaySummary], summary="List or search pathways",
            responses=error_responses(401, 422))
def list_pathways(
    conn: ReadConn, scope: ScopeDep, now: Now, user: CurrentUser, services: ServicesDep,
    q: Annotated[QueryText | None, Query(max_length=200,
                                         description="words in the name, tags or conduct")] = None,
    status: Literal["open", "closed"] | None = None,
    tag: Annotated[QueryText | None, Query(max_length=60)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Page[PathwaySummary]:
    total, rows = queries.list_pathways(conn, scope, now, q=q, status=status, tag=tag,
                                        limit=limit, offset=offset)
    note(services, user, Access.CONSULTATION, searched("pathway", q, tag),
         detail=f"q={q or ''} status={status or ''} tag={tag or ''} results={total}")
    return Page[PathwaySummary](total=total,
                                items=[PathwaySummary.model_validate(r) for r in rows])


@router.get("/{pathway_id}", response_model=PathwayDetail,
            summary="A pathway: instruments, referrals, deadlines, next steps",
            responses=error_responses(401, 404, 422))
def get_pathway(pathway_id: UUID, conn: ReadConn, scope: ScopeDep, user: CurrentUser,
                app: ApplicationDep, access: AccessDep, services: ServicesDep,
                now: Now) -> PathwayDetail:
    # 403 for a role that reads no case record, 404 for a case out of the user's reach.
    agg = access.require(user.actor(), pathway_id, "pathway", Action.READ)
    row = queries.pathway(conn, scope, pathway_id)
    if row is None:
        raise ApiError(503, "read_model_behind", "the read models have not caught up yet; retry",
                       {"Retry-After": "1"})
    steps = app.next_steps(pathway_id, actor=user.actor(), now=now)
    note(services, user, Access.CONSULTATION, "pathway", pathway_id)
    if policy_for(user.role).view is View.SUPPORT:
        row = support_view(row)
    return PathwayDetail(
        id=row["id"],
        subject=SubjectOut(name=row["subject_name"], date_of_birth=row["date_of_birth"],
                           pseudonym=row["pseudonym"], vulnerabilities=row["vulnerabilities"]),
        conduct_summary=row["conduct_summary"], issue_tags=row["issue_tags"],
        opened_at=row["opened_at"], opened_by_agency=row["opened_by_agency"],
        closed_outcome=row["closed_outcome"],
        escalation_level=agg.escalation_level(now),
        instruments=instruments_out(row["instruments"], agg, now),
        referrals=[ReferralOut.model_validate(r) for r in row["referrals"]],
        assessments=notes_of(row["notes"], "assessment"),
        consultations=notes_of(row["notes"], "consultation"),
        interventions=notes_of(row["notes"], "early_intervention"),
        overrides=[OverrideOut.model_validate(o) for o in row["overrides"]],
        deadlines=[deadline_out(d, now) for d in row["deadlines"]],
        next_steps=next_steps_out(steps),
        version=agg.version,
    )


@router.post("/{pathway_id}/steps", status_code=201, response_model=StepRecorded,
             summary="Record a step on a pathway",
             description="The body is one step, chosen by its `step` field. Refused steps are "
                         "409 with every reason; nothing is recorded.",
             responses=error_responses(401, 403, 404, 409, 422))
async def record_step(
    pathway_id: UUID,
    body: Annotated[PersonStep, Body(openapi_examples=openapi_examples(PERSON_STEP_NAMES))],
    user: CurrentUser, services: ServicesDep, idempotency_key: IdempotencyKey = None,
) -> Response:
    # The hot write path (bench/bench_http.py). `async` with ONE explicit thread-pool hop for
    # the blocking store work: a plain `def` route costs two hops (FastAPI runs the endpoint
    # in the pool, then validates the returned model in the pool again). The response is
    # serialised from the typed StepRecorded (the same bytes FastAPI would write; the
    # OpenAPI schema still comes from response_model).
    authorise(user.role, Action.RECORD, body.step)
    return await run_in_threadpool(_record_on_pathway, services, pathway_id, body, user,
                                   idempotency_key)


def _record_on_pathway(services: Services, pathway_id: UUID, body: Any, user: User,
                       command_id: str | None) -> Response:
    services.kinds.require(pathway_id, "pathway")  # 404 unless it is a pathway
    event = CaseAccess(services.application).record(
        user.actor(), pathway_id, "pathway", command_data(body),
        expected_version=body.expected_version, command_id=command_id)
    # What the step created (its `id` in the body) is shown in the pathway it belongs to.
    return Response(StepRecorded.of(event).model_dump_json(), status_code=201,
                    media_type="application/json",
                    headers={"Location": f"/api/pathways/{pathway_id}"})
