"""Runs the scenarios of deadlines.feature against the real application service."""

from pytest_bdd import scenarios

scenarios("deadlines.feature")
