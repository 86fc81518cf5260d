"""Runs the scenarios of fixed_penalties.feature against the real application service."""

from pytest_bdd import scenarios

scenarios("fixed_penalties.feature")
