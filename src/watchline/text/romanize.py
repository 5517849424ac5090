"""Named romanisation systems and the per-script default used for matching.

``romanize(text, system)`` applies one published standard, keeping its letters and marks (the
standard's own output, for display and for tests against the standard). ``latinize`` picks,
for each word, the system that gives the spelling most often seen in lists and passports, and
is what :func:`watchline.text.fold` builds on.
"""

from __future__ import annotations

from anyascii import anyascii

from watchline.errors import InputError
from watchline.text.arabic import PERSIAN_LETTERS, romanize_arabic
from watchline.text.caucasus import ARMENIAN, GEORGIAN, GEORGIAN_CAPITALS
from watchline.text.clean import strip_invisible
from watchline.text.cyrillic import SYSTEMS as CYRILLIC_SYSTEMS
from watchline.text.cyrillic import UA2010, UKRAINIAN_LETTERS, match_system
from watchline.text.engine import System, transliterate
from watchline.text.greek_hebrew import GREEK, HEBREW, MATCH_GREEK
from watchline.text.scripts import char_script

_TABLES: dict[str, System] = {
    **CYRILLIC_SYSTEMS,
    "armenian": ARMENIAN,
    "georgian": GEORGIAN,
    "greek": GREEK,
    "hebrew": HEBREW,
}

#: Every system accepted by :func:`romanize`.
SYSTEM_NAMES = frozenset(_TABLES) | {"arabic", "any"}


def romanize(text: str, system: str) -> str:
    """Romanise ``text`` with one named system.

    Args:
        text: text in any script; letters the system does not cover pass through unchanged
            (except for ``"any"``).
        system: one of ``icao``, ``bgn_pcgn``, ``iso9``, ``gost779b``, ``ua2010``, ``armenian``,
            ``georgian``, ``greek``, ``hebrew``, ``arabic``, or ``any`` (per-word default
            system, then anyascii).

    Raises:
        InputError: for an unknown system name.
    """
    if system == "arabic":
        return romanize_arabic(text)
    if system == "any":
        text = strip_invisible(text)
        ukrainian = not UKRAINIAN_LETTERS.isdisjoint(text)
        persian = not PERSIAN_LETTERS.isdisjoint(text)
        return " ".join(latinize_word(w, ukrainian, persian) for w in text.split(" ") if w)
    table = _TABLES.get(system)
    if table is None:
        raise InputError(f"unknown romanisation system {system!r}", "system")
    if system == "georgian":
        text = text.translate(GEORGIAN_CAPITALS)
    return transliterate(text, table)


def _dominant_script(word: str) -> str | None:
    """The script of the first letter of ``word`` that is not Latin, if any."""
    for ch in word:
        script = char_script(ch)
        if script is not None and script != "latin":
            return script
    return None


def latinize_word(word: str, ukrainian: bool = False, persian: bool = False) -> str:
    """Write one word in Latin letters with the matching default for its script.

    Cyrillic follows BGN/PCGN-style Russian or the Ukrainian national system, Armenian and
    Georgian their national systems, Greek ELOT 743 (with ``χ`` = ``kh``), Hebrew and Arabic
    the rule-based romanisers; anything else anyascii.
    The result may still hold Latin diacritics; :func:`watchline.text.fold` removes them.

    Args:
        word: one word, any script.
        ukrainian: the surrounding name is Ukrainian (has a Ukrainian-only letter), so
            Cyrillic follows the Ukrainian national system even without one in this word.
        persian: the surrounding name has a Persian-only letter, so Arabic script is read
            the Persian way (see :func:`watchline.text.arabic.romanize_word`).
    """
    script = _dominant_script(word)
    if script is None:
        return word
    if script == "cyrillic":
        word = transliterate(word, UA2010 if ukrainian else match_system(word))
    elif script == "armenian":
        word = transliterate(word, ARMENIAN)
    elif script == "georgian":
        word = transliterate(word.translate(GEORGIAN_CAPITALS), GEORGIAN)
    elif script == "arabic":
        word = romanize_arabic(word, persian)
    elif script == "greek":
        word = transliterate(word, MATCH_GREEK)
    elif script == "hebrew":
        word = transliterate(word, HEBREW)
    return word if word.isascii() else anyascii(word)
