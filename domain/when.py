"""Dates as people write them: a day ("2026-10-20") or a month ("2026-10") as well as a full
timestamp, read in London time and kept with their precision.

A date and time without a UTC offset is refused rather than read as London time: in the
hour the clocks go back the same wall-clock time happens twice, and a court record must not
guess which. A day or a month has no such ambiguity: it starts at London midnight.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any

from domain.calendar import LONDON, end_of_local_day
from domain.events.base import Precision

ACCEPTED = ("accepted: a date and time with its UTC offset (2026-10-20T14:30:00+01:00 or "
            "2026-10-20T13:30:00Z), a day (2026-10-20) or a month (2026-10), both read in "
            "London time")

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_NAIVE = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$")

#: Envelope fields read as the start of the day or month given.
STARTS = ("occurred_at",)
#: Fields read as the end of the day or month given ("comply by 20 October": all that day).
ENDS = ("occurred_until", "comply_by")


def _at(field: str) -> str:
    return f"{field}: " if field else ""


def _first(value: str, field: str) -> tuple[date, date, Precision] | None:
    """(first day, day after the last, precision) of a day or month, else None."""
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d, Precision.DAY
        if m := _MONTH.match(value):
            first = date(int(m[1]), int(m[2]), 1)
            last = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, date.fromordinal(last.toordinal() - 1), Precision.MONTH
    except ValueError:
        raise ValueError(f"{_at(field)}{value!r} is not a calendar date; {ACCEPTED}") from None
    return None


def read_moment(value: Any, field: str, *, end: bool = False) -> tuple[Any, Precision | None]:
    """A day or month string as its London start (or, with `end`, the end of its last day)
    and its precision; a timestamp without offset refused; anything else as it came."""
    if not isinstance(value, str):
        return value, None
    text = value.strip()
    found = _first(text, field)
    if found is not None:
        first, last, precision = found
        # The end is the last second of the last day, so a document shows that day.
        moment = (end_of_local_day(last) - timedelta(seconds=1) if end
                  else datetime.combine(first, time(0), LONDON))
        return moment, precision
    if _NAIVE.match(text):
        raise ValueError(f"{_at(field)}a date and time needs its timezone offset; {ACCEPTED}")
    return value, None


def as_written(data: Any, *, strict: bool = True) -> Any:
    """Request data with day and month dates read in London time. `occurred_at` given as a
    day or month sets the precision, unless the request names another precision. Not
    `strict`: a value it cannot read is left for the field's own validator to name."""
    if not isinstance(data, dict):
        return data
    out = dict(data)
    for field in (*STARTS, *ENDS):
        if field not in out:
            continue
        try:
            moment, precision = read_moment(out[field], field, end=field in ENDS)
        except ValueError:
            if strict:
                raise
            continue
        out[field] = moment
        if field == "occurred_at" and precision is not None and \
                out.get("precision") in (None, Precision.EXACT, Precision.EXACT.value):
            out["precision"] = precision
    return out
