"""Ways of seeing two name parts as alike, each a similarity in [0, 1] for many pairs at once.

``similarity.py`` takes the best of them (see its docstring for when each applies and why)
and corrects it by what the names layer knows; they live here so that scoring and
explaining (:func:`~watchline.matching.similarity.pair_reasons`) read the same views.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from watchline.matching.arrays import IntArray, any_true, true_at
from watchline.matching.knowledge import spelt_as_listed
from watchline.matching.learned import ALPHABET_COSTS, ARABIC_COSTS, shipped_costs, similarity
from watchline.matching.pronounce import READINGS, arabic_heard, arabic_written, novel_readings
from watchline.matching.skeleton import vowel_class
from watchline.matching.strings import lev, objects

if TYPE_CHECKING:
    from watchline.matching.similarity import QueryParts
    from watchline.matching.vocab import Vocab

TRANSLIT_FACTOR = 0.97
ABJAD_FACTOR = 0.95
CONSONANT_FACTOR = 0.7
ABJAD_SHORT_FACTOR = 0.85  # a two-consonant skeleton (Jabar/Praia: "br") is weak evidence
INITIAL_SIM = 0.8  # "J" against "Joachim": consistent, but weak
MIN_SKELETON = 3  # a one- or two-letter skeleton says nothing
VOWEL_FACTOR = 0.97
LEARNED_FACTOR = 0.95
PRONOUNCED_MIN_LETTERS = 3  # a one- or two-letter part has too few sounds to read (Ki/Ji)
PRONOUNCED_MIN_SIM = 0.75  # a reading only near the rendering says nothing: no language fits
PRONOUNCED_FACTOR = 0.9  # a reading is a guess at the language: below the spelling views
PRONOUNCED_FROM = 0.3  # pairs the other views find less alike are not read (see pronounced)
VOWEL_DRIFT = "vowels drifted across scripts"  # the label of :func:`vowel_drift`
READING_LABELS = tuple(f"pronounced as {language} spelling reads" for language, _ in READINGS)
_READING_BITS = np.arange(len(READINGS), dtype=np.int64)[:, None]  # of ``novel_readings``


def initials(query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray) -> np.ndarray:
    """An initial on one side and a part starting with that letter on the other."""
    out = np.zeros(len(qi))
    one_side = query.initial[qi] ^ (vocab.lengths.view[pid] == 1)
    if not any_true(one_side):
        return out
    idx = true_at(one_side)
    q_first = [t[:1] for t in query.tokens[qi[idx]].tolist()]
    l_first = [t[:1] for t in vocab.arrays["tokens"].view[pid[idx]].tolist()]
    same = np.array([a == b for a, b in zip(q_first, l_first, strict=True)], dtype=np.bool_)
    out[idx[same]] = INITIAL_SIM
    return out


def vowel_drift(query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray) -> np.ndarray:
    """Cross-script pairs only: mean of form and vowel-class similarity, times a factor.

    Not for a query part the registry itself knows: a query "Savchenko" beside a listed
    "Savchenko" is that name, not a vowel-drifted rendering of "Shevchenko"."""
    out = np.zeros(len(qi))
    cross = (query.cross[qi] | vocab.abjad.view[pid]) & ~spelt_as_listed(query, qi)
    if not any_true(cross):
        return out
    idx = true_at(cross)
    listed = vocab.view(pid[idx], "form", vowel_class)
    forms = vocab.arrays["form"].view[pid[idx]]
    both = lev(query.form[qi[idx]], forms) + lev(query.loose[qi[idx]], listed)
    out[idx] = both / 2 * VOWEL_FACTOR
    return out


def learned(
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
    if not query.any_cross:  # the usual case: a Latin query
        return out
    idx = true_at(query.cross[qi] & vocab.latin.view[pid] & which)
    if len(idx):
        listed = vocab.arrays["tokens"].view[pid[idx]].tolist()
        learned = similarity(query.tokens[qi[idx]].tolist(), listed, shipped_costs(table))
        out[idx] = learned * LEARNED_FACTOR
    return out


def pronounced(
    query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray, best: np.ndarray
) -> list[tuple[str, np.ndarray]]:
    """Per language, the romanised query part against the listed part as that language's
    spelling is pronounced (``pronounce.py``: Legault read as French is "lego", Jaycee read
    as English "dzheysi"), times ``PRONOUNCED_FACTOR``.

    Gated like :func:`learned`: the query part was romanised by us from another script,
    where a transcriber wrote down how the name sounds, and the listed part was seen written
    in Latin, where its spelling is its own. Between two Latin spellings the readings would
    only merge names that sound alike but are spelt, and so are listed, apart."""
    idx = _worth_reading(query, qi, vocab, pid, best)
    scores = np.zeros((len(READINGS), len(qi)))  # one row per language, filled at once
    if len(idx):
        # a reading that is the spelling, or an earlier reading, adds nothing: skip it
        novel = vocab.view(pid[idx], "tokens", novel_readings).astype(np.int64)
        picked = (novel >> _READING_BITS) & 1 == 1
        listed = pid[idx]
        readings = [
            vocab.view(listed[row], "tokens", reading)
            for row, (_, reading) in zip(picked, READINGS, strict=True)
        ]
        language, pair = np.nonzero(picked)  # language by language, as readings are joined
        # one call for every language: the learned kernel's per-call cost outweighs its work
        heard = _heard(query, qi[idx[pair]], np.concatenate(readings))
        close = np.where(heard < PRONOUNCED_MIN_SIM, 0.0, heard)
        scores[language, idx[pair]] = close * PRONOUNCED_FACTOR
    return list(zip(READING_LABELS, scores, strict=True))


def _worth_reading(
    query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray, best: np.ndarray
) -> IntArray:
    """The pairs :func:`pronounced` reads: a romanised query part, a listed part seen in
    Latin with enough letters, and a best view worth improving on."""
    if not query.any_cross:  # the usual case, a Latin query: nothing to read
        return qi[:0]
    idx = true_at(query.cross[qi])
    # a pair the other views already put at the factor cannot gain; one they find quite
    # unalike rarely reads alike (``PRONOUNCED_FROM``: skips two fifths of the pairs)
    worth = (best[idx] >= PRONOUNCED_FROM) & (best[idx] < PRONOUNCED_FACTOR)
    listed = pid[idx]
    long_enough = vocab.lengths.view[listed] >= PRONOUNCED_MIN_LETTERS
    out: IntArray = idx[worth & vocab.latin.view[listed] & long_enough]
    return out


def warm_novel_readings(vocab: Vocab) -> None:
    """Fill the :func:`~watchline.matching.pronounce.novel_readings` view of every part from
    the reading views already computed: calling it part by part would read each part in
    every language a second time (ten seconds of a million-entity build)."""
    every = np.arange(len(vocab), dtype=np.int64)
    seen = [vocab.arrays["tokens"].view]
    bits = np.zeros(len(vocab), dtype=np.int64)
    for bit, (_, reading) in enumerate(READINGS):
        heard = vocab.view(every, "tokens", reading)
        bits |= np.logical_and.reduce([heard != other for other in seen]).astype(np.int64) << bit
        seen.append(heard)
    vocab.fill(every, "tokens", novel_readings, bits.astype(object))


def _heard(query: QueryParts, qi: IntArray, readings: np.ndarray) -> np.ndarray:
    """OSA similarity of romanised parts and readings, or the learned one of the query's
    script family where better: a reading guesses the sounds, but the script's own habits
    (Arabic writes e as i and o as u, guesses short vowels) still stand between those
    sounds and our romanisation (over OSA alone: wd_arabic +0.024, google_ar2en +0.015)."""
    tokens = query.tokens[qi]
    out = lev(tokens, readings).astype(np.float64)
    abjad = query.abjad[qi]
    for mask, table in ((abjad, ARABIC_COSTS), (~abjad, ALPHABET_COSTS)):
        if not any_true(mask):
            continue
        heard, written = tokens[mask].tolist(), readings[mask].tolist()
        if table == ARABIC_COSTS:
            heard = [arabic_heard(t) for t in heard]
            written = [arabic_written(r) for r in written]
            out[mask] = np.maximum(out[mask], lev(objects(heard), objects(written)))
        learned = similarity(heard, written, shipped_costs(table))
        out[mask] = np.maximum(out[mask], learned)
    return out


def skeleton_similarity(query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray) -> np.ndarray:
    """Consonant-skeleton view: strong for abjad-born pairs, weak (and >= 3 letters) else.

    A skeleton under ``MIN_SKELETON`` letters on either side says nothing (0)."""
    skeleton = lev(query.cons[qi], vocab.arrays["cons"].view[pid])
    abjad = query.abjad[qi] | vocab.abjad.view[pid]
    few = query.short[qi] | vocab.short_cons.view[pid]  # includes the one-letter ones
    factor = np.where(abjad, ABJAD_FACTOR, CONSONANT_FACTOR)
    out: np.ndarray = np.where(few, 0.0, skeleton * factor)
    idx = true_at(abjad)
    if len(idx):
        q, p = qi[idx], pid[idx]
        # Arabic script writes an initial vowel (alif, ayn): Audunis is not Dinos
        same_start = query.vowel_initial[q] == vocab.traits.vowel_initial.view[p]
        kept = np.where(same_start, out[idx], 0.0)
        out[idx] = np.maximum(kept, _written_consonants(query, q, vocab, p))
    return out


def _written_consonants(query: QueryParts, qi: IntArray, vocab: Vocab, pid: IntArray) -> np.ndarray:
    """Abjad pairs on the consonants Arabic writes, in the default and (where it differs)
    the second reading (``abjad_consonants_second``); their own length decides how much a
    match says (the transliteration skeleton drops the jim of "Janufa" as a glide)."""
    traits = vocab.traits
    q_cons = query.abjad_cons[qi]
    written = lev(q_cons, traits.written.view[pid])
    second = true_at(traits.second_differs.view[pid])
    if len(second):
        other = lev(q_cons[second], traits.second.view[pid[second]])
        written[second] = np.maximum(written[second], other)
    shortest = np.minimum(query.written_len[qi], traits.written_len.view[pid])
    factor = np.where(shortest < MIN_SKELETON, ABJAD_SHORT_FACTOR, ABJAD_FACTOR)
    out: np.ndarray = np.where(shortest < 2, 0.0, written * factor)
    return out
