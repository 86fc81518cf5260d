"""Who may do what, as data: the one permission policy every front end asks.

A role's `Policy` names the steps it may record, the streams it may open, and whether it may
authorise overrides, export (and verify exports) and read. Front ends (HTTP today, a web UI
next) call `authorise` and map `PermissionDeniedError` to their own refusal (HTTP: 403).

Each role also has a `View` of case data and a reach over agencies. A case belongs to the
agency that opened it and reaches a partner agency only through a recorded, unrevoked
`sharing_agreed` step in force that day (Crime and Disorder Act 1998 s.115: the owner keeps
control of each disclosure). A case outside a user's reach does not exist for them: the
front end answers 404, never 403 (`case_access`). Sharing and overrides are the owning
agency's alone.

This is the partnership's division of work, not the law: the law's own authority rules
(ranks for closure notices, supervisors for overrides) stay in the domain's guards, which
refuse with every reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Protocol

from domain.model import NotFoundError, Pathway, Place
from domain.records import Share
from domain import steps
from domain.steps import COURT_STEPS

ALL_STEPS = frozenset(Pathway.STEPS) | frozenset(Place.STEPS)
#: The step that authorises an override of a SOFT guard.
OVERRIDE_STEP = steps.OVERRIDE_AUTHORISED
#: Streams a user may open.
STREAM_KINDS = ("pathway", "place", "incident")
#: Steps that change who may see a case: its owning agency's decision alone.
SHARING_STEPS = frozenset({steps.SHARING_AGREED, steps.SHARING_REVOKED})
#: Erasure and restriction of processing are a supervisor's decision on a data subject's
#: request or a retention review.
SUPERVISOR_ONLY_STEPS = frozenset({steps.SUBJECT_ERASED, steps.PROCESSING_RESTRICTED,
                                   steps.RESTRICTION_LIFTED})
#: An override is authorised by a supervisor whose rank is on record (the event carries it).
OVERRIDE_NEEDS_RANK = True


class Action(str, Enum):
    RECORD = "record"  # target: the step
    OPEN = "open"  # target: the stream kind
    OVERRIDE = "override"  # authorise an override (recording OVERRIDE_STEP)
    EXPORT = "export"  # target: the document
    VERIFY_EXPORT = "verify_export"  # check an export against the log
    READ = "read"  # cases and their read models
    SEARCH = "search"  # lists and searches of cases
    AUDIT = "audit"  # the access audit


class View(str, Enum):
    """How much of a case's personal data a role sees."""

    FULL = "full"  # the whole record
    SUPPORT = "support"  # the support track and minimal identity (name, pseudonym)
    PSEUDONYMISED = "pseudonymised"  # aggregates and pseudonymised rows: no case record
    NONE = "none"  # no case data at all


@dataclass(frozen=True)
class Policy:
    """What one role may do."""

    records: frozenset[str] = frozenset()
    opens: frozenset[str] = frozenset()
    overrides: bool = False
    exports: bool = False
    reads: bool = True
    view: View = View.FULL
    #: Exports must say why (DPA 2018 s.62(3): the justification of a disclosure).
    export_purpose: bool = False
    #: May query the access audit (of their own agency's users; admins: everyone's).
    audits: bool = False

    @property
    def sees_names(self) -> bool:
        """May ask an export for victims' and public witnesses' names (else initials)."""
        return self.view is View.FULL

    def permits(self, action: Action, target: str = "") -> bool:
        if action is Action.RECORD:
            return target in self.records and (target != OVERRIDE_STEP or self.overrides)
        if action is Action.OPEN:
            return target in self.opens
        if action is Action.OVERRIDE:
            return self.overrides
        if action in (Action.EXPORT, Action.VERIFY_EXPORT):
            return self.exports
        if action is Action.AUDIT:
            return self.audits
        if action is Action.SEARCH:
            return self.reads and self.view is not View.NONE
        # Reading one case record: pseudonymised roles see lists and counts only.
        return self.reads and self.view in (View.FULL, View.SUPPORT)


#: Officers and supervisors record everything (the guards decide the rest); the others
#: record what their work produces. Legal exports with a stated purpose. Support workers see
#: the support track, analysts pseudonymised rows. Admins manage users and audit access;
#: they read no case data.
ROLE_POLICY: Mapping[str, Policy] = {
    "officer": Policy(records=ALL_STEPS - SUPERVISOR_ONLY_STEPS, opens=frozenset(STREAM_KINDS), overrides=True,
                      exports=True),
    "supervisor": Policy(records=ALL_STEPS, opens=frozenset(STREAM_KINDS), overrides=True,
                         exports=True, audits=True),
    "legal": Policy(records=COURT_STEPS | {steps.PROPORTIONALITY_ASSESSED,
                                           steps.CONSULTATION_RECORDED, steps.INCIDENT_LINKED,
                                           steps.EVIDENCE_ATTACHED, steps.ENTRY_CORRECTED},
                    exports=True, export_purpose=True),
    "support": Policy(records=frozenset({steps.SUPPORT_REFERRAL_MADE,
                                         steps.SUPPORT_REFERRAL_UPDATED,
                                         steps.CONSULTATION_RECORDED, steps.EVIDENCE_ATTACHED}),
                      opens=frozenset({"incident"}), view=View.SUPPORT),
    "analyst": Policy(records=frozenset({steps.INCIDENT_LINKED, steps.OBJECTIVE_SET,
                                         steps.OUTCOME_REVIEW_HELD, steps.EVIDENCE_ATTACHED}),
                      view=View.PSEUDONYMISED),
    "admin": Policy(view=View.NONE, audits=True),
}
_NOTHING = Policy(reads=False, view=View.NONE)

_PHRASES = {
    Action.RECORD: "record {}",
    Action.OPEN: "open a {}",
    Action.OVERRIDE: "authorise overrides",
    Action.EXPORT: "export the {}",
    Action.VERIFY_EXPORT: "verify exports",
    Action.READ: "read case records",
    Action.SEARCH: "list or search cases",
    Action.AUDIT: "query the access audit",
}


class PermissionDeniedError(Exception):
    """The user's role does not allow the action (a front end's 403, not a legal refusal)."""

    def __init__(self, role: str, action: Action, target: str = "", why: str = "") -> None:
        self.role, self.action, self.target = role, action, target
        super().__init__(f"a user with role {role!r} may not "
                         f"{_PHRASES[action].format(target)}" + (f" {why}" if why else ""))


def policy_for(role: str) -> Policy:
    """The role's policy; an unknown role may do nothing at all."""
    return ROLE_POLICY.get(role, _NOTHING)


def permits(role: str, action: Action, target: str = "") -> bool:
    return policy_for(role).permits(action, target)


def authorise(role: str, action: Action, target: str = "") -> None:
    """Return if `role` may do `action` (to `target`); raise PermissionDeniedError if not."""
    if not permits(role, action, target):
        raise PermissionDeniedError(role, action, target)


# ---------------------------------------------------------------------- agencies
class Who(Protocol):
    """The user asking (domain Actor and the HTTP user both fit)."""

    @property
    def agency(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def rank(self) -> str | None: ...


class Case(Protocol):
    """What access depends on: the owning agency and the sharing agreements."""

    @property
    def owner_agency(self) -> str: ...


@dataclass(frozen=True)
class CaseScope:
    """The cases a user may list: owned by, or shared in force on `on` with, `agencies`."""

    agencies: frozenset[str]
    on: date
    view: View


def reach(who: Who) -> frozenset[str]:
    """The agencies whose own and shared cases `who` may see: their agency."""
    return frozenset({who.agency})


def case_scope(who: Who, on: date) -> CaseScope:
    """What lists, searches, deadlines and counts may return to `who` (403 if nothing)."""
    authorise(who.role, Action.SEARCH)
    return CaseScope(reach(who), on, policy_for(who.role).view)


def shares_of(case: Case) -> Mapping[str, Share]:
    found: Mapping[str, Share] = getattr(case, "shares", {})
    return found


def may_see(who: Who, case: Case, on: date) -> bool:
    """Whether the case exists for `who`: their agency opened it or it is shared with them."""
    agencies = reach(who)
    if case.owner_agency in agencies:
        return True
    shares = shares_of(case)
    return any(a in shares and shares[a].in_force(on) for a in agencies)


def case_access(who: Who, case: Case, on: date, action: Action, target: str = "",
                what: str = "case") -> None:
    """Refuse `action` on `case`: 404 if it is out of reach, 403 if the role may not.

    The role is checked first, before anything about the case is known, so a refusal on
    role grounds says nothing about whether the case exists.
    """
    authorise(who.role, action, target)
    if not may_see(who, case, on):
        raise NotFoundError(f"no {what} with that id")
    own = case.owner_agency == who.agency
    if action is Action.RECORD and target in SHARING_STEPS and not own:
        raise PermissionDeniedError(who.role, action, target,
                                    f"on a case of {case.owner_agency}: only the agency that "
                                    "opened a case decides who it is shared with")
    if action is Action.RECORD and target == OVERRIDE_STEP:
        _check_override(who, case, own)


def _check_override(who: Who, case: Case, own: bool) -> None:
    if not own:
        raise PermissionDeniedError(who.role, Action.OVERRIDE, OVERRIDE_STEP,
                                    f"on a case of {case.owner_agency}: overrides are "
                                    "authorised within the agency that opened the case")
    if OVERRIDE_NEEDS_RANK and not who.rank:
        raise PermissionDeniedError(who.role, Action.OVERRIDE, OVERRIDE_STEP,
                                    "without a recorded rank: an override is authorised by a "
                                    "supervisor of recorded rank (`asb users add --rank`)")
