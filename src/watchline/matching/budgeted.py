"""The budgeted read of the postings, for indexes too small to have common parts.

Postings are read rarest first while the total stays under ``POSTING_BUDGET`` (the rarest
part is always read, up to ``HARD_BUDGET``). The best part of a query part left unread is
*probed* instead: the rows already read are looked up in its sorted postings, so names
holding two common parts still rank first without reading either common list in full;
names made only of unread common parts come from the pair postings (``pairs.py``).

Larger indexes use ``shortlist.py`` instead (see ``NameIndex.rows_for_parts``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from watchline.matching.arrays import IntArray, first_of_runs
from watchline.matching.pairs import COMMON_DF
from watchline.matching.shortlist import HARD_BUDGET, PRESELECT, TIE_BREAK, finish

if TYPE_CHECKING:
    from watchline.matching.index import NameIndex

POSTING_BUDGET = 60_000  # postings read per query name before fuzzy neighbours are skipped
_EMPTY: IntArray = np.zeros(0, dtype=np.int64)
# per query part: rows read, their weights, whether from one listed part (hence distinct),
# its best listed part when that was not read in full (else -1), and that part's weight
Group = tuple[IntArray, np.ndarray, bool, int, float]


def budgeted_rows(
    index: NameIndex,
    parts: IntArray,
    sims: np.ndarray,
    owners: IntArray,
    weights: np.ndarray,
    allowed: np.ndarray,
    limit: int,
) -> IntArray:
    """The ``limit`` best rows (see ``NameIndex.rows_for_parts``), reading within budget."""
    df = index.df.view[parts]
    order = np.argsort(df, kind="stable")
    keep = order[np.cumsum(df[order]) <= POSTING_BUDGET]
    if not len(keep):
        keep = order[:1]
    best = np.lexsort((-df, -sims, owners))  # ties: the commoner spelling is probed
    best = best[first_of_runs(owners[best])]
    groups: list[Group] = []
    budget = HARD_BUDGET
    for b in best.tolist():  # one group per query part, its rarer listed parts read
        mine = keep[owners[keep] == owners[b]]
        rows, lengths = index.gather(parts[mine])
        probe = int(parts[b]) if b not in keep else -1
        kept = np.repeat(weights[mine], lengths)[:budget]
        groups.append((rows[:budget], kept, len(mine) == 1, probe, float(weights[b])))
        budget = max(0, budget - len(rows))
    unread = [int(parts[b]) for b in best.tolist() if b not in keep]
    return _top_rows(index, groups, _pair_rows(index, unread), allowed, limit)


def _pair_rows(index: NameIndex, unread: list[int]) -> IntArray:
    """Names holding two of the common parts left unread (scored by the probes alone)."""
    common = [p for p in unread if index.df.data[p] >= COMMON_DF][:4]
    found = [index.pairs.lookup(a, b) for i, a in enumerate(common) for b in common[i + 1 :]]
    return np.concatenate(found)[:HARD_BUDGET] if found else _EMPTY


def _top_rows(
    index: NameIndex, groups: list[Group], extra: IntArray, allowed: np.ndarray, limit: int
) -> IntArray:
    """Score name rows by the weight of the query parts they hold, keep the best.

    ``groups`` holds, per query part, the rows read and their weights, and its best
    listed part when that was not read (a *probe*), with its weight; ``extra`` rows were
    found otherwise (pair postings). Each query part counts once per row, at its
    best-matching listed part (a name holding "Sejbuk" and its misspelling "Seejbuk"
    must not outrank one holding "Pimenovich Sejbuk"). Sums go
    through reusable dense buffers: no sort over rows.
    """
    best, total = index.buffers()
    rows = np.concatenate([g[0] for g in groups] + [extra])
    for token_rows, weights, distinct, probe, weight in groups:
        hit = _holding(index, rows, probe) if probe >= 0 else _EMPTY
        if distinct and not len(hit):
            total[token_rows] += weights
            continue
        if distinct:  # one listed part: its rows are distinct, plain assignment will do
            best[token_rows] = weights
        else:
            np.maximum.at(best, token_rows, weights)
        if len(hit):
            best[hit] = np.maximum(best[hit], np.float32(weight))
            token_rows = np.concatenate([token_rows, hit])
        total[token_rows] += best[token_rows]  # fancy += adds once per distinct row
        best[token_rows] = 0.0
    # ties (common names) go to the shorter name: fewer unmatched parts to pay for
    totals = total[rows] - TIE_BREAK * index.name_len.view[rows]
    total[rows] = 0.0
    if len(rows) > PRESELECT * limit:
        top = np.argpartition(-totals, PRESELECT * limit - 1)[: PRESELECT * limit]
        rows, totals = rows[top], totals[top]
    return finish(index, rows, totals, allowed, limit)


def _holding(index: NameIndex, rows: IntArray, part: int) -> IntArray:
    """The rows holding a part: each looked up in the part's sorted postings."""
    postings = index.postings(part)
    if not len(postings):
        return _EMPTY
    found = np.searchsorted(postings, rows).clip(max=len(postings) - 1)
    out: IntArray = rows[postings[found] == rows]
    return out
