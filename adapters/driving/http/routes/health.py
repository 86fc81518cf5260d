"""Liveness: no authentication, no database."""

from __future__ import annotations

from fastapi import APIRouter

from adapters.driving.http.schemas.views import Health

router = APIRouter(tags=["health"])


@router.get("/api/health", response_model=Health, summary="Liveness (no auth)")
def health() -> Health:
    return Health()
