"""How a Latin-written name part sounds to someone who renders it in another script.

Russian and Arabic writers transcribe foreign names by ear, not letter by letter: Legault
becomes Лего, Dutoit Дютуа, Jaycee Джейси, Julieta خوليتا. Our romanisation of those
renderings (lego, dyutua, dzheysi, khulita) keeps none of the silent letters and none of the
digraphs of the Latin spelling, so no spelling-based view relates the two. The readings
here rewrite a folded Latin part (a-z) as it is pronounced under one language's spelling
rules, in the letters our romaniser writes for Cyrillic (kh, zh, sh, ch, ts, y for the
glide), so that the rendering and the reading can be compared directly.

Each reading is a general rule set of that language's spelling (the tables live in
``spellings.py``), not a list of names: a part is read in every language and the best
reading wins (``views.pronounced``), since the Latin spelling does not say which language it
is. Rules are applied in order; a rule writes its output in capitals, which later rules do
not match, and the reading is lowercased at the end. Every function is pure and total: any
string gives a string of a-z letters (possibly empty).

Each language costs one cached view per listed part and, for a query romanised from another
script only, one kernel comparison per candidate pair whose reading is new (neither the
spelling nor an earlier language's reading). A reading that returns the part itself (Pinyin
for a part that is no run of Pinyin syllables, Turkish for one without c or j) costs nothing
per query. Where two languages read a part alike, the explanation names the one listed
first in ``READINGS``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from watchline.matching import spellings

_Rules = tuple[tuple[re.Pattern[str], str], ...]


def _compile(rules: tuple[tuple[str, str], ...]) -> _Rules:
    return tuple((re.compile(pattern), replacement) for pattern, replacement in rules)


_FRENCH = _compile(spellings.FRENCH)
_ENGLISH = _compile(spellings.ENGLISH)
_ENGLISH_OW_AU = _compile(spellings.ENGLISH_OW_AU)
_SPANISH = _compile(spellings.SPANISH)
_GERMAN = _compile(spellings.GERMAN)
_DUTCH = _compile(spellings.DUTCH)
_ITALIAN = _compile(spellings.ITALIAN)
_HUNGARIAN = _compile(spellings.HUNGARIAN)
_POLISH = _compile(spellings.POLISH)
_TURKISH = _compile(spellings.TURKISH)
_PINYIN = _compile(spellings.PINYIN)
_PINYIN_WORD = re.compile(f"(?:{spellings.PINYIN_SYLLABLE})+")


_NOT_LATIN = re.compile(r"[^a-z]")


def _read(token: str, rules: _Rules) -> str:
    """``token`` with ``rules`` applied in order, lowercased, only a-z kept (``token`` itself
    when that is what it reads as, so that a vocabulary's cache holds no second copy)."""
    out = _NOT_LATIN.sub("", token.lower())
    for pattern, replacement in rules:
        out = pattern.sub(replacement, out)
    out = out.lower()
    return token if out == token else out


def french_reading(token: str) -> str:
    """A folded part as a French spelling is pronounced (Legault: lego, Dutoit: dyutua)."""
    return _read(token, _FRENCH)


def english_reading(token: str) -> str:
    """A folded part as an English spelling is pronounced (Jaycee: dzheysi, Hugh: khyu)."""
    return _read(token, _ENGLISH)


def english_ow_au_reading(token: str) -> str:
    """:func:`english_reading` with ow as au (Chow: chau, Dowling: dauling), its other value."""
    return _read(token, _ENGLISH_OW_AU)


def spanish_reading(token: str) -> str:
    """A folded part as a Spanish or Portuguese spelling is pronounced (Julieta: khulieta)."""
    return _read(token, _SPANISH)


def german_reading(token: str) -> str:
    """A folded part as a German spelling is pronounced (Sachs: zaks, Schneider: shnayder)."""
    return _read(token, _GERMAN)


def dutch_reading(token: str) -> str:
    """A folded part as a Dutch or Flemish spelling is pronounced (Hintjens: khintyens)."""
    return _read(token, _DUTCH)


def italian_reading(token: str) -> str:
    """A folded part as an Italian spelling is pronounced (Giuseppe: dzhuzeppe)."""
    return _read(token, _ITALIAN)


def hungarian_reading(token: str) -> str:
    """A folded part as a Hungarian spelling is pronounced (Jozsef: yozhef, Nagy: nad)."""
    return _read(token, _HUNGARIAN)


def polish_reading(token: str) -> str:
    """A folded part as a Polish spelling is pronounced (Jurhialewicz: yurkhyalevich)."""
    return _read(token, _POLISH)


def turkish_reading(token: str) -> str:
    """A folded part as a Turkish or Azerbaijani spelling is pronounced (Civan: dzhivan)."""
    return _read(token, _TURKISH)


def pinyin_reading(token: str) -> str:
    """A folded part as Hanyu Pinyin is pronounced, in the Palladius letters (Cai: tsay,
    Jiang: tszyan), if it is a run of Pinyin syllables; any other part reads as itself, so
    that only a part spelt like Chinese pays for this reading."""
    rules = _PINYIN if _PINYIN_WORD.fullmatch(_NOT_LATIN.sub("", token.lower())) else ()
    return _read(token, rules)


READINGS = (
    ("French", french_reading),
    ("English", english_reading),
    ("English", english_ow_au_reading),
    ("Spanish", spanish_reading),
    ("German", german_reading),
    ("Dutch", dutch_reading),
    ("Italian", italian_reading),
    ("Hungarian", hungarian_reading),
    ("Polish", polish_reading),
    ("Turkish", turkish_reading),
    ("Pinyin", pinyin_reading),
)


def novel_readings(token: str) -> int:
    """Bit ``i`` set when language ``i`` of :data:`READINGS` reads the part as neither its
    spelling nor an earlier language's reading: only those readings are worth comparing.
    A per-part view, cached once per vocabulary part (``Vocab.view``), so that a query does
    one integer test per language instead of comparing every reading with every other."""
    seen = {token}
    bits = 0
    for bit, (_, reading) in enumerate(READINGS):
        heard = reading(token)
        if heard not in seen:
            bits |= 1 << bit
            seen.add(heard)
    return bits


# Per-pair helpers of the Arabic side (query parts repeat): bounded, as in ``skeleton.py``;
# the readings themselves are cached once per vocabulary part by ``Vocab.view``.
ARABIC_CACHE = 1 << 16
_FINAL_HA = re.compile(r"(?<=[a-z])[ai]h$")
_ARABIC_J = re.compile(r"dzh|zh")


@lru_cache(maxsize=ARABIC_CACHE)
def arabic_heard(romanised: str) -> str:
    """Our romanisation of an Arabic-script part as the sounds its writer meant: Arabic
    writes a foreign name's final vowel e with a final ha (Bonnier بونييه, Jacquet جاكيه),
    which our romaniser gives as "ah" or "ih"."""
    return _FINAL_HA.sub("e", romanised)


_ARABIC_DOUBLE = re.compile(r"([a-z])\1")


@lru_cache(maxsize=ARABIC_CACHE)
def arabic_written(reading: str) -> str:
    """A reading as Arabic script writes its sounds: one letter, jim, for both dzh and zh
    (our romaniser gives it as j), where the Cyrillic-oriented readings write two; and a
    doubled consonant once, since Arabic marks gemination, if at all, above the letter
    (Pottier: بوتييه)."""
    return _ARABIC_DOUBLE.sub(r"\1", _ARABIC_J.sub("j", reading))
