"""Runs the scenarios of data_protection.feature against the real application service."""

from pytest_bdd import scenarios

scenarios("data_protection.feature")
