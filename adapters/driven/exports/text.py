"""Dates, times, people and money the way lawyers write them in a court bundle.

All moments are shown in London time. Nothing here reads the clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal
from uuid import UUID

from domain.calendar import LONDON
from domain.events.base import DomainEvent, Precision

#: An entry recorded more than this long after it happened is marked as backdated.
BACKDATED_AFTER = timedelta(hours=24)


def local(dt: datetime) -> datetime:
    return dt.astimezone(LONDON)


def day(d: date | datetime) -> str:
    """`3 March 2026` (a datetime is taken in London time)."""
    if isinstance(d, datetime):
        d = local(d).date()
    return f"{d.day} {d:%B %Y}"


def hm(dt: datetime) -> str:
    return f"{local(dt):%H:%M}"


def moment(dt: datetime) -> str:
    """`3 March 2026 at 22:15`."""
    return f"{day(dt)} at {hm(dt)}"


def iso_local(dt: datetime) -> str:
    return local(dt).isoformat(timespec="minutes")


def when_parts(event: DomainEvent) -> tuple[str, str, str]:
    """(date, time_from, time_to) with the precision written out.

    exact: `3 March 2026`, `22:15`; day: the date only; approximate: `approx. 3 March 2026`,
    `approx. 22:15`; on or before: `on or before 3 March 2026`; range: `between 3 and
    5 March 2026` (or one date with both times when the range is within a day).
    """
    start, precision = event.occurred_at, event.precision
    if precision is Precision.DAY:
        return day(start), "", ""
    if precision is Precision.MONTH:
        return f"{local(start):%B %Y}", "", ""
    if precision is Precision.ON_OR_BEFORE:
        return f"on or before {day(start)}", "", ""
    if precision is Precision.APPROXIMATE:
        return f"approx. {day(start)}", f"approx. {hm(start)}", ""
    if precision is Precision.RANGE and event.occurred_until is not None:
        end = event.occurred_until
        a, b = local(start), local(end)
        if a.date() == b.date():
            return day(a), hm(a), hm(b)
        return f"between {_span(a.date(), b.date())}", hm(a), hm(b)
    return day(start), hm(start), ""


def _span(a: date, b: date) -> str:
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day} and {day(b)}"
    if a.year == b.year:
        return f"{a.day} {a:%B} and {day(b)}"
    return f"{day(a)} and {day(b)}"


def backdated(event: DomainEvent) -> str:
    """`recorded 6 October 2025 at 11:00 (4 days later)` when entered > 24 h after the event."""
    end = event.occurred_until or event.occurred_at
    delay = event.recorded_at - end
    if delay <= BACKDATED_AFTER:
        return ""
    return f"recorded {moment(event.recorded_at)} ({_delay(delay)} later)"


def _delay(delay: timedelta) -> str:
    if delay >= timedelta(days=2):
        return f"{delay.days} days"
    hours = int(delay.total_seconds() // 3600)
    return f"{hours} hours"


#: Ranks and job titles written before a name: a witness named with one acts in their work.
PROFESSIONAL_TITLES = frozenset({
    "pc", "pcso", "dc", "ds", "di", "sgt", "ps", "insp", "inspector", "ch", "supt", "sergeant",
    "constable", "officer", "asbo", "eho",
})
#: Courtesy titles, not initials of the name.
COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr"})


def _tokens(name: str) -> list[str]:
    """The words of a name, without a bracketed role and without a trailing `, agency`."""
    bare = re.sub(r"\([^)]*\)", " ", name).split(",")[0]
    return [p for p in bare.replace("-", " ").split() if p[:1].isalpha()]


def is_professional(name: str) -> bool:
    """A professional witness (an officer, council staff): the name carries a rank or job
    title (`PC Jo Reid`), a role in brackets (`Priya Shah (EDC noise officer)`) or an agency
    after a comma (`Priya Shah, Eastdale Council`). They are named; members of the public are
    not (they may fear reprisal)."""
    words = _tokens(name)
    return ("(" in name and ")" in name) or "," in name or (
        bool(words) and words[0].rstrip(".").lower() in PROFESSIONAL_TITLES)


def initials(name: str) -> str:
    """`Jane Smith` -> `J.S.` (pseudonymised name of a victim or witness); titles and roles
    are not initials of the name (`Mr Jon Reid` -> `J.R.`)."""
    words = [w for w in _tokens(name)
             if w.rstrip(".").lower() not in PROFESSIONAL_TITLES | COURTESY_TITLES]
    return "".join(f"{w[0].upper()}." for w in words) or "(unnamed)"


def people(names: Iterable[str], *, show_names: bool) -> str:
    """Professional witnesses named; members of the public as initials unless `show_names`."""
    return "; ".join(n if show_names or is_professional(n) else initials(n) for n in names)


def money(amount: Decimal | str | float) -> str:
    value = Decimal(str(amount))
    return f"£{value:,.2f}".replace(".00", "")


def numbered(items: Iterable[str]) -> str:
    """`(1) first; (2) second`."""
    return "; ".join(f"({i}) {item}" for i, item in enumerate(items, start=1))


def yes_no(value: object) -> str:
    return "yes" if value else "no"


NEEDS = {"drug_alcohol": "drugs and alcohol", "safeguarding_child": "safeguarding (child)",
         "safeguarding_adult": "safeguarding (adult)"}


def need(value: str) -> str:
    return NEEDS.get(value, label(value))


def label(value: str) -> str:
    """`drug_alcohol` -> `drug alcohol`, for enum values shown to people."""
    return value.replace("_", " ")


def short_id(stream_id: UUID | str) -> str:
    return str(stream_id).replace("-", "")[:8]


def row_id(stream_id: UUID | str, version: int) -> str:
    """The stable row id of an event: `<first 8 hex of its stream id>-<version>`."""
    return f"{short_id(stream_id)}-{version}"
