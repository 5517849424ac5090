"""The non-name facts a match is checked against, normalised once.

Listed entities and queries both reduce to :class:`Facts`, so every feature compares like
with like: dates as ``YYYY[-MM[-DD]]`` strings, countries as ISO alpha-2, gender as ``m``/``f``
and document numbers as upper-case letters and digits only.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from watchline.matching.query import Query
from watchline.model import Entity
from watchline.model.countries import country_code

ID_PROPERTIES = ("idNumber", "passportNumber", "taxNumber", "registrationNumber", "imoNumber")
COUNTRY_PROPERTIES = ("nationality", "citizenship", "country", "jurisdiction")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_NOT_ALNUM = re.compile(r"[^0-9A-Z]+")
_GENDERS = {"m": "m", "male": "m", "man": "m", "f": "f", "female": "f", "woman": "f"}
MIN_ID_LENGTH = 4  # shorter "numbers" (a ship's "1", a "N/A") identify nothing


class Facts(NamedTuple):
    """Birth dates, countries, gender and identifiers of one entity or query.

    A tuple of tuples of strings, so that a million of them cost the garbage collector
    nothing (CPython stops tracking tuples that hold only strings).
    """

    birth_dates: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    gender: str | None = None
    ids: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form, used when an index is saved."""
        return {
            "b": list(self.birth_dates),
            "c": list(self.countries),
            "g": self.gender,
            "i": list(self.ids),
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Facts:
        """Inverse of :meth:`to_dict` (the input was written by this module)."""
        gender = data.get("g")
        return cls(
            tuple(_strings(data.get("b"))),
            tuple(_strings(data.get("c"))),
            gender if isinstance(gender, str) else None,
            tuple(_strings(data.get("i"))),
        )


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def norm_date(value: str) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` from an ISO-like date, or None."""
    match = _DATE.match(value.strip())
    if match is None:
        return None
    return "-".join(part for part in match.groups() if part)


def norm_id(value: str) -> str | None:
    """Document numbers compare without spaces, dashes or case; short ones are dropped."""
    cleaned = _NOT_ALNUM.sub("", value.upper())
    if cleaned.startswith("IMO") and cleaned[3:].isdigit():  # "IMO 9123456" is 9123456
        cleaned = cleaned[3:]
    return cleaned if len(cleaned) >= MIN_ID_LENGTH else None


def norm_gender(value: str | None) -> str | None:
    """``m`` or ``f``; anything else (unknown, other) is treated as absent."""
    return _GENDERS.get(value.strip().lower()) if value else None


def entity_facts(entity: Entity) -> Facts:
    """The facts of a listed entity, from its FtM properties."""
    dates = tuple(d for d in (norm_date(v) for v in entity.get("birthDate")) if d)
    countries = sorted(
        {c for p in COUNTRY_PROPERTIES for c in (country_code(v) for v in entity.get(p)) if c}
    )
    ids = sorted({i for p in ID_PROPERTIES for i in (norm_id(v) for v in entity.get(p)) if i})
    return Facts(dates, tuple(countries), norm_gender(entity.first("gender")), tuple(ids))


def query_facts(query: Query) -> Facts:
    """The facts a query brings besides its names."""
    date = norm_date(query.birth_date) if query.birth_date else None
    country = country_code(query.nationality) if query.nationality else None
    number = norm_id(query.id_number) if query.id_number else None
    return Facts(
        (date,) if date else (),
        (country,) if country else (),
        norm_gender(query.gender),
        (number,) if number else (),
    )
