"""Pair postings: the names that hold two given *common* parts.

A query made only of common parts ("Harion Glonek", "Mohammed Ali") cannot afford to read
the postings of any of its parts in full: each may list a tenth of the registry. The index
then reads rarer fuzzy neighbours first and only *probes* the common parts, so a listed
name made of exactly those common parts is never read. Keying names also by each unordered
pair of their common parts gives that name a short posting list of its own: the names
holding both "harion" and "glonek" are a few thousand, not a few hundred thousand.

Only parts with a document frequency of at least ``COMMON_DF`` (judged when the postings
are built) form pairs, and only the first ``MAX_PARTS`` common parts of a name, so the
table stays a fraction of the part postings.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np

from watchline.matching.arrays import IntArray, csr_from_pairs

COMMON_DF = 1_000  # parts at least this frequent are paired
MAX_PARTS = 6  # common parts of one name considered for pairs (15 pairs at most)


def pair_code(a: IntArray | int, b: IntArray | int) -> IntArray:
    """One int64 per unordered pair of part ids (ids stay below 2**31)."""
    low, high = np.minimum(a, b), np.maximum(a, b)
    out: IntArray = (np.asarray(low, dtype=np.int64) << 32) | np.asarray(high, dtype=np.int64)
    return out


class PairPostings:
    """Sorted pair codes with, per code, the sorted name rows holding both parts."""

    __slots__ = ("codes", "delta", "ptr", "rows")

    def __init__(self) -> None:
        self.codes: IntArray = np.zeros(0, dtype=np.int64)
        self.ptr: IntArray = np.zeros(1, dtype=np.int64)
        self.rows: IntArray = np.zeros(0, dtype=np.int64)
        self.delta: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return len(self.rows) + sum(len(v) for v in self.delta.values())

    @classmethod
    def build(cls, name_ptr: IntArray, name_parts: IntArray, common: np.ndarray) -> PairPostings:
        """Pairs of every name in one vectorised pass (``common``: a mask over part ids)."""
        out = cls()
        row_of = np.repeat(np.arange(len(name_ptr) - 1, dtype=np.int64), np.diff(name_ptr))
        keep = common[name_parts]
        parts, rows = name_parts[keep], row_of[keep]
        codes, owners = _pairs_by_row(parts, rows)
        if not len(codes):
            return out
        unique, key = np.unique(codes, return_inverse=True)
        out.ptr, out.rows = csr_from_pairs(key.astype(np.int64), owners, len(unique))
        out.codes = unique
        return out

    def add(self, name_row: int, parts: list[int], common: list[bool]) -> None:
        """Record the pairs of one name added after the build (merged on the next build)."""
        chosen = [p for p, ok in zip(parts, common, strict=True) if ok][:MAX_PARTS]
        for a, b in combinations(chosen, 2):
            self.delta.setdefault(int(pair_code(a, b)), []).append(name_row)

    def lookup(self, a: int, b: int) -> IntArray:
        """Sorted name rows holding both part ``a`` and part ``b`` (empty when unknown)."""
        code = (min(a, b) << 32) | max(a, b)  # pair_code, without numpy for two ints
        at = int(np.searchsorted(self.codes, code))
        found = (
            self.rows[self.ptr[at] : self.ptr[at + 1]]
            if at < len(self.codes) and self.codes[at] == code
            else self.rows[:0]
        )
        extra = self.delta.get(code)
        return np.concatenate([found, np.asarray(extra, dtype=np.int64)]) if extra else found


def _pairs_by_row(parts: IntArray, rows: IntArray) -> tuple[IntArray, IntArray]:
    """Every unordered pair of parts sharing a row (first ``MAX_PARTS`` per row), with row.

    ``rows`` is sorted (entries come name by name), so each row's parts are a contiguous
    run; column ``j`` of a padded (row x MAX_PARTS) matrix holds the j-th part of each row.
    """
    if not len(rows):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    starts = np.r_[0, np.flatnonzero(np.diff(rows)) + 1]
    counts = np.diff(np.r_[starts, len(rows)])
    many = counts >= 2
    starts, counts = starts[many], np.minimum(counts[many], MAX_PARTS)
    col = np.arange(MAX_PARTS)
    valid = col[None, :] < counts[:, None]
    grid = np.where(valid, parts[np.where(valid, starts[:, None] + col, 0)], -1)
    owner = rows[starts]
    codes, owners = [], []
    for i, j in combinations(range(MAX_PARTS), 2):
        both = valid[:, j]  # column j valid implies column i < j valid
        codes.append(pair_code(grid[both, i], grid[both, j]))
        owners.append(owner[both])
    return np.concatenate(codes), np.concatenate(owners)
