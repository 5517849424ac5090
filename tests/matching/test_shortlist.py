"""Common-part bitsets and the shortlist: the best rows of a full read, read cheaply."""

from __future__ import annotations

import numpy as np
import pytest

from watchline.matching import NameIndex, Query, Screener, fused, kernels
from watchline.matching import common as common_module
from watchline.matching.arrays import IntArray
from watchline.matching.common import HEAD, CommonParts
from watchline.matching.shortlist import PRESELECT, TIE_BREAK, shortlist
from watchline.model import Entity

WORDS = [f"{a}{b}" for a in ("bar", "kel", "mun", "sor", "tav", "vel") for b in "aeiouy"]


def _entities(count: int, seed: int, prefix: str = "e") -> list[Entity]:
    """Persons named from a small Zipf-popular vocabulary: several parts are common."""
    rng = np.random.default_rng(seed)
    p = 1.0 / np.arange(1, len(WORDS) + 1)
    p /= p.sum()
    out = []
    for i in range(count):
        words = rng.choice(WORDS, size=int(rng.integers(2, 5)), replace=False, p=p)
        out.append(Entity.build(f"{prefix}{i}", "Person", {"name": [" ".join(words)]}))
    return out


@pytest.fixture(params=["compiled", "numpy"])
def index(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> NameIndex:
    """An index with several common parts; the shortlist compiled (if numba is there) or not."""
    if request.param == "numpy":
        monkeypatch.setattr(kernels, "compiled", lambda: None)
        monkeypatch.setattr(fused, "compiled", lambda: None)
    elif kernels.compiled() is None:
        pytest.skip("numba is not installed")
    monkeypatch.setattr(common_module, "COMMON_PART_DF", 150)
    return NameIndex.build(_entities(4000, seed=3))


def _reference(
    index: NameIndex, parts: IntArray, weights: np.ndarray, owners: IntArray
) -> list[float]:
    """Totals of every name holding a query part, by reading every posting list."""
    total = np.zeros(index.n_names, dtype=np.float32)
    held = np.zeros(index.n_names, dtype=np.bool_)
    for owner in np.unique(owners).tolist():
        best = np.zeros(index.n_names, dtype=np.float32)
        for part, weight in zip(parts[owners == owner], weights[owners == owner], strict=True):
            rows = index.postings(int(part))
            best[rows] = np.maximum(best[rows], weight)
            held[rows] = True
        total += best
    out = total - TIE_BREAK * index.name_len.view
    return sorted(out[held].tolist())


def _query(index: NameIndex, rng: np.random.Generator) -> tuple[IntArray, np.ndarray, IntArray]:
    """Random listed parts standing for 1-3 query parts, with float32 weights."""
    n_owners = int(rng.integers(1, 4))
    owners = np.sort(rng.integers(0, n_owners, size=int(rng.integers(1, 6)))).astype(np.int64)
    parts = rng.choice(len(index.vocab), size=len(owners), replace=False).astype(np.int64)
    weights = rng.uniform(0.5, 6.0, size=len(owners)).astype(np.float32)
    return parts, weights, owners


def test_common_parts_get_bitsets_and_shortest_heads(index: NameIndex) -> None:
    common = index.common
    assert len(common) >= 3  # the fixture makes several parts common
    part = int(np.argmax(index.df.view))
    slot = int(common.slots(np.array([part]))[0])
    assert slot >= 0 and index.df.view[part] > HEAD
    rows = np.arange(index.n_names, dtype=np.int64)
    held = common.holding(slot, rows >> 3, (rows & 7).astype(np.uint8))
    assert np.array_equal(np.flatnonzero(held), index.postings(part))
    head = common.head(slot)
    assert len(head) == HEAD
    assert set(head.tolist()) <= set(index.postings(part).tolist())
    lengths = index.name_len.view
    others = np.setdiff1d(index.postings(part), head)
    assert lengths[head].max() <= lengths[others].min()


@pytest.mark.parametrize("limit", [1, 4, 8])
def test_shortlist_keeps_the_best_totals_of_a_full_read(index: NameIndex, limit: int) -> None:
    rng = np.random.default_rng(limit)
    for _ in range(60):
        parts, weights, owners = _query(index, rng)
        slots = index.common.slots(parts)
        rows, totals = shortlist(index, parts, weights, owners, slots, limit)
        assert len(set(rows.tolist())) == len(rows)
        expected = _reference(index, parts, weights, owners)[-PRESELECT * limit :]
        assert sorted(totals.tolist()) == expected


def test_names_added_after_the_build_are_shortlisted(index: NameIndex) -> None:
    for entity in _entities(300, seed=4, prefix="late"):
        index.add(entity)
    assert index.delta_size > 0  # still in the delta postings, bits already set
    rng = np.random.default_rng(9)
    for _ in range(40):
        parts, weights, owners = _query(index, rng)
        _, totals = shortlist(index, parts, weights, owners, index.common.slots(parts), 8)
        assert sorted(totals.tolist()) == _reference(index, parts, weights, owners)[-64:]


def test_screening_through_common_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common_module, "COMMON_PART_DF", 150)
    entities = _entities(4000, seed=5)
    screener = Screener(entities)
    assert len(screener.index.common)
    late = Entity.build("late", "Person", {"name": ["Zynthor Velqua Barimo"]})
    screener.add(late)
    for entity in [*entities[:40], late]:
        name = entity.names[0]
        hits = screener.screen(Query(" ".join(reversed(name.split()))), limit=50)
        assert entity.id in [h.entity_id for h in hits], name
    loaded = Screener(index=NameIndex.from_state(*screener.index.state()))
    assert np.array_equal(loaded.index.common.head_rows, screener.index.common.head_rows)
    assert np.array_equal(loaded.index.common.slot, screener.index.common.slot)


def test_bitsets_grow_with_rows_added_beyond_their_width() -> None:
    ptr = np.array([0, 3], dtype=np.int64)
    common = CommonParts.build(ptr, np.array([0, 1, 2]), np.ones(3, np.int8))
    assert len(common) == 0  # too rare to be common
    common.slot = np.array([0], dtype=np.int32)
    common.bits = np.zeros((1, 1), dtype=np.uint8)
    common.add(100, [0])
    rows = np.array([3, 100, 5000], dtype=np.int64)
    held = common.holding(0, rows >> 3, (rows & 7).astype(np.uint8))
    assert held.tolist() == [False, True, False]


def test_heads_skip_removed_entities_once_rebuilt(index: NameIndex) -> None:
    part = int(np.argmax(index.df.view))
    slot = int(index.common.slots(np.array([part]))[0])
    shortest = index.common.head(slot)[:50]
    removed = {index.entity_ids[int(e)] for e in index.name_entity.view[shortest]}
    for entity_id in removed:
        assert index.remove(entity_id)
    loaded = NameIndex.from_state(*index.state())  # merges the postings, rebuilds the rest
    for built in (index, loaded):
        head = built.common.head(slot)
        assert len(head) == HEAD
        assert {built.entity_ids[int(e)] for e in built.name_entity.view[head]}.isdisjoint(removed)
