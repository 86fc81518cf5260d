"""What was recorded before a step: the assessments and consultations that count for it.

The guards read these functions to decide a step, and the exports read them to describe it,
so a statement cannot say "no assessment is recorded" of a step the engine let through
because one was. An assessment or consultation counts for a step when it was made no later
than the step and names that step, or names none (it then applies to whatever follows).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from domain.records import Note

ASSESSMENT = "assessment"
CONSULTATION = "consultation:"


def _for(notes: Iterable[Note], step: str) -> list[Note]:
    return [n for n in notes if n.about_step in (None, step)]


def assessments_before(notes: Iterable[Note], step: str, at: datetime) -> list[Note]:
    """Proportionality assessments that count for `step` decided at `at`, in log order."""
    return _for((n for n in notes if n.kind == ASSESSMENT and n.occurred_at <= at), step)


def consultations_before(notes: Iterable[Note], step: str, at: datetime,
                         body: str | None = None) -> list[Note]:
    """Consultations (of `body`, or any) that count for `step` decided at `at`, in log order."""
    wanted = CONSULTATION + body if body else CONSULTATION
    return _for((n for n in notes if n.kind.startswith(wanted) and n.occurred_at <= at), step)
