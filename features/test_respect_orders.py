"""Runs the scenarios of respect_orders.feature against the real application service."""

from pytest_bdd import scenarios

scenarios("respect_orders.feature")
