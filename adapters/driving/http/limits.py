"""Limits and headers every response gets, as plain ASGI middleware (outside routing, so
they hold for authenticated and unauthenticated requests alike).

* `BodyLimit`: a request body larger than the limit is refused with 413 before it is read.
  A declared Content-Length over the limit is refused without calling the application at
  all; a body sent without one (chunked) is counted as it arrives and refused at the first
  chunk past the limit. The rest is never held in memory.
* `NoStore`: `Cache-Control: no-store` on every response. Every API response may carry
  personal data (names, dates of birth, vulnerabilities), and the API serves no static assets
  that a cache could usefully keep.
"""

from __future__ import annotations

from collections.abc import Mapping

from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from adapters.driving.http.errors import SafeJSONResponse

TOO_LARGE = "too_large"


class BodyTooLargeError(HTTPException):
    """Raised from `receive` when a streamed body passes the limit. An HTTPException, so the
    framework hands it to the error handlers (errors.py) instead of calling it bad input."""

    def __init__(self, limit: int) -> None:
        super().__init__(status_code=413, detail=too_large_message(limit))
        self.limit = limit


def too_large_message(limit: int) -> str:
    return f"body: at most {limit} bytes"


def too_large(limit: int) -> SafeJSONResponse:
    return SafeJSONResponse({"error": TOO_LARGE, "message": too_large_message(limit)},
                            status_code=413)


class BodyLimit:
    """At most `limit` bytes of request body; `per_path` names paths with a limit of their own."""

    def __init__(self, app: ASGIApp, limit: int, per_path: Mapping[str, int] | None = None) -> None:
        self.app, self.limit, self.per_path = app, limit, dict(per_path or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.per_path.get(scope["path"], self.limit)
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await too_large(limit)(scope, receive, send)
            return
        received, started = 0, False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLargeError(limit)
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLargeError:
            if started:  # too late for a status: the connection is the only signal left
                raise
            await too_large(limit)(scope, receive, send)


class NoStore:
    """Adds `Cache-Control: no-store` to every HTTP response that does not set its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_header(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("cache-control", "no-store")
            await send(message)

        await self.app(scope, receive, with_header)
