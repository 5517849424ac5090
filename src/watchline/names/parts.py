"""Name parts: the folded tokens used for matching, and their roles.

``name_tokens`` is on the index-build hot path (millions of names), so it works on the folded
string with set lookups only; ``tag_parts`` does the same clean-up and then guesses each
part's role, for explanations and for scorers that weigh surnames above given names.
"""

from __future__ import annotations

import re

from watchline.names.arabic import NEEDS_JOIN, join_particles
from watchline.names.legal import LEGAL_FORM_TOKENS, compact_folded
from watchline.names.model import NamePart
from watchline.names.roles import guess_roles
from watchline.names.vocab import (
    EUROPEAN_PARTICLES,
    HONORIFICS,
    ORG_SCHEMATA,
    PARTICLES,
    PATRONYMIC_MARKERS,
)
from watchline.text import fold
from watchline.text.arabic import persian_reading
from watchline.text.turkic import turkic_reading


def is_organisation(schema: str) -> bool:
    """Whether names of this FtM schema are organisation names (legal forms apply)."""
    return schema in ORG_SCHEMATA


def _reorder(name: str) -> str:
    """Turn ``"SURNAME, Given Names"`` into ``"Given Names SURNAME"`` (first comma only)."""
    head, _, tail = name.partition(",")
    return f"{tail} {head}" if tail.strip() else head


def _join_markers(tokens: list[str]) -> list[str]:
    """Join Turkic patronymic markers to the preceding word (``alirza oglu`` -> ``alirzaoglu``)."""
    out: list[str] = []
    for tok in tokens:
        marker = PATRONYMIC_MARKERS.get(tok)
        if marker is not None and out:
            out[-1] += marker
        else:
            out.append(tok)
    return out


# Tone numbers written after a romanised syllable (Wade-Giles ``Chiang¹``, Jyutping ``Can⁴``,
# numbered pinyin ``Li3``): NFKC makes the superscripts digits, and a passport or an Arabic-script
# rendering never writes them, so they are not part of the name.
_TONE_NUMBER = re.compile(r"(?<=[a-z])[0-9]+\b")


def person_tokens(folded: str) -> list[str]:
    """Clean the folded tokens of a person's name: drop titles, particles and tone numbers,
    join compounds."""
    if _TONE_NUMBER.search(folded):
        folded = _TONE_NUMBER.sub("", folded)
    tokens = folded.split()
    if not HONORIFICS.isdisjoint(tokens):
        tokens = [t for t in tokens if t not in HONORIFICS]
    if not PARTICLES.isdisjoint(tokens) or NEEDS_JOIN.search(folded):
        tokens = join_particles(tokens)
        tokens = [t for t in tokens if t not in EUROPEAN_PARTICLES]
    return _join_markers(tokens) if not PATRONYMIC_MARKERS.keys().isdisjoint(tokens) else tokens


def org_tokens(folded: str) -> list[str]:
    """Tokens of an organisation name, legal forms compacted and moved to the end."""
    tokens = compact_folded(folded).split()
    legal = [t for t in tokens if t in LEGAL_FORM_TOKENS]
    if not legal:
        return tokens
    rest = [t for t in tokens if t not in LEGAL_FORM_TOKENS]
    return rest + sorted(set(legal)) if rest else tokens


def name_tokens(name: str, schema: str = "Person") -> tuple[str, ...]:
    """Return the folded name parts used for matching.

    Persons: ``"SURNAME, Given"`` is reordered to given-first, titles (``mr``, ``dr``,
    ``sheikh``, ``haji``...) and particles (``al``, ``bin``, ``van``...) are dropped,
    ``abd``/``abu`` compounds are joined (``Abd al-Rahman`` -> ``abdulrahman``), Turkic
    patronymic markers are joined (``Alirza oglu`` -> ``alirzaoglu``); initials stay as
    one-letter tokens. Organisations: legal forms become one family token (``llc``, ``jsc``,
    see :mod:`watchline.names.legal`) placed after the other tokens; quotes disappear.

    Never raises; returns ``()`` for a name without letters or digits.

    Args:
        name: a name in any script.
        schema: the FtM schema of the named entity (``Person``, ``Company``, ...).
    """
    if is_organisation(schema):
        return tuple(org_tokens(fold(name)))
    if "," in name:
        name = _reorder(name)
    return tuple(person_tokens(fold(name)))


def name_readings(name: str, schema: str = "Person") -> tuple[tuple[str, ...], ...]:
    """The name's tokens, then those of each other way its spelling is read aloud.

    A listed ``Cəfərov Nicat`` is also ``jafarov nijat``: Azerbaijani and Turkish ``c`` is
    English ``j`` (see :mod:`watchline.text.turkic`). The index stores every reading of a
    listed name, so both the letter-for-letter passport spelling (``CAFAROV``) and the
    sound-based one (``Jafarov``, ``Джафаров``) meet it exactly. Queries keep one reading.
    """
    first = name_tokens(name, schema)
    reading = turkic_reading(name)
    if reading is None:
        return (first,)
    other = name_tokens(reading, schema)
    return (first, other) if other != first else (first,)


def persian_tokens(name: str, schema: str = "Person") -> tuple[str, ...]:
    """The tokens of an Arabic-script name read with the Persian values of ذ ض ث (z, z, s:
    :func:`watchline.text.arabic.persian_reading`), or ``()`` where that reading is not
    another one. A query is screened in both readings; the better one counts."""
    reading = persian_reading(name)
    if reading is None:
        return ()
    other = name_tokens(reading, schema)
    return other if other != name_tokens(name, schema) else ()


def tag_parts(name: str, schema: str = "Person") -> tuple[NamePart, ...]:
    """Split a name into tagged parts (see :class:`NamePart` for the roles).

    Roles come from the part itself (particles, legal forms, patronymic and surname endings,
    known given names) and from its position (the part before a comma, an all-capitals part
    in a mixed-case name, otherwise the last part, is the surname).

    Args:
        name: a name in any script.
        schema: the FtM schema of the named entity.
    """
    if is_organisation(schema):
        forms = compact_folded(fold(name)).split()
        return tuple(
            NamePart(f, f, "legal_form" if f in LEGAL_FORM_TOKENS else "unknown") for f in forms
        )
    return guess_roles(name)
