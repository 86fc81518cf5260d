"""Guards of the court track: civil injunctions, arrest under a power of arrest, committal."""

from __future__ import annotations

from typing import cast

from domain.calendar import add_months, local_date
from domain.guards import Decision, Failure, Guard, GuardKind, guard
from domain.instruments import Kind, S
from domain.person_facts import age_failure, cmd_field, pathway_of
from domain.text import day

HARD = GuardKind.HARD
INJUNCTION_STEPS = ("injunction_applied", "injunction_granted")


# ------------------------------------------------------------------ injunctions
@guard("injunction_minimum_age", HARD, "ASBCPA2014 s.1(1)",
       "An injunction only against a person aged 10 or over", *INJUNCTION_STEPS)
def _inj_age(d: Decision) -> Failure | None:
    return age_failure(d, d.rule_set.injunction_min_age, "a civil injunction")


def _is_youth(d: Decision) -> bool:
    age = pathway_of(d).age_at(d.at)
    return age is not None and age < 18


@guard("youth_injunction_requires_yot_consultation", HARD, "ASBCPA2014 s.14(1)-(2)",
       "For a respondent under 18 the youth offending team must be consulted first",
       *INJUNCTION_STEPS)
def _yot(d: Decision) -> Failure | None:
    if not _is_youth(d):
        return None
    if d.step == "injunction_applied" and cmd_field(d, "without_notice"):
        return None  # s.14(2): before the first on-notice hearing, checked on grant
    if d.step == "injunction_granted" and cmd_field(d, "interim"):
        return None
    # s.14: the consultation must be about this injunction (or general), not an earlier step.
    about = (None, "injunction_applied", "injunction_granted")
    if any(n.about_step in about for n in d.agg.notes_of("consultation:yot", before=d.at)):
        return None
    return Failure("The respondent is under 18 and no youth offending team consultation is recorded.",
                   "Consult the YOT and record it (consultation_recorded, body 'yot').")


@guard("youth_injunction_fixed_term", HARD, "ASBCPA2014 s.1(6)",
       "An injunction against a person under 18 has a fixed term of at most 12 months",
       "injunction_granted")
def _youth_term(d: Decision) -> Failure | None:
    if d.cmd is None or not _is_youth(d):
        return None
    expires = cmd_field(d, "expires_on")
    limit = add_months(local_date(d.at), d.rule_set.youth_injunction_max_months)
    if expires is None:
        return Failure("The respondent is under 18, so the injunction needs a fixed end date.",
                       f"Give an expiry date no later than {day(limit)}.")
    if expires > limit:  # type: ignore[operator]
        return Failure(f"Expiry {day(expires)} is more than 12 months after the grant.",  # type: ignore[arg-type]
                       f"Give an expiry date no later than {day(limit)}.")
    return None


@guard("positive_requirements_need_supervisor", HARD, "ASBCPA2014 s.3(1); SA2020 s.332",
       "Positive requirements must name the person responsible for supervising them",
       "injunction_applied", "injunction_granted", "cbo_granted")
def _supervisor(d: Decision) -> Failure | None:
    reqs = cmd_field(d, "positive_requirements") or cmd_field(d, "requirements")
    applied = d.target("instrument_id")
    supervisor = cmd_field(d, "supervisor") or (applied.supervisor if applied else None)
    if reqs and not supervisor:
        return Failure("Positive requirements are proposed but no supervisor is named.",
                       "Name the supervising individual or organisation, with their evidence "
                       "of suitability and enforceability (s.3(2)).")
    return None


@guard("without_notice_needs_justification", HARD, "ASBCPA2014 s.6; Moat Housing v Harris [2005]",
       "A without-notice application needs recorded justification", "injunction_applied")
def _without_notice(d: Decision) -> Failure | None:
    if cmd_field(d, "without_notice") and not cmd_field(d, "without_notice_justification"):
        return Failure("Without-notice relief is exceptional and no justification is recorded.",
                       "Record why notice cannot be given (urgency, risk of harm, victim fear).")
    return None


@guard("without_notice_interim_no_activities", HARD, "ASBCPA2014 s.7(2)",
       "An interim injunction made without notice may not require participation in activities",
       "injunction_granted")
def _interim_activities(d: Decision) -> Failure | None:
    applied = d.target("instrument_id")
    if d.cmd is None or applied is None or not applied.without_notice:
        return None
    if cmd_field(d, "interim") and cmd_field(d, "positive_requirements"):
        return Failure("The interim injunction was made without notice and imposes positive "
                       "requirements.",
                       "Remove the requirement to take part in activities until an on-notice "
                       "hearing.")
    return None


# ------------------------------------------------------------------ power of arrest (s.4)
GROUNDS = {
    "violence_or_threat": "the anti-social behaviour consists of or includes the use or "
    "threatened use of violence against other persons (s.4(1)(a))",
    "significant_risk_of_harm": "there is a significant risk of harm to other persons from "
    "the respondent (s.4(1)(b))",
}
POA_STEPS = ("injunction_applied", "injunction_granted", "injunction_varied")


def _texts(d: Decision, name: str) -> tuple[str, ...]:
    return cast("tuple[str, ...]", cmd_field(d, name) or ())


def _poa_wanted(d: Decision) -> bool:
    if d.step == "injunction_applied":
        return bool(cmd_field(d, "power_of_arrest_sought"))
    return bool(cmd_field(d, "power_of_arrest"))


@guard("power_of_arrest_requires_ground", HARD, "ASBCPA2014 s.4(1)",
       "A power of arrest only on a recorded ground: violence or its threat against others, "
       "or a significant risk of harm to others", *POA_STEPS)
def _poa_ground(d: Decision) -> Failure | None:
    if d.cmd is None or not _poa_wanted(d):
        return None
    stated = cmd_field(d, "power_of_arrest_ground")
    applied = d.target("instrument_id")
    ground = stated or (applied.power_of_arrest_ground if applied else None)
    if ground is None:
        return Failure(
            "A power of arrest is sought but no ground for it is recorded: the court may attach "
            "one only if the behaviour includes violence or threatened violence against other "
            "persons, or there is a significant risk of harm to other persons.",
            "Record power_of_arrest_ground ('violence_or_threat' or 'significant_risk_of_harm') "
            "with power_of_arrest_evidence, or proceed without a power of arrest.")
    if (stated or d.step == "injunction_applied") and not cmd_field(d, "power_of_arrest_evidence"):
        return Failure(f"The ground is stated ({GROUNDS[str(ground)]}) but not its evidence.",
                       "Record the evidence of the ground in power_of_arrest_evidence "
                       "(the incidents of violence or threats, or the risk assessment).")
    return None


@guard("power_of_arrest_not_on_activity_requirement", HARD, "ASBCPA2014 s.4(1)",
       "A power of arrest attaches to a prohibition or a requirement other than one to "
       "participate in particular activities", "injunction_granted")
def _poa_activities(d: Decision) -> Failure | None:
    if d.cmd is None or not cmd_field(d, "power_of_arrest"):
        return None
    attached = _texts(d, "power_of_arrest_terms")
    applied = d.target("instrument_id")
    activities, terms = set(_texts(d, "positive_requirements")), set(_texts(d, "terms"))
    if applied is not None:
        activities |= set(applied.positive_requirements)
        terms |= set(applied.terms)
    wrong = [t for t in attached if t in activities]
    if wrong:
        return Failure(
            f"The power of arrest is attached to a requirement to participate in particular "
            f"activities: \"{wrong[0]}\".",
            "Attach the power of arrest only to prohibitions (or other requirements); a failure "
            "to take part in activities is enforced by a warrant (s.10).")
    unknown = [t for t in attached if t not in terms]
    if unknown:
        return Failure(f"The power of arrest names a provision the injunction does not "
                       f"contain: \"{unknown[0]}\".",
                       "Name the provisions exactly as the injunction's terms state them.")
    return None


# ------------------------------------------------------------------ arrest and committal
@guard("arrest_requires_power_of_arrest", HARD, "ASBCPA2014 ss.4, 9(1)",
       "Arrest without warrant needs an injunction with a power of arrest", "arrested")
def _poa(d: Decision) -> Failure | None:
    if d.cmd is not None and cmd_field(d, "power") != "power_of_arrest":
        return None
    injunction = d.target("injunction_id")
    candidates = [injunction] if injunction else d.agg.of_kind(Kind.INJUNCTION)
    if not any(i.power_of_arrest and i.state in (S.GRANTED, S.INTERIM) for i in candidates):
        return Failure("No injunction granted with a power of arrest is recorded.",
                       "Arrest under a warrant (s.10) or for an offence (PACE s.24) instead.")
    return None


@guard("arrest_requires_injunction_in_force", HARD, "ASBCPA2014 ss.4(2), 9(1)",
       "The injunction and its power of arrest must be in force on the day of arrest", "arrested")
def _poa_in_date(d: Decision) -> Failure | None:
    if d.cmd is not None and cmd_field(d, "power") != "power_of_arrest":
        return None
    injunction = d.target("injunction_id")
    candidates = [injunction] if injunction else [
        i for i in d.agg.of_kind(Kind.INJUNCTION) if i.power_of_arrest
    ]
    if not candidates:
        return None  # reported by arrest_requires_power_of_arrest
    today = local_date(d.at)
    ended = []
    for inj in candidates:
        ends = [x for x in (inj.expires_on, inj.power_of_arrest_expires_on) if x is not None]
        if inj.state in (S.GRANTED, S.INTERIM) and (not ends or today <= min(ends)):
            return None
        if ends and today > min(ends):
            ended.append(min(ends))
    if ended:
        return Failure(f"The power of arrest ended on {day(max(ended))}.",
                       "Apply for a warrant (s.10) or to vary the injunction.")
    return Failure("The injunction is not in force.", "Apply for a warrant or a new injunction.")


@guard("committal_requires_recorded_breach", HARD, "CPR 81.4; ASBCPA2014 s.9",
       "Committal needs a recorded breach of the injunction", "committal_decided")
def _committal(d: Decision) -> Failure | None:
    arrest = d.target("instrument_id")
    arrests = [arrest] if arrest else d.agg.of_kind(Kind.ARREST)
    for a in arrests:
        inj = d.agg.instruments.get(a.parent_id) if a.parent_id else None
        if inj is not None and inj.breaches:
            return None
    return Failure("No breach of an injunction is recorded for this arrest.",
                   "Record the breach (breach_recorded on the injunction) with its evidence.")


#: The guards of this module, in the order they are evaluated.
GUARDS: tuple[Guard, ...] = (
    _inj_age,
    _yot,
    _youth_term,
    _supervisor,
    _without_notice,
    _interim_activities,
    _poa_ground,
    _poa_activities,
    _poa,
    _poa_in_date,
    _committal,
)
