"""Runs the scenarios of case_management.feature against the real application service."""

from pytest_bdd import scenarios

scenarios("case_management.feature")
