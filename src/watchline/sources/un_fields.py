"""UN consolidated-list elements turned into FtM property values.

The UN writes one element per fact (``INDIVIDUAL_ALIAS``, ``INDIVIDUAL_DATE_OF_BIRTH``,
...). Each function here reads one kind and returns FtM values, so that the mapping of any
property can be read, and tested, on its own.
"""

from __future__ import annotations

from watchline.model.countries import to_country
from watchline.sources.alias_text import alias_names
from watchline.sources.dates import iso_partial, parse_loose, year_range
from watchline.sources.xmlsafe import Element, text, texts

NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
_ALIAS_PROPERTY = {"low": "weakAlias", "f.k.a.": "previousName"}

# UN_LIST_TYPE -> the resolutions that created the sanctions regime.
REGIMES: dict[str, str] = {
    "Al-Qaida": "res. 1267 (1999), 1989 (2011) and 2253 (2015); ISIL (Da'esh) and Al-Qaida",
    "Taliban": "res. 1988 (2011); Taliban",
    "DPRK": "res. 1718 (2006); Democratic People's Republic of Korea",
    "Iraq": "res. 1518 (2003); Iraq",
    "DRC": "res. 1533 (2004); Democratic Republic of the Congo",
    "Libya": "res. 1970 (2011); Libya",
    "Somalia": "res. 2713 (2023); Al-Shabaab",
    "Iran": "res. 2231 (2015); Iran",
    "CAR": "res. 2127 (2013); Central African Republic",
    "Haiti": "res. 2653 (2022); Haiti",
    "Yemen": "res. 2140 (2014); Yemen",
    "GB": "res. 2048 (2012); Guinea-Bissau",
    "Sudan": "res. 1591 (2005); Sudan",
    "SouthSudan": "res. 2206 (2015); South Sudan",
}


def legal_basis(list_type: str) -> str:
    """'UNSC res. ...; <regime> sanctions regime', or the bare list type when unknown."""
    regime = REGIMES.get(list_type)
    if regime is None:
        return f"UNSC {list_type} sanctions regime"
    return f"UNSC {regime} sanctions regime"


def full_name(elem: Element) -> str:
    """FIRST_NAME to FOURTH_NAME joined in UN order (the UN's own reading order)."""
    return " ".join(part for part in (text(elem.find(tag)) for tag in NAME_PARTS) if part)


def aliases(elem: Element, tag: str) -> dict[str, list[str]]:
    """Aliases by FtM property: good/a.k.a. -> alias, low -> weakAlias, f.k.a. -> previousName.

    A field holding several spellings or a remark gives one alias per name (``alias_names``).
    """
    found: dict[str, list[str]] = {"alias": [], "weakAlias": [], "previousName": []}
    for alias in elem.iter(tag):
        quality = text(alias.find("QUALITY")).lower()
        found[_ALIAS_PROPERTY.get(quality, "alias")] += alias_names(text(alias.find("ALIAS_NAME")))
    return found


def birth_dates(elem: Element) -> tuple[list[str], list[str]]:
    """FtM birth dates, and the date texts that could not be read (for a warning)."""
    dates: list[str] = []
    unread: list[str] = []
    for dob in elem.iter("INDIVIDUAL_DATE_OF_BIRTH"):
        dates.extend(_one_birth_date(dob, unread))
    return dates, unread


def _one_birth_date(dob: Element, unread: list[str]) -> list[str]:
    exact = text(dob.find("DATE"))
    if exact:
        parsed = iso_partial(exact[:10]) or next(iter(parse_loose(exact)), None)
        if parsed is None:
            unread.append(exact)
        return [parsed] if parsed else []
    year = text(dob.find("YEAR"))
    if year.isdigit():
        return [year]
    first, last = text(dob.find("FROM_YEAR")), text(dob.find("TO_YEAR"))
    if first.isdigit() and last.isdigit():
        return year_range(int(first), int(last))
    note = text(dob.find("NOTE"))
    values = parse_loose(note) if note else []
    if note and not values:
        unread.append(note)
    return values


def place(elem: Element) -> str:
    """An address or place element as one line, most specific part first."""
    parts = ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")
    return ", ".join(value for value in (text(elem.find(tag)) for tag in parts) if value)


def places(elem: Element, tag: str) -> tuple[list[str], list[str]]:
    """Formatted places and their country codes (or country texts when not in the table)."""
    lines = [line for line in (place(item) for item in elem.iter(tag)) if line]
    countries = [to_country(value) for value in texts(elem, f"{tag}/COUNTRY")]
    return lines, countries


def nationalities(elem: Element) -> list[str]:
    """NATIONALITY/VALUE as FtM codes; unknown names are kept as written."""
    return [to_country(value) for value in texts(elem, "NATIONALITY/VALUE") if value != "na"]


def truncate(value: str, limit: int = 500) -> str:
    """Cut long comments at a word boundary so a listing reason stays readable."""
    if len(value) <= limit:
        return value
    cut = value[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + " …"
