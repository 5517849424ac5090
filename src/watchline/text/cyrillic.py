"""Cyrillic romanisation systems, written from the published standards.

* ``icao``: ICAO Doc 9303 part 3 (7th ed.), the machine-readable passport table; used by
  Russian and other CIS passports since 2013 (``Юрий`` -> ``IURII``).
* ``bgn_pcgn``: BGN/PCGN 1947 for Russian, the usual English-language form (``Yuriy``).
* ``iso9``: ISO 9:1995 (= GOST 7.79-2000 system A), one Latin letter with diacritics per letter.
* ``gost779b``: GOST 7.79-2000 system B, ASCII-only letter combinations.
* ``ua2010``: Ukrainian national system (Cabinet of Ministers resolution 55 of 2010), used in
  Ukrainian passports (``Олександр`` -> ``Oleksandr``, ``Київ`` -> ``Kyiv``).
"""

from __future__ import annotations

from watchline.text.engine import System

_COMMON = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "з": "z", "и": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f",
}  # fmt: skip

ICAO = System(
    name="icao",
    base={
        **_COMMON,
        "ё": "e", "ж": "zh", "й": "i", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
        "ґ": "g", "є": "ie", "і": "i", "ї": "i", "ў": "u", "ѓ": "g", "ђ": "d", "ѕ": "dz",
        "ј": "j", "љ": "lj", "њ": "nj", "ќ": "kj", "ћ": "c", "џ": "dz",
    },
)  # fmt: skip

_RU_VOWELS = frozenset("аеёиоуыэюяйъь")

BGN_PCGN = System(
    name="bgn_pcgn",
    base={
        **_COMMON,
        "ё": "ë", "ж": "zh", "й": "y", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ъ": "”", "ы": "y", "ь": "’", "э": "e", "ю": "yu", "я": "ya",
    },
    initial={"е": "ye", "ё": "yë"},
    after_vowel={"е": "ye", "ё": "yë"},
    vowels=_RU_VOWELS,
)  # fmt: skip

ISO9 = System(
    name="iso9",
    base={
        **_COMMON,
        "ё": "ë", "ж": "ž", "й": "j", "х": "h", "ц": "c", "ч": "č", "ш": "š", "щ": "ŝ",
        "ъ": "ʺ", "ы": "y", "ь": "ʹ", "э": "è", "ю": "û", "я": "â", "ґ": "g̀", "є": "ê",
        "і": "ì", "ї": "ï", "ў": "ǔ", "ѓ": "ǵ", "ѕ": "ẑ", "ј": "ǰ", "љ": "l̂", "њ": "n̂",
        "ќ": "ḱ", "џ": "d̂",
    },
)  # fmt: skip

GOST779B = System(
    name="gost779b",
    base={
        **_COMMON,
        "ё": "yo", "ж": "zh", "й": "j", "х": "x", "ц": "c", "ч": "ch", "ш": "sh",
        "щ": "shh", "ъ": "``", "ы": "y`", "ь": "`", "э": "e`", "ю": "yu", "я": "ya",
        "ґ": "g`", "є": "ye", "і": "i", "ї": "yi", "ў": "u`", "ѓ": "g`", "ѕ": "z`",
        "ј": "j", "љ": "l`", "њ": "n`", "ќ": "k`", "џ": "dh",
    },
    # System B writes ц as "cz" before e, i, y and j so that c stays unambiguous.
    sequences={"це": "cze", "ци": "czi", "цы": "czy`", "цй": "czj", "ці": "czi", "цє": "czye"},
)  # fmt: skip

UA2010 = System(
    name="ua2010",
    base={
        **_COMMON,
        "г": "h", "ґ": "g", "є": "ie", "ж": "zh", "и": "y", "і": "i", "ї": "i", "й": "i",
        "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
        "я": "ia", "'": "", "’": "", "ʼ": "",
        # Russian letters occasionally found in Ukrainian-context text.
        "ё": "io", "ъ": "", "ы": "y", "э": "e",
    },
    initial={"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"},
    sequences={"зг": "zgh"},
)  # fmt: skip

#: Letters that occur in Ukrainian but not in Russian; a word with one is Ukrainian.
UKRAINIAN_LETTERS = frozenset("ґєіїҐЄІЇ")

#: Letters of the Serbian/Macedonian alphabets absent from Russian.
SOUTH_SLAVIC_LETTERS = frozenset("ђјљњћџѓќѕЂЈЉЊЋЏЃЌЅ")

# The matching form: BGN/PCGN letters without its diacritics and sign letters, so that the
# folded output is ASCII and close to the common English spelling of Russian names.
MATCH_RU = System(
    name="match_ru",
    base={
        **BGN_PCGN.base,
        "ё": "e", "ъ": "", "ь": "", "ґ": "g", "є": "ye", "і": "i", "ї": "yi", "ў": "u",
        "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "ch", "џ": "dzh", "ѓ": "g",
        "ќ": "k", "ѕ": "dz",
    },
)  # fmt: skip

SYSTEMS = {s.name: s for s in (ICAO, BGN_PCGN, ISO9, GOST779B, UA2010)}


def match_system(word: str) -> System:
    """Pick the system used by :func:`watchline.text.fold` for one Cyrillic word.

    Ukrainian words (those with a letter Russian lacks) follow the Ukrainian national system,
    because Ukrainian passports and lists spell them so (``Володимир`` -> ``volodymyr``);
    everything else follows the English-style Russian form.
    """
    if not UKRAINIAN_LETTERS.isdisjoint(word):
        return UA2010
    return MATCH_RU
