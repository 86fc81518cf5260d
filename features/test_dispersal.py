"""Runs the scenarios of dispersal.feature against the real application service."""

from pytest_bdd import scenarios

scenarios("dispersal.feature")
