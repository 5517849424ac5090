"""Greek and Hebrew romanisation.

* ``greek``: ELOT 743 (the Greek passport system): letter by letter (``γγ`` gg, ``μπ`` mp,
  ``ντ`` nt, ``χ`` ch), ``ου`` is ``ou``, ``αυ/ευ/ηυ`` are ``av/ev/iv`` or, before a voiceless
  consonant or at the end, ``af/ef/if`` (``Άγγελος`` -> ``Aggelos``, ``Ευθύμιος`` ->
  ``Efthymios``). The matching form used by ``fold`` follows common English practice for the
  nasal digraphs instead (``Μπακογιάννης`` -> ``bakogiannis``, ``Άγγελος`` -> ``angelos``).
* ``hebrew``: a rule-based reading of unpointed Hebrew as commonly spelt in English (there
  is no vowel information to follow a standard): ``ו``/``י`` are vowels inside a word and
  consonants word-initially, ``ב כ פ`` are ``b k p`` word-initially and ``v kh f`` after, a
  geresh makes ``ג' ז' צ'`` into ``j zh ch``, and a final ``ה`` is silent.
"""

from __future__ import annotations

from watchline.text.engine import System

_GREEK_BASE = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
    "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p",
    "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps",
    "ω": "o", "ά": "a", "έ": "e", "ή": "i", "ί": "i", "ό": "o", "ύ": "y", "ώ": "o",
    "ϊ": "i", "ϋ": "y", "ΐ": "i", "ΰ": "y",
}  # fmt: skip
# ELOT 743 writes the letter digraphs letter by letter (γγ gg, γκ gk, μπ mp, ντ nt); only
# ου and the vowel+υ pairs are read as units (αυ/ευ/ηυ: v before a vowel or voiced
# consonant, f before a voiceless one or at the end).
_VOICELESS = "θκξπσςτφχψ"
_VOWEL_UPSILON = {
    vowel + upsilon: out
    for vowel, out in (("α", "a"), ("ά", "a"), ("ε", "e"), ("έ", "e"), ("η", "i"), ("ή", "i"))
    for upsilon in ("υ", "ύ")
}
_GREEK_SEQUENCES = (
    {"ου": "ou", "ού": "ou"}
    | {
        pair + c: out + "f" + _GREEK_BASE[c]
        for pair, out in _VOWEL_UPSILON.items()
        for c in _VOICELESS
    }
    | {pair: out + "v" for pair, out in _VOWEL_UPSILON.items()}
)

GREEK = System(
    name="greek",
    base=_GREEK_BASE,
    sequences=_GREEK_SEQUENCES,
    final={pair: out + "f" for pair, out in _VOWEL_UPSILON.items()},
)

# Matching form: common English practice for the nasal digraphs (Μπακογιάννης -> Bakogiannis,
# Ντάλας -> Dalas, Άγγελος -> Angelos) and v for every vowel+υ pair.
MATCH_GREEK = System(
    name="match_greek",
    base=_GREEK_BASE,
    initial={"μπ": "b", "ντ": "d", "γκ": "g"},
    sequences={
        "μπ": "mb", "ντ": "nd", "γκ": "ng", "γγ": "ng", "γξ": "nx", "γχ": "nch", "ου": "ou",
        "ού": "ou", "αυ": "av", "αύ": "av", "ευ": "ev", "εύ": "ev", "ηυ": "iv", "ηύ": "iv",
        # γι before a vowel is the glide y (Μπακογιάννης -> bakoyannis).
        **{"γι" + v: "y" + _GREEK_BASE[v] for v in "αάεέοόωώ"},
    },
)  # fmt: skip

HEBREW = System(
    name="hebrew",
    base={
        "א": "a", "ב": "v", "ג": "g", "ד": "d", "ה": "h", "ו": "u", "ז": "z", "ח": "kh",
        "ט": "t", "י": "i", "כ": "kh", "ך": "kh", "ל": "l", "מ": "m", "ם": "m", "נ": "n",
        "ן": "n", "ס": "s", "ע": "", "פ": "f", "ף": "f", "צ": "ts", "ץ": "ts", "ק": "k",
        "ר": "r", "ש": "sh", "ת": "t", "'": "", "׳": "", "״": "",
    },
    initial={"ב": "b", "כ": "k", "פ": "p", "ו": "v", "י": "y", "א": "", "ע": ""},
    final={"ה": ""},
    sequences={
        "וו": "v", "יי": "y", "ג'": "j", "ג׳": "j", "ז'": "zh", "ז׳": "zh", "צ'": "ch",
        "צ׳": "ch", "ץ'": "ch", "ץ׳": "ch", "תּ": "t", "בּ": "b", "כּ": "k", "פּ": "p",
    },
)  # fmt: skip
