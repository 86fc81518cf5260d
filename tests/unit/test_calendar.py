"""Behaviour of the statutory calendar (domain.calendar)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone, tzinfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.calendar import (
    LONDON,
    add_hours_excluding,
    add_months,
    age_on,
    arrest_court_deadline,
    closure_hearing_deadline,
    closure_notice_expiry,
    cpn_appeal_deadline,
    easter_sunday,
    end_of_local_day,
    fpn_period_end,
    good_friday,
    is_christmas_day,
    is_good_friday,
    is_sunday,
    months_between_at_most,
)

UTC = timezone.utc
IST = timezone(timedelta(hours=5, minutes=30))
HOUR = timedelta(hours=1)


def london(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    """A London wall-clock time. Equality between two Europe/London datetimes compares wall
    clocks (fold ignored), which is the instant only away from the autumn repeated hour; tests
    that land in that hour compare in UTC instead."""
    return datetime(y, mo, d, h, mi, tzinfo=LONDON)


def utc_offset_hours(dt: datetime) -> float:
    offset = dt.utcoffset()
    assert offset is not None
    return offset / HOUR


def elapsed(a: datetime, b: datetime) -> timedelta:
    """Real time between two aware instants (never wall-clock subtraction)."""
    return b.astimezone(UTC) - a.astimezone(UTC)


def s9_disregarded(d: date) -> bool:
    """Independent restatement of s.9(4): Christmas Day, Good Friday, any Sunday."""
    return (d.month, d.day) == (12, 25) or d.weekday() == 6 or d == good_friday(d.year)


# Instants are compared in UTC: Python's == between datetimes in different zones is always
# False when one of them is in the autumn repeated hour (PEP 495), whatever instant it denotes.

# --- Independent slow reference: walk the UTC hour grid --------------------------------------
# London's day boundaries always fall on whole UTC hours (00:00 GMT or 23:00 UTC for BST), so
# every piece between consecutive whole UTC hours lies inside a single London day.


def _next_utc_hour(t: datetime) -> datetime:
    return t.replace(minute=0, second=0, microsecond=0) + HOUR


def counted_time(start: datetime, end: datetime, excluded: Callable[[date], bool]) -> timedelta:
    total, t, stop = timedelta(0), start.astimezone(UTC), end.astimezone(UTC)
    while t < stop:
        nxt = min(_next_utc_hour(t), stop)
        if not excluded(t.astimezone(LONDON).date()):
            total += nxt - t
        t = nxt
    return total


def reference_deadline(
    start: datetime, hours: int | float, excluded: Callable[[date], bool]
) -> datetime:
    remaining, t = timedelta(hours=hours), start.astimezone(UTC)
    while True:
        nxt = _next_utc_hour(t)
        if not excluded(t.astimezone(LONDON).date()):
            if remaining <= nxt - t:
                return t + remaining
            remaining -= nxt - t
        t = nxt


def _last_sunday(year: int, month: int) -> date:
    last = date(year, month, 31)
    return last - timedelta(days=(last.weekday() + 1) % 7)


@st.composite
def instants_near_awkward_days(draw: st.DrawFn) -> datetime:
    """Aware instants clustered around Christmas, Good Friday and both DST changes."""
    year = draw(st.integers(2000, 2060))
    anchor = draw(st.sampled_from(["christmas", "good_friday", "spring", "autumn", "any"]))
    base = {
        "christmas": date(year, 12, 25),
        "good_friday": good_friday(year),
        "spring": _last_sunday(year, 3),
        "autumn": _last_sunday(year, 10),
        "any": date(year, 1, 1) + timedelta(days=draw(st.integers(0, 364))),
    }[anchor]
    offset = timedelta(
        minutes=draw(st.integers(-4 * 24 * 60, 4 * 24 * 60)),
        seconds=draw(st.integers(0, 59)),
        microseconds=draw(st.sampled_from([0, 0, 1, 999_999])),
    )
    instant = datetime.combine(base, time(0), tzinfo=LONDON).astimezone(UTC) + offset
    tz: tzinfo = draw(st.sampled_from([LONDON, UTC, IST]))
    return instant.astimezone(tz)


# --- Easter and the day predicates -----------------------------------------------------------


@pytest.mark.parametrize(
    "expected",
    [
        date(1818, 3, 22),  # earliest possible
        date(1943, 4, 25),  # latest possible
        date(2000, 4, 23),
        date(2008, 3, 23),
        date(2011, 4, 24),
        date(2019, 4, 21),
        date(2024, 3, 31),
        date(2025, 4, 20),
        date(2026, 4, 5),
        date(2027, 3, 28),
        date(2038, 4, 25),
        date(2285, 3, 22),
    ],
)
def test_easter_sunday_matches_the_published_date(expected: date) -> None:
    assert easter_sunday(expected.year) == expected


def _oudin_easter(y: int) -> date:
    """Oudin's (1940) algorithm: an independent formulation of the Gregorian computus."""
    c, g = y // 100, y % 19
    k = (c - 17) // 25
    i = (c - c // 4 - (c - k) // 3 + 19 * g + 15) % 30
    i -= (i // 28) * (1 - (i // 28) * (29 // (i + 1)) * ((21 - g) // 11))
    j = (y + y // 4 + i + 2 - c + c // 4) % 7
    n = i - j
    month = 3 + (n + 40) // 44
    return date(y, month, n + 28 - 31 * (month // 4))


def test_easter_sunday_agrees_with_an_independent_algorithm_for_every_gregorian_year() -> None:
    mismatches = [y for y in range(1583, 10000) if easter_sunday(y) != _oudin_easter(y)]
    assert mismatches == []


@given(st.integers(1583, 9999))
def test_easter_sunday_is_always_a_sunday_between_22_march_and_25_april(year: int) -> None:
    easter = easter_sunday(year)
    assert easter.weekday() == 6
    assert date(year, 3, 22) <= easter <= date(year, 4, 25)


@pytest.mark.parametrize("year", [1582, 10000])
def test_easter_is_refused_outside_the_gregorian_years_supported(year: int) -> None:
    with pytest.raises(ValueError, match="year"):
        easter_sunday(year)


@pytest.mark.parametrize(
    "expected", [date(2024, 3, 29), date(2025, 4, 18), date(2026, 4, 3), date(2027, 3, 26)]
)
def test_good_friday_is_the_friday_before_easter_sunday(expected: date) -> None:
    assert good_friday(expected.year) == expected
    assert expected.weekday() == 4
    assert is_good_friday(expected)
    assert not is_good_friday(expected - timedelta(days=7))


def test_christmas_day_is_25_december_and_no_other_day() -> None:
    assert is_christmas_day(date(2027, 12, 25))
    assert not is_christmas_day(date(2027, 12, 24))
    assert not is_christmas_day(date(2027, 12, 26))
    assert not is_christmas_day(date(2027, 11, 25))


def test_sunday_is_recognised_and_saturday_is_not() -> None:
    assert is_sunday(date(2026, 3, 15))
    assert not is_sunday(date(2026, 3, 14))


def test_day_predicates_refuse_datetimes_whose_local_day_would_be_ambiguous() -> None:
    with pytest.raises(ValueError, match="d must be a date"):
        is_sunday(london(2026, 3, 15, 12))


# --- Local days --------------------------------------------------------------------------------


def test_end_of_a_local_day_is_the_next_london_midnight_in_winter_and_in_summer() -> None:
    winter = end_of_local_day(date(2026, 1, 10))
    summer = end_of_local_day(date(2026, 7, 10))
    assert winter == datetime(2026, 1, 11, 0, 0, tzinfo=UTC)
    assert summer == datetime(2026, 7, 10, 23, 0, tzinfo=UTC)
    assert (utc_offset_hours(winter), utc_offset_hours(summer)) == (0, 1)


def test_days_on_which_the_clocks_change_are_23_and_25_hours_long() -> None:
    spring, autumn = date(2026, 3, 29), date(2026, 10, 25)
    assert elapsed(end_of_local_day(spring - timedelta(1)), end_of_local_day(spring)) == 23 * HOUR
    assert elapsed(end_of_local_day(autumn - timedelta(1)), end_of_local_day(autumn)) == 25 * HOUR


# --- add_hours_excluding -----------------------------------------------------------------------


def never(_: date) -> bool:
    return False


def test_counting_from_an_excluded_day_begins_at_the_next_counted_midnight() -> None:
    assert add_hours_excluding(london(2026, 3, 15, 9), 2, is_sunday) == london(2026, 3, 16, 2)


def test_zero_hours_on_a_counted_day_is_the_start_itself() -> None:
    start = london(2026, 3, 16, 9, 30)
    assert add_hours_excluding(start, 0, is_sunday) == start


def test_fractional_hours_are_counted_exactly() -> None:
    assert add_hours_excluding(london(2026, 3, 16, 9), 1.5, never) == london(2026, 3, 16, 10, 30)


def test_the_result_keeps_the_tzinfo_of_the_start() -> None:
    start = datetime(2026, 3, 14, 20, 0, tzinfo=UTC)
    result = add_hours_excluding(start, 24, is_sunday)
    assert result.tzinfo is UTC
    assert result == datetime(2026, 3, 16, 20, 0, tzinfo=UTC)


def test_hours_counted_through_the_spring_clock_change_are_real_hours() -> None:
    # 00:30 GMT on Sun 29 Mar 2026; at 01:00 GMT the clocks jump to 02:00 BST.
    result = add_hours_excluding(london(2026, 3, 29, 0, 30), 2, never)
    assert result.astimezone(UTC) == datetime(2026, 3, 29, 2, 30, tzinfo=UTC)
    assert (result.hour, result.minute, utc_offset_hours(result)) == (3, 30, 1)


def test_hours_counted_through_the_autumn_clock_change_are_real_hours() -> None:
    # 00:30 BST on Sun 25 Oct 2026; at 02:00 BST the clocks fall back to 01:00 GMT.
    result = add_hours_excluding(london(2026, 10, 25, 0, 30), 2, never)
    assert result.astimezone(UTC) == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    assert (result.hour, result.minute, utc_offset_hours(result)) == (1, 30, 0)


@st.composite
def instants_around_clock_changes(draw: st.DrawFn) -> datetime:
    year = draw(st.integers(2000, 2060))
    change_day = _last_sunday(year, draw(st.sampled_from([3, 10])))
    change = datetime.combine(change_day, time(1, 0), tzinfo=UTC)  # UK changes at 01:00 UTC
    offset = timedelta(seconds=draw(st.integers(-12 * 3600, 12 * 3600)))
    return (change + offset).astimezone(draw(st.sampled_from([LONDON, UTC, IST])))


@settings(max_examples=100)
@given(instants_around_clock_changes(), st.integers(0, 30))
def test_with_nothing_excluded_adding_hours_is_adding_real_elapsed_time(
    start: datetime, hours: int
) -> None:
    result = add_hours_excluding(start, hours, never)
    assert result.astimezone(UTC) == start.astimezone(UTC) + hours * HOUR
    assert result.tzinfo is start.tzinfo


@pytest.mark.parametrize("hours", [-1, float("nan"), float("inf"), True])
def test_hours_must_be_a_finite_non_negative_number(hours: float) -> None:
    with pytest.raises(ValueError, match="hours"):
        add_hours_excluding(london(2026, 3, 16), hours, never)


def test_a_predicate_that_disregards_every_day_is_refused_rather_than_looping() -> None:
    with pytest.raises(ValueError, match="excluded"):
        add_hours_excluding(london(2026, 3, 16), 1, lambda _: True)


# --- s.9: arrest under a power of arrest -------------------------------------------------------


def test_arrest_on_saturday_evening_must_be_before_a_judge_by_monday_evening() -> None:
    assert arrest_court_deadline(london(2026, 3, 14, 20)) == london(2026, 3, 16, 20)


def test_arrest_on_a_weekday_morning_allows_a_plain_24_hours() -> None:
    assert arrest_court_deadline(london(2026, 3, 10, 9, 15)) == london(2026, 3, 11, 9, 15)


def test_arrest_on_the_eve_of_good_friday_must_be_before_a_judge_by_saturday_evening() -> None:
    assert arrest_court_deadline(london(2026, 4, 2, 20)) == london(2026, 4, 4, 20)


def test_arrest_on_easter_saturday_runs_into_easter_monday_which_is_not_disregarded() -> None:
    assert arrest_court_deadline(london(2026, 4, 4, 20)) == london(2026, 4, 6, 20)


def test_arrest_on_christmas_eve_must_be_before_a_judge_by_boxing_day_evening() -> None:
    assert arrest_court_deadline(london(2026, 12, 24, 20)) == london(2026, 12, 26, 20)


def test_arrest_before_a_saturday_christmas_skips_christmas_and_the_following_sunday() -> None:
    # 2027-12-25 is a Saturday and 2027-12-26 a Sunday: two disregarded days back to back.
    assert date(2027, 12, 25).weekday() == 5
    assert arrest_court_deadline(london(2027, 12, 24, 20)) == london(2027, 12, 27, 20)


def test_arrest_on_a_saturday_christmas_day_starts_the_clock_on_monday() -> None:
    assert arrest_court_deadline(london(2027, 12, 25, 10)) == london(2027, 12, 28, 0)


def test_arrest_on_the_saturday_before_a_monday_christmas_skips_sunday_and_christmas() -> None:
    assert date(2028, 12, 25).weekday() == 0
    assert arrest_court_deadline(london(2028, 12, 23, 20)) == london(2028, 12, 26, 20)


def test_arrest_at_the_start_of_saturday_ends_exactly_at_the_stroke_of_sunday() -> None:
    assert arrest_court_deadline(london(2026, 3, 14, 0)) == london(2026, 3, 15, 0)


def test_arrest_before_clocks_go_forward_keeps_wall_clock_time_as_sunday_is_ignored() -> None:
    # Sat 28 Mar 2026 20:00 GMT: 4h of Saturday count; Sunday 29 Mar (23h long, clocks forward)
    # is disregarded; 20h of Monday count -> Mon 30 Mar 20:00 BST, 47 real hours later.
    arrested = london(2026, 3, 28, 20)
    deadline = arrest_court_deadline(arrested)
    assert deadline == london(2026, 3, 30, 20)
    assert utc_offset_hours(deadline) == 1
    assert elapsed(arrested, deadline) == 47 * HOUR


def test_arrest_before_clocks_go_back_keeps_wall_clock_time_as_sunday_is_ignored() -> None:
    arrested = london(2026, 10, 24, 20)
    deadline = arrest_court_deadline(arrested)
    assert deadline == london(2026, 10, 26, 20)
    assert utc_offset_hours(deadline) == 0
    assert elapsed(arrested, deadline) == 49 * HOUR


def test_arrest_recorded_in_utc_is_judged_by_the_london_day_it_fell_on() -> None:
    # 23:30 UTC on Sat 4 Jul 2026 is 00:30 BST on Sunday 5 Jul: the clock starts Monday 00:00 BST.
    deadline = arrest_court_deadline(datetime(2026, 7, 4, 23, 30, tzinfo=UTC))
    assert deadline == london(2026, 7, 7, 0)
    assert deadline.tzinfo is UTC


def test_a_naive_arrest_time_is_refused_naming_the_argument() -> None:
    with pytest.raises(ValueError, match="arrested_at"):
        arrest_court_deadline(datetime(2026, 3, 14, 20))


@settings(max_examples=200)
@given(instants_near_awkward_days())
def test_arrest_deadline_counts_exactly_24_hours_of_non_disregarded_time(start: datetime) -> None:
    deadline = arrest_court_deadline(start)
    assert deadline.astimezone(UTC) == reference_deadline(start, 24, s9_disregarded)
    assert counted_time(start, deadline, s9_disregarded) == 24 * HOUR
    assert deadline.tzinfo is start.tzinfo


@settings(max_examples=200)
@given(instants_near_awkward_days())
def test_arrest_deadline_never_lands_inside_a_disregarded_day(start: datetime) -> None:
    deadline = arrest_court_deadline(start)
    local = deadline.astimezone(LONDON)
    at_midnight = local.timetz().replace(tzinfo=None) == time(0)
    assert at_midnight or not s9_disregarded(local.date())
    # The count is completed in counted time, so the deadline is the earliest possible instant.
    just_before = deadline.astimezone(UTC) - timedelta(microseconds=1)
    assert not s9_disregarded(just_before.astimezone(LONDON).date())


@settings(max_examples=200)
@given(instants_near_awkward_days())
def test_arrest_deadline_is_at_least_24_and_at_most_73_real_hours_away(start: datetime) -> None:
    # At most two disregarded days adjoin (Christmas + Sunday), plus one DST hour.
    assert 24 * HOUR <= elapsed(start, arrest_court_deadline(start)) <= 73 * HOUR


@settings(max_examples=100)
@given(
    instants_near_awkward_days(),
    st.one_of(st.integers(0, 120), st.floats(0, 120, allow_nan=False)),
    st.frozensets(st.integers(0, 6), max_size=6),
)
def test_adding_hours_matches_the_reference_for_any_set_of_excluded_weekdays(
    start: datetime, hours: float, weekdays: frozenset[int]
) -> None:
    def excluded(d: date) -> bool:
        return d.weekday() in weekdays

    result = add_hours_excluding(start, hours, excluded)
    assert result.astimezone(UTC) == reference_deadline(start, hours, excluded)
    assert counted_time(start, result, excluded) == timedelta(hours=hours)


# --- ss.77 and 80: closure notices and hearings ------------------------------------------------


def test_closure_hearing_is_due_48_hours_after_service_on_an_ordinary_day() -> None:
    assert closure_hearing_deadline(london(2026, 6, 10, 15), 48) == london(2026, 6, 12, 15)


def test_closure_hearing_window_counts_sundays_and_good_friday() -> None:
    assert closure_hearing_deadline(london(2026, 4, 2, 10), 48) == london(2026, 4, 4, 10)


def test_closure_hearing_window_skips_christmas_day() -> None:
    assert closure_hearing_deadline(london(2026, 12, 24, 15), 48) == london(2026, 12, 27, 15)


def test_closure_hearing_window_of_72_hours_under_the_later_rule_set() -> None:
    assert closure_hearing_deadline(london(2026, 12, 23, 15), 72) == london(2026, 12, 27, 15)


def test_closure_hearing_window_across_clocks_going_forward_is_48_real_hours() -> None:
    served = london(2026, 3, 28, 12)
    deadline = closure_hearing_deadline(served, 48)
    assert deadline == london(2026, 3, 30, 13)
    assert elapsed(served, deadline) == 48 * HOUR


def test_closure_hearing_window_across_clocks_going_back_is_48_real_hours() -> None:
    assert closure_hearing_deadline(london(2026, 10, 24, 12), 48) == london(2026, 10, 26, 11)


@pytest.mark.parametrize("window", [0, -48, True])
def test_closure_hearing_window_must_be_a_positive_whole_number_of_hours(window: int) -> None:
    with pytest.raises(ValueError, match="window_hours"):
        closure_hearing_deadline(london(2026, 6, 10), window)


def test_a_naive_service_time_is_refused_naming_the_argument() -> None:
    with pytest.raises(ValueError, match="served_at"):
        closure_hearing_deadline(datetime(2026, 6, 10, 15), 48)


@pytest.mark.parametrize(
    "hours, expected", [(24, london(2026, 6, 11, 15)), (48, london(2026, 6, 12, 15))]
)
def test_closure_notice_has_effect_for_24_or_48_hours(hours: int, expected: datetime) -> None:
    assert closure_notice_expiry(london(2026, 6, 10, 15), hours) == expected


def test_closure_notice_served_on_christmas_day_runs_from_boxing_day() -> None:
    assert closure_notice_expiry(london(2026, 12, 25, 10), 24) == london(2026, 12, 27, 0)


@pytest.mark.parametrize("hours", [0, 49, 72])
def test_closure_notice_cannot_last_beyond_48_hours(hours: int) -> None:
    with pytest.raises(ValueError, match="duration_hours"):
        closure_notice_expiry(london(2026, 6, 10, 15), hours)


# --- s.46 CPN appeal and s.52 FPN --------------------------------------------------------------


def test_cpn_appeal_window_is_21_days_beginning_with_the_day_of_issue() -> None:
    assert cpn_appeal_deadline(london(2026, 3, 1, 10)) == london(2026, 3, 22, 0)


def test_cpn_appeal_window_does_not_depend_on_the_time_of_issue() -> None:
    early, late = london(2026, 3, 1, 0), london(2026, 3, 1, 23, 59)
    assert cpn_appeal_deadline(early) == cpn_appeal_deadline(late) == london(2026, 3, 22, 0)


def test_cpn_appeal_window_ending_in_summer_time_ends_at_london_midnight() -> None:
    end = cpn_appeal_deadline(london(2026, 3, 20, 10))
    assert end == london(2026, 4, 10, 0)
    assert end == datetime(2026, 4, 9, 23, 0, tzinfo=UTC)


def test_cpn_issue_day_is_the_london_date_not_the_utc_date() -> None:
    # 23:30 UTC on 30 Jun is 00:30 BST on 1 Jul: day 1 of 21 is 1 July.
    assert cpn_appeal_deadline(datetime(2026, 6, 30, 23, 30, tzinfo=UTC)) == london(2026, 7, 22, 0)


def test_cpn_appeal_window_is_not_extended_when_its_last_day_is_christmas() -> None:
    assert cpn_appeal_deadline(london(2026, 12, 5, 12)) == london(2026, 12, 26, 0)


def test_a_naive_cpn_issue_time_is_refused_naming_the_argument() -> None:
    with pytest.raises(ValueError, match="issued_at"):
        cpn_appeal_deadline(datetime(2026, 3, 1, 10))


def test_fpn_bars_proceedings_for_the_14_days_following_the_date_of_the_notice() -> None:
    # Notice dated 1 Mar: 2..15 Mar are the 14 days; proceedings may start on 16 Mar.
    assert fpn_period_end(london(2026, 3, 1, 10)) == london(2026, 3, 16, 0)


def test_fpn_period_ending_after_the_clocks_go_forward_ends_at_london_midnight() -> None:
    assert fpn_period_end(london(2026, 3, 20, 23, 59)) == datetime(2026, 4, 3, 23, 0, tzinfo=UTC)


def test_a_naive_fpn_issue_time_is_refused_naming_the_argument() -> None:
    with pytest.raises(ValueError, match="issued_at"):
        fpn_period_end(datetime(2026, 3, 1, 10))


# --- Months and ages ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "start, months, expected",
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 1, 15), 12, date(2027, 1, 15)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 1, 15), -1, date(2025, 12, 15)),
        (date(2026, 5, 10), 0, date(2026, 5, 10)),
    ],
)
def test_adding_months_keeps_the_day_and_clamps_to_the_end_of_a_short_month(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected


def test_adding_months_beyond_the_supported_years_is_refused() -> None:
    with pytest.raises(ValueError, match="months"):
        add_months(date(9999, 12, 1), 1)


@given(st.dates(date(1900, 1, 1), date(2200, 12, 31)), st.integers(-240, 240))
def test_adding_months_lands_in_the_right_month_on_the_same_or_a_clamped_day(
    start: date, months: int
) -> None:
    result = add_months(start, months)
    assert result.year * 12 + result.month == start.year * 12 + start.month + months
    next_day = result + timedelta(days=1)
    assert result.day == start.day or (result.day < start.day and next_day.day == 1)


def test_nsp_within_12_months_of_a_conviction_includes_the_corresponding_date() -> None:
    assert months_between_at_most(date(2026, 1, 31), date(2027, 1, 31), 12)
    assert not months_between_at_most(date(2026, 1, 31), date(2027, 2, 1), 12)


def test_three_month_window_from_30_november_ends_on_the_last_day_of_february() -> None:
    assert months_between_at_most(date(2026, 11, 30), date(2027, 2, 28), 3)
    assert not months_between_at_most(date(2026, 11, 30), date(2027, 3, 1), 3)


def test_age_goes_up_on_the_birthday_and_not_before() -> None:
    dob = date(2010, 6, 15)
    assert age_on(dob, date(2026, 6, 14)) == 15
    assert age_on(dob, date(2026, 6, 15)) == 16
    assert age_on(dob, dob) == 0


def test_a_leap_day_birthday_falls_on_1_march_in_a_common_year() -> None:
    dob = date(2008, 2, 29)
    assert age_on(dob, date(2026, 2, 28)) == 17
    assert age_on(dob, date(2026, 3, 1)) == 18
    assert age_on(dob, date(2028, 2, 28)) == 19
    assert age_on(dob, date(2028, 2, 29)) == 20


def test_age_on_a_date_before_birth_is_refused() -> None:
    with pytest.raises(ValueError, match="date_of_birth"):
        age_on(date(2010, 6, 15), date(2010, 6, 14))


@given(st.dates(date(1900, 1, 1), date(2100, 12, 31)), st.integers(0, 40_000))
def test_age_agrees_with_counting_birthdays_by_month_and_day(dob: date, days: int) -> None:
    on = dob + timedelta(days=days)
    birthday = (3, 1) if (dob.month, dob.day) == (2, 29) else (dob.month, dob.day)
    if (dob.month, dob.day) == (2, 29) and _is_leap(on.year):
        birthday = (2, 29)
    expected = on.year - dob.year - ((on.month, on.day) < birthday)
    assert age_on(dob, on) == expected


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
