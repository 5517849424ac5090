"""Role guessing for the parts of a person's name.

Evidence, strongest first: the part before a comma (``NOVIKOV, Andrei``) and an all-capitals
part in a mixed-case name (``NOVIKOV Andrei``, the list and passport convention) are surnames;
words such as ``al`` and ``bin`` are particles; patronymic endings (``-ovich``, ``-ivna``,
``-oglu``); given names known to the hand-reviewed equivalence table; surname endings
(``-ov``, ``-enko``, ``-yan``, ``-shvili``); and finally position: with a patronymic last
(``Новиков Андрей Викторович``) the first part is the surname, otherwise the last one is.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from watchline.names.arabic import ABD_WORDS, ABU_WORDS, FILIATION, is_article, join_particles
from watchline.names.model import NamePart
from watchline.names.vocab import EUROPEAN_PARTICLES, HONORIFICS, PATRONYMIC_MARKERS
from watchline.text import fold
from watchline.text.clean import strip_invisible

_PATRONYMIC = re.compile(
    r"(?:ovich|evich|ovych|evych|ovna|evna|ivna|ichna|yevna|ievna|oglu|ogly|ogli|kyzy|qizi"
    r"|kizi|uly|ovitch|evitch)$"
)
_WEAK_PATRONYMIC = re.compile(r"(?:ich|ych)$")
_SURNAME = re.compile(
    r"(?:ov|ev|ova|eva|ow|owa|off|in|ina|yn|yna|enko|uk|yuk|chuk|yan|ian|jan|shvili|dze|"
    r"ski|sky|skiy|skii|skij|skyi|skaya|ska|vich|wicz|ovic|evic|zade|zadeh|ava|ayev|iyev|"
    r"beyli|bayli|ouri|uri|ashvili|iani|ia)$"
)
_MIN_SURNAME = 4


@cache
def given_name_keys() -> frozenset[str]:
    """Folded forms listed in the hand-reviewed table (all are given names or name words)."""
    text = resources.files("watchline.data").joinpath("name_equivalents.txt").read_text("utf-8")
    forms = (w for line in text.splitlines() if not line.startswith("#") for w in line.split())
    return frozenset(fold(f) for f in forms)


def _raw_parts(name: str) -> list[tuple[str, str, bool, bool]]:
    """Split a name into (text, form, before_comma, all_caps) units, titles removed."""
    name = strip_invisible(name)
    head, comma, tail = name.partition(",")
    mixed = any(c.islower() for c in name) and any(c.isupper() for c in name)
    units: list[tuple[str, str, bool, bool]] = []
    for side, before in ((tail, False), (head, bool(comma))) if comma else ((name, False),):
        for word in side.split():
            caps = mixed and word.isupper() and sum(c.isalpha() for c in word) > 1
            forms = fold(word).split()
            for form in forms:
                if form not in HONORIFICS:
                    units.append((word if len(forms) == 1 else form, form, before, caps))
    return units


def _merge_compounds(units: list[tuple[str, str, bool, bool]]) -> list[NamePart]:
    """Turn units into parts: particles tagged, ``abd``/``abu`` and ``oglu`` words joined."""
    forms = [u[1] for u in units]
    parts: list[NamePart] = []
    i = 0
    while i < len(units):
        text, form, before, caps = units[i]
        if form in ABD_WORDS or form in ABU_WORDS:
            span = units[i : i + 3]
            joined = join_particles([u[1] for u in span])
            used = 3 if len(span) == 3 and is_article(forms, i + 1) else min(2, len(span))
            parts.append(NamePart(" ".join(u[0] for u in span[:used]), joined[0], "unknown"))
            i += used
            continue
        if form in PATRONYMIC_MARKERS and parts:
            last = parts[-1]
            form = last.form + PATRONYMIC_MARKERS[form]
            parts[-1] = NamePart(f"{last.text} {text}", form, "patronymic")
        elif form in FILIATION or form in EUROPEAN_PARTICLES or is_article(forms, i):
            parts.append(NamePart(text, form, "particle"))
        else:
            parts.append(NamePart(text, form, "surname" if before or caps else "unknown"))
        i += 1
    return parts


def _by_form(part: NamePart, index: int, count: int) -> str:
    """Role from the part's own form, or ``unknown``."""
    form = part.form
    if _PATRONYMIC.search(form) and index > 0:
        return "patronymic"
    if count >= 3 and index > 0 and _WEAK_PATRONYMIC.search(form) and form not in given_name_keys():
        return "patronymic"
    if form in given_name_keys():
        return "given"
    if len(form) >= _MIN_SURNAME and _SURNAME.search(form):
        return "surname"
    return "unknown"


def _assign(parts: list[NamePart]) -> list[str]:
    """Roles for the non-particle parts, in order."""
    count = len(parts)
    roles = [p.role if p.role != "unknown" else _by_form(p, i, count) for i, p in enumerate(parts)]
    if "surname" not in roles and count >= 2:
        ends_with_patronymic = roles[-1] == "patronymic" and count >= 3
        pick = 0 if ends_with_patronymic else count - 1
        candidates = [pick] + [i for i in range(count - 1, -1, -1) if roles[i] == "unknown"]
        for i in candidates:
            if roles[i] in ("unknown", "given"):
                roles[i] = "surname"
                break
    return ["given" if r == "unknown" and count >= 2 else r for r in roles]


def guess_roles(name: str) -> tuple[NamePart, ...]:
    """Tag the parts of a person's name with roles (see the module docstring)."""
    parts = _merge_compounds(_raw_parts(name))
    core = [p for p in parts if p.role != "particle"]
    roles = iter(_assign(core))
    return tuple(
        p if p.role == "particle" else NamePart(p.text, p.form, next(roles)) for p in parts
    )
