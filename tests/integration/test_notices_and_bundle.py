"""Notices drafted from the log and the court e-bundle, on the demo's Dean Harrow case."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from typing import Any

from docx import Document
from pypdf import PdfReader

from adapters.bootstrap import build_log_reader as log_of
from adapters.driven.exports.bundle import build
from adapters.driven.exports.facts import index
from adapters.driven.exports.log import load_case
from adapters.driven.exports.notices import NoticeError, draft, drafts, render
from adapters.driven.exports.notices.draft import PRESENT, TO_COMPLETE
from adapters.driving.cli.script import sid

DEAN = sid("dean")


def words(text: str) -> str:
    return " ".join(text.split())


def test_every_notice_the_log_records_is_drafted_with_every_required_item(
        demo_app: Any) -> None:
    facts = index(load_case(log_of(demo_app), DEAN))
    found = drafts(facts)
    assert [d.title for d in found] == ["Community Protection Notice: written warning",
                                        "Community Protection Notice", "Fixed Penalty Notice"]
    for d in found:
        assert d.passes
        text = words(" ".join(p.extract_text() for p in
                              PdfReader(io.BytesIO(render(d, "pdf"))).pages))
        for item in d.items:
            assert words(item.text) in text  # every item printed, placeholders included
        word = Document(io.BytesIO(render(d, "docx")))
        assert all(item.text in [p.text for p in word.paragraphs] for item in d.items)


def test_the_cpn_carries_the_appeal_route_and_the_offence(demo_app: Any) -> None:
    cpn = next(d for d in drafts(index(load_case(log_of(demo_app), DEAN)))
               if d.title == "Community Protection Notice")
    text = words(" ".join(i.text for i in cpn.items))
    assert "within 21 days" in text and "section 46" in text
    assert "Offence (section 48)" in text
    assert "Do not enter the grounds of Alder House" in text


def test_the_fpn_is_filled_from_its_payee_methods_and_period(demo_app: Any) -> None:
    fpn = next(d for d in drafts(index(load_case(log_of(demo_app), DEAN)))
               if d.title == "Fixed Penalty Notice")
    assert {s for _, s, _ in fpn.check()} == {PRESENT}
    text = " ".join(i.text for i in fpn.items)
    assert "14 days" in text and "section 52(6)(a)" in text


def test_an_item_the_log_does_not_record_is_a_flagged_placeholder(demo_app: Any) -> None:
    cpn = next(d for d in drafts(index(load_case(log_of(demo_app), DEAN)))
               if d.title == "Community Protection Notice")
    status = {text: (s, what) for text, s, what in cpn.check()}
    assert status["compliance periods or times"][0] == TO_COMPLETE
    assert "comply_by" in status["compliance periods or times"][1]
    assert cpn.passes
    assert all("[TO COMPLETE:" in i.text for i in cpn.items if i.status == TO_COMPLETE)


def test_an_entry_that_issued_no_notice_is_refused_with_the_kinds_that_can_be(
        demo_app: Any) -> None:
    facts = index(load_case(log_of(demo_app), DEAN))
    try:
        draft(facts, 1)
    except NoticeError as e:
        assert "CPW, CPN, FPN" in str(e)
    else:
        raise AssertionError("the pathway's opening entry issued no notice")


def test_deans_bundle_has_bookmarks_and_page_numbers_running_through_it(
        demo_app: Any) -> None:
    data = build(log_of(demo_app), DEAN, datetime(2026, 12, 1, tzinfo=UTC))
    reader = PdfReader(io.BytesIO(data))
    titles = [o.title for o in reader.outline]
    assert titles[:3] == ["Index", "Chronology", "Proportionality statement (draft)"]
    assert titles[-1] == "Exhibits list"
    assert sum(t.startswith("Notice: ") for t in titles) == 3
    starts = [reader.get_destination_page_number(o) for o in reader.outline]
    assert starts == sorted(starts) and starts[0] == 0
    texts = [p.extract_text() for p in reader.pages]
    total = len(texts)
    for number, text in enumerate(texts, start=1):
        assert f"Bundle page {number} of {total}" in text
    index_text = words(texts[0])
    for title, start in zip(titles[1:], starts[1:]):  # the index gives each tab's first page
        assert re.search(re.escape(words(title.removeprefix("Notice: "))) + r".*?"
                         + rf"\b{start + 1}\b", index_text)
    assert "Dean Harrow" in texts[1] and "NC/1" in texts[-1]
    assert len(re.findall(r"[0-9a-f]{64}", words(texts[-1]).replace(" ", ""))) == 3  # notices
