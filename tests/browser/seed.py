"""A small case for the web tests, recorded through the API as an officer would."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from fastapi.testclient import TestClient

from adapters.driven.auth.users import UserStore
from tests.api.cases import Case, london

#: The moment the web tests run at (the system's clock): the CPW's comply-by has passed.
NOW = london(2026, 3, 10, 10, 0)
COMPLY_BY = london(2026, 2, 20)


@dataclass
class Seeded:
    officer: str  # a police officer's token
    housing: str  # a housing officer's token (another agency)
    case: UUID  # Dean Harrow: support offered, warned, a CPW and a later incident


def seed(client: TestClient, users: UserStore) -> Seeded:
    _, officer = users.add("PC Amy Shaw", "Marlshire Police", "officer", "constable")
    _, housing = users.add("Ola Reid", "Marlshire Homes", "officer", None)
    case = Case.open(client, officer, at=london(2026, 1, 5))
    case.prepared(london(2026, 1, 6))
    case.cpw(london(2026, 2, 1), COMPLY_BY)
    case.link_incident(london(2026, 2, 25), london(2026, 2, 26))
    return Seeded(officer, housing, case.id)
