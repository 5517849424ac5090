"""Unicode clean-up run before anything else: NFKC, invisible characters, homoglyphs.

Attackers (and careless data entry) hide list names behind zero-width characters, bidi
controls and Latin/Cyrillic look-alike letters ("Nоvikov" with a Cyrillic ``о``). All of these
are undone here, before transliteration, so that every later layer sees one spelling.
"""

from __future__ import annotations

import re
import unicodedata

from watchline.text.scripts import char_script

# Zero-width, joiners, bidi embeddings/isolates/marks, soft hyphen, BOM, other format chars.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e007f"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)
_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")

# Lowercase and uppercase Cyrillic letters that look like Latin letters, and back.
_CYR = "аАвВеЕкКмМнНоОрРсСтТуУхХіІјЈѕЅԁӏԛԝ"
_LAT = "aABBeEkKMMHHoOpPcCTTyYxXiIjJsSdlqw"
_CYR_TO_LAT = str.maketrans(_CYR, _LAT)
_LOOKALIKES = frozenset(_CYR + _LAT)
_LAT_TO_CYR = str.maketrans(
    {lat: cyr for lat, cyr in zip(_LAT, _CYR, strict=True) if lat not in "BHMT"}
    | {"B": "В", "H": "Н", "M": "М", "T": "Т"}
)


def strip_invisible(text: str) -> str:
    """NFKC-normalise ``text``, drop invisible/control characters and collapse white space."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text).strip()


def _pick_script(word: str) -> str | None:
    """The script a Latin/Cyrillic mixed word was meant to be in, or None if not mixed.

    A letter with no look-alike in the other script (Cyrillic ``б``, Latin ``n``) settles it;
    when both or neither kind occurs, the majority of letters wins, ties going to Latin.
    """
    latin = cyrillic = own_latin = own_cyrillic = 0
    for ch in word:
        script = char_script(ch)
        if script == "latin":
            latin += 1
            own_latin += ch not in _LOOKALIKES
        elif script == "cyrillic":
            cyrillic += 1
            own_cyrillic += ch not in _LOOKALIKES
    if not latin or not cyrillic:
        return None
    if bool(own_latin) != bool(own_cyrillic):
        return "latin" if own_latin else "cyrillic"
    return "latin" if latin >= cyrillic else "cyrillic"


def repair_homoglyphs(word: str) -> str:
    """Map a word mixing Latin and Cyrillic letters onto the script it was meant to be in.

    Only look-alike letters are changed (``Nоvikov`` with a Cyrillic ``о`` -> Latin;
    ``ТAMБOB`` with Latin ``A M O B`` -> Cyrillic ``ТАМБОВ``, because ``Б`` has no Latin twin).

    Args:
        word: one word (no spaces), already NFKC-normalised.
    """
    script = _pick_script(word)
    if script is None:
        return word
    return word.translate(_CYR_TO_LAT if script == "latin" else _LAT_TO_CYR)
