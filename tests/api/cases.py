"""Small case histories built through the HTTP API, for tests that need one."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from fastapi.testclient import TestClient

from domain.calendar import LONDON


def london(y: int, mo: int, d: int, h: int = 12, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=LONDON)


def iso(moment: datetime) -> str:
    return moment.isoformat()


class Case:
    """One pathway, recorded step by step through the API with one user's token."""

    def __init__(self, client: TestClient, token: str, pathway_id: UUID) -> None:
        self.client, self.token, self.id = client, token, pathway_id

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    @classmethod
    def open(cls, client: TestClient, token: str, *, name: str = "Dean Harrow",
             dob: str = "1991-05-14", at: datetime | None = None) -> Case:
        r = client.post("/api/pathways", headers={"Authorization": f"Bearer {token}"}, json={
            "occurred_at": iso(at or london(2026, 1, 5)),
            "subject": {"name": name, "date_of_birth": dob},
            "conduct_summary": "Dealing and intimidation", "issue_tags": ["drugs"]})
        assert r.status_code == 201, r.json()
        return cls(client, token, UUID(r.json()["id"]))

    def post(self, step: str, at: datetime, token: str | None = None, **fields: Any) -> Any:
        body = {"step": step, "occurred_at": iso(at), **fields}
        return self.client.post(f"/api/pathways/{self.id}/steps", json=body,
                                headers={"Authorization": f"Bearer {token or self.token}"})

    def do(self, step: str, at: datetime, **fields: Any) -> dict[str, Any]:
        r = self.post(step, at, **fields)
        assert r.status_code == 201, r.json()
        return r.json()  # type: ignore[no-any-return]

    def link_incident(self, occurred: datetime, linked: datetime,
                      category: str = "Intimidation of residents") -> str:
        """Report an incident (a stream of its own) and link it to this case; its id."""
        r = self.client.post("/api/incidents", headers=self.headers, json={
            "occurred_at": iso(occurred), "category": category, "location": "Alder House",
            "description": "Residents threatened at the door"})
        assert r.status_code == 201, r.json()
        incident = str(r.json()["id"])
        self.do("incident_linked", linked, incident_id=incident, conduct=category)
        return incident

    def share(self, partner: str, at: datetime, **fields: Any) -> dict[str, Any]:
        """Record a sharing agreement with `partner` (by this case's opener)."""
        return self.do("sharing_agreed", at, **({
            "partner_agency": partner, "purpose": "Joint problem-solving of the conduct",
            "gateway": "cda1998_s115", "agreed_by": "Information asset owner"} | fields))

    def get(self) -> dict[str, Any]:
        r = self.client.get(f"/api/pathways/{self.id}", headers=self.headers)
        assert r.status_code == 200, r.json()
        return r.json()  # type: ignore[no-any-return]

    # ------------------------------------------------------------------ stories
    def prepared(self, at: datetime) -> Case:
        """Support offered, proportionality assessed, a warning letter: SOFT guards met."""
        self.do("support_referral_made", at, referral_id=str(uuid4()),
                service="Marlshire Recovery Service", need="drug_alcohol")
        self.do("proportionality_assessed", at, assessment_id=str(uuid4()),
                conclusion="Necessary and proportionate")
        self.do("early_intervention", at, intervention_id=str(uuid4()), kind="warning_letter")
        return self

    def cpw(self, at: datetime, comply_by: datetime) -> str:
        warning = str(uuid4())
        self.do("cpw_issued", at, instrument_id=warning, conduct="Intimidation of residents",
                requirements=["Do not enter Alder House"], comply_by=iso(comply_by))
        return warning

    def injunction_with_power_of_arrest(self, applied: datetime, granted: datetime,
                                        expires_on: str = "2027-01-01") -> str:
        injunction = str(uuid4())
        self.do("injunction_applied", applied, instrument_id=injunction,
                terms=["Not to enter Orchard Walk green"], power_of_arrest_sought=True,
                power_of_arrest_ground="violence_or_threat",
                power_of_arrest_evidence="Threatened a resident on the green on 2 January")
        self.do("injunction_granted", granted, instrument_id=injunction, expires_on=expires_on,
                power_of_arrest=True, power_of_arrest_expires_on=expires_on)
        return injunction

    def arrest(self, at: datetime, injunction: str) -> str:
        arrest = str(uuid4())
        self.do("arrested", at, instrument_id=arrest, power="power_of_arrest",
                injunction_id=injunction, applicant_informed=True)
        return arrest
