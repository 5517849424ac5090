"""Time-respecting paths: order, windows, hop limits, bottleneck amounts, reach shares."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.flows.conftest import DAY, HOUR, graph, index
from watchline.flows import TraceLimits, backward_paths, forward_paths
from watchline.flows.tracing import (
    best_per_account,
    describe_path,
    listed_reach,
    outflow_share,
    path_ends,
)


def _none(n: int) -> np.ndarray:
    return np.zeros(n, dtype=np.bool_)


def test_forward_paths_respect_time_order() -> None:
    # 0->1 at t=10h, then 1->2 at t=5h (too early) and 1->3 at t=12h
    tx = graph([(0, 1, 10 * HOUR, 100.0), (1, 2, 5 * HOUR, 50.0), (1, 3, 12 * HOUR, 70.0)])
    paths = forward_paths(tx, index(tx), np.array([0]), TraceLimits(), _none(tx.n_accounts))
    ends = {int(tx.dst[p[p >= 0][-1]]) for p in paths.tx}
    assert ends == {1, 3}
    two_hop = paths.amount[paths.hops() == 2]
    assert two_hop.tolist() == [70.0]  # the bottleneck


def test_window_cuts_late_hops() -> None:
    tx = graph([(0, 1, 0, 100.0), (1, 2, 3 * DAY, 100.0), (2, 3, 9 * DAY, 100.0)])
    short = forward_paths(
        tx, index(tx), np.array([0]), TraceLimits(window_s=5 * DAY), _none(tx.n_accounts)
    )
    assert short.hops().max() == 2
    long = forward_paths(
        tx, index(tx), np.array([0]), TraceLimits(window_s=10 * DAY), _none(tx.n_accounts)
    )
    assert long.hops().max() == 3


def test_hop_limit() -> None:
    tx = graph([(i, i + 1, i * HOUR, 10.0) for i in range(8)])
    paths = forward_paths(
        tx, index(tx), np.array([0]), TraceLimits(max_hops=4), _none(tx.n_accounts)
    )
    assert paths.hops().max() == 4


def test_backward_paths_end_at_the_given_payment() -> None:
    tx = graph([(0, 1, 0, 100.0), (1, 2, HOUR, 80.0), (3, 1, 2 * HOUR, 5.0)])
    paths = backward_paths(tx, index(tx), np.array([1]), TraceLimits(), _none(tx.n_accounts))
    starts = sorted(int(tx.src[p[p >= 0][0]]) for p in paths.tx)
    assert starts == [0, 1]  # 3->1 came after 1->2, so it cannot have funded it


def test_listed_reach_and_outflow_share() -> None:
    # account 0 pays 100 to 1 who forwards 60 to listed 2; 0 also pays 300 elsewhere
    tx = graph([(0, 1, 0, 100.0), (1, 2, HOUR, 60.0), (0, 4, 0, 300.0)])
    listed = _none(tx.n_accounts)
    listed[2] = True
    reach, _ = listed_reach(tx, index(tx), listed, TraceLimits())
    assert reach.tolist()[:3] == [60.0, 60.0, 0.0]
    share = outflow_share(tx, reach)
    assert share[0] == 60.0 / 400.0
    assert share[1] == 1.0


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 6), st.integers(0, 6), st.integers(0, 50), st.floats(1, 1000)),
        min_size=1,
        max_size=30,
    )
)
def test_every_forward_path_is_time_ordered_and_connected(edges: list) -> None:
    tx = graph([(a, b, t * HOUR, amt) for a, b, t, amt in edges])
    starts = np.flatnonzero(tx.src != tx.dst).astype(np.int64)
    paths = forward_paths(tx, index(tx), starts, TraceLimits(), _none(tx.n_accounts))
    for row, amount in zip(paths.tx, paths.amount, strict=True):
        hops = row[row >= 0]
        assert np.all(np.diff(tx.ts[hops]) >= 0)
        assert np.all(tx.dst[hops[:-1]] == tx.src[hops[1:]])
        assert tx.ts[hops[-1]] - tx.ts[hops[0]] <= TraceLimits().window_s
        assert amount == tx.paid[hops].min()


def test_best_per_account_keeps_top_k_by_amount() -> None:
    tx = graph([(0, 1, 0, 10.0), (0, 2, 0, 30.0), (0, 3, 0, 20.0), (4, 1, 0, 5.0)])
    paths = forward_paths(tx, index(tx), np.arange(4), TraceLimits(), _none(tx.n_accounts))
    first, _ = path_ends(tx, paths)
    best = best_per_account(tx, paths, first, 2)
    assert sorted(paths.amount[best].tolist()) == [5.0, 20.0, 30.0]
    assert describe_path(tx, paths.tx[best[0]]) == "1/A0 -> 1/A2"
