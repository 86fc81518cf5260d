"""Runs the scenarios of criminal_behaviour_orders.feature against the real application service."""

from pytest_bdd import scenarios

scenarios("criminal_behaviour_orders.feature")
