"""The retention schedule: a closed case is due for review six years after closure."""

from __future__ import annotations

from datetime import date

from domain.retention import RETENTION, review_item


def test_a_case_is_due_for_review_six_years_after_closure_and_not_before() -> None:
    before = review_item("s", "pathway", date(2026, 3, 31), (), date(2032, 3, 30))
    on = review_item("s", "pathway", date(2026, 3, 31), (), date(2032, 3, 31))
    assert (before.review_after, before.due, on.due) == (date(2032, 3, 31), False, True)


def test_a_due_case_keeps_its_legal_holds_and_the_schedule_cites_its_basis() -> None:
    item = review_item("s", "pathway", date(2020, 1, 1), ("Injunction in force",), date(2027, 1, 1))
    assert item.due and item.holds == ("Injunction in force",)
    assert "Management of Police Information" in RETENTION["pathway"].basis
