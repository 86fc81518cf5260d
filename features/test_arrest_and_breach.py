"""Runs the scenarios of arrest_and_breach.feature against the real application service."""

from pytest_bdd import scenarios

scenarios("arrest_and_breach.feature")
