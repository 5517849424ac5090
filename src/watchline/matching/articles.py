"""A Latin part with the Arabic article glued on against the same name without it.

Arabic script writes the article as part of the word (السعيد, الكاييم); our romanisation
drops it, as the names layer drops a separate ``al``. Latin lists often keep it glued and
assimilated, as French and Maghrebi spellings do (Essaid, Elkaim, Ettayeb), so the pair
looks like a name with two or three extra letters. This view compares the part without its
article (``watchline.names.article_stem``) with the other part, on transliteration forms
and on the consonants Arabic writes, scaled by ``ARTICLE_FACTOR``.

Only across Arabic script (a part written in it, or a Latin name with the marks of one
romanised from it: ``skeleton.vowels_guessed``): between two Latin spellings, Elkhan is not
Khan and Elnur is not Nur, and there the glued front is as likely part of the name as an
article.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from watchline.matching.arrays import IntArray, any_true, true_at
from watchline.matching.skeleton import PART_VIEW_CACHE, abjad_consonants, translit_form
from watchline.matching.strings import lev, objects
from watchline.matching.tokens import article_stem
from watchline.matching.views import ABJAD_FACTOR, ABJAD_SHORT_FACTOR, MIN_SKELETON

if TYPE_CHECKING:
    from watchline.matching.similarity import QueryParts
    from watchline.matching.vocab import Vocab

ARTICLE_FACTOR = 0.95


@lru_cache(maxsize=PART_VIEW_CACHE)
def stem_form(token: str) -> str:
    """The transliteration form of a part without its glued article, ``""`` if it has none."""
    stem = article_stem(token)
    return translit_form(stem) if stem else ""


@lru_cache(maxsize=PART_VIEW_CACHE)
def stem_written(token: str) -> str:
    """The consonants Arabic writes of a part without its glued article."""
    stem = article_stem(token)
    return abjad_consonants(stem) if stem else ""


def has_article(token: str) -> bool:
    """Whether a part may have an article glued on (a cached per-part view)."""
    return bool(stem_form(token))


def glued_article(query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray) -> np.ndarray:
    """Similarity of the article-less part with the other part, times the factor."""
    out = np.zeros(len(qi))
    if any_true(query.abjad):  # an Arabic-script query part against a listed Latin one with it
        idx = true_at(query.abjad[qi] & vocab.latin.view[pid])
        idx = idx[vocab.traits.article.view[pid[idx]]]
        if len(idx):
            stems = vocab.view(pid[idx], "tokens", stem_form)
            written = vocab.view(pid[idx], "tokens", stem_written)
            out[idx] = _best(stems, written, query.form[qi[idx]], query.abjad_cons[qi[idx]])
    glued = query.stem != ""
    if any_true(glued):  # a query part with it against a part listed from Arabic script
        idx = true_at(glued[qi] & vocab.abjad.view[pid])
        if len(idx):
            written = objects([stem_written(t) for t in query.tokens[qi[idx]].tolist()])
            other = vocab.arrays["form"].view[pid[idx]]
            other_written = vocab.traits.written.view[pid[idx]]
            out[idx] = _best(query.stem[qi[idx]], written, other, other_written)
    return out * ARTICLE_FACTOR


def _best(
    stems: np.ndarray, written: np.ndarray, forms: np.ndarray, consonants: np.ndarray
) -> np.ndarray:
    """The better of the spelling and the written-consonant comparison of stem and part,
    the latter weighted as ``views.skeleton_similarity`` weighs abjad skeletons."""
    lengths = np.fromiter((len(c) for c in written.tolist()), dtype=np.int64, count=len(written))
    factor = np.where(lengths < MIN_SKELETON, ABJAD_SHORT_FACTOR, ABJAD_FACTOR)
    by_consonants = np.where(lengths < 2, 0.0, lev(written, consonants) * factor)
    out: np.ndarray = np.maximum(lev(stems, forms), by_consonants)
    return out
