"""Dependencies, declared once as `Annotated` types and reused by every route.

The ones that only hand out objects are `async def`: FastAPI runs a plain `def` dependency
in its thread pool, a hop per dependency per request that showed in the benchmark.

Nothing is built here: `create_app` puts the wired services on `app.state`, and these
functions only hand them out (so tests build apps with their own stores and clocks).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection
from starlette.concurrency import run_in_threadpool

from adapters.driving.http.auth import (
    BAD_TOKEN,
    NO_TOKEN,
    FailedAuthLimiter,
    User,
    Users,
    scope_of,
    too_many_failures,
    unauthorised,
)
from adapters.driving.http.kinds import StreamKinds
from adapters.driven.exports.ports import LogReader
from adapters.driven.readmodels.queries import Scope
from adapters.driven.readmodels.readside import ReadSide
from adapters.driven.store.settings import StoreSettings
from service.access import CaseAccess
from service.application import PathwayApplication
from service.audit import AccessAudit


@dataclass(frozen=True)
class Services:
    application: PathwayApplication
    users: Users
    read_side: ReadSide
    settings: StoreSettings
    clock: Callable[[], datetime]
    failures: FailedAuthLimiter
    kinds: StreamKinds
    log: LogReader  # what exports read
    audit: AccessAudit  # who read, searched and exported what


async def _services(request: Request) -> Services:
    return request.app.state.services  # type: ignore[no-any-return]


ServicesDep = Annotated[Services, Depends(_services)]


async def _application(services: ServicesDep) -> PathwayApplication:
    return services.application


ApplicationDep = Annotated[PathwayApplication, Depends(_application)]

_bearer = HTTPBearer(auto_error=False, scheme_name="bearer",
                     description="A token printed by `asb users add` (its last line).")


async def _current_user(
    request: Request,
    services: ServicesDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> User:
    """The token's user, looked up on every request (see auth.py for why nothing is cached)."""
    token = credentials.credentials if credentials else None
    if not token:
        raise unauthorised(NO_TOKEN)
    client = request.client.host if request.client else ""
    if (wait := services.failures.retry_after(client)) is not None:
        raise too_many_failures(wait)
    if services.users.embedded:
        # An indexed read of a local SQLite file (~65 us) costs less than the thread-pool
        # hop that would move it off the event loop (docs/performance.md, "Tokens").
        user = services.users.authenticate(token)
    else:  # a network round trip: off the event loop, so a slow database stalls no one else
        user = await run_in_threadpool(services.users.authenticate, token)
    if user is None:
        services.failures.failed(client)
        raise unauthorised(BAD_TOKEN)
    return user


CurrentUser = Annotated[User, Depends(_current_user)]


async def _scope(user: CurrentUser, services: ServicesDep) -> Scope:
    return scope_of(user, services.clock().date())


ScopeDep = Annotated[Scope, Depends(_scope)]


async def _access(services: ServicesDep) -> CaseAccess:
    return CaseAccess(services.application)


AccessDep = Annotated[CaseAccess, Depends(_access)]


async def _now(services: ServicesDep) -> datetime:
    return services.clock()


Now = Annotated[datetime, Depends(_now)]


def _fresh_reads(services: ServicesDep, _: CurrentUser) -> Iterator[Connection]:
    """A read transaction on read models that include every write committed before it."""
    services.read_side.refresh()
    with services.read_side.store.read() as conn:
        yield conn


ReadConn = Annotated[Connection, Depends(_fresh_reads)]
