"""screen_many is a faster screen: same hits, same order, for every query of a batch."""

from __future__ import annotations

import pytest

from watchline.matching import Hit, Query, Screener
from watchline.matching import screener as screener_module
from watchline.model import Entity

LISTED = [
    Entity.build("a", "Person", {"name": ["Иван Иванович Петров"], "birthDate": ["1970"]}),
    Entity.build("b", "Person", {"name": ["Mohammed Ali Hassan"], "alias": ["Abu Ali"]}),
    Entity.build("c", "Company", {"name": ["Zala Aero Group LLC"]}),
    Entity.build("d", "Person", {"name": ["Petr Ivanov"], "passportNumber": ["X1234567"]}),
]
QUERIES = [
    Query("Ivan Petrov"),
    Query(["Muhammad Hasan", "Abu Ali"]),
    Query("Zala Aero", schema="Company"),
    Query("Nobody At All"),
    Query("Totally Different", id_number="x 1234567"),
    Query("Petr Ivanov", birth_date="1970"),
]


def _flat(hits: list[list[Hit]]) -> list[list[tuple[str, float]]]:
    return [[(h.entity_id, round(h.score, 9)) for h in row] for row in hits]


def test_batch_equals_single() -> None:
    screener = Screener(LISTED)
    singles = [screener.screen(q, threshold=0.3) for q in QUERIES]
    assert _flat(screener.screen_many(QUERIES, threshold=0.3)) == _flat(singles)
    assert singles[3] == [] and singles[4][0].entity_id == "d"


def test_small_chunks_give_the_same_result(monkeypatch: pytest.MonkeyPatch) -> None:
    screener = Screener(LISTED)
    whole = _flat(screener.screen_many(QUERIES, threshold=0.3))
    monkeypatch.setattr(screener_module, "BATCH", 2)
    assert _flat(screener.screen_many(QUERIES, threshold=0.3)) == whole
