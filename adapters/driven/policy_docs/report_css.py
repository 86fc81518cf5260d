"""The report's style sheet, inlined into the page (no external assets)."""

CSS = """
:root { --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --paper: #ffffff; --wash: #f5f7fa;
  --pass: #1e7b34; --pass-bg: #e3f4e8; --fail: #b42318; --fail-bg: #fde8e6;
  --xfail: #8a5a00; --xfail-bg: #fff4d6; --none: #52606d; --none-bg: #eef1f4;
  --accent: #1d4f91; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--wash); color: var(--ink);
  font: 15px/1.5 "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
.page { max-width: 1100px; margin: 0 auto; padding: 24px 28px 64px; }
a { color: var(--accent); }
h1 { font-size: 28px; margin: 8px 0 4px; }
h2 { font-size: 22px; margin: 0 0 6px; }
h3 { font-size: 17px; margin: 0; }
h4 { font-size: 15px; margin: 0; display: inline; }
p { margin: 6px 0; }
.meta { color: var(--muted); font-size: 13px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 16px 0; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 8px;
  padding: 8px 14px; min-width: 120px; }
.card b { display: block; font-size: 22px; }
.card span { color: var(--muted); font-size: 12px; text-transform: uppercase;
  letter-spacing: .04em; }
.card.bad b { color: var(--fail); } .card.good b { color: var(--pass); }
nav.toc { background: var(--paper); border: 1px solid var(--line); border-radius: 8px;
  padding: 10px 16px; }
nav.toc ol { margin: 4px 0; padding-left: 22px; }
nav.toc li { margin: 2px 0; }
.counts { color: var(--muted); font-size: 13px; }
.attention { background: var(--fail-bg); border: 1px solid var(--fail); border-radius: 8px;
  padding: 8px 16px; margin: 12px 0; }
section.feature { background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
  padding: 18px 22px; margin: 28px 0; }
.file { color: var(--muted); font: 12px/1.4 "DejaVu Sans Mono", Menlo, Consolas, monospace; }
.narrative { border-left: 4px solid var(--line); padding-left: 12px; color: #323f4b; }
section.rule { border-top: 1px solid var(--line); margin-top: 18px; padding-top: 12px; }
.basis { display: inline-block; margin: 4px 0 8px; padding: 1px 8px; border-radius: 4px;
  background: #e8eefc; color: #173a6a; font-size: 13px; }
.basis.none { background: var(--none-bg); color: var(--muted); }
.background { background: var(--wash); border: 1px dashed var(--line); border-radius: 6px;
  padding: 6px 12px; margin: 8px 0; font-size: 14px; }
.background > b { color: var(--muted); font-size: 12px; text-transform: uppercase; }
article.scenario { border: 1px solid var(--line); border-left: 5px solid var(--none);
  border-radius: 6px; padding: 8px 12px; margin: 10px 0; }
article.scenario.passed { border-left-color: var(--pass); }
article.scenario.failed { border-left-color: var(--fail); background: #fffafa; }
article.scenario.xfail { border-left-color: var(--xfail); }
.scenario-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px 8px; }
.kw { font-weight: 600; color: var(--muted); }
.status { font-size: 12px; font-weight: 700; padding: 1px 8px; border-radius: 10px;
  text-transform: uppercase; letter-spacing: .03em; white-space: nowrap; }
.status.passed { color: var(--pass); background: var(--pass-bg); }
.status.failed { color: var(--fail); background: var(--fail-bg); }
.status.xfail { color: var(--xfail); background: var(--xfail-bg); }
.status.skipped, .status.not-run { color: var(--none); background: var(--none-bg); }
.tags { display: inline-flex; flex-wrap: wrap; gap: 4px; }
.tag { font: 11px/1.6 "DejaVu Sans Mono", Menlo, Consolas, monospace; padding: 0 6px;
  border-radius: 4px; background: var(--none-bg); color: var(--muted);
  text-decoration: none; white-space: nowrap; }
a.tag.guard { background: #e8eefc; color: #173a6a; }
a.tag.timer { background: #e6f6f4; color: #0b5e55; }
.tag.wip { background: var(--xfail-bg); color: var(--xfail); }
.tag.unknown { background: var(--fail-bg); color: var(--fail); }
ol.steps { list-style: none; margin: 6px 0; padding-left: 4px; }
ol.steps li { margin: 2px 0; padding-left: 52px; text-indent: -52px; }
ol.steps li > * { text-indent: 0; }
ol.steps .kw { display: inline-block; min-width: 46px; text-align: right; margin-right: 6px; }
.kw.Context { color: #2b6cb0; } .kw.Action { color: #9c4221; } .kw.Outcome { color: #276749; }
.ph { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px;
  background: #fff4d6; border-radius: 3px; padding: 0 2px; }
.note { color: var(--muted); font-style: italic; font-size: 14px; margin: 4px 0; }
.description { color: #323f4b; font-size: 14px; }
table { border-collapse: collapse; margin: 6px 0 6px 56px; font-size: 13.5px; }
ol.steps table { margin-left: 0; }
th, td { border: 1px solid var(--line); padding: 3px 10px; text-align: left;
  vertical-align: top; }
th { background: var(--wash); font-weight: 600; }
tr.failed td { background: var(--fail-bg); }
.examples-name { margin: 8px 0 0 56px; font-weight: 600; color: var(--muted); font-size: 13px; }
details { margin: 6px 0; }
summary { cursor: pointer; color: var(--fail); font-weight: 600; font-size: 13px; }
pre { white-space: pre-wrap; word-break: break-word; background: var(--wash);
  border: 1px solid var(--line); padding: 8px; font-size: 12px; max-height: 320px;
  overflow: auto; }
section.appendix table { margin-left: 0; width: 100%; table-layout: fixed; }
col.c-code { width: 31%; } col.c-kind { width: 7%; } col.c-basis { width: 16%; }
col.c-what { width: 26%; } col.c-refs { width: 20%; }
section.appendix td.code { overflow-wrap: anywhere; }
section.appendix td.code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace;
  font-size: 12.5px; }
.kind { font-size: 11px; font-weight: 700; padding: 0 6px; border-radius: 4px;
  text-transform: uppercase; }
.kind.hard { background: var(--fail-bg); color: var(--fail); }
.kind.soft { background: var(--xfail-bg); color: var(--xfail); }
.refs a { font-size: 12.5px; white-space: nowrap; }
.refs a.failed { color: var(--fail); font-weight: 600; }
.uncovered { color: var(--fail); font-weight: 600; }
:target { outline: 3px solid #f0b429; outline-offset: 2px; }
@media print { body { background: #fff; } section.feature { break-inside: auto; }
  article.scenario { break-inside: avoid; } }
"""
