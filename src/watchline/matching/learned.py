"""Edit costs learned from real name pairs across scripts, and the similarity they give.

Names that reach Arabic script from other languages (Kohn/كون, Sokolow/سوكولوف,
Descartes/ديكارت) come back to Latin through our romaniser in spellings that hand-written
rules only partly foresee: written long vowels stand for o or u, e or i, a guessed short
vowel stands for nothing, v and p come back as f and b, silent letters are missing. Names
written in Cyrillic (or Greek, Armenian, Georgian) from other languages drift likewise
(Legault/Лего, Jaycee/Джейси). Which of these happen, and how often, is measured on real
pairs (``scripts/build_translit_costs.py``: Google's Wikipedia-mined Arabic-English pairs;
rigour's Wikidata person-name clusters outside the benchmark's held-out split), one table
per script family: an edit distance whose substitution, deletion
and insertion costs are the negative log-probabilities of those edits, re-estimated a few
times over the best alignments (Viterbi training), scaled so that an edit seen in 1 of
``SCALE_ODDS`` alignments of that letter costs 1, as much as a plain edit. The costs are a
27 x 27 table (26 letters and "nothing"), too small to remember any one name: what it holds
is how a script renders Latin letters.

Only used for pairs of a query part we romanised and a listed part seen in Latin (see
``similarity.py``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from watchline.errors import InputError

LETTERS = 26
GAP = LETTERS  # row/column of "nothing": a deletion or an insertion
SCALE_ODDS = 100.0
ARABIC_COSTS = "arabic_latin_costs.tsv"
ALPHABET_COSTS = "alphabet_latin_costs.tsv"  # Cyrillic, Greek, Armenian, Georgian


def _distance(a: Any, b: Any, cost: Any) -> float:
    """Weighted edit distance of two coded strings (two rolling rows)."""
    m = len(b)
    prev = np.empty(m + 1)
    cur = np.empty(m + 1)
    prev[0] = 0.0
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + cost[GAP, b[j - 1]]
    for i in range(1, len(a) + 1):
        x = a[i - 1]
        cur[0] = prev[0] + cost[x, GAP]
        for j in range(1, m + 1):
            y = b[j - 1]
            cur[j] = min(
                prev[j - 1] + cost[x, y], prev[j] + cost[x, GAP], cur[j - 1] + cost[GAP, y]
            )
        prev, cur = cur, prev
    return float(prev[m])


def _similarities(qbuf: Any, qoff: Any, lbuf: Any, loff: Any, cost: Any) -> Any:
    """1 - distance / longer length, per pair; 0 for a pair holding anything but a-z."""
    out = np.zeros(len(qoff) - 1)
    for k in range(len(out)):
        a, b = qbuf[qoff[k] : qoff[k + 1]], lbuf[loff[k] : loff[k + 1]]
        longest = max(len(a), len(b))
        if longest == 0 or (len(a) and a.max() >= LETTERS) or (len(b) and b.max() >= LETTERS):
            continue
        out[k] = 1.0 - _distance(a, b, cost) / longest
    return out


def _count_edits(a: Any, b: Any, cost: Any, counts: Any) -> None:
    """Add the edits of one best alignment of ``a`` to ``b`` to ``counts``."""
    n, m = len(a), len(b)
    d = np.empty((n + 1, m + 1))
    d[0, 0] = 0.0
    for i in range(1, n + 1):
        d[i, 0] = d[i - 1, 0] + cost[a[i - 1], GAP]
    for j in range(1, m + 1):
        d[0, j] = d[0, j - 1] + cost[GAP, b[j - 1]]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            d[i, j] = min(
                d[i - 1, j - 1] + cost[a[i - 1], b[j - 1]],
                d[i - 1, j] + cost[a[i - 1], GAP],
                d[i, j - 1] + cost[GAP, b[j - 1]],
            )
    i, j = n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and abs(d[i, j] - d[i - 1, j - 1] - cost[a[i - 1], b[j - 1]]) < 1e-9:
            counts[a[i - 1], b[j - 1]] += 1
            i, j = i - 1, j - 1
        elif i > 0 and abs(d[i, j] - d[i - 1, j] - cost[a[i - 1], GAP]) < 1e-9:
            counts[a[i - 1], GAP] += 1
            i -= 1
        else:
            counts[GAP, b[j - 1]] += 1
            j -= 1


@lru_cache(maxsize=1)
def _kernels() -> tuple[Callable[..., Any], Callable[..., Any]]:
    """The compiled similarity and edit-counting loops, made on first use: importing numba
    costs every process ~100 MB and 0.2 s, which a CLI call that never meets a romanised
    query should not pay. Without numba the same Python functions run, slowly."""
    global _distance
    try:
        import numba
    except ImportError:  # pragma: no cover - numba is a dependency
        return _similarities, _count_edits
    _distance = numba.njit(cache=True, nogil=True)(_distance)
    jit = numba.njit(cache=True, nogil=True)
    return jit(_similarities), jit(_count_edits)


def encode(tokens: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Letters of many folded parts as codes 0-25 in one buffer, with offsets."""
    lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
    offsets = np.zeros(len(tokens) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    raw = "".join(tokens).encode("ascii", "replace")
    codes = np.frombuffer(raw, dtype=np.uint8).astype(np.int64) - ord("a")
    return np.where((codes < 0) | (codes >= LETTERS), LETTERS, codes), offsets


def similarity(query: Sequence[str], listed: Sequence[str], cost: np.ndarray) -> np.ndarray:
    """Similarity in [0, 1] of ``query[k]`` (romanised) and ``listed[k]`` (Latin) under
    ``cost``; 0 where either holds a character outside a-z."""
    if not len(query):
        return np.zeros(0)
    qbuf, qoff = encode(query)
    lbuf, loff = encode(listed)
    out: np.ndarray = _kernels()[0](qbuf, qoff, lbuf, loff, cost)
    return out


def learn_costs(pairs: Iterable[tuple[str, str]], rounds: int = 4) -> np.ndarray:
    """Edit costs from (romanised, Latin) pairs of one name: start from plain Levenshtein,
    then ``rounds`` times count the edits of each pair's best alignment and set each cost
    to ``-log(p) / log(SCALE_ODDS)`` (at most 1; a letter kept as itself costs 0), where p
    is the edit's share among the edits of its source letter (for insertions: among all
    edits)."""
    coded = [(encode([a])[0], encode([b])[0]) for a, b in pairs]
    coded = [(a, b) for a, b in coded if a.max() < LETTERS and b.max() < LETTERS]
    cost = 1.0 - np.eye(LETTERS + 1)
    count_edits = _kernels()[1]
    for _ in range(rounds):
        counts = np.zeros((LETTERS + 1, LETTERS + 1))
        for a, b in coded:
            count_edits(a, b, cost, counts)
        cost = _costs_from_counts(counts)
    return cost


def _costs_from_counts(counts: np.ndarray) -> np.ndarray:
    smoothed = counts + 0.05
    share = smoothed / smoothed.sum(axis=1, keepdims=True)
    share[GAP] = smoothed[GAP] / counts.sum()  # insertions: per edit, not per source letter
    cost: np.ndarray = np.minimum(1.0, -np.log(share) / math.log(SCALE_ODDS))
    np.fill_diagonal(cost, 0.0)
    return cost


def format_costs(cost: np.ndarray, header: Sequence[str]) -> str:
    """The cost table as TSV: ``#`` header lines, then one row per source letter."""
    labels = [chr(ord("a") + i) for i in range(LETTERS)] + ["-"]
    lines = [f"# {line}" for line in header]
    lines.append("\t".join(["from/to", *labels]))
    for label, row in zip(labels, cost, strict=True):
        lines.append("\t".join([label, *(f"{v:.4f}" for v in row)]))
    return "\n".join(lines) + "\n"


def parse_costs(text: str) -> np.ndarray:
    """Read a table written by :func:`format_costs` (InputError if it is not one)."""
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    try:
        cost = np.array([[float(v) for v in row[1:]] for row in rows[1:]])
    except ValueError as exc:
        raise InputError(f"not a cost table: {exc}", "cost table") from exc
    if cost.shape != (LETTERS + 1, LETTERS + 1):
        raise InputError(f"expected a 27 x 27 cost table, got {cost.shape}", "cost table")
    return cost


@lru_cache(maxsize=2)
def shipped_costs(name: str) -> np.ndarray:
    """A shipped table: :data:`ARABIC_COSTS` or :data:`ALPHABET_COSTS` in ``watchline/data``."""
    return parse_costs(resources.files("watchline.data").joinpath(name).read_text("utf-8"))
