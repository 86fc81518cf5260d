"""Step-specific fields, defined once and shared by commands and events.

An event class is the envelope (`DomainEvent`) plus one of these; a command is the
command envelope plus the same fields. Types stay apart, definitions do not repeat.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Literal
from uuid import UUID

from pydantic import AwareDatetime, Field, model_validator

from domain.values import Frozen, Name, Need, Rank, Reason, Subject, Text


def _after_occurrence(model: Frozen, field: str, value: datetime | None) -> None:
    occurred_at = getattr(model, "occurred_at", None)
    if value is not None and occurred_at is not None and value <= occurred_at:
        raise ValueError(f"{field}: must be after occurred_at")


# ---------------------------------------------------------------- person track
class PathwayOpenedFields(Frozen):
    subject: Subject
    conduct_summary: Text = ""
    issue_tags: tuple[str, ...] = ()


class IncidentLinkedFields(Frozen):
    incident_id: UUID
    #: Taken from the incident; a command may give it only to confirm it.
    incident_occurred_at: AwareDatetime | None = None
    summary: Text = ""
    conduct: str | None = Field(default=None, max_length=200)


#: Behaviour categories a warning or notice addresses: the incident categories' words.
ConductCategories = tuple[Name, ...]


InterventionKind = Literal[
    "verbal_warning", "warning_letter", "acceptable_behaviour_contract", "mediation", "home_visit"
]


class EarlyInterventionFields(Frozen):
    intervention_id: UUID
    kind: InterventionKind
    outcome: Text = ""
    review_on: date | None = None


class SupportReferralMadeFields(Frozen):
    referral_id: UUID
    service: Name
    need: Need
    method: Text = ""


ReferralStatus = Literal["accepted", "declined", "no_response", "engaged", "completed", "disengaged"]


class SupportReferralUpdatedFields(Frozen):
    referral_id: UUID
    status: ReferralStatus
    reason: Text = ""


ConsultedBody = Literal[
    "yot", "housing", "social_care", "partner", "landlord", "owner", "residents",
    "local_authority", "police", "other",
]


class ConsultationRecordedFields(Frozen):
    consultation_id: UUID
    body: ConsultedBody
    about_step: str | None = Field(default=None, max_length=60)
    outcome: Text = ""


class ProportionalityAssessedFields(Frozen):
    assessment_id: UUID
    for_step: str | None = Field(default=None, max_length=60)
    lesser_measures: Text = ""
    vulnerability: Text = ""
    equality_act: Text = ""
    article_8: Text = ""
    conclusion: Name
    disability_indicated: bool = False


class CpwIssuedFields(Frozen):
    instrument_id: UUID
    conduct: Name
    conduct_categories: ConductCategories = ()
    requirements: tuple[Name, ...] = Field(min_length=1)
    comply_by: AwareDatetime
    lesser_measures_reason: Text | None = None
    #: The warning says a CPN will be issued unless the conduct stops having its effect
    #: (s.43(5)(a)), and what follows if it is not complied with.
    cpn_warning_stated: bool = False
    consequences_explained: bool = False

    @model_validator(mode="after")
    def _deadline_after_issue(self) -> CpwIssuedFields:
        _after_occurrence(self, "comply_by", self.comply_by)
        return self


IssuerAuthority = Literal["constable", "local_authority", "designated_person"]

#: s.46(3): "stop" requirements stay in force while an appeal is pending; "do" and
#: "reparation" requirements are suspended until it is decided.
RequirementKind = Literal["stop", "do", "reparation"]


class CpnIssuedFields(Frozen):
    instrument_id: UUID
    warning_id: UUID
    conduct: Name
    conduct_categories: ConductCategories = ()
    requirements: tuple[Name, ...] = Field(min_length=1)
    comply_by: AwareDatetime | None = None
    issuer_authority: IssuerAuthority = "constable"
    appeal_information_given: bool = False
    informed_bodies: tuple[Name, ...] = ()
    lesser_measures_reason: Text | None = None
    #: One kind per requirement; empty (entries from before kinds were kept) reads as all "stop".
    requirement_kinds: tuple[RequirementKind, ...] = ()
    #: The last day the notice has effect, where the issuer set one (s.43 sets no maximum).
    expires_on: date | None = None

    @model_validator(mode="after")
    def _deadline_after_issue(self) -> CpnIssuedFields:
        _after_occurrence(self, "comply_by", self.comply_by)
        if self.requirement_kinds and len(self.requirement_kinds) != len(self.requirements):
            raise ValueError(
                f"requirement_kinds: give one kind per requirement ({len(self.requirements)}), "
                f"or none to treat every requirement as 'stop'")
        return self


class CpnAppealLodgedFields(Frozen):
    instrument_id: UUID
    court: Name = "Magistrates' court"


class CpnAppealDecidedFields(Frozen):
    instrument_id: UUID
    outcome: Literal["dismissed", "varied", "quashed"]


class BreachRecordedFields(Frozen):
    instrument_id: UUID
    description: Name
    clause: str | None = Field(default=None, max_length=200)
    incident_id: UUID | None = None
    #: Which of a CPN's requirements was breached, counted from 1.
    requirement_number: int | None = Field(default=None, ge=1)


class FpnIssuedFields(Frozen):
    instrument_id: UUID
    notice_id: UUID
    amount: Decimal = Field(gt=0, max_digits=8, decimal_places=2)
    #: What the notice states (s.52(6)): the 14 days without proceedings, to whom and how
    #: the penalty may be paid.
    payment_period_stated: bool = False
    payee: Text | None = Field(default=None, description="the payee's name and address")
    payment_methods: tuple[Name, ...] = ()


class FpnPaidFields(Frozen):
    instrument_id: UUID


class ProsecutionStartedFields(Frozen):
    instrument_id: UUID
    offence: Name
    relates_to: UUID | None = None
    court: Name = "Magistrates' court"


class ConvictionRecordedFields(Frozen):
    instrument_id: UUID
    outcome: Literal["convicted", "acquitted"] = "convicted"
    sentence: Text = ""


class CboGrantedFields(Frozen):
    instrument_id: UUID
    prosecution_id: UUID
    expires_on: date | None = None
    prohibitions: tuple[Name, ...] = ()
    requirements: tuple[Name, ...] = ()
    supervisor: Name | None = None


#: s.4(1)(a): the behaviour consists of or includes violence or its threat against others;
#: s.4(1)(b): there is a significant risk of harm to others from the respondent.
ArrestGround = Literal["violence_or_threat", "significant_risk_of_harm"]


class InjunctionAppliedFields(Frozen):
    instrument_id: UUID
    court: Name = "County court"
    terms: tuple[Name, ...] = Field(min_length=1)
    positive_requirements: tuple[Name, ...] = ()
    supervisor: Name | None = None
    power_of_arrest_sought: bool = False
    power_of_arrest_ground: ArrestGround | None = None
    power_of_arrest_evidence: Text | None = None
    without_notice: bool = False
    without_notice_justification: Text | None = None
    lesser_measures_reason: Text | None = None


class InjunctionGrantedFields(Frozen):
    instrument_id: UUID
    interim: bool = False
    expires_on: date | None = None
    power_of_arrest: bool = False
    power_of_arrest_expires_on: date | None = None
    power_of_arrest_ground: ArrestGround | None = None
    power_of_arrest_evidence: Text | None = None
    #: The provisions the power of arrest is attached to (none named: every prohibition).
    power_of_arrest_terms: tuple[Name, ...] = ()
    terms: tuple[Name, ...] = ()
    positive_requirements: tuple[Name, ...] = ()
    supervisor: Name | None = None


class InjunctionVariedFields(Frozen):
    instrument_id: UUID
    changes: Name
    expires_on: date | None = None
    power_of_arrest: bool | None = None
    power_of_arrest_ground: ArrestGround | None = None
    power_of_arrest_evidence: Text | None = None


class InjunctionDischargedFields(Frozen):
    instrument_id: UUID
    outcome: Literal["discharged", "refused"] = "discharged"
    reason: Text = ""


ArrestPower = Literal["power_of_arrest", "warrant", "pace_s24"]


class ArrestedFields(Frozen):
    instrument_id: UUID
    power: ArrestPower
    injunction_id: UUID | None = None
    clause: str | None = Field(default=None, max_length=200)
    applicant_informed: bool = False


class CourtAppearanceFields(Frozen):
    instrument_id: UUID
    court: Name
    outcome: Text = ""


CommittalOutcome = Literal[
    "immediate_committal", "suspended_committal", "fine", "no_order", "not_proved"
]


class CommittalDecidedFields(Frozen):
    instrument_id: UUID
    outcome: CommittalOutcome
    sentence: Text = ""


class DispersalDirectionGivenFields(Frozen):
    instrument_id: UUID
    authorisation_ref: Name
    authorised_by_rank: Rank
    exclusion_hours: int = Field(gt=0, le=24 * 7)
    area: Name
    given_in_writing: bool = True


class OverrideAuthorisedFields(Frozen):
    override_id: UUID
    for_step: str = Field(min_length=1, max_length=60)
    guard_code: str = Field(min_length=1, max_length=80)
    reason: Reason


class EntryCorrectedFields(Frozen):
    corrected_version: int = Field(ge=1)
    correction: Name
    reason: Reason


#: The statutory gateway a disclosure to a partner rests on.
SharingGateway = Literal[
    "cda1998_s115",  # Crime and Disorder Act 1998 s.115: disclosure to a relevant authority
    "cda1998_s17",  # s.17: the duty to consider crime and disorder, ASB included
    "asbcpa2014_s104",  # Anti-social Behaviour, Crime and Policing Act 2014 s.104: case review
    "ukgdpr_art6_1e",  # UK GDPR Art 6(1)(e) public task, under an information sharing agreement
]


class SharingAgreedFields(Frozen):
    partner_agency: Name
    purpose: Reason
    gateway: SharingGateway
    agreed_by: Name
    until: date | None = None


class SharingRevokedFields(Frozen):
    partner_agency: Name
    reason: Reason


class EvidenceAttachedFields(Frozen):
    relates_to_version: int | None = Field(default=None, ge=1)
    note: Text = ""


ClosedOutcome = Literal["resolved", "supported", "no_further_action", "transferred", "moved_away"]


class PathwayClosedFields(Frozen):
    outcome: ClosedOutcome
    summary: Text = ""


class PathwayReopenedFields(Frozen):
    reason: Reason


# ---------------------------------------------------------------- incidents
class IncidentReportedFields(Frozen):
    category: Name
    location: Name
    description: Name
    source: Name = "report"
    reference: str | None = Field(default=None, max_length=80)
    place_id: UUID | None = None
    subject_pathway_ids: tuple[UUID, ...] = ()
    victims: tuple[Name, ...] = ()
    witnesses: tuple[Name, ...] = ()
