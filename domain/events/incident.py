"""Events of a reported incident (one stream per incident).

Class paths are stored topics: rename only with a registered topic and upcaster.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from domain.events.base import ERASED, DomainEvent
from domain.events.fields import (
    IncidentReportedFields,
)


class IncidentReported(DomainEvent, IncidentReportedFields):
    step: ClassVar[str] = "incident_reported"
    #: Third parties' names: encrypted with the incident's own key.
    personal: ClassVar[Mapping[str, Any]] = {"victims": (ERASED,), "witnesses": (ERASED,)}


EVENTS: tuple[type[DomainEvent], ...] = (
    IncidentReported,
)
