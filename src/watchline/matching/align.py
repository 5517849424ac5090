"""Name similarity by aligning parts, for many candidate names at once.

Parts are paired greedily, best pair first, ignoring order (lists and passports put
surnames first or last at will). The score is the weighted mean similarity of the pairs,
where parts left without a partner count as zero-similarity pairs at a reduced weight:
a query part the listed name lacks costs more (``UNMATCHED_QUERY``) than a listed part the
query omits (``UNMATCHED_LISTED``), since forms routinely drop middle names and
patronymics, and patronymics themselves cost little (``OPTIONAL_PART``); listed parts left
out between a paired first and a paired last part are middle names and cost
``UNMATCHED_INNER``. When every listed
part found a partner (at least two of them), the query is a fuller form of the listed name
("Laurent Nkunda Batware" for "LAURENT NKUNDA") and its extra parts cost only
``UNMATCHED_QUERY_COVERED``, or ``UNMATCHED_INNER`` if they lie between its paired first and
last parts (middle names, on either side).
"""

from __future__ import annotations

import re

import numpy as np

from watchline.matching.arrays import IntArray
from watchline.matching.tokens import LEGAL_FORMS

UNMATCHED_QUERY = 0.6
UNMATCHED_LISTED = 0.35
UNMATCHED_QUERY_COVERED = 0.2
UNMATCHED_LISTED_COVERED = 0.1
UNMATCHED_INNER = 0.1
COVERED_MIN_SIM = 0.9  # the leftover parts of the other side are cheap only after sure pairs
OPTIONAL_PART = 0.3
CONFLICT_COST = 0.5
_PATRONYMIC = re.compile(
    r"(ich|ych|itch|ichna|ychna|ovna|evna|ivna|oglu|ogly|oghlu|kyzy|qizi|gizi|uly|uli)$"
)


_FILLERS = frozenset({"the", "of", "and"})


def is_patronymic(token: str) -> bool:
    """Whether a folded part has the form of a patronymic (-ovich, -ovna, -oglu, -kyzy...)."""
    return _PATRONYMIC.search(token) is not None


def optional_factors(tokens: list[str]) -> np.ndarray:
    """Weight factor of parts that identify little: patronymics (routinely omitted, and
    shared by all children of one father), legal forms and filler words of companies."""
    return np.array(
        [
            OPTIONAL_PART if t in LEGAL_FORMS or t in _FILLERS or _PATRONYMIC.search(t) else 1.0
            for t in tokens
        ]
    )


class Alignment:
    """Result of aligning one query name against K candidate names."""

    __slots__ = ("listed_index", "pair_sims", "query_index", "scores")

    def __init__(
        self,
        scores: np.ndarray,
        query_index: IntArray,
        listed_index: IntArray,
        pair_sims: np.ndarray,
    ) -> None:
        self.scores = scores  # (K,)
        self.query_index = query_index  # (K, steps): query part of each pair, -1 if none
        self.listed_index = listed_index  # (K, steps): listed part position, -1 if none
        self.pair_sims = pair_sims  # (K, steps)


def align(
    sims: np.ndarray,
    wq: np.ndarray,
    wc: np.ndarray,
    rq: np.ndarray,
    rc: np.ndarray,
    chains: np.ndarray | None = None,
) -> Alignment:
    """Greedy order-free alignment of parts.

    Args:
        sims: (K, m, n) part similarities, 0 for padding.
        wq: (K, m) rarity weight of each query part (times its optional factor), 0 for padding.
        wc: (K, n) rarity weight of each listed part (likewise).
        rq: (K, m) True for query parts whose role makes a mismatch a conflict
            (patronymics: see :func:`is_patronymic`; not legal forms, since a
            payment naming "Rosneft LLC" must still meet a listed "Rosneft PJSC").
        rc: (K, n) the same for listed parts.
        chains: (K,) True where the query name may be an Arabic chain of names (given name,
            father's, grandfather's: ``skeleton.vowels_guessed``), in which a given name
            before the listed name's first part makes a son, not a fuller form; all True
            if not given.
    """
    from watchline.matching import kernels  # the compiled loop (numba is optional)

    k, m, n = sims.shape
    steps = min(m, n)
    compiled = kernels.kernels()
    if compiled is not None:  # the same pairs, candidate by candidate, without the tensor ops
        qi, cj, ps = compiled.align(np.ascontiguousarray(sims, dtype=np.float64), steps)
        return Alignment(_scores(qi, cj, ps, (wq, wc, rq, rc), chains), qi, cj, ps)
    work = sims.copy()
    qi = np.full((k, steps), -1, dtype=np.int64)
    cj = np.full((k, steps), -1, dtype=np.int64)
    ps = np.zeros((k, steps))
    rows = np.arange(k)
    for step in range(steps):
        flat = work.reshape(k, -1)
        best = flat.argmax(axis=1)
        value = flat[rows, best]
        ok = value > 0
        i, j = best // n, best % n
        qi[ok, step], cj[ok, step], ps[ok, step] = i[ok], j[ok], value[ok]
        work[rows[ok], i[ok], :] = 0.0
        work[rows[ok], :, j[ok]] = 0.0
    return Alignment(_scores(qi, cj, ps, (wq, wc, rq, rc), chains), qi, cj, ps)


def _scores(
    qi: IntArray,
    cj: IntArray,
    ps: np.ndarray,
    weights: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
    chains: np.ndarray | None,
) -> np.ndarray:
    wq, wc, rq, rc = weights
    paired = qi >= 0
    rows = np.arange(len(qi))[:, None]
    wq_pair = np.where(paired, wq[rows, np.maximum(qi, 0)], 0.0)
    wc_pair = np.where(paired, wc[rows, np.maximum(cj, 0)], 0.0)
    pair_weight = (wq_pair + wc_pair) / 2
    matched = (pair_weight * ps).sum(axis=1)
    q_free = _unpaired(qi, wq.shape[1]) & (wq > 0)
    c_free = _unpaired(cj, wc.shape[1]) & (wc > 0)
    q_left = np.where(q_free, wq, 0.0).sum(axis=1)
    c_left = np.where(c_free, wc, 0.0).sum(axis=1)
    sure = (paired.sum(axis=1) >= 2) & (np.where(paired, ps, 1.0).min(axis=1) >= COVERED_MIN_SIM)
    # a fuller query: its extra parts cost little, and no more than the heaviest pair's part
    # (a part the registry has never seen gets the highest rarity weight, not information)
    cap = np.maximum(wq_pair.max(axis=1, initial=0.0), wc_pair.max(axis=1, initial=0.0))
    q_left_capped = np.where(q_free, np.minimum(wq, cap[:, None]), 0.0).sum(axis=1)
    # ...but in an Arabic chain of names only when the query's first part is paired: "Ali
    # Saddam Hussein al-Tikriti" is Saddam Hussein's son (a given name before the father's),
    # while "Emmanuel Sultani Makenga" is a fuller form of "SULTANI MAKENGA"
    son = (qi != 0).all(axis=1) & (True if chains is None else chains)
    covered = (c_left <= 1e-9) & sure & ~son
    q_rate = np.where(_ends_paired(qi, wq), UNMATCHED_INNER, UNMATCHED_QUERY_COVERED)
    q_cost = np.where(covered, q_rate * q_left_capped, UNMATCHED_QUERY * q_left)
    shorter = (q_left <= 1e-9) & sure & (cj == 0).any(axis=1)
    c_rate = np.where(shorter, UNMATCHED_LISTED_COVERED, UNMATCHED_LISTED)
    c_rate = np.where(
        (q_left <= 1e-9) & _ends_paired(cj, wc), np.minimum(c_rate, UNMATCHED_INNER), c_rate
    )
    c_cost = c_rate * c_left
    denominator = (
        pair_weight.sum(axis=1) + q_cost + c_cost + _conflicts(q_free, c_free, wq, wc, rq, rc)
    )
    return np.where(denominator > 0, matched / np.maximum(denominator, 1e-9), 0.0)


def _ends_paired(cj: IntArray, wc: np.ndarray) -> np.ndarray:
    """Whether the listed name's first and last parts both found a partner, so that what the
    query left out lies inside it: middle names, a father's and grandfather's names in an
    Arabic chain ("Anwar al-Awlaki" for "Anwar Nasser Abdulla al-Aulaqi")."""
    last = (wc > 0).sum(axis=1) - 1
    first_paired = (cj == 0).any(axis=1)
    last_paired = (cj == last[:, None]).any(axis=1)
    out: np.ndarray = first_paired & last_paired & (last >= 2)
    return out


def _conflicts(
    q_free: np.ndarray,
    c_free: np.ndarray,
    wq: np.ndarray,
    wc: np.ndarray,
    rq: np.ndarray,
    rc: np.ndarray,
) -> np.ndarray:
    """Extra cost when both names hold an unpaired patronymic: two different fathers' names
    (Sergey Ivanovich / Sergey Viktorovich Lavrov) speak against one person, where one side
    merely lacking it does not. They then count at their full rarity weight."""
    q_conf = np.where(q_free & rq, wq, 0.0).sum(axis=1)
    c_conf = np.where(c_free & rc, wc, 0.0).sum(axis=1)
    both = (q_conf > 0) & (c_conf > 0)
    out: np.ndarray = np.where(both, CONFLICT_COST * (q_conf + c_conf) / OPTIONAL_PART, 0.0)
    return out


def _unpaired(index: IntArray, width: int) -> np.ndarray:
    """(K, width) mask of the positions that no pair in ``index`` (K, steps) uses."""
    used = np.zeros((len(index), width + 1), dtype=np.bool_)
    rows = np.arange(len(index))[:, None]
    used[rows, np.where(index >= 0, index, width)] = True
    out: np.ndarray = ~used[:, :width]
    return out
