"""The vocabulary of name parts in an index, and the keys that find parts from a query part.

Work is done once per distinct part, not per name: a million listed names share perhaps a
few hundred thousand parts. A query part reaches listed parts through these doors:

* the part itself, and compounds it is the short form of (Siraj: Sirajuddin) or the reverse;
* its canonical form (``canonical``: given-name equivalents across languages);
* its phonetic key (vowel-tolerant, catches transliteration differences);
* a one-deletion neighbourhood (catches one typo: a missing, extra, wrong or swapped letter);
* if no listed part is the part or a form of the same name (:meth:`Vocab.lookup_more`):
  the one-deletion neighbourhood of the transliteration form (a typo in a name also spelt
  another way), and for a part romanised from Arabic script its Arabic consonants;
* if still nothing is found for a part romanised from another script: how listed parts
  sound (``heard.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from watchline.matching.align import optional_factors
from watchline.matching.arrays import Growable, IntArray
from watchline.matching.compounds import short_form_key
from watchline.matching.heard import HeardKeys
from watchline.matching.skeleton import (
    MIN_WRITTEN_KEY,
    abjad_consonants,
    abjad_consonants_second,
    consonants,
    translit_form,
)
from watchline.matching.tokens import canonical, phonetic, short_form
from watchline.matching.traits import PartTraits

MIN_TYPO_LENGTH = 4  # one letter off in a 3-letter part is another name
MIN_SKELETON = 3  # as in similarity.py: shorter consonant skeletons are not compared
PHONETIC_BUCKET_CAP = 64  # a sound key shared by more parts than this is too coarse to use


Bucket = dict[str, int | tuple[int, ...]]


def _put(bucket: Bucket, key: str, tid: int) -> None:
    """Add an id under a key. Values are ints or tuples of ints, never lists: those are
    invisible to the garbage collector, whose full passes over millions of small lists
    would otherwise stall queries for tens of milliseconds."""
    found = bucket.get(key)
    if found is None:
        bucket[key] = tid
    elif isinstance(found, int):
        bucket[key] = (found, tid)
    else:
        bucket[key] = (*found, tid)


def _put_capped(bucket: Bucket, key: str, tid: int) -> None:
    """:func:`_put` for keys read only while their bucket is within ``PHONETIC_BUCKET_CAP``:
    past it the bucket is never read, so it stops growing (the two-letter written keys of a
    million-name registry would otherwise hold thousands of ids each)."""
    found = bucket.get(key)
    if found is None or isinstance(found, int) or len(found) <= PHONETIC_BUCKET_CAP:
        _put(bucket, key, tid)


def _get(bucket: Bucket, key: str) -> tuple[int, ...]:
    found = bucket.get(key)
    if found is None:
        return ()
    return (found,) if isinstance(found, int) else found


_NO_VALUES = np.empty(0, dtype=object)
_NO_FLAGS = np.zeros(0, dtype=np.bool_)


def _grown(array: np.ndarray, size: int) -> np.ndarray:
    """A copy of ``array`` with room for ``size`` parts and a quarter more (zero-filled)."""
    out = np.zeros(size * 5 // 4 + 64, dtype=array.dtype)
    out[: len(array)] = array
    return out


def deletions(token: str) -> list[str]:
    """Every string made by deleting one character (the symmetric-delete typo key)."""
    return [token[:i] + token[i + 1 :] for i in range(len(token))]


def _put_typo_keys(bucket: Bucket, spelling: str, tid: int) -> None:
    _put(bucket, spelling, tid)
    for key in deletions(spelling):
        _put(bucket, key, tid)


class Vocab:
    """Distinct folded name parts with their keys; ids are dense and never reused."""

    __slots__ = (
        "abjad",
        "arrays",
        "by_abjad",
        "by_canon",
        "by_delete",
        "by_form_delete",
        "by_phon",
        "by_short",
        "canon",
        "cons",
        "form",
        "full",
        "heard",
        "ids",
        "latin",
        "lengths",
        "optional",
        "phon",
        "short_cons",
        "tokens",
        "traits",
        "views",
    )

    def __init__(self) -> None:
        self.tokens: list[str] = []
        self.canon: list[str] = []
        self.phon: list[str] = []
        self.form: list[str] = []  # transliteration form (similarity only)
        self.cons: list[str] = []  # consonant skeleton of the form
        self.abjad = Growable(np.bool_)  # seen in a name written without short vowels
        self.latin = Growable(np.bool_)  # seen in a name written in Latin (not romanised by us)
        # the same strings as object arrays, so a query can pick many by id without a loop
        self.arrays = {key: Growable(object) for key in ("tokens", "canon", "form", "cons")}
        self.short_cons = Growable(np.bool_)  # skeleton too short to compare (unless abjad)
        self.traits = PartTraits()  # per-part flags the similarity views test
        self.lengths = Growable(np.int64)  # letters in the part
        self.optional = Growable(np.float64)  # cost factor for leaving the part unmatched
        self.ids: dict[str, int] = {}
        self.by_canon: Bucket = {}
        self.by_phon: Bucket = {}
        self.by_abjad: Bucket = {}
        self.by_short: Bucket = {}
        self.by_delete: Bucket = {}
        self.by_form_delete: Bucket = {}
        # derived forms of listed parts that similarity views ask for again and again
        self.views: dict[tuple[str, Callable[[str], object]], tuple[np.ndarray, np.ndarray]] = {}
        # views known for every part, with the part count then: one lookup, no flag check
        self.full: dict[tuple[str, Callable[[str], object]], tuple[np.ndarray, int]] = {}
        self.heard = HeardKeys()  # keys from how parts sound, for renderings by ear

    def __len__(self) -> int:
        return len(self.tokens)

    def add(self, token: str, abjad: bool = False, latin: bool = False) -> int:
        """The id of a part, registering it and its keys on first sight."""
        found = self.ids.get(token)
        if found is None:
            found = self._register(token, canonical(token), phonetic(token))
        if abjad:
            self.abjad.data[found] = True
        if latin:
            self.latin.data[found] = True
        return found

    def _register(self, token: str, canon: str, phon: str) -> int:
        tid = len(self.tokens)
        self.tokens.append(token)
        self.canon.append(canon)
        self.phon.append(phon)
        form = translit_form(token)
        self.form.append(form)
        self.cons.append(consonants(form))
        self.abjad.append(False)
        self.latin.append(False)
        self.short_cons.append(len(self.cons[-1]) < MIN_SKELETON)
        self.lengths.append(len(token))
        self.traits.append(token)
        self.optional.append(optional_factors([token])[0])
        for key, value in (
            ("tokens", token),
            ("canon", canon),
            ("form", form),
            ("cons", self.cons[-1]),
        ):
            self.arrays[key].append(value)
        self.ids[token] = tid
        _put(self.by_canon, canon, tid)
        _put(self.by_phon, phon, tid)
        short = short_form_key(token)
        if short:
            _put(self.by_short, short, tid)
        for key in {abjad_consonants(token), abjad_consonants_second(token)}:
            if len(key) >= MIN_WRITTEN_KEY:
                _put_capped(self.by_abjad, key, tid)
        if len(token) >= MIN_TYPO_LENGTH:
            _put_typo_keys(self.by_delete, token, tid)
        if form != token and len(form) >= MIN_TYPO_LENGTH:
            _put_typo_keys(self.by_form_delete, form, tid)
        return tid

    def lookup(self, token: str) -> set[int]:
        """Ids of every listed part a query part may stand for (before similarity scoring)."""
        found: set[int] = set(_get(self.by_canon, canonical(token)))
        sounds = _get(self.by_phon, phonetic(token))
        if len(sounds) <= PHONETIC_BUCKET_CAP:
            found.update(sounds)
        exact = self.ids.get(token)
        if exact is not None:
            found.add(exact)
        found.update(self._shortened(token))
        if len(token) >= MIN_TYPO_LENGTH - 1:
            self._typo_lookup(found, token, (self.by_delete,))
        return found

    def has_twin(self, token: str) -> bool:
        """Whether a listed part is this part or a form of the same name (class key)."""
        return token in self.ids or canonical(token) in self.by_canon

    def lookup_more(self, token: str, abjad: bool) -> set[int]:
        """Ids found by the wider keys, for a query part without a listed twin (:meth:`has_twin`).

        The one-deletion keys of transliteration forms (Клименко, read ``klimenko``, is two
        edits from a mistyped ``Klymeneo`` but one from its form ``klimeneo``), and for a
        part romanised from Arabic script the consonants Arabic script writes
        (:meth:`lookup_abjad`). Kept out of
        :meth:`lookup` because forms collide more than spellings: asked for every part,
        they double the candidates to score."""
        found: set[int] = set(self.lookup_abjad(token)) if abjad else set()
        if len(token) >= MIN_TYPO_LENGTH - 1:
            self._typo_lookup(found, token, (self.by_form_delete,))
        form = translit_form(token)
        if form != token and len(form) >= MIN_TYPO_LENGTH - 1:
            self._typo_lookup(found, form, (self.by_delete, self.by_form_delete))
        return found

    def _typo_lookup(self, found: set[int], spelling: str, buckets: tuple[Bucket, ...]) -> None:
        """Add the parts one deletion from ``spelling`` on either side, per the buckets."""
        keys = [spelling, *deletions(spelling)]
        for bucket in buckets:
            for key in keys:
                found.update(_get(bucket, key))
        for key in keys[1:]:
            exact = self.ids.get(key)
            if exact is not None and len(key) >= MIN_TYPO_LENGTH:
                found.add(exact)

    def _shortened(self, token: str) -> list[int]:
        """Compounds this part is the short form of (Siraj: Sirajuddin), and its own short
        form if listed (Sirajuddin: Siraj); see ``compounds.py``."""
        longer = _get(self.by_short, translit_form(token))
        found = list(longer) if len(longer) <= PHONETIC_BUCKET_CAP else []
        short = self.ids.get(short_form(token))
        return found if short is None else [*found, short]

    def lookup_abjad(self, token: str) -> tuple[int, ...]:
        """Listed parts written with the same consonants as Arabic script writes (``abjad``).

        For parts romanised from Arabic script only: their vowels are the romaniser's guess,
        so neither the part nor its typo keys may meet the listed spelling (جروزا is read
        "jaruza", listed Groza), while both are ``jrs`` to Arabic script."""
        key = abjad_consonants(token)
        if len(key) < MIN_WRITTEN_KEY:
            return ()
        found = _get(self.by_abjad, key)
        return found if len(found) <= PHONETIC_BUCKET_CAP else ()

    def view(self, pid: IntArray, key: str, view: Callable[[str], object]) -> np.ndarray:
        """``view`` of the ``key`` form (``arrays``) of listed parts ``pid``, as an object array.

        Each part's view is computed once per vocabulary, not once per query: a query meets
        the same listed parts as the last one, and recomputing their regex-built forms was
        the largest cost of a single query at a million entities. ``view`` must be a pure
        function of its string."""
        full, size = self.full.get((key, view), (_NO_VALUES, -1))
        if size == len(self):  # the steady state after a build: every part is known
            known_all: np.ndarray = full[pid]
            return known_all
        values, known = self.views.get((key, view), (_NO_VALUES, _NO_FLAGS))
        if len(values) < len(self):  # new parts since: grow, keeping what is known
            values, known = _grown(values, len(self)), _grown(known, len(self))
            self.views[(key, view)] = (values, known)
        if known[pid].all():  # the steady state: every part seen before
            done: np.ndarray = values[pid]
            return done
        unique = np.unique(pid)
        missing = unique[~known[unique]]
        if len(missing):
            forms = self.arrays[key].view[missing].tolist()
            fresh = np.empty(len(missing), dtype=object)
            fresh[:] = [view(form) for form in forms]
            values[missing] = fresh
            known[missing] = True
        out: np.ndarray = values[pid]
        return out

    def fill(
        self, pid: IntArray, key: str, view: Callable[[str], object], values: np.ndarray
    ) -> None:
        """Store ``values`` as ``view`` of parts ``pid``, computed some faster way (from other
        views, for many parts at once); ``view`` itself then only serves parts added later."""
        stored, known = self.views.get((key, view), (_NO_VALUES, _NO_FLAGS))
        if len(stored) < len(self):
            stored, known = _grown(stored, len(self)), _grown(known, len(self))
        self.views[(key, view)] = (stored, known)
        stored[pid] = values
        known[pid] = True
        if known[: len(self)].all():
            self.full[(key, view)] = (stored, len(self))

    def warm(self, views: Sequence[tuple[str, Callable[[str], object]]]) -> None:
        """Compute ``views`` for every part now, so that no query pays for a first sight.

        At a million entities most listed parts a query meets are new to the memo; an index
        build computes them in one pass instead (about a second per view at 300,000 parts)."""
        every = np.arange(len(self), dtype=np.int64)
        for key, view in views:
            self.view(every, key, view)
            entry = self.views.get((key, view))
            if entry is not None:
                self.full[(key, view)] = (entry[0], len(self))

    def state(self) -> dict[str, list[str]]:
        """The JSON-ready content from which :meth:`restore` rebuilds every key table."""
        return {"tokens": self.tokens, "canon": self.canon, "phon": self.phon}

    @classmethod
    def restore(cls, state: dict[str, list[str]], abjad: np.ndarray, latin: np.ndarray) -> Vocab:
        """Rebuild from :meth:`state` without calling the names layer again."""
        vocab = cls()
        for token, canon, phon in zip(state["tokens"], state["canon"], state["phon"], strict=True):
            vocab._register(token, canon, phon)
        vocab.abjad.view[:] = abjad
        vocab.latin.view[:] = latin
        return vocab
