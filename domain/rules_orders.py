"""Guards of orders made by a criminal court on conviction (SA2020 Part 11 Ch.1) and of the
Respect Order the Crime and Policing Act 2026 inserts into the 2014 Act (Part A1)."""

from __future__ import annotations

from datetime import date, timedelta

from domain.calendar import add_months, age_on, local_date
from domain.guards import Decision, Failure, Guard, GuardKind, guard
from domain.person_facts import cmd_field, pathway_of
from domain.text import day

HARD = GuardKind.HARD


def _age_on(d: Decision, when: date) -> int | None:
    subject = pathway_of(d).subject
    if subject is None or subject.date_of_birth is None:
        return None
    return age_on(subject.date_of_birth, when)


# ------------------------------------------------------------------ criminal behaviour orders
@guard("cbo_youth_requires_yot_views", HARD, "SA2020 s.331(5)",
       "For an offender under 18 the prosecution finds out the youth offending team's views "
       "before applying", "cbo_granted")
def _cbo_yot(d: Decision) -> Failure | None:
    age = pathway_of(d).age_at(d.at)
    if age is None or age >= 18:
        return None
    about = (None, "cbo_granted")
    if any(n.about_step in about for n in d.agg.notes_of("consultation:yot", before=d.at)):
        return None
    return Failure(f"The offender is {age} and no record shows the youth offending team's "
                   "views were found out before the application.",
                   "Record the YOT's views (consultation_recorded, body 'yot', about_step "
                   "'cbo_granted') before the order is applied for.")


def _last_day(made: date, months: int) -> date:
    """The last day of a period of `months` beginning with `made`."""
    return add_months(made, months) - timedelta(days=1)


@guard("cbo_duration", HARD, "SA2020 s.334",
       "A CBO lasts a fixed 1 to 3 years if made before 18; otherwise at least 2 years, "
       "or indefinitely", "cbo_granted", "cbo_varied")
def _cbo_duration(d: Decision) -> Failure | None:
    if d.cmd is None:
        return None
    order = d.target("instrument_id") if d.step == "cbo_varied" else None
    if order is not None and cmd_field(d, "expires_on") is None:
        return None  # the variation leaves the period as it was
    made = local_date(order.opened_at) if order is not None else local_date(d.at)
    expires = cmd_field(d, "expires_on")
    age = _age_on(d, made)
    if age is not None and age < 18:
        low, high = _last_day(made, 12), _last_day(made, 36)
        if not isinstance(expires, date) or not low <= expires <= high:
            given = f"ends {day(expires)}" if isinstance(expires, date) else "has no end date"
            return Failure(f"The offender was {age} when the order was made ({day(made)}); "
                           f"the order {given}, but it must be a fixed period of 1 to 3 years.",
                           f"Give an end date from {day(low)} to {day(high)}.")
        return None
    low = _last_day(made, 24)
    if isinstance(expires, date) and expires < low:
        return Failure(f"The order ends {day(expires)}, less than 2 years after it was made "
                       f"({day(made)}).",
                       f"Give an end date on or after {day(low)}, or make it indefinite "
                       "(no end date).")
    return None


# ------------------------------------------------------------------ Respect Orders (2026 Act)
RESPECT_STEPS = ("respect_order_applied", "respect_order_granted")


@guard("respect_order_not_in_force", HARD,
       "Crime and Policing Act 2026 (ASBCPA2014 Part A1); commencement regulations",
       "A Respect Order only where the rule set in force provides for it", *RESPECT_STEPS)
def _respect_in_force(d: Decision) -> Failure | None:
    if d.rule_set.respect_orders:
        return None
    return Failure(f"Respect Orders are not in force under rule set {d.rule_set.id} "
                   f"({d.rule_set.title}): the 2026 Act's Part A1 has not been commenced.",
                   "Apply for a civil injunction (ASBCPA2014 s.1) instead, or switch on the "
                   "cpa2026 rule set once commencement regulations (or a pilot) apply.")


@guard("respect_order_adults_only", HARD, "ASBCPA2014 Part A1 (inserted by CPA2026)",
       "A Respect Order only against a person aged 18 or over", *RESPECT_STEPS)
def _respect_adult(d: Decision) -> Failure | None:
    age = pathway_of(d).age_at(d.at)
    if age is None:
        return Failure("The respondent's date of birth is not recorded, so they cannot be shown "
                       "to be an adult.", "Record the subject's date of birth on the pathway.")
    if age < 18:
        return Failure(f"The respondent is {age}; a Respect Order is for adults only.",
                       "For a respondent under 18 apply for a civil injunction (ASBCPA2014 s.1), "
                       "consulting the youth offending team (s.14).")
    return None


@guard("respect_order_requirements_need_supervisor", HARD,
       "ASBCPA2014 Part A1 (inserted by CPA2026)",
       "Requirements in a Respect Order name the person who supervises them", *RESPECT_STEPS)
def _respect_supervisor(d: Decision) -> Failure | None:
    applied = d.target("instrument_id")
    reqs = cmd_field(d, "requirements") or (applied.positive_requirements if applied else ())
    who = cmd_field(d, "supervisor") or (applied.supervisor if applied else None)
    if reqs and not who:
        return Failure("The Respect Order has requirements but no supervisor is named.",
                       "Name the individual or organisation responsible for supervising "
                       "compliance with each requirement.")
    if d.step == "respect_order_applied" and d.cmd is not None and not (
            cmd_field(d, "prohibitions") or reqs):
        return Failure("The application proposes no prohibition or requirement.",
                       "State each prohibition or requirement the order should contain.")
    return None


#: The guards of this module, in the order they are evaluated.
GUARDS: tuple[Guard, ...] = (
    _cbo_yot,
    _cbo_duration,
    _respect_in_force,
    _respect_adult,
    _respect_supervisor,
)
