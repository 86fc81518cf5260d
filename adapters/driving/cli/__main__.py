"""`python -m adapters.driving.cli`: the same `asb` command line."""

from adapters.driving.cli.main import app

app(prog_name="asb")
