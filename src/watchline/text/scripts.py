"""Script detection: which writing systems a text uses.

Name matching picks a transliteration per script and treats mixed-script words as a sign of
homoglyph tampering, so detection must be cheap: the script of a character is read once from
its Unicode name and cached.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Unicode character-name prefixes that differ from the script name we report.
_ALIASES = {
    "mathematical": "latin",
    "fullwidth": "latin",
    "modifier": "latin",
    "hangul": "hangul",
    "cjk": "han",
    "kangxi": "han",
    "ideographic": "han",
}
#: Scripts reported by :func:`scripts`; anything else is reported under its first name word.
KNOWN = frozenset(
    {"latin", "cyrillic", "greek", "armenian", "georgian", "arabic", "hebrew", "han",
     "hiragana", "katakana", "hangul", "devanagari", "bengali", "thai"}
)  # fmt: skip


@lru_cache(maxsize=8192)
def char_script(ch: str) -> str | None:
    """Return the script of one letter (lowercase, e.g. ``"cyrillic"``), or None if not a letter.

    Args:
        ch: a single character.
    """
    if ch < "\x80":
        return "latin" if ch.isalpha() else None
    if not ch.isalpha():
        return None
    head = unicodedata.name(ch, "unknown").split(" ", 1)[0].lower()
    return _ALIASES.get(head, head)


def scripts(text: str) -> frozenset[str]:
    """Return the set of scripts whose letters occur in ``text``.

    Digits, punctuation and marks belong to no script and are ignored, so
    ``scripts("ООО «Ромашка» 2")`` is ``{"cyrillic"}``.

    Args:
        text: any string.
    """
    if text.isascii():
        return frozenset({"latin"}) if any(c.isalpha() for c in text) else frozenset()
    found = {char_script(ch) for ch in set(text)}
    found.discard(None)
    return frozenset(s for s in found if s is not None)
