"""Retrieval keys from how listed Latin parts sound (``pronounce.py``).

The pronounced view scores Kuramicu against كوراميتسو (Czech and Hungarian c is ts) and Cai
against Цай (Pinyin c is ts), but it can only score the candidates some key found, and no
spelling, phonetic, typo or written-consonant key of a Latin spelling reaches a rendering
made by ear. So each listed part's readings (one per spelling language, where new) are keys
as well: the reading itself, met by a part romanised from Cyrillic or another alphabet, and
the consonants Arabic script writes of it, met by a part romanised from Arabic script.

Only a query part romanised by us from another script asks these keys, as only it can be a
rendering by ear and only it is read by the pronounced view that decides whether a part
found is similar enough to keep; and only when no other key found anything for it
(``candidates.py``), so that a query whose parts are listed pays nothing.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import numpy as np

from watchline.matching.pronounce import READINGS, arabic_written, novel_readings
from watchline.matching.skeleton import MIN_WRITTEN_KEY, abjad_consonants

if TYPE_CHECKING:
    from watchline.matching.vocab import Vocab

BUCKET_CAP = 64  # as ``vocab.PHONETIC_BUCKET_CAP``: a key shared this widely is too coarse


class HeardKeys:
    """Listed part ids by reading, and by the Arabic-script consonants of a reading.

    Kept up to date lazily: parts added since the last :meth:`sync` get their keys at the
    next lookup, so an amendment costs its own parts' readings, not a rebuild."""

    __slots__ = ("_lock", "by_reading", "by_written", "upto")

    def __init__(self) -> None:
        self.by_reading: dict[str, tuple[int, ...]] = {}
        self.by_written: dict[str, tuple[int, ...]] = {}
        self.upto = 0  # parts [0, upto) have their keys
        self._lock = threading.Lock()

    def lookup(self, vocab: Vocab, token: str, abjad: bool) -> tuple[int, ...]:
        """Listed parts that sound like ``token``, a part we romanised from another script."""
        if self.upto < len(vocab):
            self.sync(vocab)
        if abjad:
            key, bucket = abjad_consonants(token), self.by_written
        else:
            key, bucket = token, self.by_reading
        found = bucket.get(key, ())
        return found if len(found) <= BUCKET_CAP else ()

    def sync(self, vocab: Vocab) -> None:
        """Add the keys of the parts added since the last call (every part, after a build).

        Readings come from the vocabulary's cached views, which an index build has already
        computed for every part (``similarity.warm_listed_views``)."""
        with self._lock:
            start, end = self.upto, len(vocab)
            if start >= end:
                return
            pid = np.arange(start, end, dtype=np.int64)
            novel = vocab.view(pid, "tokens", novel_readings).astype(np.int64)
            for bit, (_, reading) in enumerate(READINGS):
                pick = pid[(novel >> bit) & 1 == 1]
                if len(pick):
                    self._add(vocab, pick, vocab.view(pick, "tokens", reading))
            self.upto = end

    def _add(self, vocab: Vocab, pid: np.ndarray, heard: np.ndarray) -> None:
        """Key parts ``pid`` by their readings ``heard``; a written key the spelling has
        already (``Vocab.by_abjad``, ``PartTraits.written``) is left out. Buckets are
        tuples, as in ``vocab.py``."""
        traits = vocab.traits
        own = zip(traits.written.view[pid].tolist(), traits.second.view[pid].tolist(), strict=True)
        for part, reading, spelt in zip(pid.tolist(), heard.tolist(), own, strict=True):
            _put(self.by_reading, reading, part)
            written = abjad_consonants(arabic_written(reading))
            if len(written) >= MIN_WRITTEN_KEY and written not in spelt:
                _put(self.by_written, written, part)


def _put(bucket: dict[str, tuple[int, ...]], key: str, part: int) -> None:
    """Add ``part`` under ``key``; a bucket past the cap is never read, so it stops growing."""
    found = bucket.get(key, ())
    if key and len(found) <= BUCKET_CAP:
        bucket[key] = (*found, part)
