"""Country names to FtM country codes, from the reviewed table ``watchline/data/countries.tsv``.

Lists spell countries in many ways ("Iran (Islamic Republic of)", "Russia", "Türkiye");
FtM stores lowercase ISO 3166-1 alpha-2 codes. Unknown names are returned as given, so a
value is never lost because the table lacks it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

_NON_WORD = re.compile(r"[^\w]+")


def _key(name: str) -> str:
    """A spelling-insensitive key: no accents, case, punctuation or leading 'the'."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = _NON_WORD.sub(" ", plain.replace("'", "")).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@cache
def _table() -> dict[str, str]:
    """Load the table once; it is immutable package data, so caching it is safe."""
    text = resources.files("watchline").joinpath("data/countries.tsv").read_text("utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, _, name = line.partition("\t")
        table[_key(name)] = code.strip()
    return table


def country_code(name: str) -> str | None:
    """The FtM code for a country name or code, or None when the table does not know it."""
    return _table().get(_key(name)) if name.strip() else None


def to_country(name: str) -> str:
    """The FtM code for ``name`` if known, else the text unchanged (never dropped)."""
    return country_code(name) or name.strip()


def is_country_code(code: str) -> bool:
    """Whether ``code`` (any case) is one of the codes the table maps names to."""
    return code.strip().lower() in _codes()


@cache
def _codes() -> frozenset[str]:
    return frozenset(_table().values())
