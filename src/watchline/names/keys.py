"""Name-part keys: the cross-language equivalence key and the phonetic blocking key.

``canonical`` answers "is this the same name in another language or spelling?" from a table
(hand-reviewed classes plus classes generated from Wikidata via rigour, see
``scripts/build_name_equivalents.py``), falling back to surname-suffix normalisation.
``phonetic_key`` answers "could this be a transliteration variant?" by rule, for names the
table does not know. Both take one *folded* token (see :func:`watchline.names.name_tokens`).
"""

from __future__ import annotations

import gzip
import re
from functools import cache, lru_cache
from importlib import resources

from watchline.names.phonetic import skeleton
from watchline.text import fold

_HAND = "name_equivalents.txt"
_GENERATED = "name_equivalents.gen.txt.gz"

# Surname (and patronymic) endings that transliteration systems spell differently.
_SUFFIXES = [
    (re.compile(r"(?:sh|sch|s|ch)[vw]ili$"), "shvili"),
    (re.compile(r"(?<=.{3})(?:ian|yan|jan|iane|yants|iants|janz)$"), "yan"),
    (re.compile(r"(?<=.{2})(?:ts|c|z|tz)k(?:iy|ii|ij|yi|yy|yj|y|i|ie)$"), "tski"),
    (re.compile(r"(?<=.{2})sk(?:iy|ii|ij|yi|yy|yj|y|i|ie)$"), "ski"),
    (re.compile(r"(?<=.{2})(?:ts|c|z|tz)k(?:a|aya|aja|aia)$"), "tska"),
    (re.compile(r"(?<=.{2})sk(?:a|aya|aja|aia)$"), "ska"),
    (re.compile(r"(?<=.{2})(?:vich|vic|wicz|vitch|witsch|vitj|vych|vics)$"), "vich"),
    (re.compile(r"(?<=.{2})(?:ov|ow|off|ovs)$"), "ov"),
    # A glide between a vowel and -ev is spelt y, j, i or not at all: aliyev = aliev.
    (re.compile(r"(?<=.{2}[aeiou])[yji]?e(?:v|w|ff)$"), "ev"),
    (re.compile(r"(?<=.{2})e(?:v|w|ff)$"), "ev"),
    (re.compile(r"(?<=.{2})(?:ova|owa)$"), "ova"),
    (re.compile(r"(?<=.{2}[aeiou])[yji]?e[vw]a$"), "eva"),
    (re.compile(r"(?<=.{2})e[vw]a$"), "eva"),
    (re.compile(r"(?<=.{2})(?:enko|enco)$"), "enko"),
    (re.compile(r"(?<=.{2})(?:oglu|oghlu|ogly|ogli|ohlu)$"), "oglu"),
    (re.compile(r"(?<=.{2})(?:kyzy|kizi|qizi|gizi|kyzi|qyzy)$"), "kyzy"),
]


@lru_cache(maxsize=1 << 18)
def surname_key(token: str) -> str:
    """Normalise the transliteration-dependent ending of a surname or patronymic.

    ``-ian/-yan/-jan`` -> ``yan``, ``-shvili/-schwili/-svili`` -> ``shvili``, ``-ow/-off`` ->
    ``ov``, ``-yev/-iev/-ew`` -> ``ev``, ``-sky/-skiy/-skii/-ski`` -> ``ski``, ``-wicz/-vic`` ->
    ``vich``, ``-ogly/-ogli`` -> ``oglu``, ``-qizi/-kizi`` -> ``kyzy``. Only one ending is
    rewritten; short tokens are left alone (``ian`` stays ``ian``).

    Args:
        token: one folded token.
    """
    for pattern, repl in _SUFFIXES:
        new, count = pattern.subn(repl, token, count=1)
        if count:
            return new
    return token


def _read_classes(name: str) -> list[list[str]]:
    """Read one packaged class file (plain or gzip) into lists of forms."""
    raw = resources.files("watchline.data").joinpath(name).read_bytes()
    text = (gzip.decompress(raw) if name.endswith(".gz") else raw).decode("utf-8")
    lines = (line.split() for line in text.splitlines() if line and not line.startswith("#"))
    return [forms for forms in lines if forms]


@cache
def equivalents() -> dict[str, str]:
    """The form -> class-key table, loaded once on first use (not at import).

    Generated classes are loaded first; each hand-reviewed class then takes over every form of
    the generated classes it overlaps, so hand review wins and can join generated classes.
    """
    table: dict[str, str] = {}
    members: dict[str, list[str]] = {}
    for forms in _read_classes(_GENERATED):
        members[forms[0]] = forms
        table.update(dict.fromkeys(forms, forms[0]))
    for forms in _read_classes(_HAND):
        folded = [f for f in (fold(x).replace(" ", "") for x in forms) if f]
        key = folded[0]
        for form in folded:
            joined = members.get(table.get(form, ""), [])
            table.update(dict.fromkeys(joined, key))
            table[form] = key
    return table


@cache
def _classes() -> dict[str, tuple[str, ...]]:
    members: dict[str, list[str]] = {}
    for form, key in equivalents().items():
        members.setdefault(key, []).append(form)
    return {key: tuple(forms) for key, forms in members.items()}


def name_forms(token: str) -> tuple[str, ...]:
    """Every known form of the name ``token`` is a form of (empty when it is not known).

    A misspelt or rarely spelt part ("Taiana") is often closer to one of the forms of the
    name it stands for ("Tatiana") than to the form one list happened to write ("Tatyana").
    """
    key = equivalents().get(token)
    return () if key is None else _classes()[key]


def known_name(token: str) -> bool:
    """True when the equivalence table knows this folded part as a form of some name.

    Two known forms in different classes (Elena, Alina) are two names, however alike they
    are spelt; similarity alone would read them as a spelling variant of each other.
    """
    return token in equivalents()


@lru_cache(maxsize=1 << 18)
def canonical(token: str) -> str:
    """Return the equivalence-class key of one folded name part.

    Forms of one name across languages and transliterations share the key: ``andrew``,
    ``andrei``, ``andrej``, ``andriy`` -> ``andrey``; ``oleksandr``, ``alexander`` ->
    ``aleksandr``. A token the table does not know is returned with its surname ending
    normalised (:func:`surname_key`), so ``petrosian`` and ``petrosyan`` still meet.

    Args:
        token: one folded token, as produced by :func:`watchline.names.name_tokens`.
    """
    table = equivalents()
    key = table.get(token)
    if key is not None:
        return key
    normal = surname_key(token)
    return table.get(normal, normal)


@lru_cache(maxsize=1 << 18)
def phonetic_key(token: str) -> str:
    """Return a coarse, vowel-tolerant key for candidate blocking (see :mod:`.phonetic`).

    The key is rule-based only (consonant skeleton of :func:`surname_key` of the token), so
    spelling variants that no table knows still agree: ``mukhammad``, ``mohammed`` and
    ``muhamad`` all give ``"mhmd"``; ``saakaschwili`` and ``saakashvili`` both give
    ``"sksfl"``. Use it next to :func:`canonical`, which covers variants that differ in more
    than spelling (``andrew``/``andrei``). A token without consonants keeps its first letter,
    so the key of a non-empty token is never empty.

    Args:
        token: one folded token.
    """
    return skeleton(surname_key(token)) or token[:1]
