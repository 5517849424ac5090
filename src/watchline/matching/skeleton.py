"""Transliteration-tolerant forms of folded name parts, for similarity (not retrieval).

Two people romanising the same Cyrillic or Arabic name differ in predictable places:
digraphs (kh/h/x, zh/j/dzh, ts/tz/c, sh/sch/ch), the y/i/j glide, w/v/u, doubled letters.
:func:`translit_form` rewrites those to one spelling while keeping the vowels, so
"Iurii/Yuriy" or "Aleksei/Alexey" become identical and a real typo still shows.
:func:`consonants` then drops the vowels: scripts that do not write short vowels (Arabic,
Hebrew) leave romanisers to guess them, so for names that came from such a script the
consonant skeleton is fair evidence; for others it is weak (Krylov/Korolev share one).
"""

from __future__ import annotations

import re
from functools import lru_cache

_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^mc", "mak"),  # Mc is Mac: McNaughton, Макнотон, MacNaughton
        (r"(?<=[aeiou])ch(?=[bdfgklmnpqrstvz])", "h"),  # German kh: Bachtijor, Michl
        (r"shch|sch|szcz|sh|ch(?=[^aeiouy]|$)|tch", "s"),
        (r"ch", "c"),
        (r"dzh|dj|zh|dsch|j(?=[aeiou])", "j"),
        (r"kh|x(?=$)", "h"),
        (r"gh", "g"),
        (r"ks|x", "x"),
        (r"tz|ts|cz|dz|c(?=[eiy])", "z"),
        (r"ph", "f"),
        (r"th", "t"),
        (r"ck|q|c", "k"),
        (r"w", "v"),
        (r"(?<=.)(?:iyo|iio|yo)", "e"),  # Cyrillic yo written ё, io, iyo: Mirziioev
        (r"ou|oo|u", "u"),
        (r"ij|iy|yi|ii|y|j", "i"),
        (r"(?<=[aeiou])i(?=[aeiou])", ""),
        (r"ie|ye|ae|e", "e"),
        (r"ff$", "v"),
        (r"(.)\1+", r"\1"),
    )
)
_VOWELS = re.compile(r"[aeiou]+")

# Name parts repeat heavily across queries and listed names; these views are pure functions
# of the part, so a bounded cache spares the regexes on the screening hot path.
PART_VIEW_CACHE = 1 << 18


@lru_cache(maxsize=PART_VIEW_CACHE)
def translit_form(token: str) -> str:
    """One spelling for the usual romanisation variants of a folded part."""
    out = token
    for pattern, replacement in _RULES:
        out = pattern.sub(replacement, out)
    return out or token


_VOWEL_RUN = re.compile(r"[aeiou]+")


@lru_cache(maxsize=PART_VIEW_CACHE)
def vowel_class(form: str) -> str:
    """A transliteration form with every run of vowels written as one ``a``.

    Renderings across scripts keep the consonant frame of a name but drift in its vowels
    (Mearsheimer/Miršajmer, Bransby/Brensbi, Torgeir/Turgejr): this view keeps where the
    vowels are and forgets which they are, so it is only used for cross-script pairs and
    never alone (see ``similarity.py``). An initial vowel is kept: Elena and Alina are two
    names, not two renderings of one."""
    return form[:1] + _VOWEL_RUN.sub("a", form[1:])


_ABJAD_CLASSES = str.maketrans("p", "b")


def consonants(form: str) -> str:
    """The consonant skeleton of a transliteration form (v/w count as vowels: u/w/v vary).

    Arabic has no p (it writes b), so skeletons merge p into b: harmless for other names,
    whose skeletons are only weak evidence anyway."""
    return _VOWELS.sub("", form).replace("v", "").translate(_ABJAD_CLASSES)


_ARABIC_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"dzh|dj|zh|gh|g", "j"),
        (r"tsch|tch|sch|sh|ch", "s"),
        (r"kh", "h"),
        (r"ph|v", "f"),
        (r"th", "t"),
        (r"dh", "d"),
        (r"ck|cc|q|c(?![eiy])", "k"),
        (r"c|z", "s"),
        (r"x", "ks"),
        (r"p", "b"),
        (r"(?<=[aeiouy])h$", ""),
        (r"gn", "n"),
        (r"(.)\1+", r"\1"),
        (r"[aeiouyw]+", ""),
    )
)


# Retrieval keys of written consonants start at two letters (جون: jn, John; ريج: rj, Reg):
# two letters single out a name only among few parts, and a key shared by more parts than
# the buckets' cap is never read, so the cap, not the length, decides where they count.
MIN_WRITTEN_KEY = 2


@lru_cache(maxsize=PART_VIEW_CACHE)
def abjad_consonants(token: str) -> str:
    """The consonants of a folded part as Arabic script would write them.

    Arabic writes no short vowels, no v (f), no p (b), one letter for g/j (jim) and usually
    one for s/z, and w/y double as vowels; a doubled letter is written once, but two alike
    letters with a vowel between them twice (Sahinyan is not Shahin); a final h after a
    vowel is the ta marbuta that
    romanisers write or not (Alqamah/Alaqama), and gn is one sound (Mignon). Names that
    went through Arabic script are compared on this skeleton besides :func:`consonants`
    (which drops v, losing a real consonant: Devlin/Difalin, Craven/Karafan) and the better
    one counts. Built from the folded part, not the transliteration form, whose y/j glide
    rules would drop the jim."""
    out = token
    for pattern, replacement in _ARABIC_RULES:
        out = pattern.sub(replacement, out)
    if token and token[0] in "aeiouyw":
        return ("a" if token[0] in "aeiou" else token[0]) + out
    return out


@lru_cache(maxsize=PART_VIEW_CACHE)
def abjad_consonants_second(token: str) -> str:
    """:func:`abjad_consonants` in the second reading of letters the English and French one
    (the default) reads otherwise, for names that came into Latin from elsewhere:

    * Central European: a lone ch as kh and w as v, as German, Dutch, Polish, Spanish-j and
      Hebrew names come into Arabic (Mordechai/مردخاي, Seebach/زيباخ, Weisbach/فايسباخ,
      Sokolow/سوكولوف);
    * Persian: gh as qaf, which Persian pronounces gh and Persian names so write in Latin
      (Maghsoudlou/مقصودلو, Ghasem/قاسم, Ghazvini/قزويني), where Arabic names write it q."""
    second = token
    if "ch" in second and "sch" not in second:
        second = second.replace("ch", "kh")
    return abjad_consonants(second.replace("w", "v").replace("gh", "q"))


def vowel_initial(token: str) -> bool:
    """Whether a part starts with a vowel, which Arabic script writes (alif, ayn)."""
    return token[:1] in ("a", "e", "i", "o", "u")


ABJAD = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def from_abjad(text: str) -> bool:
    """True when a name is (partly) written in a script without short vowels."""
    return ABJAD.search(text) is not None


#: Words only Arabic names hold (article, filiation, ``abd``/``abu`` compounds): a Latin name
#: with one was romanised from Arabic script, whose short vowels the romaniser guessed. Not a
#: Russified surname (Abdulov), written from Cyrillic, which writes its vowels.
_ARABIC_IN_LATIN = re.compile(
    r"(?:^|[\s,])(?:(?:al|el|ul)-|(?:bin|ibn|bint|ould|abu|abou|abd|abdul|abdel|abdoul)[\s-]"
    r"|abd(?:ul|el|al|ur|ou|u)(?![a-z]*(?:ov|ev|ova|eva)\b)[a-z])",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 16)  # asked for both names of every scored pair; names repeat
def vowels_guessed(name: str) -> bool:
    """True when a name's short vowels are a romaniser's guess: written in Arabic or Hebrew
    script, or a Latin romanisation of an Arabic name (Qasim al-Raymi / al-Rimi)."""
    return from_abjad(name) or _ARABIC_IN_LATIN.search(name) is not None


_BEYOND_LATIN = re.compile("[^\u0000-\u024f]")


def not_latin(name: str) -> bool:
    """True when a name has letters outside Latin (the query was transliterated)."""
    if _BEYOND_LATIN.search(name) is None:  # the common case, decided in C
        return False
    return any(ord(c) > 0x24F and c.isalpha() for c in name)
