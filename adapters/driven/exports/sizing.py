"""Column widths sized by what the columns hold, for the tables people read (PDF, DOCX).

A fixed set of widths wastes the page: a column that is empty on every row, or holds a
two-digit number, keeps its share while the description wraps over many lines. Here a
column with no text is dropped, a column whose longest line is short gets just that width,
and the rest of the page is shared by the other columns in proportion to how much text
they hold on an average row, so that rows are as short as the text allows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from functools import lru_cache

from adapters.driven.exports.tablepdf.fonts import Font, load
from adapters.driven.exports.tablepdf.layout import word_width

PT_PER_MM = 72 / 25.4
#: The body text the widths are measured in (the table writer's cell text) and its padding.
SIZE, PAD_MM = 6.5, 1.0
#: No column is made narrower than this (mm) nor, to fit its longest word, wider than MAX_WORD.
MIN_MM, MAX_WORD_MM = 8.0, 30.0
#: Headings are bold, which is at most this much wider than the regular face.
BOLD = 1.12


@lru_cache(maxsize=50_000)  # cells repeat (officers, agencies, sources, statuses)
def _measure(text: str) -> tuple[float, float, float, tuple[float, ...], float]:
    """(longest line, longest word, all the text, each line, mean word) of a cell, in mm."""
    font = load("regular")
    scale = SIZE / font.units_per_em / PT_PER_MM
    space = font.advances[32]
    longest_line = longest_word = total = 0.0
    words = 0
    widths = []
    for line in text.split("\n"):
        width = 0
        for word in line.split(" "):
            w = _width(font, word)
            longest_word = max(longest_word, w * scale)
            width += w + space
            words += 1
        longest_line = max(longest_line, width * scale)
        widths.append(width * scale)
        total += width * scale
    return longest_line, longest_word, total, tuple(widths), total / max(words, 1)


Cell = tuple[tuple[float, ...], float]


def _widest_gain(kept: list[int], width: dict[int, float], natural: dict[int, float],
                 sample: list[list[Cell]], heights: list[dict[int, int]],
                 lines: Callable[[Cell, float], int]) -> int | None:
    """The column whose widening by STEP_MM shortens the sampled rows most (by lines in
    all), or, when none does yet, the one that is tallest in most rows."""
    tallest = [max(h.values()) for h in heights]
    best, best_key = None, (0, 0)
    for i in kept:
        if width[i] >= natural[i]:
            continue
        wider = width[i] + STEP_MM
        gain = votes = 0
        for row, h, top in zip(sample, heights, tallest):
            if h[i] == top:
                votes += 1
                others = max((v for j, v in h.items() if j != i), default=0)
                gain += top - max(others, lines(row[i], wider))
        if (gain, votes) > best_key:
            best, best_key = i, (gain, votes)
    return best


def _width(font: Font, word: str) -> int:
    """A word's width in font units; a character the font lacks (text WeasyPrint will set)
    counts as half an em."""
    try:
        return word_width(font, "regular", word)
    except KeyError:
        return sum(font.advances.get(ord(c), font.units_per_em // 2) for c in word)


#: The rows the widths are fitted on: all of a short table; of a long one, runs of
#: consecutive rows spread through it (a regular stride could meet only one kind of entry).
SAMPLE, RUN = 100, 20


def _sampled(count: int) -> set[int]:
    if count <= SAMPLE:
        return set(range(count))
    runs = SAMPLE // RUN
    starts = [k * (count - RUN) // (runs - 1) for k in range(runs)]
    return {s + j for s in starts for j in range(RUN)}
STEP_MM = 2.0


def fit(headings: Sequence[str], cells: Sequence[Sequence[str]], total_mm: float,
        keep: Sequence[int] = ()) -> tuple[list[int], list[float]]:
    """(indices of the columns kept, their widths in mm summing to `total_mm`).

    A column with no text in any row is dropped, unless its index is in `keep`. Every column
    starts as wide as its longest word (within limits); then, a millimetre at a time, the
    column whose widening shortens the rows most is widened, until the page's width is
    used.
    """
    n = len(headings)
    line, word = [0.0] * n, [0.0] * n
    used_cols = [False] * n
    chosen = _sampled(len(cells))
    sample: list[list[Cell]] = []
    for r, row in enumerate(cells):
        measured = []
        for i, value in enumerate(row):
            if value:
                a, b, c, k, m = _measure(value)
                line[i], word[i] = max(line[i], a), max(word[i], b)
                used_cols[i] = True
                measured.append((k, m))
            else:
                measured.append(((), 0.0))
        if r in chosen:
            sample.append(measured)
    kept = [i for i in range(n) if used_cols[i] or i in keep]
    if not kept:
        return list(range(n)), [total_mm / n] * n
    pad = 2 * PAD_MM
    floor = {i: max(MIN_MM, min(word[i] + pad, MAX_WORD_MM),
                    _measure(headings[i].replace(" ", "\n"))[0] * BOLD + pad) for i in kept}
    natural = {i: max(floor[i], line[i] + pad) for i in kept}
    width = dict(floor)

    def lines(cell: Cell, w: float) -> int:
        paragraphs, mean_word = cell
        # A wrapped line ends short of the column's width by part of a word (estimated).
        room = int(max(w - pad - mean_word * 0.6, 1.0) * 100)
        return sum(max(1, -(-int(p * 100) // room)) for p in paragraphs)

    heights = [{i: lines(row[i], width[i]) for i in kept} for row in sample]
    left = total_mm - sum(width.values())
    while left >= STEP_MM:
        best = _widest_gain(kept, width, natural, sample, heights, lines)
        if best is None:
            break
        width[best] += STEP_MM
        left -= STEP_MM
        for measured, h in zip(sample, heights):
            h[best] = lines(measured[best], width[best])
    used = sum(width.values())
    # What is left (or overrun, when the floors alone are too wide) is shared in proportion.
    return kept, [width[i] * total_mm / used for i in kept]
