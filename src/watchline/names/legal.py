"""Organisation legal forms, compacted to one token per family.

Lists and customer files write the same company as ``ООО "Ромашка"``, ``Romashka LLC``,
``OOO Romashka`` or ``Romashka Limited Liability Company``. Each family below is one legal
construction, whatever the language; the words and abbreviations are matched on the *folded*
name (so ``ООО`` is ``ooo`` and ``L.L.C.`` is ``l l c``) and replaced by the family token.

Families (the token first):

* ``llc`` - private company with limited liability: LLC, Ltd, Limited, GmbH, ООО (ooo), ТОО
  (too, the Kazakh LLP, which is a limited-liability company in substance), ТОВ (tov), SARL,
  SRL, Sp. z o.o., s.r.o., d.o.o., BV, Kft, MChJ (Uzbek), MMC (Azerbaijani), Pty Ltd, Pvt Ltd,
  and "Co., Ltd.".
* ``jsc`` - joint-stock company, public or closed: JSC, OJSC, CJSC, PJSC, АО (ao), ОАО (oao),
  ЗАО (zao), ПАО (pao), НАО, ПАТ/ПрАТ/ВАТ/ЗАТ (Ukrainian), AG, SA, PLC, AB, ASA, NV, SpA, AS.
  Open vs closed is not kept: lists often get it wrong and companies convert.
* ``inc`` - corporation: Inc, Incorporated, Corp, Corporation.
* ``co`` - company, undifferentiated: Co, Company, Cie.
* ``lp`` - partnership: LP, LLP, KG, limited partnership.
* ``fze`` - UAE free-zone establishments and companies: FZE, FZCO, FZC, FZ-LLC.
* ``sue`` - state/municipal unitary enterprise: ГУП, ФГУП, МУП (gup, fgup, mup).
"""

from __future__ import annotations

import re

from watchline.text import fold

FAMILIES: dict[str, tuple[str, ...]] = {
    "llc": (
        "limited liability company", "limited liability co", "llc", "l l c", "ltd", "limited",
        "gmbh", "ooo", "o o o", "tov", "t o v", "sarl", "s a r l", "srl", "s r l", "sp z o o",
        "spzoo", "sro", "s r o", "doo", "d o o", "kft", "mchj", "mmc", "pty ltd", "pvt ltd",
        "private limited", "co ltd", "ltda", "obshchestvo s ogranichennoy otvetstvennostyu",
        "tovarishchestvo s ogranichennoy otvetstvennostyu",
        "tovarystvo z obmezhenoiu vidpovidalnistiu", "mas uliyati cheklangan jamiyat",
    ),
    "jsc": (
        "joint stock company", "public joint stock company", "open joint stock company",
        "closed joint stock company", "jsc", "ojsc", "cjsc", "pjsc", "oao", "zao", "pao",
        "nao", "prat", "pat", "vat", "zat", "aktsionernoe obshchestvo",
        "otkrytoe aktsionernoe obshchestvo", "zakrytoe aktsionernoe obshchestvo",
        "publichnoe aktsionernoe obshchestvo", "aktsiyadorlik jamiyati", "plc", "p l c",
        "aktiengesellschaft", "s a", "s p a", "spa",
    ),
    "inc": ("inc", "incorporated", "corp", "corporation"),
    "co": ("co", "company", "cie"),
    "lp": ("lp", "l p", "llp", "l l p", "limited partnership", "kg"),
    "fze": ("fze", "fzco", "fzc", "fz llc", "fz co"),
    "sue": ("gup", "fgup", "mup", "state unitary enterprise"),
}  # fmt: skip

# Short forms that are also ordinary words or name parts; compacted only at either end.
EDGE_ONLY: dict[str, str] = {
    "ao": "jsc", "ag": "jsc", "sa": "jsc", "ab": "jsc", "as": "jsc", "asa": "jsc",
    "nv": "jsc", "n v": "jsc", "bv": "llc", "b v": "llc", "too": "llc", "t o o": "llc",
}  # fmt: skip

_LOOKUP = {form: family for family, forms in FAMILIES.items() for form in forms}
_PATTERN = re.compile(
    r"(?<![a-z0-9])(?:"
    + "|".join(re.escape(f) for f in sorted(_LOOKUP, key=len, reverse=True))
    + r")(?![a-z0-9])"
)
_EDGE = "|".join(re.escape(f) for f in sorted(EDGE_ONLY, key=len, reverse=True))
_EDGE_START = re.compile(rf"^(?:{_EDGE})(?= )")
_EDGE_END = re.compile(rf"(?<= )(?:{_EDGE})$")

#: The family tokens; a folded token in this set is a legal form.
LEGAL_FORM_TOKENS = frozenset(FAMILIES)


def compact_folded(folded: str) -> str:
    """Replace legal-form words in an already folded name by their family token."""
    folded = _PATTERN.sub(lambda m: _LOOKUP[m.group(0)], folded)
    folded = _EDGE_START.sub(lambda m: EDGE_ONLY[m.group(0)], folded)
    return _EDGE_END.sub(lambda m: EDGE_ONLY[m.group(0)], folded)


def compact_legal_form(name: str) -> str:
    """Fold an organisation name and compact its legal forms to one token per family.

    ``compact_legal_form('ООО "Ромашка"')`` is ``"llc romashka"``; so is that of
    ``"Romashka Limited Liability Company"`` after :func:`watchline.names.name_tokens` moves
    the legal form to the end (here it stays in place: ``"romashka llc"``).

    Args:
        name: an organisation name in any script.
    """
    return compact_folded(fold(name))
