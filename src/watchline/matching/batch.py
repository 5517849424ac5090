"""Scoring many query names at once: every similarity of a batch in a few vectorised calls.

A *unit* is one name of one query. For a batch of units the pipeline is:

1. look up candidate listed parts for every query part (``candidates.py``);
2. score all (query part, listed part) pairs in one pass (``pair_similarity``);
3. per unit, turn the similar parts into the best candidate name rows (``NameIndex``);
4. score every candidate name of every unit in one padded tensor (``align``).

Python work is per unit and per query part, never per listed record.
"""

from __future__ import annotations

import numpy as np

from watchline.matching.align import Alignment, align
from watchline.matching.arrays import IntArray, first_of_runs, true_at
from watchline.matching.candidates import candidate_pairs, part_keys
from watchline.matching.index import NameIndex
from watchline.matching.names_score import JOINED_FACTOR, NameScores, joined_similarity
from watchline.matching.similarity import QueryParts, pair_similarity


class Unit:
    """One query name: its parts and where they sit in the batch's part arrays."""

    __slots__ = ("abjad", "allowed", "extra_rows", "name", "notes", "start", "tokens")

    def __init__(
        self,
        name: str,
        tokens: list[str],
        abjad: bool,
        allowed: np.ndarray,
        extra_rows: IntArray,
        notes: dict[int, str] | None = None,
    ) -> None:
        self.name = name
        self.tokens = tokens
        self.abjad = abjad
        self.allowed = allowed  # schema mask
        self.extra_rows = extra_rows  # name rows that must be scored (document matches)
        # a word on how a part was read, by position: a part made of two written words
        # (``written_apart``), a part read with the Persian letter values
        self.notes = notes or {}
        self.start = 0


def score_units(index: NameIndex, units: list[Unit], limit: int) -> list[NameScores | None]:
    """Candidate name rows of each unit, scored; None for a unit without candidates."""
    parts = QueryParts.of_units(index.vocab, units)
    qi, pid, sims = candidate_pairs(index, parts)
    unit_of_pair = parts.unit[qi]
    order = unit_of_pair.argsort(kind="stable")
    bounds = unit_of_pair[order].searchsorted(np.arange(len(units) + 1))
    weights = _query_weights(index, parts, qi, pid, sims)
    rows_per_unit: list[IntArray] = []
    for u, unit in enumerate(units):
        sel = order[bounds[u] : bounds[u + 1]]
        rows = index.rows_for_parts(
            pid[sel], sims[sel], qi[sel], weights[qi[sel]], unit.allowed, limit
        )
        if len(unit.extra_rows):
            rows = np.unique(np.concatenate([rows, unit.extra_rows]))
        rows_per_unit.append(rows)
    return _score_rows(index, units, parts, weights, rows_per_unit)


def _query_weights(
    index: NameIndex, parts: QueryParts, qi: IntArray, pid: IntArray, sims: np.ndarray
) -> np.ndarray:
    """Rarity of each query part: its own if listed, else its most similar listed part's."""
    out = np.full(len(parts.tokens), float(np.log(index.n_names + 1) + 1.0))
    if len(qi):
        best = np.lexsort((-sims, qi))
        first = best[first_of_runs(qi[best])]
        out[qi[first]] = index.weights(pid[first])
    exact = parts.exact >= 0
    out[exact] = index.weights(parts.exact[exact])
    out[parts.initial] = 1.0  # an initial identifies little
    return out


def _score_rows(
    index: NameIndex,
    units: list[Unit],
    parts: QueryParts,
    weights: np.ndarray,
    rows_per_unit: list[IntArray],
) -> list[NameScores | None]:
    sizes = np.array([len(r) for r in rows_per_unit])
    if not sizes.sum():
        return [None] * len(units)
    rows = np.concatenate(rows_per_unit)
    unit_of_row = np.repeat(np.arange(len(units)), sizes)
    listed, _ = index.parts_of(rows)  # (R, n), -1 padded
    width = max(len(u.tokens) for u in units)
    starts = np.array([u.start for u in units])
    counts = np.array([len(u.tokens) for u in units])
    q_index = starts[unit_of_row][:, None] + np.arange(width)[None, :]  # (R, m)
    q_valid = np.arange(width)[None, :] < counts[unit_of_row][:, None]
    q_index = np.where(q_valid, q_index, 0)
    sims = _pair_tensor(index, parts, q_index, q_valid, listed)
    valid = listed >= 0
    safe = np.maximum(listed, 0)
    # low-information parts (patronymics, legal forms) weigh less, matched or not
    wq = np.where(q_valid, weights[q_index] * parts.optional[q_index], 0.0)
    wc = np.where(valid, index.weights(safe) * index.vocab.optional.view[safe], 0.0)
    rq = q_valid & parts.patronymic[q_index]
    rc = valid & index.vocab.traits.patronymic.view[safe]
    chains = np.array([u.abjad for u in units], dtype=np.bool_)[unit_of_row]
    alignment = align(sims, wq, wc, rq, rc, chains)
    needed = _needs_joined(alignment, q_valid, valid) & _similar_length(
        index, units, unit_of_row, listed
    )
    joined = _joined(index, units, unit_of_row, listed, needed)
    return _split(units, rows, unit_of_row, listed, wq, wc, alignment, joined, sizes)


def _pair_tensor(
    index: NameIndex, parts: QueryParts, q_index: IntArray, q_valid: np.ndarray, listed: IntArray
) -> np.ndarray:
    """Similarities (R, m, n) between each candidate's parts and its unit's query parts."""
    r, m = q_index.shape
    n = listed.shape[1]
    mask = q_valid[:, :, None] & (listed >= 0)[:, None, :]
    qi = np.broadcast_to(q_index[:, :, None], (r, m, n))[mask]
    pid = np.broadcast_to(listed[:, None, :], (r, m, n))[mask]
    sims = np.zeros((r, m, n))
    sims[mask] = _cached_similarity(index, parts, qi, pid)
    return sims


def _cached_similarity(
    index: NameIndex, parts: QueryParts, qi: IntArray, pid: IntArray
) -> np.ndarray:
    """``pair_similarity`` (scoring view) through the index's pair cache.

    The same (query part, listed part) pairs are scored again and again (every "Ali" query
    meets the same listed "Ali", "Aly", "Alee"): every pair of a batch is probed in one
    compiled call (``PairTable``), repeats included, which costs less than sorting them
    out first; only the pairs not yet known are de-duplicated and compared.
    """
    cache, ids = index.caches.pairs(part_keys(parts))
    codes = (ids[qi] << 32) | pid
    found = cache.get(codes)
    missing = true_at(found < 0)
    if len(missing):
        new, first, inverse = np.unique(codes[missing], return_index=True, return_inverse=True)
        pick = missing[first]
        fresh = pair_similarity(parts, qi[pick], index.vocab, pid[pick], discount=True)
        found[missing] = fresh[inverse]
        cache.put(new, fresh)
    return found


def _needs_joined(alignment: Alignment, q_valid: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """Candidates where glued parts could beat the alignment: part counts differ and the
    alignment is not already near-perfect. A glued part may have found a partner in one of
    its halves ("wijijoko" paired with "joko" of "wiji joko"), so a partner for every query
    part does not rule it out; ``_similar_length`` keeps the test to a few candidates."""
    needed: np.ndarray = (q_valid.sum(axis=1) != valid.sum(axis=1)) & (
        alignment.scores < JOINED_FACTOR
    )
    return needed


def _similar_length(
    index: NameIndex, units: list[Unit], unit_of_row: IntArray, listed: IntArray
) -> np.ndarray:
    """Glued strings can only be alike if their lengths are (within 2 letters + 15%)."""
    lengths = index.vocab.lengths.view
    listed_len = np.where(listed >= 0, lengths[np.maximum(listed, 0)], 0).sum(axis=1)
    query_len = np.array([sum(len(t) for t in u.tokens) for u in units])[unit_of_row]
    close: np.ndarray = np.abs(listed_len - query_len) <= 2 + 0.15 * query_len
    return close


def _joined(
    index: NameIndex,
    units: list[Unit],
    unit_of_row: IntArray,
    listed: IntArray,
    needed: np.ndarray,
) -> np.ndarray:
    """Glued-parts similarity of the candidates that need it (Abdulrahman/Abdul Rahman)."""
    out = np.zeros(len(listed))
    chosen = true_at(needed)
    if not len(chosen):
        return out
    tokens = index.vocab.arrays["tokens"].view
    listed_parts = [tokens[row[row >= 0]].tolist() for row in listed[chosen]]
    query_parts = [units[u].tokens for u in unit_of_row[chosen].tolist()]
    in_order = joined_similarity(
        ["".join(q) for q in query_parts], ["".join(p) for p in listed_parts]
    )
    any_order = joined_similarity(
        ["".join(sorted(q)) for q in query_parts], ["".join(sorted(p)) for p in listed_parts]
    )
    out[chosen] = np.maximum(in_order, any_order) * JOINED_FACTOR
    return out


def _split(
    units: list[Unit],
    rows: IntArray,
    unit_of_row: IntArray,
    listed: IntArray,
    wq: np.ndarray,
    wc: np.ndarray,
    alignment: Alignment,
    joined: np.ndarray,
    sizes: IntArray,
) -> list[NameScores | None]:
    out: list[NameScores | None] = []
    ends = np.cumsum(sizes)
    for u, unit in enumerate(units):
        if not sizes[u]:
            out.append(None)
            continue
        sl = slice(int(ends[u] - sizes[u]), int(ends[u]))
        m = len(unit.tokens)
        part = Alignment(
            alignment.scores[sl],
            alignment.query_index[sl],
            alignment.listed_index[sl],
            alignment.pair_sims[sl],
        )
        scores = (rows[sl], listed[sl], wq[sl][0, :m], wc[sl], part, joined[sl])
        out.append(NameScores(unit.tokens, *scores, notes=unit.notes))
    return out
