"""What a step is: `StepSpec` and the values it is made of (its court role, its place among
measures, the instruments it names). The vocabulary itself is in `domain/steps.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from domain.instruments import SEVERITY, Kind
from domain.links import StreamRef
from domain.notices import Notice

Trigger = Callable[[Any], str | None] | str | None


@dataclass(frozen=True)
class Target:
    """A command field naming an existing instrument, the kinds it may name, the trigger."""

    field: str
    kinds: frozenset[Kind]
    trigger: Trigger = None
    optional: bool = False
    #: For a trigger computed from the command: every trigger it may fire.
    possible: tuple[str, ...] = ()

    def trigger_for(self, cmd: Any) -> str | None:
        if callable(self.trigger):
            return None if cmd is None else self.trigger(cmd)
        return self.trigger


class Court(str, Enum):
    """How a step involves a court.

    PROCEEDINGS: a party brings a matter before a court (an application, an appeal, a
    prosecution); the record is the party's. RECORD: the step records what a court decided
    or heard, so the entry rests on the court's record.
    """

    PROCEEDINGS = "proceedings"
    RECORD = "record"


class Measure(str, Enum):
    """A step's part in the proportionality of escalation."""

    #: A coercive measure whose proportionality must be shown.
    ESCALATION = "escalation"
    #: A measure short of escalation that counts as a lesser measure tried.
    LESSER = "lesser"


#: Non-statutory lesser measures rank with the least severe statutory measure, so that no
#: escalation step is said to have followed them as a lesser measure of its own level.
NON_STATUTORY_SEVERITY = 1


@dataclass(frozen=True)
class StepSpec:
    name: str
    label: str
    legal_basis: str
    opens: Kind | None = None
    targets: tuple[Target, ...] = ()
    #: What happened, in the past tense ("Community Protection Warning issued").
    done: str = ""
    #: The chronology category ("CPW", "order", "hearing", ...).
    category: str = ""
    court: Court | None = None
    measure: Measure | None = None
    #: The legal significance a chronology states for every such step (when it needs no
    #: detail of the event).
    significance: str = ""
    #: The notice or order the step issues, with its statutory contents.
    notice: Notice | None = None
    #: The basis when it depends on the kind of instrument the step concerns: a breach of a
    #: CPN is an offence under one section, a breach of a CBO under another statute.
    basis_by_kind: tuple[tuple[Kind, str], ...] = ()
    #: The basis when it depends on the step a consultation is about (`about_step`).
    basis_by_about: tuple[tuple[str, str], ...] = ()

    def basis_for(self, cmd: Any = None, kinds: tuple[Kind, ...] = ()) -> str:
        """The basis for the instrument or step it is about, else the step's own."""
        about = getattr(cmd, "about_step", None)
        for step, basis in self.basis_by_about:
            if about == step:
                return basis
        for kind in kinds:
            for k, basis in self.basis_by_kind:
                if k is kind:
                    return basis
        return self.legal_basis
    #: Fields naming another stream (an incident, a place, a pathway), checked against it.
    refers: tuple[StreamRef, ...] = ()
    #: The field holding the id of the record the step creates, when it is not an
    #: instrument (whose id field follows from `opens`).
    creates: str | None = None

    @property
    def new_id_field(self) -> str | None:
        """The field whose id the step creates: a second use of that id is a duplicate."""
        if self.creates is not None:
            return self.creates
        if self.opens is None:
            return None
        return "referral_id" if self.opens is Kind.REFERRAL else "instrument_id"

    @property
    def moves(self) -> frozenset[Kind]:
        """Kinds of existing instrument whose lifecycle the step moves."""
        return frozenset(k for t in self.targets if t.trigger is not None for k in t.kinds)

    @property
    def severity(self) -> int | None:
        """The severity of the instrument the step opens or moves (one kind), if any."""
        if self.opens is not None:
            return SEVERITY[self.opens]
        if len(self.moves) == 1:
            return SEVERITY[next(iter(self.moves))]
        return NON_STATUTORY_SEVERITY if self.measure is Measure.LESSER else None
