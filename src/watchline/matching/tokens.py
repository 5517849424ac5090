"""The one door from matching into the names layer.

Every name the index stores and every query name go through :func:`tokenize`, so both sides
are always cut and folded the same way. The functions come from ``watchline.text`` and
``watchline.names``; while those are being built (or if one is missing) a plain fallback keeps
the engine usable, and :data:`NAMES_LAYER` says which one is in force so a benchmark can
report it.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from anyascii import anyascii

_SEPARATORS = re.compile(r"[^0-9a-z]+")
_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLES = re.compile(r"(.)\1+")


def _fallback_fold(text: str) -> str:
    """Lower-case ASCII with punctuation turned into spaces (used only without names layer)."""
    text = unicodedata.normalize("NFKC", text)
    return " ".join(_SEPARATORS.split(anyascii(text).lower())).strip()


def _fallback_tokens(name: str, schema: str = "Person") -> tuple[str, ...]:
    return tuple(_fallback_fold(name).split())


def _fallback_canonical(token: str) -> str:
    return token


def _fallback_phonetic(token: str) -> str:
    """A consonant skeleton: first letter kept, vowels dropped, doubles squeezed."""
    if not token:
        return token
    return token[0] + _DOUBLES.sub(r"\1", _VOWELS.sub("", token[1:]))


def _pick(module: str, name: str, fallback: Callable[..., Any]) -> tuple[Callable[..., Any], bool]:
    """The names-layer function ``module.name`` if it is importable, else the fallback."""
    try:
        found = getattr(importlib.import_module(module), name, None)
    except ImportError:
        found = None
    return (found, True) if callable(found) else (fallback, False)


def _load() -> tuple[list[Callable[..., Any]], str]:
    """Pick each function from the names layer when present, else the fallback."""
    picks = (
        _pick("watchline.text", "fold", _fallback_fold),
        _pick("watchline.names", "name_tokens", _fallback_tokens),
        _pick("watchline.names", "canonical", _fallback_canonical),
        _pick("watchline.names", "phonetic_key", _fallback_phonetic),
    )
    names = ("fold", "name_tokens", "canonical", "phonetic_key")
    used = [n for n, (_, ok) in zip(names, picks, strict=True) if ok]
    return [fn for fn, _ in picks], ",".join(used) or "fallback"


(_fold, _name_tokens, _canonical, _phonetic), NAMES_LAYER = _load()
_known_name, _ = _pick("watchline.names", "known_name", lambda token: False)
_name_forms, _ = _pick("watchline.names", "name_forms", lambda token: ())
_short_form, _ = _pick("watchline.names", "short_form", lambda token: "")
_article_stem, _ = _pick("watchline.names", "article_stem", lambda token: "")
_name_readings, _ = _pick(
    "watchline.names", "name_readings", lambda name, schema="Person": (_name_tokens(name, schema),)
)

_persian_tokens, _ = _pick("watchline.names", "persian_tokens", lambda name, schema="Person": ())


def _legal_forms() -> frozenset[str]:
    """Folded legal-form tokens (``llc``, ``jsc``...) as the names layer compacts them."""
    try:
        found = importlib.import_module("watchline.names.legal").LEGAL_FORM_TOKENS
    except (ImportError, AttributeError):
        found = None
    fallback = {"llc", "ltd", "jsc", "inc", "co", "gmbh", "ag", "sa", "plc", "llp", "lp", "fze"}
    return frozenset(found) if isinstance(found, frozenset) else frozenset(fallback)


LEGAL_FORMS = _legal_forms()


def fold(text: str) -> str:
    """Canonical lower-case ASCII form of any text (names layer ``fold``)."""
    return str(_fold(text))


def canonical(token: str) -> str:
    """Cross-language equivalence key of one folded name part (names layer ``canonical``)."""
    return str(_canonical(token) or token)


def known_name(token: str) -> bool:
    """Whether the names layer knows this part as a form of a name (names layer ``known_name``)."""
    return bool(_known_name(token))


def name_forms(token: str) -> tuple[str, ...]:
    """All known forms of the name a part is a form of (names layer ``name_forms``)."""
    return tuple(_name_forms(token))


def short_form(token: str) -> str:
    """The name a compound part is shortened to (names layer ``short_form``), or ``""``."""
    return str(_short_form(token))


def article_stem(token: str) -> str:
    """A part without an article glued to its front (names layer ``article_stem``), or ``""``."""
    return str(_article_stem(token))


def phonetic(token: str) -> str:
    """Coarse sound key of one folded name part, tolerant of vowel spelling."""
    return str(_phonetic(token) or token)


def tokenize(name: str, schema: str = "Person") -> tuple[str, ...]:
    """Folded name parts of a full name, as the names layer cuts them for this schema."""
    return tuple(t for t in _name_tokens(name, schema) if t)


def persian_tokens(name: str, schema: str = "Person") -> tuple[str, ...]:
    """Another reading of an Arabic-script query, with the Persian values of ذ ض ث, or
    ``()`` (names layer ``persian_tokens``)."""
    return tuple(t for t in _persian_tokens(name, schema) if t)


def readings(name: str, schema: str = "Person") -> tuple[tuple[str, ...], ...]:
    """Every way a listed name is read (names layer ``name_readings``): the index stores each."""
    return tuple(tuple(t for t in tokens if t) for tokens in _name_readings(name, schema))
