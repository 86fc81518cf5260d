"""A tiny story-teller for domain tests: build a stream by deciding and applying events.

No storage, no service: `Story` drives a `Pathway` or `Place` aggregate directly with
`decide` + `apply`, the way the application service does, so a guard test reads as the
case history that leads up to the step under test.

    s = Story.person(dob=date(1990, 1, 1), at=london(2026, 1, 5))
    warning = s.cpw(at=london(2026, 1, 10), comply_by=london(2026, 2, 10))
    codes = s.refused("cpn_issued", at=london(2026, 2, 1), ...)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Literal
from uuid import UUID, uuid4

import pytest

from domain.calendar import LONDON
from domain.links import StreamFacts
from domain.values import Subject
from domain.model import (
    Actor, CaseStream, DomainEvent, Pathway, Place, Refusal, RuleBook, StepRefusedError,
    command,
)

OFFICER = Actor(user_id="pc-101", agency="Northtown Police", role="officer", rank="constable")
SUPERVISOR = Actor(user_id="insp-7", agency="Northtown Police", role="supervisor",
                   rank="inspector")
COUNCIL = Actor(user_id="asb-3", agency="Northtown Council", role="officer",
                rank="council_officer")

CPA2026 = RuleBook.with_switches(["cpa2026"])


def london(y: int, mo: int, d: int, h: int = 12, mi: int = 0) -> datetime:
    """A London wall-clock moment (noon by default, well away from any day boundary)."""
    return datetime(y, mo, d, h, mi, tzinfo=LONDON)


def day_text(d: date | datetime) -> str:
    """How refusals write a date ("3 Dec 2026"), restated here, not imported."""
    if isinstance(d, datetime):
        d = d.astimezone(LONDON).date()
    return f"{d.day} {d:%b %Y}"


def assert_refusal(refusal: Refusal, code: str, kind: str, legal_basis: str,
                   *fragments: str) -> None:
    """A refusal is specific: its stable code, kind and legal basis, a message and a remedy
    that differ, and the facts (dates, amounts, ranks) that make it actionable."""
    assert refusal.code == code
    assert refusal.kind.value == kind
    assert refusal.legal_basis == legal_basis
    assert refusal.message.strip() and refusal.remedy.strip()
    assert refusal.message != refusal.remedy
    text = f"{refusal.message} {refusal.remedy}"
    for fragment in fragments:
        assert fragment in text, f"{fragment!r} not in {text!r}"


def born_aged(years: int, on: date, days_before_birthday: int = 0) -> date:
    """A date of birth making someone exactly `years` old on `on` (birthday `on` itself),
    or, with days_before_birthday=n, one whose `years`th birthday is n days after `on`."""
    birthday = on + timedelta(days=days_before_birthday)
    try:
        return birthday.replace(year=birthday.year - years)
    except ValueError:  # 29 Feb in a common year
        return birthday.replace(year=birthday.year - years, day=28)


@dataclass
class Story:
    """One stream under construction. Every recorded step is decided, then applied."""

    agg: CaseStream
    rule_book: RuleBook = field(default_factory=RuleBook)
    actor: Actor = OFFICER
    events: list[DomainEvent] = field(default_factory=list)
    #: Other streams this story's steps may name (incidents reported elsewhere), by id.
    known: dict[UUID, StreamFacts] = field(default_factory=dict)

    # ------------------------------------------------------------------ opening
    @classmethod
    def person(
        cls,
        *,
        dob: date | None = date(1990, 1, 1),
        at: datetime = london(2026, 1, 5),
        rule_book: RuleBook | None = None,
        actor: Actor = OFFICER,
    ) -> Story:
        """A pathway for one subject, opened at `at` by the domain, as the service opens it."""
        story = cls(Pathway(uuid4()), rule_book or RuleBook(), actor)
        story._open(at, subject=Subject(name="Sam Subject", date_of_birth=dob),
                    conduct_summary="Loud music late at night", issue_tags=("noise",))
        return story

    @classmethod
    def place(
        cls,
        *,
        at: datetime = london(2026, 1, 5),
        kind: Literal["premises", "public_space"] = "premises",
        rule_book: RuleBook | None = None,
        actor: Actor = OFFICER,
    ) -> Story:
        story = cls(Place(uuid4()), rule_book or RuleBook(), actor)
        story._open(at, name="14 Acacia Avenue", kind=kind, address="14 Acacia Avenue, Northtown")
        return story

    def _open(self, at: datetime, **fields: Any) -> None:
        cmd = command(self.agg.OPENER, occurred_at=at, **fields)
        self._apply(type(self.agg).open(self.agg.id, cmd, self.actor, at, self.rule_book))

    def _apply(self, event: DomainEvent) -> None:
        self.agg.apply(event)
        self.events.append(event)

    def given(self, step: str, *, at: datetime, **fields: Any) -> Any:
        """Apply a step WITHOUT deciding it: history recorded earlier (e.g. under another rule
        set, or imported) that today's guards would refuse. Replay never re-checks rules."""
        event = self.agg.EVENTS[step](
            **fields, originator_id=self.agg.id, originator_version=self.agg.version + 1,
            occurred_at=at, recorded_at=at, actor=self.actor.user_id, agency=self.actor.agency,
            role=self.actor.role, rank=self.actor.rank, rule_set=self.rule_book.for_moment(at).id,
            prev_hash=self.agg.head_hash,
        ).sealed()
        self._apply(event)
        return event

    def copy(self) -> Story:
        """An independent branch of this story (for many examples from one history)."""
        return Story(self.agg.copy(), self.rule_book, self.actor, list(self.events),
                     dict(self.known))

    # ------------------------------------------------------------------ deciding
    def decide(self, step: str, *, at: datetime, now: datetime | None = None,
               actor: Actor | None = None, **fields: Any) -> Any:
        """Decide only (nothing is applied). Typed Any: it is the step's own event class."""
        cmd = command(step, occurred_at=at, **fields)
        return self.agg.decide(cmd, actor or self.actor, now or at, self.rule_book, self.known)

    def do(self, step: str, *, at: datetime, now: datetime | None = None,
           actor: Actor | None = None, **fields: Any) -> Any:
        """Decide and apply: the step must be allowed. Returns the event."""
        event = self.decide(step, at=at, now=now, actor=actor, **fields)
        self._apply(event)
        return event

    def recorded(self, step: str, *, at: datetime, now: datetime | None = None,
                 actor: Actor | None = None, **fields: Any) -> str:
        """The step must be allowed: it is recorded as the stream's next entry, under the rule
        set in force at `at`, citing its legal basis. Returns the lifecycle state it leaves its
        instrument in ("issued", "appeal_pending", ...), so a test names what was recorded."""
        version = self.agg.version
        event = self.do(step, at=at, now=now, actor=actor, **fields)
        assert (event.step, event.originator_version, self.agg.version) == (
            step, version + 1, version + 1)
        assert event.rule_set == self.rule_book.for_moment(at).id and event.legal_basis
        return str(self.agg.instruments[event.instrument_id].state.value)

    def refusals(self, step: str, *, at: datetime, now: datetime | None = None,
                 actor: Actor | None = None, **fields: Any) -> list[Refusal]:
        """The step must be refused; returns every reason. Checks nothing was recorded."""
        version, head = self.agg.version, self.agg.head_hash
        with pytest.raises(StepRefusedError) as caught:
            self.decide(step, at=at, now=now, actor=actor, **fields)
        assert (self.agg.version, self.agg.head_hash) == (version, head)
        assert caught.value.step == step
        assert caught.value.reasons, "a refusal must give at least one reason"
        return caught.value.reasons

    def refused(self, step: str, **kwargs: Any) -> list[str]:
        """The codes of every guard that refused the step."""
        return [r.code for r in self.refusals(step, **kwargs)]

    def refusal(self, step: str, code: str, **kwargs: Any) -> Refusal:
        """The one refusal with `code` (other guards may refuse too)."""
        found = [r for r in self.refusals(step, **kwargs) if r.code == code]
        assert found, f"{step} was refused, but not by {code}"
        return found[0]

    # ------------------------------------------------------------------ shortcuts
    def new(self, step: str, id_field: str, *, at: datetime, actor: Actor | None = None,
            **fields: Any) -> UUID:
        """Record a step that creates something with a client-chosen id; return the id."""
        new_id = uuid4()
        fields[id_field] = new_id
        event = self.do(step, at=at, actor=actor, **fields)
        assert getattr(event, id_field) == new_id
        return new_id

    def intervene(self, at: datetime, kind: str = "warning_letter") -> UUID:
        return self.new("early_intervention", "intervention_id", at=at, kind=kind)

    def refer(self, at: datetime, service: str = "Northtown Recovery", need: str = "drug_alcohol"
              ) -> UUID:
        return self.new("support_referral_made", "referral_id", at=at, service=service, need=need)

    def assess(self, at: datetime, for_step: str | None = None) -> UUID:
        return self.new("proportionality_assessed", "assessment_id", at=at, for_step=for_step,
                        conclusion="Proportionate and necessary")

    def consult(self, at: datetime, body: str = "yot", about_step: str | None = None) -> UUID:
        return self.new("consultation_recorded", "consultation_id", at=at, body=body,
                        about_step=about_step)

    def incident(self, occurred: datetime, category: str = "Noise") -> UUID:
        """An incident reported in its own stream (known to this story's decisions)."""
        incident_id = uuid4()
        self.known[incident_id] = StreamFacts(incident_id, "incident", occurred, category)
        return incident_id

    def link_incident(self, at: datetime, occurred: datetime, conduct: str | None = None,
                      category: str = "Noise") -> UUID:
        incident_id = self.incident(occurred, category)
        self.do("incident_linked", at=at, incident_id=incident_id,
                summary="Reported by neighbour", conduct=conduct)
        return incident_id

    def override(self, at: datetime, for_step: str, guard_code: str,
                 actor: Actor = SUPERVISOR) -> UUID:
        return self.new("override_authorised", "override_id", at=at, actor=actor,
                        for_step=for_step, guard_code=guard_code,
                        reason="Immediate risk to a vulnerable neighbour; support was refused")

    def prepared_for_severe_steps(self, at: datetime) -> Story:
        """Support offered, proportionality assessed and an early intervention tried, so the
        SOFT guards are satisfied and a test sees only the guard it is about."""
        self.refer(at)
        self.assess(at)
        self.intervene(at)
        return self
