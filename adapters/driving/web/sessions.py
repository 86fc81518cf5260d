"""Browser sessions: a signed-in officer's cookie, resolved to a user on every request.

An officer signs in by pasting the token `asb users add` (or `rotate`) printed. The browser
gets only a random session id (HttpOnly, SameSite=Lax, Secure over https); the token stays on
the server and is checked again on every request, so disabling a user, rotating their token
or changing their role holds from their next page, exactly as for the API. A session also
ends on sign-out, after `idle` without a request and after `lifetime` whatever happens.
Each session has its own CSRF token, required on every form post.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field

COOKIE = "pathway_session"


@dataclass
class Session:
    token: str
    csrf: str
    started: float
    seen: float
    flash: list[str] = field(default_factory=list)


class Sessions:
    """Sessions held in memory by the serving process (a restart signs everyone out)."""

    def __init__(self, *, idle: float = 30 * 60, lifetime: float = 8 * 3600,
                 clock: Callable[[], float] = time.monotonic, limit: int = 10_000) -> None:
        self.idle, self.lifetime, self.clock, self.limit = idle, lifetime, clock, limit
        self._by_id: dict[str, Session] = {}

    def start(self, token: str) -> str:
        """A new session for `token`; its id (the cookie's value)."""
        self._expire()
        while len(self._by_id) >= self.limit:  # the oldest goes first
            self._by_id.pop(next(iter(self._by_id)))
        sid = secrets.token_urlsafe(32)
        now = self.clock()
        self._by_id[sid] = Session(token, secrets.token_urlsafe(32), now, now)
        return sid

    def get(self, sid: str | None) -> Session | None:
        """The live session with id `sid`, touched; None when unknown or expired."""
        session = self._by_id.get(sid or "")
        if session is None:
            return None
        now = self.clock()
        if now - session.seen > self.idle or now - session.started > self.lifetime:
            self._by_id.pop(sid or "", None)
            return None
        session.seen = now
        return session

    def end(self, sid: str | None) -> None:
        self._by_id.pop(sid or "", None)

    def end_token(self, token: str) -> int:
        """End every session started with `token`; how many."""
        ended = [sid for sid, s in self._by_id.items() if hmac.compare_digest(s.token, token)]
        for sid in ended:
            self._by_id.pop(sid)
        return len(ended)

    def _expire(self) -> None:
        now = self.clock()
        for sid in [sid for sid, s in self._by_id.items()
                    if now - s.seen > self.idle or now - s.started > self.lifetime]:
            self._by_id.pop(sid)


def csrf_ok(session: Session, sent: str | None) -> bool:
    return bool(sent) and hmac.compare_digest(session.csrf, sent or "")
