"""Who is calling: bearer tokens from `asb users add`.

The actor, agency, role and rank recorded on an event are the token's user's, always:
request bodies cannot carry them (they are closed models; sending one is 422).

What each role may do is the service's policy (service/permissions.py); routes ask it with
`authorise` and errors.py maps its refusal to 403. Agency scoping of lists is the service's
`case_scope`, turned here into the read models' `Scope`.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
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
    """Token lookup (adapters.driven.auth.users.UserStore satisfies it)."""

    def authenticate(self, token: str) -> User | None: ...


class TokenCache:
    """Users of recently seen tokens, so a busy client costs no user lookup per request.

    Keyed by the token's SHA-256 (the token itself is not kept). Only successful lookups
    are cached, for `ttl` seconds: a user removed from the store is refused at most `ttl`
    seconds later (ttl=0 turns the cache off).
    """

    def __init__(self, users: Users, ttl: float = 30.0, size: int = 4096,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.users, self.ttl, self.size, self.clock = users, ttl, size, clock
        self._seen: OrderedDict[str, tuple[float, User]] = OrderedDict()
        self._lock = threading.Lock()

    def cached(self, token: str) -> User | None:
        key = hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
        with self._lock:
            found = self._seen.get(key)
            if found is None or self.clock() - found[0] >= self.ttl:
                return None
            return found[1]

    def authenticate(self, token: str) -> User | None:
        user = self.users.authenticate(token)
        if user is not None and self.ttl > 0:
            key = hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
            with self._lock:
                self._seen[key] = (self.clock(), user)
                self._seen.move_to_end(key)
                while len(self._seen) > self.size:
                    self._seen.popitem(last=False)
        return user


def unauthorised(message: str) -> ApiError:
    return ApiError(401, "unauthorised", message, {"WWW-Authenticate": 'Bearer realm="pathway"'})


NO_TOKEN = "send Authorization: Bearer <token> (from `asb users add`)"
BAD_TOKEN = "the bearer token is not valid"


def scope_of(user: User, on: date) -> Scope:
    """The cases `user` may list on `on`: their agency's and those shared with it (403 for a
    role that reads no case data)."""
    found = case_scope(user, on)
    return Scope(found.agencies, found.on, found.view.value)
