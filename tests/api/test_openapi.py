"""The OpenAPI document: complete, an example per step, examples that validate, served to
authenticated users only, with no CDN-loaded documentation pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from adapters.bootstrap import bootstrap
from adapters.driven.store.settings import StoreSettings
from adapters.settings import load_settings

from adapters.driving.http.schemas.examples import STEP_EXAMPLES
from adapters.driving.http.schemas.steps import (
    PERSON_STEP_NAMES,
    PLACE_STEP_NAMES,
    OpenPathwayRequest,
    RegisterPlaceRequest,
    ReportIncidentRequest,
    command_data,
    step_model,
)
from domain.model import parse_command
from tests.api.conftest import Api
from tests.conftest import Clock

EVERY_STEP = sorted(set(PERSON_STEP_NAMES) | set(PLACE_STEP_NAMES))


@pytest.mark.parametrize("step", EVERY_STEP)
def test_every_step_example_is_a_valid_request_and_a_valid_command(step: str) -> None:
    body = step_model(step).model_validate({"step": step, **STEP_EXAMPLES[step]})
    command = parse_command(command_data(body))
    assert command.step == step


@pytest.mark.parametrize("model,step", [(OpenPathwayRequest, "pathway_opened"),
                                        (RegisterPlaceRequest, "place_registered"),
                                        (ReportIncidentRequest, "incident_reported")])
def test_opening_examples_are_valid(model: type[BaseModel], step: str) -> None:
    (example,) = model.model_json_schema()["examples"]
    assert parse_command({**command_data(model.model_validate(example)), "step": step})


def test_the_document_shows_an_example_for_every_step(sqlite_api: Api) -> None:
    doc = sqlite_api.client.get("/openapi.json", headers=sqlite_api.as_(sqlite_api.token())).json()
    schemas = doc["components"]["schemas"]
    for step in EVERY_STEP:
        name = "".join(p.title() for p in step.split("_")) + "Step"
        assert schemas[name]["examples"][0]["step"] == step
        assert "actor" not in schemas[name]["properties"]
    person = doc["paths"]["/api/pathways/{pathway_id}/steps"]["post"]
    assert set(person["requestBody"]["content"]["application/json"]["examples"]) == set(
        PERSON_STEP_NAMES)
    place = doc["paths"]["/api/places/{place_id}/steps"]["post"]
    assert set(place["requestBody"]["content"]["application/json"]["examples"]) == set(
        PLACE_STEP_NAMES)
    assert {"401", "403", "404", "409", "422"} <= set(person["responses"])
    assert doc["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    expected = {"/api/health", "/api/pathways", "/api/pathways/{pathway_id}",
                "/api/pathways/{pathway_id}/steps", "/api/incidents",
                "/api/incidents/{incident_id}", "/api/places", "/api/places/{place_id}",
                "/api/places/{place_id}/steps", "/api/places/{place_id}/outcomes",
                "/api/deadlines", "/api/verify"}
    assert expected <= set(doc["paths"])


def test_the_document_needs_a_token_and_no_page_loads_scripts_from_elsewhere(
    sqlite_api: Api,
) -> None:
    anonymous = sqlite_api.client.get("/openapi.json")
    assert (anonymous.status_code, anonymous.json()["error"]) == (401, "unauthorised")
    signed_in = sqlite_api.client.get("/openapi.json", headers=sqlite_api.as_(sqlite_api.token()))
    assert signed_in.status_code == 200 and signed_in.json()["info"]["title"] == "Pathway"
    assert signed_in.headers["cache-control"] == "no-store"
    for page in ("/redoc", "/docs/oauth2-redirect"):
        assert sqlite_api.client.get(page).status_code == 404
    # /docs is the web UI's, for a signed-in user, from installed assets (tests/browser).
    docs = sqlite_api.client.get("/docs", follow_redirects=False)
    assert (docs.status_code, docs.headers["location"]) == (303, "/sign-in")


def test_the_document_can_be_switched_off(tmp_path: Path, clock: Clock) -> None:
    store = StoreSettings.parse(f"sqlite:///{tmp_path / 'pathway.db'}")
    settings = load_settings({"ASB_DATABASE_URL": store.url(), "ASB_OPENAPI": "false"})
    with bootstrap(settings, clock=clock) as system, TestClient(system.app) as client:
        _, token = system.users.add("PC A", "Marlshire Police", "officer", "constable")
        r = client.get("/openapi.json", headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 404
        assert client.get("/docs").status_code == 404
