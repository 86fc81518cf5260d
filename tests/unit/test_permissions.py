"""The permission policy: who may record, open, override, export and read, as data."""

from __future__ import annotations

import pytest

from adapters.driven.auth.roles import ROLES
from domain.steps import COURT_STEPS
from service.permissions import (
    ALL_STEPS,
    OVERRIDE_STEP,
    ROLE_POLICY,
    Action,
    PermissionDeniedError,
    authorise,
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
