"""Queries over the read models. Plain dicts out; the HTTP layer shapes them.

Every query takes a `Scope`: the agencies whose own cases, and cases shared with them (a
`sharing_agreed` in force on `on`, not revoked), it may return, and how much personal data
a row may carry (`view`, from service/permissions.py). Lists, searches, deadlines and counts
are filtered by the same rule, so a total never counts a case the caller may not see.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Connection, Row, Table, and_, func, or_, select

from adapters.driven.readmodels import tables as t
from domain import steps

Record = dict[str, Any]


@dataclass(frozen=True)
class Scope:
    """Whose cases a query may return. `agencies=None` means the whole partnership."""

    agencies: frozenset[str] | None = None
    #: The day sharing agreements are judged on (their `until`); None: any day.
    on: date | None = None
    #: "full", "support" (minimal identity) or "pseudonymised" (no names, no free text).
    view: str = "full"

    @property
    def pseudonymised(self) -> bool:
        return self.view == "pseudonymised"


EVERYONE = Scope()
PSEUDONYMISED = "[pseudonymised]"


def _shared_ids(scope: Scope) -> Any:
    """Ids of cases shared with the scope's agencies, on its day."""
    s = t.shares
    assert scope.agencies is not None
    where = [s.c.partner_agency.in_(sorted(scope.agencies))]
    if scope.on is not None:
        where.append(or_(s.c.until.is_(None), s.c.until >= scope.on))
    return select(s.c.stream_id).where(*where)


def _in_scope(scope: Scope, table: Table) -> ColumnElement[bool] | None:
    """The filter on a pathway or place table: owned by, or shared with, the scope."""
    if scope.agencies is None:
        return None
    return or_(table.c.opened_by_agency.in_(sorted(scope.agencies)),
               table.c.id.in_(_shared_ids(scope)))


def _visible_ids(scope: Scope) -> Any:
    """Ids of every pathway and place in scope (for deadlines)."""
    ids = []
    for table in (t.pathways, t.places):
        cond = _in_scope(scope, table)
        ids.append(select(table.c.id).where(cond if cond is not None else True))
    return ids[0].union(ids[1])


def _stream_visible(conn: Connection, scope: Scope, table: Table, sid: UUID) -> bool:
    cond = _in_scope(scope, table)
    if cond is None:
        return True
    found = conn.execute(select(table.c.id).where(table.c.id == sid, cond)).first()
    return found is not None


def _pseudonymise_pathway(row: Record) -> Record:
    return row | {"subject_name": row.get("pseudonym") or PSEUDONYMISED, "date_of_birth": None,
                  "vulnerabilities": [], "conduct_summary": "", "search_text": ""}


def _dicts(rows: Any) -> list[Record]:
    return [dict(r) for r in rows.mappings()]


def escalation_level(instruments: list[Record], early_intervention: bool, now: datetime) -> str:
    """The most severe live instrument; mirrors `Pathway.escalation_level` (tested against it)."""
    today = now.date()
    live = [i for i in instruments
            if i["live"] and (i["expires_on"] is None or i["expires_on"] >= today)]
    if not live:
        return "early_intervention" if early_intervention else "none"
    return str(max(live, key=lambda i: (i["severity"], i["opened_version"]))["kind"])


# ---------------------------------------------------------------------- pathways
def list_pathways(conn: Connection, scope: Scope, now: datetime, *, q: str | None = None,
                  status: str | None = None, tag: str | None = None, limit: int = 50,
                  offset: int = 0) -> tuple[int, list[Record]]:
    p = t.pathways
    where: list[ColumnElement[bool]] = []
    if q:
        # A pseudonymised view searches pseudonyms only: a count of names matched would
        # disclose the names.
        searched = func.lower(p.c.pseudonym) if scope.pseudonymised else p.c.search_text
        words = [w for w in q.lower().split() if w]
        where += [searched.contains(w, autoescape=True) for w in words]
    if status == "open":
        where.append(p.c.closed_outcome.is_(None))
    elif status == "closed":
        where.append(p.c.closed_outcome.is_not(None))
    if (cond := _in_scope(scope, p)) is not None:
        where.append(cond)
    query = select(p).where(and_(True, *where))
    total = conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    rows = _dicts(conn.execute(query.order_by(p.c.last_occurred_at.desc(), p.c.id)
                               .limit(limit).offset(offset)))
    if scope.pseudonymised:
        rows = [_pseudonymise_pathway(r) for r in rows]
    if tag:
        # Tags are a JSON list; filtered here to stay portable (lists are small).
        rows = [r for r in rows if tag in r["issue_tags"]]
    ids = [r["id"] for r in rows]
    by_stream: dict[UUID, list[Record]] = {i: [] for i in ids}
    if ids:
        for inst in _dicts(conn.execute(select(t.instruments)
                                        .where(t.instruments.c.stream_id.in_(ids)))):
            by_stream[inst["stream_id"]].append(inst)
    for r in rows:
        r["escalation_level"] = escalation_level(by_stream[r["id"]], r["early_intervention"], now)
        r["live_instruments"] = sum(1 for i in by_stream[r["id"]] if i["live"])
    return int(total), rows


def pathway(conn: Connection, scope: Scope, pathway_id: UUID) -> Record | None:
    return _stream(conn, scope, t.pathways, pathway_id)


def _stream(conn: Connection, scope: Scope, table: Table, sid: UUID) -> Record | None:
    """A pathway's or place's summary row with its instruments, referrals, deadlines, notes."""
    row = conn.execute(select(table).where(table.c.id == sid)).mappings().first()
    if row is None or not _stream_visible(conn, scope, table, sid):
        return None
    return dict(row) | _stream_parts(conn, sid)


def _stream_parts(conn: Connection, sid: UUID) -> Record:
    notes = _dicts(conn.execute(select(t.notes).where(t.notes.c.stream_id == sid)
                                .order_by(t.notes.c.occurred_at, t.notes.c.version)))
    return {
        "instruments": _dicts(conn.execute(
            select(t.instruments).where(t.instruments.c.stream_id == sid)
            .order_by(t.instruments.c.opened_version))),
        "referrals": _dicts(conn.execute(
            select(t.referrals).where(t.referrals.c.stream_id == sid)
            .order_by(t.referrals.c.offered_at, t.referrals.c.referral_id))),
        "overrides": _dicts(conn.execute(
            select(t.overrides).where(t.overrides.c.stream_id == sid)
            .order_by(t.overrides.c.version))),
        "deadlines": _dicts(conn.execute(
            select(t.deadlines).where(t.deadlines.c.stream_id == sid)
            .order_by(t.deadlines.c.due_at, t.deadlines.c.code))),
        "notes": notes,
        "shares": _dicts(conn.execute(
            select(t.shares).where(t.shares.c.stream_id == sid)
            .order_by(t.shares.c.agreed_version))),
    }


def _visible(scope: Scope, agency: str) -> bool:
    return scope.agencies is None or agency in scope.agencies


# ---------------------------------------------------------------------- places
def list_places(conn: Connection, scope: Scope, *, q: str | None = None, limit: int = 50,
                offset: int = 0) -> tuple[int, list[Record]]:
    p = t.places
    where: list[ColumnElement[bool]] = []
    if q:
        where.append(or_(func.lower(p.c.name).contains(q.lower(), autoescape=True),
                         func.lower(p.c.address).contains(q.lower(), autoescape=True)))
    if (cond := _in_scope(scope, p)) is not None:
        where.append(cond)
    query = select(p).where(and_(True, *where))
    total = conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    rows = _dicts(conn.execute(query.order_by(p.c.name, p.c.id).limit(limit).offset(offset)))
    return int(total), rows


def place(conn: Connection, scope: Scope, place_id: UUID) -> Record | None:
    return _stream(conn, scope, t.places, place_id)


# ---------------------------------------------------------------------- incidents
def list_incidents(conn: Connection, scope: Scope, *, place_id: UUID | None = None,
                   pathway_id: UUID | None = None, since: datetime | None = None,
                   until: datetime | None = None, limit: int = 50,
                   offset: int = 0) -> tuple[int, list[Record]]:
    i = t.incidents
    where: list[ColumnElement[bool]] = []
    if place_id is not None:
        where.append(i.c.place_id == place_id)
    if since is not None:
        where.append(i.c.occurred_at >= since)
    if until is not None:
        where.append(i.c.occurred_at < until)
    if scope.agencies is not None:
        where.append(i.c.agency.in_(sorted(scope.agencies)))
    query = select(i).where(and_(True, *where)).order_by(i.c.occurred_at.desc(), i.c.id)
    rows = _dicts(conn.execute(query))
    if scope.pseudonymised:
        rows = [_pseudonymise_incident(r) for r in rows]
    if pathway_id is not None:
        rows = [r for r in rows if str(pathway_id) in r["subject_pathway_ids"]]
    return len(rows), rows[offset: offset + limit]


def _pseudonymise_incident(row: Record) -> Record:
    return row | {"description": PSEUDONYMISED, "source": PSEUDONYMISED, "reference": None}


def incident(conn: Connection, scope: Scope, incident_id: UUID) -> Record | None:
    row = conn.execute(select(t.incidents).where(t.incidents.c.id == incident_id)).mappings().first()
    if row is None or not _visible(scope, row["agency"]):
        return None
    return dict(row)


# ---------------------------------------------------------------------- deadlines
def deadlines(conn: Connection, scope: Scope, now: datetime, *, due_before: datetime | None = None,
              agency: str | None = None, overdue: bool | None = None, include_met: bool = False,
              limit: int = 200, offset: int = 0) -> tuple[int, list[Record]]:
    """Deadlines across every case, soonest first.

    `overdue=True`: agency duties past due and not met; `overdue=False`: everything else.
    Met deadlines are left out unless `include_met`.
    """
    d = t.deadlines
    where: list[ColumnElement[bool]] = []
    if not include_met:
        where.append(d.c.met_at.is_(None))
    if due_before is not None:
        where.append(d.c.due_at < due_before)
    if agency is not None:
        where.append(d.c.agency == agency)
    is_overdue = and_(d.c.met_at.is_(None), d.c.due_at <= now, d.c.duty == "agency")
    if overdue is True:
        where.append(is_overdue)
    elif overdue is False:
        where.append(~is_overdue)
    if scope.agencies is not None:
        where.append(d.c.stream_id.in_(_visible_ids(scope)))
    query = select(d).where(and_(True, *where))
    total = conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    rows = _dicts(conn.execute(query.order_by(d.c.due_at, d.c.stream_id, d.c.code)
                               .limit(limit).offset(offset)))
    if scope.pseudonymised:
        rows = [r | {"stream_name": PSEUDONYMISED} if r["stream_kind"] == "pathway" else r
                for r in rows]
    return int(total), rows


def dump(conn: Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every read model, in a stable order (for rebuild comparisons)."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    for table in t.MODEL_TABLES:
        rows: list[Row[Any]] = list(conn.execute(select(table)))
        out[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return out


def outcomes(conn: Connection, place_id: UUID) -> list[Record]:
    """A place's objectives and outcome reviews, oldest first."""
    c = t.chronology.c
    rows = conn.execute(select(c.version, c.step, c.occurred_at, c.payload).where(
        c.stream_id == place_id, c.step.in_((steps.OBJECTIVE_SET, steps.OUTCOME_REVIEW_HELD)))
        .order_by(c.occurred_at, c.version))
    return [{"version": v, "step": s, "occurred_at": at, "details": p} for v, s, at, p in rows]
