"""`asb policy report`: the features, with their last results, as one self-contained HTML page.

One section per feature file (by power), each Rule with its legal basis, each scenario with its
steps, Examples tables, tags (guard and timer codes link to the appendix) and last result. The
appendix lists every guard and timer of the engine with the scenarios that trace to it. The
page is well-formed XML (polyglot HTML): no scripts, no external assets; every text from a
feature file or a test result is escaped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path

from adapters.driven.policy_docs.gherkin_model import Examples, Feature, Rule, Scenario, Step
from adapters.driven.policy_docs.report_css import CSS
from adapters.driven.policy_docs.results import NOT_RUN, Outcome, ScenarioResult

MAX_MESSAGE = 4000  # characters of a failure message shown in the page


def e(text: object) -> str:
    return escape(str(text), quote=True)


def status_class(outcome: Outcome) -> str:
    return outcome.value.replace(" ", "-")


@dataclass(frozen=True)
class EngineRule:
    """A guard or timer of the engine, as the appendix lists it."""

    kind: str  # "guard" | "timer"
    code: str
    legal_basis: str
    title: str
    label: str  # "hard" / "soft" for a guard, the duty for a timer


def engine_rules() -> list[EngineRule]:
    from domain.model import GUARDS, TIMERS

    guards = [EngineRule("guard", g.code, g.legal_basis, g.title, g.kind.value)
              for g in GUARDS.values()]
    timers = [EngineRule("timer", t.code, t.legal_basis, t.label, t.duty)
              for t in TIMERS.values()]
    return sorted(guards, key=lambda r: r.code) + sorted(timers, key=lambda r: r.code)


class _Page:
    def __init__(self, features: list[Feature], results: Mapping[str, ScenarioResult],
                 rules: list[EngineRule]) -> None:
        self.features = features
        self.results = results
        self.rules = {(r.kind, r.code): r for r in rules}
        self.traces: dict[tuple[str, str], list[tuple[Feature, Scenario]]] = defaultdict(list)
        for feature in features:
            for scenario in feature.scenarios:
                for kind, code in _trace_tags(scenario):
                    self.traces[(kind, code)].append((feature, scenario))

    def result(self, scenario: Scenario) -> ScenarioResult:
        rows = max(1, len(scenario.example_rows))
        return self.results.get(scenario.anchor) or ScenarioResult([NOT_RUN] * rows)

    def covered(self, kind: str, code: str) -> bool:
        """A passing scenario, not marked @wip, traces to this guard or timer."""
        return any("wip" not in s.tags and self.result(s).outcome is Outcome.PASSED
                   for _, s in self.traces.get((kind, code), []))

    # -- the page -----------------------------------------------------------------------

    def html(self, source: str, generated_at: datetime) -> str:
        parts = [
            "<!DOCTYPE html>",
            '<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><meta charset="utf-8"/>',
            '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
            "<title>Pathway policy: the rules the engine enforces</title>",
            f"<style>{CSS}</style></head><body><div class=\"page\">",
            self.header(source, generated_at),
            "<main>",
            *(self.feature(f) for f in self.features),
            self.appendix(),
            "</main></div></body></html>",
        ]
        return "\n".join(parts) + "\n"

    def header(self, source: str, generated_at: datetime) -> str:
        rows = Counter(r.outcome for f in self.features for s in f.scenarios
                       for r in self.result(s).rows)
        scenarios = sum(len(f.scenarios) for f in self.features)
        cases = sum(rows.values())
        kinds = {k for k, _ in self.rules}
        coverage = {kind: (sum(self.covered(k, c) for k, c in self.rules if k == kind),
                           sum(1 for k, _ in self.rules if k == kind)) for kind in sorted(kinds)}
        cards: list[tuple[str, object, str]] = [
            ("features", len(self.features), ""),
            ("scenarios", scenarios, ""),
            ("test cases (incl. example rows)", cases, ""),
            ("passed", rows[Outcome.PASSED], "good" if rows[Outcome.PASSED] == cases else ""),
            ("failed", rows[Outcome.FAILED], "bad" if rows[Outcome.FAILED] else "good"),
            ("expected failures (@wip)", rows[Outcome.XFAIL], ""),
            ("not run / skipped", rows[Outcome.NOT_RUN] + rows[Outcome.SKIPPED],
             "bad" if rows[Outcome.NOT_RUN] + rows[Outcome.SKIPPED] else ""),
        ]
        for kind, (done, total) in coverage.items():
            cards.append((f"{kind}s covered by a passing scenario", f"{done} / {total}",
                          "good" if done == total else "bad"))
        out = [
            "<header>",
            "<h1>Pathway policy: the rules the engine enforces</h1>",
            ("<p>Each section below is a feature file from <span class=\"file\">features/</span>:"
             " the statutory and guidance rules for one power, written as examples in plain"
             " English. Every scenario is run against the real engine; its last result is shown"
             " beside it. Tags name the engine's guards and timers, listed in the appendix.</p>"),
            (f"<p class=\"meta\">Generated {e(generated_at.strftime('%d %B %Y %H:%M %Z'))}"
             f" · results: {e(source)}</p>"),
            "<div class=\"cards\">",
            *(f"<div class=\"card {cls}\"><b>{e(value)}</b><span>{e(label)}</span></div>"
              for label, value, cls in cards),
            "</div>",
            self.attention(),
            "<nav class=\"toc\"><b>Contents</b><ol>",
            *(self.toc_entry(f) for f in self.features),
            "<li><a href=\"#appendix-guards\">Appendix A: guards</a></li>",
            "<li><a href=\"#appendix-timers\">Appendix B: timers (statutory deadlines)</a></li>",
            "</ol></nav></header>",
        ]
        return "\n".join(out)

    def attention(self) -> str:
        failing = [(f, s) for f in self.features for s in f.scenarios
                   if self.result(s).outcome is Outcome.FAILED]
        if not failing:
            return ""
        items = "".join(f"<li><a href=\"#{e(s.anchor)}\">{e(s.name)}</a> "
                        f"<span class=\"file\">{e(f.path.name)}:{s.line}</span></li>"
                        for f, s in failing)
        return (f"<div class=\"attention\"><b>{len(failing)} scenario(s) failed: the engine does"
                f" not do what the policy says.</b><ul>{items}</ul></div>")

    def toc_entry(self, feature: Feature) -> str:
        outcomes = Counter(self.result(s).outcome for s in feature.scenarios)
        counts = ", ".join(f"{n} {o.value}" for o, n in sorted(
            outcomes.items(), key=lambda kv: list(Outcome).index(kv[0])))
        return (f"<li><a href=\"#feature-{e(feature.stem)}\">{e(feature.name)}</a> "
                f"<span class=\"counts\">{len(feature.rules)} rules, {len(feature.scenarios)}"
                f" scenarios: {e(counts)}</span></li>")

    def feature(self, feature: Feature) -> str:
        out = [f"<section class=\"feature\" id=\"feature-{e(feature.stem)}\">",
               f"<h2>{e(feature.name)}</h2>",
               f"<div class=\"file\">{e(feature.path.name)}</div>"]
        if feature.tags:
            out.append(self.tags(feature.tags))
        if feature.description:
            out.append(f"<div class=\"narrative\">{_paragraphs(feature.description)}</div>")
        out.append(_background(feature.background))
        out.extend(self.rule(feature, rule, i) for i, rule in enumerate(feature.rules, 1))
        out.append("</section>")
        return "\n".join(out)

    def rule(self, feature: Feature, rule: Rule, number: int) -> str:
        out = [f"<section class=\"rule\" id=\"rule-{e(feature.stem)}-{number}\">"]
        if rule.name is not None:
            out.append(f"<h3><span class=\"kw\">Rule:</span> {e(rule.title)}</h3>")
            if rule.legal_basis:
                out.append(f"<div class=\"basis\">Legal basis: {e(rule.legal_basis)}</div>")
            else:
                out.append("<div class=\"basis none\">Legal basis: not stated in the rule</div>")
        if rule.description:
            out.append(f"<div class=\"description\">{_paragraphs(rule.description)}</div>")
        out.append(_background(rule.background))
        out.extend(self.scenario(s) for s in rule.scenarios)
        out.append("</section>")
        return "\n".join(out)

    def scenario(self, scenario: Scenario) -> str:
        result = self.result(scenario)
        outcome = result.outcome
        placeholders = [h for block in scenario.examples for h in block.header]
        out = [
            f"<article class=\"scenario {status_class(outcome)}\" id=\"{e(scenario.anchor)}\">",
            "<div class=\"scenario-head\">",
            f"<span class=\"status {status_class(outcome)}\">{e(outcome.value)}</span>",
            f"<span class=\"kw\">{e(scenario.keyword)}:</span>",
            f"<h4>{_with_placeholders(scenario.name, placeholders)}</h4>",
            self.tags(scenario.tags),
            "</div>",
        ]
        if scenario.description:
            out.append(f"<div class=\"description\">{_paragraphs(scenario.description)}</div>")
        out.extend(f"<p class=\"note\">{e(c)}</p>" for c in scenario.comments)
        out.append(_steps(scenario.steps, placeholders))
        rows = iter(result.rows)
        for block in scenario.examples:
            out.append(_examples(block, [next(rows, NOT_RUN).outcome for _ in block.rows]))
        if result.messages and outcome in (Outcome.FAILED,):
            text = "\n\n".join(result.messages)
            if len(text) > MAX_MESSAGE:
                text = text[:MAX_MESSAGE] + "\n[...]"
            out.append(f"<details><summary>Why it failed</summary><pre>{e(text)}</pre></details>")
        out.append("</article>")
        return "\n".join(out)

    def tags(self, tags: Iterable[str]) -> str:
        badges = []
        for tag in tags:
            kind, sep, code = tag.partition(":")
            if sep and kind in ("guard", "timer"):
                if (kind, code) in self.rules:
                    badges.append(f"<a class=\"tag {kind}\" href=\"#{kind}-{e(code)}\" "
                                  f"title=\"{e(self.rules[(kind, code)].title)}\">@{e(tag)}</a>")
                else:
                    badges.append(f"<span class=\"tag unknown\" title=\"no such {kind} in the "
                                  f"engine\">@{e(tag)}</span>")
            else:
                cls = "tag wip" if tag == "wip" else "tag"
                badges.append(f"<span class=\"{cls}\">@{e(tag)}</span>")
        return f"<span class=\"tags\">{''.join(badges)}</span>" if badges else ""

    # -- the appendix -----------------------------------------------------------------

    def appendix(self) -> str:
        guards = [r for r in self.rules.values() if r.kind == "guard"]
        timers = [r for r in self.rules.values() if r.kind == "timer"]
        return "\n".join([
            "<section class=\"feature appendix\" id=\"appendix-guards\">",
            "<h2>Appendix A: guards</h2>",
            ("<p>Every guard the engine applies before it records a step. A HARD guard is the"
             " law and cannot be overridden; a SOFT guard is guidance a supervisor may depart"
             " from with a recorded reason.</p>"),
            self.rule_table(guards, "kind", "what it checks"),
            "</section>",
            "<section class=\"feature appendix\" id=\"appendix-timers\">",
            "<h2>Appendix B: timers (statutory deadlines)</h2>",
            ("<p>Every deadline the engine computes from the recorded events. Duty "
             "<i>agency</i>: the agency must act by then; <i>subject</i>: a period running for"
             " the person.</p>"),
            self.rule_table(timers, "duty", "deadline"),
            "</section>",
        ])

    def ref(self, feature: Feature, scenario: Scenario) -> str:
        """A link to a scenario: file:line, with its result when it did not pass."""
        outcome = self.result(scenario).outcome
        note = "" if outcome is Outcome.PASSED else f" ({outcome.value})"
        return (f"<a class=\"{status_class(outcome)}\" href=\"#{e(scenario.anchor)}\" "
                f"title=\"{e(scenario.name)}\">{e(feature.stem)}:{scenario.line}{e(note)}</a>")

    def rule_table(self, rules: list[EngineRule], label: str, what: str) -> str:
        head = ("<table><colgroup><col class=\"c-code\"/><col class=\"c-kind\"/>"
                "<col class=\"c-basis\"/><col class=\"c-what\"/><col class=\"c-refs\"/>"
                f"</colgroup><thead><tr><th>code</th><th>{e(label)}</th><th>legal basis</th>"
                f"<th>{e(what)}</th><th>scenarios</th></tr></thead><tbody>")
        body = []
        for r in rules:
            traced = self.traces.get((r.kind, r.code), [])
            refs = " ".join(self.ref(f, s) for f, s in traced)
            if not self.covered(r.kind, r.code):
                refs += " <span class=\"uncovered\">no passing scenario</span>"
            marker = (f"<span class=\"kind {e(r.label)}\">{e(r.label)}</span>"
                      if r.kind == "guard" else e(r.label))
            body.append(f"<tr id=\"{r.kind}-{e(r.code)}\"><td class=\"code\">{e(r.code)}</td>"
                        f"<td>{marker}</td><td>{e(r.legal_basis)}</td><td>{e(r.title)}</td>"
                        f"<td class=\"refs\">{refs}</td></tr>")
        return head + "".join(body) + "</tbody></table>"


def _trace_tags(scenario: Scenario) -> Iterable[tuple[str, str]]:
    for tag in scenario.tags:
        kind, sep, code = tag.partition(":")
        if sep and kind in ("guard", "timer"):
            yield kind, code


def _paragraphs(text: str) -> str:
    blocks = [" ".join(line.strip() for line in block.splitlines())
              for block in text.split("\n\n") if block.strip()]
    return "".join(f"<p>{e(b)}</p>" for b in blocks)


def _with_placeholders(text: str, names: list[str]) -> str:
    """Escape `text`, then mark each outline placeholder (<name> from the Examples header)."""
    html = e(text)
    for name in sorted(set(names), key=len, reverse=True):
        marker = e(f"<{name}>")
        html = html.replace(marker, f"<span class=\"ph\">{marker}</span>")
    return html


def _steps(steps: list[Step], placeholders: list[str]) -> str:
    items = []
    for step in steps:
        item = (f"<li><span class=\"kw {e(step.keyword_type)}\">{e(step.keyword)}</span>"
                f"{_with_placeholders(step.text, placeholders)}")
        if step.table:
            item += _table(step.table[0], step.table[1:])
        if step.doc_string is not None:
            item += f"<pre>{e(step.doc_string)}</pre>"
        items.append(item + "</li>")
    return f"<ol class=\"steps\">{''.join(items)}</ol>"


def _background(steps: list[Step]) -> str:
    if not steps:
        return ""
    return f"<div class=\"background\"><b>Background</b>{_steps(steps, [])}</div>"


def _table(header: list[str], rows: list[list[str]],
           outcomes: list[Outcome] | None = None) -> str:
    head = "".join(f"<th>{e(h)}</th>" for h in header)
    if outcomes is not None:
        head += "<th>result</th>"
    body = []
    for i, row in enumerate(rows):
        cells = "".join(f"<td>{e(c)}</td>" for c in row)
        cls = ""
        if outcomes is not None:
            o = outcomes[i]
            cls = f" class=\"{status_class(o)}\""
            cells += f"<td><span class=\"status {status_class(o)}\">{e(o.value)}</span></td>"
        body.append(f"<tr{cls}>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _examples(block: Examples, outcomes: list[Outcome]) -> str:
    title = f"Examples: {block.name}" if block.name else "Examples"
    tags = "".join(f" @{t}" for t in block.tags)
    return (f"<div class=\"examples-name\">{e(title)}{e(tags)}</div>"
            + _table(block.header, block.rows, outcomes))


def render_report(features: list[Feature], results: Mapping[str, ScenarioResult], *,
                  source: str, generated_at: datetime,
                  rules: list[EngineRule] | None = None) -> str:
    """The whole page, as a string."""
    page = _Page(features, results, engine_rules() if rules is None else rules)
    return page.html(source, generated_at)


def write_report(out: Path, features_dir: Path, junit: Path | None = None) -> tuple[int, int]:
    """Write the report; with no `junit`, run the features first. (scenarios, failed cases)."""
    import tempfile

    from adapters.driven.policy_docs.gherkin_model import read_features
    from adapters.driven.policy_docs.results import attach, read_junit, run_features

    features = read_features(features_dir)
    if junit is None:
        with tempfile.TemporaryDirectory(prefix="asb-policy-") as tmp:
            run_at = datetime.now().astimezone()
            path = Path(tmp) / "features.junit.xml"
            run_features(features_dir, path)
            cases = read_junit(path)
        source = f"pytest run of {features_dir.name}/ at {run_at:%d %B %Y %H:%M}"
    else:
        cases = read_junit(junit)
        source = f"{junit.name} ({len(cases)} test cases)"
    results = attach(features, cases)
    html = render_report(features, results, source=source,
                         generated_at=datetime.now().astimezone())
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    failed = sum(r.outcome is Outcome.FAILED for res in results.values() for r in res.rows)
    return sum(len(f.scenarios) for f in features), failed
