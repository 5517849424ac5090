"""Scores of the candidate names of one query name, and how to read them back.

Besides the part alignment, the parts glued together without spaces are compared, so that
"Abdulrahman" meets "Abdul Rahman" (scaled by ``JOINED_FACTOR``: it is weaker evidence).
"""

from __future__ import annotations

import numpy as np
from rapidfuzz.distance import Indel
from rapidfuzz.process import cpdist

from watchline.matching.align import Alignment
from watchline.matching.arrays import IntArray
from watchline.matching.explain import PartMatch, Reasons
from watchline.matching.index import NameIndex
from watchline.matching.similarity import QueryParts, pair_reasons
from watchline.matching.skeleton import vowels_guessed

JOINED_FACTOR = 0.92
JOINED_MIN = 0.85


class NameScores:
    """Scores of K candidate name rows against one query name, with what explains them."""

    __slots__ = ("alignment", "joined", "parts", "rows", "scores", "tokens", "wc", "wq")

    def __init__(
        self,
        tokens: list[str],
        rows: IntArray,
        parts: IntArray,
        wq: np.ndarray,
        wc: np.ndarray,
        alignment: Alignment,
        joined: np.ndarray,
    ) -> None:
        self.tokens = tokens
        self.rows = rows
        self.parts = parts
        self.wq = wq
        self.wc = wc
        self.alignment = alignment
        self.joined = joined
        self.scores = np.maximum(alignment.scores, joined)

    def explain(self, index: NameIndex, k: int, query_name: str = "") -> list[PartMatch]:
        """Part-by-part reading of candidate ``k`` (query part, listed part, sim, weight,
        and, given the query name, how each pair came to be alike)."""
        vocab = index.vocab
        listed = [int(p) for p in self.parts[k] if p >= 0]
        if self.joined[k] > self.alignment.scores[k]:
            joined_listed = "".join(sorted(vocab.tokens[p] for p in listed))
            return [
                PartMatch(
                    "".join(sorted(self.tokens)),
                    joined_listed,
                    float(self.joined[k]),
                    float(self.wq.sum()),
                    "parts written together",
                )
            ]
        out: list[PartMatch] = []
        used_q: set[int] = set()
        used_c: set[int] = set()
        pairs = [(int(i), int(j), float(s)) for i, j, s in self._pairs(k) if i >= 0]
        ids = [(i, listed[j]) for i, j, _ in pairs]
        reasons = Reasons(lambda: self._hows(index, query_name, ids))
        for n, (i, j, s) in enumerate(pairs):
            weight = float((self.wq[i] + self.wc[k, j]) / 2)
            out.append(PartMatch(self.tokens[i], vocab.tokens[listed[j]], s, weight, (reasons, n)))
            used_q.add(i)
            used_c.add(j)
        out += [
            PartMatch(t, None, 0.0, float(self.wq[i]))
            for i, t in enumerate(self.tokens)
            if i not in used_q
        ]
        out += [
            PartMatch(None, vocab.tokens[p], 0.0, float(self.wc[k, j]))
            for j, p in enumerate(listed)
            if j not in used_c
        ]
        return out

    def _pairs(self, k: int) -> zip[tuple[int, int, float]]:
        al = self.alignment
        return zip(al.query_index[k], al.listed_index[k], al.pair_sims[k], strict=True)

    def _hows(self, index: NameIndex, query_name: str, pairs: list[tuple[int, int]]) -> list[str]:
        """The reasons of :func:`~watchline.matching.similarity.pair_reasons` for ``pairs``
        (query part position, listed part id); blank without the query name."""
        if not query_name or not pairs:
            return [""] * len(pairs)
        unit = _Unit(query_name, self.tokens)
        parts = QueryParts.of_units(index.vocab, [unit])
        qi = np.array([i for i, _ in pairs], dtype=np.int64)
        pid = np.array([p for _, p in pairs], dtype=np.int64)
        return pair_reasons(parts, qi, index.vocab, pid)


class _Unit:
    """A query name as ``QueryParts.of_units`` reads it."""

    __slots__ = ("abjad", "name", "start", "tokens")

    def __init__(self, name: str, tokens: list[str]) -> None:
        self.name = name
        self.tokens = tokens
        self.abjad = vowels_guessed(name)
        self.start = 0


def joined_similarity(queries: list[str], listed: list[str]) -> np.ndarray:
    """Indel similarity of glued parts, pair by pair, 0 below ``JOINED_MIN``."""
    if not listed:
        return np.zeros(0)
    sims = cpdist(queries, listed, scorer=Indel.normalized_similarity, dtype=np.float32)
    return np.where(sims >= JOINED_MIN, sims, 0.0).astype(np.float64)
