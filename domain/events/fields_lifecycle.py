"""Step fields of what follows an instrument: the applicant told of an arrest (ASBCPA2014
s.9(2)), property surrendered with a dispersal direction (ss.37-38), a closure notice served
(s.79).

Kept apart from fields.py so each module stays small; commands and events share these.
"""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from pydantic import Field

from domain.values import Frozen, Name, Text


class ArrestApplicantInformedFields(Frozen):
    instrument_id: UUID
    applicant: Name
    method: Text = ""


class ItemsSurrenderedFields(Frozen):
    instrument_id: UUID
    items: tuple[Name, ...] = Field(min_length=1)
    required_by: Name
    written_notice_given: bool = True


class SurrenderedItemsResolvedFields(Frozen):
    instrument_id: UUID
    outcome: Literal["returned", "destroyed"]
    by: Name
    note: Text = ""


class ClosureNoticeServedFields(Frozen):
    instrument_id: UUID
    served_by: Name
    fixed_at: Text = ""
    copies_given_to: tuple[Name, ...] = ()
