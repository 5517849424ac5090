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


_HASH = -7046029254386353131  # 0x9E3779B97F4A7C15 as int64: Fibonacci hashing


def _probe(keys: Any, values: Any, codes: Any) -> Any:
    """Values stored under ``codes`` in an open-addressing table, -1.0 where absent."""
    mask = len(keys) - 1
    out = np.empty(len(codes), dtype=np.float64)
    for i in range(len(codes)):
        code = codes[i]
        slot = ((code * _HASH) >> 24) & mask
        while True:
            key = keys[slot]
            if key == code:
                out[i] = values[slot]
                break
            if key < 0:
                out[i] = -1.0
                break
            slot = (slot + 1) & mask
    return out


def _store(keys: Any, values: Any, codes: Any, sims: Any) -> int:
    """Store ``sims`` under ``codes`` (the table has room); the number of new keys."""
    mask = len(keys) - 1
    added = 0
    for i in range(len(codes)):
        code = codes[i]
        slot = ((code * _HASH) >> 24) & mask
        while keys[slot] >= 0 and keys[slot] != code:
            slot = (slot + 1) & mask
        added += keys[slot] < 0
        keys[slot] = code
        values[slot] = sims[i]
    return added


def _numpy_sum(values: Any, width: int) -> Any:
    """``values[:width].sum()`` in numpy's own order, so the float64 result is the same to
    the bit: left to right below 8 values, else 8 interleaved partial sums, then the rest
    (numpy's pairwise summation; a name has far fewer than its 128-value blocks)."""
    if width < 8:
        acc = -0.0
        for i in range(width):
            acc += values[i]
        return acc
    r = values[:8].copy()
    i = 8
    while i < width - width % 8:
        for j in range(8):
            r[j] += values[i + j]
        i += 8
    acc = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
    while i < width:
        acc += values[i]
        i += 1
    return acc


def _name_weights(name_ptr: Any, name_parts: Any, rows: Any, table: Any) -> Any:
    """Summed part weight of each name row, as ``NameIndex.name_weights`` sums it (over
    the rows padded to the longest, in numpy's order: see :func:`_numpy_sum`). Empty when
    a name has over 128 parts, whose order this does not follow: the caller uses numpy.

    The rows lie all over the index, so each step is a memory miss; every row's span is
    fetched first, in a loop of independent loads the processor can overlap."""
    n = len(rows)
    starts, stops = np.empty(n, dtype=np.int64), np.empty(n, dtype=np.int64)
    for k in range(n):
        starts[k], stops[k] = name_ptr[rows[k]], name_ptr[rows[k] + 1]
    width = 0
    for k in range(n):
        width = max(width, stops[k] - starts[k])
    out = np.empty(n if width <= 128 else 0, dtype=np.float64)
    values = np.zeros(max(width, 8), dtype=np.float64)
    for k in range(len(out)):
        if width < 8:  # left to right, as numpy; the padding adds +0.0 to a positive sum
            acc = -0.0
            for j in range(starts[k], stops[k]):
                acc += table[name_parts[j]]
            out[k] = acc
            continue
        values[:] = 0.0
        for j in range(stops[k] - starts[k]):
            values[j] = table[name_parts[starts[k] + j]]
        out[k] = numpy_sum(values, width)
    return out


def _align(sims: Any, steps: int) -> tuple[Any, Any, Any]:
    """``align.align``'s greedy pairing, candidate by candidate: at each step the first
    largest positive similarity (in row-major order, as ``argmax``) among the parts not
    yet paired. Returns the query part, listed part and similarity of each pair (-1, -1,
    0 where none), as the numpy loop does over the whole (K, m, n) tensor."""
    k, m, n = sims.shape
    qi = np.full((k, steps), -1, dtype=np.int64)
    cj = np.full((k, steps), -1, dtype=np.int64)
    ps = np.zeros((k, steps), dtype=np.float64)
    row_free = np.empty(m, dtype=np.bool_)
    col_free = np.empty(n, dtype=np.bool_)
    for r in range(k):
        row_free[:] = True
        col_free[:] = True
        for step in range(steps):
            best, bi, bj = 0.0, -1, -1
            for i in range(m):
                if row_free[i]:
                    for j in range(n):
                        if col_free[j] and sims[r, i, j] > best:
                            best, bi, bj = sims[r, i, j], i, j
            if bi < 0:
                break
            qi[r, step], cj[r, step], ps[r, step] = bi, bj, best
            row_free[bi] = False
            col_free[bj] = False
    return qi, cj, ps


class Compiled:
    """The compiled kernels, where numba is installed."""

    __slots__ = ("align", "name_weights", "probe", "row_sums", "store")

    def __init__(self, numba: Any) -> None:
        self.row_sums: RowSums = numba.njit(cache=True, nogil=True)(_row_sums)
        self.probe: Callable[..., np.ndarray] = numba.njit(cache=True)(_probe)
        self.store: Callable[..., int] = numba.njit(cache=True)(_store)
        self.name_weights: Callable[..., np.ndarray] = numba.njit(cache=True)(_name_weights)
        self.align: Callable[..., tuple[IntArray, IntArray, np.ndarray]] = numba.njit(cache=True)(
            _align
        )


_compiled: list[Compiled | None] = []  # filled on first use: numba takes ~0.1 s to import


def compiled() -> RowSums | None:
    """The compiled :func:`_row_sums`, or None without numba (the numpy path is used)."""
    found = kernels()
    return found.row_sums if found is not None else None


def kernels() -> Compiled | None:
    """Every compiled kernel, or None without numba (callers then use numpy or dicts)."""
    if not _compiled:
        _compiled.append(_compile())
    return _compiled[0]


def _compile() -> Compiled | None:
    global see, distinct, numpy_sum
    try:
        import numba
    except ImportError:  # pragma: no cover - numba is optional
        return None
    see = numba.njit(inline="always", cache=True)(_see)
    distinct = numba.njit(cache=True)(_distinct)
    numpy_sum = numba.njit(inline="always", cache=True)(_numpy_sum)
    return Compiled(numba)


see: Any = _see  # the compiled versions replace these, for the compiled callers
distinct: Any = _distinct
numpy_sum: Any = _numpy_sum
