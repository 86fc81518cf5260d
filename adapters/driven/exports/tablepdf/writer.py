"""Laid-out pages to PDF bytes (pydyf writes the objects, the cross-reference and trailer).

Each page gets the running header (case reference and name on the left, the document's title
on the right) and footer (the provenance line on the left, "page X of Y" on the right). The
fonts are embedded as subsets; the provenance JSON is attached as an associated file, and the
document's sections are bookmarked.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import pydyf  # type: ignore[import-untyped]

from adapters.driven.exports.tablepdf import fonts
from adapters.driven.exports.tablepdf.layout import PT_PER_MM, Flow, Page, TextStyle, clean, wrap

FONT_RESOURCES = {"regular": "F1", "bold": "F2"}
HEADER_LEFT = TextStyle("bold", 8)
HEADER_RIGHT = TextStyle("regular", 8)
FOOTER_LEFT = TextStyle("regular", 6, (0.2, 0.2, 0.2))
FOOTER_RIGHT = TextStyle("regular", 8)
BORDER = (0.4, (0.533, 0.533, 0.533))  # line width in points, colour


@dataclass(frozen=True)
class Meta:
    title: str  # the PDF's /Title
    header_left: str
    header_right: str
    footer_left: str
    subject: str = ""
    keywords: str = ""
    created: datetime | None = None
    language: str = "en-GB"
    attachment: tuple[str, str, bytes] | None = None  # (file name, description, data)
    renderer: str = ""  # stored as /PathwayRenderer in the document information


def write(flow: Flow, meta: Meta) -> bytes:
    g = flow.geometry
    total = len(flow.pages)
    for number, page in enumerate(flow.pages, start=1):
        _decorate(page, flow, meta, f"page {number} of {total}")

    pdf = pydyf.PDF()
    used: dict[str, list[str]] = {face: [] for face in FONT_RESOURCES}
    for page in flow.pages:
        for _, _, text, style in page.texts:
            used[style.face].append(text)
    font_refs = {}
    for face, texts in used.items():
        chars = set("".join(texts)) | {" "}
        font_refs[FONT_RESOURCES[face]] = _font(pdf, fonts.load(face), chars).reference
    resources = pydyf.Dictionary({"Font": pydyf.Dictionary(font_refs)})
    page_objects = []
    for page in flow.pages:
        content = _content(page, g.height)
        stream = pydyf.Stream([zlib.compress(content, 6)], {"Filter": "/FlateDecode"})
        pdf.add_object(stream)
        page_object = pydyf.Dictionary({
            "Type": "/Page", "Parent": pdf.pages.reference,
            "MediaBox": pydyf.Array([0, 0, round(g.width, 3), round(g.height, 3)]),
            "Contents": stream.reference, "Resources": resources,
        })
        pdf.add_page(page_object)
        page_objects.append(page_object)

    _outline(pdf, flow, page_objects, g.height)
    pdf.catalog["Lang"] = pydyf.String(meta.language)
    pdf.catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})
    if meta.attachment:
        _attach(pdf, *meta.attachment)
    pdf.info.update({
        "Title": pydyf.String(meta.title), "Subject": pydyf.String(meta.subject),
        "Keywords": pydyf.String(meta.keywords), "Creator": pydyf.String("Pathway"),
        "Producer": pydyf.String(f"Pathway table writer (pydyf {pydyf.__version__})"),
    })
    if meta.renderer:
        pdf.info["PathwayRenderer"] = pydyf.String(meta.renderer)
    if meta.created:
        pdf.info["CreationDate"] = pydyf.String(meta.created.strftime("D:%Y%m%d%H%M%SZ"))
    out = _Buffer()
    pdf.write(out, version=b"1.7", identifier=True, compress=True)
    return out.getvalue()


def _decorate(page: Page, flow: Flow, meta: Meta, number: str) -> None:
    g = flow.geometry
    head_y = (g.top - HEADER_LEFT.line_height) / 2 + HEADER_LEFT.baseline()
    right = clean(meta.header_right)
    # The running header is drawn first and the footer last, so that text extraction and
    # screen readers meet them in reading order.
    page.texts[:0] = [
        (g.left, head_y, clean(meta.header_left), HEADER_LEFT),
        (g.width - g.right - HEADER_RIGHT.font.width(right, HEADER_RIGHT.size), head_y, right,
         HEADER_RIGHT),
    ]
    foot_top = g.content_bottom + 2 * PT_PER_MM
    y = foot_top + FOOTER_LEFT.baseline()
    for line in wrap(clean(meta.footer_left), FOOTER_LEFT, g.content_width * 0.8):
        page.texts.append((g.left, y, line, FOOTER_LEFT))
        y += FOOTER_LEFT.line_height
    width = FOOTER_RIGHT.font.width(number, FOOTER_RIGHT.size)
    page.texts.append((g.width - g.right - width, foot_top + FOOTER_RIGHT.baseline(), number,
                       FOOTER_RIGHT))


def _content(page: Page, height: float) -> bytes:
    """The page's content stream: fills, then borders, then text (y flipped to PDF's)."""
    ops = ["q"]
    fill = None
    for x, y, w, h, shade in page.fills:
        if shade != fill:
            ops.append("%.3f %.3f %.3f rg" % shade)
            fill = shade
        ops.append(f"{x:.2f} {height - y - h:.2f} {w:.2f} {h:.2f} re f")
    if page.boxes:
        line_width, stroke = BORDER
        ops.append(f"{line_width} w " + "%.3f %.3f %.3f RG" % stroke)
        ops.extend(f"{x:.2f} {height - y - h:.2f} {w:.2f} {h:.2f} re"
                   for x, y, w, h in page.boxes)
        ops.append("S")
    ops.append("BT")
    current: tuple[str, float] | None = None
    color: tuple[float, float, float] | None = None
    for x, y, text, style in page.texts:
        if (style.face, style.size) != current:
            current = (style.face, style.size)
            ops.append(f"/{FONT_RESOURCES[style.face]} {style.size:g} Tf")
        if style.color != color:
            color = style.color
            ops.append("%.3f %.3f %.3f rg" % color)
        ops.append(f"1 0 0 1 {x:.2f} {height - y:.2f} Tm <{style.font.encode(text)}> Tj")
    ops.append("ET Q")
    return "\n".join(ops).encode("ascii")


def _font(pdf: pydyf.PDF, font: fonts.Font, chars: set[str]) -> pydyf.Dictionary:
    """A Type 0 font (Identity-H) over a CID font with the embedded subset."""
    chars = {c for c in chars if font.covers(c)}
    base = f"{fonts.subset_tag(font, chars)}+{font.name}"
    data = fonts.subset(font, chars)
    file = pydyf.Stream([zlib.compress(data, 6)],
                        {"Filter": "/FlateDecode", "Length1": len(data)})
    pdf.add_object(file)
    scale = 1000 / font.units_per_em
    x0, y0, x1, y1 = (round(v * scale) for v in font.bbox)
    descriptor = pydyf.Dictionary({
        "Type": "/FontDescriptor", "FontName": "/" + base, "Flags": 32,
        "FontBBox": pydyf.Array([x0, y0, x1, y1]), "ItalicAngle": font.italic_angle,
        "Ascent": round(font.ascent * 1000), "Descent": -round(font.descent * 1000),
        "CapHeight": round(font.ascent * 1000), "StemV": 80, "FontFile2": file.reference,
    })
    pdf.add_object(descriptor)
    widths = fonts.widths_array(font, chars)
    cid_font = pydyf.Dictionary({
        "Type": "/Font", "Subtype": "/CIDFontType2", "BaseFont": "/" + base,
        "CIDSystemInfo": pydyf.Dictionary({"Registry": pydyf.String("Adobe"),
                                           "Ordering": pydyf.String("Identity"),
                                           "Supplement": 0}),
        "FontDescriptor": descriptor.reference, "CIDToGIDMap": "/Identity",
        "DW": 1000, "W": pydyf.Array(
            [pydyf.Array(w) if isinstance(w, list) else w for w in widths]),
    })
    pdf.add_object(cid_font)
    cmap = pydyf.Stream([zlib.compress(fonts.to_unicode_cmap(font, chars), 6)],
                        {"Filter": "/FlateDecode"})
    pdf.add_object(cmap)
    type0 = pydyf.Dictionary({
        "Type": "/Font", "Subtype": "/Type0", "BaseFont": "/" + base,
        "Encoding": "/Identity-H", "DescendantFonts": pydyf.Array([cid_font.reference]),
        "ToUnicode": cmap.reference,
    })
    pdf.add_object(type0)
    return type0


def _attach(pdf: pydyf.PDF, name: str, description: str, data: bytes) -> None:
    embedded = pydyf.Stream([data], {
        "Type": "/EmbeddedFile", "Subtype": pydyf.name("application/json").decode(),
        "Params": pydyf.Dictionary({"Size": len(data)}),
    })
    pdf.add_object(embedded)
    spec = pydyf.Dictionary({
        "Type": "/Filespec", "F": pydyf.String(name), "UF": pydyf.String(name),
        "Desc": pydyf.String(description), "AFRelationship": "/Data",
        "EF": pydyf.Dictionary({"F": embedded.reference, "UF": embedded.reference}),
    })
    pdf.add_object(spec)
    pdf.catalog["Names"] = pydyf.Dictionary({"EmbeddedFiles": pydyf.Dictionary(
        {"Names": pydyf.Array([pydyf.String(name), spec.reference])})})
    pdf.catalog["AF"] = pydyf.Array([spec.reference])


def _outline(pdf: pydyf.PDF, flow: Flow, pages: Sequence[pydyf.Dictionary],
             height: float) -> None:
    if not flow.bookmarks:
        return
    root = pydyf.Dictionary({"Type": "/Outlines", "Count": len(flow.bookmarks)})
    pdf.add_object(root)
    items = []
    for title, page_index, y in flow.bookmarks:
        item = pydyf.Dictionary({
            "Title": pydyf.String(title), "Parent": root.reference,
            "Dest": pydyf.Array([pages[page_index].reference, "/XYZ", 0,
                                 round(height - y, 2), 0]),
        })
        pdf.add_object(item)
        items.append(item)
    for before, after in zip(items, items[1:]):
        before["Next"] = after.reference
        after["Prev"] = before.reference
    root["First"], root["Last"] = items[0].reference, items[-1].reference
    pdf.catalog["Outlines"] = root.reference
    pdf.catalog["PageMode"] = "/UseOutlines"


class _Buffer:
    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> None:
        self.parts.append(data)

    def getvalue(self) -> bytes:
        return b"".join(self.parts)
