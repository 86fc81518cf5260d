"""Statutory time arithmetic for the Anti-social Behaviour, Crime and Policing Act 2014.

Pure functions, standard library only. Conventions used throughout:

* Every ``datetime`` argument must be timezone-aware; a naive one raises ``ValueError`` naming
  the argument. Date arguments must be plain ``date`` objects, not ``datetime``.
* Which calendar day an instant falls on is decided in England's civil time (``Europe/London``),
  whatever tzinfo the caller used: a Sunday is a Sunday in London.
* Periods in hours are elapsed real time, computed in UTC, so a day on which the clocks change
  counts as 23 or 25 hours.
* A returned deadline is the instant at which the period ends. For day-based periods this is an
  exclusive end: the local midnight that starts the first day outside the period.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

LONDON: ZoneInfo = ZoneInfo("Europe/London")

_ONE_DAY = timedelta(days=1)
# Guard against predicates that disregard (almost) every day, which would never terminate.
_MAX_CONSECUTIVE_EXCLUDED_DAYS = 366


def _require_aware(value: datetime, name: str) -> tzinfo:
    if not isinstance(value, datetime):
        raise ValueError(f"{name} must be a datetime, got {type(value).__name__}")
    tz = value.tzinfo
    if tz is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got naive {value.isoformat()}")
    return tz


def _require_date(value: date, name: str) -> None:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValueError(f"{name} must be a date (not a datetime), got {type(value).__name__}")


def _require_int(value: int, name: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be an int, got {value!r}")


def after_hours(start: datetime, hours: int | float) -> datetime:
    """`hours` of real elapsed time after `start` (in UTC, so clock changes count right)."""
    _require_aware(start, "start")
    return (start.astimezone(timezone.utc) + timedelta(hours=hours)).astimezone(start.tzinfo)


def local_date(instant: datetime) -> date:
    """The calendar day in England on which `instant` falls."""
    return instant.astimezone(LONDON).date()


def _local_date(instant: datetime) -> date:
    return instant.astimezone(LONDON).date()


def _days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - _ONE_DAY).day


# --- Calendar facts -------------------------------------------------------------------------


def easter_sunday(year: int) -> date:
    """Western (Gregorian) Easter Sunday, by the anonymous Gregorian (Meeus/Jones/Butcher) rule."""
    _require_int(year, "year")
    if not 1583 <= year <= 9999:
        raise ValueError(f"year must be a Gregorian year in 1583..9999, got {year}")
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's published name
    m = (a + 11 * h + 22 * l) // 451
    month, day0 = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day0 + 1)


def good_friday(year: int) -> date:
    """Good Friday: two days before Easter Sunday."""
    return easter_sunday(year) - timedelta(days=2)


def is_christmas_day(d: date) -> bool:
    """True for 25 December."""
    _require_date(d, "d")
    return d.month == 12 and d.day == 25


def is_sunday(d: date) -> bool:
    """True for any Sunday."""
    _require_date(d, "d")
    return d.weekday() == 6


def is_good_friday(d: date) -> bool:
    """True for Good Friday of d's year."""
    _require_date(d, "d")
    return d == good_friday(d.year)


def _is_s9_disregarded(d: date) -> bool:
    return is_christmas_day(d) or is_good_friday(d) or is_sunday(d)


def end_of_local_day(d: date) -> datetime:
    """Exclusive end of local day ``d``: the Europe/London midnight that starts ``d + 1``.

    UK clocks change at 01:00 UTC, never at midnight, so this instant always exists uniquely.
    """
    _require_date(d, "d")
    return datetime.combine(d + _ONE_DAY, time(0), tzinfo=LONDON)


# --- Hour-based periods ---------------------------------------------------------------------


def add_hours_excluding(
    start: datetime, hours: int | float, excluded: Callable[[date], bool]
) -> datetime:
    """Instant at which ``hours`` of real time have elapsed, counting only time on local days
    for which ``excluded(day)`` is False.

    If ``start`` falls on an excluded day, counting begins at the next non-excluded local
    midnight. If the count is completed exactly at the end of a counted day, that midnight is
    returned even when the following day is excluded. The result is in ``start``'s tzinfo.
    """
    tz = _require_aware(start, "start")
    valid = isinstance(hours, (int, float)) and not isinstance(hours, bool)
    if not valid or not math.isfinite(hours) or hours < 0:
        raise ValueError(f"hours must be a finite, non-negative number, got {hours!r}")
    remaining = timedelta(hours=hours)
    cursor = start.astimezone(timezone.utc)
    skipped = 0
    while True:
        day = _local_date(cursor)
        day_end = end_of_local_day(day).astimezone(timezone.utc)
        if excluded(day):
            skipped += 1
            if skipped > _MAX_CONSECUTIVE_EXCLUDED_DAYS:
                raise ValueError("excluded disregards every day for over a year; no deadline")
        else:
            skipped = 0
            available = day_end - cursor
            if remaining <= available:
                return (cursor + remaining).astimezone(tz)
            remaining -= available
        cursor = day_end


def arrest_court_deadline(arrested_at: datetime) -> datetime:
    """s.9(3)-(4): end of the 24 hours, beginning with the time of arrest under a power of
    arrest, within which the person must be brought before the judge (or justice), disregarding
    Christmas Day, Good Friday and any Sunday. Easter Monday and bank holidays still count.
    """
    _require_aware(arrested_at, "arrested_at")
    return add_hours_excluding(arrested_at, 24, _is_s9_disregarded)


def closure_hearing_deadline(served_at: datetime, window_hours: int) -> datetime:
    """s.80(3)-(4): latest instant for the closure-order hearing, ``window_hours`` (48; 72 under
    the proposed rule set) after service of the closure notice, disregarding Christmas Day only.

    The window size is supplied by the active rule set; this function only checks it is positive.
    """
    _require_aware(served_at, "served_at")
    _require_int(window_hours, "window_hours")
    if window_hours <= 0:
        raise ValueError(f"window_hours must be positive, got {window_hours}")
    return add_hours_excluding(served_at, window_hours, is_christmas_day)


def closure_notice_expiry(served_at: datetime, duration_hours: int) -> datetime:
    """s.77: instant a closure notice stops having effect, counted from service, disregarding
    Christmas Day. ``duration_hours`` is 24, 48 (superintendent / LA chief executive), or the
    total after a s.77(4) extension of up to 24 hours to a 24-hour notice; hence 1..48.
    Continuation by the court under s.81(2) is a separate period and is not modelled here.
    """
    _require_aware(served_at, "served_at")
    _require_int(duration_hours, "duration_hours")
    if not 0 < duration_hours <= 48:
        raise ValueError(f"duration_hours must be in 1..48 (s.77), got {duration_hours}")
    return add_hours_excluding(served_at, duration_hours, is_christmas_day)


# --- Day-based periods ----------------------------------------------------------------------


def cpn_appeal_deadline(issued_at: datetime) -> datetime:
    """s.46(2): exclusive end of the 21 days *beginning with* the day of issue.

    The issue day is day 1, so the last day to appeal is issue date + 20 days and the returned
    instant is the London midnight starting issue date + 21 days. No extension is made when the
    last day is a weekend, bank holiday or Christmas Day (the Act provides none).
    """
    _require_aware(issued_at, "issued_at")
    return end_of_local_day(_local_date(issued_at) + timedelta(days=20))


def fpn_period_end(issued_at: datetime) -> datetime:
    """s.52: exclusive end of the period in which no proceedings may be taken for the offence.

    Reading: "the period of 14 days following the date of the notice" excludes the date of the
    notice itself (the London date of ``issued_at``); the 14 days are date + 1 .. date + 14, so
    proceedings may first be taken on date + 15, and this returns the London midnight starting
    date + 15. Payment before this instant bars conviction (s.52(3)(b)).
    """
    _require_aware(issued_at, "issued_at")
    return end_of_local_day(_local_date(issued_at) + timedelta(days=14))


def surrender_claim_end(surrendered_at: datetime) -> datetime:
    """s.37: exclusive end of the 28 days, beginning with the day the items were surrendered,
    after which unclaimed items may be destroyed. Surrender happens with the direction, so the
    day of surrender is never earlier than the direction's: the period is never shortened.
    """
    _require_aware(surrendered_at, "surrendered_at")
    return end_of_local_day(_local_date(surrendered_at) + timedelta(days=27))


def prosecution_time_limit(offence_at: datetime) -> datetime:
    """MCA 1980 s.127(1): an information must be laid within six months from the time the
    offence was committed; this is the end of the London day six calendar months on.
    """
    _require_aware(offence_at, "offence_at")
    return end_of_local_day(add_months(_local_date(offence_at), 6))


def add_months(d: date, months: int) -> date:
    """``d`` moved by ``months`` calendar months (may be negative). The day is kept, clamped to
    the last day of a shorter month: 31 Jan + 1 month = 28 (or 29) Feb.
    """
    _require_date(d, "d")
    _require_int(months, "months")
    year, month0 = divmod(d.year * 12 + d.month - 1 + months, 12)
    if not 1 <= year <= 9999:
        raise ValueError(f"months={months} takes {d.isoformat()} outside the supported years")
    month = month0 + 1
    return date(year, month, min(d.day, _days_in_month(year, month)))


def months_between_at_most(start: date, end: date, months: int) -> bool:
    """True when ``end`` is no later than ``add_months(start, months)``.

    This is the corresponding-date rule (Dodds v Walker [1981] 1 WLR 1027): "within 12 months
    of" 31 Jan 2026 includes 31 Jan 2027; with no corresponding date the period ends on the last
    day of the month. ``end`` before ``start`` is not rejected; callers check ordering.
    """
    _require_date(start, "start")
    _require_date(end, "end")
    return end <= add_months(start, months)


def age_on(date_of_birth: date, on: date) -> int:
    """Completed years of age on ``on``.

    A person attains an age at the start of the relevant anniversary of birth (Family Law Reform
    Act 1969 s.9). For a 29 February birth the anniversary in a common year is taken to be
    1 March, following English practice: such a person is still 17 on 28 Feb and 18 on 1 Mar.
    """
    _require_date(date_of_birth, "date_of_birth")
    _require_date(on, "on")
    if on < date_of_birth:
        raise ValueError(f"on ({on}) is before date_of_birth ({date_of_birth})")
    month, day = date_of_birth.month, date_of_birth.day
    if (month, day) == (2, 29) and _days_in_month(on.year, 2) == 28:
        month, day = 3, 1
    years = on.year - date_of_birth.year
    return years - 1 if (on.month, on.day) < (month, day) else years
