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

from watchline.matching.arrays import IntArray

CACHE_MAX = 200_000  # query parts whose listed candidates are remembered
PAIR_CACHE_MAX = 1_000_000  # (query part, listed part) similarities remembered

PartKey = tuple[str, bool, bool]  # a query part: its text, abjad and cross-script flags
Found = tuple[IntArray, np.ndarray]  # listed parts a query part finds, and similarities


class QueryCaches:
    """Retrieval results per query part and scoring similarities per pair."""

    __slots__ = ("_ids", "_lock", "_pairs", "_parts", "_weights")

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._parts: dict[PartKey, Found] = {}
        self._pairs: dict[int, float] = {}
        self._ids: dict[PartKey, int] = {}
        self._weights: np.ndarray | None = None

    def clear(self) -> None:
        """Forget everything (the index changed). Readers keep the dicts they hold."""
        with self._lock:
            self._parts, self._pairs, self._ids = {}, {}, {}
            self._weights = None

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

    def pairs(self, keys: list[PartKey]) -> tuple[dict[int, float], IntArray]:
        """Scoring similarities by ``key id << 32 | listed part``, and the ids of ``keys``.

        Keys and values are plain ints and floats, which the garbage collector never walks.
        Ids are handed out under a lock: two threads must never give one id to two parts.
        """
        with self._lock:
            if len(self._pairs) > PAIR_CACHE_MAX or len(self._ids) > CACHE_MAX:
                self._pairs, self._ids = {}, {}
            cache, ids = self._pairs, self._ids
            found = [ids.setdefault(k, len(ids)) for k in keys]
        return cache, np.asarray(found, dtype=np.int64)
