"""Runs the scenarios of rule_sets.feature against the real application service."""

from pytest_bdd import scenarios

scenarios("rule_sets.feature")
