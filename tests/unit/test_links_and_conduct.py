"""Links checked against the streams they name, conduct compared by categories, and entries
recorded before either (text-only conduct, links without a category) still read and decided."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import uuid4

import pytest

from adapters.driven.store.mapper import upcast
from domain.conduct import continuing_conduct, same_conduct, widened
from domain.errors import DomainValidationError
from domain.events.person import CpwIssued, IncidentLinked
from domain.links import StreamFacts
from domain.records import Instrument, LinkedIncident
from domain.instruments import Kind, S
from tests.unit.helpers import Story, london

WARNED = london(2026, 2, 1)
COMPLY_BY = london(2026, 2, 15)


def _warning(categories: tuple[str, ...] = (), conduct: str = "Loud music at night") -> Instrument:
    return Instrument(id=uuid4(), kind=Kind.CPW, state=S.ISSUED, opened_version=2,
                      opened_at=WARNED, rule_set="asbcpa2014", conduct=conduct,
                      conduct_categories=categories, comply_by=COMPLY_BY)


def _link(days_after: int, category: str | None, conduct: str | None = None) -> LinkedIncident:
    return LinkedIncident(incident_id=uuid4(), occurred_at=COMPLY_BY + timedelta(days=days_after),
                          conduct=conduct, version=3 + days_after, category=category)


@pytest.mark.parametrize(("warned", "notice", "same"), [
    (("Noise", "Verbal abuse"), ("noise",), True),            # narrowed
    (("Noise", "Verbal abuse"), (" NOISE ", "verbal abuse"), True),  # the same, any letter case
    (("Noise",), ("Noise", "Graffiti"), False),                # widened
    (("Noise",), (), True),                                    # the notice keeps the warning's
])
def test_a_notice_may_narrow_the_warned_categories_never_widen_them(
        warned: tuple[str, ...], notice: tuple[str, ...], same: bool) -> None:
    assert same_conduct(_warning(warned), "Any words at all", notice) is same


def test_a_text_only_warning_is_compared_by_its_words_as_before() -> None:
    legacy = _warning(())
    assert same_conduct(legacy, "loud music at night ", ("Noise",))
    assert not same_conduct(legacy, "Rubbish on the stairs", ())
    assert widened(legacy, ("Noise",)) == frozenset({"noise"})


def test_continuing_conduct_counts_incidents_of_the_warned_categories_after_the_deadline() -> None:
    w = _warning(("Noise",))
    before, other, later = _link(-1, "Noise"), _link(2, "Graffiti"), _link(3, "noise")
    until = COMPLY_BY + timedelta(days=10)
    assert continuing_conduct([before, other, later], w, until) == [later]
    assert continuing_conduct([before, other], w, until) == []
    assert continuing_conduct([later], w, COMPLY_BY + timedelta(days=1)) == []


def test_a_narrowed_notice_needs_conduct_of_its_own_categories() -> None:
    w = _warning(("Noise", "Verbal abuse"))
    abuse = _link(2, "Verbal abuse")
    until = COMPLY_BY + timedelta(days=10)
    assert continuing_conduct([abuse], w, until, ("Noise",)) == []
    assert continuing_conduct([abuse], w, until, ("verbal abuse",)) == [abuse]


def test_legacy_links_and_warnings_are_judged_by_their_words() -> None:
    until = COMPLY_BY + timedelta(days=10)
    uncategorised = _link(2, None, conduct="loud music at night")
    other_words = _link(3, None, conduct="Graffiti")
    assert continuing_conduct([uncategorised, other_words], _warning(("Noise",)), until) == [
        uncategorised]
    assert continuing_conduct([_link(2, "Graffiti")], _warning(()), until) != []


def test_a_link_to_a_stream_of_another_kind_or_none_is_rejected_naming_incident_id() -> None:
    story = Story.person()
    pathway = uuid4()
    story.known[pathway] = StreamFacts(pathway, "pathway")
    for ghost, rule in ((uuid4(), "no incident with id"), (pathway, "is a pathway, not an")):
        with pytest.raises(DomainValidationError) as caught:
            story.decide("incident_linked", at=london(2026, 2, 2), incident_id=ghost)
        assert [p.field for p in caught.value.problems] == ["incident_id"]
        assert rule in caught.value.problems[0].rule


def test_a_link_takes_the_incident_time_and_category_and_refuses_a_different_time() -> None:
    story = Story.person()
    incident = story.incident(london(2026, 2, 1, 23), "Noise")
    event = story.decide("incident_linked", at=london(2026, 2, 2), incident_id=incident)
    assert (event.incident_occurred_at, event.incident_category) == (london(2026, 2, 1, 23),
                                                                      "Noise")
    same = story.decide("incident_linked", at=london(2026, 2, 2), incident_id=incident,
                        incident_occurred_at=london(2026, 2, 1, 23))
    assert same.incident_occurred_at == london(2026, 2, 1, 23)
    with pytest.raises(DomainValidationError) as caught:
        story.decide("incident_linked", at=london(2026, 2, 2), incident_id=incident,
                     incident_occurred_at=london(2026, 2, 1, 22))
    assert [p.field for p in caught.value.problems] == ["incident_occurred_at"]


def _stored_v1(event: Any, *dropped: str) -> dict[str, Any]:
    body = event.model_dump(mode="json")
    for name in dropped:
        body.pop(name)
    return body


def test_version_1_links_and_warnings_read_as_version_2() -> None:
    story = Story.person()
    incident = story.incident(london(2026, 2, 1, 23))
    link = story.decide("incident_linked", at=london(2026, 2, 2), incident_id=incident)
    old_link = IncidentLinked.model_validate(
        upcast(IncidentLinked, _stored_v1(link, "incident_category")))
    assert old_link.incident_category is None and old_link.incident_id == incident
    cpw = story.given("cpw_issued", at=WARNED, instrument_id=uuid4(), conduct="Loud music",
                      requirements=("No music after 23:00",), comply_by=COMPLY_BY)
    old_cpw = CpwIssued.model_validate(upcast(CpwIssued, _stored_v1(cpw, "conduct_categories")))
    assert old_cpw.conduct_categories == ()
    assert story.agg.instruments[cpw.instrument_id].conduct_categories == ()
