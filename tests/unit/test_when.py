"""Dates as people write them: days and months in London time, kept with their precision;
a timestamp without offset refused naming the field and the accepted formats."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from domain.calendar import LONDON
from domain.commands import parse_command
from domain.errors import DomainValidationError
from domain.events.base import Precision

OPEN: dict[str, Any] = {"step": "pathway_opened", "subject": {"name": "Dean Harrow"}}


def test_a_day_is_london_midnight_with_day_precision() -> None:
    cmd = parse_command({**OPEN, "occurred_at": "2026-10-20"})
    assert cmd.occurred_at == datetime(2026, 10, 20, tzinfo=LONDON)
    assert cmd.occurred_at.utcoffset().total_seconds() == 3600  # type: ignore[union-attr]
    assert cmd.precision is Precision.DAY


def test_a_month_is_its_first_london_midnight_with_month_precision() -> None:
    cmd = parse_command({**OPEN, "occurred_at": "2026-12"})
    assert cmd.occurred_at == datetime(2026, 12, 1, tzinfo=LONDON)
    assert cmd.precision is Precision.MONTH


def test_a_precision_the_user_names_is_kept() -> None:
    cmd = parse_command({**OPEN, "occurred_at": "2026-03-01", "precision": "range",
                         "occurred_until": "2026-03-05"})
    assert cmd.precision is Precision.RANGE
    assert cmd.occurred_until == datetime(2026, 3, 5, 23, 59, 59, tzinfo=LONDON)


def test_comply_by_a_day_means_by_the_end_of_that_day() -> None:
    cmd = parse_command({"step": "cpw_issued", "occurred_at": "2026-03-01T10:00:00Z",
                         "instrument_id": "5b0f0a3e-1111-4222-8333-944455556666",
                         "conduct": "Noise", "requirements": ["Stop"],
                         "comply_by": "2026-03-15"})
    assert getattr(cmd, "comply_by") == datetime(2026, 3, 15, 23, 59, 59, tzinfo=LONDON)


@pytest.mark.parametrize(("value", "words"), [
    ("2026-10-20T14:30:00", "timezone offset"),
    ("2026-02-30", "not a calendar date"),
    ("2026-13", "not a calendar date"),
])
def test_an_unreadable_date_names_the_field_and_the_accepted_formats(value: str,
                                                                     words: str) -> None:
    with pytest.raises(DomainValidationError) as caught:
        parse_command({**OPEN, "occurred_at": value})
    (problem,) = caught.value.problems
    assert problem.field == "occurred_at"
    assert words in problem.rule and "a day (2026-10-20) or a month (2026-10)" in problem.rule
