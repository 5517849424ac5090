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
* learned: for a query part we romanised (or a Latin romanisation of an Arabic name)
  against a listed part seen written in Latin, an edit distance with costs learned from
  real name pairs of that script family (``learned.py``), scaled by ``LEARNED_FACTOR``
  (Sokolow/سوكولوف, Kohn/كون: foreign names through Arabic script; Legault/Лего);
* other forms: an unknown spelling against the closest form of the known name on the
  other side (see ``knowledge.py``, which also applies what the names layer knows: one
  equivalence class is one name, Ivan/Johann; two known, unalike names are two names;
  a surname is not a patronymic; Arabic names vary in their vowels).

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

from watchline.matching.align import is_patronymic, optional_factors
from watchline.matching.arrays import IntArray
from watchline.matching.knowledge import (
    KNOWLEDGE_VIEWS,
    other_forms,
    spelt_as_listed,
    what_names_say,
)
from watchline.matching.learned import ALPHABET_COSTS, ARABIC_COSTS, shipped_costs, similarity
from watchline.matching.skeleton import (
    abjad_consonants,
    abjad_consonants_central,
    consonants,
    not_latin,
    translit_form,
    vowel_class,
)
from watchline.matching.strings import lev, objects
from watchline.matching.tokens import canonical, known_name

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
LEARNED_FACTOR = 0.95


class _Unit(Protocol):
    name: str
    tokens: list[str]
    abjad: bool
    start: int


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
        "length",
        "loose",
        "optional",
        "patronymic",
        "short",
        "tiny",
        "tokens",
        "unit",
        "vowel_initial",
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
        self.tokens = objects(tokens)
        self.canon = objects([canonical(t) for t in tokens])
        self.known = np.array([known_name(t) for t in tokens], dtype=np.bool_)
        self.patronymic = np.array([is_patronymic(t) for t in tokens], dtype=np.bool_)
        self.form = objects(forms)
        cons = [consonants(f) for f in forms]
        self.cons = objects(cons)
        self.short = np.array([len(c) < MIN_SKELETON for c in cons], dtype=np.bool_)
        self.tiny = np.array([len(c) < 2 for c in cons], dtype=np.bool_)
        self.initial = np.array([len(t) == 1 for t in tokens], dtype=np.bool_)
        self.length = np.array([len(t) for t in tokens], dtype=np.int64)
        self.vowel_initial = np.array([_vowel_initial(t) for t in tokens], dtype=np.bool_)
        self.abjad = abjad
        self.unit = unit
        self.exact = np.array([vocab.ids.get(t, -1) for t in tokens], dtype=np.int64)
        self.optional = optional_factors(tokens)
        self.loose = objects([vowel_class(f) for f in forms])
        self.abjad_cons = objects([abjad_consonants(t) for t in tokens])
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


def pair_similarity(
    query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray, discount: bool
) -> np.ndarray:
    """Similarity of query part ``qi[k]`` with listed part ``pid[k]``, for every k."""
    if not len(qi):
        return np.zeros(0)
    arrays = vocab.arrays
    sims = np.maximum(
        lev(query.tokens[qi], arrays["tokens"].view[pid]),
        lev(query.form[qi], arrays["form"].view[pid]) * TRANSLIT_FACTOR,
    )
    sims = np.maximum(sims, _skeleton_similarity(query, qi, vocab, pid))
    sims = np.maximum(sims, _vowel_drift(query, qi, vocab, pid))
    sims = np.maximum(sims, _initials(query, qi, vocab, pid))
    sims = np.maximum(sims, other_forms(query, qi, vocab, pid, sims))
    sims = np.maximum(sims, _learned(query, qi, vocab, pid, ~query.abjad[qi], ALPHABET_COSTS))
    sims = what_names_say(query, qi, vocab, pid, sims)
    sims = np.maximum(sims, _learned(query, qi, vocab, pid, query.abjad[qi], ARABIC_COSTS))
    if discount:
        fuzzy = spelt_as_listed(query, qi) & (sims < KNOWN_NAME_BELOW)
        sims = np.where(fuzzy, sims * KNOWN_NAME_FACTOR, sims)
    out: np.ndarray = np.where(sims < FLOOR, 0.0, sims).astype(np.float64)
    return out


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
    cross = (query.cross[qi] | vocab.abjad.view[pid]) & ~spelt_as_listed(query, qi)
    if not cross.any():
        return out
    idx = np.flatnonzero(cross)
    listed = vocab.view(pid[idx], "form", vowel_class)
    forms = vocab.arrays["form"].view[pid[idx]]
    both = lev(query.form[qi[idx]], forms) + lev(query.loose[qi[idx]], listed)
    out[idx] = both / 2 * VOWEL_FACTOR
    return out


def _learned(
    query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray, which: np.ndarray, table: str
) -> np.ndarray:
    """Learned romanised-to-Latin edit costs (``table``) for the ``which`` pairs whose query
    part we romanised (or whose vowels a romaniser guessed) and whose listed part was seen in
    Latin: between two parts both romanised by us the same rules made both, and the learned
    edits would only blur them.

    The Arabic table applies after what the names layer knows (``what_names_say``): our
    romanisation of an Arabic-script part guesses its vowels, so its being or not being a
    known name says little. The alphabets' table applies before it: Cyrillic writes its
    vowels, so Елена stays Elena and not Alina."""
    out = np.zeros(len(qi))
    idx = np.flatnonzero(query.cross[qi] & vocab.latin.view[pid] & which)
    if len(idx):
        listed = vocab.arrays["tokens"].view[pid[idx]].tolist()
        learned = similarity(query.tokens[qi[idx]].tolist(), listed, shipped_costs(table))
        out[idx] = learned * LEARNED_FACTOR
    return out


def _skeleton_similarity(
    query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray
) -> np.ndarray:
    """Consonant-skeleton view: strong for abjad-born pairs, weak (and >= 3 letters) else."""
    q_cons = query.cons[qi]
    skeleton = lev(q_cons, vocab.arrays["cons"].view[pid])
    abjad = query.abjad[qi] | vocab.abjad.view[pid]
    short = (query.short[qi] | vocab.short_cons.view[pid]) & ~abjad
    tiny = query.tiny[qi] | vocab.tiny_cons.view[pid]
    few = query.short[qi] | vocab.short_cons.view[pid]
    factor = np.where(abjad, np.where(few, ABJAD_SHORT_FACTOR, ABJAD_FACTOR), CONSONANT_FACTOR)
    out: np.ndarray = np.where(short | tiny | (abjad & few), 0.0, skeleton * factor)
    if abjad.any():
        # Arabic script writes an initial vowel (alif, ayn): Audunis is not Dinos
        q_vowel = query.vowel_initial[qi]
        c_vowel = vocab.view(pid, "tokens", _vowel_initial).astype(np.bool_)
        out = np.where(abjad & (q_vowel != c_vowel), 0.0, out)
        idx = np.flatnonzero(abjad)
        out[idx] = np.maximum(out[idx], _written_consonants(query, qi[idx], vocab, pid[idx]))
    return out


def _vowel_initial(token: str) -> bool:
    return token[:1] in ("a", "e", "i", "o", "u")


def listed_views() -> tuple[tuple[str, Callable[[str], object]], ...]:
    """Every per-part view of listed parts the similarity views read (for ``Vocab.warm``)."""
    return (
        ("form", vowel_class),
        ("tokens", _vowel_initial),
        ("tokens", abjad_consonants),
        ("tokens", abjad_consonants_central),
        *KNOWLEDGE_VIEWS,
    )


def _written_consonants(query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray) -> np.ndarray:
    """Abjad pairs on the consonants Arabic writes; their own length decides how much a
    match says (the transliteration skeleton drops the jim of "Janufa" as a glide)."""
    q_cons = query.abjad_cons[qi]
    listed = vocab.view(pid, "tokens", abjad_consonants)
    written = np.maximum(
        lev(q_cons, listed), lev(q_cons, vocab.view(pid, "tokens", abjad_consonants_central))
    )
    q_len = np.fromiter((len(c) for c in q_cons.tolist()), dtype=np.int64, count=len(qi))
    c_len = np.fromiter((len(c) for c in listed.tolist()), dtype=np.int64, count=len(pid))
    shortest = np.minimum(q_len, c_len)
    factor = np.where(shortest < MIN_SKELETON, ABJAD_SHORT_FACTOR, ABJAD_FACTOR)
    out: np.ndarray = np.where(shortest < 2, 0.0, written * factor)
    return out
