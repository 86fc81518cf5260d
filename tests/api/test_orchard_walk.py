"""The Orchard Walk story played entirely through HTTP ends where `asb demo` ends.

The same script (adapters/driving/cli/story*.py) is played twice: once through the API (each of its
people a user with a bearer token), once by `asb demo`'s own runner against the application
service. Both databases are then read through the API at the story's end and compared.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
from rich.console import Console

from adapters.driving.cli.demo import PATHWAYS, run_demo
from adapters.driving.cli.script import ScriptedClock, Story, sid
from adapters.driving.cli.story import GREEN, PARTNERS, STORY_END, STORY_START, place_track, report_incidents
from adapters.driving.cli.story_subjects import dean, kyle, maria
from adapters.driven.store.settings import StoreSettings
from adapters.settings import Settings
from tests.api.conftest import Api, make_api
from tests.api.story_client import HttpStoryApp

#: Fields that name who recorded something: user ids differ between the two runs by design
#: (the API records the token's user id, the demo its invented ids); nothing else may differ.
WHO = {"actor"}


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in WHO}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


@pytest.fixture
def http_story(store_settings: StoreSettings) -> Iterator[Api]:
    clock = ScriptedClock(STORY_START)
    for api in make_api(store_settings, clock):  # type: ignore[arg-type]
        story = Story(HttpStoryApp(api.client, api.users), clock, Console(file=io.StringIO()),
                      PARTNERS)
        place_track(story)
        report_incidents(story)
        dean(story)
        kyle(story)
        maria(story)
        story.play()
        clock.move_to(STORY_END)
        yield api


@pytest.fixture
def demo(tmp_path: Any) -> Iterator[Api]:
    settings = StoreSettings.parse(f"sqlite:///{tmp_path / 'demo.db'}")
    run_demo(Settings.for_store(settings), Console(file=io.StringIO()))
    yield from make_api(settings, ScriptedClock(STORY_END))  # type: ignore[arg-type]


def _read(api: Api, path: str) -> Any:
    token = api.tokens.get("reader") or api.token(role="officer", rank=None, name="reader")
    r = api.client.get(path, headers=api.as_(token))
    assert r.status_code == 200, r.json()
    return r.json()


def test_the_story_through_http_ends_as_asb_demo_does(http_story: Api, demo: Api) -> None:
    for key in PATHWAYS:
        through_http = _read(http_story, f"/api/pathways/{sid(key)}")
        by_demo = _read(demo, f"/api/pathways/{sid(key)}")
        assert _strip(through_http) == _strip(by_demo), key
    assert _strip(_read(http_story, f"/api/places/{sid(GREEN)}")) == _strip(
        _read(demo, f"/api/places/{sid(GREEN)}"))
    every = "/api/deadlines?include_met=true&limit=500"
    assert _read(http_story, every) == _read(demo, every)
    incidents = "/api/incidents?limit=500"
    assert _read(http_story, incidents)["total"] == _read(demo, incidents)["total"] > 40


def test_the_story_states_are_those_of_the_scenario(http_story: Api) -> None:
    dean_now = _read(http_story, f"/api/pathways/{sid('dean')}")
    kinds = {(i["kind"], i["state"]) for i in dean_now["instruments"]}
    assert {("cpw", "escalated"), ("fpn", "prosecuted"), ("arrest", "decided")} <= kinds
    arrests = [d for d in dean_now["deadlines"] if d["code"] == "arrest_before_judge"]
    assert arrests and all(d["status"] in ("met", "met_late") for d in arrests)
    kyle_now = _read(http_story, f"/api/pathways/{sid('kyle')}")
    maria_now = _read(http_story, f"/api/pathways/{sid('maria')}")
    assert (kyle_now["closed_outcome"], maria_now["closed_outcome"]) == ("resolved", "supported")
    assert _read(http_story, "/api/verify")["ok"] is True
