"""`asb demo`: tell the Orchard Walk story (SCENARIO.md) through the application service.

Run once, it plays the story with a scripted clock and prints it as it happens; run again on
the same database, it finds the story's streams (deterministic ids) and only prints the
state as at the story's end.
"""

from __future__ import annotations

from rich.console import Console
from rich.rule import Rule
from rich.text import Text

from adapters.bootstrap import bootstrap
from adapters.driving.cli import output
from adapters.driving.cli.script import ScriptedClock, Story, already_told, sid
from adapters.driving.cli.story import (
    GREEN, PARTNERS, STORY_END, STORY_START, place_track, report_incidents,
)
from adapters.driving.cli.story_subjects import dean, kyle, maria
from adapters.settings import Settings
from domain.rulesets import RuleBook
from service.application import PathwayApplication

PATHWAYS = ("dean", "kyle", "maria")
STREAMS = (GREEN, *PATHWAYS)


class DemoIncompleteError(RuntimeError):
    """The database holds part of the story only (an earlier run was interrupted)."""


def run_demo(config: Settings, console: Console) -> None:
    """Play (or find) the story in the store `config` names; the rule sets in force only."""
    settings = config.store
    clock = ScriptedClock(STORY_START)
    system = bootstrap(config, clock=clock, rule_book=RuleBook.with_switches(()))
    app = system.application
    try:
        found = already_told(app, (GREEN,), PATHWAYS)
        if found and len(found) < len(STREAMS):
            raise DemoIncompleteError(
                f"{settings.describe()} holds part of the Orchard Walk story only "
                f"({', '.join(found)}); run `asb demo` against a fresh database")
        if found:
            console.print(Text(
                "The Orchard Walk story is already in this database (same ids): nothing was "
                f"recorded. Its state as at {output.long(STORY_END)}:", style="bold"))
        else:
            console.print(Text("The Orchard Walk story, as it was recorded (London times)",
                               style="bold"))
            story = Story(app, clock, console, PARTNERS)
            place_track(story)
            report_incidents(story)
            dean(story)
            kyle(story)
            maria(story)
            story.play()
        clock.move_to(STORY_END)
        print_state(app, console)
    finally:
        system.close()


def print_state(app: PathwayApplication, console: Console) -> None:
    as_at = STORY_END
    for key in PATHWAYS:
        p = app.pathway(sid(key))
        name = p.subject.name if p.subject else key
        age = p.age_at(p.opened_at) if p.opened_at else None
        status = f"closed: {p.closed_outcome}" if p.closed_outcome else "open"
        console.print()
        console.print(Rule(Text(f"{name} ({age}) - {status}; escalation level "
                                f"{p.escalation_level(as_at)}", style="bold"), align="left"))
        console.print(output.instruments_table(p, as_at=as_at))
        console.print(output.referrals_table(p))
        console.print(output.deadlines_table(app.deadlines(p.id), as_at))
        console.print(output.next_steps_table(app.next_steps(p.id, now=as_at), as_at))
    place = app.place(sid(GREEN))
    history = app.history(place.id)
    console.print()
    console.print(Rule(Text(f"{place.name} - the place", style="bold"), align="left"))
    console.print(output.closure_track_table(place, history))
    console.print(output.deadlines_table(app.deadlines(place.id), as_at))
    console.print(output.measures_table(history))
