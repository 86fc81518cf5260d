"""Server logs without personal data: query-string values are redacted from the access log.

uvicorn's access log writes each request line, query string included; a search for a name
(`GET /api/pathways?q=...`) would put the name in the server log, outside the access audit's
controls. Only values of parameters known to carry no personal data are kept.
"""

from __future__ import annotations

import copy
import logging
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

#: Query parameters whose values are never personal data.
SAFE_PARAMS = frozenset({"format", "limit", "offset", "status", "overdue", "include_met",
                         "names", "from", "to", "only", "due_before", "since", "until"})
REDACTED = "[redacted]"


def redact_path(path: str) -> str:
    """`/api/pathways?q=kyle&limit=5` -> `/api/pathways?q=[redacted]&limit=5`."""
    parts = urlsplit(path)
    if not parts.query:
        return path
    pairs = [f"{quote(k)}={v if k in SAFE_PARAMS else REDACTED}"
             for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    return f"{parts.path}?{'&'.join(pairs)}"


class RedactQuery(logging.Filter):
    """Rewrites the path argument of uvicorn's access-log records."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], redact_path(args[2]), *args[3:])
        return True


def log_config() -> dict[str, Any]:
    """uvicorn's default logging configuration with the access log redacted."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["redact_query"] = {"()": RedactQuery}
    config["handlers"]["access"].setdefault("filters", []).append("redact_query")
    return config
