"""A small layered (Sugiyama-style) layout, left to right, for the policy graphs.

1. Cycles are broken by depth-first search from the roots: an edge back to a node on the
   current path is laid out reversed (and drawn with its arrow pointing back).
2. Layers by longest path from the roots. Each edge also gets a node of its own for its label,
   in the layer between its ends, so labels take up space like nodes and never overlap.
   Longer edges pass through placeholder points in the layers they cross.
3. Order within each layer by repeated barycentre sweeps, keeping the order with the fewest
   crossings; then vertical positions pulled towards neighbours, keeping order and spacing
   (isotonic regression, pool-adjacent-violators).
Self-loops are not laid out as edges: their node reserves room above itself for the loop.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

from adapters.driven.policy_docs.graph import Edge, Graph, Node

MONO_CHAR = 0.61  # em width of a monospace character (DejaVu Sans Mono: 0.602)
SANS_CHAR = 0.62  # generous em width of a proportional character, bold
NODE_FONT, SUB_FONT, LABEL_FONT = 13.0, 11.0, 12.0
LINE = 15.0  # height of a label line
NODE_H, SUB_H = 34.0, 15.0
LOOP_RISE = 26.0
COLUMN_GAP = 44.0
GAPS = {"node": 26.0, "label": 10.0, "dummy": 8.0}
MARGIN, TITLE_H = 24.0, 44.0


def text_width(text: str, size: float, mono: bool = True) -> float:
    return len(text) * size * (MONO_CHAR if mono else SANS_CHAR)


@dataclass
class Item:
    id: str
    kind: str  # node | label | dummy
    layer: int
    w: float
    h: float
    top_extra: float = 0.0  # room above the body (a self-loop and its label)
    y: float = 0.0  # centre of the body
    node: Node | None = None
    labels: list[str] = field(default_factory=list)

    @property
    def span(self) -> float:
        return self.top_extra + self.h


@dataclass
class Chain:
    """An edge as laid out: items from its left end to its right end."""

    edge: Edge
    items: list[str]
    reversed: bool  # drawn right to left (a back edge)


@dataclass
class Layout:
    graph: Graph
    items: dict[str, Item]
    layers: list[list[str]]
    columns: list[tuple[float, float]]  # (left x, width) per layer
    chains: list[Chain]
    loops: dict[str, list[str]]  # node id -> labels of its self-loop
    width: float
    height: float

    def column(self, item: Item) -> tuple[float, float]:
        return self.columns[item.layer]


def _back_edges(graph: Graph) -> set[tuple[str, str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for e in graph.edges:
        if e.src != e.dst:
            out[e.src].append(e.dst)
    state: dict[str, int] = {}  # 1 on the path, 2 done
    back: set[tuple[str, str]] = set()

    def visit(n: str) -> None:
        state[n] = 1
        for m in out[n]:
            if state.get(m) == 1:
                back.add((n, m))
            elif m not in state:
                visit(m)
        state[n] = 2

    for root in graph.roots + [n.id for n in graph.nodes]:
        if root not in state:
            visit(root)
    return back


def _ranks(graph: Graph, dag: list[tuple[str, str]]) -> dict[str, int]:
    """Longest path from the roots; nodes no root reaches go in the last rank."""
    ids = [n.id for n in graph.nodes]
    incoming: dict[str, list[str]] = defaultdict(list)
    for u, v in dag:
        incoming[v].append(u)
    rank: dict[str, int] = {}

    def of(n: str) -> int:
        if n not in rank:
            rank[n] = 0  # guards against a cycle we failed to break
            rank[n] = max((of(u) + 1 for u in incoming[n]), default=0)
        return rank[n]

    reached = set(graph.roots)
    todo = list(graph.roots)
    while todo:
        here = todo.pop()
        for u, v in dag:
            if u == here and v not in reached:
                reached.add(v)
                todo.append(v)
    for n in ids:
        if n in reached:
            of(n)
    last = max(rank.values(), default=0)
    for n in ids:
        if n not in reached:
            rank[n] = last
    return rank


def _node_item(node: Node, rank: int, loop: list[str] | None) -> Item:
    name_w = text_width(node.lines[0], NODE_FONT, node.mono)
    sub_w = max((text_width(s, SUB_FONT, node.mono) for s in node.lines[1:]), default=0)
    w = max(96.0, name_w + 28, sub_w + 28)
    h = NODE_H + SUB_H * (len(node.lines) - 1)
    item = Item(node.id, "node", 2 * rank, w, h, node=node)
    if loop:
        item.top_extra = LOOP_RISE + LINE * len(loop) + 6
        item.labels = loop
    return item


def _label_item(item_id: str, layer: int, labels: list[str]) -> Item:
    w = max(text_width(s, LABEL_FONT) for s in labels) + 10
    return Item(item_id, "label", layer, w, LINE * len(labels) + 4, labels=labels)


def _crossings(layers: list[list[str]], pos: dict[str, int],
               segments: list[tuple[str, str]], items: dict[str, Item]) -> int:
    by_layer: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for a, b in segments:
        by_layer[items[a].layer].append((pos[a], pos[b]))
    total = 0
    for segs in by_layer.values():
        for i, (a1, b1) in enumerate(segs):
            for a2, b2 in segs[i + 1:]:
                total += (a1 - a2) * (b1 - b2) < 0
    return total


def _transpose(layers: list[list[str]], segments: list[tuple[str, str]],
               items: dict[str, Item]) -> int:
    """Swap neighbours within a layer where that removes crossings, or (for a few passes)
    leaves them equal, which lets a pair of swaps in two layers escape a local minimum.
    Leaves `layers` in the best order seen; returns its crossings."""
    def count() -> int:
        return _crossings(layers, {n: i for ly in layers for i, n in enumerate(ly)},
                          segments, items)

    best = count()
    best_order = [list(layer) for layer in layers]
    current = best
    for sideways in (True, True, True, False, False, False):
        for layer in layers:
            for i in range(len(layer) - 1):
                layer[i], layer[i + 1] = layer[i + 1], layer[i]
                cross = count()
                if cross < current or (sideways and cross == current):
                    current = cross
                    if cross < best:
                        best, best_order = cross, [list(ly) for ly in layers]
                else:
                    layer[i], layer[i + 1] = layer[i + 1], layer[i]
        if best == 0:
            break
    layers[:] = best_order
    return best


def _order(layers: list[list[str]], segments: list[tuple[str, str]],
           items: dict[str, Item]) -> list[list[str]]:
    left: dict[str, list[str]] = defaultdict(list)
    right: dict[str, list[str]] = defaultdict(list)
    for a, b in segments:
        right[a].append(b)
        left[b].append(a)

    def positions(ls: list[list[str]]) -> dict[str, int]:
        return {n: i for layer in ls for i, n in enumerate(layer)}

    best = [list(layer) for layer in layers]
    best_cross = _crossings(best, positions(best), segments, items)
    current = [list(layer) for layer in layers]
    for sweep in range(12):
        down = sweep % 2 == 0
        indices = range(1, len(current)) if down else range(len(current) - 2, -1, -1)
        for i in indices:
            pos = positions(current)
            neighbours = left if down else right

            def barycentre(n: str, pos: dict[str, int] = pos,
                           neighbours: dict[str, list[str]] = neighbours) -> float:
                ns = neighbours[n]
                return sum(pos[m] for m in ns) / len(ns) if ns else pos[n]

            current[i] = sorted(current[i], key=barycentre)
        cross = _transpose(current, segments, items)
        if cross < best_cross:
            best, best_cross = [list(layer) for layer in current], cross
    return best


def _pav(values: list[float]) -> list[float]:
    """Closest non-decreasing sequence (least squares): pool adjacent violators."""
    blocks: list[list[float]] = []  # [sum, count]
    for v in values:
        blocks.append([v, 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, c = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += c
    out: list[float] = []
    for s, c in blocks:
        out += [s / c] * int(c)
    return out


def _place(layer: list[Item], desired: list[float]) -> None:
    """Put the items of a layer as near their desired centres as order and spacing allow."""
    offsets, o = [], 0.0
    for i, item in enumerate(layer):
        offsets.append(o)
        if i + 1 < len(layer):
            o += item.span + (GAPS[item.kind] + GAPS[layer[i + 1].kind]) / 2
    tops = [d - it.top_extra - it.h / 2 for d, it in zip(desired, layer, strict=True)]
    z = _pav([t - off for t, off in zip(tops, offsets, strict=True)])
    for item, zi, off in zip(layer, z, offsets, strict=True):
        item.y = zi + off + item.top_extra + item.h / 2


def _positions(layers: list[list[str]], segments: list[tuple[str, str]],
               items: dict[str, Item], runs: list[list[str]]) -> None:
    nb: dict[str, list[str]] = defaultdict(list)
    for a, b in segments:
        nb[a].append(b)
        nb[b].append(a)
    for layer in layers:  # start stacked
        _place([items[n] for n in layer], [0.0] * len(layer))
    for sweep in range(24):
        order = layers if sweep % 2 == 0 else layers[::-1]
        for layer in order:
            its = [items[n] for n in layer]
            desired = [sum(items[m].y for m in nb[n]) / len(nb[n]) if nb[n] else items[n].y
                       for n in layer]
            _place(its, desired)
    # Straighten long edges: the label and placeholders of an edge on one level where room
    # allows, so the edge bends near its ends rather than at every layer it crosses.
    for _ in range(24):
        want: dict[str, float] = {}
        for run in runs:
            level = sum(items[n].y for n in run) / len(run)
            for n in run:
                want[n] = level
        for layer in layers:
            _place([items[n] for n in layer], [want.get(n, items[n].y) for n in layer])


def lay_out(graph: Graph) -> Layout:
    back = _back_edges(graph)
    loops = {e.src: e.labels for e in graph.edges if e.src == e.dst}
    dag = [(e.dst, e.src) if (e.src, e.dst) in back else (e.src, e.dst)
           for e in graph.edges if e.src != e.dst]
    rank = _ranks(graph, dag)
    items = {n.id: _node_item(n, rank[n.id], loops.get(n.id)) for n in graph.nodes}
    chains, segments = [], []
    for i, edge in enumerate(e for e in graph.edges if e.src != e.dst):
        rev = (edge.src, edge.dst) in back
        a, b = (edge.dst, edge.src) if rev else (edge.src, edge.dst)
        first, last = items[a].layer, items[b].layer
        ids = [a]
        for rank_between in range(first + 1, last):
            item_id = f"{i}@{rank_between}"
            if rank_between == first + 1:
                items[item_id] = _label_item(item_id, rank_between, edge.labels)
            else:
                items[item_id] = Item(item_id, "dummy", rank_between, 0.0, 2.0)
            ids.append(item_id)
        ids.append(b)
        chains.append(Chain(edge, ids, rev))
        segments += list(pairwise(ids))
    depth = max(it.layer for it in items.values()) + 1
    layers: list[list[str]] = [[] for _ in range(depth)]
    for item_id in items:  # nodes in graph order first, then labels and placeholders
        layers[items[item_id].layer].append(item_id)
    layers = _order(layers, segments, items)
    runs = [c.items[1:-1] for c in chains if len(c.items) > 3]
    _positions(layers, segments, items, runs)
    top = min(it.y - it.h / 2 - it.top_extra for it in items.values())
    for it in items.values():
        it.y += MARGIN + TITLE_H - top
    x = MARGIN + 30.0  # room for the initial-state marker
    columns = []
    for layer in layers:
        width = max([items[n].w for n in layer] + [max(
            (text_width(s, LABEL_FONT) + 8 for s in items[n].labels), default=0)
            for n in layer] + [24.0])
        columns.append((x, width))
        x += width + COLUMN_GAP
    bottom = max(it.y + it.h / 2 for it in items.values())
    return Layout(graph, items, layers, columns, chains, loops, x - COLUMN_GAP + MARGIN,
                  bottom + MARGIN)
