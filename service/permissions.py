"""Who may do what, as data: the one permission policy every front end asks.

A role's `Policy` names the steps it may record, the streams it may open, and whether it may
authorise overrides, export (and verify exports) and read. Front ends (HTTP today, a web UI
next) call `authorise` and map `PermissionDeniedError` to their own refusal (HTTP: 403).

This is the partnership's division of work, not the law: the law's own authority rules
(ranks for closure notices, supervisors for overrides) stay in the domain's guards, which
refuse with every reason. Agency scoping of reads will build on `Action.READ`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from domain.model import Pathway, Place
from domain import steps
from domain.steps import COURT_STEPS

ALL_STEPS = frozenset(Pathway.STEPS) | frozenset(Place.STEPS)
#: The step that authorises an override of a SOFT guard.
OVERRIDE_STEP = steps.OVERRIDE_AUTHORISED
#: Streams a user may open.
STREAM_KINDS = ("pathway", "place", "incident")


class Action(str, Enum):
    RECORD = "record"  # target: the step
    OPEN = "open"  # target: the stream kind
    OVERRIDE = "override"  # authorise an override (recording OVERRIDE_STEP)
    EXPORT = "export"  # target: the document
    VERIFY_EXPORT = "verify_export"  # check an export against the log
    READ = "read"  # cases and their read models


@dataclass(frozen=True)
class Policy:
    """What one role may do."""

    records: frozenset[str] = frozenset()
    opens: frozenset[str] = frozenset()
    overrides: bool = False
    exports: bool = False
    reads: bool = True

    def permits(self, action: Action, target: str = "") -> bool:
        if action is Action.RECORD:
            return target in self.records and (target != OVERRIDE_STEP or self.overrides)
        if action is Action.OPEN:
            return target in self.opens
        if action is Action.OVERRIDE:
            return self.overrides
        if action in (Action.EXPORT, Action.VERIFY_EXPORT):
            return self.exports
        return self.reads


#: Officers and supervisors record everything (the guards decide the rest); the others
#: record what their work produces. Admins administer users and export; they record nothing.
ROLE_POLICY: Mapping[str, Policy] = {
    "officer": Policy(records=ALL_STEPS, opens=frozenset(STREAM_KINDS), overrides=True,
                      exports=True),
    "supervisor": Policy(records=ALL_STEPS, opens=frozenset(STREAM_KINDS), overrides=True,
                         exports=True),
    "legal": Policy(records=COURT_STEPS | {steps.PROPORTIONALITY_ASSESSED,
                                           steps.CONSULTATION_RECORDED, steps.INCIDENT_LINKED,
                                           steps.EVIDENCE_ATTACHED, steps.ENTRY_CORRECTED},
                    exports=True),
    "support": Policy(records=frozenset({steps.SUPPORT_REFERRAL_MADE,
                                         steps.SUPPORT_REFERRAL_UPDATED,
                                         steps.CONSULTATION_RECORDED, steps.EVIDENCE_ATTACHED}),
                      opens=frozenset({"incident"})),
    "analyst": Policy(records=frozenset({steps.INCIDENT_LINKED, steps.OBJECTIVE_SET,
                                         steps.OUTCOME_REVIEW_HELD, steps.EVIDENCE_ATTACHED})),
    "admin": Policy(exports=True),
}
_NOTHING = Policy(reads=False)

_PHRASES = {
    Action.RECORD: "record {}",
    Action.OPEN: "open a {}",
    Action.OVERRIDE: "authorise overrides",
    Action.EXPORT: "export the {}",
    Action.VERIFY_EXPORT: "verify exports",
    Action.READ: "read cases",
}


class PermissionDeniedError(Exception):
    """The user's role does not allow the action (a front end's 403, not a legal refusal)."""

    def __init__(self, role: str, action: Action, target: str = "") -> None:
        self.role, self.action, self.target = role, action, target
        super().__init__(f"a user with role {role!r} may not "
                         f"{_PHRASES[action].format(target)}")


def policy_for(role: str) -> Policy:
    """The role's policy; an unknown role may do nothing at all."""
    return ROLE_POLICY.get(role, _NOTHING)


def permits(role: str, action: Action, target: str = "") -> bool:
    return policy_for(role).permits(action, target)


def authorise(role: str, action: Action, target: str = "") -> None:
    """Return if `role` may do `action` (to `target`); raise PermissionDeniedError if not."""
    if not permits(role, action, target):
        raise PermissionDeniedError(role, action, target)
