"""Runs the scenarios of injunctions.feature against the real application service."""

from pytest_bdd import scenarios

scenarios("injunctions.feature")
