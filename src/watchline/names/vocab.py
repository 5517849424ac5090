"""Word lists of the names layer: titles, particles, patronymic markers, organisation schemata.

Kept as data in one place so that reviewers can read and amend them without touching logic.
All entries are folded (lowercase ASCII).
"""

from __future__ import annotations

from watchline.names.arabic import ARTICLES, FILIATION

#: Titles, ranks and honorifics that are not part of a name (folded).
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "hon",
     "rev", "fr", "jr", "sr", "sheikh", "shaikh", "shaykh", "sheik", "cheikh", "haji",
     "hajji", "hadji", "hajj", "alhaji", "alhaj", "mullah", "mulla", "mollah", "maulana",
     "maulvi", "mawlawi", "mawlana", "maulawi", "maulavi", "mawlavi", "moulavi", "moulvi",
     "molvi", "mowlavi", "doctor", "pahlawan", "mufti",
     # the same titles as Arabic script writes them, romanised (شيخ, مولوی, حاجى)
     "shikh", "mulawi", "haja", "imam", "qari", "ustadh", "gen",
     "general", "col", "colonel", "maj", "major", "capt", "captain", "lt", "brig", "adm",
     "admiral", "gospodin", "gospozha", "herr", "frau", "mme", "mlle"}
)  # fmt: skip
#: European particles kept out of the tokens (``van``, ``de``): spelt joined or apart at will.
EUROPEAN_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la",
     "le", "ter", "ten", "zu", "af"}
)  # fmt: skip
#: Turkic patronymic markers written as a separate word (``Alirza oglu``): joined.
PATRONYMIC_MARKERS = {
    "oglu": "oglu", "ogly": "oglu", "ogli": "oglu", "oghlu": "oglu", "kyzy": "kyzy",
    "kizi": "kyzy", "qizi": "kyzy", "gizi": "kyzy", "uly": "uly", "uli": "uly",
}  # fmt: skip
ORG_SCHEMATA = frozenset(
    {"Organization", "Company", "LegalEntity", "PublicBody", "Vessel", "Airplane", "Asset"}
)
PARTICLES = ARTICLES | FILIATION | EUROPEAN_PARTICLES
