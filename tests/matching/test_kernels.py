"""Compiled kernels give what their numpy counterparts give, to the bit."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from watchline.matching import NameIndex, fused, kernels
from watchline.matching import common as common_module
from watchline.matching.align import align
from watchline.matching.arrays import padded_rows
from watchline.matching.caches import PairTable
from watchline.matching.shortlist import compiled_rows, finish, shortlist
from watchline.model import Entity

WORDS = [f"{a}{b}" for a in ("dar", "kol", "min", "sut", "tev", "vox") for b in "aeiou"]


def _compiled() -> kernels.Compiled:
    found = kernels.kernels()
    if found is None:
        pytest.skip("numba is not installed")
    return found


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.floats(min_value=1e-6, max_value=1e6, allow_nan=False), min_size=0, max_size=128)
)
def test_numpy_sum_follows_numpy_order(values: list[float]) -> None:
    array = np.array(values, dtype=np.float64)
    assert kernels._numpy_sum(array, len(array)) == array.sum()


def test_name_weights_equal_the_padded_numpy_sums() -> None:
    found = _compiled()
    rng = np.random.default_rng(0)
    lengths = rng.integers(1, 20, size=300)
    ptr = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=ptr[1:])
    parts = rng.integers(0, 500, size=int(ptr[-1])).astype(np.int64)
    table = rng.uniform(1.0, 12.0, size=500) * rng.choice([1.0, 1e-7, 1e7], size=500)
    for _ in range(50):
        rows = rng.choice(len(lengths), size=int(rng.integers(1, 80)), replace=False)
        listed, _ = padded_rows(ptr, parts, rows.astype(np.int64))
        expected = np.where(listed >= 0, table[np.maximum(listed, 0)], 0.0).sum(axis=1)
        got = found.name_weights(ptr, parts, rows.astype(np.int64), table)
        assert np.array_equal(got, expected)


def test_name_weights_leave_names_over_128_parts_to_numpy() -> None:
    found = _compiled()
    ptr = np.array([0, 200], dtype=np.int64)
    got = found.name_weights(ptr, np.zeros(200, np.int64), np.array([0]), np.ones(1))
    assert len(got) == 0


@pytest.mark.parametrize("compiled", [True, False])
@settings(max_examples=30, deadline=None)
@given(codes=st.lists(st.integers(min_value=0, max_value=2**62), min_size=1, max_size=3000))
def test_pair_table_returns_what_was_put(compiled: bool, codes: list[int]) -> None:
    with pytest.MonkeyPatch.context() as patch:
        if not compiled:
            patch.setattr(kernels, "kernels", lambda: None)
        table = PairTable()
        keys = np.unique(np.array(codes, dtype=np.int64))
        half = keys[: len(keys) // 2]
        table.put(half, half.astype(np.float64) / 2**62)
        table.put(keys[len(half) :], np.full(len(keys) - len(half), 0.25))
        got = table.get(keys)
    assert len(table) == len(keys)
    assert np.array_equal(got[: len(half)], half / 2**62)
    assert (got[len(half) :] == 0.25).all()
    assert (table.get(np.array([-5], dtype=np.int64)) == -1.0).all()


@pytest.fixture
def index(monkeypatch: pytest.MonkeyPatch) -> NameIndex:
    """Persons from a small Zipf-popular vocabulary, so that several parts are common."""
    monkeypatch.setattr(common_module, "COMMON_PART_DF", 150)
    rng = np.random.default_rng(3)
    p = 1.0 / np.arange(1, len(WORDS) + 1)
    entities = []
    for i in range(4000):
        words = rng.choice(WORDS, size=int(rng.integers(2, 5)), replace=False, p=p / p.sum())
        schema = "Person" if i % 7 else "Company"
        entities.append(Entity.build(f"e{i}", schema, {"name": [" ".join(words)]}))
    built = NameIndex.build(entities)
    for entity_id in ("e5", "e17", "e123"):
        built.remove(entity_id)
    return built


@pytest.mark.parametrize("limit", [1, 5, 32])
def test_fused_rows_equal_the_numpy_glue(index: NameIndex, limit: int) -> None:
    if fused.compiled() is None:
        pytest.skip("numba is not installed")
    rng = np.random.default_rng(limit)
    allowed = np.ones(8, dtype=np.bool_)
    for trial in range(80):
        owners = np.sort(rng.integers(0, 3, size=int(rng.integers(1, 7)))).astype(np.int64)
        parts = rng.choice(len(index.vocab), size=len(owners), replace=False).astype(np.int64)
        weights = rng.uniform(0.5, 6.0, size=len(owners)).astype(np.float32)
        allowed[:] = trial % 3 != 0 or rng.random(8) < 0.5
        rows, totals = shortlist(index, parts, weights, owners, index.common.slots(parts), limit)
        expected = finish(index, rows, totals, allowed, limit, distinct=True)
        got = compiled_rows(index, parts, weights, owners, allowed, limit)
        assert got is not None and got.tolist() == expected.tolist()


def test_fused_rows_step_aside_for_unmerged_additions(index: NameIndex) -> None:
    index.add(Entity.build("late", "Person", {"name": ["dara kola"]}))
    parts = np.array([0, 1], dtype=np.int64)
    weights = np.ones(2, dtype=np.float32)
    owners = np.array([0, 1], dtype=np.int64)
    assert compiled_rows(index, parts, weights, owners, np.ones(8, np.bool_), 4) is None


@pytest.mark.parametrize("shape", [(50, 3, 4), (40, 5, 2), (30, 1, 6), (20, 6, 6)])
def test_compiled_alignment_pairs_as_the_numpy_loop(shape: tuple[int, int, int]) -> None:
    _compiled()
    rng = np.random.default_rng(sum(shape))
    k, m, n = shape
    sims = rng.choice([0.0, 0.0, 0.5, 0.8, 0.8, 0.95, 1.0], size=shape)  # many ties
    wq, wc = rng.uniform(1, 5, size=(k, m)), rng.uniform(1, 5, size=(k, n))
    rq, rc = rng.random((k, m)) < 0.2, rng.random((k, n)) < 0.2
    got = align(sims, wq, wc, rq, rc)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kernels, "kernels", lambda: None)
        expected = align(sims, wq, wc, rq, rc)
    for name in ("query_index", "listed_index", "pair_sims", "scores"):
        assert np.array_equal(getattr(got, name), getattr(expected, name)), name
