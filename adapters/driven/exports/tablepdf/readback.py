"""Read back the text a table-writer PDF draws, page by page, to compare it with the log.

The writer is deterministic: the rows regenerated from the log at an export's embedded
position, rendered again, give the same PDF. `compare` checks a file against that rendering:
byte for byte first, else the text drawn on each page of the file's latest revision (as a
PDF reader shows it: pypdf follows the page tree and any incremental updates), naming the
first line that differs. Text is compared as the glyph ids drawn, which is exact; it is
decoded to characters only to be shown.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from adapters.driven.exports.tablepdf.fonts import load
from adapters.driven.exports.tablepdf.writer import FONT_RESOURCES

_TEXT = re.compile(rb"/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]*)> ?Tj")

Line = tuple[str, str]  # (font resource name, hex glyph ids)


class UnreadablePdf(ValueError):
    pass


def _reader(data: bytes) -> Any:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        return PdfReader(io.BytesIO(data))
    except (PyPdfError, ValueError, KeyError) as e:
        raise UnreadablePdf(f"the PDF cannot be read: {e}") from e


def renderer(data: bytes) -> str | None:
    """The /PathwayRenderer a table-writer PDF names (None: not one of its PDFs)."""
    try:
        info = _reader(data).metadata or {}
    except UnreadablePdf:
        return None
    value = info.get("/PathwayRenderer")
    return str(value) if value is not None else None


def pages(data: bytes) -> list[list[Line]]:
    """The text lines drawn on each page, in drawing order."""
    from pypdf.errors import PyPdfError

    found = []
    try:
        for page in _reader(data).pages:
            contents = page.get_contents()
            content = contents.get_data() if contents is not None else b""
            font, lines = "", []
            for op in _TEXT.finditer(content):
                if op.group(1):
                    font = op.group(1).decode()
                else:
                    lines.append((font, op.group(2).decode().upper()))
            found.append(lines)
    except (PyPdfError, ValueError, KeyError) as e:
        raise UnreadablePdf(f"the PDF's pages cannot be read: {e}") from e
    return found


def decode(line: Line) -> str:
    face = {v: k for k, v in FONT_RESOURCES.items()}.get(line[0])
    if face is None:
        return "?" * (len(line[1]) // 4)
    chars = _chars(face)
    hexes = line[1]
    return "".join(chars.get(int(hexes[i:i + 4], 16), "?") for i in range(0, len(hexes), 4))


_CHARS: dict[str, dict[int, str]] = {}


def _chars(face: str) -> dict[int, str]:
    if face not in _CHARS:
        _CHARS[face] = {}
        for cp, gid in sorted(load(face).glyph_of.items(), reverse=True):
            _CHARS[face][gid] = chr(cp)  # the lowest code point of a shared glyph wins
    return _CHARS[face]


@dataclass
class Comparison:
    ok: bool
    message: str


def compare(data: bytes, expected: bytes, current_renderer: str) -> Comparison:
    """Does the PDF `data` draw what `expected` (the log's rendering) draws?

    Only a PDF drawn by the same renderer (version and font files) can be compared; one drawn
    by another is reported as not compared (its rows hash is still checked by the caller).
    Annotations and form fields are not interpreted."""
    if data == expected:
        return Comparison(True, f"file: the PDF is byte-identical to the log's rendering "
                                f"({_count(len(pages(expected)))})")
    drawn_by = renderer(data)
    if drawn_by != current_renderer:
        return Comparison(True, f"file: page text not compared: the PDF was drawn by "
                                f"{drawn_by or 'an unknown renderer'}, this installation is "
                                f"{current_renderer}; its embedded rows hash is checked")
    want = pages(expected)
    try:
        have = pages(data)
    except UnreadablePdf as e:
        return Comparison(False, f"file: {e}")
    if have == want:
        if data.startswith(expected):
            return Comparison(True, f"file: the first {len(expected)} bytes are the log's "
                                    f"rendering, byte for byte; {len(data) - len(expected)} "
                                    f"bytes were appended after export (an incremental "
                                    f"update such as a signature or annotation) and the text "
                                    f"of {_all(len(want))} is unchanged")
        return Comparison(True, f"file: the text of {_all(len(want))} matches the log's "
                                f"rendering (the file was re-saved, its text is unchanged)")
    if len(have) != len(want):
        return Comparison(False, f"file: the PDF has {_count(len(have))}, the log's "
                                 f"rendering has {len(want)}")
    for number, (got, wanted) in enumerate(zip(have, want), start=1):
        if got == wanted:
            continue
        for i, (a, b) in enumerate(zip(got, wanted)):
            if a != b:
                return Comparison(False, f"file: page {number}, line {i + 1} of its text: the "
                                         f"file has {decode(a)!r}, the log gives {decode(b)!r}")
        return Comparison(False, f"file: page {number} draws {len(got)} lines of text, the "
                                 f"log's rendering {len(wanted)}")
    return Comparison(False, "file: the pages' text differs from the log's rendering")


def _count(n: int) -> str:
    return f"{n} page" if n == 1 else f"{n} pages"


def _all(n: int) -> str:
    return "its one page" if n == 1 else f"all {n} pages"
