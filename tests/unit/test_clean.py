"""Text is recorded as typed: control and bidi override characters are refused naming the
field, text is NFC-normalised, deep nesting is refused before anything walks it, and text
already in an older log is shown printable on the way out."""

from __future__ import annotations

from typing import Any

import pytest

from domain.clean import MAX_DEPTH, TextProblem, clean, depth, printable
from domain.commands import parse_command
from domain.errors import DomainValidationError

OPEN: dict[str, Any] = {"step": "pathway_opened", "occurred_at": "2026-01-05T10:00:00Z",
                        "subject": {"name": "Dean Harrow"}}


@pytest.mark.parametrize("bad", ["\x1b[31m", "\x07", "\x08", "\x7f", "\x85", "\x9b"])
def test_a_control_character_in_a_name_is_refused_naming_the_field(bad: str) -> None:
    with pytest.raises(DomainValidationError) as caught:
        parse_command({**OPEN, "subject": {"name": f"Dean{bad}Harrow"}})
    (problem,) = caught.value.problems
    assert problem.field == "subject.name"
    assert f"U+{ord(bad[0]):04X}" in problem.rule and "control characters" in problem.rule


@pytest.mark.parametrize("bidi", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066",
                                  "\u2067", "\u2068", "\u2069"])
def test_a_bidi_override_is_refused_so_text_is_shown_in_the_order_typed(bidi: str) -> None:
    with pytest.raises(DomainValidationError) as caught:
        parse_command({**OPEN, "conduct_summary": f"paid {bidi}0001"})
    assert caught.value.problems[0].field == "conduct_summary"
    assert "bidirectional" in caught.value.problems[0].rule


def test_tabs_and_line_breaks_are_text_with_line_breaks_as_lf() -> None:
    cmd = parse_command({**OPEN, "conduct_summary": "line one\r\n\tline two\rthree"})
    assert getattr(cmd, "conduct_summary") == "line one\n\tline two\nthree"


def test_text_is_normalised_to_nfc() -> None:
    cmd = parse_command({**OPEN, "subject": {"name": "Rene\u0301e"}})
    assert getattr(cmd, "subject").name == "Ren\u00e9e"


def test_a_problem_deep_in_a_list_names_its_path() -> None:
    with pytest.raises(TextProblem) as caught:
        clean({"evidence": [{"description": "ok"}, {"description": "\x1b"}]})
    assert caught.value.path == "evidence.1.description"


def test_nesting_far_deeper_than_the_interpreter_recurses_is_refused_without_recursion() -> None:
    body: Any = "x"
    for _ in range(50_000):
        body = [body]
    assert depth(body) == MAX_DEPTH + 1
    with pytest.raises(TextProblem, match=f"nested deeper than {MAX_DEPTH} levels"):
        clean({"rationale": body})
    with pytest.raises(DomainValidationError, match="nested deeper"):
        parse_command({**OPEN, "rationale": body})


def test_printable_shows_what_a_document_cannot_hold() -> None:
    assert printable("a\x1bb\u202ec\x00d\ufffe") == "a[U+001B]b[U+202E]c[U+0000]d[U+FFFE]"
    assert printable("tab\tnew\nline é") == "tab\tnew\nline é"
    assert printable("old\r\nlog\rtext") == "old\nlog\ntext"
