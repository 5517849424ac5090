"""The screening service's record cache: bounded, and never staler than the index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from watchline.matching import Query
from watchline.model import Entity, Listing, Record, Status
from watchline.services.registry import Registry
from watchline.services.screening import STATE_FILE, RecordCache, ScreeningService
from watchline.store import Store
from watchline.store import registry as store_registry

NAME = "Theodora Wojciechowska Abernathy"


def record(entity_id: str, name: str = NAME) -> Record:
    entity = Entity.build(entity_id, "Person", {"name": [name]})
    return Record(entity, Listing(source="test", originator="TEST"))


def test_cache_keeps_the_most_recently_used() -> None:
    cache = RecordCache(capacity=2)
    cache.put([record("a"), record("b")], cache.generation)
    assert cache.get("a") is not None  # "a" is now more recent than "b"
    cache.put([record("c")], cache.generation)
    assert cache.get("b") is None and cache.get("a") is not None and cache.get("c") is not None


def test_a_read_older_than_an_invalidation_is_not_kept() -> None:
    cache = RecordCache()
    generation = cache.generation
    cache.discard(["a"])  # a change arrived while "a" was being read
    cache.put([record("a")], generation)
    assert cache.get("a") is None


@given(st.lists(st.sampled_from("abcdefgh"), max_size=40), st.integers(1, 5))
def test_cache_never_exceeds_its_capacity(ids: list[str], capacity: int) -> None:
    cache = RecordCache(capacity=capacity)
    for entity_id in ids:
        cache.put([record(entity_id)], cache.generation)
        assert len(cache) <= capacity
        assert cache.get(entity_id) is not None


class CountingStore:
    """Counts reads of single records, to show that hits come from the cache."""

    def __init__(self) -> None:
        self.reads = 0

    def get(self, conn: object, entity_id: str) -> Record | None:
        self.reads += 1
        return original_get(conn, entity_id)  # type: ignore[arg-type]


original_get = store_registry.get


def test_repeated_hits_are_read_once_and_changes_reach_them(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = Registry(store)
    registry.publish(record("t-1").entity, record("t-1").listing, actor="test")
    service = ScreeningService(registry)
    counter = CountingStore()
    monkeypatch.setattr(store_registry, "get", counter.get)
    query = Query(name=[NAME], schema="Person")
    for _ in range(3):
        assert [r.record.id for r in service.screen(query)] == ["t-1"]
    assert counter.reads == 1
    registry.delist("t-1", actor="test", reason="court order")
    assert service.screen(query) == []


def test_refresh_drops_cached_records_changed_elsewhere(store: Store) -> None:
    registry = Registry(store)
    registry.publish(record("t-2").entity, record("t-2").listing, actor="test")
    service = ScreeningService(Registry(store))  # hears of changes only through refresh()
    query = Query(name=[NAME], schema="Person")
    assert [r.record.listing.status for r in service.screen(query)] == [Status.ACTIVE]
    registry.delist("t-2", actor="test", reason="court order")
    service.refresh()
    assert service.screen(query) == []
    assert service.records.get("t-2") is None


def _published(tmp_path: Path) -> Registry:
    registry = Registry(Store.open(f"sqlite:///{tmp_path / 'db.sqlite'}"))
    registry.publish(
        Entity.build("p1", "Person", {"name": ["Andrei Novikov"]}),
        Listing(source="s", originator="A"),
        actor="t",
    )
    return registry


def test_saved_index_made_by_other_matching_code_is_rebuilt(tmp_path: Path) -> None:
    """An index keyed by another normaliser would silently miss names: never reuse it."""
    registry = _published(tmp_path)
    index_dir = tmp_path / "index"
    ScreeningService(registry, index_dir)
    state_path = index_dir / STATE_FILE
    state = json.loads(state_path.read_text())
    state_path.write_text(json.dumps({**state, "engine": "other-code"}))
    ScreeningService(registry, index_dir)
    assert json.loads(state_path.read_text())["engine"] == state["engine"]


def test_unreadable_saved_index_is_rebuilt_not_fatal(tmp_path: Path) -> None:
    registry = _published(tmp_path)
    index_dir = tmp_path / "index"
    ScreeningService(registry, index_dir)
    (index_dir / "index.npz").write_bytes(b"not an index")
    service = ScreeningService(registry, index_dir)
    assert [r.hit.entity_id for r in service.screen(Query(name="Andrey Novikov"))] == ["p1"]


def test_registry_changes_reach_the_screener_without_a_rebuild(store: Store) -> None:
    """Publish, amend an alias, delist: each takes effect on the very next screening."""
    registry = Registry(store)
    service = ScreeningService(registry)
    registry.publish(
        Entity.build("ge-1", "Person", {"name": ["გიორგი ბერიძე"]}),
        Listing(source="ge-national", originator="GE-SSG"),
        actor="t",
        agency="GE-SSG",
    )
    hits = service.screen(Query(name="Giorgi Beridze"))
    assert [r.hit.entity_id for r in hits] == ["ge-1"]
    registry.amend(
        "ge-1",
        actor="t",
        reason="alias from court file",
        agency="GE-SSG",
        properties={"alias": ["Gia Kvaratskhelia"]},
    )
    assert [r.hit.entity_id for r in service.screen(Query(name="Gia Kvaratskhelia"))] == ["ge-1"]
    registry.delist("ge-1", actor="t", reason="court annulled the listing", agency="GE-SSG")
    assert service.screen(Query(name="Giorgi Beridze")) == []
    assert service.screen(Query(name="Gia Kvaratskhelia")) == []
