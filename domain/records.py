"""The records an aggregate holds: built by replay, never by policy."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from domain.instruments import Kind, S
from domain.values import Frozen


class Instrument(Frozen):
    """One CPW, CPN, FPN, injunction, arrest, closure notice... with its lifecycle state."""

    id: UUID
    kind: Kind
    state: S
    opened_version: int
    opened_at: datetime
    rule_set: str
    parent_id: UUID | None = None
    conduct: str | None = None
    #: Behaviour categories a CPW or CPN addresses (empty: named in words only).
    conduct_categories: tuple[str, ...] = ()
    comply_by: datetime | None = None
    expires_on: date | None = None
    granted_on: date | None = None
    power_of_arrest: bool = False
    power_of_arrest_expires_on: date | None = None
    power_of_arrest_ground: str | None = None
    power_of_arrest_terms: tuple[str, ...] = ()
    amount: Decimal | None = None
    without_notice: bool = False
    interim: bool = False
    duration_hours: int | None = None
    hearing_at: datetime | None = None
    positive_requirements: tuple[str, ...] = ()
    supervisor: str | None = None
    terms: tuple[str, ...] = ()
    detail: str = ""
    power: str | None = None
    breaches: tuple[int, ...] = ()
    #: s.46(3) kind of each of `terms` (CPN requirements); empty means all "stop".
    term_kinds: tuple[str, ...] = ()
    #: A closure notice's service (s.79), apart from its issue.
    served_at: datetime | None = None
    #: When the applicant for the injunction was told of an arrest (s.9(2)).
    applicant_informed_at: datetime | None = None
    #: Items surrendered with a dispersal direction (s.37), and what became of them.
    items: tuple[str, ...] = ()
    items_surrendered_at: datetime | None = None
    items_outcome: str | None = None
    items_outcome_at: datetime | None = None
    #: When the order was varied, and when reviewed (SA2020 ss.336-337).
    varied_at: tuple[datetime, ...] = ()
    reviewed_at: tuple[datetime, ...] = ()
    history: tuple[tuple[int, S, datetime], ...] = ()

    def served_or_issued_at(self) -> datetime:
        """A closure notice's service starts its clocks (ss.77, 80(3)); until service is
        recorded, its issue stands for it."""
        return self.served_at or self.opened_at

    def moved(self, version: int, state: S, at: datetime, **changes: object) -> Instrument:
        return self.model_copy(
            update={"state": state, "history": (*self.history, (version, state, at)), **changes}
        )


class LinkedIncident(Frozen):
    incident_id: UUID
    occurred_at: datetime
    conduct: str | None
    version: int
    #: The incident's category (None on links recorded before categories were copied).
    category: str | None = None


class Note(Frozen):
    """An intervention, consultation or assessment: what, when, for which step."""

    id: UUID
    version: int
    occurred_at: datetime
    kind: str
    about_step: str | None = None
    flag: bool = False


class Override(Frozen):
    id: UUID
    version: int
    for_step: str
    guard_code: str
    reason: str
    actor: str
    used_by_version: int | None = None


class Correction(Frozen):
    version: int
    corrected_version: int
    correction: str
    reason: str


class Share(Frozen):
    """A partner agency's access to a case, as agreed (and until revoked)."""

    partner_agency: str
    purpose: str
    gateway: str
    agreed_by: str
    agreed_version: int
    until: date | None = None

    def in_force(self, on: date) -> bool:
        return self.until is None or on <= self.until
