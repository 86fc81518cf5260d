"""The policy document as data: feature files read with the official Gherkin parser.

The parser is `gherkin` (package gherkin-official), the one pytest-bdd itself uses, so the report
shows exactly what the test run executes. Only the parser's AST is read here; nothing parses
Gherkin text by hand.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Node = dict[str, Any]  # a node of the Gherkin AST

#: Sections of the report, by power, most frequently used first; other files follow by name.
POWER_ORDER: tuple[str, ...] = (
    "community_protection", "fixed_penalties", "injunctions", "arrest_and_breach",
    "criminal_behaviour_orders", "respect_orders", "dispersal", "closure",
    "support_and_proportionality",
    "case_management", "lifecycles", "data_protection", "deadlines", "rule_sets",
    "corrections_and_integrity",
)


@dataclass(frozen=True)
class Step:
    keyword: str  # "Given", "And", ...
    keyword_type: str  # Context | Action | Outcome | Conjunction | Unknown
    text: str
    table: list[list[str]] | None = None
    doc_string: str | None = None


@dataclass(frozen=True)
class Examples:
    name: str
    tags: tuple[str, ...]
    header: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class Scenario:
    keyword: str  # "Scenario", "Scenario Outline", "Example"
    name: str
    line: int
    tags: tuple[str, ...]  # without the "@"
    description: str
    steps: list[Step]
    examples: list[Examples]
    comments: list[str]
    anchor: str

    @property
    def is_outline(self) -> bool:
        return bool(self.examples)

    @property
    def example_rows(self) -> list[list[str]]:
        """Every example row, across all Examples blocks, in the order pytest-bdd runs them."""
        return [row for block in self.examples for row in block.rows]


@dataclass(frozen=True)
class Rule:
    name: str | None  # None for scenarios placed directly under the Feature
    description: str
    background: list[Step]
    scenarios: list[Scenario]

    @property
    def title(self) -> str:
        return split_legal_basis(self.name or "")[0]

    @property
    def legal_basis(self) -> str | None:
        return split_legal_basis(self.name or "")[1]


@dataclass(frozen=True)
class Feature:
    path: Path
    name: str
    description: str
    tags: tuple[str, ...]
    background: list[Step]
    rules: list[Rule] = field(default_factory=list)

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def scenarios(self) -> list[Scenario]:
        return [s for rule in self.rules for s in rule.scenarios]


def split_legal_basis(name: str) -> tuple[str, str | None]:
    """A Rule's title and the legal basis in its closing parentheses, if it names one.

    "Age 16 or over (ASBCPA 2014 s.43(1))" -> ("Age 16 or over", "ASBCPA 2014 s.43(1)").
    """
    text = name.rstrip()
    if not text.endswith(")"):
        return text, None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[i], 0)
        if depth == 0:
            basis, title = text[i + 1:-1].strip(), text[:i].rstrip()
            return (title, basis) if title and basis else (text, None)
    return text, None


def _description(node: Node) -> str:
    return textwrap.dedent(node.get("description") or "").strip()


def _tags(node: Node) -> tuple[str, ...]:
    return tuple(t["name"].lstrip("@") for t in node.get("tags", []))


def _steps(node: Node | None) -> list[Step]:
    steps = []
    for s in (node or {}).get("steps", []):
        table = s.get("dataTable")
        doc = s.get("docString")
        steps.append(Step(
            keyword=s["keyword"].strip(),
            keyword_type=s.get("keywordType", "Unknown"),
            text=s["text"],
            table=[[c["value"] for c in row["cells"]] for row in table["rows"]] if table else None,
            doc_string=doc["content"] if doc else None,
        ))
    return steps


def _examples(node: Node) -> Examples:
    header = node.get("tableHeader")
    return Examples(
        name=node.get("name", ""),
        tags=_tags(node),
        header=[c["value"] for c in header["cells"]] if header else [],
        rows=[[c["value"] for c in row["cells"]] for row in node.get("tableBody", [])],
    )


def _paragraphs(lines: list[tuple[int, str]]) -> list[str]:
    """Comment lines joined into paragraphs: consecutive lines belong together."""
    paragraphs: list[list[str]] = []
    previous = -2
    for at, text in lines:
        if not text:
            previous = -2
            continue
        if at == previous + 1 and paragraphs:
            paragraphs[-1].append(text)
        else:
            paragraphs.append([text])
        previous = at
    return [" ".join(p) for p in paragraphs]


class _Reader:
    def __init__(self, path: Path, document: Node) -> None:
        self.path = path
        self.comments = sorted(
            (c["location"]["line"], c["text"].strip().lstrip("#").strip())
            for c in document.get("comments", [])
        )
        self.starts: list[int] = []  # first line of each scenario and rule, to bound comments

    def scenario(self, node: Node, end: int) -> Scenario:
        line = node["location"]["line"]
        first = min([line] + [t["location"]["line"] for t in node.get("tags", [])])
        return Scenario(
            keyword=node["keyword"].strip(),
            name=node["name"],
            line=line,
            tags=_tags(node),
            description=_description(node),
            steps=_steps(node),
            examples=[_examples(e) for e in node.get("examples", [])],
            comments=_paragraphs([(at, text) for at, text in self.comments if first < at < end]),
            anchor=f"{self.path.stem}-L{line}",
        )

    def block_ends(self, children: list[Node], end: int) -> list[int]:
        """The line where each child's text ends (the next child's first line)."""
        firsts = []
        for child in children:
            node = next(iter(child.values()))
            lines = [node["location"]["line"]] + [t["location"]["line"]
                                                   for t in node.get("tags", [])]
            firsts.append(min(lines))
        return firsts[1:] + [end]

    def rule(self, name: str | None, description: str, children: list[Node], end: int) -> Rule:
        background: list[Step] = []
        scenarios = []
        for child, child_end in zip(children, self.block_ends(children, end), strict=True):
            if "background" in child:
                background = _steps(child["background"])
            elif "scenario" in child:
                scenarios.append(self.scenario(child["scenario"], child_end))
        return Rule(name, description, background, scenarios)


def read_feature(path: Path) -> Feature:
    from gherkin.parser import Parser

    text = path.read_text(encoding="utf-8")
    document: Any = Parser().parse(text)
    node: Node | None = document.get("feature")
    if node is None:
        return Feature(path, path.stem, "", (), [])
    reader = _Reader(path, document)
    last_line = len(text.splitlines()) + 1
    children: list[Node] = node.get("children", [])
    ends = reader.block_ends(children, last_line)
    background: list[Step] = []
    loose: list[Node] = []  # scenarios directly under the Feature
    rules: list[Rule] = []
    for child, end in zip(children, ends, strict=True):
        if "background" in child:
            background = _steps(child["background"])
        elif "scenario" in child:
            loose.append(child)
        elif "rule" in child:
            r = child["rule"]
            rules.append(reader.rule(r["name"], _description(r), r.get("children", []), end))
    if loose:
        loose_end = min([last_line] + [e for c, e in zip(children, ends, strict=True)
                                       if "rule" in c])
        rules.insert(0, reader.rule(None, "", loose, loose_end))
    return Feature(path, node["name"], _description(node), _tags(node), background, rules)


def power_order(path: Path) -> tuple[int, str]:
    stem = path.stem
    return (POWER_ORDER.index(stem) if stem in POWER_ORDER else len(POWER_ORDER), stem)


def read_features(folder: Path) -> list[Feature]:
    """Every *.feature file in `folder`, in the report's order (by power)."""
    paths = sorted(folder.glob("*.feature"), key=power_order)
    return [read_feature(p) for p in paths]
