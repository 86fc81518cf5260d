"""TrueType fonts for the table writer: metrics for measuring text, glyph ids for drawing it,
and the PDF objects that embed a subset of the font.

Text is drawn with a Type 0 font in Identity-H encoding, so a shown string is the sequence of
the font's own glyph ids (two bytes each). A ToUnicode map gives every used glyph its
character back, so the PDF's text can be searched, selected and copied.

Only text whose every character the font has, and which needs no shaping, may be drawn this
way (`Font.covers`); anything else goes to the full typesetter (see `supports`).
"""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

#: Where Debian (fonts-dejavu-core), Fedora and Alpine put DejaVu Sans; fc-match is asked
#: when none of them has it, and a configured directory (ASB_PDF_FONT_DIR) overrides them all.
FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu-sans-fonts",
             "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF")
FACES = {"regular": ("DejaVuSans.ttf", "DejaVu Sans:style=Book"),
         "bold": ("DejaVuSans-Bold.ttf", "DejaVu Sans:style=Bold")}


class FontMissingError(RuntimeError):
    pass


#: A directory named by configuration (ASB_PDF_FONT_DIR, set by the composition root); when
#: set, it is the only place looked in.
_configured_dir: str | None = None


def use_font_dir(directory: str | None) -> None:
    """Look for the fonts in `directory` only (None: the usual places, then fc-match)."""
    global _configured_dir
    _configured_dir = directory or None
    load.cache_clear()


def font_path(face: str, directory: str | None = None) -> Path:
    """The font file of `face`, from `directory`, the configured one, or the usual places."""
    chosen = directory or _configured_dir
    filename, pattern = FACES[face]
    dirs = [chosen] if chosen else list(FONT_DIRS)
    for directory in dirs:
        candidate = Path(directory) / filename
        if candidate.is_file():
            return candidate
    if not chosen and shutil.which("fc-match"):
        found = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True,
                               text=True, check=False).stdout.strip()
        if found.endswith(filename) and Path(found).is_file():
            return Path(found)
    raise FontMissingError(
        f"PDF export needs the DejaVu Sans font file {filename} (Debian: apt-get install "
        f"fonts-dejavu-core); looked in {', '.join(dirs)}")


@dataclass
class Font:
    """One face of a TrueType font, loaded once per process (see `load`)."""

    path: Path
    name: str  # PostScript name, e.g. DejaVuSans-Bold
    units_per_em: int
    ascent: float  # in em
    descent: float  # in em, positive
    bbox: tuple[int, int, int, int]  # in font units
    italic_angle: float
    advances: dict[int, int]  # code point -> advance width in font units
    glyph_hex: dict[int, str]  # code point -> four hex digits of its glyph id
    glyph_of: dict[int, int]  # code point -> glyph id
    width_of_glyph: dict[int, int] = field(default_factory=dict)  # glyph id -> advance

    def covers(self, char: str) -> bool:
        return ord(char) in self.advances

    def width(self, text: str, size: float) -> float:
        """Width of `text` in points at `size`."""
        adv = self.advances
        return sum(adv[ord(c)] for c in text) * size / self.units_per_em

    def encode(self, text: str) -> str:
        """`text` as the hex glyph ids of a PDF string (without the angle brackets)."""
        return text.translate(self.glyph_hex)


@cache
def load(face: str) -> Font:
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    path = font_path(face)
    tt = TTFont(str(path), lazy=True)
    upm = tt["head"].unitsPerEm
    metrics = tt["hmtx"].metrics
    order = tt.getGlyphOrder()
    gid = {name: i for i, name in enumerate(order)}
    advances, glyph_hex, glyph_of = {}, {}, {}
    for cp, glyph in tt.getBestCmap().items():
        # Shaping-free, left-to-right text only: combining marks would need positioning by
        # the font's GPOS table, right-to-left scripts (Arabic, Hebrew) reordering and
        # joining, and controls are never drawn.
        char = chr(cp)
        if unicodedata.category(char) in ("Mn", "Me", "Cc", "Cf") or \
                unicodedata.bidirectional(char) in ("R", "AL", "AN"):
            continue
        advances[cp] = metrics[glyph][0]
        glyph_hex[cp] = f"{gid[glyph]:04X}"
        glyph_of[cp] = gid[glyph]
    head, hhea = tt["head"], tt["hhea"]
    font = Font(path=path, name=tt["name"].getDebugName(6) or path.stem, units_per_em=upm,
                ascent=hhea.ascent / upm, descent=-hhea.descent / upm,
                bbox=(head.xMin, head.yMin, head.xMax, head.yMax),
                italic_angle=float(tt["post"].italicAngle), advances=advances,
                glyph_hex=glyph_hex, glyph_of=glyph_of)
    font.width_of_glyph = {glyph_of[cp]: w for cp, w in advances.items()}
    tt.close()
    return font


@cache
def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def subset(font: Font, chars: Iterable[str]) -> bytes:
    """A TrueType file holding only the glyphs of `chars`, glyph ids unchanged."""
    return _subset(font.path, frozenset(ord(c) for c in chars))


@lru_cache(maxsize=64)  # ~40 KB each: bounded in a long-running server
def _subset(path: Path, code_points: frozenset[int]) -> bytes:
    # Cached: the same document rendered twice (a re-export, a retried download, a
    # verification) embeds the same subset; a new set of characters makes a new one
    # (~0.06 s for DejaVu Sans).
    from fontTools import subset as ft_subset  # type: ignore[import-untyped]
    from fontTools.ttLib import TTFont

    options = ft_subset.Options()
    options.retain_gids = True  # the content streams use the full font's glyph ids
    options.notdef_outline = True
    options.hinting = False
    options.layout_features = []
    unused = ["GSUB", "GPOS", "GDEF", "kern", "FFTM", "fpgm", "prep", "cvt "]  # no shaping
    options.drop_tables += unused
    options.name_IDs = ["*"]
    tt = TTFont(str(path), recalcTimestamp=False)  # the same subset, byte for byte
    for tag in unused:
        if tag in tt:
            del tt[tag]  # removed before they are parsed: a third of the time
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(code_points))
    subsetter.subset(tt)
    out = io.BytesIO()
    tt.save(out)
    return out.getvalue()


def subset_tag(font: Font, chars: Iterable[str]) -> str:
    """The six capital letters that name a font subset (PDF 32000-1, 9.6.4)."""
    digest = hashlib.sha256((font.name + "".join(sorted(chars))).encode()).digest()
    return "".join(chr(ord("A") + b % 26) for b in digest[:6])


def to_unicode_cmap(font: Font, chars: Iterable[str]) -> bytes:
    """A ToUnicode CMap mapping each used glyph id back to its character."""
    pairs = sorted((font.glyph_of[ord(c)], c) for c in set(chars))
    blocks = []
    for start in range(0, len(pairs), 100):  # at most 100 entries per bfchar block
        chunk = pairs[start:start + 100]
        lines = "\n".join(f"<{g:04X}> <{c.encode('utf-16-be').hex().upper()}>"
                          for g, c in chunk)
        blocks.append(f"{len(chunk)} beginbfchar\n{lines}\nendbfchar")
    return ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            + "\n".join(blocks)
            + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").encode()


def widths_array(font: Font, chars: Iterable[str]) -> list[object]:
    """The /W array of a CID font: each used glyph's width in 1/1000 em."""
    scale = 1000 / font.units_per_em
    out: list[object] = []
    for gid in sorted({font.glyph_of[ord(c)] for c in chars}):
        out.extend([gid, [round(font.width_of_glyph[gid] * scale)]])
    return out
