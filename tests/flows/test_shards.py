"""Time shards find what one run finds, including patterns straddling a shard boundary."""

from __future__ import annotations

from itertools import pairwise

import numpy as np

from tests.flows.conftest import DAY, HOUR, graph
from watchline.flows import analyze
from watchline.flows.shards import analyze_sharded, shard_bounds

BIG = 5_000.0


def test_bounds_overlap_and_cover() -> None:
    ts = np.array([0, 40 * DAY], dtype=np.int64)
    bounds = list(shard_bounds(ts, 14 * DAY, 7 * DAY))
    assert bounds[0] == (0, 21 * DAY)
    assert all(b[0] < a[1] for a, b in pairwise(bounds))
    assert bounds[-1][1] > 40 * DAY


def test_sharded_run_matches_single_run() -> None:
    edges = []
    for k, base in enumerate((DAY, 13 * DAY + 20 * HOUR, 30 * DAY)):  # second one straddles
        a = 10 * k
        edges += [
            (a, a + 1, base, BIG),
            (a + 1, a + 2, base + 10 * HOUR, BIG),
            (a + 2, a + 3, base + 20 * HOUR, BIG),
            (a + 3, a, base + 30 * HOUR, BIG),
        ]
        edges += [(a + 5, a + 4 + j, base + j * HOUR, BIG) for j in range(2, 8)]
    tx = graph(edges)
    one = analyze(tx)
    many = analyze_sharded(tx, shard_s=14 * DAY, overlap_s=7 * DAY)
    by_typ = {f.typology: set(f.tx.tolist()) for f in one.findings}
    for f in many.findings:
        assert set(f.tx.tolist()) == by_typ[f.typology], f.typology
    assert np.array_equal(one.tx_score, many.tx_score)
    assert len(by_typ["cycle"]) == 12
