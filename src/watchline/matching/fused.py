"""The whole shortlist of one query name in two compiled calls, when numba is installed.

``shortlist.shortlist`` and ``shortlist.finish`` glue a dozen numpy steps around the
compiled row sums: pick the rare parts to read, the heads of the common ones, the pair
postings, then sort, mask and weigh the preselected rows. Each step is a numpy call of a
few microseconds on a few dozen values, and at a million entities that glue cost more
than the row sums themselves. Here the same steps run compiled, in the same order and
with the same arithmetic, so the rows are the same to the bit; only the two partial
sorts (``np.argpartition``, whose choice among ties the results depend on) stay in numpy.

Used only while the index has no unmerged additions (``usable``); otherwise, and without
numba, the numpy path of ``shortlist.py`` runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from watchline.matching import kernels
from watchline.matching.arrays import IntArray

if TYPE_CHECKING:
    from watchline.matching.index import NameIndex

Fused = tuple[Callable[..., tuple[IntArray, np.ndarray]], Callable[..., Any]]


def _light(parts: Any, owners: Any, slots: Any, df: Any, budget: int) -> Any:
    """Rare parts to read, rarest first within ``budget``, then grouped by owner (as
    ``shortlist._light``: stable sorts, so the order is the same)."""
    light = np.flatnonzero(slots < 0)
    rare_df = df[parts[light]]
    if rare_df.sum() > budget:
        order = np.argsort(rare_df, kind="mergesort")
        light = light[order[np.cumsum(rare_df[order]) <= budget]]
    return light[np.argsort(owners[light], kind="mergesort")]


def _extra(
    parts: Any, weights: Any, owners: Any, slots: Any, heavy: Any, index: Any, max_pairs: int
) -> Any:
    """Heads of the common parts, then their pair postings, weightiest pairs first (as
    ``shortlist.shortlist`` and ``shortlist._pairs``); ``index`` holds the CSR arrays."""
    head_ptr, head_rows, codes, pair_ptr, pair_rows = index
    size = 0
    for s in slots[heavy]:
        size += head_ptr[s + 1] - head_ptr[s]
    spans = []
    for s in slots[heavy]:
        spans.append((head_ptr[s], head_ptr[s + 1], 0))
    ranked = heavy[np.argsort(-weights[heavy], kind="mergesort")]
    tried = 0
    for i in range(len(ranked)):
        for j in range(i + 1, len(ranked)):
            a, b = ranked[i], ranked[j]
            if owners[a] == owners[b] or tried >= max_pairs:
                continue
            tried += 1
            code = (min(parts[a], parts[b]) << 32) | max(parts[a], parts[b])
            at = np.searchsorted(codes, code)
            if at < len(codes) and codes[at] == code:
                spans.append((pair_ptr[at], pair_ptr[at + 1], 1))
                size += pair_ptr[at + 1] - pair_ptr[at]
    out = np.empty(size, dtype=np.int64)
    k = 0
    for start, stop, kind in spans:
        source = head_rows if kind == 0 else pair_rows
        out[k : k + stop - start] = source[start:stop]
        k += stop - start
    return out


def _shortlist(
    parts: Any,
    weights: Any,
    owners: Any,
    slot_of: Any,
    df: Any,
    csr: Any,
    extra_index: Any,
    bits: Any,
    name_len: Any,
    tie: Any,
    budget: int,
    max_pairs: int,
) -> Any:
    """Distinct candidate rows and their rarity totals (``shortlist.shortlist`` before
    its preselection). ``csr`` is (post_ptr, post_rows)."""
    slots = slot_of[parts].astype(np.int64)
    light = light_parts(parts, owners, slots, df, budget)
    heavy = np.flatnonzero(slots >= 0)
    extra = extra_rows(parts, weights, owners, slots, heavy, extra_index, max_pairs)
    return row_sums(
        csr[0],
        csr[1],
        parts[light],
        weights[light],
        owners[light],
        extra,
        slots[heavy],
        weights[heavy],
        owners[heavy],
        bits,
        name_len,
        tie,
    )


def _finish(
    rows: Any,
    totals: Any,
    allowed: Any,
    tables: Any,
    part_weights: Any,
    penalty: float,
) -> tuple[Any, Any]:
    """Preselected rows sorted, live and of an allowed schema, with their rank (as
    ``shortlist.finish`` for distinct rows: totals less ``penalty`` times the rarity of
    the name the query did not match). ``tables``: name_entity, alive, schema, name_ptr,
    name_parts."""
    name_entity, alive, schema, name_ptr, name_parts = tables
    order = np.argsort(rows)
    rows, totals = rows[order], totals[order]
    entity = np.empty(len(rows), dtype=np.int64)
    for i in range(len(rows)):  # independent loads first: their memory misses overlap
        entity[i] = name_entity[rows[i]]
    keep = np.zeros(len(rows), dtype=np.bool_)
    for i in range(len(rows)):
        keep[i] = alive[entity[i]] and allowed[schema[entity[i]]]
    rows, totals = rows[keep], totals[keep]
    sums = name_weights(name_ptr, name_parts, rows, part_weights)
    rank = np.empty(len(sums), dtype=np.float64)  # empty: a name too long, numpy's turn
    for i in range(len(sums)):
        unmatched = max(sums[i] - np.float64(totals[i]), 0.0)
        rank[i] = np.float64(totals[i]) - penalty * unmatched
    return rows, rank


_compiled: list[Fused | None] = []


def compiled() -> Fused | None:
    """The compiled shortlist and finish, or None without numba."""
    if not _compiled:
        _compiled.append(_compile())
    return _compiled[0]


def _compile() -> Fused | None:
    global row_sums, name_weights, extra_rows, light_parts
    found = kernels.kernels()
    if found is None:
        return None
    import numba

    row_sums, name_weights = found.row_sums, found.name_weights
    extra_rows = numba.njit(cache=True)(_extra)
    light_parts = numba.njit(cache=True)(_light)
    shortlist = numba.njit(cache=True)(_shortlist)
    finish = numba.njit(cache=True)(_finish)
    return shortlist, finish


def usable(index: NameIndex, parts: IntArray) -> bool:
    """Whether the compiled path sees everything: no additions since the last merge."""
    limit = min(len(index.post_ptr) - 1, len(index.common.slot))
    return (
        not index.delta and not index.pairs.delta and (not len(parts) or int(parts.max()) < limit)
    )


row_sums: Any = None  # set to the compiled kernels before compiling (numba resolves globals)
name_weights: Any = None
extra_rows: Any = _extra
light_parts: Any = _light
