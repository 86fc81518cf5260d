"""How `asb` shows things: London times, refusals, and the rich tables of a case's state.

Everything here reads domain objects and prints; nothing decides or records.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from domain import steps
from domain.calendar import LONDON
from domain.instruments import LABELS, Kind
from domain.model import Deadline, NextStep, Refusal, status_at

if TYPE_CHECKING:
    from adapters.driven.store.integrity import VerifyReport

WIDTH = 100  # the width the output is designed for


def make_console(stderr: bool = False) -> Console:
    """A console for this command run (never built at import time).

    Piped output (tests, logs) gets the designed width instead of rich's 80 columns; a real
    terminal keeps its own width.
    """
    stream = sys.stderr if stderr else sys.stdout
    fixed = None if (stream.isatty() or "COLUMNS" in os.environ) else WIDTH
    return Console(stderr=stderr, width=fixed, highlight=False)


# ---------------------------------------------------------------------- times
def local(dt: datetime) -> datetime:
    return dt.astimezone(LONDON)


def short(dt: datetime | None) -> str:
    """`Sat 4 Apr 2026 20:00` (London time)."""
    if dt is None:
        return "-"
    t = local(dt)
    return f"{t:%a} {t.day} {t:%b %Y %H:%M}"


def long(dt: datetime) -> str:
    """`Saturday 4 April 2026 20:00` (London time)."""
    t = local(dt)
    return f"{t:%A} {t.day} {t:%B %Y %H:%M}"


def due(dt: datetime) -> str:
    """A deadline: an exclusive end at London midnight reads as the end of the day before."""
    t = local(dt)
    if (t.hour, t.minute, t.second) == (0, 0, 0):
        return f"end of {short_day(t.date() - timedelta(days=1))}"
    return short(dt)


def short_day(d: date | datetime | None) -> str:
    if d is None:
        return "-"
    if isinstance(d, datetime):
        d = local(d).date()
    return f"{d:%a} {d.day} {d:%b %Y}"


# ---------------------------------------------------------------------- refusals
KIND_NOTE = {"hard": "HARD: statute, refused full stop",
             "soft": "SOFT: guidance, a supervisor may override with a reason"}


def _fields(indent: int = 5) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=indent, no_wrap=True, justify="right")
    grid.add_column(width=9, no_wrap=True, style="dim")
    grid.add_column(ratio=1)
    return grid


def print_refusal(console: Console, heading: str, reasons: Sequence[Refusal]) -> None:
    """Every reason, with its code, kind (HARD/SOFT), legal basis, message and remedy."""
    console.print(Text(f"REFUSED  {heading}", style="bold red"))
    grid = _fields()
    for n, r in enumerate(reasons, 1):
        grid.add_row(f"{n}.", "code", Text(r.code, style="bold"))
        grid.add_row("", "kind", KIND_NOTE.get(r.kind.value, r.kind.value))
        grid.add_row("", "basis", Text(r.legal_basis, style="cyan"))
        grid.add_row("", "why", Text(r.message))
        grid.add_row("", "remedy", Text(r.remedy))
        if r.earliest is not None:
            grid.add_row("", "earliest", long(r.earliest))
    console.print(grid)


def print_allowed(console: Console, heading: str, detail: str = "") -> None:
    console.print(Text(f"ALLOWED  {heading}", style="bold green"))
    if detail:
        grid = _fields()
        grid.add_row("", "why", Text(detail))
        console.print(grid)


def print_timer(console: Console, deadline: Deadline, note: str) -> None:
    """A deadline the engine derived, as it is created."""
    grid = _fields()
    grid.add_row(Text("TIMER", style="bold yellow"), "deadline", deadline.label)
    grid.add_row("", "from", long(deadline.starts_at))
    grid.add_row("", "due", Text(long(deadline.due_at), style="bold"))
    grid.add_row("", "basis", Text(f"{deadline.legal_basis}; {note}", style="yellow"))
    console.print(grid)


def print_line(console: Console, when: datetime, who: str, text: Text) -> None:
    """One entry of the story: when it happened, whose case, what (wrapped in its column)."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=21, no_wrap=True, style="dim")
    grid.add_column(width=5, no_wrap=True, style="bold")
    grid.add_column(ratio=1)
    grid.add_row(short(when), who, text)
    console.print(grid)


# ---------------------------------------------------------------------- tables
def _row(table: Table, *cells: str | Text) -> None:
    """Add a row; plain strings are data, never rich markup (a '[' in a name stays a '[')."""
    table.add_row(*(Text(c) if isinstance(c, str) else c for c in cells))


def _table(title: str, *columns: tuple[str, dict[str, Any]]) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, expand=False,
                  pad_edge=False, show_edge=False)
    for name, options in columns:
        table.add_column(name, **options)
    return table


def _history(inst: Any) -> str:
    moves = [f"{state.value.replace('_', ' ')} {short_day(at)}" for _, state, at in inst.history]
    return " -> ".join(moves)


def _key_dates(inst: Any) -> str:
    parts: list[str] = []
    power = getattr(inst, "power", None)  # arrests: under which power
    if power:
        parts.append(f"under {power.replace('_', ' ')}")
    if inst.comply_by:
        parts.append(f"comply by {short(inst.comply_by)}")
    if inst.amount is not None:
        parts.append(f"£{inst.amount}")
    if inst.granted_on:
        parts.append(f"granted {short_day(inst.granted_on)}")
    if inst.expires_on:
        parts.append(f"expires {short_day(inst.expires_on)}")
    if inst.power_of_arrest:
        until = inst.power_of_arrest_expires_on
        parts.append("power of arrest" + (f" to {short_day(until)}" if until else ""))
    if inst.duration_hours:
        parts.append(f"{inst.duration_hours} h")
    if inst.hearing_at:
        parts.append(f"hearing {short(inst.hearing_at)}")
    if inst.detail and inst.kind not in (Kind.REFERRAL,):
        parts.append(inst.detail)
    if inst.breaches:
        parts.append(f"{len(inst.breaches)} breach(es)")
    return "; ".join(parts) or "-"


def instruments_table(agg: Any, title: str = "Instruments", as_at: datetime | None = None) -> Table:
    """Each instrument with its state; given `as_at`, with what time has made of it by then
    (a warning complied with, a penalty lapsed, an order expired)."""
    table = _table(title, ("Instrument", {"ratio": 2}), ("State", {}),
                   ("Opened", {"no_wrap": True}), ("Key dates", {"ratio": 4}))
    for inst in sorted(agg.instruments.values(), key=lambda i: i.opened_version):
        if inst.kind is Kind.REFERRAL:
            continue
        state = inst.state.value if as_at is None else status_at(inst, agg, as_at)
        _row(table, LABELS[inst.kind], state.replace("_", " "),
                      short_day(inst.opened_at), _key_dates(inst))
    return table


def referrals_table(agg: Any) -> Table:
    table = _table("Support referrals", ("Service (need)", {"ratio": 2}),
                   ("State", {}), ("History", {"ratio": 3}))
    for inst in sorted(agg.instruments.values(), key=lambda i: i.opened_version):
        if inst.kind is Kind.REFERRAL:
            _row(table, inst.detail, inst.state.value.replace("_", " "), _history(inst))
    return table


def deadlines_table(found: Iterable[Deadline], as_at: datetime) -> Table:
    table = _table(f"Deadlines (status as at {short(as_at)})", ("Deadline", {"ratio": 3}),
                   ("Due (London)", {"no_wrap": True}), ("Status", {"no_wrap": True}))
    styles = {"met": "green", "running": "yellow", "overdue": "bold red", "met_late": "red"}
    for d in found:
        status = d.status(as_at)
        text = Text(status.replace("_", " "), style=styles.get(status, ""))
        if d.met_at is not None:
            text.append(f" {short(d.met_at)}")
        _row(table, d.label, due(d.due_at), text)
    return table


def next_steps_table(steps: Sequence[NextStep], as_at: datetime) -> Table:
    """Allowed steps on one line; refused steps grouped by the reasons the engine gave."""
    table = _table(f"Next steps (as at {short(as_at)})", ("", {"no_wrap": True}),
                   ("Steps", {"ratio": 1}))
    allowed = [s.step for s in steps if s.allowed]
    _row(table, Text("allowed", style="green"), ", ".join(allowed) or "-")
    refused: dict[str, list[str]] = {}
    for s in steps:
        if not s.allowed:
            codes = ", ".join(f"{r.code} ({r.kind.value})" for r in s.reasons)
            refused.setdefault(codes, []).append(s.step)
    for codes, names in refused.items():
        _row(table, Text("refused", style="red"),
             Text.assemble((", ".join(names), "bold"), " because ", (codes, "red")))
    return table


#: Steps that open or move a closure notice or order.
CLOSURE_STEPS = frozenset(
    name for name, spec in steps.PLACE.items()
    if {spec.opens, *spec.moves} & {Kind.CLOSURE_NOTICE, Kind.CLOSURE_ORDER})


def closure_track_table(place: Any, events: Sequence[Any]) -> Table:
    """The place's closure notices and orders, step by step, from its history."""
    table = _table("Closure track", ("When (London)", {"no_wrap": True}),
                   ("Step", {"ratio": 2}), ("Detail", {"ratio": 3}))
    for e in events:
        if e.step not in CLOSURE_STEPS:
            continue
        _row(table, short(e.occurred_at), e.step.replace("_", " "), _closure_detail(e))
    return table


def _closure_detail(e: Any) -> str:
    p = e.payload()
    match e.step:
        case steps.CLOSURE_NOTICE_ISSUED:
            return (f"{p['premises']}; {p['duration_hours']} h; "
                    f"authorised by {p['authorised_by_rank']}")
        case steps.CLOSURE_NOTICE_EXTENDED:
            return f"+{p['additional_hours']} h; authorised by {p['authorised_by_rank']}"
        case steps.CLOSURE_ORDER_APPLIED:
            return f"{p['court']}; hearing {short(datetime.fromisoformat(p['hearing_at']))}"
        case steps.CLOSURE_ORDER_GRANTED:
            return f"expires {short_day(date.fromisoformat(p['expires_on']))}"
        case steps.CLOSURE_ORDER_EXTENDED:
            return (f"to {short_day(date.fromisoformat(p['expires_on']))}; "
                    f"{p['authorised_by_rank']}; consulted: {'yes' if p['consulted'] else 'no'}")
        case _:
            return str(p.get("reason", ""))


def measures_table(events: Sequence[Any]) -> Table:
    table = _table("Environmental measures, objective and reviews", ("When", {"no_wrap": True}),
                   ("What", {"ratio": 3}), ("Cost / result", {"ratio": 2}))
    for e in events:
        p = e.payload()
        if e.step == steps.ENVIRONMENTAL_MEASURE_RECORDED:
            cost = p.get("cost_pence")
            money = f"£{cost / 100:,.0f} + VAT" if cost else ""
            _row(table, short_day(e.occurred_at), p["measure"],
                          ", ".join(x for x in (money, p.get("funded_by", "")) if x))
        elif e.step == steps.OBJECTIVE_SET:
            _row(table, short_day(e.occurred_at), f"SMART objective: {p['description']}",
                          f"target -{p['target_reduction_percent']}%")
        elif e.step == steps.OUTCOME_REVIEW_HELD:
            before, after = p["incidents_before"], p["incidents_after"]
            change = f"{(before - after) * 100 / before:.1f}% fewer" if before else "-"
            _row(table, short_day(e.occurred_at), f"{p['months']}-month review: {p['notes']}",
                          f"{before} -> {after} incidents ({change})")
    return table


def users_table(users: Sequence[Any]) -> Table:
    table = _table(f"{len(users)} users (tokens are never shown: only their hashes are stored)",
                   ("Name", {}), ("Agency", {}), ("Role", {"no_wrap": True}),
                   ("Rank", {"no_wrap": True}), ("Added", {"no_wrap": True}),
                   ("Token expires", {"no_wrap": True}), ("Id", {"no_wrap": True}))
    for u in users:
        expires = u.expires_at.isoformat(timespec="minutes") if u.expires_at else "-"
        _row(table, u.name, u.agency, u.role, u.rank or "-", short_day(u.created_at),
             "disabled" if u.disabled_at else expires, u.id[:8])
    return table


def print_verify_report(console: Console, report: VerifyReport, where: str, ok_text: str) -> None:
    """What `asb verify` found: counts, then the verdict and each violation by stream and
    position (the caller exits non-zero when the report is not ok)."""
    console.print(f"Checked {report.streams_checked} streams, {report.events_checked} events "
                  f"in {where}", markup=False)
    if report.ok:
        console.print(ok_text, style="bold green", markup=False)
        return
    console.print(f"LOG NOT VERIFIED: {len(report.violations)} violation(s)", style="bold red")
    for v in report.violations:
        position = "-" if v.position is None else str(v.position)
        console.print(f"  stream {v.stream_id} position {position}: {v.problem}", markup=False,
                      soft_wrap=True)
