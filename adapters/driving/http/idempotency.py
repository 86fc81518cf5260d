"""The `Idempotency-Key` request header: a client's id for one write, safe to retry.

Passed to the service as the command id. A retry with the same key returns the first
answer (same status and body, no second event); the same key with a different request is
refused (see errors.py).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Header

from service.idempotency import MAX_COMMAND_ID_LENGTH

HEADER = "Idempotency-Key"
REUSED_RULE = (
    "this key was first sent with a different request (another path, step, body or user); "
    "a key names one request: send a new key for a new request, the same key only to retry"
)

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias=HEADER, min_length=1, max_length=MAX_COMMAND_ID_LENGTH,
        pattern=r"^[\x21-\x7e]+$",
        description="A unique key for this write (a UUID is a good choice). Retrying with "
                    "the same key and the same body returns the first answer without "
                    "recording twice; the same key with another body is a 422.",
    ),
]
