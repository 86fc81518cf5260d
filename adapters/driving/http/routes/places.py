"""Places: register, list, read (closure track, next steps), record steps, outcomes."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Body, Query, Response
from pydantic import Field, create_model

from adapters.driving.http.deps import (
    AccessDep,
    ApplicationDep,
    CurrentUser,
    Now,
    ReadConn,
    ScopeDep,
    ServicesDep,
)
from adapters.driving.http.errors import ApiError
from adapters.driving.http.idempotency import IdempotencyKey
from adapters.driving.http.routes.audit import note
from adapters.driving.http.routes.shaping import (
    deadline_out, instruments_out, next_steps_out, notes_of, searched, support_view,
)
from adapters.driving.http.schemas.common import Page, QueryText, error_responses, literal_of
from adapters.driving.http.schemas.examples import STEP_EXAMPLES
from adapters.driving.http.schemas.steps import (
    PLACE_STEP_NAMES,
    PlaceStep,
    RegisterPlaceRequest,
    command_data,
    openapi_examples,
    step_model,
)
from adapters.driving.http.schemas.views import (
    Created,
    OutcomeOut,
    OverrideOut,
    PlaceDetail,
    PlaceSummary,
    ReferralOut,
    StepRecorded,
)
from adapters.driven.readmodels import queries
from domain import steps
from service.access import CaseAccess
from service.audit import Access
from service.permissions import Action, View, authorise, policy_for

router = APIRouter(prefix="/api/places", tags=["places"])

OutcomeReviewRequest = create_model(
    "OutcomeReviewRequest",
    __base__=step_model(steps.OUTCOME_REVIEW_HELD),
    step=(literal_of(steps.OUTCOME_REVIEW_HELD), Field(default=steps.OUTCOME_REVIEW_HELD)),
)
OutcomeReviewRequest.model_config["json_schema_extra"] = {
    "examples": [STEP_EXAMPLES[steps.OUTCOME_REVIEW_HELD]]}
OutcomeReviewRequest.model_rebuild(force=True)


@router.post("", status_code=201, response_model=Created, summary="Register a place",
             responses=error_responses(401, 403, 409, 422))
def register_place(body: RegisterPlaceRequest, user: CurrentUser,  # type: ignore[valid-type]
                   app: ApplicationDep, response: Response,
                   idempotency_key: IdempotencyKey = None) -> Created:
    authorise(user.role, Action.OPEN, "place")
    place_id = app.register_place(command_data(body), user.actor(), id=body.id,  # type: ignore[attr-defined]
                                  command_id=idempotency_key)
    response.headers["Location"] = f"/api/places/{place_id}"
    return Created(id=place_id, version=1)


@router.get("", response_model=Page[PlaceSummary], summary="List or search places",
            responses=error_responses(401, 422))
def list_places(
    conn: ReadConn, scope: ScopeDep, user: CurrentUser, services: ServicesDep,
    q: Annotated[QueryText | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Page[PlaceSummary]:
    total, rows = queries.list_places(conn, scope, q=q, limit=limit, offset=offset)
    note(services, user, Access.CONSULTATION, searched("place", q),
         detail=f"q={q or ''} results={total}")
    return Page[PlaceSummary](total=total, items=[PlaceSummary.model_validate(r) for r in rows])


@router.get("/{place_id}", response_model=PlaceDetail,
            summary="A place: closure track, measures, deadlines, next steps",
            responses=error_responses(401, 404, 422))
def get_place(place_id: UUID, conn: ReadConn, scope: ScopeDep, user: CurrentUser,
              app: ApplicationDep, access: AccessDep, services: ServicesDep,
              now: Now) -> PlaceDetail:
    agg = access.require(user.actor(), place_id, "place", Action.READ)
    row = queries.place(conn, scope, place_id)
    if row is None:
        raise ApiError(503, "read_model_behind", "the read models have not caught up yet; retry",
                       {"Retry-After": "1"})
    upcoming = app.next_steps(place_id, actor=user.actor(), now=now)
    note(services, user, Access.CONSULTATION, "place", place_id)
    if policy_for(user.role).view is View.SUPPORT:
        row = support_view(row)
    return PlaceDetail(
        id=row["id"], name=row["name"], kind=row["kind"], address=row["address"],
        description=row["description"], opened_at=row["opened_at"],
        opened_by_agency=row["opened_by_agency"],
        instruments=instruments_out(row["instruments"], agg, now),
        referrals=[ReferralOut.model_validate(r) for r in row["referrals"]],
        notes=notes_of(row["notes"], "assessment", "consultation", "environmental_measure",
                       "objective", "outcome_review"),
        overrides=[OverrideOut.model_validate(o) for o in row["overrides"]],
        deadlines=[deadline_out(d, now) for d in row["deadlines"]],
        next_steps=next_steps_out(upcoming),
        version=agg.version,
    )


def _record(place_id: UUID, body: object, user: CurrentUser, services: ServicesDep,
            command_id: str | None) -> StepRecorded:
    step = body.step  # type: ignore[attr-defined]
    authorise(user.role, Action.RECORD, step)
    services.kinds.require(place_id, "place")  # 404 unless it is a place
    event = CaseAccess(services.application).record(
        user.actor(), place_id, "place", command_data(body),  # type: ignore[arg-type]
        expected_version=body.expected_version,  # type: ignore[attr-defined]
        command_id=command_id)
    return StepRecorded.of(event)


@router.post("/{place_id}/steps", status_code=201, response_model=StepRecorded,
             summary="Record a step on a place (closure track, measures, objectives)",
             responses=error_responses(401, 403, 404, 409, 422))
def record_place_step(
    place_id: UUID,
    body: Annotated[PlaceStep, Body(openapi_examples=openapi_examples(PLACE_STEP_NAMES))],
    user: CurrentUser, services: ServicesDep, response: Response,
    idempotency_key: IdempotencyKey = None,
) -> StepRecorded:
    response.headers["Location"] = f"/api/places/{place_id}"
    return _record(place_id, body, user, services, idempotency_key)


@router.get("/{place_id}/outcomes", response_model=list[OutcomeOut],
            summary="Objectives and outcome reviews of a place",
            responses=error_responses(401, 404, 422))
def get_outcomes(place_id: UUID, conn: ReadConn, user: CurrentUser, access: AccessDep,
                 services: ServicesDep) -> list[OutcomeOut]:
    access.require(user.actor(), place_id, "place", Action.READ)
    note(services, user, Access.CONSULTATION, "place outcomes", place_id)
    return [OutcomeOut.model_validate(r) for r in queries.outcomes(conn, place_id)]


@router.post("/{place_id}/outcomes", status_code=201, response_model=StepRecorded,
             summary="Record an outcome review (the outcome_review_held step)",
             responses=error_responses(401, 403, 404, 409, 422))
def post_outcome(place_id: UUID, body: OutcomeReviewRequest,  # type: ignore[valid-type]
                 user: CurrentUser, services: ServicesDep,
                 idempotency_key: IdempotencyKey = None) -> StepRecorded:
    return _record(place_id, body, user, services, idempotency_key)
