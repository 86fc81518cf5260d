"""The README's set-up lines and command table stay true (docs that run)."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from adapters.driving.cli.main import app

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _shell_blocks() -> list[str]:
    return [b.strip() for b in re.findall(r"```sh\n(.*?)```", README, re.S)]


def test_the_readme_has_exactly_two_set_up_lines_and_ci_runs_the_second() -> None:
    blocks = _shell_blocks()
    assert len(blocks) == 2
    install_and_demo, install_and_test = blocks
    assert install_and_demo.endswith("asb demo")
    ci = [line for line in (ROOT / ".ci/run").read_text().splitlines()
          if line.strip() and not line.lstrip().startswith("#")]
    assert ci[-1].strip() == install_and_test


def test_every_command_in_the_readme_table_exists() -> None:
    commands = set(re.findall(r"^\| `asb ([a-z-]+(?: [a-z]+)?)", README, re.M))
    assert {"demo", "verify", "serve"} <= {c.split()[0] for c in commands}
    runner = CliRunner()
    for command in sorted(commands):
        words = command.split()
        subcommands = ("init", "add", "report", "diagram", "list", "keygen", "sign")
        if len(words) == 2 and words[1] not in subcommands:
            words = words[:1]
        result = runner.invoke(app, [*words, "--help"])
        assert result.exit_code == 0, f"asb {' '.join(words)} --help: {result.output}"
