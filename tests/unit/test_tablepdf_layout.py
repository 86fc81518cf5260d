"""Layout of the table PDF writer (adapters.driven.exports.tablepdf.layout).

Line breaking, text cleaning, paragraph flow and table pagination, checked on the placed
`Page`s themselves: no PDF is written and no database is needed. Measurements use the real
DejaVu Sans advance widths (fonts.load).
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.driven.exports.tablepdf.fonts import FontMissingError, load
from adapters.driven.exports.tablepdf.layout import (
    A4_LANDSCAPE,
    MIN_SPLIT_LINES,
    PT_PER_MM,
    Column,
    Flow,
    Geometry,
    TableStyle,
    TextStyle,
    clean,
    wrap,
)
from adapters.driven.exports.sizing import fit
from adapters.driven.exports.views import CHRONOLOGY_HEADINGS, CHRONOLOGY_KEEP

try:
    load("regular")
    load("bold")
except FontMissingError as e:  # pragma: no cover - depends on the machine
    if os.environ.get("CI", "").lower() == "true":
        raise
    pytest.skip(f"DejaVu Sans NOT FOUND ({e}); table PDF layout tests did NOT run",
                allow_module_level=True)

#: Small pages (content 260 x 160 pt) keep the generated tables fast to lay out.
SMALL = Geometry(width=300, height=200, top=20, right=20, bottom=20, left=20)
BODY = TextStyle()
BOLD = TextStyle("bold")
HEADING = TextStyle("bold", 10.5)
EPS = 1e-6

PROPERTY = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# ----------------------------------------------------------------------------- strategies
WORD_CHARS = ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
              ".,;:!?()'-/&£é\u00a0WMmwil")
ALPHABET = WORD_CHARS + "    \n\n"
words = st.text(alphabet=WORD_CHARS, min_size=1, max_size=14)
separators = st.sampled_from([" ", " ", " ", "   ", "\n", "\n\n", " \n ", "\u00a0"])
#: Plain random text, and text built of words with spaces and newlines between them.
texts = st.one_of(
    st.text(alphabet=ALPHABET, max_size=120),
    st.lists(st.one_of(words, separators), max_size=60).map("".join),
)
widths = st.floats(min_value=3, max_value=400, allow_nan=False, allow_infinity=False)
styles = st.sampled_from([BODY, BOLD, HEADING, TextStyle("regular", 13)])


def fits(text: str, style: TextStyle, width: float) -> bool:
    return style.font.width(text, style.size) <= width + EPS


# ------------------------------------------------------------------------------- wrap
def check_paragraph(para: str, lines: list[str], style: TextStyle, width: float) -> None:
    """`lines` is `para` (no newline) broken greedily at spaces, overlong words broken
    greedily between characters, and nothing else."""
    words_in = [w for w in para.split(" ") if w]
    if not words_in:
        assert lines == [""]
        return
    for line in lines:
        assert line, f"empty line in a paragraph with words: {lines!r}"
        assert line == line.strip(" ") and "  " not in line, f"uncollapsed spaces: {line!r}"
        assert fits(line, style, width) or len(line) == 1, f"{line!r} wider than {width}"
    tokens = [(i, tok) for i, line in enumerate(lines) for tok in line.split(" ")]
    k = 0
    for word in words_in:
        assert k < len(tokens), f"word {word!r} missing from {lines!r}"
        i, tok = tokens[k]
        starts_line = k == 0 or tokens[k - 1][0] != i
        if starts_line and i > 0:
            # Greedy: a line ends before a word only when the word would not fit after it.
            assert not fits(lines[i - 1] + " " + word, style, width), (lines[i - 1], word)
        if tok == word:
            k += 1
            continue
        # A word broken between characters: only one too wide for a line of its own, and
        # broken into whole lines except its last piece, which starts the next line.
        assert not fits(word, style, width), f"{word!r} fits in {width} but was broken"
        assert starts_line and lines[i] == tok, (word, lines)
        pieces = [tok]
        k += 1
        while "".join(pieces) != word:
            assert k < len(tokens), f"word {word!r} cut short in {lines!r}"
            i2, tok2 = tokens[k]
            assert i2 == i + len(pieces) and tokens[k - 1][0] != i2, (word, lines)
            pieces.append(tok2)
            k += 1
            assert word.startswith("".join(pieces)), (word, lines)
        for n, piece in enumerate(pieces[:-1]):
            assert lines[i + n] == piece, (word, lines)
            # As many characters per line as fit.
            assert not fits(piece + pieces[n + 1][0], style, width), (word, lines)
    assert k == len(tokens), f"extra text in {lines!r}"


@PROPERTY
@given(texts, styles, widths)
def test_wrap_lines_fit_the_width_except_a_single_character(
        text: str, style: TextStyle, width: float) -> None:
    for line in wrap(text, style, width):
        assert style.font.width(line, style.size) <= width + EPS or len(line) == 1, line


@PROPERTY
@given(texts, styles, widths)
def test_wrap_keeps_every_character_and_every_newline(
        text: str, style: TextStyle, width: float) -> None:
    lines = wrap(text, style, width)
    paragraphs = text.split("\n")
    # Each explicit newline starts a new line: the text wraps paragraph by paragraph.
    per_paragraph = [wrap(p, style, width) for p in paragraphs]
    assert all(per_paragraph)
    assert lines == [line for p in per_paragraph for line in p]
    assert len(lines) >= len(paragraphs)
    assert not any("\n" in line for line in lines)
    # Every character other than a space is kept, in order (NBSPs included).
    for para, para_lines in zip(paragraphs, per_paragraph):
        assert "".join(para_lines).replace(" ", "") == para.replace(" ", "")
    assert sum(line.count("\u00a0") for line in lines) == text.count("\u00a0")


@PROPERTY
@given(texts, styles, widths)
def test_wrap_breaks_greedily_at_spaces_and_splits_only_overlong_words(
        text: str, style: TextStyle, width: float) -> None:
    for para in text.split("\n"):
        check_paragraph(para, wrap(para, style, width), style, width)


@PROPERTY
@given(texts, styles, widths)
def test_wrap_collapses_runs_of_spaces(text: str, style: TextStyle, width: float) -> None:
    collapsed = re.sub(" +", " ", text)
    assert wrap(text, style, width) == wrap(collapsed, style, width)
    stripped = "\n".join(p.strip(" ") for p in collapsed.split("\n"))
    assert wrap(text, style, width) == wrap(stripped, style, width)


def test_wrap_examples() -> None:
    wide = 1000.0
    assert wrap("", BODY, wide) == [""]
    assert wrap("a   b", BODY, wide) == ["a b"]
    assert wrap("  a  b  ", BODY, wide) == ["a b"]
    assert wrap("a\n\nb", BODY, wide) == ["a", "", "b"]
    assert wrap("a \n b", BODY, wide) == ["a", "b"]
    # An overlong word fills each line, after the line before it has been ended.
    w = BODY.font.width("abcd", BODY.size) + 0.01
    assert wrap("x abcdefghij y", BODY, w) == ["x", "abcd", "efgh", "ij y"]
    # A character wider than the line still gets a line of its own.
    assert wrap("WW", BODY, 1) == ["W", "W"]


def test_wrap_a_line_exactly_as_wide_as_the_width_fits() -> None:
    width = BODY.font.width("abcd efgh", BODY.size)
    assert wrap("abcd efgh", BODY, width) == ["abcd efgh"]
    assert wrap("abcd efgh", BODY, width - 0.01) == ["abcd", "efgh"]
    width = BODY.font.width("abcd", BODY.size)
    assert wrap("abcdefgh", BODY, width) == ["abcd", "efgh"]
    assert wrap("abcdefgh", BODY, width - 0.01) == ["abc", "defg", "h"]


def test_wrap_exact_width_at_any_size() -> None:
    style = TextStyle("regular", 6.1)
    text = "bhmdagooedjm"
    assert wrap(text, style, style.font.width(text, style.size)) == [text]


def test_no_break_space_is_not_a_break() -> None:
    narrow = BODY.font.width("see s.", BODY.size) + 0.01
    assert BODY.font.width("see s.\u00a012", BODY.size) > narrow
    assert wrap("see s. 12", BODY, narrow) == ["see s.", "12"]
    assert wrap("see s.\u00a012", BODY, narrow) == ["see", "s.\u00a012"]
    assert wrap("£1\u00a0000\u00a0000 fine", BODY, 1000) == ["£1\u00a0000\u00a0000 fine"]


# ------------------------------------------------------------------------------ clean
@pytest.mark.parametrize(("raw", "cleaned"), [
    ("a\r\nb", "a\nb"),
    ("a\rb", "a\nb"),
    ("a\r\r\nb", "a\n\nb"),
    ("a\n\rb", "a\n\nb"),
    ("a\tb\t\tc", "a b  c"),
    ("caf" + "e\u0301", "café"),
    ("A\u030angstr\u00f6m", "Ångström"),
    ("so\u00adft hy\u00adphen", "soft hyphen"),
    ("zero\u200bwidth", "zerowidth"),
    ("\ufeffByte order mark", "Byte order mark"),
    ("e\u00ad\u0301", "é"),  # dropped before composing
    ("s.\u00a012 £5", "s.\u00a012 £5"),  # kept as they are
])
def test_clean_examples(raw: str, cleaned: str) -> None:
    assert clean(raw) == cleaned


@PROPERTY
@given(st.text(alphabet="ab é\u00e9e\u0301\u030a\r\n\t\u00ad\u200b\ufeff\u00a0"))
def test_clean_properties(text: str) -> None:
    out = clean(text)
    assert not set(out) & set("\r\t\u00ad\u200b\ufeff")
    assert unicodedata.is_normalized("NFC", out)
    assert clean(out) == out
    assert out.count("\n") == text.count("\n") + text.count("\r") - text.count("\r\n")
    assert out.count(" ") == text.count(" ") + text.count("\t")
    assert out.count("\u00a0") == text.count("\u00a0")


# ----------------------------------------------------------------------- table checker
@dataclass
class Part:
    """One row, or the part of a split row, placed on one page."""

    page: int
    top: float
    height: float
    lines: int
    texts: list[list[tuple[float, str]]] = field(default_factory=list)  # per column

    @property
    def bottom(self) -> float:
        return self.top + self.height


@dataclass
class TableRun:
    first_page: int
    started_mid_page: bool
    fresh_lines: int
    heights: list[int]
    rows: list[list[Part]]


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, abs_tol=1e-6)


def place_table(flow: Flow, columns: Sequence[Column], rows: Sequence[Sequence[str]],
                style: TableStyle = TableStyle()) -> TableRun:
    """Lay out a table on `flow` and check everything it placed; return where rows went."""
    g = flow.geometry
    mark_page = len(flow.pages) - 1
    mark = flow.page
    n_texts, n_fills, n_boxes = len(mark.texts), len(mark.fills), len(mark.boxes)
    y0, space0, at_top0 = flow.y, flow.space, flow.at_top

    flow.table(columns, rows, style)

    ncols = len(columns)
    pad_x, pad_y = style.pad_x, style.pad_y
    xs = [g.left]
    for c in columns:
        xs.append(xs[-1] + c.width)
    inner = [c.width - 2 * pad_x for c in columns]
    head = [wrap(clean(c.title), style.header, w) for c, w in zip(columns, inner)]
    hlh = style.header.line_height
    head_h = max(map(len, head)) * hlh + 2 * pad_y
    lh = style.body.line_height
    fresh_lines = int((g.content_bottom - g.top - head_h - 2 * pad_y) // lh)
    cells = [[wrap(clean(v), style.body, w) for v, w in zip(row, inner)] for row in rows]
    heights = [max(map(len, c)) for c in cells]

    # Where the table starts: on a new page when the header and its first row do not fit
    # below what comes before it (for a first row taller than a page, or no rows: the
    # header and MIN_SPLIT_LINES lines); otherwise right there.
    moved = len(mark.fills) == n_fills
    needed = heights[0] if heights and heights[0] <= fresh_lines else MIN_SPLIT_LINES
    if not at_top0 and space0 < head_h + 2 * pad_y + needed * lh:
        assert moved, "table started where the header and its first row do not fit"
    else:
        assert not moved, "needless move"
    if moved:
        assert (len(mark.texts), len(mark.boxes)) == (n_texts, n_boxes)
    first = mark_page + 1 if moved else mark_page
    assert len(flow.pages) > first

    def column_of(x: float) -> int:
        found = [i for i in range(ncols) if close(x, xs[i] + pad_x)]
        assert found, f"text at x={x} is in no column"
        return found[0]

    parts: list[Part] = []
    for n in range(first, len(flow.pages)):
        page = flow.pages[n]
        if n == mark_page:
            texts, fills, boxes = (page.texts[n_texts:], page.fills[n_fills:],
                                   page.boxes[n_boxes:])
        else:
            texts, fills, boxes = page.texts, page.fills, page.boxes
        table_top = y0 if n == first and not moved else g.top

        # (a) the header row heads the table on every page it runs onto
        assert len(fills) == 1, f"page {n}: {len(fills)} header fills"
        fx, fy, fw, fh, colour = fills[0]
        assert close(fx, xs[0]) and close(fy, table_top) and close(fw, xs[-1] - xs[0])
        assert close(fh, head_h) and colour == style.header_fill
        assert len(boxes) % ncols == 0
        bands = []
        for j in range(0, len(boxes), ncols):
            group = boxes[j:j + ncols]
            top, height = group[0][1], group[0][3]
            for i, (bx, by, bw, bh) in enumerate(group):
                assert close(bx, xs[i]) and close(bw, xs[i + 1] - xs[i])
                assert by == top and bh == height, "boxes of one row differ"
            bands.append((top, height))
        assert close(bands[0][0], table_top) and close(bands[0][1], head_h)
        if rows:
            assert len(bands) >= 2, f"page {n} has a header and no row"
        else:
            assert len(bands) == 1 and n == first

        # (c) rows stacked one under the other without overlapping, inside the content
        bottom = table_top
        for top, height in bands:
            assert close(top, bottom), f"page {n}: row at {top} after one ending at {bottom}"
            assert top >= g.top - EPS and top + height <= g.content_bottom + EPS
            bottom = top + height

        # (b) every baseline inside the content area
        for _, y, _, _ in texts:
            assert g.top - EPS <= y <= g.content_bottom + EPS

        # Header texts: the wrapped titles, in the header style, on every page.
        header_texts: list[list[tuple[float, str]]] = [[] for _ in columns]
        body = [Part(n, top, h, 0, [[] for _ in columns]) for top, h in bands[1:]]
        for x, y, text, ts in texts:
            i = column_of(x)
            if table_top < y < table_top + head_h:
                assert ts == style.header
                header_texts[i].append((y, text))
                continue
            owner = [p for p in body if p.top < y < p.bottom]
            assert len(owner) == 1, f"text {text!r} at y={y} is in no row"
            assert ts == style.body
            owner[0].texts[i].append((y, text))
        for i in range(ncols):
            expected = [(table_top + pad_y + style.header.baseline() + j * hlh, line)
                        for j, line in enumerate(head[i]) if line]
            assert [t for _, t in header_texts[i]] == [t for _, t in expected]
            assert all(close(a, b) for (a, _), (b, _) in zip(header_texts[i], expected))
        for p in body:
            p.lines = round((p.height - 2 * pad_y) / lh)
            assert p.lines >= 1 and close(p.lines * lh + 2 * pad_y, p.height)
        parts.extend(body)

    # (d) each row's lines, in order, split only between pages
    placed_rows: list[list[Part]] = []
    k = 0
    for r, (row_cells, height) in enumerate(zip(cells, heights)):
        mine: list[Part] = []
        got = 0
        while got < height:
            assert k < len(parts), f"row {r} (of {len(rows)}) not placed in full"
            mine.append(parts[k])
            got += parts[k].lines
            k += 1
        assert got == height, f"row {r}: {got} lines placed for {height}"
        offset = 0
        for p in mine:
            for i in range(ncols):
                expected = [(p.top + pad_y + style.body.baseline() + j * lh, line)
                            for j, line in enumerate(row_cells[i][offset:offset + p.lines])
                            if line]
                assert [t for _, t in p.texts[i]] == [t for _, t in expected], (r, i)
                assert all(close(a, b) for (a, _), (b, _) in zip(p.texts[i], expected))
            offset += p.lines
        placed_rows.append(mine)
    assert k == len(parts), "more rows placed than given"
    for i in range(ncols):
        every = [t for p in parts for _, t in p.texts[i]]
        assert every == [line for c in cells for line in c[i] if line]

    # (e), (f): where rows are split, and why rows move
    started_mid = not close(y0 if not moved else g.top, g.top)
    head_bottom = g.top + head_h
    for r, mine in enumerate(placed_rows):
        height = heights[r]
        if height > fresh_lines:
            assert len(mine) >= 2, f"row {r} taller than a page was not split"
        else:
            assert len(mine) == 1, f"row {r} of {height} lines split over {len(mine)} pages"
        for a, b in zip(mine, mine[1:]):
            assert b.page == a.page + 1
            assert close(b.top, head_bottom), "a continued row does not follow the header"
            assert a.bottom + lh > g.content_bottom + EPS, "split although a line more fit"
        if len(mine) > 1 and not close(mine[0].top, head_bottom):
            assert mine[0].lines >= MIN_SPLIT_LINES
        if r and mine[0].page != placed_rows[r - 1][-1].page:
            # Moved to a new page only when it could not start on the one before.
            prev = placed_rows[r - 1][-1]
            assert mine[0].page == prev.page + 1 and close(mine[0].top, head_bottom)
            room = int((g.content_bottom - prev.bottom - 2 * pad_y) // lh)
            assert room < (height if height <= fresh_lines else MIN_SPLIT_LINES)
    return TableRun(first, started_mid, fresh_lines, heights, placed_rows)


# ----------------------------------------------------------------------- table tests
def _repeat(t: tuple[str, int]) -> str:
    return (t[0] + " ") * t[1]


def _unbroken(t: tuple[str, int]) -> str:
    return t[0] * t[1]


cell_texts = st.one_of(
    st.just(""),
    st.text(alphabet=ALPHABET, max_size=40),
    st.text(alphabet=ALPHABET, max_size=40),
    st.tuples(st.text(alphabet=ALPHABET, min_size=1, max_size=30),
              st.integers(1, 60)).map(_repeat),  # long: often more than a page
    st.tuples(st.text(alphabet="abcdefghijklmnopqrstuvwxyz£é", min_size=1, max_size=4),
              st.integers(20, 200)).map(_unbroken),  # one overlong word
)
titles = st.one_of(st.sampled_from(["When", "Description", "Row", ""]),
                   st.text(alphabet=ALPHABET, max_size=30))


@st.composite
def tables(draw: st.DrawFn, geometry: Geometry = SMALL, max_rows: int = 60
           ) -> tuple[list[Column], list[list[str]]]:
    ncols = draw(st.integers(1, 4))
    ws = draw(st.lists(st.floats(25, 120), min_size=ncols, max_size=ncols))
    scale = min(1.0, geometry.content_width / sum(ws))
    columns = [Column(draw(titles), w * scale) for w in ws]
    n = draw(st.integers(0, max_rows))
    rows = [draw(st.lists(cell_texts, min_size=ncols, max_size=ncols)) for _ in range(n)]
    return columns, rows


@pytest.mark.slow
@PROPERTY
@given(tables(), st.one_of(st.none(), st.floats(0, 170)))
def test_table_pagination_properties(table: tuple[list[Column], list[list[str]]],
                                     preamble: float | None) -> None:
    columns, rows = table
    flow = Flow(SMALL)
    if preamble is not None:  # the table starts part way down a page (or past its end)
        flow.paragraph("Preamble", BODY, space_after=preamble)
    place_table(flow, columns, rows)


def test_rows_taller_than_a_page_continue_on_following_pages() -> None:
    flow = Flow(SMALL)
    columns = [Column("Row", 40), Column("Description", 220)]
    huge = " ".join(f"word{i}" for i in range(600))  # several pages in a 220 pt column
    rows = [["1", "short"], ["2", huge], ["3", "short"], ["4", "x" * 2000]]
    run = place_table(flow, columns, rows)
    assert [len(parts) for parts in run.rows][0] == 1
    assert len(run.rows[1]) >= 3 and len(run.rows[3]) >= 2
    assert run.rows[1][0].page == 0  # starts at once: at least MIN_SPLIT_LINES fit there
    assert run.rows[2][0].page == run.rows[1][-1].page


def test_row_that_fits_a_fresh_page_moves_whole() -> None:
    flow = Flow(SMALL)
    columns = [Column("Row", 40), Column("Description", 220)]
    run_lines = place_table(Flow(SMALL), columns, [["1", "x"]]).fresh_lines
    tall = "\n".join(f"line {i}" for i in range(run_lines))  # exactly a page of lines
    rows = [["1", "a\nb\nc"], ["2", tall], ["3", tall]]
    run = place_table(flow, columns, rows)
    assert [[p.page for p in parts] for parts in run.rows] == [[0], [1], [2]]


def test_empty_table_is_its_header() -> None:
    flow = Flow(SMALL)
    run = place_table(flow, [Column("When", 100), Column("What", 160)], [])
    assert len(flow.pages) == 1 and run.rows == []
    assert sorted(t for _, _, t, _ in flow.page.texts) == ["What", "When"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(cell_texts, min_size=len(CHRONOLOGY_HEADINGS),
                         max_size=len(CHRONOLOGY_HEADINGS)),
                max_size=60),
       st.lists(st.text(alphabet=ALPHABET, max_size=300), max_size=3))
def test_a4_landscape_chronology(rows: list[list[str]], notes: list[str]) -> None:
    """The real page and the chronology's columns (sized by content): title, notes, table,
    appendix."""
    kept, widths = fit(CHRONOLOGY_HEADINGS, rows, 277, keep=CHRONOLOGY_KEEP)
    assert abs(sum(widths) - 277) < 1e-6
    scale = A4_LANDSCAPE.content_width / 277
    columns = [Column(CHRONOLOGY_HEADINGS[i], w * scale) for i, w in zip(kept, widths)]
    rows = [[row[i] for i in kept] for row in rows]
    flow = Flow(A4_LANDSCAPE)
    flow.paragraph("Chronology: R v Example (AB/123)", TextStyle("bold", 13),
                   space_after=2 * PT_PER_MM, bookmark="Chronology")
    for note in notes:
        flow.paragraph(note, TextStyle("regular", 7.5), space_after=1 * PT_PER_MM)
    place_table(flow, columns, rows)
    flow.paragraph("Appendix: corrections", HEADING, space_before=5 * PT_PER_MM,
                   space_after=1.5 * PT_PER_MM, keep_with_next=20 * PT_PER_MM,
                   bookmark="Appendix")
    name, page, y = flow.bookmarks[-1]
    assert name == "Appendix"
    assert ("Appendix: corrections" in [t for _, _, t, _ in flow.pages[page].texts])
    assert flow.space >= (20 - 1.5) * PT_PER_MM - EPS
    place_table(flow, [Column(t, w * scale) for t, w in
                       (("Corrected row", 20), ("Original entry", 90), ("Reason", 167))],
                rows[:10] and [r[:3] for r in rows[:10]])
    assert flow.bookmarks[0] == ("Chronology", 0, A4_LANDSCAPE.top)


def _flow_with_space(space: float) -> Flow:
    """A flow whose current page has `space` points left (after one filler line)."""
    g = SMALL
    flow = Flow(g)
    flow.paragraph("filler", BODY, space_after=g.content_bottom - g.top - BODY.line_height
                   - space)
    assert math.isclose(flow.space, space, abs_tol=1e-9) and not flow.at_top
    return flow


def test_table_without_room_for_header_and_min_split_lines_starts_on_a_new_page() -> None:
    style = TableStyle()
    columns = [Column("When", 80), Column("Description", 180)]
    head_h = style.header.line_height + 2 * style.pad_y
    need = head_h + 2 * style.pad_y + MIN_SPLIT_LINES * style.body.line_height
    three = "one\ntwo\nthree"

    flow = _flow_with_space(need - 0.5)
    place_table(flow, columns, [["1", three]])
    assert len(flow.pages) == 2
    assert flow.pages[0].fills == [] and flow.pages[0].boxes == []
    assert [t for _, _, t, _ in flow.pages[0].texts] == ["filler"]
    assert flow.pages[1].fills[0][1] == SMALL.top

    flow = _flow_with_space(need + 0.5)
    y = flow.y
    place_table(flow, columns, [["1", three]])
    assert len(flow.pages) == 1 and flow.page.fills[0][1] == y
    assert {"When", "Description", "one", "two", "three"} <= {
        t for _, _, t, _ in flow.page.texts}

    # A row taller than a page starts at once, with MIN_SPLIT_LINES lines on this page.
    flow = _flow_with_space(need + 0.5)
    run = place_table(flow, columns, [["1", "\n".join(map(str, range(60)))]])
    assert run.rows[0][0].page == 0 and run.rows[0][0].lines == MIN_SPLIT_LINES


def test_first_row_that_fits_a_page_is_not_split_when_the_table_starts_mid_page() -> None:
    style = TableStyle()
    columns = [Column("Row", 40), Column("Description", 220)]
    lh = style.body.line_height
    fresh_lines = place_table(Flow(SMALL), columns, [["1", "x"]]).fresh_lines
    first = "\n".join(f"line {i}" for i in range(fresh_lines))  # fits on a page of its own
    head_h = style.header.line_height + 2 * style.pad_y
    flow = _flow_with_space(head_h + 2 * style.pad_y + (MIN_SPLIT_LINES + 2) * lh)
    flow.table(columns, [["1", first], ["2", "short"]], style)
    pages = [n for n, page in enumerate(flow.pages) for _, _, t, _ in page.texts
             if t.startswith("line ")]
    assert len(set(pages)) == 1, f"row of {fresh_lines} lines split over pages {pages}"
    # And no header is left alone at the foot of a page.
    for page in flow.pages:
        if page.fills:
            assert len(page.boxes) > len(columns)


# ------------------------------------------------------------------------- paragraphs
def _texts_since(flow: Flow, page: int, count: int) -> list[tuple[int, float, str]]:
    out = [(page, y, t) for _, y, t, _ in flow.pages[page].texts[count:]]
    for n in range(page + 1, len(flow.pages)):
        out += [(n, y, t) for _, y, t, _ in flow.pages[n].texts]
    return out


def test_heading_moves_to_the_next_page_with_what_must_follow_it() -> None:
    g = SMALL
    keep = 50.0
    needed = 5 + HEADING.line_height + keep
    flow = _flow_with_space(needed - 0.5)
    flow.paragraph("Appendix", HEADING, space_before=5, space_after=4, keep_with_next=keep,
                   bookmark="Appendix")
    assert len(flow.pages) == 2
    assert [t for _, _, t, _ in flow.pages[0].texts] == ["filler"]
    (x, y, text, style), = flow.pages[1].texts
    assert (x, text, style) == (g.left, "Appendix", HEADING)
    assert math.isclose(y, g.top + HEADING.baseline())  # no space_before at a page top
    assert flow.bookmarks == [("Appendix", 1, g.top)]
    assert math.isclose(flow.y, g.top + HEADING.line_height + 4)


def test_heading_stays_when_what_must_follow_it_fits() -> None:
    keep = 50.0
    needed = 5 + HEADING.line_height + keep
    flow = _flow_with_space(needed + 0.5)
    y = flow.y
    flow.paragraph("Appendix", HEADING, space_before=5, keep_with_next=keep,
                   bookmark="Appendix")
    assert len(flow.pages) == 1
    assert flow.bookmarks == [("Appendix", 0, y + 5)]
    assert flow.page.texts[-1][1:3] == (y + 5 + HEADING.baseline(), "Appendix")
    assert flow.space >= keep


def test_bookmark_follows_a_paragraph_pushed_to_the_next_page() -> None:
    flow = _flow_with_space(HEADING.line_height - 1)
    flow.paragraph("Appendix", HEADING, bookmark="Appendix")
    assert flow.pages[1].texts[0][2] == "Appendix"
    assert flow.bookmarks == [("Appendix", 1, SMALL.top)]


paragraphs = st.lists(st.tuples(
    texts, st.sampled_from([BODY, HEADING, TextStyle("bold", 13)]),
    st.floats(0, 20), st.floats(0, 20), st.one_of(st.just(0.0), st.floats(1, 120))),
    max_size=25)


@pytest.mark.slow
@PROPERTY
@given(paragraphs)
def test_paragraph_flow_properties(
        items: list[tuple[str, TextStyle, float, float, float]]) -> None:
    g = SMALL
    flow = Flow(g)
    for n, (text, style, before, after, keep) in enumerate(items):
        page0, count0 = len(flow.pages) - 1, len(flow.page.texts)
        space0, top0 = flow.space, flow.at_top
        name = f"p{n}" if keep else None
        flow.paragraph(text, style, space_before=before, space_after=after,
                       keep_with_next=keep, bookmark=name)
        lines = wrap(clean(text), style, g.content_width)
        placed = _texts_since(flow, page0, count0)
        assert [t for _, _, t in placed] == lines
        lh, base = style.line_height, style.baseline()
        for (p, y, _), (q, y2, _) in zip(placed, placed[1:]):
            assert (q == p and math.isclose(y2, y + lh)) or (q == p + 1 and
                                                              math.isclose(y2, g.top + base))
        for _, y, _ in placed:  # every line box inside the content area
            assert y - base >= g.top - EPS and y - base + lh <= g.content_bottom + EPS
        first_page, first_y, _ = placed[0]
        if keep and not top0:
            needed = before + len(lines) * lh + keep
            if needed > space0:
                assert first_page == page0 + 1 and math.isclose(first_y, g.top + base)
            else:
                assert {p for p, _, _ in placed} == {page0}
                assert math.isclose(first_y - base, g.content_bottom - space0 + before)
                assert g.content_bottom - (placed[-1][1] - base + lh) >= keep - EPS
        if name:
            mark_name, mark_page, mark_y = flow.bookmarks[-1]
            assert (mark_name, mark_page) == (name, first_page)
            assert math.isclose(mark_y, first_y - base, abs_tol=EPS)
