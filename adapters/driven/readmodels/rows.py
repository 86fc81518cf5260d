"""Rows of the read models, derived from events and from the aggregates they build.

Pure functions: no I/O. Strings are cleaned of NUL characters, which PostgreSQL text
columns refuse; a read model must never be unable to store an event the log accepted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from domain import steps
from domain.deadlines import deadlines as stream_deadlines
from domain.events.base import DomainEvent
from domain.instruments import LABELS, SEVERITY, Kind, is_live
from domain.model import Pathway, Place
from domain.records import Instrument
from domain.steps import ALL as STEP_SPECS

Row = dict[str, Any]
AgencyOf = Callable[[int], str]  # stream version -> agency that recorded it

OPENING_LABELS = {
    steps.PATHWAY_OPENED: "Pathway opened",
    steps.PLACE_REGISTERED: "Place registered",
    steps.INCIDENT_REPORTED: "Incident reported",
}


def clean(value: Any) -> Any:
    """The value with NUL characters replaced (recursively), everything else unchanged."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, list | tuple):
        return [clean(v) for v in value]
    if isinstance(value, dict):
        return {clean(k): clean(v) for k, v in value.items()}
    return value


def clean_row(row: Row) -> Row:
    return {k: clean(v) for k, v in row.items()}


def step_label(step: str) -> str:
    spec = STEP_SPECS.get(step)
    return spec.label if spec is not None else OPENING_LABELS.get(step, step)


def chronology_row(event: DomainEvent, stream_kind: str, notification_id: int | None) -> Row:
    return clean_row({
        "stream_id": event.originator_id,
        "version": event.originator_version,
        "stream_kind": stream_kind,
        "notification_id": notification_id,
        "step": event.step,
        "label": step_label(event.step),
        "occurred_at": event.occurred_at,
        "precision": event.precision.value,
        "occurred_until": event.occurred_until,
        "recorded_at": event.recorded_at,
        "actor": event.actor,
        "agency": event.agency,
        "role": event.role,
        "rank": event.rank,
        "legal_basis": event.legal_basis,
        "rule_set": event.rule_set,
        "rationale": event.rationale,
        "evidence": [e.model_dump(mode="json") for e in event.evidence],
        "payload": event.payload(),
        "hash": event.hash,
        "corrected_by_version": None,
    })


NOTE_STEPS: dict[str, tuple[str, str]] = {
    # step: (note kind, id field)
    steps.EARLY_INTERVENTION: ("early_intervention", "intervention_id"),
    steps.CONSULTATION_RECORDED: ("consultation", "consultation_id"),
    steps.PROPORTIONALITY_ASSESSED: ("assessment", "assessment_id"),
    steps.ENVIRONMENTAL_MEASURE_RECORDED: ("environmental_measure", "measure_id"),
    steps.OBJECTIVE_SET: ("objective", "objective_id"),
    steps.OUTCOME_REVIEW_HELD: ("outcome_review", "objective_id"),
}


def note_row(event: DomainEvent) -> Row | None:
    """A row of rm_notes for assessments, consultations, interventions and the like."""
    found = NOTE_STEPS.get(event.step)
    if found is None:
        return None
    kind, id_field = found
    p = event.payload()
    about, flag, summary = None, False, ""
    if event.step == steps.EARLY_INTERVENTION:
        about, summary = p["kind"], p.get("outcome") or p["kind"].replace("_", " ")
    elif event.step == steps.CONSULTATION_RECORDED:
        about, summary = p.get("about_step"), f"{p['body']}: {p.get('outcome') or 'consulted'}"
        kind = f"consultation:{p['body']}"
    elif event.step == steps.PROPORTIONALITY_ASSESSED:
        about, flag, summary = p.get("for_step"), bool(p["disability_indicated"]), p["conclusion"]
    elif event.step == steps.ENVIRONMENTAL_MEASURE_RECORDED:
        summary = p["measure"]
    elif event.step == steps.OBJECTIVE_SET:
        summary = f"{p['description']} (target {p['target_reduction_percent']}% reduction)"
    elif event.step == steps.OUTCOME_REVIEW_HELD:
        summary = (f"{p['months']}-month review: {p['incidents_before']} incidents before, "
                   f"{p['incidents_after']} after")
    return clean_row({
        "stream_id": event.originator_id,
        "version": event.originator_version,
        "note_id": UUID(p[id_field]),
        "kind": kind,
        "occurred_at": event.occurred_at,
        "about_step": about,
        "flag": flag,
        "summary": summary,
        "agency": event.agency,
    })


def incident_row(event: DomainEvent) -> Row:
    p = event.payload()
    return clean_row({
        "id": event.originator_id,
        "occurred_at": event.occurred_at,
        "precision": event.precision.value,
        "recorded_at": event.recorded_at,
        "category": p["category"],
        "location": p["location"],
        "description": p["description"],
        "source": p["source"],
        "reference": p.get("reference"),
        "place_id": UUID(p["place_id"]) if p.get("place_id") else None,
        "subject_pathway_ids": p.get("subject_pathway_ids", []),
        "agency": event.agency,
        "actor": event.actor,
        "version": event.originator_version,
    })


def _history(inst: Instrument) -> list[list[Any]]:
    return [[v, s.value, at.isoformat()] for v, s, at in inst.history]


def instrument_row(stream_id: Any, stream_kind: str, inst: Instrument, agency: str) -> Row:
    return clean_row({
        "stream_id": stream_id,
        "instrument_id": inst.id,
        "stream_kind": stream_kind,
        "kind": inst.kind.value,
        "label": LABELS[inst.kind],
        "state": inst.state.value,
        "live": is_live(inst.state),
        "severity": SEVERITY[inst.kind],
        "opened_version": inst.opened_version,
        "opened_at": inst.opened_at,
        "agency": agency,
        "rule_set": inst.rule_set,
        "parent_id": inst.parent_id,
        "conduct": inst.conduct,
        "comply_by": inst.comply_by,
        "expires_on": inst.expires_on,
        "granted_on": inst.granted_on,
        "power_of_arrest": inst.power_of_arrest,
        "power_of_arrest_expires_on": inst.power_of_arrest_expires_on,
        "amount": None if inst.amount is None else str(inst.amount),
        "interim": inst.interim,
        "without_notice": inst.without_notice,
        "duration_hours": inst.duration_hours,
        "hearing_at": inst.hearing_at,
        "supervisor": inst.supervisor,
        "terms": list(inst.terms),
        "positive_requirements": list(inst.positive_requirements),
        "detail": inst.detail,
        "breaches": len(inst.breaches),
        "history": _history(inst),
    })


def referral_row(stream_id: Any, stream_kind: str, inst: Instrument, agency: str) -> Row:
    return clean_row({
        "stream_id": stream_id,
        "referral_id": inst.id,
        "stream_kind": stream_kind,
        "service": inst.detail,
        "state": inst.state.value,
        "live": is_live(inst.state),
        "offered_at": inst.opened_at,
        "updated_at": inst.history[-1][2] if inst.history else inst.opened_at,
        "agency": agency,
        "history": _history(inst),
    })


def stream_name(agg: Pathway | Place) -> str:
    if isinstance(agg, Pathway):
        return agg.subject.name if agg.subject is not None else ""
    return agg.name


def derived_rows(agg: Pathway | Place, agency_of: AgencyOf) -> dict[str, list[Row]]:
    """Instruments, referrals, overrides and deadlines of a pathway or place, as rows."""
    kind = agg.KIND
    out: dict[str, list[Row]] = {"instruments": [], "referrals": [], "overrides": [],
                                 "deadlines": [], "shares": []}
    for inst in agg.instruments.values():
        agency = agency_of(inst.opened_version)
        if inst.kind is Kind.REFERRAL:
            out["referrals"].append(referral_row(agg.id, kind, inst, agency))
        else:
            out["instruments"].append(instrument_row(agg.id, kind, inst, agency))
    for o in agg.overrides:
        out["overrides"].append(clean({
            "stream_id": agg.id, "override_id": o.id, "version": o.version,
            "for_step": o.for_step, "guard_code": o.guard_code, "reason": o.reason,
            "actor": o.actor, "used_by_version": o.used_by_version,
        }))
    for share in agg.shares.values():
        out["shares"].append(clean({"stream_id": agg.id, **share.model_dump()}))
    name = stream_name(agg)
    for d in stream_deadlines(agg):
        inst = agg.instruments[d.instrument_id]
        out["deadlines"].append(clean({
            "stream_id": agg.id, "instrument_id": d.instrument_id, "code": d.code,
            "stream_kind": kind, "stream_name": name, "instrument_kind": inst.kind.value,
            "label": d.label, "legal_basis": d.legal_basis, "duty": d.duty,
            "agency": agency_of(inst.opened_version), "starts_at": d.starts_at,
            "due_at": d.due_at, "met_at": d.met_at,
        }))
    return out


def pathway_row(agg: Pathway, last: DomainEvent, opened_by_agency: str) -> Row:
    subject = agg.subject
    name = subject.name if subject else ""
    pseudonym = subject.pseudonym if subject else None
    search = " ".join([name, pseudonym or "", *agg.issue_tags, agg.conduct_summary]).lower()
    assert agg.opened_at is not None
    return clean_row({
        "id": agg.id,
        "subject_name": name,
        "date_of_birth": subject.date_of_birth if subject else None,
        "pseudonym": pseudonym,
        "vulnerabilities": list(subject.vulnerabilities) if subject else [],
        "conduct_summary": agg.conduct_summary,
        "issue_tags": list(agg.issue_tags),
        "opened_at": agg.opened_at,
        "opened_by_agency": opened_by_agency,
        "closed_outcome": agg.closed_outcome,
        "early_intervention": bool(agg.notes_of("early_intervention")),
        "version": agg.version,
        "last_step": last.step,
        "last_occurred_at": last.occurred_at,
        "search_text": search,
    })


def place_row(agg: Place, last: DomainEvent, opened_by_agency: str, description: str) -> Row:
    assert agg.opened_at is not None
    return clean_row({
        "id": agg.id,
        "name": agg.name,
        "kind": agg.place_kind,
        "address": agg.address,
        "description": description,
        "opened_at": agg.opened_at,
        "opened_by_agency": opened_by_agency,
        "version": agg.version,
        "last_step": last.step,
    })

