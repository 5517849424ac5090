"""Dates as lists write them, turned into FtM (partial ISO) dates.

FtM dates are ISO 8601 prefixes: ``1970``, ``1970-01`` or ``1970-01-31``. Lists write
``01 Jan 1970``, ``Jan 1970``, ``circa 1970``, ``1970 to 1972``, ``31/01/1970`` or
``01/31/1970`` (OFAC XML), so each source states which forms it expects.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DMY_WORDS = re.compile(r"^(?:(\d{1,2})\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})$")
_YEAR_RANGE = re.compile(r"^(\d{4})\s*(?:to|-|–)\s*(\d{4})$")
_CIRCA = re.compile(r"^(?:circa|approximately|approx\.?|c\.|about)\s+", re.IGNORECASE)


def checked(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """An FtM date string if the parts form a real calendar date, else None."""
    if not 1000 <= year <= 2999:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def iso_partial(text: str) -> str | None:
    """Validate an ISO partial date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``)."""
    match = _ISO.match(text.strip())
    if match is None:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    return checked(year or 0, month, day)


def year_range(first: int, last: int, limit: int = 10) -> list[str]:
    """Every year of a 'between' range (FtM has no ranges); only the ends if it is long."""
    if last < first:
        first, last = last, first
    if last - first > limit:
        return [str(first), str(last)]
    return [str(year) for year in range(first, last + 1)]


def parse_loose(text: str) -> list[str]:
    """Parse the date forms lists write in free text; an empty list when none is found."""
    value = _CIRCA.sub("", text.strip().rstrip(".")).strip()
    iso = iso_partial(value)
    if iso:
        return [iso]
    match = _YEAR_RANGE.match(value)
    if match:
        return year_range(int(match.group(1)), int(match.group(2)))
    match = _DMY_WORDS.match(value)
    if match:
        month = _MONTHS.get(match.group(2).lower())
        day = int(match.group(1)) if match.group(1) else None
        result = checked(int(match.group(3)), month, day) if month else None
        return [result] if result else []
    return []


def parse_numeric(text: str, order: str) -> str | None:
    """Parse ``31/01/1970`` (order ``dmy``) or ``01/31/1970`` (order ``mdy``)."""
    parts = re.split(r"[/.]", text.strip())
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    first, second, year = (int(p) for p in parts)
    day, month = (first, second) if order == "dmy" else (second, first)
    return checked(year, month, day)
