"""Case access for front ends: every load, record and export of a case goes through here.

`PathwayApplication` is the trusted core (the demo script, replays and the projector use it
directly); an HTTP request, the web UI or any other user-facing front end asks `CaseAccess`,
which loads the case, applies `service.permissions.case_access` (404 out of reach, 403 not
allowed) and only then acts.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any
from uuid import UUID

from domain.model import Actor, Command, DomainEvent, Incident, NotFoundError
from service.application import PathwayApplication, Stream
from service.permissions import Action, CaseScope, case_access, case_scope

WHAT = {"pathway": "pathway", "place": "place", "incident": "incident"}


class CaseAccess:
    """The application as one user may use it."""

    def __init__(self, application: PathwayApplication) -> None:
        self.app = application

    def today(self) -> date:
        return self.app.clock().date()

    def scope(self, who: Actor) -> CaseScope:
        return case_scope(who, self.today())

    def require(self, who: Actor, stream_id: UUID, kind: str | None, action: Action,
                target: str = "") -> Stream:
        """The case, if `who` may do `action` on it (NotFoundError / PermissionDeniedError)."""
        what = WHAT.get(kind or "", "pathway, place or incident")
        agg = self.app.load_any(stream_id, what)
        if kind is not None and agg.KIND != kind:
            raise NotFoundError(f"no {what} with id {stream_id}")
        case_access(who, _owned(self.app, agg), self.today(), action, target, what)
        return agg

    def record(self, who: Actor, stream_id: UUID, kind: str, cmd: Command | Mapping[str, Any],
               *, expected_version: int | None = None,
               command_id: str | None = None) -> DomainEvent:
        step = cmd.step if isinstance(cmd, Command) else str(cmd.get("step", ""))
        self.require(who, stream_id, kind, Action.RECORD, step)
        return self.app.record(stream_id, cmd, who, expected_version=expected_version,
                               command_id=command_id)


def _owned(app: PathwayApplication, agg: Stream) -> Stream:
    """`agg`, its owning agency filled in when it came from a snapshot older than the field."""
    if agg.owner_agency or isinstance(agg, Incident):
        return agg
    first = next(iter(app.events.get(agg.id, lte=1)), None)
    if first is not None:
        agg.owner_agency = str(getattr(first, "agency", ""))
    return agg
