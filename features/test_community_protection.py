"""Runs the scenarios of community_protection.feature against the real application service."""

from pytest_bdd import scenarios

scenarios("community_protection.feature")
