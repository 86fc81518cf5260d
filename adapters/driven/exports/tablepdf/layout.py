"""Lay out headings, paragraphs and long tables on fixed-size pages.

Pure layout: text is measured with the font's advance widths and broken into lines; rows
are placed top to bottom, the table's header row is repeated on every page it runs onto, a
row moves whole to the next page when it fits on one, and a row taller than a page is split
between lines. The result is a list of `Page`s of placed text lines, filled rectangles and
cell borders, in points from the page's top-left corner; `writer.py` turns them into PDF.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from adapters.driven.exports.tablepdf.fonts import Font, load

PT_PER_MM = 72 / 25.4
#: A row taller than the space left on a page is split only if at least this many of its
#: lines fit there; otherwise it starts on the next page.
MIN_SPLIT_LINES = 3

Color = tuple[float, float, float]
BLACK: Color = (0.0, 0.0, 0.0)

#: Invisible characters the writer drops rather than draws (they only hint at breaks).
_DROP = dict.fromkeys(map(ord, "\u00ad\u200b\ufeff"))


def clean(text: str) -> str:
    """Text as the table writer draws it: NFC, one kind of newline, tabs as spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return unicodedata.normalize("NFC", text.translate(_DROP))


@dataclass(frozen=True)
class TextStyle:
    face: str = "regular"  # regular | bold
    size: float = 7.0  # points
    color: Color = BLACK
    leading: float = 1.25  # line height as a multiple of the size

    @property
    def font(self) -> Font:
        return load(self.face)

    @property
    def line_height(self) -> float:
        return self.size * self.leading

    def baseline(self) -> float:
        """Distance from the top of a line box to the baseline (half-leading above)."""
        font = self.font
        half_leading = (self.line_height - (font.ascent + font.descent) * self.size) / 2
        return half_leading + font.ascent * self.size


@dataclass
class Page:
    #: (x, baseline y, text, style)
    texts: list[tuple[float, float, str, TextStyle]] = field(default_factory=list)
    #: (x, y, width, height, colour): filled rectangles, drawn first
    fills: list[tuple[float, float, float, float, Color]] = field(default_factory=list)
    #: (x, y, width, height): stroked cell borders
    boxes: list[tuple[float, float, float, float]] = field(default_factory=list)


@dataclass(frozen=True)
class Geometry:
    width: float
    height: float
    top: float
    right: float
    bottom: float
    left: float

    @property
    def content_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def content_bottom(self) -> float:
        return self.height - self.bottom


A4_LANDSCAPE = Geometry(297 * PT_PER_MM, 210 * PT_PER_MM, 17 * PT_PER_MM, 10 * PT_PER_MM,
                        17 * PT_PER_MM, 10 * PT_PER_MM)


# ------------------------------------------------------------------------ line breaking
_WORD_WIDTHS: dict[tuple[str, str], int] = {}


def word_width(font: Font, face: str, word: str) -> int:
    """The advance width of `word` in font units (cached)."""
    key = (face, word)
    width = _WORD_WIDTHS.get(key)
    if width is None:
        if len(_WORD_WIDTHS) > 200_000:
            _WORD_WIDTHS.clear()
        adv = font.advances
        width = _WORD_WIDTHS[key] = sum(adv[ord(c)] for c in word)
    return width


def wrap(text: str, style: TextStyle, width: float) -> list[str]:
    """`text` broken into lines no wider than `width` points.

    Newlines are kept, runs of spaces collapse to one (CSS `white-space: pre-line`), lines
    break at spaces, and a word longer than the line is broken between characters (CSS
    `overflow-wrap: break-word`). A no-break space never breaks.
    """
    font = style.font
    # A hair of tolerance: a line exactly as wide as `width` (as `Font.width` measures it)
    # must fit although the division rounds.
    limit = width * font.units_per_em / style.size * (1 + 1e-9) + 1e-6
    adv = font.advances
    space = adv[32]
    face = style.face
    lines: list[str] = []
    for para in text.split("\n"):
        line: list[str] = []
        used = 0
        for word in para.split(" "):
            if not word:
                continue
            w = word_width(font, face, word)
            if line and used + space + w <= limit:
                line.append(word)
                used += space + w
                continue
            if line:
                lines.append(" ".join(line))
            if w <= limit:
                line, used = [word], w
                continue
            # An overlong word: as many characters per line as fit (at least one).
            piece, piece_w = "", 0
            for ch in word:
                cw = adv[ord(ch)]
                if piece and piece_w + cw > limit:
                    lines.append(piece)
                    piece, piece_w = "", 0
                piece += ch
                piece_w += cw
            line, used = [piece], piece_w
        lines.append(" ".join(line))
    return lines


# ------------------------------------------------------------------------------- flow
@dataclass(frozen=True)
class Column:
    title: str
    width: float  # points


@dataclass(frozen=True)
class TableStyle:
    body: TextStyle = TextStyle()
    header: TextStyle = TextStyle(face="bold")
    header_fill: Color = (0.902, 0.902, 0.902)
    pad_x: float = 1.2 * PT_PER_MM
    pad_y: float = 1.0 * PT_PER_MM


class Flow:
    """Places blocks down the pages of one document."""

    def __init__(self, geometry: Geometry) -> None:
        self.geometry = geometry
        self.pages: list[Page] = []
        self.bookmarks: list[tuple[str, int, float]] = []  # (title, page index, y)
        self.y = 0.0
        self.new_page()

    @property
    def page(self) -> Page:
        return self.pages[-1]

    @property
    def space(self) -> float:
        return self.geometry.content_bottom - self.y

    @property
    def at_top(self) -> bool:
        return self.y <= self.geometry.top + 0.01

    def new_page(self) -> None:
        self.pages.append(Page())
        self.y = self.geometry.top

    def bookmark(self, title: str) -> None:
        self.bookmarks.append((title, len(self.pages) - 1, self.y))

    def lines(self, lines: Sequence[str], style: TextStyle, x: float | None = None) -> None:
        """Lines one under the other, continuing on the next page when the page is full."""
        x = self.geometry.left if x is None else x
        lh, base = style.line_height, style.baseline()
        for line in lines:
            if self.space < lh and not self.at_top:
                self.new_page()
            self.page.texts.append((x, self.y + base, line, style))
            self.y += lh

    def paragraph(self, text: str, style: TextStyle, *, space_before: float = 0.0,
                  space_after: float = 0.0, keep_with_next: float = 0.0,
                  bookmark: str | None = None) -> None:
        """A wrapped paragraph; `keep_with_next` is how much must fit after it on its page,
        and `bookmark` names an outline entry pointing at it."""
        lines = wrap(clean(text), style, self.geometry.content_width)
        if not self.at_top:
            needed = space_before + len(lines) * style.line_height + keep_with_next
            if keep_with_next and needed > self.space:
                self.new_page()
            else:
                self.y += space_before
        if self.space < style.line_height and not self.at_top:
            self.new_page()  # not even the first line fits: the paragraph starts overleaf
        if bookmark:
            self.bookmark(bookmark)
        self.lines(lines, style)
        self.y += space_after

    def table(self, columns: Sequence[Column], rows: Sequence[Sequence[str]],
              style: TableStyle = TableStyle(),
              cell_style: Callable[[int, str], TextStyle | None] | None = None) -> None:
        """A table whose header row repeats on every page and whose rows never overlap."""
        g = self.geometry
        xs = [g.left]
        for column in columns:
            xs.append(xs[-1] + column.width)
        inner = [c.width - 2 * style.pad_x for c in columns]
        head = [wrap(clean(c.title), style.header, w) for c, w in zip(columns, inner)]
        head_h = max(map(len, head)) * style.header.line_height + 2 * style.pad_y
        lh = style.body.line_height

        def draw_header() -> None:
            self._row(xs, head, [style.header] * len(columns), style, style.header.line_height,
                      fill=style.header_fill)

        def fits_lines() -> int:
            return int((self.space - 2 * style.pad_y) // lh)

        fresh_page_lines = int((g.content_bottom - g.top - head_h - 2 * style.pad_y) // lh)

        def layout(row: Sequence[str]) -> tuple[list[TextStyle], list[list[str]]]:
            styles = [(cell_style(i, value) if cell_style else None) or style.body
                      for i, value in enumerate(row)]
            return styles, [wrap(clean(v), s, w) for v, s, w in zip(row, styles, inner)]

        # The table starts here only if its header and its first row do (or, for a first row
        # taller than a page, the header and MIN_SPLIT_LINES of its lines): a header is never
        # left alone at the foot of a page, and a first row is not split needlessly.
        first = max(map(len, layout(rows[0])[1])) if rows else MIN_SPLIT_LINES
        needed = first if first <= fresh_page_lines else MIN_SPLIT_LINES
        if not self.at_top and self.space < head_h + 2 * style.pad_y + needed * lh:
            self.new_page()
        draw_header()
        fresh = (len(self.pages), self.y)  # where rows start on a page of their own
        for row in rows:
            styles, cells = layout(row)
            height = max(map(len, cells))
            while True:
                room = fits_lines()
                if height <= room:
                    self._row(xs, cells, styles, style, lh)
                    break
                on_fresh_page = (len(self.pages), self.y) == fresh
                if not on_fresh_page and (height <= fresh_page_lines or room < MIN_SPLIT_LINES):
                    self.new_page()
                    draw_header()
                    fresh = (len(self.pages), self.y)
                    continue
                # Taller than a page: the lines that fit here, the rest on the next page.
                room = max(room, 1)
                self._row(xs, [c[:room] for c in cells], styles, style, lh)
                cells = [c[room:] for c in cells]
                height = max(map(len, cells))
                self.new_page()
                draw_header()
                fresh = (len(self.pages), self.y)

    def _row(self, xs: list[float], cells: Sequence[Sequence[str]],
             styles: Sequence[TextStyle], style: TableStyle, lh: float,
             fill: tuple[float, float, float] | None = None) -> None:
        height = max(map(len, cells)) * lh + 2 * style.pad_y
        page, top = self.page, self.y
        if fill:
            page.fills.append((xs[0], top, xs[-1] - xs[0], height, fill))
        texts = page.texts
        for i, lines in enumerate(cells):
            cs = styles[i]
            x = xs[i] + style.pad_x
            y = top + style.pad_y + cs.baseline()
            for line in lines:
                if line:
                    texts.append((x, y, line, cs))
                y += lh
            page.boxes.append((xs[i], top, xs[i + 1] - xs[i], height))
        self.y += height
