"""Name parts, cross-language name equivalents and matching keys (pure core, no I/O).

Public API: :func:`name_tokens`, :func:`name_readings`, :func:`persian_tokens`,
:func:`tag_parts` / :class:`NamePart`, :func:`canonical`, :func:`surname_key`,
:func:`known_name`, :func:`phonetic_key`, :func:`short_form`, :func:`article_stem`,
:func:`compact_legal_form`.
"""

from watchline.names.arabic import article_stem, short_form
from watchline.names.keys import canonical, known_name, name_forms, phonetic_key, surname_key
from watchline.names.legal import compact_legal_form
from watchline.names.model import NamePart
from watchline.names.parts import name_readings, name_tokens, persian_tokens, tag_parts

__all__ = [
    "NamePart",
    "article_stem",
    "canonical",
    "compact_legal_form",
    "known_name",
    "name_forms",
    "name_readings",
    "name_tokens",
    "persian_tokens",
    "phonetic_key",
    "short_form",
    "surname_key",
    "tag_parts",
]
