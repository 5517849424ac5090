"""Bitsets and short heads of the most frequent name parts.

At a million entities a few hundred parts (Mohammed, Ali, Ivanov...) each appear in
thousands to hundreds of thousands of names. Reading such a posting list costs a query
in proportion to its length, yet almost none of those names can make the query's
shortlist. So each *common* part (document frequency at least ``COMMON_PART_DF`` when
the postings were built) keeps two derived structures instead:

* a bitset over name rows: whether a candidate row holds the part is one bit test, so a
  candidate found through a rarer part learns the common part's weight without the list
  being read;
* its ``HEAD`` shortest names (fewest parts, then lowest row): a name that holds nothing
  of the query but this part scores the part's weight minus a length tie-break, so these
  are exactly the best such names, and no other name holding only this part can outrank
  all of them.

Names holding common parts of two different query parts come from the pair postings
(``pairs.py``). Together these give the shortlist a full read would give (up to ties)
at the cost of the rare parts' postings. Both structures are rebuilt with the postings;
names added in between set their bits at once and stay in the delta postings.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from watchline.matching.arrays import IntArray

COMMON_PART_DF = 2_000  # parts at least this frequent get a bitset and a head
HEAD = 512  # shortest names kept per common part (at least PRESELECT x candidates)


class CommonParts:
    """Per common part: a bitset over name rows and the part's shortest names."""

    __slots__ = ("bits", "head_ptr", "head_rows", "slot")

    def __init__(self) -> None:
        self.slot: npt.NDArray[np.int32] = np.zeros(0, dtype=np.int32)  # part -> row, or -1
        self.bits: npt.NDArray[np.uint8] = np.zeros((0, 0), dtype=np.uint8)
        self.head_ptr: IntArray = np.zeros(1, dtype=np.int64)  # CSR over slots
        self.head_rows: IntArray = np.zeros(0, dtype=np.int64)

    def __len__(self) -> int:
        return len(self.head_ptr) - 1

    def head(self, slot: int) -> IntArray:
        """The shortest names holding the part of ``slot``, shortest first."""
        out: IntArray = self.head_rows[self.head_ptr[slot] : self.head_ptr[slot + 1]]
        return out

    @classmethod
    def build(
        cls,
        post_ptr: IntArray,
        post_rows: IntArray,
        name_len: np.ndarray,
        live: npt.NDArray[np.bool_] | None = None,
    ) -> CommonParts:
        """Bitsets and heads of every part whose CSR postings reach ``COMMON_PART_DF``.

        ``live`` (per name row) keeps names of removed entities out of the heads, where
        they would take the place of names that can still hit."""
        out = cls()
        lengths = np.diff(post_ptr)
        common = np.flatnonzero(lengths >= COMMON_PART_DF)
        out.slot = np.full(len(lengths), -1, dtype=np.int32)
        out.slot[common] = np.arange(len(common), dtype=np.int32)
        out.bits = np.zeros((len(common), _width(len(name_len))), dtype=np.uint8)
        heads: list[IntArray] = []
        flags = np.zeros(out.bits.shape[1] * 8, dtype=np.bool_)
        for s, part in enumerate(common.tolist()):  # a few hundred parts, each vectorised
            rows = post_rows[post_ptr[part] : post_ptr[part + 1]]
            flags[rows] = True
            out.bits[s] = np.packbits(flags, bitorder="little")
            flags[rows] = False
            heads.append(_shortest(rows if live is None else rows[live[rows]], name_len))
        out.head_ptr = np.zeros(len(common) + 1, dtype=np.int64)
        np.cumsum([len(h) for h in heads], out=out.head_ptr[1:])
        out.head_rows = np.concatenate(heads) if heads else out.head_rows
        return out

    def slots(self, parts: IntArray) -> npt.NDArray[np.int32]:
        """The bitset row of each part, -1 for parts that are not common."""
        if not len(parts) or int(parts.max()) < len(self.slot):
            found: npt.NDArray[np.int32] = self.slot[parts]
            return found
        inside = parts < len(self.slot)
        out = np.full(len(parts), -1, dtype=np.int32)
        out[inside] = self.slot[parts[inside]]
        return out

    def add(self, name_row: int, parts: list[int]) -> None:
        """Set the bits of a name added after the build (its common parts only)."""
        found = self.slots(np.asarray(parts, dtype=np.int64))
        found = found[found >= 0]
        if not len(found):
            return
        if name_row >> 3 >= self.bits.shape[1]:
            wider = np.zeros((len(self.bits), _width(name_row + 1)), dtype=np.uint8)
            wider[:, : self.bits.shape[1]] = self.bits
            self.bits = wider
        self.bits[found, name_row >> 3] |= np.uint8(1 << (name_row & 7))

    def holding(self, slot: int, byte: IntArray, bit: np.ndarray) -> npt.NDArray[np.bool_]:
        """Whether each row holds the part of ``slot`` (rows given as ``byte``/``bit``:
        rows >> 3 and rows & 7, computed once for all the parts tested)."""
        width = self.bits.shape[1]
        if len(byte) and int(byte.max()) >= width:  # rows added without any common part
            inside = byte < width
            out = np.zeros(len(byte), dtype=np.bool_)
            out[inside] = self.holding(slot, byte[inside], bit[inside])
            return out
        held: npt.NDArray[np.bool_] = ((self.bits[slot][byte] >> bit) & 1).astype(np.bool_)
        return held


def _width(n_rows: int) -> int:
    """Bytes per bitset for ``n_rows`` names, with room for a quarter more."""
    return (n_rows * 5 // 4 + 1024) // 8 + 1


def _shortest(rows: IntArray, name_len: np.ndarray) -> IntArray:
    """The ``HEAD`` rows with the fewest parts (then the lowest row), in that order."""
    keys = (name_len[rows].astype(np.int64) << 40) | rows
    if len(keys) > HEAD:
        keys = np.partition(keys, HEAD - 1)[:HEAD]
    out: IntArray = np.sort(keys) & ((1 << 40) - 1)
    return out
