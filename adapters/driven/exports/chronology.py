"""The court chronology: one row per event, incidents and agency actions interleaved,
sorted by when things happened.

Rows come from the LOG: the case stream's events plus the events of the incidents it links.
A link (`incident_linked`) is shown on the incident's own row, and evidence attached to an
entry on that entry's row. A correction (`entry_corrected`) marks the corrected row
"corrected"; the entry as originally recorded is kept in the audit appendix.
"""

from __future__ import annotations

from typing import Any

from adapters.driven.exports.describe import action, describe, incident_significance, significance
from adapters.driven.exports.document import Column, Options, Row
from adapters.driven.exports.facts import CaseFacts
from adapters.driven.exports.text import (
    backdated,
    day,
    iso_local,
    label,
    local,
    moment,
    need,
    people,
    row_id,
    short_id,
    when_parts,
)
from domain import steps
from domain.events.base import DomainEvent

COLUMNS: tuple[Column, ...] = (
    Column("no", "No.", "Row number: the entry's place in the whole chronology at this log "
           "position (filters leave the numbers as they are)"),
    Column("row_id", "Row", "Stable id: first 8 hex digits of the stream id, '-', event version"),
    Column("date", "Date", "As lawyers write it: '3 March 2026', 'approx. 3 March 2026', "
           "'on or before 3 March 2026', 'between 3 and 5 March 2026' (London)"),
    Column("time_from", "From", "HH:MM London time ('approx. 22:15' when approximate)"),
    Column("time_to", "To", "HH:MM, for a time range"),
    Column("occurred_at", "Occurred at", "ISO 8601, London offset"),
    Column("precision", "Precision", "exact, day, approximate, on_or_before or range"),
    Column("recorded_at", "Recorded at", "ISO 8601, London offset: when it was entered"),
    Column("backdated", "Backdated", "'recorded <date> at <time> (N days later)' when entered "
           "more than 24 hours after it happened, else empty"),
    Column("location", "Location", "Address, area or premises"),
    Column("event_kind", "Kind", "INCIDENT or AGENCY_ACTION"),
    Column("step", "Step", "The step name (incident_reported for incidents)"),
    Column("category", "Category", "Incident category, or the action's category (CPW, CPN, "
           "referral, consultation, application, hearing, order, breach, arrest...)"),
    Column("description", "Description", "Neutral, factual: what was recorded"),
    Column("subjects", "Subjects", "Alleged perpetrator(s): the case subject by name, others "
           "by case reference"),
    Column("victims", "Victims", "Initials unless exported with --names"),
    Column("witnesses", "Witnesses", "Initials unless exported with --names"),
    Column("source", "Source", "999/101 call, CCTV, officer observation, agency record..."),
    Column("agency_refs", "Agency refs", "CAD / crime / case / claim references"),
    Column("exhibit_refs", "Exhibits", "Exhibit references (NC/1) with descriptions"),
    Column("evidence_status", "Evidence status", "first-hand / hearsay / documentary / "
           "admitted / proven / not proved, as derived from the log"),
    Column("legal_significance", "Legal significance", "e.g. 'CPW served', 'breach of Terms 1 "
           "and 2 of the injunction'"),
    Column("legal_basis", "Legal basis", "The legal basis recorded on the event"),
    Column("action", "Action", "What was done"),
    Column("officer", "Officer", "Who recorded or decided it (user id, rank)"),
    Column("agency", "Agency", "Their agency"),
    Column("support", "Support", "Support offered, or the response to it"),
    Column("tags", "Issue tags", "Issue tags of the case that the row concerns"),
    Column("status", "Status", "empty, or 'corrected'"),
    Column("correction", "Correction", "The correction and its reason (original in the "
           "audit appendix)"),
)

APPENDIX_COLUMNS: tuple[Column, ...] = (
    Column("no", "No.", "Row number: the entry's place in the whole chronology at this log "
           "position (filters leave the numbers as they are)"),
    Column("row_id", "Corrected row", "The row the correction applies to"),
    Column("original_date", "Original date", "Date and time as originally recorded"),
    Column("original_description", "Original entry", "The description as originally recorded"),
    Column("original_recorded", "Originally recorded", "When and by whom"),
    Column("original_hash", "Original hash", "SHA-256 of the original event"),
    Column("correction_row_id", "Correction entry", "Row id of the entry_corrected event"),
    Column("corrected", "Corrected", "When and by whom"),
    Column("correction", "Correction", "What was corrected"),
    Column("reason", "Reason", "Why"),
)

#: Steps folded into other rows (a link is shown on the incident's row).
FOLDED = {steps.INCIDENT_LINKED, steps.ENTRY_CORRECTED}


def build(facts: CaseFacts, options: Options) -> tuple[list[Row], list[Row]]:
    """(rows, appendix) for the case, filtered by `options`."""
    findings = court_findings(facts)
    built: list[tuple[tuple[Any, ...], Row]] = []
    folded_rows: dict[int, str] = {}
    for incident in facts.incident_events():
        row = incident_row(incident, facts, findings, options)
        built.append((_order(incident), row))
        for link in facts.links.get(incident.originator_id, []):
            folded_rows[link.originator_version] = row["row_id"]
    for e in facts.log.events:
        if _unresolved_link(e, facts):
            built.append((_order(e), _unresolved_link_row(e, facts, findings)))
            continue
        if e.step in FOLDED or (e.step == steps.EVIDENCE_ATTACHED and _relates(e) in facts.by_version):
            continue
        built.append((_order(e), action_row(e, facts, findings)))
    built.sort(key=lambda pair: pair[0])
    rows = [row for _, row in built]
    for number, row in enumerate(rows, start=1):
        row["no"] = str(number)
    appendix = _apply_corrections(rows, facts, folded_rows)
    return [r for r in rows if keep(r, options)], appendix


def _unresolved_link(e: DomainEvent, facts: CaseFacts) -> bool:
    """A link whose id names no incident in the log (recorded before links were checked)."""
    return e.step == steps.INCIDENT_LINKED and getattr(e, "incident_id") not in facts.log.incidents


def _unresolved_link_row(e: DomainEvent, facts: CaseFacts, findings: dict[Any, str]) -> Row:
    """The link shown on its own row, as recorded, saying what it does not show."""
    row = action_row(e, facts, findings)
    data: Any = e
    row["description"] = (
        f"Entry as recorded: linked id {data.incident_id} does not identify an incident "
        "(no incident with that id is in the log); it is not relied on as evidence of conduct.")
    row["legal_significance"] = ""
    row["evidence_status"] = "unverified link"
    return row


def _order(e: DomainEvent) -> tuple[Any, ...]:
    return (e.occurred_at, e.recorded_at, str(e.originator_id), e.originator_version)


def _relates(e: DomainEvent) -> int | None:
    return getattr(e, "relates_to_version", None)


def _base(e: DomainEvent, facts: CaseFacts) -> Row:
    date, t_from, t_to = when_parts(e)
    action_taken, category = action(e.step)
    officer = facts.officer(e)
    if e.on_behalf_of:
        officer += f" on behalf of {e.on_behalf_of}"
    evidence = list(e.evidence)
    if e.originator_id == facts.log.stream_id:
        for attached in facts.attachments.get(e.originator_version, []):
            evidence.extend(attached.evidence)
    return {
        "no": "", "row_id": row_id(e.originator_id, e.originator_version), "date": date,
        "time_from": t_from, "time_to": t_to, "occurred_at": iso_local(e.occurred_at),
        "precision": e.precision.value, "recorded_at": iso_local(e.recorded_at),
        "backdated": backdated(e), "location": "", "event_kind": "AGENCY_ACTION",
        "step": e.step, "category": category, "description": "", "subjects": "",
        "victims": "", "witnesses": "", "source": "", "agency_refs": "",
        "exhibit_refs": "; ".join(
            f"{x.exhibit} ({x.description})" if x.description else x.exhibit for x in evidence),
        "evidence_status": "", "legal_significance": "", "legal_basis": e.legal_basis,
        "action": action_taken, "officer": officer, "agency": e.agency, "support": "", "tags": "",
        "status": "", "correction": "",
    }


def action_row(e: DomainEvent, facts: CaseFacts, findings: dict[Any, str]) -> Row:
    row = _base(e, facts)
    data: Any = e
    row["description"] = describe(e, facts)
    row["legal_significance"] = significance(e, facts)
    row["location"] = getattr(data, "area", None) or getattr(data, "premises", None) or ""
    row["subjects"] = facts.title_name if facts.kind == "pathway" else ""
    sources = sorted({x.source for x in e.evidence if x.source})
    row["source"] = "; ".join([f"{e.agency} record", *sources])
    if e.step in steps.COURT_RECORD_STEPS:
        row["evidence_status"] = "court record"
    elif e.evidence:
        row["evidence_status"] = "documentary (exhibits " + ", ".join(
            x.exhibit for x in e.evidence) + ")"
    else:
        row["evidence_status"] = "documentary (agency record)"
    found = findings.get(("case", e.originator_version))
    if found:
        row["evidence_status"] = found
    if e.step == steps.SUPPORT_REFERRAL_MADE:
        row["support"] = f"offered: {data.service} ({need(data.need.value)})"
    elif e.step == steps.SUPPORT_REFERRAL_UPDATED:
        row["support"] = f"{label(data.status)}: {facts.opened_detail(data.referral_id)}" + (
            f" ({data.reason})" if data.reason else "")
    row["tags"] = ", ".join(facts.issue_tags) if e.step == steps.PATHWAY_OPENED else _tags(row, facts)
    return row


def incident_row(e: DomainEvent, facts: CaseFacts, findings: dict[Any, str],
                 options: Options) -> Row:
    row = _base(e, facts)
    data: Any = e
    row.update(event_kind="INCIDENT", category=data.category, location=data.location,
               description=f"{data.description}.".replace("..", "."),
               source=data.source, agency_refs=data.reference or "")
    subjects = []
    for pid in data.subject_pathway_ids:
        if facts.kind == "pathway" and pid == facts.log.stream_id:
            subjects.append(facts.subject_name)
        else:
            subjects.append(f"PW-{short_id(pid).upper()}")
    if facts.kind == "pathway" and facts.log.stream_id not in data.subject_pathway_ids:
        subjects.insert(0, f"{facts.subject_name} (linked to the case; not named in the report)")
    row["subjects"] = "; ".join(subjects)
    row["victims"] = people(data.victims, show_names=options.names)
    row["witnesses"] = people(data.witnesses, show_names=options.names)
    row["evidence_status"] = findings.get(("incident", e.originator_id)) or _source_status(data)
    row["legal_significance"] = incident_significance(e, facts)
    links = facts.links.get(e.originator_id, [])
    row["action"] = "Incident reported" + "".join(
        f"; linked {day(link.occurred_at)} by {facts.name_of(link.actor)} "
        f"({row_id(link.originator_id, link.originator_version)})" for link in links)
    row["tags"] = _tags(row, facts)
    return row


def _source_status(incident: Any) -> str:
    source = incident.source.lower()
    if any(w in source for w in ("cctv", "video", "photo", "body-worn", "bwv", "noise app")):
        return "documentary"
    if any(w in source for w in ("officer", "observation", "patrol")):
        return "first-hand (officer)"
    if incident.witnesses:
        return f"first-hand witness{'es' if len(incident.witnesses) > 1 else ''} named"
    return "hearsay (report; witness availability not recorded)"


def _tags(row: Row, facts: CaseFacts) -> str:
    """Issue tags whose word (or its singular) appears in the row's category or description."""
    text = f"{row['category']} {row['description']}".lower()
    found = [t for t in facts.issue_tags if t.lower() in text or t.lower().rstrip("s") in text]
    return ", ".join(found)


def court_findings(facts: CaseFacts) -> dict[Any, str]:
    """Admissions and findings the log records, carried back to the breach and its incident.

    An arrest answers the latest breach of its injunction recorded before it; a conviction
    answers the breaches of the CPN its prosecution relates to (directly or through the FPN).
    """
    found: dict[Any, str] = {}
    rank = {"admitted": 1, "proven": 2, "not proved": 2}

    def mark(breach: Any, status: str) -> None:
        for key in (("case", breach.originator_version), ("incident", breach.incident_id)):
            if key[1] is None:
                continue
            current = found.get(key, "")
            if rank.get(status.split(" (")[0], 0) >= rank.get(current.split(" (")[0], 0):
                found[key] = status

    breaches = [e for e in facts.log.events if e.step == steps.BREACH_RECORDED]
    for e in facts.log.events:
        data: Any = e
        if e.step in (steps.COURT_APPEARANCE, steps.COMMITTAL_DECIDED):
            arrest: Any = facts.opened.get(data.instrument_id)
            if arrest is None or arrest.step != steps.ARRESTED or arrest.injunction_id is None:
                continue
            before = [b for b in breaches if b.instrument_id == arrest.injunction_id  # type: ignore[attr-defined]
                      and b.occurred_at <= arrest.occurred_at]
            if not before:
                continue
            breach = before[-1]
            if e.step == steps.COURT_APPEARANCE and "admit" in data.outcome.lower():
                mark(breach, f"admitted (court, {day(e.occurred_at)})")
            elif e.step == steps.COMMITTAL_DECIDED:
                mark(breach, f"not proved (committal hearing, {day(e.occurred_at)})"
                     if data.outcome == "not_proved"
                     else f"proven (committal hearing, {day(e.occurred_at)})")
        elif e.step == steps.CONVICTION_RECORDED:
            prosecution: Any = facts.opened.get(data.instrument_id)
            target = getattr(prosecution, "relates_to", None)
            related: Any = facts.opened.get(target) if target else None
            if related is not None and related.step == steps.FPN_ISSUED:
                target = related.notice_id
            for b in breaches:
                if b.instrument_id == target and b.occurred_at <= e.occurred_at:  # type: ignore[attr-defined]
                    mark(b, f"proven (conviction, {day(e.occurred_at)})"
                         if data.outcome == "convicted"
                         else f"not proved (acquittal, {day(e.occurred_at)})")
    return found


def _apply_corrections(rows: list[Row], facts: CaseFacts, folded: dict[int, str]) -> list[Row]:
    by_id = {r["row_id"]: r for r in rows}
    appendix: list[Row] = []
    for version in sorted(facts.corrections):
        original = facts.by_version.get(version)
        if original is None:
            continue
        target = folded.get(version) or row_id(original.originator_id, version)
        if original.step == steps.EVIDENCE_ATTACHED and _relates(original) in facts.by_version:
            target = row_id(original.originator_id, _relates(original) or 0)
        row = by_id.get(target)
        for c in facts.corrections[version]:
            data: Any = c
            note = (f"Corrected {moment(c.occurred_at)} by {facts.name_of(c.actor)} (entry "
                    f"{row_id(c.originator_id, c.originator_version)}): {data.correction}. "
                    f"Reason: {data.reason}").replace("..", ".")
            if row is not None:
                row["status"] = "corrected"
                row["correction"] = "\n".join(p for p in (row["correction"], note) if p)
            d, t, _ = when_parts(original)
            appendix.append({
                "row_id": target, "original_date": f"{d} {t}".strip(),
                "original_description": describe(original, facts),
                "original_recorded":
                    f"{moment(original.recorded_at)} by {facts.name_of(original.actor)}",
                "original_hash": original.hash,
                "correction_row_id": row_id(c.originator_id, c.originator_version),
                "corrected": f"{moment(c.recorded_at)} by {facts.name_of(c.actor)}",
                "correction": data.correction, "reason": data.reason,
            })
    return appendix


def keep(row: Row, options: Options) -> bool:
    """The export's filters: date range (London dates), kinds, agencies, issue tags."""
    if options.date_from or options.date_to:
        from datetime import datetime

        when = local(datetime.fromisoformat(row["occurred_at"])).date()
        if options.date_from and when < options.date_from:
            return False
        if options.date_to and when > options.date_to:
            return False
    if options.only:
        wanted = {k.lower() for k in options.only}
        if not wanted & {row["step"].lower(), row["category"].lower(), row["event_kind"].lower()}:
            return False
    if options.agencies:
        agency = row["agency"].lower()
        if not any(a.lower() in agency for a in options.agencies):
            return False
    if options.tags:
        tags = {t.strip().lower() for t in row["tags"].split(",") if t.strip()}
        if not tags & {t.lower() for t in options.tags}:
            return False
    return True
