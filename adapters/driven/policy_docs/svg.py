"""Draw a laid-out policy graph as a standalone SVG document (no scripts, no external assets)."""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise
from xml.sax.saxutils import escape, quoteattr

from adapters.driven.policy_docs.layout import (
    LABEL_FONT,
    LINE,
    LOOP_RISE,
    MARGIN,
    NODE_FONT,
    SUB_FONT,
    SUB_H,
    Item,
    Layout,
    text_width,
)

MONO = "'DejaVu Sans Mono', Menlo, Consolas, monospace"
SANS = "'DejaVu Sans', 'Segoe UI', Arial, sans-serif"
STYLE = f"""
text {{ font-family: {SANS}; fill: #1f2933; }}
.mono {{ font-family: {MONO}; }}
.title {{ font-size: 16px; font-weight: bold; }}
.name {{ font-size: {NODE_FONT:g}px; font-weight: bold; }}
.sub {{ font-size: {SUB_FONT:g}px; fill: #52606d; }}
.label {{ font-size: {LABEL_FONT:g}px; fill: #7b341e; }}
.legend {{ font-size: 11px; fill: #52606d; }}
.node {{ fill: #e8f1fb; stroke: #1d4f91; stroke-width: 1.4; }}
.node.closed {{ fill: #eef1f4; stroke: #7b8794; }}
.node.initial {{ stroke-width: 2.6; }}
.node.unreachable {{ stroke-dasharray: 5 3; fill: #ffffff; }}
.node.start {{ fill: #243b53; stroke: #102a43; }}
.node.kind {{ fill: #e8f1fb; stroke: #1d4f91; }}
.start-text {{ fill: #ffffff; }}
.edge {{ fill: none; stroke: #52606d; stroke-width: 1.3; }}
.edge.back {{ stroke-dasharray: 6 3; }}
.chip {{ fill: #ffffff; fill-opacity: 0.92; stroke: none; }}
"""


ARROW = ('<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" '
         'markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
         'fill="#52606d"/></marker></defs>')


def _text(x: float, y: float, text: str, cls: str, anchor: str = "middle") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" class="{cls}" '
            f'text-anchor="{anchor}">{escape(text)}</text>')


def _node(it: Item) -> list[str]:
    node = it.node
    assert node is not None
    cx, cy = 0.0, it.y  # x set by caller through a group translate
    styles = " ".join(sorted(node.styles))
    rx = it.h / 2 if "start" in node.styles else 10
    out = [f'<g class="state" data-id={quoteattr(node.id)}>',
           f'<title>{escape(node.id)}</title>',
           (f'<rect class="node {styles}" x="{cx - it.w / 2:.1f}" y="{cy - it.h / 2:.1f}" '
            f'width="{it.w:.1f}" height="{it.h:.1f}" rx="{rx:.1f}"/>')]
    light = " start-text" if "start" in node.styles else ""
    mono = " mono" if node.mono else ""
    first = cy - it.h / 2 + 22
    out.append(_text(cx, first, node.lines[0], f"name{mono}{light}"))
    for i, line in enumerate(node.lines[1:], 1):
        out.append(_text(cx, first + SUB_H * i - 1, line, f"sub{mono}{light}"))
    out.append("</g>")
    return out


def _ports(layout: Layout) -> dict[tuple[str, str], float]:
    """Where each segment meets a node: spread over the node's side, ordered by direction."""
    items = layout.items
    sides: dict[tuple[str, str], list[tuple[float, str, str]]] = defaultdict(list)
    for chain in layout.chains:
        for a, b in pairwise(chain.items):
            if items[a].kind == "node":
                sides[(a, "right")].append((items[b].y, a, b))
            if items[b].kind == "node":
                sides[(b, "left")].append((items[a].y, a, b))
    ports: dict[tuple[str, str], float] = {}
    for (node_id, side), segs in sides.items():
        it = items[node_id]
        segs.sort()
        k = len(segs)
        step = min(11.0, (it.h - 12) / (k - 1)) if k > 1 else 0.0
        for j, (_, a, b) in enumerate(segs):
            ports[(a + ">" + b, side)] = it.y + (j - (k - 1) / 2) * step
    return ports


def _chain_path(layout: Layout, chain_items: list[str], ports: dict[tuple[str, str], float],
                reverse: bool) -> str:
    items = layout.items
    pieces: list[tuple[tuple[float, float], ...]] = []
    for a, b in pairwise(chain_items):
        ia, ib = items[a], items[b]
        xa, wa = layout.column(ia)
        xb, _ = layout.column(ib)
        ya = ports.get((a + ">" + b, "right"), ia.y)
        yb = ports.get((a + ">" + b, "left"), ib.y)
        start = (xa + wa / 2 + ia.w / 2, ya) if ia.kind == "node" else (xa + wa, ya)
        end = (xb + (layout.columns[ib.layer][1] - ib.w) / 2, yb) if ib.kind == "node" \
            else (xb, yb)
        if ia.kind == "node" and start[0] < xa + wa:  # run straight to the column's edge
            pieces.append((start, (xa + wa, ya)))
            start = (xa + wa, ya)
        out_of_column = end
        if ib.kind == "node" and end[0] > xb:
            end = (xb, yb)
        dx = (end[0] - start[0]) / 2
        pieces.append((start, (start[0] + dx, start[1]), (end[0] - dx, end[1]), end))
        if out_of_column != end:
            pieces.append((end, out_of_column))
        if ib.kind != "node":  # straight through a label's or placeholder's column
            _, wb = layout.column(ib)
            pieces.append(((xb, yb), (xb + wb, yb)))
    if reverse:
        pieces = [tuple(reversed(p)) for p in reversed(pieces)]
    d = [f"M {pieces[0][0][0]:.1f} {pieces[0][0][1]:.1f}"]
    for p in pieces:
        if len(p) == 2:
            d.append(f"L {p[1][0]:.1f} {p[1][1]:.1f}")
        else:
            d.append("C " + " ".join(f"{x:.1f} {y:.1f}" for x, y in p[1:]))
    return " ".join(d)


def _label(x: float, y: float, w: float, labels: list[str]) -> list[str]:
    h = LINE * len(labels) + 4
    out = [(f'<rect class="chip" x="{x - w / 2:.1f}" y="{y - h / 2:.1f}" width="{w:.1f}" '
            f'height="{h:.1f}" rx="3"/>')]
    for i, text in enumerate(labels):
        out.append(_text(x, y - h / 2 + 2 + LINE * (i + 1) - 3.5, text, "label mono"))
    return out


def _loop(it: Item, cx: float) -> list[str]:
    top = it.y - it.h / 2
    out = [(f'<path class="edge loop" marker-end="url(#arrow)" d="M {cx - 14:.1f} {top:.1f} '
            f'C {cx - 34:.1f} {top - LOOP_RISE:.1f} {cx + 34:.1f} {top - LOOP_RISE:.1f} '
            f'{cx + 14:.1f} {top:.1f}"/>')]
    label_h = LINE * len(it.labels) + 4
    w = max(text_width(s, LABEL_FONT) for s in it.labels) + 8
    out += _label(cx, top - LOOP_RISE + 2 - label_h / 2, w, it.labels)
    return out


def _legend(layout: Layout, y: float) -> tuple[list[str], float]:
    out, x = [], MARGIN
    entries = list(layout.graph.legend)
    if any(c.reversed for c in layout.chains):
        entries.append(("back", layout.graph.back))
    for style, meaning in entries:
        if style == "back":
            out.append(f'<path class="edge back" marker-end="url(#arrow)" '
                       f'd="M {x + 26:.1f} {y:.1f} L {x:.1f} {y:.1f}"/>')
            x += 32
        elif style == "initial":
            out.append(f'<circle cx="{x + 6:.1f}" cy="{y:.1f}" r="5" fill="#1f2933"/>')
            out.append(f'<path class="edge" marker-end="url(#arrow)" '
                       f'd="M {x + 11:.1f} {y:.1f} L {x + 26:.1f} {y:.1f}"/>')
            x += 32
        else:
            out.append(f'<rect class="node {style}" x="{x:.1f}" y="{y - 8:.1f}" width="26" '
                       f'height="16" rx="{8 if style == "start" else 4}"/>')
            x += 32
        out.append(_text(x, y + 4, meaning, "legend", "start"))
        x += len(meaning) * 11 * 0.62 + 22
    return out, x + MARGIN


def render_svg(layout: Layout) -> str:
    items = layout.items
    ports = _ports(layout)
    body: list[str] = []
    for chain in layout.chains:
        cls = "edge back" if chain.reversed else "edge"
        d = _chain_path(layout, chain.items, ports, chain.reversed)
        body.append(f'<path class="{cls}" marker-end="url(#arrow)" d="{d}">'
                    f'<title>{escape(chain.edge.src)} → {escape(chain.edge.dst)}: '
                    f'{escape(", ".join(chain.edge.labels))}</title></path>')
    labels: list[str] = []
    nodes: list[str] = []
    for it in items.values():
        x, w = layout.column(it)
        cx = x + w / 2
        if it.kind == "label":
            labels += _label(cx, it.y, it.w, it.labels)
        elif it.kind == "node":
            nodes.append(f'<g transform="translate({cx:.1f} 0)">')
            nodes += _node(it)
            nodes.append("</g>")
            if it.labels:
                labels += _loop(it, cx)
            assert it.node is not None
            if "initial" in it.node.styles:
                left = cx - it.w / 2
                nodes.append(f'<circle cx="{left - 24:.1f}" cy="{it.y:.1f}" r="6" '
                             f'fill="#1f2933"/>')
                nodes.append(f'<path class="edge" marker-end="url(#arrow)" '
                             f'd="M {left - 18:.1f} {it.y:.1f} L {left:.1f} {it.y:.1f}"/>')
    legend, legend_w = _legend(layout, layout.height + 4)
    width = max(layout.width, legend_w, len(layout.graph.title) * 16 * 0.62 + 2 * MARGIN)
    height = layout.height + 24
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
           f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
           f'aria-label={quoteattr(layout.graph.title)}>')
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        svg,
        f"<title>{escape(layout.graph.title)}</title>",
        f"<style>{STYLE}</style>",
        ARROW,
        f'<rect width="{width:.0f}" height="{height:.0f}" fill="#ffffff"/>',
        _text(MARGIN, MARGIN + 8, layout.graph.title, "title", "start"),
        *body, *nodes, *labels, *legend,
        "</svg>",
    ]) + "\n"
