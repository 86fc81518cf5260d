"""How documents name people: professional witnesses by name, members of the public by
initials (unless names are asked for by a role that sees the whole record)."""

from __future__ import annotations

import pytest

from adapters.driven.exports.text import initials, is_professional, people
from service.permissions import policy_for


@pytest.mark.parametrize("name", ["PC Jo Reid", "Priya Shah (EDC noise officer)",
                                  "Priya Shah, Eastdale Council", "Sgt. A. Patel"])
def test_professional_witnesses_are_named(name: str) -> None:
    assert is_professional(name)
    assert people([name], show_names=False) == name


@pytest.mark.parametrize(("name", "expected"), [
    ("Jane Smith", "J.S."), ("Omar Farooq-Khan", "O.F.K."), ("Mr Jon Reid", "J.R."),
    ("Mrs Ann Lee", "A.L."), ("PC Jo Reid", "J.R."),
    ("Priya Shah (EDC noise officer)", "P.S."),
])
def test_initials_are_of_the_name_not_the_title_or_role(name: str, expected: str) -> None:
    assert initials(name) == expected


def test_members_of_the_public_are_initials_unless_names_are_asked_for() -> None:
    assert people(["Jane Smith", "PC Jo Reid"], show_names=False) == "J.S.; PC Jo Reid"
    assert people(["Jane Smith"], show_names=True) == "Jane Smith"
    assert not is_professional("Mr Jon Reid")


def test_only_roles_that_see_the_whole_record_may_ask_for_names() -> None:
    assert policy_for("officer").sees_names and policy_for("legal").sees_names
    assert not policy_for("analyst").sees_names and not policy_for("support").sees_names
