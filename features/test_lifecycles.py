"""Runs the scenarios of lifecycles.feature against the real application service."""

from pytest_bdd import scenarios

scenarios("lifecycles.feature")
