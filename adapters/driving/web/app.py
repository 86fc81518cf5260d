"""Mounting the web UI on the API's FastAPI app: pages, the GOV.UK Frontend assets and the
session store. The assets come from the `govuk-frontend` package the README's set-up line
installs into frontend/node_modules; they are served from here, never from a CDN.
"""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from adapters.driving.web import pages
from adapters.driving.web.docs import mount_docs
from adapters.driving.web.render import SignInRequired, render
from adapters.driving.web.sessions import Sessions

FRONTEND = Path(__file__).resolve().parents[3] / "frontend" / "node_modules"
GOVUK_DIST = FRONTEND / "govuk-frontend" / "dist" / "govuk"
SWAGGER_DIST = FRONTEND / "swagger-ui-dist"

log = logging.getLogger(__name__)


def mount_web(app: FastAPI, sessions: Sessions | None = None,
              dist: Path = GOVUK_DIST, *, openapi: bool = True) -> FastAPI:
    """Add the pages to `app` (which already carries the services `create_app` wired)."""
    app.state.web_sessions = sessions or Sessions()
    if (dist / "govuk-frontend.min.css").is_file():
        # The stylesheet asks for /assets/fonts/... and /assets/images/...
        app.mount("/assets", StaticFiles(directory=dist / "assets"), name="assets")
        app.mount("/static", StaticFiles(directory=dist), name="static")
    else:
        log.warning("GOV.UK Frontend is not installed in %s: pages are served unstyled "
                    "(run `npm ci --prefix frontend`)", dist)
    app.include_router(pages.router)
    mount_docs(app, SWAGGER_DIST, openapi)

    @app.exception_handler(SignInRequired)
    async def _sign_in(request: Request, _: SignInRequired) -> Response:
        return RedirectResponse("/sign-in", status_code=303)

    return app


__all__ = ["mount_web", "render"]
