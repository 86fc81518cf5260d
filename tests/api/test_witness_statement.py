"""A new case as a court would receive it: a noise case of a 19-year-old (CPW, CPN, breach,
FPN, support offered) recorded through the API by users with display names. Its chronology
and proportionality statement name people, never ids; carry no internal guard codes; and the
statement is a witness statement with a court heading, numbered paragraphs and a statement
of truth."""

from __future__ import annotations

import csv
import io
import re
from typing import Any
from uuid import uuid4

from adapters.driven.exports import verify_export
from adapters.bootstrap import build_log_reader as log_of
from domain.registry import REGISTRY
from tests.api.cases import Case, iso, london
from tests.api.conftest import Api

UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
CODES = sorted(REGISTRY, key=len, reverse=True)
CODE_RE = re.compile(r"\b(" + "|".join(map(re.escape, CODES)) + r")\b")
OFFICER = "PC 1234 Jo Reid, Marlshire Police"


def _noise_case(api: Api) -> tuple[Case, str]:
    _, token = api.users.add("jreid", "Marlshire Police", "officer", "constable",
                             display_name="Jo Reid", title="PC", number="1234")
    r = api.client.post("/api/pathways", headers=api.as_(token), json={
        "occurred_at": iso(london(2026, 1, 5)),
        "subject": {"name": "Kyle Brennan", "date_of_birth": "2006-09-01"},
        "conduct_summary": "Loud music and shouting late at night", "issue_tags": ["noise"]})
    assert r.status_code == 201, r.json()
    case = Case(api.client, token, r.json()["id"])

    def incident(at: Any) -> str:
        r = api.client.post("/api/incidents", headers=api.as_(token), json={
            "occurred_at": iso(at), "category": "Noise", "location": "12 Mill Lane",
            "description": "Loud music past midnight",
            "witnesses": ["Priya Shah (EDC noise officer)", "Jane Smith"],
            "victims": ["Jane Smith"], "subject_pathway_ids": [str(case.id)]})
        assert r.status_code == 201, r.json()
        return str(r.json()["id"])

    first = incident(london(2026, 1, 6, 23, 30))
    case.do("incident_linked", london(2026, 1, 7), incident_id=first, conduct="Noise")
    case.do("support_referral_made", london(2026, 1, 8), referral_id=str(uuid4()),
            service="Marlshire Youth Service", need="drug_alcohol")
    case.do("early_intervention", london(2026, 1, 9), intervention_id=str(uuid4()),
            kind="warning_letter")
    warning = str(uuid4())
    case.do("cpw_issued", london(2026, 1, 12), instrument_id=warning,
            conduct="Loud music late at night", conduct_categories=["Noise"],
            requirements=["No amplified music after 23:00"], comply_by=iso(london(2026, 1, 26)))
    later = incident(london(2026, 2, 1, 0, 15))
    case.do("incident_linked", london(2026, 2, 2), incident_id=later, conduct="Noise")
    case.do("proportionality_assessed", london(2026, 2, 3), assessment_id=str(uuid4()),
            for_step="cpn_issued", vulnerability="Young adult; support offered",
            conclusion="A CPN on the same conduct is proportionate")
    case.do("consultation_recorded", london(2026, 2, 3, 14), consultation_id=str(uuid4()),
            body="housing", about_step="cpn_issued", outcome="Landlord supports a CPN")
    notice = str(uuid4())
    case.do("cpn_issued", london(2026, 2, 4), instrument_id=notice, warning_id=warning,
            conduct="Loud music late at night", conduct_categories=["Noise"],
            requirements=["No amplified music after 23:00"], appeal_information_given=True,
            evidence=[{"exhibit": "PS/1", "description": "Noise app recording, 1 Feb 2026"}])
    breach = incident(london(2026, 2, 10, 1))
    case.do("incident_linked", london(2026, 2, 10, 9), incident_id=breach, conduct="Noise")
    case.do("breach_recorded", london(2026, 2, 10, 10), instrument_id=notice,
            description="Amplified music at 01:00", incident_id=breach)
    case.do("fpn_issued", london(2026, 2, 11), instrument_id=str(uuid4()), notice_id=notice,
            amount="100")
    return case, token


def test_the_noise_case_names_people_and_reads_as_a_witness_statement(api: Api) -> None:
    case, token = _noise_case(api)
    r = api.client.get(f"/api/pathways/{case.id}/chronology", headers=api.as_(token),
                       params={"format": "csv"})
    assert r.status_code == 200, r.text
    table = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"), newline="")))
    cells = [v for row in table for k, v in row.items() if k != "provenance"]
    assert not [c for c in cells if UUID_RE.search(c)]
    assert not [c for c in cells if CODE_RE.search(c)]
    assert {(row["officer"], row["agency"]) for row in table
            if row["event_kind"] == "AGENCY_ACTION"} == {("PC 1234 Jo Reid", "Marlshire Police")}
    witnesses = {row["witnesses"] for row in table if row["event_kind"] == "INCIDENT"}
    assert witnesses == {"Priya Shah (EDC noise officer); J.S."}  # professional named

    params = {"court": "Elmsford Magistrates' Court", "case_number": "EM26/0412",
              "claimant": "Marlshire Police"}
    r = api.client.get(f"/api/pathways/{case.id}/proportionality", headers=api.as_(token),
                       params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    statement = body["witness_statement"]
    assert statement["proceedings"] == "criminal"  # CPN/FPN: ASBCPA 2014 s.48 offence
    assert statement["heading"][:2] == ["IN THE ELMSFORD MAGISTRATES' COURT",
                                        "Case No: EM26/0412"]
    assert "Kyle Brennan (Defendant)" in statement["heading"]
    assert statement["title"] == f"Witness statement of {OFFICER}"
    assert statement["statement_of_truth"]["text"].startswith(
        "This statement (consisting of ___ pages each signed by me) is true to the best of my "
        "knowledge and belief")
    assert statement["exhibits"] == ["JR/1"]
    paragraphs = body["rows"]
    assert [p["para"] for p in paragraphs] == [str(i) for i in range(1, len(paragraphs) + 1)]
    texts = [p["text"] for p in paragraphs] + [
        line for part in ("marking", "heading", "signature") for line in statement[part]]
    assert not [t for t in texts if UUID_RE.search(t)]
    assert not [t for t in texts if CODE_RE.search(t)], [t for t in texts if CODE_RE.search(t)]
    cpn = {p["topic"]: p["text"] for p in paragraphs if p["heading"].startswith(
        "Community Protection Notice issued")}
    assert "Landlord supports a CPN" in cpn["consultation"]
    assert "A CPN on the same conduct is proportionate" in cpn["vulnerability and equality"]
    assert "the conduct continued after it" in cpn["lesser measures tried"]
    assert "after the deadline" in cpn["statutory conditions"]
    assert f"Decision maker: {OFFICER}" in cpn["decision maker"]
    assert "Exhibits: JR/1." in cpn["decision"]
    assert "JR/1: Noise app recording, 1 Feb 2026 (logged as PS/1)" in paragraphs[-1]["text"]

    pdf = api.client.get(f"/api/pathways/{case.id}/proportionality", headers=api.as_(token),
                         params={**params, "format": "pdf"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert verify_export(log_of(api.application), pdf.content).ok


def test_the_civil_statement_of_truth_is_the_practice_direction_wording() -> None:
    from adapters.driven.exports.statement import CIVIL_TRUTH

    assert CIVIL_TRUTH == (
        "I believe that the facts stated in this witness statement are true. I understand that "
        "proceedings for contempt of court may be brought against anyone who makes, or causes "
        "to be made, a false statement in a document verified by a statement of truth without "
        "an honest belief in its truth.")

