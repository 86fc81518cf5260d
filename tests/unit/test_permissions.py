"""The permission policy: who may record, open, override, export and read, as data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest

from adapters.driven.auth.roles import ROLES
from domain import steps
from domain.model import Actor, NotFoundError
from domain.records import Share
from domain.steps import COURT_STEPS
from service.permissions import (
    ALL_STEPS,
    OVERRIDE_STEP,
    ROLE_POLICY,
    Action,
    PermissionDeniedError,
    View,
    authorise,
    case_access,
    case_scope,
    may_see,
    permits,
)


def test_every_role_a_user_can_hold_has_a_policy() -> None:
    assert set(ROLE_POLICY) == set(ROLES)


def test_every_step_the_policy_names_is_a_step_of_the_engine() -> None:
    for role, policy in ROLE_POLICY.items():
        assert policy.records <= ALL_STEPS, role
    assert COURT_STEPS <= ALL_STEPS


@pytest.mark.parametrize(("role", "step", "allowed"), [
    ("officer", "cpn_issued", True),
    ("legal", "injunction_granted", True),
    ("legal", "cpn_issued", False),
    ("support", "support_referral_made", True),
    ("support", "cpw_issued", False),
    ("analyst", "objective_set", True),
    ("admin", "evidence_attached", False),
])
def test_what_each_role_may_record(role: str, step: str, allowed: bool) -> None:
    assert permits(role, Action.RECORD, step) is allowed


def test_only_officers_and_supervisors_open_pathways_and_places_support_also_incidents() -> None:
    openers = {kind: {r for r in ROLES if permits(r, Action.OPEN, kind)}
               for kind in ("pathway", "place", "incident")}
    assert openers == {"pathway": {"officer", "supervisor"}, "place": {"officer", "supervisor"},
                       "incident": {"officer", "supervisor", "support"}}


def test_recording_an_override_needs_the_override_permission() -> None:
    overriders = {r for r in ROLES if permits(r, Action.OVERRIDE)}
    assert overriders == {"officer", "supervisor"}
    assert {r for r in ROLES if permits(r, Action.RECORD, OVERRIDE_STEP)} == overriders


def test_exporters_and_readers() -> None:
    assert {r for r in ROLES if permits(r, Action.EXPORT, "chronology")} == {
        "officer", "supervisor", "legal"}
    assert {r for r in ROLES if permits(r, Action.READ)} == {
        "officer", "supervisor", "legal", "support"}
    assert {r for r in ROLES if permits(r, Action.SEARCH)} == set(ROLES) - {"admin"}


def test_a_refusal_names_the_role_and_the_action() -> None:
    with pytest.raises(PermissionDeniedError) as info:
        authorise("analyst", Action.EXPORT, "chronology")
    assert str(info.value) == "a user with role 'analyst' may not export the chronology"
    assert (info.value.role, info.value.action) == ("analyst", Action.EXPORT)


def test_an_unknown_role_may_do_nothing() -> None:
    assert not any(permits("visitor", action, "cpn_issued") for action in Action)


# ---------------------------------------------------------------------- agencies
@dataclass
class _Case:
    owner_agency: str
    shares: dict[str, Share] = field(default_factory=dict)


def _share(partner: str, until: date | None = None) -> Share:
    return Share(partner_agency=partner, purpose="Joint panel", gateway="cda1998_s115",
                 agreed_by="IAO", agreed_version=2, until=until)


POLICE_CASE = _Case("Marlshire Police", {"Elmsford District Council": _share(
    "Elmsford District Council", until=date(2026, 6, 30))})
ON = date(2026, 3, 1)


def test_a_case_is_seen_by_its_agency_and_partners_while_the_share_is_in_force() -> None:
    police, council = Actor("a", "Marlshire Police", "officer"), Actor(
        "b", "Elmsford District Council", "officer")
    housing = Actor("c", "Hearthstone Housing Association", "officer")
    assert may_see(police, POLICE_CASE, ON) and may_see(council, POLICE_CASE, ON)
    assert not may_see(housing, POLICE_CASE, ON)
    assert not may_see(council, POLICE_CASE, date(2026, 7, 1))  # after `until`


def test_out_of_reach_is_not_found_and_the_role_is_checked_first() -> None:
    housing = Actor("c", "Hearthstone Housing Association", "officer")
    with pytest.raises(NotFoundError):
        case_access(housing, POLICE_CASE, ON, Action.READ)
    admin = Actor("d", "Hearthstone Housing Association", "admin")
    with pytest.raises(PermissionDeniedError):  # the same answer whether or not it exists
        case_access(admin, POLICE_CASE, ON, Action.READ)


def test_sharing_and_overrides_stay_with_the_owning_agency() -> None:
    council = Actor("b", "Elmsford District Council", "supervisor", "council_officer")
    for step in (steps.SHARING_AGREED, OVERRIDE_STEP):
        with pytest.raises(PermissionDeniedError):
            case_access(council, POLICE_CASE, ON, Action.RECORD, step)
    case_access(council, POLICE_CASE, ON, Action.RECORD, steps.EVIDENCE_ATTACHED)
    inspector = Actor("e", "Marlshire Police", "supervisor", "inspector")
    case_access(inspector, POLICE_CASE, ON, Action.RECORD, OVERRIDE_STEP)
    with pytest.raises(PermissionDeniedError, match="recorded rank"):
        case_access(Actor("f", "Marlshire Police", "supervisor"), POLICE_CASE, ON,
                    Action.RECORD, OVERRIDE_STEP)


def test_each_role_has_its_view_of_case_data() -> None:
    views = {r: case_scope(Actor("x", "Marlshire Police", r), ON).view for r in ROLES
             if r != "admin"}
    assert views == {"officer": View.FULL, "supervisor": View.FULL, "legal": View.FULL,
                     "support": View.SUPPORT, "analyst": View.PSEUDONYMISED}
    with pytest.raises(PermissionDeniedError):
        case_scope(Actor("x", "Marlshire Police", "admin"), ON)
