"""Living documentation: the policy report (HTML) and the lifecycle and pathway diagrams (SVG).

The report is checked against the real features/ with synthetic JUnit results (no test run),
and once end to end on a tiny feature folder run by pytest in a child process. The diagrams
are checked against the engine's own machines: every state and trigger is drawn, nothing
overlaps, and the SVG is well-formed XML.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path
from textwrap import dedent

import pytest
from typer.testing import CliRunner

from adapters.driving.cli.main import app
from adapters.driven.policy_docs.diagram import all_graphs, draw, write_diagrams
from adapters.driven.policy_docs.gherkin_model import Feature, Scenario, read_features, split_legal_basis
from adapters.driven.policy_docs.graph import START_PERSON, lifecycle_graph, pathway_graph
from adapters.driven.policy_docs.layout import LABEL_FONT, lay_out, text_width
from adapters.driven.policy_docs.report import render_report, write_report
from adapters.driven.policy_docs.results import (
    Outcome,
    attach,
    example_ids,
    python_name,
    read_junit,
)
from domain.instruments import MACHINES, Kind

FEATURES = Path(__file__).resolve().parents[2] / "features"
XHTML = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"
WHEN = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def features() -> list[Feature]:
    return read_features(FEATURES)


def scenario_named(features: list[Feature], name: str) -> Scenario:
    return next(s for f in features for s in f.scenarios if s.name == name)


def junit(tmp_path: Path, cases: str) -> Path:
    path = tmp_path / "results.xml"
    path.write_text('<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest">'
                    + dedent(cases) + "</testsuite></testsuites>", encoding="utf-8")
    return path


def page(html: str) -> ET.Element:
    """The report is well-formed XML (polyglot HTML): parse it to look inside."""
    return ET.fromstring(html.split("\n", 1)[1])  # after <!DOCTYPE html>


def text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def by_id(root: ET.Element, anchor: str) -> ET.Element:
    found = [el for el in root.iter() if el.get("id") == anchor]
    assert len(found) == 1, f"{len(found)} elements with id {anchor}"
    return found[0]


# -- the report -----------------------------------------------------------------------


def test_the_report_shows_every_feature_and_every_rule_with_its_legal_basis(
        features: list[Feature]) -> None:
    root = page(render_report(features, attach(features, []), source="none", generated_at=WHEN))
    sections = [s for s in root.iter(f"{XHTML}section") if "feature" in s.get("class", "")]
    headings = [text(s.find(f"{XHTML}h2")) for s in sections]  # type: ignore[arg-type]
    assert [f.name for f in features] == headings[:len(features)]
    assert len(features) >= 11
    rules = [r for f in features for r in f.rules if r.name is not None]
    shown = {text(h) for h in root.iter(f"{XHTML}h3")}
    for rule in rules:
        assert f"Rule: {rule.title}" in shown
    bases = {text(d) for d in root.iter(f"{XHTML}div") if "basis" in d.get("class", "")}
    for rule in rules:
        if rule.legal_basis:
            assert f"Legal basis: {rule.legal_basis}" in bases


def test_sections_follow_the_powers_in_order(features: list[Feature]) -> None:
    stems = [f.stem for f in features]
    assert stems[:3] == ["community_protection", "fixed_penalties", "injunctions"]
    assert stems[-1] == "corrections_and_integrity"


def test_a_rule_names_its_legal_basis_in_closing_parentheses() -> None:
    assert split_legal_basis("Age 16 or over (ASBCPA 2014 s.43(1))") == (
        "Age 16 or over", "ASBCPA 2014 s.43(1)")
    assert split_legal_basis("Every deadline is listed") == ("Every deadline is listed", None)


def test_a_scenario_is_marked_failed_when_the_results_say_so(
        features: list[Feature], tmp_path: Path) -> None:
    failing = scenario_named(features, "A notice about conduct the warning did not name is refused")
    passing = scenario_named(features, "A notice about the conduct the warning named is issued")
    outline = scenario_named(features, "A Community Protection Warning to a person aged <age>")
    ages = "test_a_community_protection_warning_to_a_person_aged_age"
    results = junit(tmp_path, f"""
        <testcase classname="features.test_community_protection"
                  name="test_a_notice_about_conduct_the_warning_did_not_name_is_refused">
          <failure message="AssertionError: recorded &lt;script&gt;">trace</failure>
        </testcase>
        <testcase classname="features.test_community_protection"
                  name="test_a_notice_about_the_conduct_the_warning_named_is_issued"/>
        <testcase classname="features.test_community_protection"
                  name="{ages}[15-refused: cpw_minimum_age]">
          <failure message="boom">trace</failure>
        </testcase>
        <testcase classname="features.test_community_protection"
                  name="{ages}[16-recorded]"/>
    """)
    found = attach(features, read_junit(results))
    assert found[failing.anchor].outcome is Outcome.FAILED
    assert found[passing.anchor].outcome is Outcome.PASSED
    assert [r.outcome for r in found[outline.anchor].rows] == [
        Outcome.NOT_RUN, Outcome.NOT_RUN, Outcome.FAILED, Outcome.PASSED, Outcome.NOT_RUN,
        Outcome.NOT_RUN]

    html = render_report(features, found, source="results.xml", generated_at=WHEN)
    root = page(html)
    article = by_id(root, failing.anchor)
    assert article.get("class") == "scenario failed"
    assert "FAILED" in text(article).upper() and "recorded <script>" in text(article)
    assert by_id(root, passing.anchor).get("class") == "scenario passed"
    rows = [tr.get("class") for tr in by_id(root, outline.anchor).iter(f"{XHTML}tr")]
    assert rows[1:] == ["not-run", "not-run", "failed", "passed", "not-run", "not-run"]
    assert "<script>" not in html


def test_xfail_and_unknown_guard_tags_are_shown(tmp_path: Path) -> None:
    (tmp_path / "made_up.feature").write_text(dedent("""\
        Feature: Made up
          Rule: A rule (Made Up Act 2026 s.1)
            @wip @guard:no_such_guard
            Scenario: The law as it should be
              Given something
    """), encoding="utf-8")
    made_up = read_features(tmp_path)
    results = junit(tmp_path, """
        <testcase classname="test_made_up" name="test_the_law_as_it_should_be">
          <skipped type="pytest.xfail" message="@wip"/>
        </testcase>""")
    html = render_report(made_up, attach(made_up, read_junit(results)), source="r",
                         generated_at=WHEN, rules=[])
    article = by_id(page(html), made_up[0].scenarios[0].anchor)
    assert article.get("class") == "scenario xfail"
    assert 'class="tag unknown"' in html and 'class="tag wip"' in html


def test_everything_from_a_feature_file_is_escaped(tmp_path: Path) -> None:
    (tmp_path / "hostile.feature").write_text(dedent("""\
        Feature: Tom & Jerry's <i>policy</i>
          A narrative with <b>markup</b> & "quotes".

          Rule: A rule with <em>tags</em> (Act <2026> s.1)
            @guard:x<y>
            Scenario: A <script>alert(1)</script> scenario
              Given a step with <img src=x onerror=alert(1)>
                | <cell> | & |
                | "a"  | 'b' |
    """), encoding="utf-8")
    hostile = read_features(tmp_path)
    html = render_report(hostile, attach(hostile, []), source="<src>", generated_at=WHEN,
                         rules=[])
    for raw in ("<script>", "<i>policy", "<b>markup", "<em>", "<img", "<cell>", "<src>",
                "<2026>", "x<y>"):
        assert raw not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    root = page(html)  # still well-formed
    assert "A <script>alert(1)</script> scenario" in text(root)
    assert "Legal basis: Act <2026> s.1" in text(root)


def test_pytest_bdd_test_names_are_followed() -> None:
    from pytest_bdd.scenario import make_python_name

    for name in ("A 24-hour closure notice issued by <issuer>", "15-year-old's case: 1st £ step",
                 "Arrested at <arrested> (<why>)"):
        assert python_name(name) == make_python_name(name)


def test_the_command_writes_the_report_from_given_results(
        features: list[Feature], tmp_path: Path) -> None:
    results = junit(tmp_path, """
        <testcase classname="features.test_community_protection"
                  name="test_on_the_16th_birthday_the_warning_may_be_given"/>""")
    out = tmp_path / "policy.html"
    done = CliRunner().invoke(app, ["policy", "report", "--out", str(out),
                                    "--results", str(results)])
    assert done.exit_code == 0, done.output
    assert f"{sum(len(f.scenarios) for f in features)} scenarios" in done.output
    root = page(out.read_text(encoding="utf-8"))
    anchor = scenario_named(features, "On the 16th birthday the warning may be given").anchor
    assert by_id(root, anchor).get("class") == "scenario passed"
    assert by_id(root, "guard-cpw_minimum_age") is not None
    assert by_id(root, "timer-cpw_compliance") is not None


TINY_FEATURE = """\
Feature: Tiny policy
  Rule: Small numbers only (Tiny Act 2026 s.1)
    Scenario: A small number
      Given the number 1
      Then it is small

    Scenario Outline: The number <n>
      Given the number <n>
      Then it is small

      Examples:
        | n   |
        | 1   |
        | 1   |
        | 500 |
        | £5  |
"""

TINY_STEPS = """\
from pytest_bdd import given, parsers, scenarios, then

scenarios("tiny.feature")


@given(parsers.parse("the number {n}"), target_fixture="number")
def number(n):
    return n


@then("it is small")
def small(number):
    assert number in ("1", "£5")
"""


@pytest.mark.slow
def test_the_report_runs_the_features_itself_and_maps_every_example_row(tmp_path: Path) -> None:
    folder = tmp_path / "features"
    folder.mkdir()
    (folder / "tiny.feature").write_text(TINY_FEATURE, encoding="utf-8")
    (folder / "test_tiny.py").write_text(TINY_STEPS, encoding="utf-8")
    tiny = read_features(folder)
    outline = tiny[0].scenarios[1]
    assert example_ids(outline) == ["1_0", "1_1", "500", "\\xa35"]

    scenarios, failed = write_report(tmp_path / "tiny.html", folder)  # runs pytest first
    assert (scenarios, failed) == (2, 1)  # one example row fails
    root = page((tmp_path / "tiny.html").read_text(encoding="utf-8"))
    assert by_id(root, tiny[0].scenarios[0].anchor).get("class") == "scenario passed"
    assert by_id(root, outline.anchor).get("class") == "scenario failed"
    rows = [tr.get("class") for tr in by_id(root, outline.anchor).iter(f"{XHTML}tr")]
    assert rows[1:] == ["passed", "passed", "failed", "passed"]
    assert "Legal basis: Tiny Act 2026 s.1" in text(root)


def test_the_cli_stays_lazy() -> None:
    code = ("import json, sys; import adapters.driving.cli.main; "
            "print(json.dumps(sorted(m for m in sys.modules if m.startswith(("
            "'adapters.driven.policy_docs', 'gherkin', 'pytest_bdd', 'domain.model')))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=FEATURES.parent)
    assert json.loads(out.stdout) == []


# -- the diagrams ---------------------------------------------------------------------


def svg_texts(svg: str) -> list[str]:
    root = ET.fromstring(svg.encode("utf-8"))  # parses as XML
    assert root.tag == f"{SVG}svg"
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


@pytest.mark.parametrize("kind", list(MACHINES), ids=lambda k: k.value)
def test_each_lifecycle_diagram_draws_every_state_and_trigger_of_its_machine(kind: Kind) -> None:
    machine = MACHINES[kind]
    texts = svg_texts(draw(lifecycle_graph(kind)))
    for state in machine.states:
        assert state in texts, f"state {state} of {kind.value} not drawn"
    for trigger in machine.events:
        assert trigger in texts, f"trigger {trigger} of {kind.value} not drawn"


def test_the_diagrams_come_from_the_machines_not_a_copy() -> None:
    cpn = lifecycle_graph(Kind.CPN)
    edges = {(e.src, e.dst): e.labels for e in cpn.edges}
    assert edges[("issued", "appeal_pending")] == ["appeal_lodged"]
    assert edges[("appeal_pending", "appeal_pending")] == ["breach"]  # a reflexive transition
    assert "initial" in cpn.node("issued").styles
    assert "closed" in cpn.node("quashed").styles


@pytest.mark.parametrize("kind", list(MACHINES), ids=lambda k: k.value)
def test_a_state_no_transition_leads_to_is_marked_in_its_diagram(kind: Kind) -> None:
    graph = lifecycle_graph(kind)
    texts = svg_texts(draw(graph))
    unreachable = [n for n in graph.nodes if "unreachable" in n.styles]
    assert texts.count("no transition leads here") == len(unreachable)


@pytest.mark.parametrize("kind", list(MACHINES), ids=lambda k: k.value)
def test_every_state_of_a_lifecycle_can_be_reached(kind: Kind) -> None:
    graph = lifecycle_graph(kind)
    assert [n.id for n in graph.nodes if "unreachable" in n.styles] == []


def test_the_pathway_graph_shows_which_instrument_opens_from_which() -> None:
    graph = pathway_graph()
    edges = {(e.src, e.dst): e.labels for e in graph.edges}
    assert edges[("cpw", "cpn")] == ["cpn_issued"]
    assert edges[("cpn", "fpn")] == ["fpn_issued"]
    assert "prosecution_started" in edges[("fpn", "prosecution")]
    assert edges[("prosecution", "cbo")] == ["cbo_granted"]
    assert edges[("injunction", "arrest")] == ["arrested"]
    assert edges[("closure_notice", "closure_order")] == ["closure_order_applied"]
    assert (START_PERSON, "cpw") in edges and (START_PERSON, "cpn") not in edges
    svg = draw(graph)
    svg_texts(svg)
    assert "<title>cpw → cpn: cpn_issued</title>" in svg


def test_write_diagrams_writes_one_file_per_machine_and_the_pathway(tmp_path: Path) -> None:
    written = write_diagrams(tmp_path / "diagrams")
    assert sorted(p.name for p in written) == sorted(
        [f"{k.value}.svg" for k in MACHINES] + ["pathway.svg"])
    for path in written:
        svg_texts(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("graph", all_graphs(), ids=lambda g: g.name)
def test_nothing_overlaps_in_a_diagram(graph: object) -> None:
    """Nodes (with any self-loop and its label above them) and edge labels never overlap."""
    layout = lay_out(graph)  # type: ignore[arg-type]
    boxes = []
    for item in layout.items.values():
        if item.kind == "dummy":
            continue
        x, w = layout.column(item)
        cx = x + w / 2
        width = max([item.w] + [text_width(s, LABEL_FONT) + 8 for s in item.labels])
        boxes.append((item.id, cx - width / 2, item.y - item.h / 2 - item.top_extra,
                      cx + width / 2, item.y + item.h / 2))
    for i, (a, ax0, ay0, ax1, ay1) in enumerate(boxes):
        for b, bx0, by0, bx1, by1 in boxes[i + 1:]:
            assert ax1 <= bx0 or bx1 <= ax0 or ay1 <= by0 or by1 <= ay0, f"{a} overlaps {b}"


def test_the_diagram_command_writes_the_svgs(tmp_path: Path) -> None:
    done = CliRunner().invoke(app, ["policy", "diagram", "--out", str(tmp_path)])
    assert done.exit_code == 0, done.output
    assert (tmp_path / "cpw.svg").is_file() and (tmp_path / "pathway.svg").is_file()
