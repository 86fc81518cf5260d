"""Guards of the person track: warnings, CPWs and CPNs, fixed penalties, injunctions, arrest
and breach, criminal behaviour orders. Codes are stable: features/ tag them."""

from __future__ import annotations

from typing import cast

from domain.bases import CASE_BASIS, IN_FORCE, OVERRIDE_BASIS
from domain.calendar import (
    after_hours, cpn_appeal_deadline, fpn_period_end, local_date,
)
from domain.conduct import continuing_conduct, other_conduct, same_conduct
from domain.guards import Decision, Failure, Guard, GuardKind, guard
from domain.person_facts import age_failure, cmd_field, pathway_of
from domain.instruments import LABELS, Kind, S, next_state
from domain.steps import ALL, PERSON
from domain.text import day, when
from domain.values import POLICE_ORDER, Rank, police_at_least

HARD, SOFT = GuardKind.HARD, GuardKind.SOFT


# ------------------------------------------------------------------ lifecycle
def _lifecycle(d: Decision) -> Failure | None:
    spec = ALL[d.step]
    for target in spec.targets:
        inst = d.target(target.field)
        kinds = " or ".join(LABELS[k] for k in sorted(target.kinds, key=lambda k: k.value))
        if inst is None:
            if target.optional or d.cmd is not None:
                continue
            if not d.agg.of_kind(*target.kinds):
                return Failure(f"There is no {kinds} on this {d.agg.KIND}.",
                               f"Record the {kinds} first.")
            return Failure(f"No {kinds} on this {d.agg.KIND} is still open for '{d.step}'.",
                           "See the instruments' states; closed ones cannot move on.")
        if d.cmd is None and target.possible:
            triggers: tuple[str, ...] = target.possible
        else:
            one = target.trigger_for(d.cmd)
            triggers = () if one is None else (one,)
        if triggers and all(next_state(inst.kind, inst.state, t) is None for t in triggers):
            return Failure(
                f"The {LABELS[inst.kind]} is {inst.state.value.replace('_', ' ')}; "
                f"'{d.step}' is not possible from that state.",
                "Check which instrument the step refers to; see next steps for what is possible.",
            )
    return None


def _lifecycle_basis(d: Decision) -> str:
    """The provision of the step refused, for the instrument it names (s.46 for an appeal)."""
    kinds = tuple(i.kind for i in d.targets.values())
    return ALL[d.step].basis_for(d.cmd, kinds)


_instrument_lifecycle = guard(
    "instrument_lifecycle", HARD,
    "ASBCPA2014 Parts 1 and 4; SA2020 Part 11 Ch.1 (each instrument's own sections)",
    "The step must be possible from the instrument's current state",
    *[s.name for s in ALL.values() if s.targets], basis_of=_lifecycle_basis)(_lifecycle)


# ------------------------------------------------------------------ CPW / CPN
@guard("cpw_minimum_age", HARD, "ASBCPA2014 s.43(1)", "CPW only to a person aged 16 or over",
       "cpw_issued")
def _cpw_age(d: Decision) -> Failure | None:
    return age_failure(d, d.rule_set.cpn_min_age, "a Community Protection Warning")


@guard("cpn_minimum_age", HARD, "ASBCPA2014 s.43(1)", "CPN only to a person aged 16 or over",
       "cpn_issued")
def _cpn_age(d: Decision) -> Failure | None:
    return age_failure(d, d.rule_set.cpn_min_age, "a Community Protection Notice")


def _warnings(d: Decision) -> list:  # type: ignore[type-arg]
    chosen = d.target("warning_id")
    if chosen is not None:
        return [chosen]
    return [w for w in d.agg.of_kind(Kind.CPW) if w.state is S.ISSUED]


@guard("cpn_requires_prior_warning", HARD, "ASBCPA2014 s.43(5)(a)",
       "A CPN needs a prior written warning (CPW) about the same conduct", "cpn_issued")
def _prior_warning(d: Decision) -> Failure | None:
    warnings = _warnings(d)
    if not warnings:
        return Failure("No Community Protection Warning has been given to this subject.",
                       "Issue a CPW stating the conduct, what must change and by when.")
    conduct = cmd_field(d, "conduct")
    named = cast("tuple[str, ...]", cmd_field(d, "conduct_categories") or ())
    w = warnings[0]
    text = conduct if isinstance(conduct, str) else None
    if not same_conduct(w, text, named):
        return other_conduct(w, text, named)
    if w.opened_at > d.at:
        return Failure("The warning was given after the date of this notice.",
                       "Check the dates of the warning and the notice.")
    return None


@guard("cpn_before_warning_deadline", HARD, "ASBCPA2014 s.43(5)(b)",
       "A CPN only after the warning's time to comply has passed", "cpn_issued")
def _warning_deadline(d: Decision) -> Failure | None:
    for w in _warnings(d)[:1]:
        if w.comply_by is not None and d.at < w.comply_by:
            return Failure(
                f"The warning gives until {when(w.comply_by)} to comply; the subject has not yet "
                "had the time the warning allowed.",
                f"A CPN may be issued from {when(w.comply_by)} if the conduct continues.",
                earliest=w.comply_by,
            )
    return None


@guard("cpn_requires_continuing_conduct", HARD, "ASBCPA2014 s.43(5)(b)-(c)",
       "Conduct must have continued after the warning's deadline", "cpn_issued")
def _continuing(d: Decision) -> Failure | None:
    named = cast("tuple[str, ...]", cmd_field(d, "conduct_categories") or ())
    for w in _warnings(d)[:1]:
        if continuing_conduct(d.agg.incidents, w, d.at, named):
            continue
        since = w.comply_by or w.opened_at
        wanted = named or w.conduct_categories
        of = f" of {', '.join(wanted)}" if wanted else ""
        return Failure(
            f"No incident{of} is linked to this pathway after {when(since)}, so there is no "
            "evidence the conduct continued after the warning.",
            f"Link an incident{of} that occurred after {when(since)}.",
            earliest=since,
        )
    return None


@guard("cpn_appeal_out_of_time", HARD, "ASBCPA2014 s.46(2)",
       "A CPN appeal must be made within 21 days beginning with the day of issue",
       "cpn_appeal_lodged")
def _appeal_time(d: Decision) -> Failure | None:
    cpn = d.target("instrument_id")
    if cpn is None:
        return None
    deadline = cpn_appeal_deadline(cpn.opened_at)
    if d.at >= deadline:
        return Failure(f"The appeal period ended at {when(deadline)}.",
                       "A late appeal cannot be recorded as a s.46 appeal; seek legal advice.")
    return None


# ------------------------------------------------------------------ FPN and prosecution
@guard("fpn_requires_cpn_breach", HARD, "ASBCPA2014 s.52(1)",
       "An FPN only for a recorded failure to comply with a CPN", "fpn_issued")
def _fpn_breach(d: Decision) -> Failure | None:
    notice = d.target("notice_id")
    notices = [notice] if notice else d.agg.of_kind(Kind.CPN)
    breached = [n for n in notices if n.breaches]
    if any(n.state is not S.QUASHED for n in breached):
        return None
    if breached:
        quashed = [at for _, state, at in breached[-1].history if state is S.QUASHED]
        on = f" on {day(local_date(quashed[-1]))}" if quashed else ""
        return Failure(
            f"The Community Protection Notice was quashed on appeal{on}; a breach of a quashed "
            "notice cannot found a fixed penalty.",
            "Do not offer a fixed penalty; if the conduct continues, begin again with a warning.")
    return Failure("No breach of a Community Protection Notice has been recorded.",
                   "Record the breach of the CPN (breach_recorded) with its evidence first.")


@guard("fpn_one_per_breach", HARD, "ASBCPA2014 s.52(1)-(2)",
       "One fixed penalty per breach: a further FPN needs a further breach", "fpn_issued")
def _fpn_per_breach(d: Decision) -> Failure | None:
    notice = d.target("notice_id")
    if notice is None or not notice.breaches:
        return None
    fpns = [f for f in d.agg.of_kind(Kind.FPN) if f.parent_id == notice.id]
    last = max(fpns, key=lambda f: f.opened_version, default=None)
    if last is None or notice.breaches[-1] > last.opened_version:
        return None
    return Failure(
        f"The breach recorded in entry {notice.breaches[-1]} already has the fixed penalty "
        f"of {day(local_date(last.opened_at))} (entry {last.opened_version}); an FPN offers "
        "to discharge liability for one offence.",
        "Record the FPN's payment or prosecute once its period ends; a new FPN needs a new "
        "breach recorded after it.")


@guard("fpn_amount_cap", HARD, "ASBCPA2014 s.52(7)",
       "An FPN may not exceed the maximum in force", "fpn_issued")
def _fpn_cap(d: Decision) -> Failure | None:
    amount = cmd_field(d, "amount")
    cap = d.rule_set.fpn_max_pounds
    if amount is not None and amount > cap:  # type: ignore[operator]
        return Failure(f"£{amount} is above the £{cap} maximum under rule set {d.rule_set.id}.",
                       f"Set the amount at £{cap} or less.")
    return None


@guard("prosecution_during_fpn_period", HARD, "ASBCPA2014 s.52(3)",
       "No proceedings during the 14 days following an FPN, nor after it is paid in time",
       "prosecution_started")
def _fpn_period(d: Decision) -> Failure | None:
    related = d.target("relates_to")
    if related is None:
        return None
    fpns = [related] if related.kind is Kind.FPN else [
        f for f in d.agg.of_kind(Kind.FPN) if f.parent_id == related.id
    ]
    for fpn in fpns:
        end = fpn_period_end(fpn.opened_at)
        paid = next((at for _, s, at in fpn.history if s is S.PAID), None)
        if paid is not None and paid < end:
            return Failure(f"The FPN of {day(local_date(fpn.opened_at))} was paid in time on "
                           f"{day(local_date(paid))}; no one may be convicted of that breach.",
                           "Prosecute only a later, separate breach.")
        if paid is None and d.at < end:
            return Failure(f"The FPN of {day(local_date(fpn.opened_at))} protects the subject "
                           f"from proceedings until {when(end)}.",
                           f"Proceedings may start from {when(end)} if the FPN is unpaid.",
                           earliest=end)
    return None


@guard("cbo_requires_conviction", HARD, "SA2020 s.331(1)-(3)",
       "A CBO is made only on conviction", "cbo_granted")
def _cbo_conviction(d: Decision) -> Failure | None:
    prosecution = d.target("prosecution_id")
    done = [prosecution] if prosecution else d.agg.of_kind(Kind.PROSECUTION)
    if not any(p.state is S.CONVICTED for p in done):
        return Failure("No conviction is recorded for this prosecution.",
                       "Record the conviction (conviction_recorded) first.")
    return None


# ------------------------------------------------------------------ dispersal
@guard("dispersal_minimum_age", HARD, "ASBCPA2014 s.36(1)",
       "No dispersal direction to a person who appears to be under 10", "dispersal_direction_given")
def _dispersal_age(d: Decision) -> Failure | None:
    age = pathway_of(d).age_at(d.at)
    if age is not None and age < 10:
        return Failure(f"The subject is {age}.", "Take the child home or to a place of safety.")
    return None


@guard("dispersal_requires_inspector_authorisation", HARD, "ASBCPA2014 s.34(1)",
       "A dispersal authorisation needs an inspector or above", "dispersal_direction_given")
def _dispersal_auth(d: Decision) -> Failure | None:
    rank = cmd_field(d, "authorised_by_rank")
    if isinstance(rank, Rank) and not police_at_least(rank, Rank.INSPECTOR):
        return Failure(f"The authorisation was given by a {rank.value.replace('_', ' ')}.",
                       "An inspector or above must authorise the use of s.35 in the locality.")
    return None


@guard("dispersal_given_by_constable", HARD, "ASBCPA2014 ss.35(1), 40",
       "A dispersal direction is given by a constable in uniform or a designated PCSO",
       "dispersal_direction_given")
def _dispersal_giver(d: Decision) -> Failure | None:
    rank = d.actor.rank
    if rank is not None and rank in {r.value for r in POLICE_ORDER}:
        return None
    shown = rank.replace("_", " ") if rank else "no recorded rank"
    return Failure(f"The direction is recorded by a user with {shown}.",
                   "A constable in uniform, or a PCSO designated under s.40, must give it; "
                   "record it under their account.")


@guard("dispersal_max_exclusion", HARD, "ASBCPA2014 s.35(4)",
       "Exclusion may not exceed the maximum period in force", "dispersal_direction_given")
def _dispersal_hours(d: Decision) -> Failure | None:
    hours = cmd_field(d, "exclusion_hours")
    cap = d.rule_set.dispersal_max_hours
    if isinstance(hours, int) and hours > cap:
        return Failure(f"{hours} hours exceeds the {cap}-hour maximum under {d.rule_set.id}.",
                       f"Exclude for {cap} hours or less.")
    return None


# ------------------------------------------------------------------ governance
@guard("override_requires_supervisor", HARD, OVERRIDE_BASIS,
       "Only a supervisor may override a SOFT guard", "override_authorised")
def _override(d: Decision) -> Failure | None:
    if d.actor.role != "supervisor":
        return Failure(f"The user's role is {d.actor.role}.", "Ask a supervisor to authorise it.")
    return None


# ------------------------------------------------------------------ breaches
def _in_force_basis(d: Decision) -> str | None:
    inst = d.target("instrument_id")
    return IN_FORCE.get(inst.kind) if inst is not None else None


@guard("breach_outside_instrument_period", HARD,
       "ASBCPA2014 s.1(6) (injunction), ss.35(4), 39(1) (dispersal), s.48(1) (CPN); "
       "SA2020 s.339(1) (CBO)",
       "A breach can only happen while the instrument binds the subject", "breach_recorded",
       basis_of=_in_force_basis)
def _breach_period(d: Decision) -> Failure | None:
    inst = d.target("instrument_id")
    if inst is None:
        return None
    # An injunction binds from its grant, not from the application.
    made = next((at for _, s, at in inst.history if s in (S.GRANTED, S.INTERIM)), None)
    made = made if inst.kind in (Kind.INJUNCTION, Kind.RESPECT_ORDER) else inst.opened_at
    if made is None or d.at < made:
        return Failure(f"The {LABELS[inst.kind]} was not in force at {when(d.at)}"
                       + (f"; it was made at {when(made)}." if made else "."),
                       "Record the conduct as an incident; a breach needs an order in force.")
    if inst.kind is Kind.DISPERSAL and inst.duration_hours:
        ended = after_hours(inst.opened_at, inst.duration_hours)
        if d.at > ended:
            return Failure(f"The exclusion ended at {when(ended)}.",
                           "Conduct after the exclusion is not a s.39 offence; record an incident.")
    if inst.expires_on is not None and local_date(d.at) > inst.expires_on:
        return Failure(f"The {LABELS[inst.kind]} expired on {day(inst.expires_on)}.",
                       "Record the conduct as an incident; consider a new application.")
    return None


# ------------------------------------------------------------------ open and closed pathways
# New enforcement needs an open pathway; facts about existing instruments (a payment, a court
# outcome) are still recorded after closure, so nothing that happened is lost.
_WHILE_OPEN = tuple(
    s.name for s in ALL.values()
    if (s.opens is not None or s.name == "pathway_closed")
    and s.name != "support_referral_made" and s.name in PERSON
)


@guard("pathway_is_closed", HARD, CASE_BASIS,
       "Enforcement steps are recorded only on an open pathway", *_WHILE_OPEN)
def _closed(d: Decision) -> Failure | None:
    outcome = pathway_of(d).closed_outcome
    if outcome is None:
        return None
    return Failure(f"The pathway was closed ({outcome}).",
                   "Reopen the pathway (pathway_reopened) with the reason, then record the step.")


@guard("pathway_reopen_needs_closed_pathway", HARD, CASE_BASIS,
       "Only a closed pathway can be reopened", "pathway_reopened")
def _reopen(d: Decision) -> Failure | None:
    if pathway_of(d).closed_outcome is None:
        return Failure("The pathway is open.", "Record the step directly; nothing to reopen.")
    return None


#: The guards of this module, in the order they are evaluated.
GUARDS: tuple[Guard, ...] = (
    _instrument_lifecycle,
    _cpw_age,
    _cpn_age,
    _prior_warning,
    _warning_deadline,
    _continuing,
    _appeal_time,
    _fpn_breach,
    _fpn_per_breach,
    _fpn_cap,
    _fpn_period,
    _cbo_conviction,
    _dispersal_age,
    _dispersal_auth,
    _dispersal_giver,
    _dispersal_hours,
    _override,
    _breach_period,
    _closed,
    _reopen,
)
