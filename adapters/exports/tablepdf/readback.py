"""Read back the text a table-writer PDF draws, page by page, to compare it with the log.

The writer is deterministic: the rows regenerated from the log at an export's embedded
position, rendered again, give the same PDF. `compare` checks a file against that rendering:
byte for byte first, then (for a file rewritten by another program, or edited) the text drawn
on each page, naming the first line that differs. Text is compared as the glyph ids drawn,
which is exact; it is decoded to characters only to be shown.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

from adapters.exports.tablepdf.fonts import load
from adapters.exports.tablepdf.writer import FACES

_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)
_TEXT = re.compile(rb"/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]*)> ?Tj")
_RENDERER = re.compile(rb"/PathwayRenderer ?\(([^)\\]*)\)")

Line = tuple[str, str]  # (font resource name, hex glyph ids)


def _streams(data: bytes) -> list[bytes]:
    out = []
    for match in _STREAM.finditer(data):
        raw = match.group(1)
        try:
            out.append(zlib.decompressobj().decompress(raw))
        except zlib.error:
            out.append(raw)
    return out


def renderer(data: bytes) -> str | None:
    """The /PathwayRenderer a table-writer PDF names (None: not one of its PDFs)."""
    for content in [data, *_streams(data)]:
        match = _RENDERER.search(content)
        if match:
            return match.group(1).decode("latin-1")
    return None


def pages(data: bytes) -> list[list[Line]]:
    """The text lines drawn on each page, in drawing order (pages in file order)."""
    found = []
    for content in _streams(data):
        if not content.startswith(b"q\n") or b"Tj" not in content:
            continue
        font, lines = "", []
        for op in _TEXT.finditer(content):
            if op.group(1):
                font = op.group(1).decode()
            else:
                lines.append((font, op.group(2).decode().upper()))
        found.append(lines)
    return found


def decode(line: Line) -> str:
    face = {v: k for k, v in FACES.items()}.get(line[0])
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
    by another is reported as not compared (its rows hash is still checked by the caller)."""
    drawn_by = renderer(data)
    if drawn_by != current_renderer:
        return Comparison(True, f"file: page text not compared: the PDF was drawn by "
                                f"{drawn_by or 'an unknown renderer'}, this installation is "
                                f"{current_renderer}; its embedded rows hash is checked")
    count = len(pages(expected))
    if data == expected:
        return Comparison(True, f"file: the PDF is byte-identical to the log's rendering "
                                f"({count} pages)")
    if data.startswith(expected):
        extra = len(data) - len(expected)
        if pages(data[len(expected):]):
            return Comparison(False, f"file: the log's rendering is followed by an incremental "
                                     f"update of {extra} bytes that draws page text again: "
                                     f"the pages were edited after export")
        return Comparison(True, f"file: the first {len(expected)} bytes are the log's "
                                f"rendering ({count} pages), byte for byte; {extra} bytes were "
                                f"appended after export (an incremental update such as a "
                                f"signature or annotation, not interpreted here)")
    have, want = pages(data), pages(expected)
    if not have:
        return Comparison(False, "file: no page text could be read from this PDF: it was "
                                 "rewritten by another program, so its pages cannot be "
                                 "compared with the log")
    if sorted(have) == sorted(want):
        return Comparison(True, f"file: the text of all {count} pages matches the log's "
                                f"rendering (the file was re-saved, its text is unchanged)")
    if len(have) != len(want):
        return Comparison(False, f"file: the PDF has {len(have)} pages, the log's rendering "
                                 f"has {len(want)}")
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
