"""A compound name part against the shorter name it goes by (Sirajuddin/Siraj, Abdul Basir/Basir).

Arabic theophoric compounds and ``abd`` names are shortened in daily use, and lists record the
short form as an alias ("Siraj Haqqani" for SIRAJUDDIN HAQQANI, "Basir Noorzai" for ABDUL BASIR
NOORZAI). No spelling view sees that: the short form lacks a third of the letters. This view
compares the short form of the compound (``watchline.names.short_form``) with the other part,
on transliteration forms, and scales the result by ``SHORT_FORM_FACTOR``: a shortened name is
good evidence, not as good as the full one.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from watchline.matching.arrays import IntArray, true_at
from watchline.matching.skeleton import PART_VIEW_CACHE, translit_form
from watchline.matching.strings import lev
from watchline.matching.tokens import short_form

if TYPE_CHECKING:
    from watchline.matching.similarity import QueryParts
    from watchline.matching.vocab import Vocab

SHORT_FORM_FACTOR = 0.85


@lru_cache(maxsize=PART_VIEW_CACHE)
def short_form_key(token: str) -> str:
    """The transliteration form of a part's short form, ``""`` if it has none."""
    short = short_form(token)
    return translit_form(short) if short else ""


def shortened(query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray) -> np.ndarray:
    """Similarity of one part with the short form of the other, times the factor."""
    out = np.zeros(len(qi))
    idx = true_at(vocab.traits.short_form.view[pid])
    if len(idx):
        listed_short = vocab.view(pid[idx], "tokens", short_form_key)
        out[idx] = lev(listed_short, query.form[qi[idx]])
    idx = true_at(query.has_short_key[qi])
    if len(idx):
        other = vocab.arrays["form"].view[pid[idx]]
        out[idx] = np.maximum(out[idx], lev(query.short_key[qi[idx]], other))
    return out * SHORT_FORM_FACTOR


def has_short_form(token: str) -> bool:
    """Whether a part is a compound with a shorter name (a cached per-part view)."""
    return bool(short_form_key(token))
