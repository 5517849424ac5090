"""Per-index memories of work done for earlier queries.

The same query parts (Mohammed, Ali, Ivanov) and the same (query part, listed part) pairs
come back query after query; looking them up and comparing their strings again is most of
the cost of a query once the postings are read. Both memories belong to one index, are
emptied whenever it gains names (new parts change what a query part finds, and how rare
it is), and start again when full rather than tracking recency.
"""

from __future__ import annotations

import threading

import numpy as np

from watchline.matching import kernels
from watchline.matching.arrays import IntArray

CACHE_MAX = 200_000  # query parts whose listed candidates are remembered
PAIR_CACHE_MAX = 1_000_000  # (query part, listed part) similarities remembered
_FIRST_SLOTS = 1 << 12  # the pair table starts small (many small indexes in tests) and doubles

PartKey = tuple[str, bool, bool]  # a query part: its text, abjad and cross-script flags
PairKey = tuple[str, bool, bool, int]  # a query part and a listed part id
Found = tuple[IntArray, np.ndarray]  # listed parts a query part finds, and similarities


class QueryCaches:
    """Retrieval results per query part and scoring similarities per pair."""

    __slots__ = ("_ids", "_lock", "_pairs", "_parts", "_reasons", "_weights")

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._parts: dict[PartKey, Found] = {}
        self._pairs = PairTable()
        self._ids: dict[PartKey, int] = {}
        self._reasons: dict[PairKey, str] = {}
        self._weights: np.ndarray | None = None

    def clear(self) -> None:
        """Forget everything (the index changed). Readers keep the dicts they hold."""
        with self._lock:
            self._parts, self._pairs, self._ids = {}, PairTable(), {}
            self._reasons = {}
            self._weights = None

    def reasons(self) -> dict[PairKey, str]:
        """How each (query part, listed part) pair came to be alike, in words, as shown in
        explanations: worked out once per pair, since the same pairs are explained again and
        again (see ``similarity.pair_reasons``)."""
        if len(self._reasons) > PAIR_CACHE_MAX:
            self._reasons = {}
        return self._reasons

    def weights(self) -> np.ndarray | None:
        """The rarity weight of every listed part, if computed since the last change."""
        return self._weights

    def keep_weights(self, table: np.ndarray) -> None:
        """Remember the rarity weights of every listed part (see ``NameIndex.weights``)."""
        self._weights = table

    def parts(self) -> dict[PartKey, Found]:
        """Listed parts (and similarities) found per query part."""
        if len(self._parts) > CACHE_MAX:
            self._parts = {}
        return self._parts

    def pairs(self, keys: list[PartKey]) -> tuple[PairTable, IntArray]:
        """Scoring similarities by ``key id << 32 | listed part``, and the ids of ``keys``.

        Ids are handed out under a lock: two threads must never give one id to two parts.
        """
        with self._lock:
            if len(self._pairs) > PAIR_CACHE_MAX or len(self._ids) > CACHE_MAX:
                self._pairs, self._ids = PairTable(), {}
            cache, ids = self._pairs, self._ids
            found = [ids.setdefault(k, len(ids)) for k in keys]
        return cache, np.asarray(found, dtype=np.int64)


class PairTable:
    """Similarities by int64 code (``key id << 32 | listed part``), looked up many at once.

    A batch probes about a hundred pairs per query name; through a dict that is a Python
    call per pair. With numba the table is two arrays probed by open addressing in one
    compiled call per batch (keys -1 where free, at most half full, doubled as it fills).
    Without numba it is a plain dict of ints and floats, which the garbage collector never
    walks. Compiled calls hold the GIL, so a probe never meets a store half done; stores
    and growth also take a lock, and the two arrays are swapped in as one tuple.
    """

    __slots__ = ("_count", "_dict", "_lock", "_table")

    def __init__(self) -> None:
        self._count = 0
        self._lock = threading.Lock()
        self._dict: dict[int, float] = {}
        # made on the first store, so that an index never used for screening imports no numba
        self._table: tuple[IntArray, np.ndarray] | None = None

    def __len__(self) -> int:
        return self._count + len(self._dict)

    def get(self, codes: IntArray) -> np.ndarray:
        """The similarity stored under each code, -1.0 where none is."""
        found, table = kernels.kernels(), self._table
        if found is None:
            get = self._dict.get
            return np.fromiter((get(c, -1.0) for c in codes.tolist()), np.float64, len(codes))
        if table is None:
            return np.full(len(codes), -1.0)
        return found.probe(table[0], table[1], codes)

    def put(self, codes: IntArray, sims: np.ndarray) -> None:
        """Remember ``sims`` under ``codes``."""
        found = kernels.kernels()
        with self._lock:
            if found is None:
                self._dict.update(zip(codes.tolist(), sims.tolist(), strict=True))
                return
            table = self._table
            if table is None or 2 * (self._count + len(codes)) > len(table[0]):
                self._table = table = self._grown(found, self._count + len(codes))
            self._count += found.store(table[0], table[1], codes, sims.astype(np.float64))

    def _grown(self, found: kernels.Compiled, need: int) -> tuple[IntArray, np.ndarray]:
        """A table with room for ``need`` entries at half load, holding the present ones."""
        size = _FIRST_SLOTS if self._table is None else len(self._table[0])
        while 2 * need > size:
            size *= 2
        keys, values = np.full(size, -1, dtype=np.int64), np.zeros(size)
        if self._table is not None:
            used = self._table[0] >= 0
            found.store(keys, values, self._table[0][used], self._table[1][used])
        return keys, values
