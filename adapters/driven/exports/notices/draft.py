"""A notice drafted from the event of the step that issued it, with its contents check."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from adapters.driven.exports import contents
from adapters.driven.exports.facts import CaseFacts
from adapters.driven.exports.text import day, label, moment, money, numbered
from domain import steps
from domain.events.base import DomainEvent
from domain.notices import Content, Notice

PRESENT, TO_COMPLETE, NA = "present", "to complete", "not applicable"
ACT = "the Anti-social Behaviour, Crime and Policing Act 2014"

TITLES = {
    steps.CPW_ISSUED: "Community Protection Notice: written warning",
    steps.CPN_ISSUED: "Community Protection Notice",
    steps.FPN_ISSUED: "Fixed Penalty Notice",
    steps.DISPERSAL_DIRECTION_GIVEN: "Direction to leave a locality: written notice",
    steps.CLOSURE_NOTICE_ISSUED: "Closure Notice",
}
INTRODUCTIONS = {
    steps.CPW_ISSUED: f"This is a written warning given under section 43(5) of {ACT}.",
    steps.CPN_ISSUED: f"This notice is issued under section 43 of {ACT}.",
    steps.FPN_ISSUED: f"This notice is issued under section 52 of {ACT}. It offers the "
                      "opportunity of discharging any liability to conviction for the offence "
                      "under section 48 of that Act by payment of a fixed penalty.",
    steps.DISPERSAL_DIRECTION_GIVEN: f"This direction is given under section 35 of {ACT}.",
    steps.CLOSURE_NOTICE_ISSUED: f"This notice is issued under section 76 of {ACT}.",
}
#: The statutory wording a notice carries for an item that is a statement the notice makes
#: (keyed by the item's check or missing field): the draft makes it.
WORDING = {
    "cpn_warning_stated": "Unless the conduct described above stops, or you take the steps "
                          "set out, a community protection notice may be issued to you under "
                          "section 43 of the Act.",
    "consequences_explained": "If a community protection notice is issued and you fail to "
                              "comply with it, you commit an offence (section 48) and may be "
                              "offered a fixed penalty (section 52).",
    "payment_period_stated": "No proceedings for the offence will be taken before the end of "
                             "the period of 14 days beginning with the day after the date of "
                             "this notice (section 52(6)(a)).",
    "offence_warning_given": "Failing without reasonable excuse to comply with this direction "
                             "is an offence (section 39 of the Act).",
    "effect_explained": "While this notice has effect, no one may enter or remain on the "
                        "premises except those listed below (section 76(3)-(4)).",
    "offence_stated": "A person who without reasonable excuse remains on or enters the "
                      "premises in contravention of this notice commits an offence "
                      "(section 86 of the Act).",
    "order_effect_explained": "If the court makes a closure order, access to the premises may "
                              "be prohibited for up to 3 months, which the court may extend, "
                              "and contravening the order is an offence (sections 80-82, 86).",
}
#: The CPN's statement of ss.46-51 and the offence (s.43(8)), printed with its appeal route.
CPN_EFFECT = (
    "Appeal (section 46): you may appeal to a magistrates' court against this notice within "
    "21 days beginning with the day on which it was issued to you; while an appeal is pending "
    "a requirement to do something has no effect, and a requirement to stop doing something "
    "continues to have effect. Remedial action (section 47): if you do not comply, the "
    "authority may arrange for work to be carried out. Offence (section 48): failing without "
    "reasonable excuse to comply with this notice is an offence, punishable on summary "
    "conviction by a fine not exceeding level 4 on the standard scale (an individual) or a "
    "fine (a body). On conviction the court may make a remedial order (section 49) or order "
    "forfeiture of any item used in the offence (section 50), and items may be seized under "
    "a warrant (section 51). A fixed penalty may be offered instead of prosecution (section 52)."
)


class NoticeError(ValueError):
    """The entry asked for issued no notice this drafter knows."""


@dataclass
class Item:
    content: Content
    status: str  # present | to complete | not applicable
    text: str  # as printed in the notice
    to_record: str = ""


@dataclass
class Draft:
    title: str
    step: str
    version: int
    row: str
    case_ref: str
    subject: str
    issued: str
    issuer: str
    introduction: str
    items: list[Item] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.title} of {self.issued}"

    def check(self) -> list[tuple[str, str, str]]:
        """(required item, status, what to record): every item is in the draft, either
        filled or as a placeholder reported here."""
        return [(i.content.text, i.status, i.to_record) for i in self.items]

    @property
    def passes(self) -> bool:
        """Every required item is printed, and every unfilled one is flagged."""
        return all(i.status in (PRESENT, NA) or (i.status == TO_COMPLETE and "[" in i.text)
                   for i in self.items)


def placeholder(what: str) -> str:
    return f"[TO COMPLETE: {what}]"


def _item(content: Content, e: DomainEvent, facts: CaseFacts) -> Item:
    if content.optional:
        return Item(content, NA, "")
    data: Any = e
    wording = WORDING.get(content.lacks or content.check)
    if wording:  # the notice states it itself, in these words
        return Item(content, PRESENT, wording)
    if content.lacks:
        recorded = getattr(data, content.lacks, None)  # a field added to the event since
        if recorded not in (None, "", (), []):
            shown = numbered(recorded) if isinstance(recorded, (list, tuple)) else str(recorded)
            return Item(content, PRESENT, f"{content.text.capitalize()}: {shown}.")
        return Item(content, TO_COMPLETE, f"{content.text.capitalize()}: "
                    + placeholder(content.to_record), content.to_record)
    status, recorded, to_record = contents.check(content, e.step, e, facts)
    if status == contents.NA:
        return Item(content, NA, f"{content.text.capitalize()}: not applicable ({recorded}).")
    if status == contents.MISSING:
        return Item(content, TO_COMPLETE, f"{content.text.capitalize()}: "
                    + placeholder(to_record), to_record)
    if content.check == "appeal_information":
        return Item(content, PRESENT, CPN_EFFECT)
    return Item(content, PRESENT, f"{content.text.capitalize()}: {recorded}.")


def draft(facts: CaseFacts, version: int) -> Draft:
    """The notice issued by the case's entry at `version`."""
    e = facts.by_version.get(version)
    if e is None:
        raise NoticeError(f"the case has no entry {version}")
    spec = steps.ALL.get(e.step)
    notice: Notice | None = spec.notice if spec is not None else None
    if notice is None or e.step not in TITLES:
        raise NoticeError(f"entry {version} ({label(e.step)}) issued no notice that can be "
                          f"drafted: CPW, CPN, FPN, dispersal direction or closure notice")
    data: Any = e
    issuer = f"{e.actor}" + (f" ({label(e.rank)})" if e.rank else "") + f", {e.agency}"
    result = Draft(TITLES[e.step], e.step, version, facts.row(e), facts.case_ref,
                   facts.title_name, day(e.occurred_at), issuer, INTRODUCTIONS[e.step])
    result.items = [_item(c, e, facts) for c in notice.contents]
    if e.step == steps.FPN_ISSUED and getattr(data, "amount", None) is not None:
        result.introduction += f" The fixed penalty is {money(data.amount)}."
    result.introduction += f" Issued {moment(e.occurred_at)}."
    return result


def drafts(facts: CaseFacts) -> list[Draft]:
    """Every notice the case's log records as issued, in order."""
    return [draft(facts, e.originator_version) for e in facts.log.events
            if e.originator_id == facts.log.stream_id and e.step in TITLES]
