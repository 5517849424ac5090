"""The shortlist of a query name when some of its similar listed parts are common.

``NameIndex.rows_for_parts`` ranks name rows by the summed rarity of the query parts they
hold. Reading every posting list of a query that holds "Mohammed" means scattering a
hundred thousand rows that cannot make the shortlist. Here the postings of *rare* parts
are read in full, while each *common* part (``common.py``) contributes only

* its bit test, applied to every row found otherwise (so those rows get their exact sum),
* its ``HEAD`` shortest names (the best names that hold this part and nothing rarer),
* the pair postings with the common parts of the other query parts.

A name found none of these ways holds no rare part and common parts of one query part
only, so at least ``HEAD`` shortlisted names score as much: the ``PRESELECT x limit`` best
rows are those of a full read (up to ties), read at the cost of the rare postings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from watchline.matching import fused, kernels
from watchline.matching.arrays import IntArray, true_at
from watchline.matching.common import HEAD

if TYPE_CHECKING:
    from watchline.matching.index import NameIndex

PRESELECT = 8  # rows ranked by matched rarity alone, per candidate returned
UNMATCHED_PENALTY = 0.3  # share of a listed name's unmatched rarity taken off its rank
HARD_BUDGET = 200_000  # rare postings read at most
MAX_PAIRS = 24  # pair postings read at most (commonest pairs are rarest to matter)
TIE_BREAK = np.float32(1e-3)  # per part: ties (common names) go to the shorter name
_EMPTY: IntArray = np.zeros(0, dtype=np.int64)


def applies(index: NameIndex, limit: int) -> bool:
    """Whether the index is large enough to have common parts, and the heads are long
    enough for ``limit``. Then every query name is shortlisted here: with no common part
    among its similar parts this is a full read of their postings (within
    ``HARD_BUDGET``), which the budgeted read of ``budgeted.py`` only approaches.
    Small indexes keep that read, which gives the same rows but for ties."""
    return len(index.common) > 0 and PRESELECT * limit <= HEAD


def shortlist(
    index: NameIndex,
    parts: IntArray,
    weights: np.ndarray,
    owners: IntArray,
    slots: np.ndarray,
    limit: int,
) -> tuple[IntArray, np.ndarray]:
    """The ``PRESELECT * limit`` best rows and their rarity totals (see module docstring).

    ``weights`` (float32) is each listed part's weight for its query part ``owners``;
    ``slots`` its common-part slot (-1: a rare part, read in full).
    """
    light = _light(index, parts, owners, slots)
    heavy = true_at(slots >= 0)
    found = [index.common.head(s) for s in slots[heavy].tolist()]
    found += [index.delta_rows(int(p)) for p in parts[heavy].tolist()]
    found += _pairs(index, parts, weights, owners, heavy)
    row_sums = kernels.compiled()
    if row_sums is not None and not _in_delta(index, parts[light]):
        seen, totals = row_sums(
            index.post_ptr,
            index.post_rows,
            parts[light],
            weights[light],
            owners[light],
            np.concatenate(found) if found else _EMPTY,
            slots[heavy].astype(np.int64),
            weights[heavy],
            owners[heavy],
            index.common.bits,
            index.name_len.view,
            TIE_BREAK,
        )
    else:
        rows, lengths = index.gather(parts[light])
        seen, ids = _compact(index, np.concatenate([rows, *found]))
        read = (ids[: len(rows)], lengths, light)
        totals = _totals(index, seen, read, heavy, weights, owners, slots)
    keep = PRESELECT * limit
    if len(seen) > keep:
        top = np.argpartition(-totals, keep - 1)[:keep]
        seen, totals = seen[top], totals[top]
    return seen, totals


def _in_delta(index: NameIndex, parts: IntArray) -> bool:
    """Whether some of these parts have postings not yet merged (the kernel reads the CSR
    only) or lie beyond it."""
    if not len(parts):
        return False
    if int(parts.max()) + 1 >= len(index.post_ptr):
        return True
    return bool(index.delta) and any(p in index.delta for p in parts.tolist())


def _light(index: NameIndex, parts: IntArray, owners: IntArray, slots: np.ndarray) -> IntArray:
    """Rare parts to read, rarest first within ``HARD_BUDGET``, then grouped by owner."""
    light = true_at(slots < 0)
    df = index.df.view[parts[light]]
    if int(df.sum()) > HARD_BUDGET:
        order = np.argsort(df, kind="stable")
        light = light[order[np.cumsum(df[order]) <= HARD_BUDGET]]
    out: IntArray = light[owners[light].argsort(kind="stable")]
    return out


def _pairs(
    index: NameIndex, parts: IntArray, weights: np.ndarray, owners: IntArray, heavy: IntArray
) -> list[IntArray]:
    """Rows holding common parts of two different query parts, weightiest pairs first."""
    heavy = heavy[np.argsort(-weights[heavy], kind="stable")].tolist()
    found: list[IntArray] = []
    for i, a in enumerate(heavy):
        for b in heavy[i + 1 :]:
            if owners[a] != owners[b] and len(found) < MAX_PAIRS:
                found.append(index.pairs.lookup(int(parts[a]), int(parts[b])))
    return found


def _compact(index: NameIndex, found: IntArray) -> tuple[IntArray, IntArray]:
    """The distinct rows of ``found`` and, per entry of ``found``, its row's position among
    them: the sums are then taken over a small dense array, not the whole index."""
    stamp = index.stamps()
    positions = np.arange(len(found), dtype=np.int32)
    stamp[found[::-1]] = positions[::-1]  # the first occurrence is written last
    seen = found[stamp[found] == positions]  # in first-seen order, as the kernel
    stamp[seen] = np.arange(len(seen), dtype=np.int32)
    ids: IntArray = stamp[found]
    return seen, ids


def _totals(
    index: NameIndex,
    seen: IntArray,
    read: tuple[IntArray, IntArray, IntArray],
    heavy: IntArray,
    weights: np.ndarray,
    owners: IntArray,
    slots: np.ndarray,
) -> np.ndarray:
    """Per seen row: the sum over query parts of its best listed part's weight, less the
    length tie-break. ``read`` holds the rare rows (as positions in ``seen``), their count
    per part and the parts (grouped by owner); query parts are summed in owner order, as
    ``budgeted._top_rows`` does, so the float32 sums are the same."""
    ids, lengths, light = read
    total = np.zeros(len(seen), dtype=np.float32)
    ends = np.cumsum(lengths).tolist()
    spans: dict[int, list[int]] = {}  # owner -> [first, last] position in ``light``
    for i, owner in enumerate(owners[light].tolist()):
        spans.setdefault(owner, [i, i])[1] = i
    common: dict[int, list[int]] = {}
    for k, owner in zip(heavy.tolist(), owners[heavy].tolist(), strict=True):
        common.setdefault(owner, []).append(k)
    probe = _Probe(index, seen)
    for owner in sorted(spans.keys() | common.keys()):
        first, last = spans.get(owner, (0, -1))
        span = ids[ends[first] - int(lengths[first]) : ends[last]] if last >= 0 else ids[:0]
        mine = light[first : last + 1]
        if len(mine) == 1 and owner not in common:  # one listed part: distinct rows
            total[span] += weights[mine[0]]
            continue
        best = np.zeros(len(seen), dtype=np.float32)
        if len(mine) == 1:
            best[span] = weights[mine[0]]
        elif len(mine):
            np.maximum.at(best, span, np.repeat(weights[mine], lengths[first : last + 1]))
        for k in common.get(owner, ()):
            np.maximum(best, np.where(probe.holding(int(slots[k])), weights[k], 0), out=best)
        total += best
    out: np.ndarray = total - TIE_BREAK * index.name_len.view[seen]
    return out


class _Probe:
    """Bit tests of the seen rows, with the byte and bit of each row computed once."""

    __slots__ = ("bit", "byte", "common")

    def __init__(self, index: NameIndex, seen: IntArray) -> None:
        self.common = index.common
        self.byte, self.bit = seen >> 3, (seen & 7).astype(np.uint8)

    def holding(self, slot: int) -> np.ndarray:
        return self.common.holding(slot, self.byte, self.bit)


def finish(
    index: NameIndex,
    rows: IntArray,
    totals: np.ndarray,
    allowed: np.ndarray,
    limit: int,
    distinct: bool = False,
) -> IntArray:
    """Preselected rows to the ``limit`` best live ones of an allowed schema.

    Beyond ``limit``, a listed name's rarity the query did not match lowers its rank.
    ``distinct``: the rows hold no repeats (as from :func:`shortlist`).
    """
    if distinct:  # sorted as np.unique would, without its bookkeeping
        order = rows.argsort()
        rows, totals = rows[order], totals[order]
    else:
        rows, first = np.unique(rows, return_index=True)
        totals = totals[first]
    entity = index.name_entity.view[rows]
    ok = index.alive.view[entity] & allowed[index.schema.view[entity]]
    rows, totals = rows[ok], totals[ok]
    if len(rows) > limit:
        unmatched = np.maximum(index.name_weights(rows) - totals, 0.0)
        totals = totals - UNMATCHED_PENALTY * unmatched
        rows = rows[np.argpartition(-totals, limit - 1)[:limit]]
    out: IntArray = rows.astype(np.int64)
    return out


def compiled_rows(
    index: NameIndex,
    parts: IntArray,
    weights: np.ndarray,
    owners: IntArray,
    allowed: np.ndarray,
    limit: int,
) -> IntArray | None:
    """:func:`shortlist` then :func:`finish` (distinct rows) through the fused kernels of
    ``fused.py``: the same rows, without the numpy glue. None where they do not apply
    (no numba, or additions not yet merged): the caller takes the numpy path."""
    found = fused.compiled()
    if found is None or not fused.usable(index, parts):
        return None
    run, finish_compiled = found
    common, pairs = index.common, index.pairs
    seen, totals = run(
        parts,
        weights,
        owners,
        common.slot,
        index.df.view,
        (index.post_ptr, index.post_rows),
        (common.head_ptr, common.head_rows, pairs.codes, pairs.ptr, pairs.rows),
        common.bits,
        index.name_len.view,
        TIE_BREAK,
        HARD_BUDGET,
        MAX_PAIRS,
    )
    keep = PRESELECT * limit
    if len(seen) > keep:
        top = np.argpartition(-totals, keep - 1)[:keep]
        seen, totals = seen[top], totals[top]
    tables = (index.name_entity, index.alive, index.schema, index.name_ptr, index.name_parts)
    views = tuple(t.view for t in tables)
    rows, rank = finish_compiled(
        seen, totals, allowed, views, index.weight_table(), UNMATCHED_PENALTY
    )
    if len(rank) != len(rows):  # a name of over 128 parts: numpy sums it
        return finish(index, seen, totals, allowed, limit, distinct=True)
    if len(rows) > limit:
        rows = rows[np.argpartition(-rank, limit - 1)[:limit]]
    out: IntArray = rows
    return out
