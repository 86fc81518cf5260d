"""Templates and who is signed in: the pieces every page uses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from adapters.driving.http.auth import User
from adapters.driving.http.deps import Services
from adapters.driving.web.sessions import COOKIE, Session, Sessions
from domain.calendar import LONDON

TEMPLATES = Path(__file__).parent / "templates"


class SignInRequired(Exception):
    """No live session, or its token no longer works: go to the sign-in page."""


def _when(value: datetime | None, fmt: str = "%d %B %Y %H:%M") -> str:
    return value.astimezone(LONDON).strftime(fmt) if value else ""


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["when"] = _when
    env.filters["day"] = lambda v: _when(v, "%d %B %Y")
    env.filters["words"] = lambda s: str(s or "").replace("_", " ")
    return env


ENV = _env()


@dataclass
class Web:
    """A signed-in request: the services, the user (looked up afresh) and the session."""

    services: Services
    user: User
    session: Session
    sid: str


def sessions_of(request: Request) -> Sessions:
    return request.app.state.web_sessions  # type: ignore[no-any-return]


def signed_in(request: Request) -> Web:
    """The signed-in user, checked again now (a disabled or rotated token ends the session)."""
    sid = request.cookies.get(COOKIE, "")
    sessions = sessions_of(request)
    session = sessions.get(sid)
    if session is None:
        raise SignInRequired
    services: Services = request.app.state.services
    user = services.users.authenticate(session.token)
    if user is None:
        sessions.end(sid)
        raise SignInRequired
    return Web(services, user, session, sid)


def render(request: Request, template: str, code: int = 200, web: Web | None = None,
           **context: Any) -> HTMLResponse:
    html = ENV.get_template(template).render(
        request=request, user=web.user if web else None,
        csrf=web.session.csrf if web else context.pop("csrf", ""), **context)
    return HTMLResponse(html, status_code=code)
