"""Father and son in an Arabic name chain: "Salman bin Muhammad" is not "Muhammad bin Salman".

Part alignment ignores order, since lists and passports put surnames first or last at will.
But when both names spell out their chain with ``bin``/``ibn``/``ould``, order carries
meaning: the part before the first filiation word is the person's own name, the part after
it his father's. Two names whose own and father's names are crossed name a father and his
son (or two brothers' sons), the most common way that two listed Arabic names share all
their parts; the alignment alone scores them as one person (0.96 for Mohammed bin Salman /
Salman bin Mohammed). This is a score contribution, not a change to the alignment, so the
explanation says it in words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from watchline.matching.skeleton import translit_form, vowels_guessed
from watchline.matching.tokens import canonical, tokenize
from watchline.names.arabic import FILIATION
from watchline.text import fold

CROSSED_CHAIN = -3.0  # log-odds: as strong as a conflicting date of birth
#: Leading words that are titles or lineage, not an own name (Hafiz Abdul Salam Bhuttavi); a
#: shorter name starting with a kunya (Abu Walid al-Sahrawi) is a by-name, not a chain.
NOT_OWN_NAMES = frozenset({"hafiz", "hafez", "sayed", "sayyed", "sayyid", "syed", "seyed", "mir"})
SAME_NAME_SIM = 0.8
_HAS_FILIATION = re.compile(r"(?i)(?:^|[\s-])(?:bin|ibn|ben|bint|ould|ibnu)[\s-]|\u0628\u0646 ")


@lru_cache(maxsize=1 << 14)
def own_and_father(name: str) -> tuple[str, str] | None:
    """The person's own name (last part before the first filiation word) and the father's
    (first part after it), as folded parts; None if the name spells no chain."""
    if _HAS_FILIATION.search(name) is None:
        return None
    words = fold(name).replace("-", " ").split()
    for i, word in enumerate(words[1:-1], start=1):
        if word in FILIATION:
            own, father = tokenize(" ".join(words[:i])), tokenize(" ".join(words[i + 1 :]))
            return (own[-1], father[0]) if own and father else None
    return None


def crossed_chain(query_name: str, listed_name: str) -> bool:
    """Whether the query's own name is the listed father's and the other way round."""
    query, listed = own_and_father(query_name), own_and_father(listed_name)
    if query is None or listed is None:
        return False
    (q_own, q_father), (l_own, l_father) = query, listed
    crossed = _same(q_own, l_father) and _same(q_father, l_own)
    return crossed and not _same(q_own, l_own)


def shifted_chain(query_name: str, listed_name: str) -> bool:
    """Whether one Arabic name is the other's chain one generation up: the longer name
    starts with an own name the shorter lacks, then holds the shorter's first two parts
    ("Ali Saddam Hussein al-Tikriti" is the son of "Saddam Hussein al-Tikriti"). Only for
    names romanised from Arabic (script, or words such as al-/bin), where the order of the
    parts is the order of the generations."""
    if not (vowels_guessed(query_name) or vowels_guessed(listed_name)):
        return False
    query, listed = tokenize(query_name), tokenize(listed_name)
    shorter, longer = (query, listed) if len(query) < len(listed) else (listed, query)
    if len(shorter) < 2 or len(longer) < 3:
        return False
    if longer[0] in NOT_OWN_NAMES or shorter[0].startswith("abu"):
        return False
    own_extra = not any(_same(longer[0], part) for part in shorter)
    return own_extra and _same(shorter[0], longer[1]) and _same(shorter[1], longer[2])


def _same(a: str, b: str) -> bool:
    if canonical(a) == canonical(b):
        return True
    return Levenshtein.normalized_similarity(translit_form(a), translit_form(b)) >= SAME_NAME_SIM
