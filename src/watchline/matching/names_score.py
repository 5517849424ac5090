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
from watchline.matching.skeleton import not_latin, vowels_guessed

JOINED_FACTOR = 0.92
JOINED_MIN = 0.85
WRITTEN_APART = "two words in the query"
PERSIAN_READ = "read with the Persian letter values (ذ ض ث: z, z, s)"


class NameScores:
    """Scores of K candidate name rows against one query name, with what explains them."""

    __slots__ = (
        "alignment",
        "joined",
        "notes",
        "parts",
        "rows",
        "scores",
        "tokens",
        "wc",
        "wq",
    )

    def __init__(
        self,
        tokens: list[str],
        rows: IntArray,
        parts: IntArray,
        wq: np.ndarray,
        wc: np.ndarray,
        alignment: Alignment,
        joined: np.ndarray,
        notes: dict[int, str] | None = None,
    ) -> None:
        self.tokens = tokens
        self.rows = rows
        self.parts = parts
        self.wq = wq
        self.wc = wc
        self.alignment = alignment
        self.joined = joined
        self.scores = np.maximum(alignment.scores, joined)
        self.notes = notes or {}  # a word on how a query part was read, by position

    def explain(self, index: NameIndex, k: int, query_name: str = "") -> list[PartMatch]:
        """Part-by-part reading of candidate ``k`` (query part, listed part, sim, weight,
        and, given the query name, how each pair came to be alike)."""
        vocab = index.vocab
        listed = [int(p) for p in self.parts[k] if p >= 0]
        if self.joined[k] > self.alignment.scores[k]:
            glued_query, glued_listed = _glued_as_scored(
                self.tokens, [vocab.tokens[p] for p in listed]
            )
            return [
                PartMatch(
                    glued_query,
                    glued_listed,
                    float(self.joined[k]),
                    float(self.wq.sum()),
                    "parts written together",
                )
            ]
        wq, wc = self.wq.tolist(), self.wc[k].tolist()
        pairs = [(i, j, s) for i, j, s in self._pairs(k) if i >= 0]
        ids = [(i, listed[j]) for i, j, _ in pairs]
        reasons = Reasons(lambda: self._noted(self._hows(index, query_name, ids), pairs))
        out = [
            PartMatch(self.tokens[i], vocab.tokens[listed[j]], s, (wq[i] + wc[j]) / 2, (reasons, n))
            for n, (i, j, s) in enumerate(pairs)
        ]
        used_q, used_c = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
        out += [
            PartMatch(t, None, 0.0, wq[i]) for i, t in enumerate(self.tokens) if i not in used_q
        ]
        out += [
            PartMatch(None, vocab.tokens[p], 0.0, wc[j])
            for j, p in enumerate(listed)
            if j not in used_c
        ]
        return out

    def _pairs(self, k: int) -> zip[tuple[int, int, float]]:
        al = self.alignment
        columns = (
            al.query_index[k].tolist(),
            al.listed_index[k].tolist(),
            al.pair_sims[k].tolist(),
        )
        return zip(*columns, strict=True)

    def _noted(self, hows: list[str], pairs: list[tuple[int, int, float]]) -> list[str]:
        """``hows`` with the word on how a query part was read (written as two words, read
        with the Persian letter values), where there is one."""
        out = list(hows)
        for n, (i, _, _) in enumerate(pairs):
            note = self.notes.get(i)
            if note:
                out[n] = f"{out[n]}; {note}" if out[n] else note
        return out

    def _hows(self, index: NameIndex, query_name: str, pairs: list[tuple[int, int]]) -> list[str]:
        """The reasons of :func:`~watchline.matching.similarity.pair_reasons` for ``pairs``
        (query part position, listed part id), through the index's memory of them; blank
        without the query name."""
        if not query_name or not pairs:
            return [""] * len(pairs)
        unit = _Unit(query_name, self.tokens)
        known = index.caches.reasons()
        keys = [(self.tokens[i], unit.abjad, unit.cross, p) for i, p in pairs]
        missing = [n for n, key in enumerate(keys) if key not in known]
        if missing:
            parts = QueryParts.of_units(index.vocab, [unit])
            qi = np.array([pairs[n][0] for n in missing], dtype=np.int64)
            pid = np.array([pairs[n][1] for n in missing], dtype=np.int64)
            found = pair_reasons(parts, qi, index.vocab, pid)
            known.update((keys[n], how) for n, how in zip(missing, found, strict=True))
        return [known[key] for key in keys]


class _Unit:
    """A query name as ``QueryParts.of_units`` reads it."""

    __slots__ = ("abjad", "cross", "name", "start", "tokens")

    def __init__(self, name: str, tokens: list[str]) -> None:
        self.name = name
        self.tokens = tokens
        self.abjad = vowels_guessed(name)
        self.cross = self.abjad or not_latin(name)  # as ``QueryParts.of_units`` sets it
        self.start = 0


def _glued_as_scored(query: list[str], listed: list[str]) -> tuple[str, str]:
    """The glued strings that gave a joined score: in name order, or sorted when that is
    closer (``batch._joined`` takes the better of the two), so the explanation shows them."""
    in_order = ("".join(query), "".join(listed))
    any_order = ("".join(sorted(query)), "".join(sorted(listed)))
    scores = joined_similarity([in_order[0], any_order[0]], [in_order[1], any_order[1]])
    return in_order if scores[0] >= scores[1] else any_order


def joined_similarity(queries: list[str], listed: list[str]) -> np.ndarray:
    """Indel similarity of glued parts, pair by pair, 0 below ``JOINED_MIN``."""
    if not listed:
        return np.zeros(0)
    sims = cpdist(queries, listed, scorer=Indel.normalized_similarity, dtype=np.float32)
    return np.where(sims >= JOINED_MIN, sims, 0.0).astype(np.float64)
