"""Runs the scenarios of corrections_and_integrity.feature against the real application service."""

from pytest_bdd import scenarios

scenarios("corrections_and_integrity.feature")
