"""Random valid case histories, recorded through the application, for property tests.

A history is a sequence of attempted steps drawn by hypothesis; each is recorded through the
real service, and one the law refuses or the domain finds invalid is simply not part of the
history (nothing is stored for it). What remains is a history the engine accepted: the
kind of log every export must render. Corrections, overrides (by a supervisor), incident
links and free text of any recordable character are among the steps drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

from hypothesis import strategies as st

from domain.calendar import LONDON
from domain.errors import DomainValidationError, StepRefusedError
from domain.guards import Actor

OFFICER = Actor("pc.prop", "Northtown Police", "officer", "constable")
SUPERVISOR = Actor("insp.prop", "Northtown Police", "supervisor", "inspector")

_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
#: Text a user may record: any character but controls, surrogates and bidi overrides
#: (those are refused on the way in), with tabs, line breaks, markup and formula starters and
#: XML-unfriendly-but-legal characters (U+FFFE is a noncharacter XML refuses) included.
_ANY = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters=_BIDI)
#: Most text is in the Latin scripts (drawn by the PDF table writer); about one text in ten
#: has characters from anywhere (the PDF is then typeset by WeasyPrint, much slower).
_LATIN = st.characters(max_codepoint=0x24F, blacklist_categories=("Cc", "Cs"))
_SPECIAL = st.sampled_from("\t\n\r\ufffe\ufeff\u00ad<>&\"'=+-@ ")
_LATIN_TEXT = st.text(st.one_of(_LATIN, _SPECIAL), max_size=60)
_ANY_TEXT = st.text(st.one_of(_ANY, _SPECIAL), max_size=60)


def _names(text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return text.map(str.strip).filter(bool).map(lambda s: s[:200])


def _iso(at: datetime) -> str:
    return at.isoformat()


@dataclass
class History:
    """One pathway being recorded, with what it has so far (for the next draw)."""

    app: Any
    pathway: UUID
    at: datetime
    #: The text of this history: Latin scripts, or (one history in ten) from anywhere.
    text: st.SearchStrategy[str] = _LATIN_TEXT
    ids: dict[str, list[UUID]] = field(default_factory=dict)
    recorded: list[str] = field(default_factory=list)

    @property
    def name(self) -> st.SearchStrategy[str]:
        return _names(self.text)

    def record(self, step: str, actor: Actor = OFFICER, **fields: Any) -> Any:
        """Record `step` at the current time; None if the engine refuses it."""
        data = {"step": step, "occurred_at": _iso(self.at), **fields}
        try:
            event = self.app.record(self.pathway, data, actor)
        except (StepRefusedError, DomainValidationError):
            return None
        self.recorded.append(step)
        return event

    def keep(self, kind: str, value: UUID | None) -> None:
        if value is not None:
            self.ids.setdefault(kind, []).append(value)

    def pick(self, d: st.DataObject, kind: str) -> UUID | None:
        found = self.ids.get(kind, [])
        return d.draw(st.sampled_from(found)) if found else None


Action = Callable[[History, st.DataObject], None]


def _created(h: History, kind: str, event: Any, attr: str = "instrument_id") -> None:
    if event is not None:
        h.keep(kind, getattr(event, attr))


def _intervene(h: History, d: st.DataObject) -> None:
    h.record("early_intervention", kind=d.draw(st.sampled_from(
        ["verbal_warning", "warning_letter", "acceptable_behaviour_contract", "mediation",
         "home_visit"])), outcome=d.draw(h.text))


def _refer(h: History, d: st.DataObject) -> None:
    e = h.record("support_referral_made", service=d.draw(h.name), need="drug_alcohol",
                 method=d.draw(h.text))
    _created(h, "referral", e, "referral_id")


def _update_referral(h: History, d: st.DataObject) -> None:
    ref = h.pick(d, "referral")
    if ref is not None:
        h.record("support_referral_updated", referral_id=str(ref), reason=d.draw(h.text),
                 status=d.draw(st.sampled_from(["accepted", "engaged", "declined"])))


def _assess(h: History, d: st.DataObject) -> None:
    h.record("proportionality_assessed", conclusion=d.draw(h.name), lesser_measures=d.draw(h.text),
             for_step=d.draw(st.sampled_from([None, "cpw_issued", "cpn_issued",
                                              "injunction_applied"])))


def _consult(h: History, d: st.DataObject) -> None:
    h.record("consultation_recorded", body=d.draw(st.sampled_from(["yot", "housing", "police"])),
             about_step=d.draw(st.sampled_from([None, "cpn_issued", "injunction_applied"])),
             outcome=d.draw(h.text))


def _link(h: History, d: st.DataObject) -> None:
    occurred = h.at - timedelta(hours=d.draw(st.integers(1, 72)))
    incident = h.app.report_incident({
        "occurred_at": _iso(occurred), "category": d.draw(st.sampled_from(["noise", "threats"])),
        "location": d.draw(h.name), "description": d.draw(h.name),
        "victims": d.draw(st.lists(h.name, max_size=2))}, OFFICER)
    h.record("incident_linked", incident_id=str(incident), incident_occurred_at=_iso(occurred),
             summary=d.draw(h.text))


def _cpw(h: History, d: st.DataObject) -> None:
    e = h.record("cpw_issued", conduct=d.draw(h.name), requirements=d.draw(
        st.lists(h.name, min_size=1, max_size=3)),
        comply_by=_iso(h.at + timedelta(days=d.draw(st.integers(1, 30)))),
        lesser_measures_reason=d.draw(st.one_of(st.none(), h.text.filter(bool))),
        cpn_warning_stated=d.draw(st.booleans()), consequences_explained=d.draw(st.booleans()))
    _created(h, "cpw", e)


def _cpn(h: History, d: st.DataObject) -> None:
    warning = h.pick(d, "cpw")
    if warning is not None:
        e = h.record("cpn_issued", warning_id=str(warning), conduct=d.draw(h.name),
                     requirements=d.draw(st.lists(h.name, min_size=1, max_size=2)),
                     appeal_information_given=d.draw(st.booleans()),
                     lesser_measures_reason="Warned already")
        _created(h, "cpn", e)


def _breach(h: History, d: st.DataObject) -> None:
    inst = h.pick(d, d.draw(st.sampled_from(["cpn", "injunction", "dispersal", "cbo"])))
    if inst is not None:
        h.record("breach_recorded", instrument_id=str(inst), description=d.draw(h.name))


def _fpn(h: History, d: st.DataObject) -> None:
    notice = h.pick(d, "cpn")
    if notice is not None:
        e = h.record("fpn_issued", notice_id=str(notice),
                     amount=str(d.draw(st.sampled_from([Decimal("50"), Decimal("100")]))),
                     payee=d.draw(st.one_of(st.none(), h.name)),
                     payment_methods=d.draw(st.lists(h.name, max_size=2)),
                     payment_period_stated=d.draw(st.booleans()))
        _created(h, "fpn", e)


def _pay(h: History, d: st.DataObject) -> None:
    fpn = h.pick(d, "fpn")
    if fpn is not None:
        h.record("fpn_paid", instrument_id=str(fpn))


def _prosecute(h: History, d: st.DataObject) -> None:
    relates = h.pick(d, d.draw(st.sampled_from(["cpn", "fpn", "cbo"])))
    e = h.record("prosecution_started", offence=d.draw(h.name),
                 relates_to=str(relates) if relates else None)
    _created(h, "prosecution", e)


def _convict(h: History, d: st.DataObject) -> None:
    pros = h.pick(d, "prosecution")
    if pros is not None:
        h.record("conviction_recorded", instrument_id=str(pros), sentence=d.draw(h.text),
                 outcome=d.draw(st.sampled_from(["convicted", "acquitted"])))


def _cbo(h: History, d: st.DataObject) -> None:
    pros = h.pick(d, "prosecution")
    if pros is not None:
        e = h.record("cbo_granted", prosecution_id=str(pros),
                     prohibitions=d.draw(st.lists(h.name, max_size=2)),
                     expires_on=(h.at.date() + timedelta(days=800)).isoformat())
        _created(h, "cbo", e)


def _injunction(h: History, d: st.DataObject) -> None:
    e = h.record("injunction_applied", terms=d.draw(st.lists(h.name, min_size=1, max_size=2)),
                 lesser_measures_reason="Serious risk", power_of_arrest_sought=True)
    _created(h, "injunction", e)


def _grant(h: History, d: st.DataObject) -> None:
    inj = h.pick(d, "injunction")
    if inj is not None:
        h.record("injunction_granted", instrument_id=str(inj), power_of_arrest=True,
                 interim=d.draw(st.booleans()),
                 expires_on=(h.at.date() + timedelta(days=300)).isoformat(),
                 terms=d.draw(st.lists(h.name, max_size=2)))


def _arrest(h: History, d: st.DataObject) -> None:
    inj = h.pick(d, "injunction")
    if inj is not None:
        e = h.record("arrested", power="power_of_arrest", injunction_id=str(inj),
                     clause=d.draw(st.one_of(st.none(), h.name)))
        _created(h, "arrest", e)


def _appear(h: History, d: st.DataObject) -> None:
    arrest = h.pick(d, "arrest")
    if arrest is not None:
        h.record("court_appearance", instrument_id=str(arrest), court=d.draw(h.name),
                 outcome=d.draw(h.text))


def _disperse(h: History, d: st.DataObject) -> None:
    e = h.record("dispersal_direction_given", authorisation_ref=d.draw(h.name),
                 authorised_by_rank="inspector", exclusion_hours=d.draw(st.integers(1, 48)),
                 area=d.draw(h.name))
    _created(h, "dispersal", e)


def _override(h: History, d: st.DataObject) -> None:
    step, code = d.draw(st.sampled_from([
        ("cpw_issued", "lesser_measures_skipped"), ("cpn_issued", "support_not_offered"),
        ("injunction_applied", "no_proportionality_assessment")]))
    h.record("override_authorised", SUPERVISOR, for_step=step, guard_code=code,
             reason="Immediate risk to a neighbour: " + d.draw(h.text))


def _correct(h: History, d: st.DataObject) -> None:
    version = d.draw(st.integers(1, len(h.recorded) + 1))
    h.record("entry_corrected", corrected_version=version, correction=d.draw(h.name),
             reason="Typing error in the original: " + d.draw(h.text))


def _evidence(h: History, d: st.DataObject) -> None:
    h.record("evidence_attached", note=d.draw(h.text),
             evidence=[{"exhibit": "NC/1", "description": d.draw(h.text)}])


def _close_or_reopen(h: History, d: st.DataObject) -> None:
    if d.draw(st.booleans()):
        h.record("pathway_closed", outcome="resolved", summary=d.draw(h.text))
    else:
        h.record("pathway_reopened", reason="Fresh reports from residents: " + d.draw(h.text))


ACTIONS: tuple[Action, ...] = (
    _intervene, _refer, _update_referral, _assess, _consult, _link, _link, _cpw, _cpw, _cpn,
    _cpn, _breach, _breach, _fpn, _pay, _prosecute, _convict, _cbo, _injunction, _grant,
    _arrest, _appear, _disperse, _override, _override, _correct, _correct, _evidence,
    _close_or_reopen,
)


def record_history(app: Any, d: st.DataObject, max_steps: int = 25) -> History:
    """Open a pathway and record a random sequence of lawful steps on it."""
    start = datetime(2026, 1, 5, 10, tzinfo=LONDON) + timedelta(days=d.draw(st.integers(0, 60)))
    born = date(1960, 1, 1) + timedelta(days=d.draw(st.integers(0, 365 * 50)))
    text = d.draw(st.sampled_from([_LATIN_TEXT] * 9 + [_ANY_TEXT]))
    h = History(app, UUID(int=0), start, text)
    h.pathway = app.open_pathway({
        "occurred_at": _iso(start), "subject": {"name": d.draw(h.name),
                                                "date_of_birth": born.isoformat()},
        "conduct_summary": d.draw(text), "issue_tags": d.draw(st.lists(h.name, max_size=2))},
        OFFICER)
    for _ in range(d.draw(st.integers(0, max_steps))):
        h.at += timedelta(hours=d.draw(st.integers(1, 24 * 20)))
        d.draw(st.sampled_from(ACTIONS))(h, d)
    return h
