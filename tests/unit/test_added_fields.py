"""Fields added to a stored event class stay out of the stored body and of the hash while they
hold their default, so entries stored before the field existed still verify."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from uuid import uuid4

from domain.events.base import GENESIS_HASH
from domain.events.person import FpnIssued

AT = datetime(2026, 3, 1, 10, tzinfo=UTC)


def _fpn(**extra: object) -> FpnIssued:
    return FpnIssued(
        originator_id=uuid4(), originator_version=2, occurred_at=AT, recorded_at=AT, actor="a",
        agency="x", role="officer", rule_set="r", prev_hash=GENESIS_HASH, instrument_id=uuid4(),
        notice_id=uuid4(), amount=Decimal("100"), **extra)  # type: ignore[arg-type]


def test_an_entry_stored_before_the_fields_existed_keeps_its_hash() -> None:
    event = _fpn().sealed()
    old_body = {k: v for k, v in event.model_dump(mode="json").items()
                if k not in FpnIssued.added_fields}
    assert event.as_stored() == old_body
    assert FpnIssued.model_validate(old_body).compute_hash() == event.hash


def test_an_added_field_with_a_value_is_stored_and_hashed() -> None:
    plain = _fpn().sealed()
    paid_to = plain.model_copy(update={"payee": "Council, 1 High St"}).sealed()
    assert paid_to.as_stored()["payee"] == "Council, 1 High St"
    assert paid_to.hash != plain.hash
