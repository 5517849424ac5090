"""Compiled inner loop of the shortlist (``shortlist.py``), when numba is installed.

The shortlist of one query name touches a few thousand name rows through a dozen small
steps (gather the rare postings, drop repeats, take each query part's best weight per
row, test the common parts' bits, sum). In numpy each step is a call of a few
microseconds on a few thousand values, so the calls, not the values, cost most of the
time; compiled, the whole walk is one call. Results are the same to the bit: float32
maxima and sums in the same order as ``shortlist._totals``.

Without numba, :func:`compiled` gives None and the numpy path is used.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from watchline.matching.arrays import IntArray

RowSums = Callable[..., tuple[IntArray, np.ndarray]]


def _see(row: int, keys: Any, values: Any, mask: int, seen: Any, n: int) -> tuple[int, int]:
    """The position of ``row`` in ``seen``, appending it if new, and the new count.

    ``keys``/``values`` are an open-addressing table sized to this query (a few hundred
    KiB at most): it stays in the core's cache, where a table over all name rows would
    send each lookup to main memory."""
    slot = ((row * 2654435761) >> 7) & mask
    while True:
        key = keys[slot]
        if key == row:
            return values[slot], n
        if key < 0:
            keys[slot] = row
            values[slot] = n
            seen[n] = row
            return n, n + 1
        slot = (slot + 1) & mask


def _distinct(post_ptr: Any, post_rows: Any, light: Any, extra: Any) -> tuple[Any, Any]:
    """Rows of the rare parts' postings and of ``extra``, each once, in first-seen order,
    and for each rare posting read, its row's position among them."""
    size = len(extra)
    for p in light:
        size += post_ptr[p + 1] - post_ptr[p]
    capacity = 64
    while capacity < 2 * size:
        capacity *= 2
    keys = np.full(capacity, -1, dtype=np.int64)
    values = np.empty(capacity, dtype=np.int64)
    seen = np.empty(size, dtype=np.int64)
    ids = np.empty(size - len(extra), dtype=np.int64)
    n = 0
    k = 0
    for p in light:
        for j in range(post_ptr[p], post_ptr[p + 1]):
            ids[k], n = see(post_rows[j], keys, values, capacity - 1, seen, n)
            k += 1
    for row in extra:
        _, n = see(row, keys, values, capacity - 1, seen, n)
    return seen[:n], ids


def _row_sums(
    post_ptr: Any,
    post_rows: Any,
    light: Any,
    light_weights: Any,
    light_owners: Any,
    extra: Any,
    heavy: Any,
    heavy_weights: Any,
    heavy_owners: Any,
    bits: Any,
    name_len: Any,
    tie: Any,
) -> tuple[Any, Any]:
    """Distinct rows and, per row, the sum over owners (ascending) of the owner's best
    weight on that row, less ``tie`` per part of the name (see ``shortlist._totals``)."""
    seen, ids = distinct(post_ptr, post_rows, light, extra)
    n = len(seen)
    total = np.zeros(n, dtype=np.float32)
    best = np.zeros(n, dtype=np.float32)
    width = bits.shape[1]
    for owner in np.unique(np.concatenate((light_owners, heavy_owners))):
        best[:] = 0
        start = 0
        for k in range(len(light)):
            stop = start + post_ptr[light[k] + 1] - post_ptr[light[k]]
            if light_owners[k] == owner:
                w = light_weights[k]
                for j in range(start, stop):
                    best[ids[j]] = max(best[ids[j]], w)
            start = stop
        for k in range(len(heavy)):
            if heavy_owners[k] == owner:
                slot, w = heavy[k], heavy_weights[k]
                for i in range(n):
                    byte = seen[i] >> 3
                    if byte < width and (bits[slot, byte] >> (seen[i] & 7)) & 1:
                        best[i] = max(best[i], w)
        for i in range(n):
            total[i] += best[i]
    for i in range(n):
        total[i] -= tie * np.float32(name_len[seen[i]])
    return seen, total


_compiled: list[RowSums | None] = []  # filled on first use: numba takes ~0.1 s to import


def compiled() -> RowSums | None:
    """The compiled :func:`_row_sums`, or None without numba (the numpy path is used)."""
    if not _compiled:
        _compiled.append(_compile())
    return _compiled[0]


def _compile() -> RowSums | None:
    global see, distinct
    try:
        import numba
    except ImportError:  # pragma: no cover - numba is optional
        return None
    see = numba.njit(inline="always", cache=True)(_see)
    distinct = numba.njit(cache=True)(_distinct)
    out: RowSums = numba.njit(cache=True, nogil=True)(_row_sums)
    return out


see: Any = _see  # the compiled versions replace these, for the compiled callers
distinct: Any = _distinct
