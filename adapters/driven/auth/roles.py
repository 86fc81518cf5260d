"""The roles a Pathway user may hold (kept apart so the CLI can name them cheaply)."""

from __future__ import annotations

from enum import Enum


class Role(str, Enum):
    """What a user does in the partnership; authorisation decides per action."""

    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    LEGAL = "legal"
    SUPPORT = "support"
    ANALYST = "analyst"
    ADMIN = "admin"


ROLES: tuple[str, ...] = tuple(r.value for r in Role)
