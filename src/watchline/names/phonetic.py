"""A coarse, vowel-tolerant phonetic key for candidate blocking.

The key is the consonant skeleton of a folded token after the spelling variants that the
romanisation systems and European orthographies produce for one sound are merged:

* vowels are dropped, because Arabic writes no short vowels and every system spells
  Cyrillic/Armenian vowels differently; so are ``y``, ``j`` and its English spellings ``dj``,
  ``dzh``, ``dsch`` (``j`` is a vowel glide in German/Slavic ``Jurij`` but ``dzh`` in English
  ``Jamal``: dropping both makes ``Jamal``/``Djamal``/``Dzhamal`` and ``Jurij``/``Yuri`` meet),
  and ``w`` between vowels (the Arabic glide of ``Zawahiri``, written ``و``);
* hushing and hissing sounds form one class (``s z sh zh ch c ts tz cz sz sch shch``),
  because carons and cedillas (``š ç ş``) are often written as the bare letter;
* ``g h kh gh`` and a word-initial ``x`` form one class: Ukrainian writes ``h`` where Russian
  writes ``g`` (Hryhorii/Grigory) and Russian writes ``г`` for Arabic ``h`` (Magomed);
* ``f v w ph`` form one class, and ``b p`` another (German ``w`` = ``v``; Arabic has no
  ``p`` or ``v`` and writes them ``ب`` and ``ف``);
* ``chr`` is ``kr`` (Greek-origin Christos/Christian), ``th`` is ``t``, ``dh`` is ``d``,
  ``q`` and ``ck`` are ``k``, ``x`` elsewhere is ``ks``, ``c`` is ``k`` unless before
  ``e i y``; a word-final ``h`` after a vowel (Arabic ``-ah``) is silent, and so is the
  ``h`` of a word-initial ``rh`` (Greek-origin and Welsh Rhonda, Rhys, Rhodes: Ронда,
  روندا); inside a word ``rh`` stays, since romanised Arabic writes both (Sarhan);
* repeated classes collapse (``mohammed`` = ``muhamad``).

The key is deliberately coarse (it only proposes candidates; scoring decides) and cheap.
"""

from __future__ import annotations

import re

_DIGRAPHS = {
    "shch": "S", "shh": "S", "dsch": "", "tsch": "S", "dzh": "", "sch": "S", "tch": "S", "dj": "",
    "zh": "S", "chr": "Kr", "ch": "S", "sh": "S", "ts": "S", "tz": "S", "cz": "S", "sz": "S",
    "ce": "Se", "ci": "Si", "cy": "Sy", "kh": "H", "gh": "H", "ph": "F", "th": "T", "dh": "D",
    "ck": "K", "x": "KS", "q": "K",
}  # fmt: skip
_DIGRAPH_RE = re.compile("|".join(sorted(_DIGRAPHS, key=len, reverse=True)))
_FINAL_H = re.compile(r"(?<=[aeiouy])h$")
_GLIDE_W = re.compile(r"(?<=[aeiou])w+(?=[aeiou])")
_CLASSES = {
    "b": "b", "p": "b", "f": "f", "v": "f", "w": "f", "F": "f", "g": "h", "h": "h", "H": "h",
    "k": "k", "c": "k", "K": "k", "s": "s", "z": "s", "S": "s", "d": "d", "D": "d", "t": "t",
    "T": "t", "l": "l", "r": "r", "m": "m", "n": "n",
}  # fmt: skip


def _substitute(match: re.Match[str]) -> str:
    return _DIGRAPHS[match.group(0)]


def skeleton(token: str) -> str:
    """Return the consonant-class skeleton of a folded token (``"mohammed"`` -> ``"mhmd"``).

    Args:
        token: one folded token (``[a-z0-9]``); other characters are ignored.
    """
    if token[:1] == "x":
        token = "h" + token[1:]
    elif token[:2] == "rh":
        token = "r" + token[2:]
    token = _GLIDE_W.sub("", _FINAL_H.sub("", token))
    token = _DIGRAPH_RE.sub(_substitute, token)
    out: list[str] = []
    last = ""
    for ch in token:
        cls = _CLASSES.get(ch)
        if cls is not None and cls != last:
            out.append(cls)
            last = cls
    return "".join(out)
