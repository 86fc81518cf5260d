"""Fields of the data-protection steps: what an erasure records about itself (metadata
only: never the erased content, which the log of an erasure must not copy)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from domain.values import Frozen, Name

ErasureGround = Literal["art17_request", "retention_expired", "unlawful_processing"]


class SubjectErasedFields(Frozen):
    #: Why: a data subject's request (UK GDPR Art 17(1); DPA 2018 s.47(1)), the end of the
    #: retention period, or processing found unlawful.
    ground: ErasureGround
    reason: Name
    request_reference: str | None = Field(default=None, max_length=80)
