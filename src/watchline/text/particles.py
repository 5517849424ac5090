"""European name particles as Arabic and Cyrillic script write them, spelt as Latin ones.

Writers of those scripts keep a foreign name's particles as words of their own (فان دايك van
Dyke, دي غول de Gaulle, Вернер фон Браун, Мацуи дус Сантус), and letter-by-letter romanisation
gives ``fan``, ``di``, ``fon``, ``dus``: no particle the names layer knows, so they stayed as
name parts the Latin spelling lacks. Spelt as the Latin particle, they are dropped on both
sides alike. A phrase-level step, before words are romanised one by one: a word is a particle
only before another word of the name (a last word is a name: Affleck Lu, أفليك لو). Where a
script's romanisation already gives the Latin particle (ван, де, да, ди), nothing is needed.
Words that are also names are left alone: دي is Dee or Di, دو and لو the Chinese surnames
Du and Lu, لا, دا and دي the particles la, da and de; a name losing a part costs more than
a particle kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable

ARABIC_PARTICLES = {
    "فان": "van", "فون": "von", "دن": "den", "دير": "der", "ديل": "del", "ديلا": "della",
    "دوس": "dos", "داس": "das", "تير": "ter",
    # Persian spelling writes no vowel letter in del: دل روزاريو (del Rosario)
    "دل": "del", "دلا": "della",
}  # fmt: skip
CYRILLIC_PARTICLES = {"фон": "von", "дус": "dos", "цу": "zu", "дю": "du"}

_ARABIC_LETTER = "[\u0620-\u064a\u0671-\u06d3\u06fa-\u06ff]"
_CYRILLIC_LETTER = "[\u0400-\u04ff]"


_Speller = tuple[re.Pattern[str], re.Pattern[str], Callable[[re.Match[str]], str]]


def _speller(table: dict[str, str], letter: str) -> _Speller:
    """(the script's letters, its particles before another word, their Latin spelling)."""
    words = "|".join(table)
    particle = re.compile(rf"(?<!\S)({words})(?=\s+{letter})", re.IGNORECASE)
    return re.compile(letter), particle, lambda match: table[match.group(1).lower()]


_SCRIPTS = (
    _speller(ARABIC_PARTICLES, _ARABIC_LETTER),
    _speller(CYRILLIC_PARTICLES, _CYRILLIC_LETTER),
)
# Latin initials as Arabic script spells their letter names, with the dot that marks them
# (جون إف. كينيدي, John F. Kennedy): written back as the Latin letter. Without the dot the
# same words may be names (دي Dee, بي Bi), so they stay.
_A = "[اإأآ]"
_LETTER_NAMES = {
    "[اإ]يه?": "e", "بي": "b", "سي": "c", "دي": "d", f"{_A}ف": "f", "جي": "g",
    f"{_A}تش": "h", "[آأ]ي": "i", "جيه": "j", "جاي": "j", "كيه?": "k", f"{_A}ل": "l",
    f"{_A}م": "m", f"{_A}ن": "n", f"{_A}و": "o", "كيو": "q", f"{_A}ر": "r", f"{_A}س": "s",
    "تي": "t", "يو": "u", "في": "v", "دبليو": "w", f"{_A}كس": "x", "واي": "y", "زد": "z",
}  # fmt: skip
_INITIALS = [
    (re.compile(rf"(?<!\S){name}\.(?=\s|$)"), f"{latin}.") for name, latin in _LETTER_NAMES.items()
]
_ARABIC = re.compile(_ARABIC_LETTER)
# Mac/Mc written as a word of its own (ماك آرثر): joined, as Latin spellings join it.
_MAC = re.compile(rf"(?<!\S)ماك\s+(?={_ARABIC_LETTER})")


def spell_particles(text: str) -> str:
    """``text`` with the particles of Arabic- and Cyrillic-script names spelt as Latin ones,
    Latin initials spelt out in Arabic script written back (``إف.`` -> ``f.``) and a
    separate ماك joined to its name (``ماك آرثر`` -> ``ماكآرثر``). Text without either
    script costs one search per script (``fold`` calls this for every non-ASCII name)."""
    for script, particle, latin in _SCRIPTS:
        if script.search(text) is not None:
            text = particle.sub(latin, text)
    if _ARABIC.search(text) is None:
        return text
    if "." in text:
        for initial, letter in _INITIALS:
            text = initial.sub(letter, text)
    return _MAC.sub("ماك", text)
