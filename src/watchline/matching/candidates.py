"""Candidate listed parts of each query part of a batch: looked up, scored, remembered.

A query part's candidates depend only on its text and script flags, and the same parts
(Mohammed, Ali, Ivanov) come back query after query, so they are found and scored once and
kept in the index's retrieval cache until the index changes. Lookup goes through
``Vocab.lookup`` and, for parts that find no listed twin, ``Vocab.lookup_more``.
"""

from __future__ import annotations

import numpy as np

from watchline.matching.arrays import IntArray
from watchline.matching.caches import Found, PartKey
from watchline.matching.index import RETRIEVE_FLOOR, NameIndex
from watchline.matching.similarity import QueryParts, pair_similarity
from watchline.matching.vocab import Vocab

SPLIT_SIM = 0.9  # a listed part found as one half of a glued query part
MIN_HALF = 3


def candidate_pairs(index: NameIndex, parts: QueryParts) -> tuple[IntArray, IntArray, np.ndarray]:
    """(query part, listed part, similarity) for every plausible pair in the batch."""
    cache = index.caches.parts()
    keys = part_keys(parts)
    missing = [g for g, key in enumerate(keys) if key not in cache]
    if missing:
        _fill_cache(index, parts, np.asarray(missing, dtype=np.int64), keys, cache)
    found = [cache[key] for key in keys]
    lengths = np.fromiter((len(f[0]) for f in found), dtype=np.int64, count=len(found))
    qi = np.repeat(np.arange(len(found), dtype=np.int64), lengths)
    if not len(qi):
        return qi, qi.copy(), np.zeros(0)
    pid = np.concatenate([f[0] for f in found])
    sims = np.concatenate([f[1] for f in found])
    return qi, pid, sims


def _fill_cache(
    index: NameIndex,
    parts: QueryParts,
    missing: IntArray,
    keys: list[PartKey],
    cache: dict[PartKey, Found],
) -> None:
    """Look up and score the listed parts of query parts not yet in the cache.

    The wider keys (``Vocab.lookup_more``) only for query parts without a listed twin
    (the same part, or one of its equivalence class): asked for every part they doubled
    the pairs to score. How listed parts sound (``HeardKeys``) only for a part romanised
    from another script that no other key found anything for: so asked, they find 5 more
    names in the quality bench's three draws and no false positive; asked as often as the
    wider keys, a few more names and two false positives."""
    tokens, abjad, cross = parts.tokens, parts.abjad, parts.cross
    found = [
        listed_candidates(index.vocab, tokens[g], bool(abjad[g]), bool(cross[g]))
        for g in missing.tolist()
    ]
    qi, pid, sims = _scored(index, parts, missing, found)
    keep = sims >= RETRIEVE_FLOOR
    qi, pid, sims = qi[keep], pid[keep], sims[keep]
    bounds = qi.searchsorted(missing), qi.searchsorted(missing, side="right")
    for g, start, end in zip(missing.tolist(), *(b.tolist() for b in bounds), strict=True):
        cache[keys[g]] = (pid[start:end], sims[start:end])


def listed_candidates(vocab: Vocab, token: str, abjad: bool, cross: bool) -> set[int]:
    """The listed parts a query part's keys find (see :func:`_fill_cache` for which keys)."""
    found = vocab.lookup(token)
    if not vocab.has_twin(token):
        found |= vocab.lookup_more(token, abjad)
        if cross and not found:  # a rendering by ear (``heard.py``)
            found.update(vocab.heard.lookup(vocab, token, abjad))
    return found


def _scored(
    index: NameIndex, parts: QueryParts, which: IntArray, found: list[set[int]]
) -> tuple[IntArray, IntArray, np.ndarray]:
    """(query part, listed part, similarity) for the listed parts found for each query part;
    a part found nothing for is cut in two where two listed parts glue into it."""
    qi_list: list[int] = []
    pid_list: list[int] = []
    splits: list[int] = []  # pairs from a glued query part cut in two
    tokens = parts.tokens
    for g, parts_found in zip(which.tolist(), found, strict=True):
        listed = list(parts_found)
        if not listed:
            halves = _halves(index, tokens[g])
            splits.extend(range(len(qi_list), len(qi_list) + 2 * len(halves)))
            listed = [p for pair in halves for p in pair]
        qi_list.extend([g] * len(listed))
        pid_list.extend(listed)
    qi = np.asarray(qi_list, dtype=np.int64)
    pid = np.asarray(pid_list, dtype=np.int64)
    sims = pair_similarity(parts, qi, index.vocab, pid, discount=False)
    sims[splits] = SPLIT_SIM
    return qi, pid, sims


def _halves(index: NameIndex, token: str) -> list[tuple[int, int]]:
    """Listed parts that glued together make an unknown query part ("sergeilavrov")."""
    ids = index.vocab.ids
    if len(token) < 2 * MIN_HALF:
        return []
    cuts = [(token[:i], token[i:]) for i in range(MIN_HALF, len(token) - MIN_HALF + 1)]
    return [(ids[a], ids[b]) for a, b in cuts if a in ids and b in ids]


def part_keys(parts: QueryParts) -> list[PartKey]:
    """What a query part's similarities depend on: its text and its script flags."""
    return list(zip(parts.tokens.tolist(), parts.abjad.tolist(), parts.cross.tolist(), strict=True))
