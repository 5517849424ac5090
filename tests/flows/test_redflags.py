"""Terrorist-financing red flags on graphs where the answer is known."""

from __future__ import annotations

import numpy as np

from tests.flows.conftest import DAY, HOUR, PARAMS, accounts_of, graph, index
from watchline.flows import redflags


def test_collector_pools_small_gifts_and_forwards_most() -> None:
    gifts = [(i, 0, i * HOUR, 100.0) for i in range(1, 11)]
    tx = graph([*gifts, (0, 50, 20 * HOUR, 900.0)])
    toward = np.zeros(len(tx), dtype=np.bool_)
    toward[-1] = True
    found, share = redflags.collectors(tx, index(tx), PARAMS.collector, toward)
    assert accounts_of(found.accounts) == {0}
    assert len(found.tx) == 11
    assert share[0] == 1.0


def test_collector_that_keeps_the_money_is_not_flagged() -> None:
    tx = graph([*[(i, 0, i * HOUR, 100.0) for i in range(1, 11)], (0, 50, 20 * HOUR, 100.0)])
    toward = np.zeros(len(tx), dtype=np.bool_)
    found, _ = redflags.collectors(tx, index(tx), PARAMS.collector, toward)
    assert len(found.accounts) == 0


def test_shop_takings_are_not_donations() -> None:
    edges = [*[(i, 0, i * HOUR, 100.0) for i in range(1, 11)], (0, 50, 20 * HOUR, 900.0)]
    tx = graph(edges, fmt=["Credit Card"] * 10 + ["Wire"])
    found, _ = redflags.collectors(tx, index(tx), PARAMS.collector, np.zeros(11, dtype=bool))
    assert len(found.accounts) == 0


def test_structuring_below_threshold() -> None:
    deposits = [(1, 1, d * DAY, 9_500.0) for d in range(3)]
    tx = graph(deposits, fmt=["Cash"] * 3)
    found = redflags.structuring(tx, index(tx), PARAMS.structuring)
    assert accounts_of(found.accounts) == {1}
    assert len(found.tx) == 3


def test_deposits_at_or_above_threshold_are_not_structuring() -> None:
    tx = graph([(1, 1, d * DAY, 10_000.0) for d in range(3)], fmt=["Cash"] * 3)
    assert len(redflags.structuring(tx, index(tx), PARAMS.structuring).tx) == 0
    wires = graph([(1, 1, d * DAY, 9_500.0) for d in range(3)], fmt=["Wire"] * 3)
    assert len(redflags.structuring(wires, index(wires), PARAMS.structuring).tx) == 0


def test_pass_through_mule() -> None:
    edges = [
        (5, 1, 0, 3000.0),
        (1, 9, 2 * HOUR, 2900.0),
        (6, 1, DAY, 4000.0),
        (1, 9, DAY + HOUR, 3900.0),
    ]
    tx = graph(edges)
    found = redflags.pass_through(tx, index(tx), PARAMS.pass_through)
    assert accounts_of(found.accounts) == {1}
    assert len(found.tx) == 4


def test_slow_or_partial_forwarding_is_not_a_mule() -> None:
    slow = graph(
        [(5, 1, 0, 3000.0), (1, 9, 5 * DAY, 2900.0), (6, 1, DAY, 4000.0), (1, 9, 7 * DAY, 3900.0)]
    )
    assert len(redflags.pass_through(slow, index(slow), PARAMS.pass_through).accounts) == 0
    partial = graph(
        [(5, 1, 0, 3000.0), (1, 9, HOUR, 500.0), (6, 1, DAY, 4000.0), (1, 9, DAY + HOUR, 600.0)]
    )
    assert len(redflags.pass_through(partial, index(partial), PARAMS.pass_through).accounts) == 0


def test_payments_into_associates() -> None:
    tx = graph([(0, 1, 0, 10.0), (1, 2, HOUR, 10.0), (3, 4, 0, 10.0)])
    marked = np.zeros(tx.n_accounts, dtype=np.bool_)
    marked[1] = True
    found = redflags.touching(tx, "associate", marked, inbound_only=True)
    assert found.tx.tolist() == [0]
    assert accounts_of(found.accounts) == {1}
