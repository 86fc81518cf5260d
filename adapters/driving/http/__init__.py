"""The HTTP adapter (FastAPI). Build it with `create_app`; nothing is wired on import."""

from adapters.driving.http.app import create_app

__all__ = ["create_app"]
