"""Importer for an agency's own list in the watchline national CSV layout.

The layout is documented in ``docs/formats/national-csv.md``. It is validated strictly,
unlike the public lists: this is data an agency maintains itself, so every problem is
reported (row, column and why) for the list manager to fix before anything is stored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from watchline.errors import InputError
from watchline.model import MATCHABLE_SCHEMATA, Entity, Handling, Listing, Record
from watchline.model.countries import country_code, is_country_code
from watchline.sources.base import SourceInfo, where
from watchline.sources.csvio import dict_rows
from watchline.sources.dates import iso_partial

COLUMNS = (
    "id",
    "schema",
    "name",
    "aliases",
    "birth_date",
    "nationality",
    "gender",
    "id_number",
    "passport_number",
    "address",
    "legal_basis",
    "reason",
    "listed_on",
    "handling",
    "shared_with",
    "notes",
)
SEPARATOR = ";"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_GENDERS = ("male", "female", "other")
_PERSON_ONLY = ("birth_date", "gender", "passport_number")
Row = dict[str, str]


def split(value: str) -> list[str]:
    """A multi-valued cell: values separated by ';', blanks dropped."""
    return [part.strip() for part in value.split(SEPARATOR) if part.strip()]


class NationalCsvSource:
    """A national list file; ``originator`` (the agency code) is required."""

    def __init__(self, path: Path, source: str | None = None, originator: str | None = None):
        if not originator:
            raise InputError("a national list needs its originator agency code", where=where(path))
        self.path = path
        self.source = source or path.stem
        self.originator = originator
        self.warnings: list[str] = []
        self.info = SourceInfo(
            self.source, f"National list of {originator}", "national-csv", originator, None
        )

    def records(self) -> Iterator[Record]:
        """Stream the records; the first malformed input raises InputError."""
        seen: set[str] = set()
        for line, row in dict_rows(self.path, COLUMNS, exact=True):
            cell = _Cells(self.path, line, row)
            record = Record(_entity(cell), _listing(cell, self.source, self.originator))
            if record.id in seen:
                raise cell.error("id", f"duplicate id {record.id!r}")
            seen.add(record.id)
            yield record


class _Cells:
    """One row's cells, with errors that name the row and the column."""

    def __init__(self, path: Path, line: int, row: Row) -> None:
        self.path, self.line, self.row = path, line, row

    def error(self, column: str, reason: str) -> InputError:
        return InputError(reason, where=where(self.path, self.line, f"column {column}"))

    def get(self, column: str, required: bool = False) -> str:
        value = self.row[column]
        if required and not value:
            raise self.error(column, "required value is empty")
        return value

    def checked(self, column: str, check: Callable[[str], str | None], what: str) -> list[str]:
        """Every ';'-separated value of a column, converted by ``check`` or refused."""
        values = []
        for value in split(self.row[column]):
            converted = check(value)
            if converted is None:
                raise self.error(column, f"{value!r} is not {what}")
            values.append(converted)
        return values


def _country(value: str) -> str | None:
    if is_country_code(value):
        return value.lower()
    return country_code(value)


def _entity(cell: _Cells) -> Entity:
    eid, schema = cell.get("id", required=True), cell.get("schema", required=True)
    if not _ID.match(eid):
        raise cell.error("id", "ids are 1-128 letters, digits and . _ : - (no spaces)")
    if schema not in MATCHABLE_SCHEMATA:
        raise cell.error("schema", f"{schema!r} is not one of {sorted(MATCHABLE_SCHEMATA)}")
    if schema != "Person":
        stray = [column for column in _PERSON_ONLY if cell.get(column)]
        if stray:
            raise cell.error(stray[0], f"only a Person has {stray[0]}")
    props = {
        "name": [cell.get("name", required=True)],
        "alias": split(cell.get("aliases")),
        "birthDate": cell.checked("birth_date", iso_partial, "a YYYY[-MM[-DD]] date"),
        "nationality": cell.checked("nationality", _country, "a known country or code"),
        "gender": cell.checked(
            "gender",
            lambda v: v.lower() if v.lower() in _GENDERS else None,
            "male, female or other",
        ),
        "idNumber": split(cell.get("id_number")),
        "passportNumber": split(cell.get("passport_number")),
        "address": split(cell.get("address")),
        "notes": [cell.get("notes")],
        "topics": ["sanction"],
    }
    if schema != "Person":
        props["country"] = props.pop("nationality")
    return Entity.build(eid, schema, props, target=True)


def _listing(cell: _Cells, source: str, originator: str) -> Listing:
    handling_text = cell.get("handling", required=True)
    try:
        handling = Handling(handling_text)
    except ValueError:
        choices = ", ".join(h.value for h in Handling)
        raise cell.error("handling", f"{handling_text!r} is not one of {choices}") from None
    shared = split(cell.get("shared_with"))
    if shared and handling is not Handling.RESTRICTED:
        raise cell.error("shared_with", "only a restricted record is shared with agencies")
    listed_on = cell.get("listed_on")
    if listed_on and not (_FULL_DATE.match(listed_on) and iso_partial(listed_on)):
        raise cell.error("listed_on", f"{listed_on!r} is not a YYYY-MM-DD date")
    return Listing(
        source,
        originator,
        legal_basis=cell.get("legal_basis") or None,
        reason=cell.get("reason") or None,
        listed_on=listed_on or None,
        handling=handling,
        shared_with=tuple(shared),
    )
