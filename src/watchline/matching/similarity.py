"""How alike two name parts are, for many pairs at once.

Several views of a pair (each computed in ``views.py``, with its factor); the best one wins:

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
  (Sokolow/سوكولوف, Kohn/كون: foreign names through Arabic script; Gigi/Джиджи);
* pronounced: with the same gate, the query part against the listed part as the spelling
  of each of ten languages is pronounced (``pronounce.py``, ``spellings.py``: Legault/Лего,
  Jaycee/Джейси, Julieta/خوليتا, Sachs/زاكس), scaled by ``PRONOUNCED_FACTOR``;
* article: across Arabic script, a Latin part with the article glued on against the same
  name without it (Essaid/السعيد, ``articles.py``), scaled by ``ARTICLE_FACTOR``;
* other forms: an unknown spelling against the closest form of the known name on the
  other side (see ``knowledge.py``, which also applies what the names layer knows: one
  equivalence class is one name, Ivan/Johann; two known, unalike names are two names;
  a surname is not a patronymic; Arabic names vary in their vowels).

For an Arabic-script query part against a listed part seen in Latin, the best view does
not simply win: all views are weighed together by weights fitted on real pairs, within
``weighing.REACH`` of the best one (``weighing.py``: a lone spike of one view is trusted
less, middling views that all agree more).

Below ``FLOOR`` a pair counts as unrelated (0), so unrelated parts never add weight.
When scoring (not when retrieving), a query part that is itself a listed part gets its
merely-similar pairings discounted by ``KNOWN_NAME_FACTOR``: if the registry knows
"Shevchenko", a query "Shevchenko" is more likely that real name than a typo of
"Levchenko". Not for parts romanised from Arabic script, whose vowels are our guess, nor
where the best view is a close form of the same known name (Mostafa/Moustfa).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

import numpy as np

from watchline.matching import views, weighing
from watchline.matching.align import is_patronymic, optional_factors
from watchline.matching.arrays import IntArray, true_at
from watchline.matching.articles import glued_article, stem_form, stem_written
from watchline.matching.compounds import short_form_key, shortened
from watchline.matching.knowledge import (
    KNOWLEDGE_VIEWS,
    name_knowledge,
    other_forms,
    spelt_as_listed,
    what_names_say,
)
from watchline.matching.learned import ALPHABET_COSTS, ARABIC_COSTS
from watchline.matching.pronounce import READINGS
from watchline.matching.skeleton import (
    abjad_consonants,
    consonants,
    not_latin,
    translit_form,
    vowel_class,
    vowel_initial,
)
from watchline.matching.strings import lev, objects
from watchline.matching.tokens import canonical, known_name, phonetic

if TYPE_CHECKING:
    from watchline.matching.vocab import Vocab

KNOWN_NAME_FACTOR = 0.85
KNOWN_NAME_BELOW = 0.9  # closer pairs are spelling variants of one name, never discounted
SOUND_ALIKE_FROM = 0.85  # from here up, pairs with one phonetic key are spelling variants too
FLOOR = 0.55
OTHER_FORMS = "another form of a known name"
WEIGHED = "weighed with the other views"
WEIGHED_NOTE = 0.005  # a smaller move is not worth a word
FORMS_TRUSTED_FROM = 0.8  # a form this close is the known name, not a name near it


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
        "any_cross",
        "canon",
        "cons",
        "cross",
        "exact",
        "form",
        "has_short_key",
        "initial",
        "known",
        "length",
        "loose",
        "optional",
        "patronymic",
        "short",
        "short_key",
        "stem",
        "tokens",
        "unit",
        "vowel_initial",
        "vowels",
        "written_len",
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
        self.short = np.array([len(c) < views.MIN_SKELETON for c in cons], dtype=np.bool_)
        self.initial = np.array([len(t) == 1 for t in tokens], dtype=np.bool_)
        self.length = np.array([len(t) for t in tokens], dtype=np.int64)
        self.vowel_initial = np.array([vowel_initial(t) for t in tokens], dtype=np.bool_)
        self.abjad = abjad
        self.unit = unit
        self.exact = np.array([vocab.ids.get(t, -1) for t in tokens], dtype=np.int64)
        self.optional = optional_factors(tokens)
        self.loose = objects([vowel_class(f) for f in forms])
        self.abjad_cons = objects([abjad_consonants(t) for t in tokens])
        self.written_len = np.array([len(c) for c in self.abjad_cons], dtype=np.int64)
        self.stem = objects([stem_form(t) for t in tokens])
        self.short_key = objects([short_form_key(t) for t in tokens])
        self.has_short_key = self.short_key != ""
        self.vowels = objects([vowel_class(t) for t in tokens])  # of the part, not its form
        self.cross = abjad if cross is None else cross
        self.any_cross = bool(self.cross.any())

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
    found, spelt, after, arabic = _evidence(query, qi, vocab, pid)
    sims = weighing.weighed(query, qi, vocab, pid, (found, after, arabic))
    if discount:
        forms = _forms_won(found, spelt)
        sims = np.where(
            _discounted(query, qi, vocab, pid, sims) & ~forms, sims * KNOWN_NAME_FACTOR, sims
        )
    out: np.ndarray = np.where(sims < FLOOR, 0.0, sims).astype(np.float64, copy=False)
    return out


def weighing_inputs(
    query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For fitting the weights (``scripts/build_view_weights.py``): each pair's columns,
    its similarity before weighing, and whether :func:`pair_similarity` would weigh it."""
    found, _, after, arabic = _evidence(query, qi, vocab, pid)
    best = np.maximum(after, arabic)
    gate = weighing.to_weigh(query, qi, vocab, pid, after, best)
    return weighing.columns(query, qi, vocab, pid, (found, after, arabic)), best, gate


def _evidence(
    query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray
) -> tuple[list[tuple[str, np.ndarray]], np.ndarray, np.ndarray, np.ndarray]:
    """Each spelling view, their best, that best after what the names layer knows, and the
    learned Arabic view: what scoring and fitting the weights both start from."""
    found = _spelling_views(query, qi, vocab, pid)
    spelt = np.maximum.reduce([view for _, view in found])
    after = what_names_say(query, qi, vocab, pid, spelt)
    arabic = views.learned(query, qi, vocab, pid, query.abjad[qi], ARABIC_COSTS)
    return found, spelt, after, arabic


def _spelling_views(
    query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray
) -> list[tuple[str, np.ndarray]]:
    """Each view of the pairs before what the names layer knows, with its name."""
    arrays = vocab.arrays
    found = [
        ("spelling", lev(query.tokens[qi], arrays["tokens"].view[pid])),
        ("transliteration", lev(query.form[qi], arrays["form"].view[pid]) * views.TRANSLIT_FACTOR),
        ("consonant skeleton", views.skeleton_similarity(query, qi, vocab, pid)),
        (views.VOWEL_DRIFT, views.vowel_drift(query, qi, vocab, pid)),
        ("initial", views.initials(query, qi, vocab, pid)),
    ]
    best = np.maximum.reduce([view for _, view in found])
    found.append((OTHER_FORMS, other_forms(query, qi, vocab, pid, best)))
    found.append(("a shortened form of the name", shortened(query, qi, vocab, pid)))
    found.append(("the same name with its article glued on", glued_article(query, qi, vocab, pid)))
    alphabets = views.learned(query, qi, vocab, pid, ~query.abjad[qi], ALPHABET_COSTS)
    found.append(("learned from real cross-script pairs", alphabets))
    if query.any_cross:  # else the pronounced view has nothing to read
        best = np.maximum.reduce([view for _, view in found])
    return [*found, *views.pronounced(query, qi, vocab, pid, best)]


def _forms_won(found: list[tuple[str, np.ndarray]], spelt: np.ndarray) -> np.ndarray:
    """Pairs whose best view is an unknown spelling met as a form of the known name on the
    other side (Moustfa: Mostafa, Mochammad: Muhammad): the names layer says one name, so a
    query part that is itself listed is not taken for another name near it."""
    forms = dict(found)[OTHER_FORMS]
    won: np.ndarray = (forms >= FORMS_TRUSTED_FROM) & (forms >= spelt)
    return won


def _discounted(
    query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray, sims: np.ndarray
) -> np.ndarray:
    """Pairs whose query part is a listed name and only near the listed part: one letter
    apart in a name of seven or eight (Fedotov/Fedorov, Safarov/Jafarov) is another name,
    unless the two share a phonetic key, which only romanisation habits change
    (Havryliuk/Gavrilyuk: Ukrainian h for Russian g)."""
    out: np.ndarray = spelt_as_listed(query, qi) & (sims < KNOWN_NAME_BELOW)
    near = true_at(out & (sims >= SOUND_ALIKE_FROM))
    if len(near):
        heard = [phonetic(t) for t in query.tokens[qi[near]].tolist()]
        same = [key == vocab.phon[int(p)] for key, p in zip(heard, pid[near], strict=True)]
        out[near[np.array(same, dtype=np.bool_)]] = False
    return out


def pair_reasons(query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray) -> list[str]:
    """In words, what made each pair as alike as :func:`pair_similarity` (scoring) found it:
    the view that won, then what the names layer knows, the weighing of an Arabic-script
    part's views (``weighing.py``) and the known-name discount. For
    explanations of the few pairs a returned hit holds, not for the hot path."""
    if not len(qi):
        return []
    found = _spelling_views(query, qi, vocab, pid)
    sims = np.maximum.reduce([view for _, view in found])
    same, distinct, roles, vowels_only = name_knowledge(query, qi, vocab, pid, sims)
    after = what_names_say(query, qi, vocab, pid, sims)
    arabic = views.learned(query, qi, vocab, pid, query.abjad[qi], ARABIC_COSTS)
    final = weighing.weighed(query, qi, vocab, pid, (list(found), after, arabic))
    found.append(("learned from real Arabic-script pairs", arabic))
    won = np.argmax(np.stack([view for _, view in found]), axis=0)
    notes = (
        (distinct & (arabic < after), "two different known names"),
        (roles & (arabic < after), "a surname is not a patronymic"),
        (np.abs(final - np.maximum(after, arabic)) > WEIGHED_NOTE, WEIGHED),
        (
            _discounted(query, qi, vocab, pid, final) & ~_forms_won(found, sims),
            "the query part is itself a listed name",
        ),
    )
    out: list[str] = []
    for k in range(len(qi)):
        if query.tokens[qi[k]] == vocab.tokens[int(pid[k])]:
            out.append("same spelling")
            continue
        reason = "one name (equivalence class)" if same[k] and arabic[k] < 1.0 else found[won[k]][0]
        if vowels_only[k] and sims[k] < after[k] and arabic[k] < after[k]:
            reason = "spellings differ only in their vowels"
        out.append("; ".join([reason, *(note for mask, note in notes if mask[k])]))
    return out


def listed_views() -> tuple[tuple[str, Callable[[str], object]], ...]:
    """Every per-part view of listed parts the similarity views read (for ``Vocab.warm``)."""
    return (
        ("form", vowel_class),
        ("tokens", short_form_key),
        ("tokens", stem_form),
        ("tokens", stem_written),
        *(("tokens", reading) for _, reading in READINGS),
        *KNOWLEDGE_VIEWS,
    )


def warm_listed_views(vocab: Vocab) -> None:
    """Compute every per-part view of :func:`listed_views` for every listed part now."""
    vocab.warm(listed_views())
    views.warm_novel_readings(vocab)
    vocab.heard.sync(vocab)
