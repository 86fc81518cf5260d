"""Read-model rows to response bodies (shared by pathways and places)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from adapters.driving.http.schemas.views import DeadlineOut, InstrumentOut, NextStepOut, NoteOut
from domain.model import CaseStream, Deadline, NextStep, status_at


def deadline_out(row: dict[str, Any], now: datetime) -> DeadlineOut:
    status = Deadline(row["code"], row["label"], row["legal_basis"], row["duty"],
                      row["instrument_id"], row["starts_at"], row["due_at"],
                      row["met_at"]).status(now)
    return DeadlineOut.model_validate({**row, "status": status})


def notes_of(rows: list[dict[str, Any]], *prefixes: str) -> list[NoteOut]:
    return [NoteOut.model_validate(r) for r in rows
            if any(r["kind"] == p or r["kind"].startswith(p + ":") for p in prefixes)]


def next_steps_out(steps: list[NextStep]) -> list[NextStepOut]:
    return [NextStepOut.of(s) for s in steps]


def instruments_out(rows: list[dict[str, Any]], agg: CaseStream,
                    now: datetime) -> list[InstrumentOut]:
    """The read model's instrument rows, each with its status as at `now`, derived from the
    stream (a period that ran out is never an entry of the log)."""
    return [InstrumentOut.model_validate(
        {**r, "status": status_at(agg.instruments[r["instrument_id"]], agg, now)}) for r in rows
        if r["instrument_id"] in agg.instruments]


def support_view(row: dict[str, Any]) -> dict[str, Any]:
    """A case as a support worker sees it: the support track and minimal identity (name and
    pseudonym), without enforcement instruments, assessments or health details."""
    return row | {
        "date_of_birth": None, "vulnerabilities": [], "conduct_summary": "",
        "description": "", "instruments": [], "overrides": [],
        "notes": [n for n in row["notes"] if n["kind"].startswith("consultation")],
        "deadlines": [d for d in row["deadlines"] if d["instrument_kind"] == "referral"],
    }


def searched(kind: str, *terms: object) -> str:
    """The audit's name for a list of `kind`s: a search when any term narrowed it."""
    return f"{kind} {'search' if any(terms) else 'list'}"
