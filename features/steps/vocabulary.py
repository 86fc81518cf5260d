"""The words the policy is written in: dates in London time, who acts, and how a step is tried.

Step definitions stay small by leaning on these helpers. Nothing here holds state between
steps: what a scenario knows travels in pytest fixtures set with `target_fixture`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol
from uuid import UUID, uuid4

from domain.calendar import LONDON, add_months
from domain.errors import (
    DomainValidationError, FieldProblem, StepRefusedError, VersionConflictError,
)
from domain.events.base import DomainEvent
from domain.guards import Actor, Refusal
from domain.incident import Incident
from domain.instruments import Kind
from domain.values import Rank
from service.application import PathwayApplication

# ----------------------------------------------------------------- how the text is read
DATE = r"\d{1,2} [A-Z][a-z]+ \d{4}"
WHEN = rf"{DATE}(?: at \d{{1,2}}:\d{{2}})?"
NAME = r"(?P<name>[A-Z][a-z]+ [A-Z][a-zA-Z-]+)"
PLACE = r"(?P<place>\d+ [A-Z][A-Za-z ]+?)"
CODES = r"(?P<codes>[a-z_]+(?:, [a-z_]+)*)"

DEFAULT_TIME = time(10, 0)  # a step given only a date happened at 10:00 London time


def when(group: str) -> str:
    """A named group matching '1 March 2026' or '1 March 2026 at 18:00'."""
    return rf"(?P<{group}>{WHEN})"


def day(group: str) -> str:
    return rf"(?P<{group}>{DATE})"


def moment(text: str) -> datetime:
    """'1 March 2026 at 18:00' (or just the date, meaning 10:00) as an aware London time."""
    date_part, _, time_part = text.partition(" at ")
    d = datetime.strptime(date_part.strip(), "%d %B %Y").date()
    t = time.fromisoformat(time_part.strip().zfill(5)) if time_part else DEFAULT_TIME
    return datetime.combine(d, t, tzinfo=LONDON)


def calendar_day(text: str) -> date:
    return datetime.strptime(text.strip(), "%d %B %Y").date()


def start_of(d: date) -> datetime:
    return datetime.combine(d, time(0), tzinfo=LONDON)


def end_of(d: date) -> datetime:
    """'by 15 March 2026' means to the end of that day: the midnight that starts the next."""
    return start_of(d + timedelta(days=1))


def born_aged(age: int, on: date) -> date:
    """A date of birth that makes a person `age` on `on`, half a year from either birthday."""
    return add_months(on, -12 * age) - timedelta(days=180)


def parse_codes(text: str) -> set[str]:
    return {c.strip() for c in text.split(",") if c.strip()}


# ----------------------------------------------------------------- who acts
COUNCIL_OFFICER = Actor("a.okafor", "Northshire Council", "officer", Rank.COUNCIL_OFFICER.value)
SUPERVISOR = Actor("s.walsh", "Northshire Council", "supervisor", Rank.COUNCIL_OFFICER.value)
CONSTABLE = Actor("pc.ames", "Northshire Police", "officer", Rank.CONSTABLE.value)
PCSO = Actor("pcso.lee", "Northshire Police", "officer", Rank.PCSO.value)
COUNCIL_AGENCY = {Rank.COUNCIL_OFFICER, Rank.COUNCIL_DESIGNATE, Rank.COUNCIL_CHIEF_EXECUTIVE}
HOUSING_AGENCY = {Rank.HOUSING_OFFICER, Rank.RP_SENIOR_MANAGER}


def rank(phrase: str) -> Rank:
    """'an inspector' -> Rank.INSPECTOR; 'a council chief executive' -> COUNCIL_CHIEF_EXECUTIVE."""
    words = re.sub(r"^(a|an|the)\s+", "", phrase.strip().lower())
    return Rank(words.replace(" ", "_"))


def acting_as(r: Rank) -> Actor:
    """The person of that rank or role, in the agency that has it."""
    if r in COUNCIL_AGENCY:
        return Actor(f"council.{r.value}", "Northshire Council", "officer", r.value)
    if r in HOUSING_AGENCY:
        return Actor(f"homes.{r.value}", "Northshire Homes", "officer", r.value)
    return Actor(f"police.{r.value}", "Northshire Police", "officer", r.value)


# ----------------------------------------------------------------- what a scenario holds
@dataclass(frozen=True)
class Case:
    """A subject's pathway or a place's stream, by the name the scenario uses."""

    id: UUID
    name: str

    def named(self, name: str) -> Case:
        assert name == self.name, f"the scenario speaks of {name!r}, but the case is {self.name!r}"
        return self


@dataclass(frozen=True)
class Outcome:
    """What happened when a step was tried: recorded, refused with reasons, or rejected."""

    stream: UUID
    version_before: int
    event: DomainEvent | None = None
    refusals: tuple[Refusal, ...] = ()
    problems: tuple[FieldProblem, ...] = ()
    conflict: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def codes(self) -> set[str]:
        return {r.code for r in self.refusals}

    def describe(self) -> str:
        if self.event is not None:
            return f"recorded as entry {self.event.originator_version} ({self.event.step})"
        if self.refusals:
            return "refused: " + "; ".join(f"{r.code} ({r.message})" for r in self.refusals)
        if self.problems:
            return "rejected: " + "; ".join(str(p) for p in self.problems)
        return f"conflict: {self.conflict}"


class Clock(Protocol):
    """What the `clock` fixture of tests/conftest.py offers: read it, or move it by hand."""

    def __call__(self) -> datetime: ...

    def set(self, moment: datetime) -> None: ...


def record(app: PathwayApplication, clock: Clock, stream: UUID, step: str, at: datetime,
           actor: Actor = COUNCIL_OFFICER, *, advance: bool = True, **fields: Any) -> DomainEvent:
    """Record a step as it happens: the clock is moved on to the moment of the step."""
    if advance and at > clock():
        clock.set(at)
    return app.record(stream, {"step": step, "occurred_at": at, **fields}, actor)


def attempt(app: PathwayApplication, clock: Clock, stream: UUID, step: str, at: datetime,
            actor: Actor = COUNCIL_OFFICER, *, advance: bool = True, **fields: Any) -> Outcome:
    """Try a step and keep whatever the engine answers."""
    before = app.load_any(stream).version
    try:
        event = record(app, clock, stream, step, at, actor, advance=advance, **fields)
    except StepRefusedError as refused:
        return Outcome(stream, before, refusals=tuple(refused.reasons))
    except DomainValidationError as invalid:
        return Outcome(stream, before, problems=tuple(invalid.problems))
    except VersionConflictError as conflict:
        return Outcome(stream, before, conflict=str(conflict))
    return Outcome(stream, before, event=event)


def latest(app: PathwayApplication, stream: UUID, *kinds: Kind) -> UUID | None:
    """The most recently opened instrument of these kinds: 'the notice', 'the injunction'."""
    case = app.load_any(stream)
    assert not isinstance(case, Incident), "instruments live on pathways and places"
    found = sorted(case.of_kind(*kinds), key=lambda i: i.opened_version)
    return found[-1].id if found else None


def the(app: PathwayApplication, stream: UUID, *kinds: Kind) -> UUID:
    found = latest(app, stream, *kinds)
    assert found is not None, f"there is no {' or '.join(k.value for k in kinds)} on this case"
    return found


def new_id() -> UUID:
    return uuid4()
