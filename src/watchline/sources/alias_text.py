"""One alias field that holds several names, or a name and a note, cut into names.

List editors pack more than one spelling into a single alias element ("Qasim Soleimani;
Qasem Sulaimani"), enumerate them ("Mohammad Sabet b) M. Javad Karimi Sabet"), add the
original-script form in brackets ("Akrin Saleh Akrin (أقرين صالح أقرين)") or a remark
("Encep Nurjaman (birth name)", "..., born 1 Jan. 1953"). A screener compares names, so each
spelling must be its own alias and the remarks must not be read as name parts. The text is
kept as the list wrote it when it holds a single plain name.
"""

from __future__ import annotations

import re

_BRACKETS = re.compile(r"\(([^()]*)\)")
_SEPARATORS = re.compile(r"\s*;\s*|\s+\b[a-h]\)\s+|^\s*[a-h]\)\s+")
_REMARK_TAIL = re.compile(r",\s*(?:born|b\.|date of birth|dob|passport|alias)\b.*$", re.IGNORECASE)
_REMARK_WORDS = re.compile(
    r"\b(?:name|names|born|birth|identity|passport|false|combat|nom|alias|formerly|"
    r"previously|previous|nickname|kunya|alleged|spelling|also|see)\b",
    re.IGNORECASE,
)


def alias_names(raw: str) -> list[str]:
    """The separate names in one alias text, remarks removed, order kept, no duplicates."""
    bracketed = [inner for inner in _BRACKETS.findall(raw) if _is_names(inner)]
    outside = _BRACKETS.sub(" ", raw)
    found: list[str] = []
    for chunk in [outside, *bracketed]:
        for piece in _SEPARATORS.split(_REMARK_TAIL.sub("", chunk)):
            name = " ".join(piece.split()).strip(" ,.-")
            if name and name not in found and any(c.isalpha() for c in name):
                found.append(name)
    return found or ([raw.strip()] if raw.strip() else [])


def _is_names(inner: str) -> bool:
    """A bracketed part is names (another script, other spellings), not a remark."""
    return not any(c.isdigit() for c in inner) and _REMARK_WORDS.search(inner) is None
