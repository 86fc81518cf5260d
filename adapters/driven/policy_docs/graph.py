"""Policy graphs read from the engine itself: lifecycles from the `transitions` machines, the
pathway from the step vocabulary. Nothing here restates a table of the domain.
"""

from __future__ import annotations

from dataclasses import dataclass, field

START_PERSON = "start:person"
START_PLACE = "start:place"


@dataclass
class Node:
    id: str
    lines: list[str]  # the first line is the name; more lines are smaller, muted
    styles: set[str] = field(default_factory=set)  # initial, closed, unreachable, start, kind
    mono: bool = True  # names are identifiers (states), drawn in a monospace font


@dataclass
class Edge:
    src: str
    dst: str
    labels: list[str]  # triggers or steps, one per line


@dataclass
class Graph:
    name: str  # file stem
    title: str
    nodes: list[Node]
    edges: list[Edge]
    roots: list[str]
    legend: list[tuple[str, str]] = field(default_factory=list)  # (style, meaning)
    back: str = "back to an earlier state"  # the meaning of an edge drawn backwards

    def node(self, node_id: str) -> Node:
        return next(n for n in self.nodes if n.id == node_id)


def _merge(triples: list[tuple[str, str, str]]) -> list[Edge]:
    """One edge per (source, destination), carrying every label, in first-seen order."""
    merged: dict[tuple[str, str], Edge] = {}
    for src, dst, label in triples:
        edge = merged.setdefault((src, dst), Edge(src, dst, []))
        if label not in edge.labels:
            edge.labels.append(label)
    return list(merged.values())


def _reachable(roots: list[str], edges: list[Edge]) -> set[str]:
    seen, todo = set(roots), list(roots)
    while todo:
        here = todo.pop()
        for edge in edges:
            if edge.src == here and edge.dst not in seen:
                seen.add(edge.dst)
                todo.append(edge.dst)
    return seen


def lifecycle_graph(kind: object) -> Graph:
    """The lifecycle of one instrument kind, from `MACHINES[kind]` (states, events)."""
    from domain.instruments import CLOSED_STATES, LABELS, MACHINES, Kind

    assert isinstance(kind, Kind)
    machine = MACHINES[kind]
    closed = {s.value for s in CLOSED_STATES}
    triples = [
        (source, t.dest or source, trigger)
        for trigger, event in machine.events.items()
        for source, transitions in event.transitions.items()
        for t in transitions
    ]
    edges = _merge(triples)
    initial = str(machine.initial)
    reachable = _reachable([initial], edges)
    nodes = []
    for state in machine.states:
        styles = {"closed" if state in closed else "live"}
        lines = [state]
        if state == initial:
            styles.add("initial")
        if state not in reachable:
            styles.add("unreachable")
            lines.append("no transition leads here")
        nodes.append(Node(state, lines, styles))
    legend = [("initial", "initial state"), ("live", "live: still binds"),
              ("closed", "closed (history)")]
    if any("unreachable" in n.styles for n in nodes):
        legend.append(("unreachable", "unreachable"))
    return Graph(kind.value, f"{LABELS[kind]} ({kind.value}): lifecycle", nodes, edges,
                 [initial], legend)


def pathway_graph() -> Graph:
    """Which instrument can be opened from which: steps that open a kind, and the kinds their
    target fields name. Steps that need no earlier instrument start from the case itself."""
    from domain.instruments import LABELS, Kind
    from domain.steps import PERSON_STEPS, PLACE_ONLY_STEPS, SHARED_WITH_PLACE

    triples: list[tuple[str, str, str]] = []
    for steps, starts in ((PERSON_STEPS, (START_PERSON,)), (PLACE_ONLY_STEPS, (START_PLACE,))):
        for step in steps:
            if step.opens is None:
                continue
            from_start = all(t.optional for t in step.targets)
            origins = starts + ((START_PLACE,) if step.name in SHARED_WITH_PLACE else ())
            if from_start:
                triples.extend((o, step.opens.value, step.name) for o in origins)
            for target in step.targets:
                for k in sorted(target.kinds, key=list(Kind).index):
                    triples.append((k.value, step.opens.value, step.name))
    edges = _merge(triples)
    used = {e.src for e in edges} | {e.dst for e in edges}
    nodes = [Node(START_PERSON, ["Person", "pathway opened"], {"start"}, mono=False),
             Node(START_PLACE, ["Place", "place registered"], {"start"}, mono=False)]
    nodes += [Node(k.value, [LABELS[k], k.value], {"kind"}, mono=False)
              for k in Kind if k.value in used]
    legend = [("start", "a case: no earlier instrument needed"),
              ("kind", "an instrument (label: the step that opens it)")]
    return Graph("pathway", "The pathway: which instrument may be opened from which",
                 [n for n in nodes if n.id in used], edges, [START_PERSON, START_PLACE], legend,
                 back="back to an earlier instrument")
