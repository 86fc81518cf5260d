"""Step fields of orders on conviction and of the 2026 Act's Respect Order.

Kept apart from fields.py so each module stays small; the same rule holds: commands and
events share these definitions.
"""

from __future__ import annotations

from datetime import date
from typing import Literal
from uuid import UUID

from pydantic import Field

from domain.values import Frozen, Name, Text

#: SA2020 s.336(1): the offender or the prosecution applies to vary or discharge.
CboApplicant = Literal["offender", "prosecution"]


class CboVariedFields(Frozen):
    instrument_id: UUID
    applicant: CboApplicant
    changes: Name
    expires_on: date | None = None
    prohibitions: tuple[Name, ...] = ()
    requirements: tuple[Name, ...] = ()
    supervisor: Name | None = None


class CboDischargedFields(Frozen):
    instrument_id: UUID
    applicant: CboApplicant
    reason: Name


class CboReviewedFields(Frozen):
    instrument_id: UUID
    compliance: Name
    support: Text = ""
    recommendation: Text = ""


class RespectOrderAppliedFields(Frozen):
    instrument_id: UUID
    court: Name = "County court"
    prohibitions: tuple[Name, ...] = ()
    requirements: tuple[Name, ...] = ()
    supervisor: Name | None = None
    without_notice: bool = False
    lesser_measures_reason: Text | None = None


class RespectOrderGrantedFields(Frozen):
    instrument_id: UUID
    interim: bool = False
    expires_on: date | None = None
    prohibitions: tuple[Name, ...] = ()
    requirements: tuple[Name, ...] = ()
    supervisor: Name | None = None
    excluded_from_home: bool = False


class RespectOrderDischargedFields(Frozen):
    instrument_id: UUID
    outcome: Literal["discharged", "refused"] = "discharged"
    reason: Name = Field(default="Discharged on application")
