"""How alike two name parts are, for many pairs at once.

Several views of a pair; the best one wins:

* spelling: normalised OSA (Levenshtein with transpositions) similarity of the folded parts (typos);
* transliteration: the same on :func:`~watchline.matching.skeleton.translit_form`, scaled by
  ``TRANSLIT_FACTOR`` (Iurii/Yuriy, Aleksei/Alexey, Schewtschenko/Shevchenko);
* consonants: the same on consonant skeletons, scaled by ``ABJAD_FACTOR`` when either side
  came from Arabic/Hebrew script (vowels are guesses there) and by ``CONSONANT_FACTOR``
  otherwise (Krylov and Korolev share a skeleton but are different names); for abjad pairs
  also on :func:`~watchline.matching.skeleton.abjad_consonants` (as Arabic writes them:
  no v, no p, one g/j), at ``ABJAD_SHORT_FACTOR`` when a skeleton has under 3 letters;
* vowel drift: for cross-script pairs only (the query was written in a non-Latin script,
  or the listed part came from an abjad), the mean of the transliteration view and the same
  comparison on :func:`~watchline.matching.skeleton.vowel_class` forms, scaled by
  ``VOWEL_FACTOR`` (Miršajmer/Mearsheimer: renderings of foreign names keep the consonant
  frame and drift in the vowels; the mean keeps Elena/Alina apart from a sure match);
* equivalence: parts with the same canonical key (given-name equivalents such as
  Ivan/Johann when the names layer knows them) count as identical.

Below ``FLOOR`` a pair counts as unrelated (0), so unrelated parts never add weight.
When scoring (not when retrieving), a query part that is itself a listed part gets its
merely-similar pairings discounted by ``KNOWN_NAME_FACTOR``: if the registry knows
"Shevchenko", a query "Shevchenko" is more likely that real name than a typo of
"Levchenko". Not for parts romanised from Arabic script, whose vowels are our guess.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

import numpy as np
from rapidfuzz.distance import OSA
from rapidfuzz.process import cpdist

from watchline.matching.align import is_patronymic, optional_factors
from watchline.matching.arrays import IntArray
from watchline.matching.skeleton import (
    abjad_consonants,
    abjad_consonants_kh,
    consonants,
    translit_form,
    vowel_class,
)
from watchline.matching.tokens import canonical, known_name, name_forms

if TYPE_CHECKING:
    from watchline.matching.vocab import Vocab

TRANSLIT_FACTOR = 0.97
ABJAD_FACTOR = 0.95
CONSONANT_FACTOR = 0.7
ABJAD_SHORT_FACTOR = 0.85  # a two-consonant skeleton (Jabar/Praia: "br") is weak evidence
INITIAL_SIM = 0.8  # "J" against "Joachim": consistent, but weak
KNOWN_NAME_FACTOR = 0.85
KNOWN_NAME_BELOW = 0.85  # closer pairs are spelling variants of one name, never discounted
FLOOR = 0.55
MIN_SKELETON = 3  # a one- or two-letter skeleton says nothing
VOWEL_FACTOR = 0.97
DISTINCT_NAMES_FACTOR = 0.92  # Elena/Alina: two known names, not two spellings
DISTINCT_KEYS_BELOW = 0.75
FORMS_FROM, FORMS_UNTIL = 0.55, 0.9  # pairs worth a look through the other forms
FORMS_FACTOR = 0.95
VOWEL_ONLY_SIM = 0.9  # >= KNOWN_NAME_BELOW
ROLE_MISMATCH_FACTOR = 0.85  # a surname is not a patronymic: Aleksandrova/Aleksandrovna


class _Unit(Protocol):
    name: str
    tokens: list[str]
    abjad: bool
    start: int


def _objects(values: Sequence[object]) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = list(values)
    return out


class QueryParts:
    """All parts of a batch of query names, with every form the similarity views need."""

    __slots__ = (
        "abjad",
        "abjad_cons",
        "canon",
        "cons",
        "cross",
        "exact",
        "form",
        "initial",
        "known",
        "loose",
        "optional",
        "patronymic",
        "short",
        "tiny",
        "tokens",
        "unit",
    )

    def __init__(
        self,
        tokens: list[str],
        abjad: np.ndarray,
        unit: IntArray,
        vocab: Vocab,
        cross: np.ndarray | None = None,
    ):
        forms = [translit_form(t) for t in tokens]
        self.tokens = _objects(tokens)
        self.canon = _objects([canonical(t) for t in tokens])
        self.known = np.array([known_name(t) for t in tokens], dtype=np.bool_)
        self.patronymic = np.array([is_patronymic(t) for t in tokens], dtype=np.bool_)
        self.form = _objects(forms)
        cons = [consonants(f) for f in forms]
        self.cons = _objects(cons)
        self.short = np.array([len(c) < MIN_SKELETON for c in cons], dtype=np.bool_)
        self.tiny = np.array([len(c) < 2 for c in cons], dtype=np.bool_)
        self.initial = np.array([len(t) == 1 for t in tokens], dtype=np.bool_)
        self.abjad = abjad
        self.unit = unit
        self.exact = np.array([vocab.ids.get(t, -1) for t in tokens], dtype=np.int64)
        self.optional = optional_factors(tokens)
        self.loose = _objects([vowel_class(f) for f in forms])
        self.abjad_cons = _objects([abjad_consonants(t) for t in tokens])
        self.cross = abjad if cross is None else cross

    @classmethod
    def of_units(cls, vocab: Vocab, units: Sequence[_Unit]) -> QueryParts:
        """Stack the parts of several query names; sets each unit's ``start`` offset."""
        tokens: list[str] = []
        abjad: list[bool] = []
        cross: list[bool] = []
        owner: list[int] = []
        for u, unit in enumerate(units):
            unit.start = len(tokens)
            tokens += unit.tokens
            abjad += [unit.abjad] * len(unit.tokens)
            cross += [unit.abjad or not_latin(unit.name)] * len(unit.tokens)
            owner += [u] * len(unit.tokens)
        as_bool = np.array(abjad, dtype=np.bool_)
        owners = np.array(owner, dtype=np.int64)
        return cls(tokens, as_bool, owners, vocab, np.array(cross, dtype=np.bool_))


def not_latin(name: str) -> bool:
    """True when a name has letters outside Latin (the query was transliterated)."""
    return any(ord(c) > 0x24F and c.isalpha() for c in name)


PARALLEL_PAIRS = 10**9  # above this many pairs rapidfuzz uses every core (GIL released)


def _lev(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    workers = -1 if len(a) > PARALLEL_PAIRS else 1
    out: np.ndarray = cpdist(
        a, b, scorer=OSA.normalized_similarity, dtype=np.float32, workers=workers
    )
    return out


def pair_similarity(
    query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray, discount: bool
) -> np.ndarray:
    """Similarity of query part ``qi[k]`` with listed part ``pid[k]``, for every k."""
    if not len(qi):
        return np.zeros(0)
    arrays = vocab.arrays
    sims = np.maximum(
        _lev(query.tokens[qi], arrays["tokens"].view[pid]),
        _lev(query.form[qi], arrays["form"].view[pid]) * TRANSLIT_FACTOR,
    )
    sims = np.maximum(sims, _skeleton_similarity(query, qi, vocab, pid))
    sims = np.maximum(sims, _vowel_drift(query, qi, vocab, pid))
    sims = np.maximum(sims, _initials(query, qi, vocab, pid))
    sims = np.maximum(sims, _other_forms(query, qi, vocab, pid, sims))
    sims = _what_names_say(query, qi, vocab, pid, sims)
    if discount:
        fuzzy = _spelt_as_listed(query, qi) & (sims < KNOWN_NAME_BELOW)
        sims = np.where(fuzzy, sims * KNOWN_NAME_FACTOR, sims)
    out: np.ndarray = np.where(sims < FLOOR, 0.0, sims).astype(np.float64)
    return out


def _spelt_as_listed(query: QueryParts, qi: IntArray) -> np.ndarray:
    """Query parts spelt exactly as some listed part, by the person rather than by us: a
    part romanised from Arabic script carries vowels the romaniser guessed, so its
    coincidence with a listed part says little."""
    out: np.ndarray = (query.exact[qi] >= 0) & ~query.abjad[qi]
    return out


def _what_names_say(
    query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray, sims: np.ndarray
) -> np.ndarray:
    """Spelling similarity corrected by what is known of the names themselves.

    Same equivalence class: one name (1.0). Two known, clearly different names: discounted.
    A surname against a patronymic (Aleksandrova/Aleksandrovna): discounted, different
    roles. Spellings that differ only in which vowels they write (Salih/Saleh, Zahid/Zahed,
    as Arabic names are romanised): at least ``VOWEL_ONLY_SIM`` (and at least
    ``KNOWN_NAME_BELOW``, so never discounted as a known name's mere look-alike)."""
    same = query.canon[qi] == vocab.arrays["canon"].view[pid]
    distinct = ~same & _distinct_names(query, qi, vocab, pid)
    roles = query.patronymic[qi] != _per_part(vocab, pid, "tokens", is_patronymic).astype(np.bool_)
    vowels_only = ~same & ~distinct & _vowels_only(query, qi, vocab, pid)
    sims = np.where(distinct, sims * DISTINCT_NAMES_FACTOR, sims)
    sims = np.where(roles & ~same, sims * ROLE_MISMATCH_FACTOR, sims)
    sims = np.where(vowels_only, np.maximum(sims, VOWEL_ONLY_SIM), sims)
    out: np.ndarray = np.where(same, 1.0, sims)
    return out


def _distinct_names(query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray) -> np.ndarray:
    """Pairs of two known forms of clearly different names (Elena/Alina, Maria/Daria).

    The equivalence classes are mined, and some names are split over two classes with
    near-identical keys (yusef/yusuf); only classes whose keys are themselves unalike
    (similarity below ``DISTINCT_KEYS_BELOW``) count as different names."""
    out = query.known[qi].astype(np.bool_)
    idx = np.flatnonzero(out)
    if len(idx):
        listed_known = _per_part(vocab, pid[idx], "tokens", known_name).astype(np.bool_)
        keys = _lev(query.canon[qi[idx]], vocab.arrays["canon"].view[pid[idx]])
        out[idx] = listed_known & (keys < DISTINCT_KEYS_BELOW)
    return out


def _other_forms(
    query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray, sims: np.ndarray
) -> np.ndarray:
    """An unknown spelling against the closest form of the known name on the other side.

    Only between a known and an unknown part that are already alike (two known names
    are compared as they are: Elena is not Alina because Alena is a form of Alina)."""
    out = np.zeros(len(qi))
    listed_known = _per_part(vocab, pid, "tokens", known_name).astype(np.bool_)
    pick = (query.known[qi] ^ listed_known) & (sims >= FORMS_FROM) & (sims < FORMS_UNTIL)
    idx = np.flatnonzero(pick)
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
    sims_all = _lev(_objects(spellings), _objects(forms))
    starts = np.cumsum([0, *counts[:-1]])
    has = np.array(counts) > 0
    out[idx[has]] = np.maximum.reduceat(sims_all, starts[has]) * FORMS_FACTOR
    return out


def _vowels_only(query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray) -> np.ndarray:
    """Pairs whose forms differ only in which vowels they write (Salih/Saleh)."""
    listed = _per_part(vocab, pid, "tokens", vowel_class)
    q = _objects([vowel_class(t) for t in query.tokens[qi].tolist()])
    out: np.ndarray = q == listed
    return out.astype(np.bool_)


def _initials(query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray) -> np.ndarray:
    """An initial on one side and a part starting with that letter on the other."""
    out = np.zeros(len(qi))
    one_side = query.initial[qi] ^ (vocab.lengths.view[pid] == 1)
    if not one_side.any():
        return out
    idx = np.flatnonzero(one_side)
    q_first = [t[:1] for t in query.tokens[qi[idx]].tolist()]
    l_first = [t[:1] for t in vocab.arrays["tokens"].view[pid[idx]].tolist()]
    same = np.array([a == b for a, b in zip(q_first, l_first, strict=True)], dtype=np.bool_)
    out[idx[same]] = INITIAL_SIM
    return out


def _vowel_drift(query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray) -> np.ndarray:
    """Cross-script pairs only: mean of form and vowel-class similarity, times a factor.

    Not for a query part the registry itself knows: a query "Savchenko" beside a listed
    "Savchenko" is that name, not a vowel-drifted rendering of "Shevchenko"."""
    out = np.zeros(len(qi))
    cross = (query.cross[qi] | vocab.abjad.view[pid]) & ~_spelt_as_listed(query, qi)
    if not cross.any():
        return out
    idx = np.flatnonzero(cross)
    listed = _per_part(vocab, pid[idx], "form", vowel_class)
    forms = vocab.arrays["form"].view[pid[idx]]
    both = _lev(query.form[qi[idx]], forms) + _lev(query.loose[qi[idx]], listed)
    out[idx] = both / 2 * VOWEL_FACTOR
    return out


def _per_part(vocab: Vocab, pid: IntArray, key: str, view: Callable[[str], object]) -> np.ndarray:
    """``view`` of the listed parts ``pid``, computed once per distinct part."""
    unique, inverse = np.unique(pid, return_inverse=True)
    values = _objects([view(v) for v in vocab.arrays[key].view[unique].tolist()])
    out: np.ndarray = values[inverse]
    return out


def _skeleton_similarity(
    query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray
) -> np.ndarray:
    """Consonant-skeleton view: strong for abjad-born pairs, weak (and >= 3 letters) else."""
    q_cons = query.cons[qi]
    skeleton = _lev(q_cons, vocab.arrays["cons"].view[pid])
    abjad = query.abjad[qi] | vocab.abjad.view[pid]
    short = (query.short[qi] | vocab.short_cons.view[pid]) & ~abjad
    tiny = query.tiny[qi] | vocab.tiny_cons.view[pid]
    few = query.short[qi] | vocab.short_cons.view[pid]
    factor = np.where(abjad, np.where(few, ABJAD_SHORT_FACTOR, ABJAD_FACTOR), CONSONANT_FACTOR)
    out: np.ndarray = np.where(short | tiny | (abjad & few), 0.0, skeleton * factor)
    if abjad.any():
        idx = np.flatnonzero(abjad)
        out[idx] = np.maximum(out[idx], _written_consonants(query, qi[idx], vocab, pid[idx]))
    return out


def _written_consonants(query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray) -> np.ndarray:
    """Abjad pairs on the consonants Arabic writes; their own length decides how much a
    match says (the transliteration skeleton drops the jim of "Janufa" as a glide)."""
    q_cons = query.abjad_cons[qi]
    listed = _per_part(vocab, pid, "tokens", abjad_consonants)
    written = np.maximum(
        _lev(q_cons, listed), _lev(q_cons, _per_part(vocab, pid, "tokens", abjad_consonants_kh))
    )
    q_len = np.fromiter((len(c) for c in q_cons.tolist()), dtype=np.int64, count=len(qi))
    c_len = np.fromiter((len(c) for c in listed.tolist()), dtype=np.int64, count=len(pid))
    shortest = np.minimum(q_len, c_len)
    factor = np.where(shortest < MIN_SKELETON, ABJAD_SHORT_FACTOR, ABJAD_FACTOR)
    out: np.ndarray = np.where(shortest < 2, 0.0, written * factor)
    return out
