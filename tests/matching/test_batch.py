"""screen_many is a faster screen: same hits, same order, for every query of a batch."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

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


def test_each_entity_keeps_its_best_name_first_met_among_equals() -> None:
    """A query of several names: each entity's hit is its best name over all of them (the
    earlier query name among equals), as screening each name alone shows."""
    listed = [
        *LISTED,
        Entity.build("e", "Person", {"name": ["Ali Hassan"], "alias": ["Mohamed Hassan"]}),
        Entity.build("f", "Person", {"name": ["Mohammed Ali"], "alias": ["Ali Mohammed"]}),
    ]
    screener = Screener(listed)
    names = ["Mohammed Ali", "Ali Mohammed", "Muhammad Hasan", "Ali Hassan"]
    combined = screener.screen(Query(names), limit=20, threshold=0.0)
    alone = [screener.screen(Query(n), limit=20, threshold=0.0) for n in names]
    assert combined
    for hit in combined:
        sims = [
            next((h.explanation.name_similarity for h in hits if h.entity_id == hit.entity_id), -1)
            for hits in alone
        ]
        assert hit.explanation.name_similarity == max(sims)
        assert hit.explanation.query_name == names[sims.index(max(sims))]


def test_threads_screening_at_once_get_what_one_thread_gets() -> None:
    """The per-index memories (pair similarities, a growing hash table) are shared by
    threads: concurrent batches must see whole entries only."""
    listed = [
        Entity.build(f"p{i}", "Person", {"name": [f"{a} {b}"]})
        for i, (a, b) in enumerate(
            (a, b)
            for a in ("Ivan", "Iwan", "Petr", "Pyotr", "Ali", "Aly", "Omar", "Umar")
            for b in ("Petrov", "Petrow", "Hassan", "Hasan", "Sidorov", "Kuznetsov")
        )
    ]
    queries = [
        Query(f"{a} {b}")
        for a in ("Ivan", "Petr", "Ali", "Omar")
        for b in ("Petrof", "Hasen", "Sidorow", "Kusnetsov")
    ]
    expected = _flat(Screener(listed).screen_many(queries, threshold=0.0))
    screener = Screener(listed)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(
            pool.map(lambda _: _flat(screener.screen_many(queries, threshold=0.0)), range(8))
        )
    assert all(r == expected for r in results)
