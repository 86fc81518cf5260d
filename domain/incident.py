"""The Incident aggregate: one reported incident, never edited, only corrected."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from uuid import UUID

from domain.commands import Command
from domain.events.base import GENESIS_HASH, DomainEvent
from domain.events.incident import IncidentReported
from domain.guards import Actor
from domain.links import StreamFacts
from domain.recording import open_stream
from domain.rulesets import RuleBook
from domain.steps import OPENERS


class Incident:
    KIND = "incident"
    OPENER = "incident_reported"

    def __init__(self, id: UUID) -> None:
        self.id = id
        self.version = 0
        self.head_hash = GENESIS_HASH
        self.report: IncidentReported | None = None

    @classmethod
    def open(cls, stream_id: UUID, cmd: Command, actor: Actor, now: datetime,
             rule_book: RuleBook, known: Mapping[UUID, StreamFacts] | None = None,
             ) -> DomainEvent:
        """The one event of an incident: its report, recorded like any other step. `known`
        holds the place and pathways it names, as they stand."""
        return open_stream(IncidentReported, OPENERS[cls.OPENER], cls.KIND, stream_id, cmd, actor,
                           now, rule_book, known)

    def apply(self, event: DomainEvent) -> None:
        if isinstance(event, IncidentReported):
            self.report = event
        self.version = event.originator_version
        self.head_hash = event.hash

    @property
    def owner_agency(self) -> str:
        """The agency that reported it."""
        return self.report.agency if self.report is not None else ""

    def copy(self) -> Incident:
        clone = Incident(self.id)
        clone.__dict__.update(self.__dict__)
        return clone
