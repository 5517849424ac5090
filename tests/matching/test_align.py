"""Order-free part alignment: what unpaired parts cost."""

from __future__ import annotations

import numpy as np

from watchline.matching.align import align


def _score(sims: list[list[float]]) -> float:
    matrix = np.array([sims], dtype=np.float64)
    _, m, n = matrix.shape
    ones_q, ones_c = np.ones((1, m)), np.ones((1, n))
    return float(align(matrix, ones_q, ones_c, ones_q, ones_c).scores[0])


def test_order_does_not_matter() -> None:
    assert _score([[0.0, 1.0], [1.0, 0.0]]) == _score([[1.0, 0.0], [0.0, 1.0]]) == 1.0


def test_fuller_query_costs_less_than_a_different_part() -> None:
    """Query "Laurent Nkunda Batware" against "Laurent Nkunda": every listed part is paired,
    so the extra query part is a fuller form, not a conflicting name."""
    fuller = _score([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]])
    conflicting = _score([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]])
    assert fuller > conflicting
    assert fuller > 0.84  # enough for a hit on the name alone


def test_one_shared_part_is_not_a_match() -> None:
    """Query "Salim Saleh" against "Salim Kony": one pair, one part left on each side."""
    assert _score([[1.0, 0.0], [0.0, 0.0]]) < 0.6
