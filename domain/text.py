"""Dates and times the way officers and lawyers read them (London time)."""

from __future__ import annotations

from datetime import date, datetime

from domain.calendar import LONDON


def when(dt: datetime) -> str:
    local = dt.astimezone(LONDON)
    return f"{local.day} {local:%b %Y %H:%M} ({local:%A})"


def day(d: date) -> str:
    return f"{d.day} {d:%b %Y}"
