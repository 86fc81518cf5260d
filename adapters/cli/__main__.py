"""`python -m adapters.cli`: the same `asb` command line."""

from adapters.cli.main import app

app(prog_name="asb")
