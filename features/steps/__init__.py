"""Step definitions of the policy document, in the domain's words (see features/conftest.py)."""
