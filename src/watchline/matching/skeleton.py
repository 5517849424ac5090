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

_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
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
        (r"(?<=.)yo", "e"),
        (r"ou|oo|u", "u"),
        (r"ij|iy|yi|ii|y|j", "i"),
        (r"(?<=[aeiou])i(?=[aeiou])", ""),
        (r"ie|ye|ae|e", "e"),
        (r"ff$", "v"),
        (r"(.)\1+", r"\1"),
    )
)
_VOWELS = re.compile(r"[aeiou]+")


def translit_form(token: str) -> str:
    """One spelling for the usual romanisation variants of a folded part."""
    out = token
    for pattern, replacement in _RULES:
        out = pattern.sub(replacement, out)
    return out or token


_ABJAD_CLASSES = str.maketrans("p", "b")


def consonants(form: str) -> str:
    """The consonant skeleton of a transliteration form (v/w count as vowels: u/w/v vary).

    Arabic has no p (it writes b), so skeletons merge p into b: harmless for other names,
    whose skeletons are only weak evidence anyway."""
    return _VOWELS.sub("", form).replace("v", "").translate(_ABJAD_CLASSES)


ABJAD = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def from_abjad(text: str) -> bool:
    """True when a name is (partly) written in a script without short vowels."""
    return ABJAD.search(text) is not None
