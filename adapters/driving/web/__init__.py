"""The officer web UI: server-rendered GOV.UK Design System pages over the same service
layer and permissions as the API (a second driving adapter, mounted on the same app)."""

from adapters.driving.web.app import mount_web

__all__ = ["mount_web"]
