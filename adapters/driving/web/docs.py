"""API docs at /docs for a signed-in user: Swagger UI from the installed `swagger-ui-dist`
package (served from here, never a CDN), reading the OpenAPI document through the session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from adapters.driving.web.render import signed_in

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Pathway API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/swagger/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/swagger/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script></body></html>
"""
INIT = "window.ui = SwaggerUIBundle({url: '/docs/openapi.json', dom_id: '#swagger-ui'});\n"


def mount_docs(app: FastAPI, dist: Path, openapi: bool) -> None:
    """/docs, its script and the document, when the package is installed and the OpenAPI
    document is served at all (ASB_OPENAPI)."""
    if not openapi or not (dist / "swagger-ui-bundle.js").is_file():
        return
    app.mount("/swagger", StaticFiles(directory=dist), name="swagger")
    router = APIRouter(include_in_schema=False)

    @router.get("/docs", response_class=HTMLResponse)
    def docs(request: Request) -> Response:
        signed_in(request)
        return HTMLResponse(PAGE)

    @router.get("/docs/init.js")
    def init() -> Response:
        return Response(INIT, media_type="text/javascript")

    @router.get("/docs/openapi.json")
    def document(request: Request) -> Any:
        signed_in(request)
        return JSONResponse(app.openapi())

    app.include_router(router)
