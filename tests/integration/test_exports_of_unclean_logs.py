"""A log written before text was checked on the way in may hold control characters and bidi
overrides: every export of it still renders in every format, shows them as [U+XXXX], and
verifies."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from uuid import UUID, uuid4

import pytest

from adapters.driven.exports import build_export, formats, verify_export
from domain.events.base import DomainEvent
from domain.model import Pathway
from domain.values import Subject
from tests.unit.helpers import Story, london

NOW = datetime(2026, 6, 1, tzinfo=UTC)


class MemoryLog:
    """The LogReader port over events held in memory."""

    def __init__(self, events: list[DomainEvent]) -> None:
        self.events = events

    def read(self, stream_id: UUID, *, up_to: int | None = None,
             after: int | None = None) -> tuple[DomainEvent, ...]:
        return tuple(e for e in self.events if e.originator_id == stream_id
                     and (up_to is None or e.originator_version <= up_to)
                     and (after is None or e.originator_version > after))

    def max_notification_id(self, streams: Mapping[UUID, int]) -> int:
        return sum(1 for e in self.events
                   if e.originator_version <= streams.get(e.originator_id, 0))


@pytest.fixture(scope="module")
def story() -> Story:
    s = Story.person(at=london(2026, 1, 5))
    s.given("early_intervention", at=london(2026, 1, 6), intervention_id=uuid4(),
            kind="warning_letter", outcome="Dean\x1b[31m\x07\x08 agreed \u202eon 0001\r\nok")
    s.given("evidence_attached", at=london(2026, 1, 7), note="bad \x00 byte \ufffe")
    return s


@pytest.mark.parametrize("kind", ["chronology", "proportionality", "contents"])
@pytest.mark.parametrize("fmt", formats.NAMES)
def test_an_unclean_log_exports_and_verifies(story: Story, kind: str, fmt: str) -> None:
    log = MemoryLog(story.events)
    doc = build_export(log, story.agg.id, kind, generated_at=NOW)
    text = " ".join(v for r in doc.rows for v in r.values())
    if kind == "chronology":
        assert "Dean[U+001B][31m[U+0007][U+0008] agreed [U+202E]on 0001\nok" in text
        assert "[U+0000]" in text and "[U+FFFE]" in text
    data = formats.get(fmt).render(doc)
    report = verify_export(log, data)
    assert report.ok, report.problems


@pytest.mark.parametrize("fmt", formats.NAMES)
def test_a_subject_name_no_xml_can_hold_is_written_printable(fmt: str) -> None:
    """U+FFFE may be typed (it is not a control character) but XML cannot carry it: the
    name in the header and the embedded provenance is written as [U+FFFE]."""
    story = Story(Pathway(uuid4()))
    story._open(london(2026, 1, 5), subject=Subject(name="Sam \ufffe Subject"))
    log = MemoryLog(story.events)
    doc = build_export(log, story.agg.id, "chronology", generated_at=NOW)
    assert doc.case.name == "Sam [U+FFFE] Subject"
    assert doc.provenance.case["name"] == "Sam [U+FFFE] Subject"
    assert verify_export(log, formats.get(fmt).render(doc)).ok
