"""Retention: when a closed case is due for review (storage limitation, UK GDPR Art 5(1)(e);
DPA 2018 s.39). No statute sets one period for ASB case files: each controller sets it in its
retention schedule. The defaults below are a starting schedule a partnership replaces."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.calendar import add_months


@dataclass(frozen=True)
class RetentionClass:
    name: str
    #: What starts the period.
    trigger: str
    months: int
    basis: str

    def review_after(self, triggered_on: date) -> date:
        return add_months(triggered_on, self.months)


#: Police records are reviewed under the APP on Management of Police Information (review,
#: retention and disposal); councils and housing providers under their own schedules.
RETENTION: dict[str, RetentionClass] = {
    "pathway": RetentionClass(
        "asb-case", "case closed", 72,
        "Controller's retention schedule: 6 years after closure (APP Management of Police "
        "Information for police; the council's or provider's schedule otherwise)"),
}


@dataclass(frozen=True)
class ReviewItem:
    stream_id: str
    closed_on: date
    review_after: date
    due: bool
    holds: tuple[str, ...]


def review_item(stream_id: str, kind: str, closed_on: date, holds: tuple[str, ...],
                today: date) -> ReviewItem:
    """Whether a case closed on `closed_on` is due for review `today`, with its legal holds
    (a due case under a hold is reviewed, not disposed of)."""
    after = RETENTION[kind].review_after(closed_on)
    return ReviewItem(stream_id, closed_on, after, today >= after, holds)
