"""From evidence to one score in [0, 1].

The score is a logistic function of summed log-odds: the name similarity contributes
``NAME_SLOPE * (similarity - NAME_MIDPOINT)`` and each feature in ``features.py`` adds its
own amount. A name-only exact match lands near 0.95; a name similarity of
``NAME_MIDPOINT`` alone gives 0.5. Because the parts add, an explanation can list them and
the reader can redo the sum.

``DEFAULT_THRESHOLD`` was chosen on ``bench/screening_quality.py --sweep``: the lowest
value, in steps of 0.05, at which the false-positive rate stays at or below 1% in EVERY
negative category (at 0.60 the Wikidata Arabic negatives reach 1.4%; see
docs/screening.md, section 6).
"""

from __future__ import annotations

import math
from functools import lru_cache

from watchline.matching.explain import Contribution
from watchline.matching.facts import Facts
from watchline.matching.features import FEATURES
from watchline.matching.filiation import CROSSED_CHAIN, crossed_chain, shifted_chain
from watchline.matching.skeleton import from_abjad, not_latin

NAME_SLOPE = 14.0
NAME_MIDPOINT = 0.78
CROSS_SCRIPT_ALLOWANCE = 0.06
# Arabic/Hebrew queries: none. At 0.02 the Arabic-script negatives pass 1% false positives
# (bench/screening_quality.py: neg_wd_arabic 1.1%, neg_google_ar2en 1.5%).
ABJAD_ALLOWANCE = 0.0
DEFAULT_THRESHOLD = 0.65


def name_contribution(
    similarity: float, query_name: str = "", listed_name: str = ""
) -> Contribution:
    """Log-odds from name similarity: steep around the midpoint, where spelling decides.

    A query written in an alphabet other than Latin (Cyrillic, Greek, Armenian, Georgian)
    was romanised by the engine, and a listed Latin form was romanised by someone else, by
    another system or after another language's spelling (Холлоуэй/Holloway, Нейрат/Neurath):
    the same person's names then differ in more letters, so the midpoint moves down by
    ``CROSS_SCRIPT_ALLOWANCE``. Not for Arabic or Hebrew script, whose consonant views are
    already generous (their unlisted names would reach the threshold too often).
    """
    allowance = _allowance(query_name, listed_name)
    value = NAME_SLOPE * (similarity - NAME_MIDPOINT + allowance)
    detail = f"name similarity {similarity:.2f}"
    if allowance:
        detail += f" (romanised from another script: midpoint {NAME_MIDPOINT - allowance:.2f})"
    return Contribution("name", value, detail)


def name_contributions(similarity: float, query_name: str, listed_name: str) -> list[Contribution]:
    """The name's contribution, and a penalty when both names spell an Arabic chain whose
    own and father's names are crossed (``filiation.py``: father and son, not one person)."""
    out = [name_contribution(similarity, query_name, listed_name)]
    if crossed_chain(query_name, listed_name):
        detail = "own and father's names crossed (bin/ibn): father and son, not one person"
        out.append(Contribution("filiation", CROSSED_CHAIN, detail))
    elif shifted_chain(query_name, listed_name):
        detail = "one name's own name is the other's father's: father and son, not one person"
        out.append(Contribution("filiation", CROSSED_CHAIN, detail))
    return out


def _allowance(query_name: str, listed_name: str) -> float:
    """How far the midpoint moves for a query romanised from another script (see above)."""
    allowance = _query_allowance(query_name)
    return allowance if allowance and not not_latin(listed_name) else 0.0


@lru_cache(maxsize=1 << 12)
def _query_allowance(query_name: str) -> float:
    """The allowance a query name brings against Latin listed names (one per query)."""
    if not not_latin(query_name):
        return 0.0
    return ABJAD_ALLOWANCE if from_abjad(query_name) else CROSS_SCRIPT_ALLOWANCE


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


def similarity_floor(threshold: float) -> float:
    """The lowest name similarity that can reach ``threshold`` on the name alone, with any
    script allowance: a safe first cut for queries that bring no other facts."""
    if threshold <= 0.0:
        return -math.inf
    if threshold >= 1.0:
        return math.inf
    allowance = max(CROSS_SCRIPT_ALLOWANCE, ABJAD_ALLOWANCE)
    return NAME_MIDPOINT - allowance + math.log(threshold / (1 - threshold)) / NAME_SLOPE


def name_only_score(similarity: float) -> float:
    """The score a name similarity gives with no other evidence (for vectorised pruning)."""
    return combine([name_contribution(similarity)])
