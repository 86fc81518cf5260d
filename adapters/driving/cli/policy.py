"""`asb policy report` and `asb policy diagram`: the living documentation of the policy.

Importing this module only defines the typer sub-app; the work is imported inside each command.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from adapters.driving.cli.common import fail as _fail

policy_app = typer.Typer(help="The policy as living documentation: report and diagrams.",
                         no_args_is_help=True)



def _default_features() -> Path:
    import adapters

    return Path(adapters.__file__).resolve().parents[1] / "features"


@policy_app.command("report")
def report(
    out: Annotated[Path, typer.Option("--out", help="The HTML file to write.")],
    results: Annotated[Path | None, typer.Option(
        "--results", help="JUnit XML of an earlier run of the features; without it, the "
        "features are run now (needs the test extra: pip install -e '.[test]').")] = None,
    features: Annotated[Path | None, typer.Option(
        "--features", help="The folder of .feature files (default: the project's features/).",
    )] = None,
) -> None:
    """Render every feature, with its last pass/fail result, into one HTML page."""
    folder = features or _default_features()
    if not folder.is_dir():
        _fail(f"no features folder at {folder}")
    if results is not None and not results.is_file():
        _fail(f"no results file at {results}")
    try:
        from adapters.driven.policy_docs.report import write_report

        scenarios, failed = write_report(out, folder, results)
    except ModuleNotFoundError as e:
        _fail(f"{e.name} is not installed: install the test extra (pip install -e '.[test]')")
    except RuntimeError as e:
        _fail(str(e))
    verdict = f"{failed} failed test case(s)" if failed else "no failures"
    typer.echo(f"Wrote {out}: {scenarios} scenarios, {verdict}.")


@policy_app.command("diagram")
def diagram(
    out: Annotated[Path, typer.Option("--out", help="The folder to write the SVG files into.")],
) -> None:
    """Draw one SVG per instrument lifecycle, and pathway.svg, from the engine's machines."""
    from adapters.driven.policy_docs.diagram import write_diagrams

    written = write_diagrams(out)
    typer.echo(f"Wrote {len(written)} diagrams to {out}: {', '.join(p.name for p in written)}")
