"""The machinery of `asb demo`: a story as a script of dated actions, played in order.

The story itself is in story.py and story_subjects.py. Each action is performed through the
application service at the moment it was *recorded*, with the injected clock moved there:
so `recorded_at` is realistic, backdated entries show their delay, and the guards decide
every step exactly as they would have on the day. Ids are uuid5 under a fixed namespace,
so a second run finds the story already told and only prints the current state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID, uuid5

from rich.console import Console
from rich.rule import Rule
from rich.text import Text

from adapters.driving.cli import output
from domain import steps
from domain.calendar import LONDON
from domain.model import Actor, NotFoundError, StepRefusedError
from domain.steps import ALL as STEP_SPECS

NAMESPACE = UUID("5b0e1c9a-7f3d-4c2e-9a61-0d7e4f2b8c31")  # fixed: the demo's ids depend on it
RECORDING_DELAY = timedelta(minutes=5)  # entries are typed in a few minutes after the event


def sid(key: str) -> UUID:
    """The demo's deterministic id for `key` (a pathway, place, incident or instrument)."""
    return uuid5(NAMESPACE, f"orchard-walk/{key}")


def at(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    """A moment in London local time."""
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


class ScriptedClock:
    """The application's clock during the demo: it reads whatever moment the script is at."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def move_to(self, moment: datetime) -> None:
        self.now = moment


@dataclass(frozen=True)
class Person:
    """An invented user of the partnership, and the identity recorded on events."""

    name: str
    actor: Actor


@dataclass(order=True)
class Entry:
    recorded_at: datetime
    seq: int
    action: Callable[[], None] = field(compare=False)


class Story:
    """Collects the story's actions, then plays them in the order they were recorded."""

    def __init__(self, app: Any, clock: ScriptedClock, console: Console,
                 partners: tuple[str, ...] = ()) -> None:
        self.app, self.clock, self.console = app, clock, console
        #: Agencies each case is shared with when it opens (the partnership's agreement).
        self.partners = partners
        self.entries: list[Entry] = []
        self.names: dict[UUID, str] = {}
        self._month: tuple[int, int] | None = None

    # ------------------------------------------------------------------ scheduling
    def _schedule(self, occurred: datetime, late: timedelta | None,
                  action: Callable[[], None]) -> None:
        recorded = occurred + (late if late is not None else RECORDING_DELAY)
        self.entries.append(Entry(recorded, len(self.entries), action))

    def play(self) -> None:
        for entry in sorted(self.entries):
            self.clock.move_to(entry.recorded_at)
            entry.action()

    def say(self, when: datetime, who: str, text: str, late: timedelta | None = None,
            style: str = "") -> None:
        month = (output.local(when).year, output.local(when).month)
        if self._month is None or month > self._month:
            self._month = month
            self.console.print(Rule(Text(f"{output.local(when):%B %Y}", style="bold"),
                                    align="left", style="dim"))
        line = Text(text, style=style)
        if late is not None and late >= timedelta(days=1):
            line.append(f"  [recorded {late.days} days later, {output.short(when + late)}: "
                        "backdating is visible]", style="magenta")
        output.print_line(self.console, when, who, line)

    # ------------------------------------------------------------------ streams
    def open_pathway(self, key: str, when: datetime, by: Person, data: dict[str, Any],
                     say: str) -> None:
        self.names[sid(key)] = key.capitalize()

        def act() -> None:
            self.app.open_pathway({"occurred_at": when, **data}, by.actor, id=sid(key))
            self._share(key, when, by)
            self.say(when, key.capitalize(), say)
        self._schedule(when, None, act)

    def register_place(self, key: str, when: datetime, by: Person, data: dict[str, Any],
                       say: str) -> None:
        self.names[sid(key)] = "Green"

        def act() -> None:
            self.app.register_place({"occurred_at": when, **data}, by.actor, id=sid(key))
            self._share(key, when, by)
            self.say(when, "Green", say)
        self._schedule(when, None, act)

    def _share(self, key: str, when: datetime, by: Person) -> None:
        """Share a newly opened case with every partner agency, as the opener agreed it."""
        for partner in self.partners:
            if partner != by.actor.agency:
                self.app.record(sid(key), {
                    "step": steps.SHARING_AGREED, "occurred_at": when, "partner_agency": partner,
                    "purpose": "Orchard Walk partnership: joint management of the ASB case",
                    "gateway": "cda1998_s115", "agreed_by": by.name}, by.actor)

    def incident(self, key: str, when: datetime, by: Person, *, category: str,
                 description: str, reference: str, location: str, place: str | None,
                 subjects: tuple[str, ...] = (), quiet: bool = False,
                 victims: tuple[str, ...] = ()) -> None:
        data = {
            "occurred_at": when, "category": category, "description": description,
            "location": location, "reference": reference, "source": "999/101 call",
            "place_id": sid(place) if place else None, "victims": victims,
            "subject_pathway_ids": [sid(s) for s in subjects],
        }

        def act() -> None:
            self.app.report_incident(data, by.actor, id=sid(f"incident/{key}"))
            if not quiet:
                self.say(when, "999", f"Incident {reference}: {category} - {description}")
        self._schedule(when, None, act)

    def link(self, stream: str, incident_key: str, incident_at: datetime, when: datetime,
             by: Person, summary: str, conduct: str | None = None, quiet: bool = False) -> None:
        self.step(stream, when, by, steps.INCIDENT_LINKED, quiet=quiet,
                  say=f"Incident of {output.short_day(incident_at)} linked: {summary}",
                  incident_id=sid(f"incident/{incident_key}"), incident_occurred_at=incident_at,
                  summary=summary, conduct=conduct)

    # ------------------------------------------------------------------ steps
    def step(self, stream: str, when: datetime, by: Person, step: str, *, say: str | None = None,
             late: timedelta | None = None, quiet: bool = False,
             after: Callable[[], None] | None = None, **fields: Any) -> None:
        """Record `step` on a pathway or place through the application service."""

        def act() -> None:
            command = {"step": step, "occurred_at": when,
                       **{k: v for k, v in fields.items() if v is not None}}
            try:
                self.app.record(sid(stream), command, by.actor)
            except StepRefusedError as e:
                # The story is meant to be lawful: a refusal here is a finding, shown in full.
                output.print_refusal(self.console, f"{stream}: {step} at {output.long(when)}",
                                     e.reasons)
                raise
            if not quiet:
                text = say or STEP_SPECS[step].label
                self.say(when, self._who(stream), f"{text}  ({by.name})", late)
            if after is not None:
                after()
        self._schedule(when, late, act)

    def attempt_refused(self, stream: str, when: datetime, by: Person, step: str, say: str,
                        epilogue: str, **fields: Any) -> None:
        """Try a step the law does not allow yet: the engine refuses, with every reason."""

        def act() -> None:
            self.console.print()
            self.say(when, self._who(stream), f"{say}  ({by.name})", style="bold")
            try:
                self.app.record(sid(stream), {"step": step, "occurred_at": when, **fields},
                                by.actor)
            except StepRefusedError as e:
                label = STEP_SPECS[step].label
                output.print_refusal(self.console, f"{label}: {len(e.reasons)} reason(s)",
                                     e.reasons)
                self.console.print(Text(f"      -> {epilogue}", style="italic"))
                self.console.print()
                return
            raise AssertionError(f"{step} on {stream} was expected to be refused")
        self._schedule(when, None, act)

    def probe_allowed(self, stream: str, when: datetime, step: str, why: str) -> None:
        """Ask the engine (next_steps) whether `step` is allowed now, and show its answer."""

        def act() -> None:
            found = [s for s in self.app.next_steps(sid(stream), now=when) if s.step == step]
            self.console.print()
            if found and found[0].allowed:
                output.print_allowed(self.console,
                                     f"{self._who(stream)}: {found[0].label} "
                                     f"(checked {output.short(when)})", why)
            else:
                reasons = found[0].reasons if found else []
                output.print_refusal(self.console, f"{stream}: {step}", reasons)
                raise AssertionError(f"{step} on {stream} was expected to be allowed")
        self._schedule(when, timedelta(minutes=1), act)

    def note(self, when: datetime, stream: str, text: str) -> None:
        """A line of narration at `when` (nothing is recorded)."""
        self._schedule(when, None, lambda: self.say(when, self._who(stream), text, style="italic"))

    def show_deadline(self, stream: str, code: str, instrument_key: str,
                      note: str) -> Callable[[], None]:
        """An `after` hook: print a TIMER the engine derived for an instrument."""

        def show() -> None:
            instrument_id = sid(instrument_key)
            due = next(d for d in self.app.deadlines(sid(stream))
                       if d.code == code and d.instrument_id == instrument_id)
            output.print_timer(self.console, due, note)
        return show

    def _who(self, stream: str) -> str:
        return self.names.get(sid(stream), stream.capitalize())


def already_told(app: Any, place_keys: tuple[str, ...],
                 pathway_keys: tuple[str, ...]) -> list[str]:
    """Which of the story's streams exist already (each loaded as the kind it must be)."""
    found = []
    for keys, load in ((place_keys, app.place), (pathway_keys, app.pathway)):
        for key in keys:
            try:
                load(sid(key))
            except NotFoundError:
                continue
            found.append(key)
    return found
