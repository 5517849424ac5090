"""Screening names against the registry: candidate index, scorer, explanations.

Pure core: no I/O (an index is written and read by ``watchline.store.index_files``).
"""

from watchline.matching.explain import Contribution, Explanation, PartMatch
from watchline.matching.index import NameIndex
from watchline.matching.query import Hit, Query
from watchline.matching.score import DEFAULT_THRESHOLD
from watchline.matching.screener import Screener

__all__ = [
    "DEFAULT_THRESHOLD",
    "Contribution",
    "Explanation",
    "Hit",
    "NameIndex",
    "PartMatch",
    "Query",
    "Screener",
]
