"""A small table-driven transliteration engine shared by every romanisation system.

Each published system is data (a :class:`System`): a base letter table plus the few context
rules the standards actually use (a different output at the start of a word, after a vowel,
or for a two-letter sequence). Keeping the systems as tables lets tests check them row by row
against the published standards, and keeps the engine itself tiny.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class System:
    """One romanisation system, expressed as lowercase tables.

    Attributes:
        name: registry name, e.g. ``"icao"``.
        base: source letter (or sequence) to Latin output, used when no context rule applies.
        initial: outputs used at the start of a word (e.g. Ukrainian ``є`` -> ``ye``); keys
            may be letters or sequences (Greek ``μπ`` -> ``b``).
        after_vowel: outputs used right after a vowel or a sign letter (BGN/PCGN ``е`` -> ``ye``).
        vowels: source letters that count as vowels for ``after_vowel``.
        sequences: multi-letter source sequences, tried before single letters (``зг`` -> ``zgh``).
        final: outputs used at the end of a word.
    """

    name: str
    base: Mapping[str, str]
    initial: Mapping[str, str] = field(default_factory=dict)
    after_vowel: Mapping[str, str] = field(default_factory=dict)
    vowels: frozenset[str] = frozenset()
    sequences: Mapping[str, str] = field(default_factory=dict)
    final: Mapping[str, str] = field(default_factory=dict)


def _recase(out: str, src: str, nxt: str) -> str:
    """Carry the case of the source letter over to a (possibly multi-letter) output.

    An upper-case letter followed by another upper-case letter is treated as part of an
    all-caps word (``ЩУКИН`` -> ``SHCHUKIN``); otherwise only the first letter is raised
    (``Щукин`` -> ``Shchukin``), as the standards' examples show.
    """
    if not src[:1].isupper():
        return out
    if nxt.isupper():
        return out.upper()
    return out[:1].upper() + out[1:]


def _pick(system: System, low: str, prev: str, at_end: bool) -> str | None:
    """Choose the output for one source unit from the context rules, base table last."""
    if prev == "" and low in system.initial:
        return system.initial[low]
    if prev != "" and prev in system.vowels and low in system.after_vowel:
        return system.after_vowel[low]
    if at_end and low in system.final:
        return system.final[low]
    if low in system.sequences:
        return system.sequences[low]
    return system.base.get(low)


def _is_letter_boundary(ch: str) -> bool:
    """Whether ``ch`` ends a word for the purpose of initial/final rules."""
    return not ch.isalpha() and ch not in "'’ʼ"


def transliterate(text: str, system: System) -> str:
    """Transliterate ``text`` with ``system``; characters outside its tables pass through."""
    out: list[str] = []
    prev = ""
    i, n = 0, len(text)
    while i < n:
        unit = text[i]
        for seq in system.sequences:
            if text[i : i + len(seq)].lower() == seq:
                unit = text[i : i + len(seq)]
                break
        nxt = text[i + len(unit)] if i + len(unit) < n else ""
        low = unit.lower()
        at_end = nxt == "" or _is_letter_boundary(nxt)
        mapped = _pick(system, low, prev, at_end)
        if mapped is None:
            out.append(unit)
        else:
            out.append(_recase(mapped, unit, nxt))
        prev = "" if _is_letter_boundary(unit[-1]) else low[-1]
        i += len(unit)
    return "".join(out)
