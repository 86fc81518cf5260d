"""Every stored event class, by step name."""

from domain.events import incident, person, place
from domain.events.base import DomainEvent, Evidence, Precision, Snapshot

SHARED_STEPS = frozenset(
    {
        "incident_linked", "consultation_recorded", "proportionality_assessed",
        "support_referral_made", "support_referral_updated", "override_authorised",
        "entry_corrected", "evidence_attached", "sharing_agreed", "sharing_revoked",
    }
)

PERSON_EVENTS: dict[str, type[DomainEvent]] = {e.step: e for e in person.EVENTS}
PLACE_EVENTS: dict[str, type[DomainEvent]] = {e.step: e for e in place.EVENTS} | {
    s: PERSON_EVENTS[s] for s in SHARED_STEPS
}
INCIDENT_EVENTS: dict[str, type[DomainEvent]] = {e.step: e for e in incident.EVENTS}

__all__ = [
    "DomainEvent", "Evidence", "Precision", "Snapshot",
    "PERSON_EVENTS", "PLACE_EVENTS", "INCIDENT_EVENTS", "SHARED_STEPS",
]
