"""What every person-track guard asks of a decision: the pathway, a command field, the
subject's age against a statutory minimum."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from domain.calendar import add_months
from domain.guards import Decision, Failure
from domain.text import day

if TYPE_CHECKING:  # the aggregate imports the registry, which imports these rules
    from domain.pathway import Pathway

def pathway_of(d: Decision) -> Pathway:
    """The stream as a pathway: these guards govern person steps only."""
    return cast("Pathway", d.agg)


def cmd_field(d: Decision, name: str) -> object:
    return None if d.cmd is None else getattr(d.cmd, name, None)


def age_failure(d: Decision, minimum: int, what: str) -> Failure | None:
    age = pathway_of(d).age_at(d.at)
    if age is None:
        return Failure(
            f"The subject's date of birth is not recorded, so {what} cannot be shown to be lawful.",
            "Record the subject's date of birth on the pathway.",
        )
    subject = pathway_of(d).subject
    if age < minimum and subject is not None and subject.date_of_birth is not None:
        eligible = add_months(subject.date_of_birth, 12 * minimum)
        return Failure(
            f"The subject is {age}; {what} needs a person aged {minimum} or over "
            f"(rule set {d.rule_set.id}).",
            f"Not available before {day(eligible)} (their {minimum}th birthday); "
            "consider early intervention and support.",
        )
    return None
