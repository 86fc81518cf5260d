"""The domain's public face: import from here."""

from domain.aggregate import CaseStream
from domain.commands import Command, command, parse_command
from domain.deadlines import TIMERS, Deadline, deadlines
from domain.errors import (
    DomainValidationError, NotFoundError, PathwayError, StepRefusedError, VersionConflictError,
)
from domain.events.base import DomainEvent, Snapshot
from domain.events.incident import IncidentReported
from domain.events.person import PathwayOpened
from domain.events.place import PlaceRegistered
from domain.guards import Actor, GuardKind, Refusal
from domain.incident import Incident
from domain.pathway import Pathway
from domain.registry import GUARDS
from domain.place import Place
from domain.policy import NextStep, next_steps
from domain.rulesets import KNOWN_RULE_SETS, RuleBook, RuleSet
from domain.status import status_at

__all__ = [
    "Actor", "CaseStream", "Command", "Deadline", "DomainEvent", "DomainValidationError",
    "GUARDS", "GuardKind", "Incident", "IncidentReported", "KNOWN_RULE_SETS", "NextStep",
    "NotFoundError", "Pathway", "PathwayError", "PathwayOpened", "Place", "PlaceRegistered",
    "Refusal", "RuleBook", "RuleSet", "Snapshot", "StepRefusedError", "TIMERS",
    "VersionConflictError", "command", "deadlines", "next_steps", "parse_command", "status_at",
]
