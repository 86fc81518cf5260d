"""Small value types shared by events, commands and aggregates."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=4000)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=10, max_length=4000)]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Rank(str, Enum):
    """Role or rank of the person who authorised a step (decides authority guards)."""

    CONSTABLE = "constable"
    PCSO = "pcso"
    SERGEANT = "sergeant"
    INSPECTOR = "inspector"
    CHIEF_INSPECTOR = "chief_inspector"
    SUPERINTENDENT = "superintendent"
    CHIEF_SUPERINTENDENT = "chief_superintendent"
    COUNCIL_OFFICER = "council_officer"
    COUNCIL_DESIGNATE = "council_designate"
    COUNCIL_CHIEF_EXECUTIVE = "council_chief_executive"
    HOUSING_OFFICER = "housing_officer"
    RP_SENIOR_MANAGER = "rp_senior_manager"


POLICE_ORDER = [
    Rank.PCSO, Rank.CONSTABLE, Rank.SERGEANT, Rank.INSPECTOR, Rank.CHIEF_INSPECTOR,
    Rank.SUPERINTENDENT, Rank.CHIEF_SUPERINTENDENT,
]


def police_at_least(rank: Rank, minimum: Rank) -> bool:
    return rank in POLICE_ORDER and POLICE_ORDER.index(rank) >= POLICE_ORDER.index(minimum)


class Need(str, Enum):
    DRUG_ALCOHOL = "drug_alcohol"
    MENTAL_HEALTH = "mental_health"
    HOMELESSNESS = "homelessness"
    LEARNING_DISABILITY = "learning_disability"
    DEBT = "debt"
    EXPLOITATION = "exploitation"
    YOUTH = "youth"
    SAFEGUARDING_CHILD = "safeguarding_child"
    SAFEGUARDING_ADULT = "safeguarding_adult"
    OTHER = "other"


class Subject(Frozen):
    """The person a pathway is about. Personal data: minimise, never log."""

    name: Name
    date_of_birth: date | None = None
    pseudonym: str | None = Field(default=None, max_length=40)
    vulnerabilities: tuple[str, ...] = ()
