"""Driving adapters: the front ends that call the service (CLI, HTTP API, web UI)."""
