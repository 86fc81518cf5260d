"""Runs the scenarios of support_and_proportionality.feature against the real application."""

from pytest_bdd import scenarios

scenarios("support_and_proportionality.feature")
