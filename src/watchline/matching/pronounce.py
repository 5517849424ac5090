"""How a Latin-written name part sounds to someone who renders it in another script.

Russian and Arabic writers transcribe foreign names by ear, not letter by letter: Legault
becomes Лего, Dutoit Дютуа, Jaycee Джейси, Julieta خوليتا. Our romanisation of those
renderings (lego, dyutua, dzheysi, khulita) keeps none of the silent letters and none of the
digraphs of the Latin spelling, so no spelling-based view relates the two. The readings
here rewrite a folded Latin part (a-z) as it is pronounced under one language's spelling
rules, in the letters our romaniser writes for Cyrillic (kh, zh, sh, ch, ts, y for the
glide), so that the rendering and the reading can be compared directly.

Each reading is a general rule set of that language's spelling, not a list of names: a
part is read in every language and the best reading wins (``views.pronounced``), since the
Latin spelling does not say which language it is. Rules are applied in order; a rule
writes its output in capitals, which later rules do not match, and the reading is
lowercased at the end. Every function is pure and total: any string gives a string of
a-z letters (possibly empty).
"""

from __future__ import annotations

import re
from functools import lru_cache

_Rules = tuple[tuple[re.Pattern[str], str], ...]


def _compile(rules: tuple[tuple[str, str], ...]) -> _Rules:
    return tuple((re.compile(pattern), replacement) for pattern, replacement in rules)


# French: silent final consonants, vowel digraphs, nasal vowels, soft c/g, u as [y].
_FRENCH = _compile(
    (
        (r"(?:er|ez|et)$", "E"),  # Chevrier, Jacquet: -ier, -et are [e]
        (r"(?<=[aeiouy])(?:l?[tdxz]|c?ts?|ds|s)$", ""),  # Legault, Marois, Dutoit, Lanoux
        (r"(?<=[bcdfghjklmnpqrsvwz])(?:ts|ds|[tdsxz])$", ""),  # Hébert, Bonnard
        (r"(?<=[^aeiouyE])e[sz]?$", ""),  # a final e is mute: Françoise, Annette
        (r"gu(?=[eiy])", "G"),
        (r"(?<=[aeiouy])ill", "Y"),  # Taillandier
        (r"eau|au", "O"),
        (r"oin(?=[bcdfghjklpqrstvwxz]|$)", "UEN"),
        (r"ien(?=[bcdfghjklpqrstvwxz]|$)", "YEN"),
        (r"(?:ai|ei|[iy])[nm](?=[bcdfghjklpqrstvwxz]|$)", "EN"),  # Guillaumin, Alain
        (r"[ae][nm](?=[bcdfghjklpqrstvwxz]|$)", "AN"),  # Laurent, Descamps
        (r"u[nm](?=[bcdfghjklpqrstvwxz]|$)", "EN"),
        (r"oi|oy", "UA"),  # Marois, Dutoit
        (r"ou", "U"),
        (r"ai|ei|eu|oeu", "E"),
        (r"ill", "IY"),  # Guillaumin
        (r"gn", "NY"),  # Haigneré
        (r"ch|sch", "SH"),
        (r"c(?=[eiyEIY])", "S"),
        (r"cqu|qu|cq|ck|cc|q|c|k", "K"),
        (r"g(?=[eiyEIY])|j", "ZH"),
        (r"ph", "F"),
        (r"th", "T"),
        (r"(?<=[aeiouyAEIOUY])s(?=[aeiouyAEIOUY])", "Z"),
        (r"x", "KS"),
        (r"w", "V"),
        (r"h", ""),
        (r"(?<=[bcdfgklmnprstvzBCDFGKLMNPRSTVZ])u", "YU"),  # Dutoit: Дютуа
        (r"y(?=[aeiouAEIOU])", "Y"),
        (r"y", "I"),
    )
)

# English: magic e, vowel teams, j as dzh, w as u, initial h as kh, silent gh.
_ENGLISH = _compile(
    (
        (r"(?<![aeiou])a(?=[bcdfgklmnprstvz]e$)", "EY"),  # Yale
        (r"(?<![aeiou])i(?=[bcdfgklmnprstvz]e$)", "AY"),
        (r"(?<![aeiou])o(?=[bcdfgklmnprstvz]e$)", "OU"),
        (r"(?<![aeiouq])u(?=[bcdfgklmnprstvz]e$)", "YU"),
        (r"(?<=[bcdfgkmnprstvz])le$", "L"),
        (r"(?<=[aeiouy])s(?=e$)", "Z"),  # Clouse
        (r"(?<=[^aeiouy])e$", ""),  # a final e is mute: Jayne
        (r"^wr", "R"),  # w and k are mute before an initial r, n: Wright, Knight
        (r"^kn", "N"),
        (r"(?<=h)ugh", "YU"),  # Hugh, Fitzhugh
        (r"igh", "AY"),
        (r"augh|ough", "O"),
        (r"^gh", "G"),
        (r"gh", ""),
        (r"ow(?=e|$)", "OU"),  # Howey
        (r"ey$|(?<=[bcdfgklmnprstvz])y$|ie$", "I"),  # Howey, Foley
        (r"ay|ai|ey|ei", "EY"),  # Jaycee, Jayne
        (r"ee|ea", "I"),  # Jaycee, Wheat
        (r"ew|eu", "YU"),  # Ewen, Beulah
        (r"ou|ow", "AU"),  # Clouse
        (r"aw", "O"),
        (r"oo", "U"),
        (r"wh|^w(?=[aeiouy])", "U"),  # Wheat, William
        (r"w", "V"),
        (r"tch", "CH"),
        (r"dge|ge$|j", "DZH"),  # Jaycee
        (r"sh", "SH"),
        (r"ch", "CH"),
        (r"ph", "F"),
        (r"th", "T"),
        (r"tz", "TS"),
        (r"c(?=[eiyEIY])", "S"),
        (r"ck|cc|c|k|q", "K"),
        (r"x", "KS"),
        (r"(?<=[aeiouyAEIOUY])h", ""),  # Beulah
        (r"h", "KH"),  # Hugh, Howey: Хью, Хоуи
        (r"y(?=[aeiouAEIOU])", "Y"),
        (r"y", "I"),
    )
)

# Spanish and Portuguese: j and soft g as kh, ll as y, lh/nh as ly/ny, silent h.
_SPANISH = _compile(
    (
        (r"gu(?=[ei])", "G"),
        (r"j|g(?=[ei])", "KH"),  # Julieta: خوليتا, Alejandro
        (r"ll", "Y"),
        (r"lh", "LY"),  # Ramalho
        (r"nh", "NY"),
        (r"qu", "K"),
        (r"ch", "CH"),
        (r"c(?=[ei])|z", "S"),
        (r"c", "K"),
        (r"x", "KS"),
        (r"h", ""),
        (r"y(?=[aeiou])", "Y"),
        (r"y", "I"),
    )
)


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


def spanish_reading(token: str) -> str:
    """A folded part as a Spanish or Portuguese spelling is pronounced (Julieta: khulieta)."""
    return _read(token, _SPANISH)


READINGS = (
    ("French", french_reading),
    ("English", english_reading),
    ("Spanish", spanish_reading),
)


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
