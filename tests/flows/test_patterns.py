"""Each laundering pattern on a small graph where the answer is known, plus a negative."""

from __future__ import annotations

import numpy as np

from tests.flows.conftest import DAY, HOUR, PARAMS, accounts_of, graph, index
from watchline.flows import patterns
from watchline.flows.params import CycleParams, FanParams

BIG = 5_000.0


def test_fan_out_flags_payer_and_new_payees() -> None:
    tx = graph([(0, i, i * HOUR, BIG) for i in range(1, 7)])
    found = patterns.fan_out(tx, index(tx), PARAMS.fan)
    assert accounts_of(found.accounts) == set(range(7))
    assert len(found.tx) == 6


def test_fan_out_needs_enough_parties_inside_the_window() -> None:
    tx = graph([(0, i, i * DAY, BIG) for i in range(1, 7)])  # one payee a day
    assert len(patterns.fan_out(tx, index(tx), PARAMS.fan).tx) == 0


def test_fan_out_ignores_small_payments_and_payroll_batches() -> None:
    small = graph([(0, i, i * HOUR, 50.0) for i in range(1, 7)])
    assert len(patterns.fan_out(small, index(small), PARAMS.fan).tx) == 0
    batch = graph([(0, i, 9 * HOUR, BIG) for i in range(1, 7)])  # one payroll file
    assert len(patterns.fan_out(batch, index(batch), PARAMS.fan).tx) == 0


def test_fan_in_is_the_mirror_image() -> None:
    tx = graph([(i, 0, i * HOUR, BIG) for i in range(1, 7)])
    assert accounts_of(patterns.fan_in(tx, index(tx), PARAMS.fan).accounts) == set(range(7))
    assert len(patterns.fan_out(tx, index(tx), PARAMS.fan).tx) == 0


def test_hubs_are_left_out() -> None:
    tx = graph([(0, i, i * 60, BIG) for i in range(1, 80)])
    idx = index(tx, hub_degree=60)
    assert idx.hub[0]
    assert len(patterns.fan_out(tx, idx, FanParams()).tx) == 0


def test_cycle_found_when_time_ordered() -> None:
    tx = graph([(0, 1, 0, BIG), (1, 2, HOUR, BIG), (2, 3, 2 * HOUR, BIG), (3, 0, 3 * HOUR, BIG)])
    found = patterns.cycles(tx, index(tx), PARAMS.cycle)
    assert accounts_of(found.accounts) == {0, 1, 2, 3}
    assert len(found.tx) == 4


def test_cycle_not_found_when_a_hop_goes_back_in_time() -> None:
    tx = graph([(0, 1, 0, BIG), (1, 2, 2 * HOUR, BIG), (2, 0, HOUR, BIG)])
    assert len(patterns.cycles(tx, index(tx), PARAMS.cycle).tx) == 0


def test_cycle_not_found_beyond_the_window() -> None:
    tx = graph([(0, 1, 0, BIG), (1, 2, 3 * DAY, BIG), (2, 0, 6 * DAY, BIG)])
    assert len(patterns.cycles(tx, index(tx), CycleParams(window_s=5 * DAY)).tx) == 0


def test_two_party_round_trip_is_not_a_cycle() -> None:
    tx = graph([(0, 1, 0, BIG), (1, 0, HOUR, BIG)])
    assert len(patterns.cycles(tx, index(tx), PARAMS.cycle).tx) == 0


def test_scatter_gather() -> None:
    edges = [(0, m, m * HOUR, BIG) for m in (1, 2, 3)]
    edges += [(m, 9, 10 * HOUR + m, BIG) for m in (1, 2, 3)]
    tx = graph(edges)
    found = patterns.scatter_gather(tx, index(tx), PARAMS.spread)
    assert accounts_of(found.accounts) == {0, 1, 2, 3, 9}
    assert len(found.tx) == 6


def test_scatter_gather_needs_order_in_time() -> None:
    edges = [(0, m, 10 * HOUR + m, BIG) for m in (1, 2, 3)]
    edges += [(m, 9, m * HOUR, BIG) for m in (1, 2, 3)]  # paid on before being paid
    tx = graph(edges)
    assert len(patterns.scatter_gather(tx, index(tx), PARAMS.spread).tx) == 0


def test_gather_scatter() -> None:
    edges = [(i, 0, i * HOUR, BIG) for i in range(1, 6)]
    edges += [(0, j, 10 * HOUR + j * HOUR, BIG) for j in range(6, 11)]
    tx = graph(edges)
    idx = index(tx)
    f_in, f_out = patterns.fan_in(tx, idx, PARAMS.fan), patterns.fan_out(tx, idx, PARAMS.fan)
    found = patterns.gather_scatter(f_in, f_out, tx, PARAMS.fan.window_s)
    assert accounts_of(found.accounts) == set(range(11))


def test_bipartite_block() -> None:
    tx = graph([(a, b, (a * 3 + b) * HOUR, BIG) for a in (0, 1) for b in (2, 3, 4)])
    found = patterns.bipartite(tx, index(tx), PARAMS.spread)
    assert accounts_of(found.accounts) == {0, 1, 2, 3, 4}
    assert len(found.tx) == 6


def test_single_payer_is_not_a_bipartite_block() -> None:
    tx = graph([(0, b, b * HOUR, BIG) for b in (2, 3, 4)])
    assert len(patterns.bipartite(tx, index(tx), PARAMS.spread).tx) == 0


def test_stack_of_two_blocks() -> None:
    first = [(a, b, HOUR * (a + b), BIG) for a in (0, 1) for b in (2, 3)]
    second = [(b, c, DAY + HOUR * (b + c), BIG) for b in (2, 3) for c in (4, 5)]
    tx = graph(first + second)
    block = patterns.bipartite(tx, index(tx), PARAMS.spread)
    found = patterns.stack(block, tx, PARAMS.spread)
    assert accounts_of(found.accounts) == set(range(6))
    assert np.all(np.isin(np.arange(8), found.tx))
