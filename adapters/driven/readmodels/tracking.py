"""The projection's bookkeeping rows: its position (rm_tracking) and pending gaps (rm_gaps).

Every function works inside the caller's transaction, the one that also writes the rows.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from adapters.driven.readmodels import tables as t


def lock_tracking(conn: Connection, name: str) -> int:
    """The committed position, with the tracking row locked until the pass commits."""
    query = select(t.tracking.c.position).where(t.tracking.c.projection == name)
    position = conn.execute(query.with_for_update()).scalar_one_or_none()
    if position is None:
        try:
            with conn.begin_nested():
                conn.execute(insert(t.tracking), [{"projection": name, "position": 0,
                                                   "events_processed": 0, "gaps_skipped": 0}])
        except IntegrityError:
            pass  # another process created it first
        position = conn.execute(query.with_for_update()).scalar_one()
    return int(position)


def load_gaps(conn: Connection, name: str) -> dict[int, float]:
    rows = conn.execute(select(t.gaps.c.notification_id, t.gaps.c.first_seen_at)
                        .where(t.gaps.c.projection == name))
    return {int(g): float(seen) for g, seen in rows}


def save_tracking(conn: Connection, name: str, position: int, processed: int, skipped: int,
                   before: dict[int, float], after: dict[int, float]) -> None:
    conn.execute(update(t.tracking).where(t.tracking.c.projection == name).values(
        position=position,
        events_processed=t.tracking.c.events_processed + processed,
        gaps_skipped=t.tracking.c.gaps_skipped + skipped,
    ))
    gone = [g for g in before if g not in after]
    if gone:
        conn.execute(delete(t.gaps).where(t.gaps.c.projection == name,
                                          t.gaps.c.notification_id.in_(gone)))
    added = [{"projection": name, "notification_id": g, "first_seen_at": seen}
             for g, seen in after.items() if g not in before]
    if added:
        conn.execute(insert(t.gaps), added)


def read_tracking(conn: Connection, name: str) -> tuple[int, tuple[int, ...]]:
    position = conn.execute(select(t.tracking.c.position)
                            .where(t.tracking.c.projection == name)).scalar_one_or_none()
    return int(position or 0), tuple(sorted(load_gaps(conn, name)))


def ranges(ids: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive runs: [3, 4, 5, 9] -> [(3, 5), (9, 9)]."""
    runs: list[tuple[int, int]] = []
    for i in ids:
        if runs and i == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs
