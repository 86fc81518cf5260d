"""The Incident aggregate: one reported incident, never edited, only corrected."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel

from domain.aggregate import shared_fields
from domain.errors import DomainValidationError
from domain.events.base import GENESIS_HASH, DomainEvent
from domain.events.incident import IncidentReported
from domain.guards import Actor
from domain.rulesets import RuleBook


class Incident:
    KIND = "incident"

    def __init__(self, id: UUID) -> None:
        self.id = id
        self.version = 0
        self.head_hash = GENESIS_HASH
        self.report: IncidentReported | None = None

    @classmethod
    def report_new(
        cls, id: UUID, cmd: Any, actor: Actor, now: datetime, rule_book: RuleBook
    ) -> DomainEvent:
        if cmd.step != "incident_reported":
            raise DomainValidationError.single("step", "an incident starts with incident_reported")
        if cmd.occurred_at > now:
            raise DomainValidationError.single("occurred_at", "must not be in the future")
        command_cls: type[BaseModel] = type(cmd)
        fields = {n: getattr(cmd, n) for n in shared_fields(command_cls, IncidentReported)}
        envelope = dict(
            originator_id=id, originator_version=1, recorded_at=now,
            actor=actor.user_id, agency=actor.agency, role=actor.role, rank=actor.rank,
            rule_set=rule_book.for_moment(cmd.occurred_at).id,
            legal_basis=cmd.legal_basis or "Incident report", prev_hash=GENESIS_HASH,
        )
        return IncidentReported(**{**fields, **envelope}).sealed()

    def apply(self, event: DomainEvent) -> None:
        if isinstance(event, IncidentReported):
            self.report = event
        self.version = event.originator_version
        self.head_hash = event.hash

    def copy(self) -> Incident:
        clone = Incident(self.id)
        clone.__dict__.update(self.__dict__)
        return clone
