"""Stateful property tests: random step sequences played against a Pathway and a Place.

Each machine drives one aggregate through `decide` + `apply`, with a clock that only moves
forward. After every step it checks what event sourcing must guarantee whatever the
sequence:

* a refused (StepRefusedError) or invalid (DomainValidationError) step changes nothing, and a
  successful `decide` changes nothing either until its event is applied;
* every instrument is in a state of its kind, and its `history` is a path the kind's
  `transitions` Machine allows. Replay never consults the machine (it assigns whatever state
  the event says), so this is the only place the appliers are checked against the lifecycles;
* version == number of events, and the hash chain holds (prev_hash links, recomputed hashes);
* replaying the (JSON round-tripped) events into a fresh aggregate reproduces the state, and a
  snapshot (`to_state` -> JSON -> `from_state`) followed by the later events does too;
* an override is used at most once, by a later event, and its use is recorded on it.

The random walk mixes free rules (any step with plausible-but-random fields, references to
existing or random instrument ids, supervisor overrides, clock moves) with rules that act like
a caseworker: `follow_policy` records a step `next_steps` says is allowed, `pursue_remedy`
acts on a refusal (waits, overrides, or records the remedy). A run may also start from a
scripted, lawful prefix of a ladder (e.g. up to an FPN, or an arrest under an injunction), so
40 steps reach the deep rungs. Directed regression sequences are at the end of the file.

The runs are derandomized (a fixed seed) so CI is reproducible; set PATHWAY_STATEFUL_EXPLORE=N
(and PATHWAY_STATEFUL_STEPS=M) to run N random examples of up to M steps per machine while
hunting for bugs.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any, ClassVar
from uuid import UUID

import pytest
from hypothesis import HealthCheck, note, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from domain.aggregate import CaseStream
from domain.events.base import GENESIS_HASH, DomainEvent
from domain.instruments import LIFECYCLES, MACHINES, Kind, S, initial_state
from domain.links import StreamFacts
from domain.steps import LOGGED
from domain.model import (
    GUARDS,
    Actor,
    DomainValidationError,
    GuardKind,
    Pathway,
    Place,
    RuleBook,
    StepRefusedError,
    deadlines,
    next_steps,
    parse_command,
)
from domain.registry import guards_for
from domain.values import Need, Rank

START = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)
OFFICER = Actor(user_id="officer-1", agency="council", role="officer", rank="council_officer")
CONSTABLE = Actor(user_id="pc-1", agency="police", role="officer", rank="constable")
SUPERVISOR = Actor(user_id="sup-1", agency="police", role="supervisor", rank="inspector")
CONDUCTS = ("loud music at night", "graffiti on the estate")
SUPPORT_STEPS = ("support_referral_made", "support_referral_updated")
#: Ranks that authorise the most (listed twice), then every rank (some cannot authorise).
AUTHORISERS = (Rank.SUPERINTENDENT, Rank.INSPECTOR, Rank.COUNCIL_CHIEF_EXECUTIVE,
               Rank.SUPERINTENDENT, Rank.INSPECTOR, Rank.COUNCIL_CHIEF_EXECUTIVE, *Rank)

_EXPLORE = int(os.environ.get("PATHWAY_STATEFUL_EXPLORE", "0") or 0)
STATEFUL_SETTINGS = settings(
    max_examples=_EXPLORE or 50,
    stateful_step_count=int(os.environ.get("PATHWAY_STATEFUL_STEPS", "40")),
    deadline=None,
    derandomize=not _EXPLORE,
    database=None if not _EXPLORE else settings.default.database,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

Draw = Callable[[st.SearchStrategy[Any]], Any]

pytestmark = pytest.mark.slow  # hypothesis state machines: many long runs


# ---------------------------------------------------------------------------- the harness
def fingerprint(agg: CaseStream) -> tuple[int, str, dict[str, Any]]:
    return agg.version, agg.head_hash, agg.to_state()


def json_roundtrip(event: DomainEvent) -> DomainEvent:
    """The event as the store gives it back (the mapper stores model_dump(mode='json'))."""
    return type(event).model_validate(json.loads(json.dumps(event.model_dump(mode="json"))))


def opening_event(cls: type[CaseStream], stream_id: UUID, fields: dict[str, Any], now: datetime,
                  actor: Actor, rule_book: RuleBook) -> DomainEvent:
    """The first event of a stream, made by the domain as the service has it made."""
    cmd = parse_command({"step": cls.OPENER, "occurred_at": now, **fields})
    return cls.open(stream_id, cmd, actor, now, rule_book)


def _note(text: str) -> None:
    """Shown with a failing example; the directed tests below run outside Hypothesis."""
    with contextlib.suppress(InvalidArgument):
        note(text)


def named_streams(step: str, fields: dict[str, Any]) -> dict[UUID, StreamFacts]:
    """The other streams a step names, as the service would load them: each exists, is of
    the kind named, and an incident happened when the step says (its facts are not explored
    here; tests/api/test_links.py checks them)."""
    spec = LOGGED.get(step)
    known: dict[UUID, StreamFacts] = {}
    for ref in spec.refers if spec is not None else ():
        value = fields.get(ref.field)
        for stream_id in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(stream_id, UUID):
                known[stream_id] = StreamFacts(stream_id, ref.kind,
                                               fields.get("incident_occurred_at"), "noise")
    return known


def path_allowed(kind: Kind, source: S, dest: S) -> bool:
    return bool(MACHINES[kind].get_transitions(source=source.value, dest=dest.value))


class Case:
    """One aggregate, its log, and the invariant checks (used by the machines and the
    directed regression tests alike)."""

    def __init__(self, cls: type[CaseStream], first: DomainEvent, rule_book: RuleBook) -> None:
        self.cls = cls
        self.rule_book = rule_book
        self.agg: CaseStream = cls(first.originator_id)
        self.events: list[DomainEvent] = []
        self.snapshots: list[tuple[int, dict[str, Any]]] = []
        self.refused = 0
        self.invalid = 0
        self.last_error: Exception | None = None
        self._commit(first)

    # ------------------------------------------------------------------ stepping
    def try_step(self, step: str, fields: dict[str, Any], actor: Actor, now: datetime,
                 **envelope: Any) -> DomainEvent | None:
        """decide + apply one step; None (and nothing changed) when refused or invalid."""
        before = fingerprint(self.agg)
        _note(f"v{self.agg.version}: {step} {envelope | fields} by {actor.role} at {now}")
        try:
            cmd = parse_command({"step": step, **envelope, **fields})
            event = self.agg.decide(cmd, actor, now, self.rule_book, named_streams(step, fields))
        except StepRefusedError as error:
            self.last_error = error
            self.refused += 1
            assert error.reasons, "a refusal must give its reasons"
            assert all(r.code in GUARDS for r in error.reasons)
            assert fingerprint(self.agg) == before, f"refused {step} changed the aggregate"
            return None
        except DomainValidationError as error:
            self.last_error = error
            self.invalid += 1
            assert error.problems, "a validation error must name its problems"
            assert fingerprint(self.agg) == before, f"invalid {step} changed the aggregate"
            return None
        assert fingerprint(self.agg) == before, f"decide({step}) changed the aggregate"
        assert event.originator_id == self.agg.id
        assert event.originator_version == before[0] + 1
        assert event.prev_hash == before[1]
        assert event.step == step
        assert event.recorded_at == now
        self._commit(event)
        return event

    def _commit(self, event: DomainEvent) -> None:
        stored = json_roundtrip(event)
        assert stored == event, "an event must survive the store's JSON round trip"
        assert stored.compute_hash() == event.hash, "the hash must survive the JSON round trip"
        # What the service does (project): evolve a copy, never the loaded aggregate.
        before = fingerprint(self.agg)
        clone = self.agg.copy()
        clone.apply(event)
        assert fingerprint(self.agg) == before, "apply() on a copy changed the original"
        self.agg.apply(event)
        assert clone.to_state() == self.agg.to_state()
        self.events.append(stored)

    def snapshot(self) -> None:
        """Keep a snapshot as the store would (JSON); the invariants check it from now on."""
        state = json.loads(json.dumps(self.agg.to_state()))
        restored = self.cls.from_state(self.agg.id, state)
        assert restored.to_state() == state, "from_state(to_state()) is not the same state"
        assert vars(restored) == vars(self.agg), "to_state() misses part of the aggregate"
        self.snapshots = [*self.snapshots[-2:], (self.agg.version, state)]

    # ------------------------------------------------------------------ invariants
    def check_all(self) -> None:
        live = self.agg.to_state()
        self.check_lifecycles()
        self.check_chain()
        self.check_overrides()
        self.check_replay(live)
        self.check_snapshots(live)

    def check_lifecycles(self) -> None:
        for inst in self.agg.instruments.values():
            initial, states, _ = LIFECYCLES[inst.kind]
            assert inst.state in states, (
                f"{inst.kind.value} {inst.id} is {inst.state.value}, not a {inst.kind.value} state")
            assert inst.history, f"{inst.kind.value} {inst.id} has no history"
            assert inst.history[0][:2] == (inst.opened_version, initial_state(inst.kind))
            assert inst.history[-1][1] is inst.state, "history must end in the current state"
            versions = [v for v, _, _ in inst.history]
            assert versions == sorted(set(versions)), f"history versions {versions} not increasing"
            for (v1, s1, _), (v2, s2, _) in zip(inst.history, inst.history[1:]):
                assert path_allowed(inst.kind, s1, s2), (
                    f"{inst.kind.value} {inst.id}: {s1.value} -> {s2.value} (event v{v2}, "
                    f"{self.events[v2 - 1].step}) is not a transition of the {inst.kind.value} "
                    f"lifecycle; history {[s.value for _, s, _ in inst.history]}")

    def check_chain(self, rehash: bool = False) -> None:
        """Links and versions; each hash was recomputed when its event was committed (events
        are frozen), and again for the whole log with rehash=True."""
        assert self.agg.version == len(self.events)
        prev = GENESIS_HASH
        for n, event in enumerate(self.events, start=1):
            assert event.originator_version == n
            assert event.originator_id == self.agg.id
            assert event.prev_hash == prev, f"event {n} does not link to event {n - 1}"
            assert not rehash or event.compute_hash() == event.hash, f"event {n} hash is wrong"
            prev = event.hash
        assert self.agg.head_hash == prev

    def check_overrides(self) -> None:
        authorised = {o.id: o for o in self.agg.overrides}
        users: dict[UUID, list[int]] = {}
        for event in self.events:
            for used in event.overrides_used:
                assert used in authorised, f"event {event.originator_version} used unknown {used}"
                assert authorised[used].version < event.originator_version
                assert authorised[used].for_step == event.step
                users.setdefault(used, []).append(event.originator_version)
        for o in self.agg.overrides:
            assert users.get(o.id, [None]) == [o.used_by_version], (
                f"override {o.id} used by {users.get(o.id)}, recorded as {o.used_by_version}")

    def check_replay(self, live: dict[str, Any]) -> None:
        fresh = self.cls(self.agg.id)
        for event in self.events:
            fresh.apply(event)
        assert fresh.to_state() == live, "a full replay differs from the live state"
        assert vars(fresh) == vars(self.agg), "a full replay differs (outside to_state())"

    def check_snapshots(self, live: dict[str, Any]) -> None:
        for version, state in self.snapshots:
            restored = self.cls.from_state(self.agg.id, state)
            for event in self.events[version:]:
                restored.apply(event)
            assert restored.to_state() == live, (
                f"snapshot at v{version} + later events differs from a full replay")
            assert vars(restored) == vars(self.agg), (
                f"snapshot at v{version} + later events differs (outside to_state())")


# ---------------------------------------------------------------------------- the machines
@lru_cache(maxsize=None)
def _below(n: int) -> st.SearchStrategy[int]:
    return st.integers(0, n - 1)


def pick(d: Draw, common: Sequence[Any], rare: Sequence[Any] = ()) -> Any:
    """Usually one of `common`; about one time in ten one of `rare` (the wrong, the invalid).

    One draw (draws are what a run spends its time on); it shrinks towards common[0].
    """
    n = 9 * len(rare) if rare else len(common)
    i = d(_below(n + len(rare)))
    return common[i % len(common)] if i < n else rare[i - n]


class CaseMachine(RuleBasedStateMachine):
    """Rules shared by both stream kinds; subclasses add the opening and their steps."""

    CLS: ClassVar[type[CaseStream]]
    STEP_NAMES: ClassVar[tuple[str, ...]]
    #: guard code -> the step that remedies it (what the refusal's remedy text asks for)
    REMEDIES: ClassVar[dict[str, str]] = {
        "support_not_offered": "support_referral_made",
        "no_proportionality_assessment": "proportionality_assessed",
        "youth_injunction_requires_yot_consultation": "consultation_recorded",
    }

    def __init__(self) -> None:
        super().__init__()
        self.case: Case | None = None
        self.now = START
        self.hint: list[UUID] = []

    @property
    def agg(self) -> CaseStream:
        assert self.case is not None
        return self.case.agg

    def start(self, fields: dict[str, Any], rule_book: RuleBook, stream_id: UUID) -> None:
        event = opening_event(self.CLS, stream_id, fields, self.now, OFFICER, rule_book)
        self.case = Case(self.CLS, event, rule_book)

    def play(self, step: str, wait: timedelta = timedelta(hours=1), **fields: Any) -> None:
        """One scripted step of a prefix (after `wait`); it must be recorded."""
        assert self.case is not None
        self.now += wait
        fields.setdefault("occurred_at", self.now)
        event = self.case.try_step(step, fields, OFFICER, self.now)
        assert event is not None, f"prefix step {step} not recorded: {self.case.last_error}"
        self.case.check_all()

    # ------------------------------------------------------------------ value helpers
    def ref(self, d: Draw, *kinds: Kind) -> UUID:
        """An id naming an existing instrument: usually of the right kind (the one next_steps
        suggested, when following policy), sometimes any instrument, sometimes an unused id."""
        hinted = [i for i in self.hint
                  if i in self.agg.instruments and self.agg.instruments[i].kind in kinds]
        matching = [i.id for i in self.agg.instruments.values() if i.kind in kinds]
        chosen = pick(d, hinted or matching or [None], [*self.agg.instruments, None])
        return chosen if chosen is not None else d(st.uuids())  # type: ignore[no-any-return]

    def new_id(self, d: Draw) -> UUID:
        """An id for a new instrument: now and then (wrongly) one already in use."""
        chosen = pick(d, [None], list(self.agg.instruments))
        return chosen if chosen is not None else d(st.uuids())  # type: ignore[no-any-return]

    def occurred_at(self, d: Draw) -> datetime:
        """Mostly now; sometimes back-dated; rarely ahead of the clock (90 min is invalid)."""
        minutes = pick(d, [0, 0, 0, -1, -30, -240, -1440], [-2880, 3, 90])
        return self.now + timedelta(minutes=minutes)

    def envelope(self, d: Draw, at: datetime) -> dict[str, Any]:
        env: dict[str, Any] = {"occurred_at": at}
        if pick(d, [True], [False]):
            return env
        precision = pick(d, ["exact", "day", "approximate", "on_or_before", "range"])
        if precision != "exact":
            env["precision"] = precision
        until = pick(d, [0, 2], [-1, None])  # a range needs an end, not before its start
        if precision == "range" and until is not None:
            env["occurred_until"] = at + timedelta(hours=until)
        exhibit = pick(d, [None, "NC/1", "AB/12"], ["not an exhibit ref"])
        if exhibit:
            env["evidence"] = [{"exhibit": exhibit, "description": "Body-worn video"}]
        if d(st.booleans()):
            env["rationale"] = "Escalation discussed at the ASB case review."
        return env

    def later(self, d: Draw, at: datetime, hours: list[int], rare: list[int] = ()) -> datetime:
        return at + timedelta(hours=pick(d, hours, rare))

    def day_after(self, d: Draw, at: datetime, days: list[int], rare: list[int] = ()) -> date:
        return at.date() + timedelta(days=pick(d, days, rare))

    def record(self, d: Draw, step: str, actor: Actor | None = None) -> DomainEvent | None:
        assert self.case is not None
        at = self.occurred_at(d)
        fields = getattr(self, f"b_{step}")(d, at)
        actor = actor or pick(d, [OFFICER, CONSTABLE, SUPERVISOR])
        return self.case.try_step(step, fields, actor, self.now, **self.envelope(d, at))

    # ------------------------------------------------------------------ rules
    @rule(by=st.one_of(st.integers(1, 72).map(lambda h: timedelta(hours=h)),
                       st.integers(1, 30).map(lambda n: timedelta(days=n))))
    def advance_clock(self, by: timedelta) -> None:
        self.now += by

    @rule(data=st.data())
    def link_incident(self, data: st.DataObject) -> None:
        self.record(data.draw, "incident_linked")

    @rule(data=st.data())
    def record_any_step(self, data: st.DataObject) -> None:
        self.record(data.draw, data.draw(st.sampled_from(self.STEP_NAMES), label="step"))

    @rule(data=st.data())
    def follow_policy(self, data: st.DataObject) -> None:
        """1-3 steps that next_steps says are allowed now (steps on existing instruments
        preferred, then ones opening an instrument other than a support referral), so the
        walk climbs the escalation ladders.
        The invariants are checked after each of them."""
        assert self.case is not None
        for n in range(data.draw(st.integers(1, 3), label="steps")):
            if n:
                self.case.check_all()
            offered = [s for s in next_steps(self.agg, self.now, self.case.rule_book)
                       if s.allowed and s.step in self.STEP_NAMES]
            ladder = [s for s in offered if s.step not in SUPPORT_STEPS]
            moving = [s for s in ladder if s.targets]
            opening = [s for s in ladder if self.CLS.STEPS[s.step].opens]
            roll = data.draw(st.integers(0, 9))
            pool = (moving if moving and roll < 5 else opening if opening and roll < 8
                    else offered)
            if not pool:
                return
            chosen = data.draw(st.sampled_from(pool), label="allowed step")
            self.hint = list(chosen.targets)
            try:
                self.record(data.draw, chosen.step, actor=OFFICER)
            finally:
                self.hint = []

    @rule(data=st.data())
    def pursue_remedy(self, data: st.DataObject) -> None:
        """Do what a refusal says: pick a step next_steps refuses (usually one of those with
        the fewest reasons) and act on one of its reasons: wait until its `earliest`, have a
        supervisor override the SOFT ones, or record the step its remedy names. Then maybe
        try the step again."""
        assert self.case is not None
        refused = [s for s in next_steps(self.agg, self.now, self.case.rule_book)
                   if not s.allowed and s.step in self.STEP_NAMES and s.step not in SUPPORT_STEPS]
        if not refused:
            return
        fewest = min(len(s.reasons) for s in refused)
        closest = [s for s in refused if len(s.reasons) == fewest]
        chosen = data.draw(st.sampled_from(pick(data.draw, [closest], [refused])),
                           label="refused step")
        reason = data.draw(st.sampled_from(chosen.reasons), label="reason")
        if reason.earliest is not None:
            self.now = max(self.now, reason.earliest + timedelta(minutes=1))
        elif reason.kind is GuardKind.SOFT and data.draw(st.booleans(), label="override"):
            for soft in [r for r in chosen.reasons if r.kind is GuardKind.SOFT]:
                self.case.try_step("override_authorised", {
                    "override_id": data.draw(st.uuids()), "for_step": chosen.step,
                    "guard_code": soft.code, "reason": "Support refused; victims at risk"},
                    SUPERVISOR, self.now, occurred_at=self.now)
                self.case.check_all()
        elif reason.code in self.REMEDIES:
            self.record(data.draw, self.REMEDIES[reason.code])
        else:
            return
        if data.draw(st.booleans(), label="try again"):
            self.case.check_all()
            self.hint = list(chosen.targets)
            try:
                self.record(data.draw, chosen.step, actor=OFFICER)
            finally:
                self.hint = []

    @rule(data=st.data())
    def authorise_override(self, data: st.DataObject) -> None:
        assert self.case is not None
        d = data.draw
        soft = sorted(s for s in self.CLS.STEPS
                      if any(g.kind is GuardKind.SOFT for g in guards_for(s)))
        for_step = pick(d, soft, ["closure_notice_issued", "cpw_issued", "not_a_step"])
        codes = [g.code for g in guards_for(for_step) if g.kind is GuardKind.SOFT]
        code = pick(d, codes or ["no_such_guard"], ["instrument_lifecycle", "no_such_guard"])
        actor = pick(d, [SUPERVISOR], [OFFICER, CONSTABLE])
        reason = pick(d, ["Support refused three times; victims at risk"], ["urgent"])
        self.case.try_step("override_authorised", {
            "override_id": d(st.uuids()), "for_step": for_step, "guard_code": code,
            "reason": reason}, actor, self.now, occurred_at=self.occurred_at(d))

    @rule(query=st.booleans())
    def snapshot_and_query(self, query: bool) -> None:
        """Take a snapshot (the invariants check it from now on). Read models never change
        the aggregate and never fail."""
        assert self.case is not None
        self.case.snapshot()
        if not query:
            return
        before = fingerprint(self.agg)
        for n in next_steps(self.agg, self.now, self.case.rule_book):
            assert n.allowed == (not n.reasons)
        for deadline in deadlines(self.agg):
            assert deadline.status(self.now) in {"running", "overdue", "ended", "met", "met_late"}
        if isinstance(self.agg, Pathway):
            self.agg.escalation_level(self.now)
        assert fingerprint(self.agg) == before, "a query changed the aggregate"

    @invariant()
    def aggregate_is_consistent(self) -> None:
        if self.case is not None:
            self.case.check_all()

    def teardown(self) -> None:
        if self.case is not None:
            self.case.check_chain(rehash=True)

    # ------------------------------------------------------------------ shared builders
    def b_incident_linked(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"incident_id": d(st.uuids()),
                "incident_occurred_at": at - timedelta(hours=pick(d, [0, 1, 30], [200])),
                "summary": "Neighbour reported it", "conduct": pick(d, CONDUCTS, [None])}

    def b_support_referral_made(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"referral_id": self.new_id(d), "service": "Turning Point",
                "need": pick(d, list(Need)).value}

    def b_support_referral_updated(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"referral_id": self.ref(d, Kind.REFERRAL),
                "status": pick(d, ["accepted", "declined", "no_response", "engaged", "completed",
                                   "disengaged"])}

    def b_consultation_recorded(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"consultation_id": d(st.uuids()),
                "body": pick(d, ["yot", "housing", "police", "landlord"]),
                "about_step": pick(d, [None, "injunction_applied", "closure_notice_issued"])}

    def b_proportionality_assessed(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"assessment_id": d(st.uuids()),
                "for_step": pick(d, [None, "cpn_issued", "injunction_applied",
                                     "closure_notice_issued"], ["cpw_issued", "fpn_issued"]),
                "conclusion": "Proportionate", "disability_indicated": d(st.booleans())}

    def b_entry_corrected(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"corrected_version": pick(d, [d(st.integers(1, self.agg.version))],
                                          [self.agg.version + 1]),
                "correction": "Time was 23:40, not 22:40", "reason": "Mistyped in the original"}

    def b_evidence_attached(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"relates_to_version": pick(d, [None, d(st.integers(1, self.agg.version))],
                                           [self.agg.version + 1]),
                "note": "Noise app recording"}

    def b_sharing_agreed(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"partner_agency": pick(d, ["Elmsford Homes", "youth offending team"],
                                       [self.agg.owner_agency]),
                "purpose": "Joint problem-solving of the conduct", "gateway": "cda1998_s115",
                "agreed_by": "Information asset owner"}

    def b_sharing_revoked(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"partner_agency": pick(d, ["Elmsford Homes", "youth offending team"]),
                "reason": "The partner no longer needs the case"}


class PathwayMachine(CaseMachine):
    CLS = Pathway
    STEP_NAMES = tuple(sorted(s for s in Pathway.STEPS if s != "override_authorised"))
    REMEDIES = CaseMachine.REMEDIES | {
        "lesser_measures_skipped": "early_intervention",
        "cpn_requires_continuing_conduct": "incident_linked",
        "cpn_requires_prior_warning": "cpw_issued",
        "fpn_requires_cpn_breach": "breach_recorded",
        "cbo_requires_conviction": "conviction_recorded",
        "committal_requires_recorded_breach": "breach_recorded",
        "arrest_requires_power_of_arrest": "injunction_granted",
        "processing_restricted": "restriction_lifted",
    }

    @initialize(
        dob=st.one_of(
            st.sampled_from([date(1985, 6, 15), date(2000, 1, 1), date(1970, 2, 28), None,
                             date(2009, 3, 20), date(2010, 3, 10), date(2016, 5, 1),
                             date(2020, 1, 1)]),
            st.dates(date(1940, 1, 1), date(2021, 1, 1))),
        cpa2026=st.booleans(),
        stream_id=st.uuids(),
        prefix=st.sampled_from(["none", "support", "warned", "noticed", "fined", "enjoined",
                                "arrested"]),
    )
    def open_pathway(self, dob: date | None, cpa2026: bool, stream_id: UUID, prefix: str) -> None:
        """Open a pathway, then (so that 40 random steps reach the deep rungs) maybe play a
        scripted, lawful prefix of one of the ladders through the same decide/apply path."""
        if prefix != "none" and (dob is None or dob > date(2008, 3, 1)):
            dob = date(1985, 6, 15)  # the scripted prefixes need an adult
        rule_book = RuleBook.with_switches(["cpa2026"] if cpa2026 else [])
        subject = {"name": "Subject A", **({"date_of_birth": dob} if dob else {})}
        self.start({"subject": subject, "conduct_summary": "Noise", "issue_tags": ("noise",)},
                   rule_book, stream_id)
        if prefix == "none":
            return
        self.play("support_referral_made", referral_id=UUID(int=0x5E1), service="Turning Point",
                  need="drug_alcohol")
        self.play("proportionality_assessed", assessment_id=UUID(int=0xA55),
                  conclusion="Proportionate")
        self.play("early_intervention", intervention_id=UUID(int=0xE1), kind="warning_letter")
        if prefix in ("warned", "noticed", "fined"):
            cpw, cpn = UUID(int=0xC0F1), UUID(int=0xC0F2)
            self.play("cpw_issued", instrument_id=cpw, conduct=CONDUCTS[0],
                      requirements=["Stop the conduct"], comply_by=self.now + timedelta(days=2))
            self.now += timedelta(days=3)  # past comply_by, then the conduct continues
            self.play("incident_linked", incident_id=UUID(int=0x1C1),
                      incident_occurred_at=self.now, conduct=CONDUCTS[0])
            if prefix in ("noticed", "fined"):
                self.play("cpn_issued", instrument_id=cpn, warning_id=cpw, conduct=CONDUCTS[0],
                          requirements=["No music after 23:00"], appeal_information_given=True)
                self.play("breach_recorded", timedelta(days=1), instrument_id=cpn,
                          description="Music audible at 02:00")
            if prefix == "fined":
                self.play("fpn_issued", instrument_id=UUID(int=0xF9), notice_id=cpn, amount="100")
        if prefix in ("enjoined", "arrested"):
            injunction = UUID(int=0x1A1)
            self.play("injunction_applied", instrument_id=injunction, terms=["Not to enter Block A"],
                      power_of_arrest_sought=True, power_of_arrest_ground="violence_or_threat",
                      power_of_arrest_evidence="Threatened a neighbour")
            self.play("injunction_granted", timedelta(days=7), instrument_id=injunction,
                      expires_on=(self.now + timedelta(days=372)).date(), power_of_arrest=True)
            if prefix == "arrested":
                self.play("breach_recorded", timedelta(days=2), instrument_id=injunction,
                          description="Entered Block A")
                self.play("arrested", instrument_id=UUID(int=0xA77), power="power_of_arrest",
                          injunction_id=injunction)

    # ------------------------------------------------------------------ person builders
    def b_early_intervention(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"intervention_id": d(st.uuids()),
                "kind": pick(d, ["verbal_warning", "warning_letter",
                                 "acceptable_behaviour_contract", "mediation", "home_visit"])}

    def b_cpw_issued(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.new_id(d), "conduct": pick(d, CONDUCTS),
                "requirements": ["Stop the conduct"],
                "comply_by": self.later(d, at, [2, 24, 72, 24 * 14], [-1]),
                "lesser_measures_reason": pick(d, [None], ["Immediate risk to neighbours"])}

    def b_cpn_issued(self, d: Draw, at: datetime) -> dict[str, Any]:
        warning_id = self.ref(d, Kind.CPW)
        warning = self.agg.instruments.get(warning_id)
        same = [warning.conduct] if warning is not None and warning.conduct else CONDUCTS
        return {"instrument_id": self.new_id(d), "warning_id": warning_id,
                "conduct": pick(d, same, CONDUCTS),
                "requirements": ["No amplified music after 23:00"],
                "comply_by": pick(d, [None, self.later(d, at, [24, 24 * 7])]),
                "issuer_authority": pick(d, ["local_authority", "constable", "designated_person"]),
                "appeal_information_given": d(st.booleans()),
                "informed_bodies": pick(d, [(), ("Landlord",)]),
                "lesser_measures_reason": pick(d, [None], ["Warning ignored"]),
                "requirement_kinds": pick(d, [(), ("stop",)], [("do",), ("reparation",)]),
                "expires_on": pick(d, [None], [self.day_after(d, at, [30, 365])])}

    def b_cpn_appeal_lodged(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.ref(d, Kind.CPN)}

    def b_cpn_appeal_decided(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.ref(d, Kind.CPN),
                "outcome": pick(d, ["dismissed", "varied", "quashed"])}

    def b_breach_recorded(self, d: Draw, at: datetime) -> dict[str, Any]:
        incidents = [i.incident_id for i in self.agg.incidents][-2:]
        return {"instrument_id": self.ref(d, Kind.CPN, Kind.INJUNCTION, Kind.CBO, Kind.DISPERSAL,
                                          Kind.RESPECT_ORDER),
                "description": "Music audible at 02:00",
                "clause": pick(d, [None, "Requirement 1"]),
                "incident_id": pick(d, [None, *incidents]),
                "requirement_number": pick(d, [None, 1], [2])}

    def b_fpn_issued(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.new_id(d), "notice_id": self.ref(d, Kind.CPN),
                "amount": pick(d, ["100", "50", "75.50"], ["250", "500", "600"])}

    def b_fpn_paid(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.ref(d, Kind.FPN)}

    def b_prosecution_started(self, d: Draw, at: datetime) -> dict[str, Any]:
        relates = pick(d, [self.ref(d, Kind.FPN, Kind.CPN, Kind.CBO, Kind.DISPERSAL)], [None])
        return {"instrument_id": self.new_id(d), "offence": "Failure to comply (s.48)",
                "relates_to": relates}

    def b_conviction_recorded(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.ref(d, Kind.PROSECUTION),
                "outcome": pick(d, ["convicted", "acquitted"]), "sentence": "Fine"}

    def b_cbo_granted(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.new_id(d), "prosecution_id": self.ref(d, Kind.PROSECUTION),
                "expires_on": pick(d, [None, self.day_after(d, at, [365, 730])]),
                "prohibitions": ["Not to enter the Oak estate"],
                "requirements": pick(d, [(), ("Attend an alcohol course",)]),
                "supervisor": pick(d, ["Probation service"], [None])}

    def b_cbo_varied(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.ref(d, Kind.CBO),
                "applicant": pick(d, ["offender", "prosecution"]),
                "changes": "Exclusion zone reduced",
                "expires_on": pick(d, [None, self.day_after(d, at, [400, 800])])}

    def b_cbo_discharged(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.ref(d, Kind.CBO),
                "applicant": pick(d, ["offender", "prosecution"]), "reason": "Moved away"}

    def b_cbo_reviewed(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.ref(d, Kind.CBO), "compliance": "Complying"}

    def b_respect_order_applied(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.new_id(d), "prohibitions": ["Not to enter Block A"],
                "requirements": pick(d, [(), ("Attend a drug course",)]),
                "supervisor": pick(d, ["Drug service"], [None]),
                "lesser_measures_reason": pick(d, [None], ["Serious harm to residents"])}

    def b_respect_order_granted(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.ref(d, Kind.RESPECT_ORDER),
                "interim": pick(d, [False, True]),
                "expires_on": pick(d, [None, self.day_after(d, at, [365, 730])])}

    def b_respect_order_discharged(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.ref(d, Kind.RESPECT_ORDER),
                "outcome": pick(d, ["discharged", "refused"]), "reason": "No longer necessary"}

    def b_injunction_applied(self, d: Draw, at: datetime) -> dict[str, Any]:
        without_notice = pick(d, [False], [True])
        return {"instrument_id": self.new_id(d), "terms": ["Not to enter Block A"],
                "positive_requirements": pick(d, [(), ("Attend a drug course",)]),
                "supervisor": pick(d, ["Drug service"], [None]),
                "power_of_arrest_sought": d(st.booleans()), "without_notice": without_notice,
                "power_of_arrest_ground": pick(d, ["significant_risk_of_harm"], [None]),
                "power_of_arrest_evidence": pick(d, ["Threats to neighbours"], [None]),
                "without_notice_justification": pick(d, ["Risk of violence"], [None]),
                "lesser_measures_reason": pick(d, [None], ["Serious harm to residents"])}

    def b_injunction_granted(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.ref(d, Kind.INJUNCTION),
                "interim": pick(d, [False, True]),
                "expires_on": pick(d, [self.day_after(d, at, [30, 180, 364])], [None, 
                                   self.day_after(d, at, [500])]),
                "power_of_arrest": pick(d, [True], [False]),
                "power_of_arrest_expires_on": pick(d, [None, self.day_after(d, at, [10, 90])]),
                "power_of_arrest_terms": pick(d, [(), ("Not to enter Block A",)],
                                              [("Attend a drug course",)])}

    def b_injunction_varied(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.ref(d, Kind.INJUNCTION), "changes": "Exclusion zone enlarged",
                "expires_on": pick(d, [None, self.day_after(d, at, [60, 300])]),
                "power_of_arrest": pick(d, [None, True, False])}

    def b_injunction_discharged(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.ref(d, Kind.INJUNCTION),
                "outcome": pick(d, ["discharged", "refused"])}

    def b_arrested(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.new_id(d),
                "power": pick(d, ["power_of_arrest"], ["warrant", "pace_s24"]),
                "injunction_id": pick(d, [self.ref(d, Kind.INJUNCTION)], [None]),
                "applicant_informed": d(st.booleans())}

    def b_arrest_applicant_informed(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.ref(d, Kind.ARREST), "applicant": "Northshire Council"}

    def b_items_surrendered(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.ref(d, Kind.DISPERSAL), "items": ["Portable speaker"],
                "required_by": "PC 12"}

    def b_surrendered_items_resolved(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.ref(d, Kind.DISPERSAL),
                "outcome": pick(d, ["returned", "destroyed"]), "by": "PC 12"}

    def b_court_appearance(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.ref(d, Kind.ARREST), "court": "County court",
                "outcome": "Adjourned"}

    def b_committal_decided(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.ref(d, Kind.ARREST),
                "outcome": pick(d, ["immediate_committal", "suspended_committal", "fine",
                                    "no_order", "not_proved"])}

    def b_dispersal_direction_given(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.new_id(d), "authorisation_ref": "DA/2026/1",
                "authorised_by_rank": pick(d, AUTHORISERS, list(Rank)).value,
                "exclusion_hours": pick(d, [1, 24, 48], [72, 169]), "area": "Town centre"}

    def b_pathway_closed(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"outcome": pick(d, ["resolved", "supported", "no_further_action", "transferred",
                                    "moved_away"])}

    def b_pathway_reopened(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"reason": pick(d, ["Conduct resumed at the same address", "New reports"])}

    def b_subject_erased(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"ground": pick(d, ["art17_request", "retention_expired"]),
                "reason": "Erasure decided by the data protection officer"}

    def b_processing_restricted(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"ground": pick(d, ["accuracy_contested", "unlawful_processing",
                                   "needed_for_legal_claims", "objection_pending"]),
                "reason": "The subject contests the recorded dates",
                "restricted_by": "Sgt Okafor"}

    def b_restriction_lifted(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"reason": "Accuracy checked and confirmed"}


class PlaceMachine(CaseMachine):
    CLS = Place
    STEP_NAMES = tuple(sorted(s for s in Place.STEPS if s != "override_authorised"))
    REMEDIES = CaseMachine.REMEDIES | {"lesser_measures_skipped": "environmental_measure_recorded"}

    @initialize(kind=st.sampled_from(["premises", "public_space"]), cpa2026=st.booleans(),
                stream_id=st.uuids(),
                prefix=st.sampled_from(["none", "measures", "noticed", "ordered"]))
    def register_place(self, kind: str, cpa2026: bool, stream_id: UUID, prefix: str) -> None:
        """Register a place, then maybe play a scripted, lawful prefix of the closure track."""
        rule_book = RuleBook.with_switches(["cpa2026"] if cpa2026 else [])
        self.start({"name": "12 High Street", "kind": kind, "address": "12 High St, Anytown"},
                   rule_book, stream_id)
        if prefix == "none":
            return
        self.play("support_referral_made", referral_id=UUID(int=0x5E1), service="Turning Point",
                  need="drug_alcohol")
        self.play("proportionality_assessed", assessment_id=UUID(int=0xA55),
                  conclusion="Proportionate")
        self.play("environmental_measure_recorded", measure_id=UUID(int=0xE1),
                  measure="Alley gate fitted")
        if prefix in ("noticed", "ordered"):
            notice, order = UUID(int=0xC1), UUID(int=0xC2)
            self.play("closure_notice_issued", instrument_id=notice, duration_hours=24,
                      authorised_by_rank="superintendent", premises="Flat 3, 12 High Street")
            if prefix == "ordered":
                self.play("closure_order_applied", instrument_id=order, notice_id=notice,
                          hearing_at=self.now + timedelta(hours=25))
                self.play("closure_order_granted", timedelta(hours=24), instrument_id=order,
                          expires_on=(self.now + timedelta(days=61)).date())

    # ------------------------------------------------------------------ place builders
    def b_closure_notice_issued(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.new_id(d), "duration_hours": pick(d, [24, 48], [12, 72]),
                "authorised_by_rank": pick(d, AUTHORISERS, list(Rank)).value,
                "premises": "Flat 3, 12 High Street",
                "access_exceptions": pick(d, [(), ("Resident of flat 2",)]),
                "occupiers_informed": d(st.booleans()),
                "lesser_measures_reason": pick(d, [None], ["Drug dealing; immediate risk"])}

    def b_closure_notice_extended(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.ref(d, Kind.CLOSURE_NOTICE),
                "additional_hours": pick(d, [24, 12], [30]),
                "authorised_by_rank": pick(d, AUTHORISERS, list(Rank)).value}

    def b_closure_notice_served(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.ref(d, Kind.CLOSURE_NOTICE), "served_by": "PC 12"}

    def b_closure_notice_cancelled(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.ref(d, Kind.CLOSURE_NOTICE), "reason": "Premises secured"}

    def b_closure_order_applied(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.new_id(d), "notice_id": self.ref(d, Kind.CLOSURE_NOTICE),
                "hearing_at": self.later(d, at, [2, 24, 47], [60, 80])}

    def b_closure_order_granted(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.ref(d, Kind.CLOSURE_ORDER),
                "expires_on": self.day_after(d, at, [30, 90], [100])}

    def b_closure_order_extended(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.ref(d, Kind.CLOSURE_ORDER),
                "expires_on": self.day_after(d, at, [60, 150], [200]),
                "authorised_by_rank": pick(d, AUTHORISERS, list(Rank)).value,
                "consulted": pick(d, [True], [False])}

    def b_closure_order_discharged(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"instrument_id": self.ref(d, Kind.CLOSURE_ORDER), "reason": "Problem resolved"}

    def b_environmental_measure_recorded(self, d: Draw, at: datetime) -> dict[str, Any]:
        return {"measure_id": d(st.uuids()), "measure": "Alley gate fitted",
                "cost_pence": pick(d, [None, 0, 125000])}

    def b_objective_set(self, d: Draw, at: datetime) -> dict[str, Any]:
        start = at.date() - timedelta(days=90)
        return {"objective_id": d(st.uuids()), "description": "Halve night-time calls",
                "target_reduction_percent": pick(d, [25, 50, 100]),
                "baseline_from": start,
                "baseline_to": start + timedelta(days=pick(d, [30, 89], [-1]))}

    def b_outcome_review_held(self, d: Draw, at: datetime) -> dict[str, Any]:
        objectives = [n.id for n in self.agg.notes if n.kind == "objective"]
        return {"objective_id": pick(d, objectives or [d(st.uuids())], [d(st.uuids())]),
                "months": pick(d, [3, 6, 12]),
                "incidents_before": d(st.integers(0, 40)), "incidents_after": d(st.integers(0, 40))}


def test_every_step_has_a_builder() -> None:
    """A new step must get a field builder here, or the machines silently never play it."""
    for machine in (PathwayMachine, PlaceMachine):
        missing = [s for s in machine.STEP_NAMES if not hasattr(machine, f"b_{s}")]
        assert not missing, f"{machine.__name__} has no builder for {missing}"


TestPathwayStateful = PathwayMachine.TestCase
TestPathwayStateful.settings = STATEFUL_SETTINGS
TestPlaceStateful = PlaceMachine.TestCase
TestPlaceStateful.settings = STATEFUL_SETTINGS


# ---------------------------------------------------------------------------- regressions
# Directed sequences for what the machines found (or would need luck to find), checked with
# the same invariants.
def scripted_pathway() -> tuple[Case, Callable[..., DomainEvent | None]]:
    rule_book = RuleBook()
    clock = [START]
    first = opening_event(Pathway, UUID(int=1), {"subject": {"name": "A", "date_of_birth":
                                                             date(1985, 6, 15)}},
                          START, OFFICER, rule_book)
    case = Case(Pathway, first, rule_book)

    def step(name: str, wait: timedelta = timedelta(hours=1), **fields: Any) -> DomainEvent | None:
        clock[0] += wait
        event = case.try_step(name, fields, OFFICER, clock[0], occurred_at=clock[0])
        case.check_all()
        return event

    return case, step


def fined_pathway() -> tuple[Case, Callable[..., DomainEvent | None], UUID]:
    """CPW, incident after its deadline, CPN, breach, FPN: an FPN on a breached CPN."""
    case, step = scripted_pathway()
    cpw, cpn, fpn = UUID(int=0xC0F1), UUID(int=0xC0F2), UUID(int=0xF9)
    for name, fields in [
        ("support_referral_made", {"referral_id": UUID(int=0x5E1), "service": "Turning Point",
                                   "need": "drug_alcohol"}),
        ("proportionality_assessed", {"assessment_id": UUID(int=0xA55), "conclusion": "Fine"}),
        ("cpw_issued", {"instrument_id": cpw, "conduct": CONDUCTS[0], "requirements": ["Stop"],
                        "comply_by": START + timedelta(days=1), "lesser_measures_reason": "Risk"}),
    ]:
        assert step(name, **fields) is not None, case.last_error
    assert step("incident_linked", timedelta(days=2), incident_id=UUID(int=0x1C1),
                incident_occurred_at=START + timedelta(days=2), conduct=CONDUCTS[0]), case.last_error
    assert step("cpn_issued", instrument_id=cpn, warning_id=cpw, conduct=CONDUCTS[0],
                requirements=["Stop"]), case.last_error
    assert step("breach_recorded", instrument_id=cpn, description="Music at 02:00"), case.last_error
    assert step("fpn_issued", instrument_id=fpn, notice_id=cpn, amount="100"), case.last_error
    return case, step, fpn


def test_prosecution_relating_to_a_paid_fpn_keeps_the_fpn_lifecycle() -> None:
    """Was: prosecution_started(relates_to=<paid FPN>) moved the FPN paid -> prosecuted, a
    move the FPN machine does not allow (the relates_to target had no trigger)."""
    case, step, fpn = fined_pathway()
    assert step("fpn_paid", instrument_id=fpn), case.last_error
    step("prosecution_started", timedelta(days=20), instrument_id=UUID(int=0x9), offence="s.48",
         relates_to=fpn)
    assert case.agg.instruments[fpn].state is S.PAID


def test_a_second_prosecution_relating_to_an_fpn_keeps_the_fpn_lifecycle() -> None:
    """Was: a second prosecution relating to the same FPN moved it prosecuted -> prosecuted."""
    case, step, fpn = fined_pathway()
    assert step("prosecution_started", timedelta(days=20), instrument_id=UUID(int=0x9),
                offence="s.48", relates_to=fpn), case.last_error
    assert case.agg.instruments[fpn].state is S.PROSECUTED
    step("prosecution_started", instrument_id=UUID(int=0xA), offence="s.48", relates_to=fpn)
    assert [s for _, s, _ in case.agg.instruments[fpn].history] == [S.ISSUED, S.PROSECUTED]


@pytest.mark.parametrize("until", [None, START - timedelta(hours=1)],
                         ids=["range-without-end", "end-before-start"])
def test_a_bad_range_is_a_validation_error_and_changes_nothing(until: datetime | None) -> None:
    """Was: parse_command accepted them and decide() crashed with a raw pydantic error."""
    case, step = scripted_pathway()
    envelope = {"occurred_at": START, "precision": "range", "occurred_until": until}
    assert case.try_step("early_intervention", {"intervention_id": UUID(int=7), "kind":
                                                "mediation"}, OFFICER, START, **envelope) is None
    assert isinstance(case.last_error, DomainValidationError)
    assert [p.field for p in case.last_error.problems] == ["occurred_until"]

