"""The views of an Arabic-script part against a Latin one, weighed together as real pairs say.

Elsewhere the best view of a pair wins (``similarity.py``). Across Arabic script that throws
evidence away. The romaniser guesses the short vowels, so every view of such a pair is
noisy. One view alone may spike by chance: أنيكي and Unoki share the skeleton "nk". Several
views may each be middling and yet all agree: جرن and Ceren, read as Turkish, or يوهان and
Johann. How much each view says was measured on real pairs:

* the first Arabic-script form of each rigour person-name cluster outside the benchmark's
  held-out split, against the listed parts that the retrieval keys find for it;
* the cluster's own first Latin form is the true partner, every other found part a false one;
* a logistic regression over the views, plus the lengths of both parts (how much a match
  says depends on how long the parts are), separates the two.

The regression's probability is then put back on the scale of the views. A probability
that a share r of the false partners reach is mapped to the best-view similarity that the
same share r of them reach. So a similarity of 0.8 keeps the meaning it has everywhere
else: as many false partners score it, and the name-level scoring and its threshold need
no change. The pairs the weighing moves are those where the views agree or disagree more
than their best one shows, and it moves them at most :data:`REACH`. Pairs the names layer
calls one name are neither weighed nor fitted on: they stay 1.0.

``scripts/build_view_weights.py`` fits the weights and writes the shipped file. Rerun it
whenever a view changes: a test compares the shipped file with a rebuild.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

from watchline.errors import InputError
from watchline.matching.arrays import IntArray, any_true, true_at
from watchline.matching.views import READING_LABELS, VOWEL_DRIFT

if TYPE_CHECKING:
    from watchline.matching.similarity import QueryParts
    from watchline.matching.vocab import Vocab

VIEW_WEIGHTS = "arabic_view_weights.json"
#: Pairs whose best view is under this are left as they are: below the similarity floor
#: either way, and not what the weights were fitted on.
WEIGHED_FROM = 0.4
#: How far the weighing may move a pair from its best view. The weights were fitted on
#: single parts, but a false hit needs two parts that each look alike, and moving pairs
#: further finds more Arabic-script names and more false hits alike. Measured over the
#: quality benchmark's three draws, against the best view alone: at 0.05, recall +0.0012
#: at the same false-positive rate; at 0.10, +0.0018 and +0.0013 false positives; at 0.15,
#: +0.0025 and +0.0032; unbounded, +0.0024 and +0.0102.
REACH = 0.05
#: What the weights read, in column order (see :func:`columns`).
FEATURES = (
    "best view after what the names layer knows",
    "learned from real Arabic-script pairs",
    "best pronounced reading",
    "spelling",
    "transliteration",
    "consonant skeleton",
    "vowels drifted across scripts",
    "listed part length",
    "query part length",
)
LENGTH_CAP = 12  # letters; longer parts say no more
_FIT_ROUNDS = 4000
_FIT_STEP = 0.5
_FIT_L2 = 1e-4
_KNOTS = np.concatenate([np.linspace(0.0, 0.99, 100), np.linspace(0.991, 1.0, 10)])


@dataclass(frozen=True)
class ViewWeights:
    """A fitted logistic regression over :data:`FEATURES` and its map onto view similarity."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    probability: np.ndarray  # increasing knots of the false partners' probabilities
    similarity: np.ndarray  # the best-view similarity at the same share of false partners

    def probabilities(self, columns: np.ndarray) -> np.ndarray:
        """The fitted probability that each row's pair is one name."""
        z = (columns - self.mean) / self.scale
        out: np.ndarray = 1.0 / (1.0 + np.exp(-(z @ self.weights + self.bias)))
        return out

    def weigh(self, columns: np.ndarray, best: np.ndarray) -> np.ndarray:
        """Each row's similarity on the views' own scale (see the module docstring), within
        :data:`REACH` of its ``best`` view."""
        found = np.interp(self.probabilities(columns), self.probability, self.similarity)
        out: np.ndarray = np.clip(found, best - REACH, best + REACH)
        return out


def fit_weights(columns: np.ndarray, true: np.ndarray, best_view: np.ndarray) -> ViewWeights:
    """Weights from pairs (rows of ``columns``) labelled ``true`` or false. ``best_view`` is
    each pair's similarity before weighing: the false pairs' values make the map back to it.

    Full-batch gradient descent on standardised columns with a small L2 penalty:
    deterministic, and a few seconds for a few hundred thousand pairs."""
    if not true.any() or true.all():
        raise InputError(f"need true and false pairs to fit weights, got {len(true)} pairs")
    mean = columns.mean(axis=0)
    scale = columns.std(axis=0) + 1e-9
    z = (columns - mean) / scale
    y = true.astype(np.float64)
    weights = np.zeros(columns.shape[1])
    bias = 0.0
    for _ in range(_FIT_ROUNDS):
        p = 1.0 / (1.0 + np.exp(-(z @ weights + bias)))
        weights -= _FIT_STEP * (z.T @ (p - y) / len(y) + _FIT_L2 * weights)
        bias -= _FIT_STEP * float((p - y).mean())
    fitted = ViewWeights(mean, scale, weights, bias, np.zeros(1), np.zeros(1))
    false = ~true.astype(np.bool_)
    probability = _rounded(np.quantile(fitted.probabilities(columns[false]), _KNOTS))
    similarity = _rounded(np.quantile(best_view[false], _KNOTS))
    probability, similarity = _increasing(probability, similarity)
    return ViewWeights(mean, scale, weights, bias, probability, similarity)


def _rounded(values: np.ndarray) -> np.ndarray:
    """Values as the shipped file writes them (8 significant digits), so that knots that
    increase here still increase when read back."""
    return np.array([float(f"{v:.8g}") for v in values.tolist()])


def _increasing(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Knots with strictly increasing ``x`` (the last of a run of ties kept), so that the
    interpolation is a function."""
    keep = np.append(np.diff(x) > 0, True)
    return x[keep], y[keep]


def format_weights(fitted: ViewWeights, header: list[str]) -> str:
    """The weights as the shipped JSON document, to 8 significant digits."""

    def rounded(values: np.ndarray) -> list[float]:
        return [float(v) for v in _rounded(values)]

    document = {
        "about": header,
        "features": list(FEATURES),
        "mean": rounded(fitted.mean),
        "scale": rounded(fitted.scale),
        "weights": rounded(fitted.weights),
        "bias": float(f"{fitted.bias:.8g}"),
        "probability": rounded(fitted.probability),
        "similarity": rounded(fitted.similarity),
    }
    return json.dumps(document, indent=1) + "\n"


def parse_weights(text: str, where: str = VIEW_WEIGHTS) -> ViewWeights:
    """The weights of a JSON document written by :func:`format_weights`."""
    try:
        document = json.loads(text)
        if document["features"] != list(FEATURES):
            raise InputError("the weights were fitted on other views; rebuild them", where)
        arrays = {
            key: np.asarray(document[key], dtype=np.float64)
            for key in ("mean", "scale", "weights", "probability", "similarity")
        }
        bias = float(document["bias"])
    except (ValueError, KeyError, TypeError) as error:
        raise InputError(f"not a view-weights document: {error}", where) from error
    _check_shapes(arrays, where)
    return ViewWeights(bias=bias, **arrays)


def _check_shapes(arrays: dict[str, np.ndarray], where: str) -> None:
    per_feature = ("mean", "scale", "weights")
    if any(arrays[key].shape != (len(FEATURES),) for key in per_feature):
        raise InputError(f"mean, scale and weights need {len(FEATURES)} values each", where)
    knots = arrays["probability"]
    if knots.shape != arrays["similarity"].shape or knots.ndim != 1 or len(knots) < 2:
        raise InputError("probability and similarity need the same two or more knots", where)
    if np.any(np.diff(knots) <= 0) or np.any(arrays["scale"] <= 0):
        raise InputError("knots must increase and scales be positive", where)


@lru_cache(maxsize=1)
def shipped_weights() -> ViewWeights:
    """The weights shipped in ``watchline/data`` (:data:`VIEW_WEIGHTS`)."""
    text = resources.files("watchline.data").joinpath(VIEW_WEIGHTS).read_text("utf-8")
    return parse_weights(text)


Evidence = tuple[list[tuple[str, np.ndarray]], np.ndarray, np.ndarray]  # views, after, arabic


def weighed(
    query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray, evidence: Evidence
) -> np.ndarray:
    """The best view after what the names layer knows, or, for an Arabic-script query part
    against a part seen in Latin, all views weighed together. ``evidence``: each view as
    ``similarity._spelling_views`` gives them, the best of them after what the names layer
    knows, and the learned Arabic view. A pair the names layer calls one name stays 1.0."""
    _, after, arabic = evidence
    sims: np.ndarray = np.maximum(after, arabic)
    if not any_true(query.abjad[qi]):  # the usual case: nothing to weigh
        return sims
    idx = true_at(to_weigh(query, qi, vocab, pid, after, sims))
    if len(idx):
        table = columns(query, qi[idx], vocab, pid[idx], _picked(evidence, idx))
        sims[idx] = shipped_weights().weigh(table, sims[idx])
    return sims


def to_weigh(
    query: QueryParts,
    qi: IntArray,
    vocab: Vocab,
    pid: IntArray,
    after: np.ndarray,
    best: np.ndarray,
) -> np.ndarray:
    """The pairs :func:`weighed` weighs: an Arabic-script query part, a listed part seen in
    Latin, a best view from :data:`WEIGHED_FROM`, and not one name to the names layer."""
    out: np.ndarray = query.abjad[qi] & vocab.latin.view[pid] & (best >= WEIGHED_FROM)
    return out & (after < 1.0)


def _picked(evidence: Evidence, idx: IntArray) -> Evidence:
    found, after, arabic = evidence
    return [(label, view[idx]) for label, view in found], after[idx], arabic[idx]


def columns(
    query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray, evidence: Evidence
) -> np.ndarray:
    """The :data:`FEATURES` of each pair, as columns."""
    found, after, arabic = evidence
    by_label = dict(found)
    readings = [view for label, view in found if label in READING_LABELS]
    pronounced = np.maximum.reduce(readings) if readings else np.zeros(len(qi))
    listed_len = np.minimum(vocab.lengths.view[pid], LENGTH_CAP) / LENGTH_CAP
    query_len = np.minimum(query.length[qi], LENGTH_CAP) / LENGTH_CAP
    labels = ("spelling", "transliteration", "consonant skeleton", VOWEL_DRIFT)
    spelt = [by_label[label] for label in labels]
    return np.stack([after, arabic, pronounced, *spelt, listed_len, query_len], axis=1)
