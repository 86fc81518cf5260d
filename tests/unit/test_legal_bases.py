"""Every legal basis a user or a court reads cites the law: an Act with its section, a court
rule, or named guidance; never an internal document."""

from __future__ import annotations

import re

import pytest

from domain import bases, notices, rules_soft, steps
from domain.deadlines import TIMERS
from domain.registry import GUARDS

#: Sources a basis may cite (statutes by their short names, rules of court, named guidance).
SOURCE = re.compile(
    r"ASBCPA2014 (s\.|ss\.|Part )|CDA 1998 s\.|SA2020 (s\.|ss\.|Part )|"
    r"Magistrates' Courts Act 1980 s|MCA 1980 s\.|CPA 2026|HRA 1998 Sch\.1|"
    r"Equality Act 2010 s|PACE 1984 s\.|Civil Evidence Act 1995 s|DPA 2018 s\.|UK GDPR Art|"
    r"CPR (Part |r?\d)|statutory guidance for frontline professionals \(Home Office, 2023\)|"
    r"ASB Principles 2022"
)
INTERNAL = re.compile(r"DESIGN|DOMAIN|\.md\b|shared/|issue|session", re.IGNORECASE)
#: A notice's contents cite a section of the Act under which it is issued, or a rule.
SECTION = re.compile(r"^(s\.|ss\.)\d+|^CPR ")


def _bases() -> list[tuple[str, str]]:
    found = [(f"step {s.name}", s.legal_basis) for s in steps.LOGGED.values()]
    for s in steps.LOGGED.values():
        found += [(f"step {s.name} for {k.value}", b) for k, b in s.basis_by_kind]
        found += [(f"step {s.name} about {a}", b) for a, b in s.basis_by_about]
    found += [(f"guard {g.code}", g.legal_basis) for g in GUARDS.values()]
    found += [(f"timer {t.code}", t.legal_basis) for t in TIMERS.values()]
    found += [(f"lesser measures before {s}", b) for s, b in rules_soft.LESSER_BASES.items()]
    found += [(f"breach of a {k.value} in force", b) for k, b in bases.IN_FORCE.items()]
    return found


@pytest.mark.parametrize(("where", "basis"), _bases())
def test_every_legal_basis_cites_an_act_a_rule_or_named_guidance(where: str, basis: str) -> None:
    assert not INTERNAL.search(basis), f"{where} cites an internal document: {basis}"
    assert SOURCE.search(basis), f"{where} cites no Act, rule or named guidance: {basis}"


NOTICE_CONTENTS = [
    (f"{n.name}: {c.text}", c.basis) for n in (
        notices.CPW, notices.CPN, notices.FPN, notices.DISPERSAL, notices.CLOSURE_NOTICE,
        notices.CLOSURE_ORDER, notices.INJUNCTION)
    for c in n.contents
]


@pytest.mark.parametrize(("item", "basis"), NOTICE_CONTENTS)
def test_every_required_content_of_a_notice_cites_its_section(item: str, basis: str) -> None:
    assert SECTION.search(basis), f"{item} cites no section: {basis}"
    assert not INTERNAL.search(basis)


def test_a_breach_is_recorded_under_the_provision_of_the_instrument_breached() -> None:
    spec = steps.ALL[steps.BREACH_RECORDED]
    assert spec.basis_for(None, (steps.Kind.CPN,)) == "ASBCPA2014 s.48(1)"
    assert spec.basis_for(None, (steps.Kind.CBO,)) == "SA2020 s.339(1)"
    assert spec.basis_for(None, (steps.Kind.DISPERSAL,)) == "ASBCPA2014 s.39(1)"


class _About:
    def __init__(self, about: str | None) -> None:
        self.about_step = about


@pytest.mark.parametrize(("about", "basis"), [
    ("cpn_issued", "ASBCPA2014 s.43(6)"),
    ("injunction_applied", "ASBCPA2014 s.14(1)"),
    ("closure_notice_issued", "ASBCPA2014 s.76(7)"),
])
def test_a_consultation_cites_the_duty_of_the_step_it_is_for(about: str, basis: str) -> None:
    assert steps.ALL[steps.CONSULTATION_RECORDED].basis_for(_About(about)) == basis


def test_the_contents_check_names_no_field_a_user_cannot_record() -> None:
    """A requirement without a check names the field that would record it; for CPWs and FPNs
    every requirement is now recordable, so none names a missing field."""
    for notice in (notices.CPW, notices.FPN):
        assert all(c.check and not c.lacks for c in notice.contents), notice.name
