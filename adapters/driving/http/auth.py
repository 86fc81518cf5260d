"""Who is calling: bearer tokens from `asb users add` (or `asb users rotate`).

Each request's token is looked up afresh (UserStore.authenticate: one indexed lookup by
hash), so disabling a user, rotating their token or changing their role holds from the very
next request, and the role recorded on an event is the role at that moment. A cookie session
for a browser front end would be a second way to present a credential, resolved to a user
by the same kind of per-request lookup (deps._current_user is the one place to add it).

The actor, agency, role and rank recorded on an event are the token's user's, always:
request bodies cannot carry them (they are closed models; sending one is 422).

What each role may do is the service's policy (service/permissions.py); routes ask it with
`authorise` and errors.py maps its refusal to 403. Agency scoping of lists is the service's
`case_scope`, turned here into the read models' `Scope`.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from datetime import date
from typing import Protocol

from adapters.driven.readmodels.queries import Scope
from adapters.driving.http.errors import ApiError
from domain.model import Actor
from service.permissions import case_scope


class User(Protocol):
    """What the HTTP layer needs of a user (adapters.driven.auth.users.User satisfies it)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def agency(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def rank(self) -> str | None: ...

    def actor(self) -> Actor: ...


class Users(Protocol):
    """Token lookup (adapters.driven.auth.users.UserStore satisfies it): the user if the token
    may be used now (known, not expired, user not disabled), else None. Asked on every
    request, never cached, so a revocation or role change holds from the next request.
    `embedded`: the lookup is a local file read, cheap enough to run on the event loop."""

    @property
    def embedded(self) -> bool: ...

    def authenticate(self, token: str) -> User | None: ...

    def label(self, user_id: str) -> str | None:
        """How documents name the user (the exports' `People` port), None if unknown."""
        ...


class FailedAuthLimiter:
    """Bad tokens per client address in the last minute, to stop guessing.

    After `per_minute` failures from one address, its requests are refused (429 with
    Retry-After) until the oldest failure is a minute old, whatever token they carry.
    Memory is bounded: at most `per_minute` timestamps for each of the `clients` most recently
    failing addresses (the least recent is forgotten first). `per_minute=0` turns it off.
    Used from the event loop only, so it needs no lock.
    """

    WINDOW = 60.0

    def __init__(self, per_minute: int, clients: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute, self.clients, self.clock = per_minute, clients, clock
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()

    def retry_after(self, client: str) -> int | None:
        """Seconds until `client` may try again, or None when it may try now."""
        failures = self._failures.get(client)
        if not self.per_minute or failures is None or len(failures) < self.per_minute:
            return None
        wait = failures[0] + self.WINDOW - self.clock()
        if wait <= 0:
            failures.popleft()
            return None
        return max(1, math.ceil(wait))

    def failed(self, client: str) -> None:
        if not self.per_minute:
            return
        failures = self._failures.get(client)
        if failures is None:
            failures = self._failures[client] = deque(maxlen=self.per_minute)
        failures.append(self.clock())
        self._failures.move_to_end(client)
        while len(self._failures) > self.clients:
            self._failures.popitem(last=False)


def unauthorised(message: str) -> ApiError:
    return ApiError(401, "unauthorised", message, {"WWW-Authenticate": 'Bearer realm="pathway"'})


NO_TOKEN = "send Authorization: Bearer <token> (from `asb users add`)"
BAD_TOKEN = ("the bearer token is not valid: unknown, expired or revoked "
             "(`asb users rotate` issues a new one)")


def too_many_failures(retry_after: int) -> ApiError:
    return ApiError(429, "too_many_failures",
                    f"too many invalid tokens from this address; try again in {retry_after} s",
                    {"Retry-After": str(retry_after)})


def scope_of(user: User, on: date) -> Scope:
    """The cases `user` may list on `on`: their agency's and those shared with it (403 for a
    role that reads no case data)."""
    found = case_scope(user, on)
    return Scope(found.agencies, found.on, found.view.value)
