"""A node under test: real store (SQLite and PostgreSQL), a predictable scorer, ASGI client.

Three agencies hold records of every handling code, so leak tests can check each endpoint:
ALPHA originates them, BRAVO is named in ``shared_with`` of the restricted one, CHARLIE is
entitled to nothing but public records.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from watchline.api import create_app
from watchline.api.services import ApiServices, build_services
from watchline.matching import Contribution, Explanation, Hit, Query
from watchline.model import Entity, Handling, Listing, Record, Status
from watchline.services.registry import Registry
from watchline.services.screening import ScreenResult
from watchline.settings import Settings

ALPHA, BRAVO, CHARLIE = "ALPHA-NCA", "BRAVO-FIU", "CHARLIE-BORDER"
PUBLIC_NAME = "Ferdinand Oyelaran Quispe"
RESTRICTED_NAME = "Wilhelmina Zanardelli Okonkwo"
SECRET_NAME = "Bartholomew Vantongeren Achterberg"
RESTRICTED_ID, SECRET_ID, PUBLIC_ID = "alpha-rst-7731", "alpha-sec-9917", "alpha-pub-1001"


@dataclass
class Node:
    services: ApiServices
    client: TestClient
    keys: dict[tuple[str, str], str] = field(default_factory=dict)

    def key(self, agency: str, role: str) -> str:
        if (agency, role) not in self.keys:
            self.keys[(agency, role)] = self.services.keys.create(agency, role).secret
        return self.keys[(agency, role)]

    def auth(self, agency: str, role: str = "screener") -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key(agency, role)}"}


def seed(services: ApiServices) -> None:
    """One public, one restricted (shared with BRAVO) and one originator-only record."""
    records = [
        (PUBLIC_ID, PUBLIC_NAME, Handling.PUBLIC, ()),
        (RESTRICTED_ID, RESTRICTED_NAME, Handling.RESTRICTED, (BRAVO,)),
        (SECRET_ID, SECRET_NAME, Handling.ORIGINATOR_ONLY, ()),
    ]
    for eid, name, handling, shared in records:
        entity = Entity.build(eid, "Person", {"name": [name], "birthDate": ["1971-03-04"]})
        listing = Listing(
            source="agency:" + ALPHA,
            originator=ALPHA,
            handling=handling,
            shared_with=shared,
            legal_basis="Secret Act s.4",
        )
        services.registry.publish(entity, listing, actor="seed", agency=ALPHA)


def make_settings(tmp_path: Path, database_url: str, **overrides: object) -> Settings:
    base = Settings(home=tmp_path, database_url=database_url, seed_bundled_list=False)
    return replace(base, **overrides)  # type: ignore[arg-type]


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return make_settings(tmp_path, database_url)


class TokenScreening:
    """A stand-in matcher: score = share of name tokens in common (Jaccard).

    The API's rules (handling codes, notifications, audit) are tested against this
    predictable scorer, so they do not move when the real matcher is tuned;
    ``test_match_real.py`` runs the real one.
    """

    default_threshold = 0.7

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.records: list[Record] = []

    def refresh(self) -> int:
        self.records = [r for r in self.registry.records(status=Status.ACTIVE)]
        return len(self.records)

    def screen_many(
        self, queries: Sequence[Query], limit: int = 10, threshold: float | None = None
    ) -> list[list[ScreenResult]]:
        cut = self.default_threshold if threshold is None else threshold
        return [self._screen(q, limit, cut) for q in queries]

    def _screen(self, query: Query, limit: int, cut: float) -> list[ScreenResult]:
        asked = {t for name in query.names for t in name.lower().split()}
        scored = []
        for record in self.records:
            listed = {t for name in record.entity.names for t in name.lower().split()}
            score = len(asked & listed) / len(asked | listed) if listed else 0.0
            if score >= cut and score > 0:
                explanation = Explanation(
                    query.names[0],
                    record.entity.caption,
                    score,
                    [],
                    [Contribution("name", score, "tokens")],
                    score,
                )
                hit = Hit(
                    record.id, score, record.entity.caption, record.entity.schema, explanation
                )
                scored.append(ScreenResult(hit, record))
        return sorted(scored, key=lambda r: -r.hit.score)[:limit]


def open_node(settings: Settings, real: bool = False) -> Iterator[Node]:
    services = build_services(settings, None if real else TokenScreening)
    seed(services)
    services.screening.invalidate()
    app = create_app(settings, services=services, auth_cache_s=0.0)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield Node(services, client)


@pytest.fixture
def node(settings: Settings) -> Iterator[Node]:
    yield from open_node(settings)


def match_body(name: str, schema: str = "Person", **props: list[str]) -> dict[str, object]:
    return {"queries": {"q1": {"schema": schema, "properties": {"name": [name], **props}}}}
