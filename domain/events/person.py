"""Events of a person's pathway (one stream per subject).

Class paths are stored topics: rename only with a registered topic and upcaster.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from pydantic import AwareDatetime

from domain.events.base import ERASED, DomainEvent
from domain.events.fields import (
    ArrestedFields,
    BreachRecordedFields,
    CboGrantedFields,
    CommittalDecidedFields,
    ConsultationRecordedFields,
    ConvictionRecordedFields,
    CourtAppearanceFields,
    CpnAppealDecidedFields,
    CpnAppealLodgedFields,
    CpnIssuedFields,
    CpwIssuedFields,
    DispersalDirectionGivenFields,
    EarlyInterventionFields,
    EntryCorrectedFields,
    EvidenceAttachedFields,
    SharingAgreedFields,
    SharingRevokedFields,
    FpnIssuedFields,
    FpnPaidFields,
    IncidentLinkedFields,
    InjunctionAppliedFields,
    InjunctionDischargedFields,
    InjunctionGrantedFields,
    InjunctionVariedFields,
    OverrideAuthorisedFields,
    PathwayClosedFields,
    PathwayOpenedFields,
    PathwayReopenedFields,
    ProportionalityAssessedFields,
    ProsecutionStartedFields,
    SupportReferralMadeFields,
    SupportReferralUpdatedFields,
)
from domain.events.fields_privacy import (
    ProcessingRestrictedFields,
    RestrictionLiftedFields,
    SubjectErasedFields,
)
from domain.events.fields_lifecycle import (
    ArrestApplicantInformedFields,
    ItemsSurrenderedFields,
    SurrenderedItemsResolvedFields,
)
from domain.events.fields_orders import (
    CboDischargedFields,
    CboReviewedFields,
    CboVariedFields,
    RespectOrderAppliedFields,
    RespectOrderDischargedFields,
    RespectOrderGrantedFields,
)


class PathwayOpened(DomainEvent, PathwayOpenedFields):
    step: ClassVar[str] = "pathway_opened"
    personal: ClassVar[Mapping[str, Any]] = {
        "subject.name": ERASED, "subject.date_of_birth": None,
        "subject.vulnerabilities": (ERASED,), "conduct_summary": ERASED,
    }


class IncidentLinked(DomainEvent, IncidentLinkedFields):
    """An incident linked to the case, with its time and category as the incident records
    them (version 1 entries took the time from the client and have no category)."""

    step: ClassVar[str] = "incident_linked"
    class_version: ClassVar[int] = 2
    incident_occurred_at: AwareDatetime
    incident_category: str | None = None

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state.setdefault("incident_category", None)


class EarlyIntervention(DomainEvent, EarlyInterventionFields):
    step: ClassVar[str] = "early_intervention"


class SupportReferralMade(DomainEvent, SupportReferralMadeFields):
    step: ClassVar[str] = "support_referral_made"


class SupportReferralUpdated(DomainEvent, SupportReferralUpdatedFields):
    step: ClassVar[str] = "support_referral_updated"


class ConsultationRecorded(DomainEvent, ConsultationRecordedFields):
    step: ClassVar[str] = "consultation_recorded"


class ProportionalityAssessed(DomainEvent, ProportionalityAssessedFields):
    step: ClassVar[str] = "proportionality_assessed"
    personal: ClassVar[Mapping[str, Any]] = {"vulnerability": ERASED}


class CpwIssued(DomainEvent, CpwIssuedFields):
    step: ClassVar[str] = "cpw_issued"
    #: Version 2 adds `conduct_categories` (version 1 named the conduct in words only).
    class_version: ClassVar[int] = 2

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state.setdefault("conduct_categories", [])

    added_fields: ClassVar[frozenset[str]] = frozenset(
        {"cpn_warning_stated", "consequences_explained"})


class CpnIssued(DomainEvent, CpnIssuedFields):
    step: ClassVar[str] = "cpn_issued"
    #: Version 2 adds `conduct_categories` (version 1 named the conduct in words only).
    class_version: ClassVar[int] = 2

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state.setdefault("conduct_categories", [])


class CpnAppealLodged(DomainEvent, CpnAppealLodgedFields):
    step: ClassVar[str] = "cpn_appeal_lodged"


class CpnAppealDecided(DomainEvent, CpnAppealDecidedFields):
    step: ClassVar[str] = "cpn_appeal_decided"


class BreachRecorded(DomainEvent, BreachRecordedFields):
    step: ClassVar[str] = "breach_recorded"


class FpnIssued(DomainEvent, FpnIssuedFields):
    step: ClassVar[str] = "fpn_issued"
    added_fields: ClassVar[frozenset[str]] = frozenset(
        {"payment_period_stated", "payee", "payment_methods"})


class FpnPaid(DomainEvent, FpnPaidFields):
    step: ClassVar[str] = "fpn_paid"


class ProsecutionStarted(DomainEvent, ProsecutionStartedFields):
    step: ClassVar[str] = "prosecution_started"


class ConvictionRecorded(DomainEvent, ConvictionRecordedFields):
    step: ClassVar[str] = "conviction_recorded"


class CboGranted(DomainEvent, CboGrantedFields):
    step: ClassVar[str] = "cbo_granted"


class CboVaried(DomainEvent, CboVariedFields):
    step: ClassVar[str] = "cbo_varied"


class CboDischarged(DomainEvent, CboDischargedFields):
    step: ClassVar[str] = "cbo_discharged"


class CboReviewed(DomainEvent, CboReviewedFields):
    step: ClassVar[str] = "cbo_reviewed"


class RespectOrderApplied(DomainEvent, RespectOrderAppliedFields):
    step: ClassVar[str] = "respect_order_applied"


class RespectOrderGranted(DomainEvent, RespectOrderGrantedFields):
    step: ClassVar[str] = "respect_order_granted"


class RespectOrderDischarged(DomainEvent, RespectOrderDischargedFields):
    step: ClassVar[str] = "respect_order_discharged"


class InjunctionApplied(DomainEvent, InjunctionAppliedFields):
    step: ClassVar[str] = "injunction_applied"


class InjunctionGranted(DomainEvent, InjunctionGrantedFields):
    step: ClassVar[str] = "injunction_granted"


class InjunctionVaried(DomainEvent, InjunctionVariedFields):
    step: ClassVar[str] = "injunction_varied"


class InjunctionDischarged(DomainEvent, InjunctionDischargedFields):
    step: ClassVar[str] = "injunction_discharged"


class Arrested(DomainEvent, ArrestedFields):
    step: ClassVar[str] = "arrested"


class ArrestApplicantInformed(DomainEvent, ArrestApplicantInformedFields):
    step: ClassVar[str] = "arrest_applicant_informed"


class ItemsSurrendered(DomainEvent, ItemsSurrenderedFields):
    step: ClassVar[str] = "items_surrendered"


class SurrenderedItemsResolved(DomainEvent, SurrenderedItemsResolvedFields):
    step: ClassVar[str] = "surrendered_items_resolved"


class CourtAppearance(DomainEvent, CourtAppearanceFields):
    step: ClassVar[str] = "court_appearance"


class CommittalDecided(DomainEvent, CommittalDecidedFields):
    step: ClassVar[str] = "committal_decided"


class DispersalDirectionGiven(DomainEvent, DispersalDirectionGivenFields):
    step: ClassVar[str] = "dispersal_direction_given"


class OverrideAuthorised(DomainEvent, OverrideAuthorisedFields):
    step: ClassVar[str] = "override_authorised"


class EntryCorrected(DomainEvent, EntryCorrectedFields):
    step: ClassVar[str] = "entry_corrected"


class EvidenceAttached(DomainEvent, EvidenceAttachedFields):
    step: ClassVar[str] = "evidence_attached"


class SharingAgreed(DomainEvent, SharingAgreedFields):
    step: ClassVar[str] = "sharing_agreed"


class SharingRevoked(DomainEvent, SharingRevokedFields):
    step: ClassVar[str] = "sharing_revoked"


class SubjectErased(DomainEvent, SubjectErasedFields):
    """The subject's personal data erased: saving it destroys the subject's data key in the
    same transaction, so every earlier entry's personal fields read as erased."""

    step: ClassVar[str] = "subject_erased"
    destroys_subject_key: ClassVar[bool] = True


class ProcessingRestricted(DomainEvent, ProcessingRestrictedFields):
    step: ClassVar[str] = "processing_restricted"


class RestrictionLifted(DomainEvent, RestrictionLiftedFields):
    step: ClassVar[str] = "restriction_lifted"


class PathwayClosed(DomainEvent, PathwayClosedFields):
    step: ClassVar[str] = "pathway_closed"


class PathwayReopened(DomainEvent, PathwayReopenedFields):
    step: ClassVar[str] = "pathway_reopened"


EVENTS: tuple[type[DomainEvent], ...] = (
    PathwayOpened,
    IncidentLinked,
    EarlyIntervention,
    SupportReferralMade,
    SupportReferralUpdated,
    ConsultationRecorded,
    ProportionalityAssessed,
    CpwIssued,
    CpnIssued,
    CpnAppealLodged,
    CpnAppealDecided,
    BreachRecorded,
    FpnIssued,
    FpnPaid,
    ProsecutionStarted,
    ConvictionRecorded,
    CboGranted,
    CboVaried,
    CboDischarged,
    CboReviewed,
    RespectOrderApplied,
    RespectOrderGranted,
    RespectOrderDischarged,
    InjunctionApplied,
    InjunctionGranted,
    InjunctionVaried,
    InjunctionDischarged,
    Arrested,
    CourtAppearance,
    CommittalDecided,
    DispersalDirectionGiven,
    OverrideAuthorised,
    ArrestApplicantInformed,
    ItemsSurrendered,
    SurrenderedItemsResolved,
    EntryCorrected,
    EvidenceAttached,
    SharingAgreed,
    SharingRevoked,
    PathwayClosed,
    SubjectErased,
    ProcessingRestricted,
    RestrictionLifted,
    PathwayReopened,
)
