"""The proportionality statement as a witness statement a court accepts: the heading (court,
case number, parties), the maker, the marking in the top corner, the statement of truth in
the prescribed words and the signature block, chosen by the proceedings the instrument
leads to.

- Civil (injunctions, closure orders, Respect Orders: county or magistrates' court in its
  civil jurisdiction): CPR Part 32 and Practice Direction 32; the statement of truth in the
  words of Practice Direction 22 para 2.1.
- Criminal (CPN and FPN breaches prosecuted under ASBCPA 2014 s.48, criminal behaviour
  orders): Criminal Procedure Rules Part 16 and the Criminal Justice Act 1967 s.9
  declaration.

The paragraphs themselves are the export's rows (proportionality.py); this frame is drawn
from the same log and the export options, and printed around them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from adapters.driven.exports.document import Options
from adapters.driven.exports.facts import CaseFacts
from adapters.driven.exports.text import initials
from domain import steps

#: Steps whose proceedings are civil; any other escalation leads to a criminal court.
CIVIL_STEPS = frozenset({
    steps.INJUNCTION_APPLIED, steps.INJUNCTION_GRANTED, steps.CLOSURE_NOTICE_ISSUED,
    steps.CLOSURE_ORDER_APPLIED, steps.CLOSURE_ORDER_GRANTED, steps.RESPECT_ORDER_APPLIED,
    steps.RESPECT_ORDER_GRANTED,
})
BLANK = "[to be completed]"

CIVIL_TRUTH = (
    "I believe that the facts stated in this witness statement are true. I understand that "
    "proceedings for contempt of court may be brought against anyone who makes, or causes to "
    "be made, a false statement in a document verified by a statement of truth without an "
    "honest belief in its truth.")
CRIMINAL_TRUTH = (
    "This statement (consisting of ___ pages each signed by me) is true to the best of my "
    "knowledge and belief and I make it knowing that, if it is tendered in evidence, I shall "
    "be liable to prosecution if I have wilfully stated in it anything which I know to be "
    "false, or do not believe to be true.")


@dataclass(frozen=True)
class Frame:
    civil: bool
    court: str
    case_number: str
    claimant: str
    defendant: str
    maker: str  # "PC 1234 Jo Reid, Marlshire Police"
    maker_initials: str  # "JR"
    exhibits: tuple[str, ...]  # "JR/1", ...

    @property
    def rules(self) -> str:
        return ("Witness statement (CPR Part 32 and Practice Direction 32)" if self.civil else
                "Witness statement (Criminal Justice Act 1967, s.9; Magistrates' Courts Act "
                "1980, s.5B; Criminal Procedure Rules, r.16.2)")

    @property
    def parties(self) -> tuple[str, str]:
        return ("Claimant / Applicant", "Defendant / Respondent") if self.civil else (
            "Prosecutor", "Defendant")

    def marking(self) -> list[str]:
        """The top-right corner (PD 32 para 17.2; kept for criminal statements too)."""
        exhibits = (f"{self.exhibits[0]} to {self.exhibits[-1]}" if len(self.exhibits) > 1
                    else (self.exhibits[0] if self.exhibits else "none"))
        side = self.parties[0].split(" /")[0]
        return [f"On behalf of: {side}", f"Witness: {self.maker_initials}", "Statement No: 1",
                f"Exhibits: {exhibits}", f"Date: {BLANK}"]

    def heading(self) -> list[str]:
        first, second = self.parties
        return [f"IN THE {self.court.upper()}", f"Case No: {self.case_number}", "BETWEEN:",
                f"{self.claimant} ({first})", "and", f"{self.defendant} ({second})"]

    def title(self) -> str:
        return f"Witness statement of {self.maker}"

    @property
    def truth_title(self) -> str:
        return "Statement of truth" if self.civil else "Declaration (Criminal Justice Act 1967, s.9)"

    @property
    def truth(self) -> str:
        return CIVIL_TRUTH if self.civil else CRIMINAL_TRUTH

    def signature(self) -> list[str]:
        return ["Signed: ______________________________", f"Name: {self.maker}",
                "Date: ______________________________"]

    def lines(self) -> list[str]:
        """Everything printed around the paragraphs, in reading order (for text checks)."""
        return [*self.marking(), *self.heading(), self.title(), self.rules, self.truth_title,
                self.truth, *self.signature()]


def maker_of(facts: CaseFacts) -> str:
    """The user id who decided most escalation steps (the last of them on a tie)."""
    actors = [e.actor for e in facts.log.events if e.step in steps.ESCALATION_STEPS]
    if not actors:
        return facts.log.events[0].actor if facts.log.events else ""
    counts = Counter(actors)
    best = max(counts.values())
    return next(a for a in reversed(actors) if counts[a] == best)


def exhibit_initials(maker: str) -> str:
    """`PC 1234 Jo Reid, Marlshire Police` -> `JR`; a login name `n.carter` -> `NC`; an id
    that names nobody -> `EX`."""
    if " " not in maker.strip():
        words = [w for w in re.split(r"[^A-Za-z0-9]+", maker) if w]
        if not words or any(any(c.isdigit() for c in w) for w in words):
            return "EX"
        maker = " ".join(words)
    found = initials(maker).replace(".", "")
    return found if found.isalpha() else "EX"


def frame(facts: CaseFacts, options: Options, exhibits: tuple[str, ...]) -> Frame:
    escalations = {e.step for e in facts.log.events if e.step in steps.ESCALATION_STEPS}
    maker_id = maker_of(facts)
    maker = facts.name_of(maker_id)
    owner = facts.log.events[0].agency if facts.log.events else BLANK
    return Frame(
        civil=bool(escalations & CIVIL_STEPS),
        court=options.court or BLANK, case_number=options.case_number or BLANK,
        claimant=options.claimant or owner,
        defendant=options.defendant or facts.title_name or BLANK,
        maker=maker, maker_initials=exhibit_initials(maker), exhibits=exhibits)
