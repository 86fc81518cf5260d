"""Integrity of the whole log (the same check as `asb verify`)."""

from __future__ import annotations

from fastapi import APIRouter

from adapters.driving.http.deps import CurrentUser, ServicesDep
from adapters.driving.http.schemas.common import error_responses
from adapters.driving.http.schemas.views import VerifyOut, ViolationOut
from adapters.driven.store.integrity import verify_log

router = APIRouter(tags=["integrity"])


@router.get("/api/verify", response_model=VerifyOut,
            summary="Recompute every hash chain and stream head",
            responses=error_responses(401))
def verify(services: ServicesDep, _: CurrentUser) -> VerifyOut:
    report = verify_log(services.settings)
    return VerifyOut(ok=report.ok, streams_checked=report.streams_checked,
                     events_checked=report.events_checked,
                     violations=[ViolationOut(stream_id=v.stream_id, position=v.position,
                                              problem=v.problem) for v in report.violations])
