"""The retention review: closed cases from the read models, each with its review date and
what still holds it (live orders and notices), by the schedule in `domain.retention`."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from adapters.driven.readmodels import tables as t
from adapters.driven.readmodels.database import ReadStore
from domain import steps
from domain.calendar import local_date
from domain.retention import ReviewItem, review_item


def retention_review(store: ReadStore, today: date) -> list[ReviewItem]:
    """Every closed pathway, due ones first, by review date."""
    closed = (select(t.chronology.c.stream_id, func.max(t.chronology.c.occurred_at))
              .where(t.chronology.c.step == steps.PATHWAY_CLOSED)
              .group_by(t.chronology.c.stream_id))
    with store.engine.connect() as conn:
        still_closed = {r[0] for r in conn.execute(
            select(t.pathways.c.id).where(t.pathways.c.closed_outcome.is_not(None)))}
        live = conn.execute(select(t.instruments.c.stream_id, t.instruments.c.label,
                                   t.instruments.c.expires_on)
                            .where(t.instruments.c.live.is_(True),
                                   t.instruments.c.kind != "support_referral"))
        holds: dict[object, list[str]] = {}
        for sid, label, expires in live:
            if expires is None or expires >= today:
                holds.setdefault(sid, []).append(f"{label} in force")
        items = [review_item(str(sid), "pathway", local_date(at), tuple(holds.get(sid, ())), today)
                 for sid, at in conn.execute(closed) if sid in still_closed]
    return sorted(items, key=lambda i: (not i.due, i.review_after, i.stream_id))
