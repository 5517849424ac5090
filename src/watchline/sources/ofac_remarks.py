"""Facts OFAC writes into the free-text Remarks column, turned into FtM properties.

Remarks are ``;``-separated clauses such as ``DOB 01 Jan 1970``, ``POB Tehran, Iran``,
``nationality Iran``, ``Passport A123 (Iran)``, ``Gender Male`` or ``a.k.a. 'BNC'``. Only
the common clauses are read; the whole text is also kept in ``notes``, so nothing is lost
when a clause is not understood.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from watchline.model.countries import to_country
from watchline.sources.dates import parse_loose

Props = dict[str, list[str]]

_QUOTED = re.compile(r"'([^']+)'")
_NUMBER_END = re.compile(r"\s*\(|\s+(?:issued|expires|expiring|valid)\b", re.IGNORECASE)


def _dates(prop: str) -> Callable[[str, Props], None]:
    def handle(value: str, props: Props) -> None:
        props.setdefault(prop, []).extend(parse_loose(value))

    return handle


def _plain(prop: str, convert: Callable[[str], str] = str.strip) -> Callable[[str, Props], None]:
    def handle(value: str, props: Props) -> None:
        props.setdefault(prop, []).append(convert(value.rstrip(".")))

    return handle


def _quoted(prop: str) -> Callable[[str, Props], None]:
    def handle(value: str, props: Props) -> None:
        props.setdefault(prop, []).extend(_QUOTED.findall(value) or [value.strip(" .'")])

    return handle


def _document(prop: str) -> Callable[[str, Props], None]:
    """``RL 0884631 (Lebanon) expires 2020`` -> ``RL 0884631``: the number ends where the
    bracketed country (or an ``issued``/``expires`` note) begins; numbers may hold spaces."""

    def handle(value: str, props: Props) -> None:
        number = _NUMBER_END.split(value.strip(), maxsplit=1)[0].strip().rstrip(".,")
        if number.lower().startswith("no. "):
            number = number[4:].strip()
        if number:
            props.setdefault(prop, []).append(number)

    return handle


def _gender(value: str, props: Props) -> None:
    word = value.strip(" .").lower()
    if word in ("male", "female"):
        props.setdefault("gender", []).append(word)


# clause prefix -> handler; the longest matching prefix wins.
_CLAUSES: dict[str, Callable[[str, Props], None]] = {
    "DOB": _dates("birthDate"),
    "POB": _plain("birthPlace"),
    "nationality": _plain("nationality", to_country),
    "citizen": _plain("citizenship", to_country),
    "Gender": _gender,
    "a.k.a.": _quoted("alias"),
    "n.k.a.": _quoted("alias"),
    "f.k.a.": _quoted("previousName"),
    "Passport": _document("passportNumber"),
    "National ID No.": _document("idNumber"),
    "Cedula No.": _document("idNumber"),
    "Identification Number": _document("idNumber"),
    "Tax ID No.": _document("taxNumber"),
    "Registration Number": _document("registrationNumber"),
    "Registration ID": _document("registrationNumber"),
    "SWIFT/BIC": _document("swiftBic"),
    "Legal Entity Number": _document("leiCode"),
    "Website": _plain("website"),
    "Email Address": _plain("email"),
    "Organization Established Date": _dates("incorporationDate"),
    "Vessel Registration Identification IMO": _document("imoNumber"),
    "Identification Number IMO": _document("imoNumber"),
    "MMSI": _document("mmsi"),
    "Aircraft Model": _plain("model"),
    "Aircraft Manufacture Date": _dates("buildDate"),
    "Aircraft Manufacturer's Serial Number (MSN)": _document("serialNumber"),
    "Aircraft Tail Number": _document("registrationNumber"),
}
_PREFIXES = sorted(_CLAUSES, key=len, reverse=True)


def _clauses(remarks: str) -> list[str]:
    """Split on ``;`` outside single quotes (aliases may contain semicolons)."""
    parts = re.split(r";(?=(?:[^']*'[^']*')*[^']*$)", remarks)
    return [part.strip() for part in parts if part.strip()]


def _known_prefix(clause: str) -> tuple[str, str] | None:
    """(prefix, value) of a clause stating a fact about the subject, None for other text."""
    body = clause[5:] if clause.startswith("alt. ") else clause
    for prefix in _PREFIXES:
        if body.startswith(prefix) and body[len(prefix) : len(prefix) + 1] in (" ", ":"):
            return prefix, body[len(prefix) + 1 :].lstrip(" :")
    return None


def parse_remarks(remarks: str) -> Props:
    """FtM properties found in an OFAC Remarks text (see the module docstring)."""
    props: Props = {}
    for clause in _clauses(remarks):
        known = _known_prefix(clause)
        if known is not None:
            _CLAUSES[known[0]](known[1], props)
    return props


# Remark clauses that state the terms of the sanction rather than facts about the subject.
_TERM_DATES = {"Listing Date": "listingDate", "Effective Date": "startDate"}
_PROVISIONS = (
    "Additional Sanctions Information",
    "Secondary sanctions risk",
    "Executive Order",
    "CAATSA",
)


def sanction_terms(remarks: str) -> Props:
    """Sanction properties found in remarks: ``Listing Date (CMIC) 03 Jun 2021`` ->
    ``listingDate``, ``Effective Date (...)`` -> ``startDate``, and the clauses on secondary
    sanctions, directives and CAATSA kept whole in ``provisions``."""
    props: Props = {}
    for clause in _clauses(remarks):
        clause = clause.rstrip(". ")
        for label, prop in _TERM_DATES.items():
            if clause.startswith(label):
                date_text = clause.rsplit(")", 1)[-1] if ")" in clause else clause[len(label) :]
                props.setdefault(prop, []).extend(parse_loose(date_text.strip(" :")))
        if clause.startswith(_PROVISIONS):
            props.setdefault("provisions", []).append(clause)
    return props


def free_remarks(remarks: str) -> str:
    """The clauses that are neither facts about the subject nor terms of the sanction, such as
    ``(Linked To: HAMAS)``: what OFAC's XML keeps in its own ``remarks`` element."""
    kept = [
        clause.rstrip(". ")
        for clause in _clauses(remarks)
        if _known_prefix(clause) is None
        and not clause.startswith((*_TERM_DATES, *_PROVISIONS, "Additional Sanctions"))
    ]
    return "; ".join(clause for clause in kept if clause)
