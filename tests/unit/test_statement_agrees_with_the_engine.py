"""The proportionality statement never contradicts the engine: for random histories, each
claim it makes about a CPN ("no assessment recorded", "no consultation recorded", whether
the warned conduct continued) is what the engine itself decided when the CPN was asked for.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any
from uuid import UUID, uuid4

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.driven.exports import proportionality
from adapters.driven.exports.facts import index
from adapters.driven.exports.log import CaseLog
from adapters.driven.exports.text import moment
from domain.incident import Incident
from domain.model import DomainEvent, RuleBook, StepRefusedError, command
from tests.unit.helpers import OFFICER, Story, london

START = london(2026, 1, 5)
CATEGORIES = ("Noise", "Shouting")
STEPS_NAMED = (None, "cpn_issued", "cpw_issued", "injunction_applied")

Plan = list[tuple[str, int, Any]]
ACTION = st.one_of(
    st.tuples(st.just("assess"), st.integers(1, 5), st.sampled_from(STEPS_NAMED)),
    st.tuples(st.just("consult"), st.integers(1, 5), st.sampled_from(STEPS_NAMED)),
    st.tuples(st.just("cpw"), st.integers(1, 5), st.sampled_from([(), ("Noise",),
                                                                   ("Noise", "Shouting")])),
    st.tuples(st.just("link"), st.integers(1, 5), st.tuples(
        st.sampled_from(CATEGORIES), st.integers(0, 20), st.sampled_from([None, "Loud music",
                                                                          "Other"]))),
    st.tuples(st.just("cpn"), st.integers(1, 20), st.sampled_from([(), ("Noise",),
                                                                   ("Shouting",)])),
)


class Run:
    """A history under construction, and what the engine said of each CPN asked for."""

    def __init__(self) -> None:
        self.story = Story.person(at=START)
        self.at = START
        self.warnings: list[DomainEvent] = []
        self.incidents: dict[UUID, tuple[DomainEvent, ...]] = {}
        self.refused: dict[int, set[str]] = {}  # CPN version -> guard codes that refused it

    def play(self, action: str, days: int, arg: Any) -> None:
        self.at += timedelta(days=days)
        getattr(self, action)(arg)

    def assess(self, for_step: str | None) -> None:
        self.story.given("proportionality_assessed", at=self.at, assessment_id=uuid4(),
                         for_step=for_step, conclusion="Proportionate")

    def consult(self, about: str | None) -> None:
        self.story.given("consultation_recorded", at=self.at, consultation_id=uuid4(),
                         body="housing", about_step=about, outcome="Supports action")

    def cpw(self, categories: tuple[str, ...]) -> None:
        event = self.story.given("cpw_issued", at=self.at, instrument_id=uuid4(),
                                 conduct="Loud music", conduct_categories=categories,
                                 requirements=("No loud music",),
                                 comply_by=self.at + timedelta(days=7))
        self.warnings.append(event)

    def link(self, arg: tuple[str, int, str | None]) -> None:
        category, hours_before, conduct = arg
        occurred = self.at - timedelta(hours=hours_before * 12)
        incident_id = self.story.incident(occurred, category)
        cmd = command("incident_reported", occurred_at=occurred, category=category,
                      location="Flat 2", description="Loud music at night")
        self.incidents[incident_id] = (
            Incident.open(incident_id, cmd, OFFICER, occurred, RuleBook()),)
        try:
            self.story.do("incident_linked", at=self.at, incident_id=incident_id,
                          summary="Reported by a neighbour", conduct=conduct)
        except StepRefusedError:
            del self.incidents[incident_id]

    def cpn(self, categories: tuple[str, ...]) -> None:
        if not self.warnings:
            return
        fields = dict(instrument_id=uuid4(), warning_id=self.warnings[-1].instrument_id,
                      conduct="Loud music", conduct_categories=categories,
                      requirements=("No loud music",))
        try:
            self.story.decide("cpn_issued", at=self.at, **fields)
            codes: set[str] = set()
        except StepRefusedError as refusal:
            codes = {r.code for r in refusal.reasons}
        event = self.story.given("cpn_issued", at=self.at, **fields)  # recorded either way
        self.refused[event.originator_version] = codes


def _para(rows: list[dict[str, str]], row: str, topic: str) -> str:
    return next(r["text"] for r in rows if r["step_row_id"] == row and r["topic"] == topic)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ACTION, min_size=1, max_size=12))
def test_every_statement_claim_about_a_cpn_is_the_engines_own_view(plan: Plan) -> None:
    run = Run()
    for action, days, arg in plan:
        run.play(action, days, arg)
    story = run.story
    log = CaseLog("pathway", story.agg.id, tuple(story.events), run.incidents)
    facts = index(log)
    rows = proportionality.build(facts)
    for e in story.events:
        if e.step != "cpn_issued":
            continue
        codes, row = run.refused[e.originator_version], facts.row(e)
        data: Any = e
        no_assessment = "No proportionality, vulnerability or equality assessment is recorded" \
            in _para(rows, row, "vulnerability and equality")
        assert no_assessment == ("no_proportionality_assessment" in codes)

        consulted = [c for c in story.events if c.step == "consultation_recorded"
                     and c.occurred_at <= e.occurred_at and c.about_step in (None, e.step)]
        no_consultation = "No consultation is recorded before this step." in _para(
            rows, row, "consultation")
        assert no_consultation == (not consulted)

        stopped = "cpn_requires_continuing_conduct" in codes
        conditions = _para(rows, row, "statutory conditions")
        assert ("no incident linked before this step meets the test" in conditions) == stopped
        warning: Any = facts.opened[data.warning_id]
        tried = _para(rows, row, "lesser measures tried")
        said = re.search(rf"\(row {re.escape(facts.row(warning))}\): time to comply ended "
                         rf"{re.escape(moment(warning.comply_by))}; (the conduct continued|"
                         r"no later conduct is linked)", tried)
        assert said is not None, tried
        assert (said.group(1) == "no later conduct is linked") == stopped


def test_a_cpn_after_a_linked_breach_of_the_warning_says_the_same_thing_twice() -> None:
    run = Run()
    run.play("cpw", 1, ("Noise",))
    run.play("link", 10, ("Noise", 0, None))
    run.play("assess", 1, "cpn_issued")
    run.play("cpn", 1, ("Noise",))
    log = CaseLog("pathway", run.story.agg.id, tuple(run.story.events), run.incidents)
    facts = index(log)
    rows = proportionality.build(facts)
    cpn = run.story.events[-1]
    assert "cpn_requires_continuing_conduct" not in run.refused[cpn.originator_version]
    assert "the conduct continued after it" in _para(rows, facts.row(cpn), "lesser measures tried")
    assert "after the deadline" in _para(rows, facts.row(cpn), "statutory conditions")
    assert "records:" in _para(rows, facts.row(cpn), "vulnerability and equality")


