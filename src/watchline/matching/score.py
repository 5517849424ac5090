"""From evidence to one score in [0, 1].

The score is a logistic function of summed log-odds: the name similarity contributes
``NAME_SLOPE * (similarity - NAME_MIDPOINT)`` and each feature in ``features.py`` adds its
own amount. A name-only exact match lands near 0.95; a name similarity of
``NAME_MIDPOINT`` alone gives 0.5. Because the parts add, an explanation can list them and
the reader can redo the sum.

``DEFAULT_THRESHOLD`` was chosen on ``bench/screening_quality.py --sweep``: the lowest
value, in steps of 0.05, at which the false-positive rate stays at or below 1% in EVERY
negative category (rerun after the cross-script views: at 0.65 the Google ar2en negatives
reach 1.03%; at 0.70 the worst is 0.6%, overall 0.5%; see docs/screening.md).
"""

from __future__ import annotations

import math

from watchline.matching.explain import Contribution
from watchline.matching.facts import Facts
from watchline.matching.features import FEATURES

NAME_SLOPE = 14.0
NAME_MIDPOINT = 0.78
DEFAULT_THRESHOLD = 0.7


def name_contribution(similarity: float) -> Contribution:
    """Log-odds from name similarity: steep around the midpoint, where spelling decides."""
    value = NAME_SLOPE * (similarity - NAME_MIDPOINT)
    return Contribution("name", value, f"name similarity {similarity:.2f}")


def feature_contributions(query: Facts, listed: Facts) -> list[Contribution]:
    """Every non-name feature that has something to say about this pair."""
    found: list[Contribution] = []
    for name, feature in FEATURES.items():
        result = feature(query, listed)
        if result is not None:
            found.append(Contribution(name, result[0], result[1]))
    return found


def combine(contributions: list[Contribution]) -> float:
    """The logistic of the summed log-odds, in [0, 1]."""
    total = sum(c.value for c in contributions)
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, total))))


def name_only_score(similarity: float) -> float:
    """The score a name similarity gives with no other evidence (for vectorised pruning)."""
    return combine([name_contribution(similarity)])
