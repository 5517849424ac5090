"""Vectorised string comparison helpers shared by the part-similarity views."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rapidfuzz.distance import OSA
from rapidfuzz.process import cpdist


def objects(values: Sequence[object]) -> np.ndarray:
    """A 1-D object array (numpy would make a 2-D array of equal-length tuples)."""
    out = np.empty(len(values), dtype=object)
    out[:] = list(values)
    return out


PARALLEL_PAIRS = 10**9  # above this many pairs rapidfuzz uses every core (GIL released)


def lev(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Normalised OSA similarity of ``a[k]`` and ``b[k]`` for every k, in one C++ call."""
    workers = -1 if len(a) > PARALLEL_PAIRS else 1
    out: np.ndarray = cpdist(
        a, b, scorer=OSA.normalized_similarity, dtype=np.float32, workers=workers
    )
    return out
