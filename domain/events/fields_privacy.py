"""Fields of the data-protection steps: what an erasure records about itself (metadata
only: never the erased content, which the log of an erasure must not copy)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from domain.values import Frozen, Name, Reason

ErasureGround = Literal["art17_request", "retention_expired", "unlawful_processing"]


class SubjectErasedFields(Frozen):
    #: Why: a data subject's request (UK GDPR Art 17(1); DPA 2018 s.47(1)), the end of the
    #: retention period, or processing found unlawful.
    ground: ErasureGround
    reason: Name
    request_reference: str | None = Field(default=None, max_length=80)


RestrictionGround = Literal["accuracy_contested", "unlawful_processing",
                            "needed_for_legal_claims", "objection_pending"]


class ProcessingRestrictedFields(Frozen):
    #: Why processing is restricted: the subject contests the data's accuracy, processing is
    #: unlawful but the data is kept, it is needed for legal claims, or an objection is being
    #: decided (UK GDPR Art 18(1)(a)-(d); DPA 2018 s.47(2)).
    ground: RestrictionGround
    reason: Reason
    restricted_by: Name


class RestrictionLiftedFields(Frozen):
    reason: Reason


class Restriction(Frozen):
    """A restriction of processing in force on a pathway: since when, on what ground, why."""

    since: datetime
    ground: RestrictionGround
    reason: str
