"""What is known about names themselves, beyond how they are spelt.

The spelling views in ``similarity.py`` see two strings; the names layer knows more: which
forms belong to one name (its equivalence classes), which forms are patronymics, and that
Arabic names are romanised with whatever vowels the writer hears. This module corrects a
pair's spelling similarity with that knowledge.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from watchline.matching.arrays import IntArray, any_true, true_at
from watchline.matching.skeleton import vowel_class
from watchline.matching.strings import lev, objects
from watchline.matching.tokens import name_forms

if TYPE_CHECKING:
    from watchline.matching.similarity import QueryParts
    from watchline.matching.vocab import Vocab

DISTINCT_NAMES_FACTOR = 0.85  # Elena/Alina: two known names, not two spellings
DISTINCT_KEYS_BELOW = 0.75
FORMS_FROM, FORMS_UNTIL = 0.55, 0.9  # pairs worth a look through the other forms
FORMS_FACTOR = 0.95
VOWEL_ONLY_SIM = 0.9  # at least KNOWN_NAME_BELOW in similarity.py: never discounted
SHORT_CLASS, SHORT_CLASS_SIM = 4, 0.6
ROLE_MISMATCH_FACTOR = 0.85  # a surname is not a patronymic: Aleksandrova/Aleksandrovna


KNOWLEDGE_VIEWS: tuple[tuple[str, Callable[[str], object]], ...] = (("tokens", vowel_class),)


def spelt_as_listed(query: QueryParts, qi: IntArray) -> np.ndarray:
    """Query parts spelt exactly as some listed part, by the person rather than by us: a
    part romanised from Arabic script carries vowels the romaniser guessed, so its
    coincidence with a listed part says little."""
    out: np.ndarray = (query.exact[qi] >= 0) & ~query.abjad[qi]
    return out


def what_names_say(
    query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray, sims: np.ndarray
) -> np.ndarray:
    """Spelling similarity corrected by what is known of the names themselves.

    Same equivalence class: one name (1.0). Two known, clearly different names: discounted.
    A surname against a patronymic (Aleksandrova/Aleksandrovna): discounted, different
    roles. Spellings that differ only in which vowels they write (Salih/Saleh, Zahid/Zahed,
    as Arabic names are romanised): at least ``VOWEL_ONLY_SIM`` (and at least
    ``KNOWN_NAME_BELOW``, so never discounted as a known name's mere look-alike)."""
    same, distinct, roles, vowels_only = name_knowledge(query, qi, vocab, pid, sims)
    # each correction touches few pairs: testing for none costs less than applying it
    if any_true(distinct):
        sims = np.where(distinct, sims * DISTINCT_NAMES_FACTOR, sims)
    if any_true(roles):
        sims = np.where(roles, sims * ROLE_MISMATCH_FACTOR, sims)
    if any_true(vowels_only):
        sims = np.where(vowels_only, np.maximum(sims, VOWEL_ONLY_SIM), sims)
    out: np.ndarray = np.where(same, 1.0, sims)
    return out


def name_knowledge(
    query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray, sims: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per pair: one name (same trusted class), two distinct known names, different roles
    (surname against patronymic), spellings differing only in their vowels."""
    same = _one_name(query, qi, vocab, pid, sims)
    distinct = ~same & _distinct_names(query, qi, vocab, pid)
    roles = query.patronymic[qi] != vocab.traits.patronymic.view[pid]
    vowels_only = ~same & ~distinct & _vowels_only(query, qi, vocab, pid)
    return same, distinct, roles & ~same, vowels_only


def _one_name(
    query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray, sims: np.ndarray
) -> np.ndarray:
    """Pairs in one equivalence class, trusted as one name.

    The classes are mined from multilingual records, and those of short East Asian names
    join unrelated syllables (Kim/Yang, Qi/Kuk, Bi/Mai); a class of parts under
    ``SHORT_CLASS`` letters is trusted only when the spellings are also alike."""
    same: np.ndarray = query.canon[qi] == vocab.arrays["canon"].view[pid]
    shortest = np.minimum(query.length[qi], vocab.lengths.view[pid])
    trusted: np.ndarray = same & ((shortest >= SHORT_CLASS) | (sims >= SHORT_CLASS_SIM))
    return trusted


def _distinct_names(query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray) -> np.ndarray:
    """Pairs of two known forms of clearly different names (Elena/Alina, Maria/Daria).

    The equivalence classes are mined, and some names are split over two classes with
    near-identical keys (yusef/yusuf); only classes whose keys are themselves unalike
    (similarity below ``DISTINCT_KEYS_BELOW``) count as different names."""
    out = query.known[qi]
    idx = true_at(out)
    if len(idx):
        listed_known = vocab.traits.known.view[pid[idx]]
        keys = lev(query.canon[qi[idx]], vocab.arrays["canon"].view[pid[idx]])
        out[idx] = listed_known & (keys < DISTINCT_KEYS_BELOW)
    return out


def other_forms(
    query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray, sims: np.ndarray
) -> np.ndarray:
    """An unknown spelling against the closest form of the known name on the other side.

    Only between a known and an unknown part that are already alike (two known names
    are compared as they are: Elena is not Alina because Alena is a form of Alina)."""
    out = np.zeros(len(qi))
    listed_known = vocab.traits.known.view[pid]
    pick = (query.known[qi] ^ listed_known) & (sims >= FORMS_FROM) & (sims < FORMS_UNTIL)
    idx = true_at(pick)
    if not len(idx):
        return out
    q_tokens = query.tokens[qi[idx]].tolist()
    c_tokens = vocab.arrays["tokens"].view[pid[idx]].tolist()
    spellings: list[str] = []
    forms: list[str] = []
    counts: list[int] = []
    for q, c, c_known in zip(q_tokens, c_tokens, listed_known[idx].tolist(), strict=True):
        known, spelling = (c, q) if c_known else (q, c)
        alternatives = name_forms(known)
        spellings += [spelling] * len(alternatives)
        forms += alternatives
        counts.append(len(alternatives))
    if not forms:
        return out
    sims_all = lev(objects(spellings), objects(forms))
    starts = np.cumsum([0, *counts[:-1]])
    has = np.array(counts) > 0
    out[idx[has]] = np.maximum.reduceat(sims_all, starts[has]) * FORMS_FACTOR
    return out


def _vowels_only(query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray) -> np.ndarray:
    """Pairs whose forms differ only in which vowels they write (Salih/Saleh)."""
    out: np.ndarray = query.vowels[qi] == vocab.view(pid, "tokens", vowel_class)
    return out.astype(np.bool_)
