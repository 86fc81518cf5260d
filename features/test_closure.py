"""Runs the scenarios of closure.feature against the real application service."""

from pytest_bdd import scenarios

scenarios("closure.feature")
