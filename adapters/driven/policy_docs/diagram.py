"""`asb policy diagram`: one SVG per instrument lifecycle, and the pathway graph.

The graphs come from the engine's own definitions (`domain.instruments.MACHINES`,
`domain.steps`), laid out and drawn by `layout` and `svg`: no Graphviz, nothing to install.
"""

from __future__ import annotations

from pathlib import Path

from adapters.driven.policy_docs.graph import Graph, lifecycle_graph, pathway_graph
from adapters.driven.policy_docs.layout import lay_out
from adapters.driven.policy_docs.svg import render_svg


def draw(graph: Graph) -> str:
    return render_svg(lay_out(graph))


def all_graphs() -> list[Graph]:
    from domain.instruments import MACHINES

    return [lifecycle_graph(kind) for kind in MACHINES] + [pathway_graph()]


def write_diagrams(out: Path) -> list[Path]:
    """Write `<kind>.svg` for every machine and `pathway.svg` into `out`; the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for graph in all_graphs():
        path = out / f"{graph.name}.svg"
        path.write_text(draw(graph), encoding="utf-8")
        written.append(path)
    return written
