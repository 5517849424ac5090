"""The one canonical folded form of a name: lowercase ASCII words separated by single spaces.

Pipeline: NFKC and invisible-character removal, homoglyph repair per word, transliteration
with the per-script matching default (:func:`watchline.text.romanize.latinize_word`), Latin
special letters written as their usual digraphs (``š`` -> ``sh``, ``ə`` -> ``a``), remaining
diacritics removed (anyascii), apostrophes deleted (so Uzbek ``o'``/``g'`` and ``O'Brien`` join
up), every other punctuation mark (hyphens, quotes, dots, commas) turned into a space.

The output alphabet is ``[a-z0-9 ]``, so ``fold`` is idempotent and folding already-folded
text is the cheap ASCII path.
"""

from __future__ import annotations

import string
from functools import lru_cache

from anyascii import anyascii

from watchline.text.arabic import PERSIAN_LETTERS
from watchline.text.clean import repair_homoglyphs, strip_invisible
from watchline.text.cyrillic import UKRAINIAN_LETTERS
from watchline.text.particles import spell_particles
from watchline.text.romanize import latinize_word

_APOSTROPHES = "'`\u2018\u2019\u02bb\u02bc\u02b9\u02ba\u00b4\u2032\u201b\u02bd\u02be\u02bf"


def _ascii_table() -> dict[int, str | None]:
    """Lowercase letters, keep digits, delete apostrophes, everything else becomes a space."""
    table: dict[int, str | None] = {}
    for code in range(128):
        ch = chr(code)
        if ch in string.ascii_letters or ch in string.digits:
            table[code] = ch.lower()
        elif ch in _APOSTROPHES:
            table[code] = None
        else:
            table[code] = " "
    return table


_ASCII = _ascii_table()
_APOSTROPHE_DELETE = str.maketrans("", "", _APOSTROPHES)

# Latin letters whose usual English-style spelling is a digraph, not the bare base letter:
# Slavic carons, Turkic letters (Azerbaijani, Uzbek, Turkish), and a few Nordic/Germanic ones.
_SPECIAL = str.maketrans(
    {
        "č": "ch", "š": "sh", "ž": "zh", "ş": "sh", "ș": "sh", "ç": "ch", "ğ": "gh",
        "ə": "a", "ć": "ch", "đ": "dj", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe",
        "ß": "ss", "þ": "th", "ð": "d", "ŝ": "sh", "ı": "i", "ǰ": "j", "ț": "ts",
    }
)  # fmt: skip


def _fold_ascii(text: str) -> str:
    """Fold text that is already ASCII (the fast path)."""
    return " ".join(text.translate(_ASCII).split())


@lru_cache(maxsize=262144)
def _fold_word(word: str, ukrainian: bool, persian: bool) -> str:
    """Fold one space-free word of cleaned, NFKC-normalised text (cached: names repeat)."""
    word = latinize_word(repair_homoglyphs(word), ukrainian, persian).lower()
    word = word.translate(_SPECIAL).translate(_APOSTROPHE_DELETE)
    if not word.isascii():
        word = anyascii(word)
    return _fold_ascii(word)


def fold(text: str) -> str:
    """Return the canonical folded form of ``text``: ``[a-z0-9]`` words, single spaces.

    Never raises on any ``str``; ``fold(fold(x)) == fold(x)``.

    Examples: ``fold("Новиков Андрей")`` is ``"novikov andrey"``; ``fold("O'tkir G'ulomov")``
    is ``"otkir gulomov"``; ``fold("Al-Hashimi")`` is ``"al hashimi"``.

    Args:
        text: any text, in any script.
    """
    if text.isascii():
        return _fold_ascii(text)
    text = strip_invisible(text)
    # One Ukrainian-only letter anywhere marks the whole name as Ukrainian (Володимир Київ).
    ukrainian = not UKRAINIAN_LETTERS.isdisjoint(text)
    # Likewise one Persian-only letter (پ چ ژ گ ی ک ...) marks an Arabic-script name as Persian.
    persian = not PERSIAN_LETTERS.isdisjoint(text)
    text = spell_particles(text)
    return " ".join(filter(None, [_fold_word(w, ukrainian, persian) for w in text.split(" ")]))
