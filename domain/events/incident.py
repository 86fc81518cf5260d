"""Events of a reported incident (one stream per incident).

Class paths are stored topics: rename only with a registered topic and upcaster.
"""

from __future__ import annotations

from typing import ClassVar

from domain.events.base import DomainEvent
from domain.events.fields import (
    IncidentReportedFields,
)


class IncidentReported(DomainEvent, IncidentReportedFields):
    step: ClassVar[str] = "incident_reported"


EVENTS: tuple[type[DomainEvent], ...] = (
    IncidentReported,
)
