"""Importer for the UK Sanctions List as normalised tables (subjects + subject_* files).

``subjects.csv`` is streamed; names, dates of birth, identifiers and countries are indexed
by ``unique_id`` first (they are a few MB at most). Ids are ``gb-fcdo-<unique_id>`` (the
UK's own stable reference, e.g. ``AFG0001``); the UN reference, when the UK designation
implements a UN one, is kept in ``programId`` so both listings can be linked. Each subject
is followed by its ``Sanction`` adjunct, ``gb-fcdo-<unique_id>-sanction``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from watchline.errors import InputError
from watchline.model import Entity, Listing, Record
from watchline.model.countries import to_country
from watchline.sources.base import SourceInfo, claim, where, with_sanction
from watchline.sources.csvio import dict_rows
from watchline.sources.dates import checked, parse_numeric

PUBLISHER = "UK Foreign, Commonwealth & Development Office"
_SCHEMA = {"individual": "Person", "entity": "Organization", "ship": "Vessel"}
_SUBJECT_COLUMNS = (
    "unique_id",
    "subject_type",
    "un_reference_number",
    "date_designated",
    "last_updated",
)
_TABLES = {
    "subject_names.csv": ("unique_id", "name_type", "alias_strength", "full_name"),
    "subject_dobs.csv": ("unique_id", "year", "month", "day"),
    "subject_identifiers.csv": ("unique_id", "raw_value", "identifier_type"),
    "subject_countries.csv": ("unique_id", "raw_value", "country_type", "iso"),
}
_ID_PROPERTY = {
    "passport": "passportNumber",
    "national": "idNumber",
    "business_registration_numbers": "registrationNumber",
    "imo": "imoNumber",
}
_COUNTRY_PROPERTY = {"nationality": "nationality", "birth": "birthCountry", "address": "country"}
Row = dict[str, str]
Table = dict[str, list[Row]]


def _index(path: Path, required: tuple[str, ...]) -> Table:
    table: Table = defaultdict(list)
    for _line, row in dict_rows(path, required):
        table[row["unique_id"]].append(row)
    return table


class UkCsvSource:
    """The UK list tables as records (see the module docstring)."""

    def __init__(self, path: Path, source: str | None = None, originator: str | None = None):
        self.folder = path if path.is_dir() else path.parent
        self.subjects = self.folder / "subjects.csv" if path.is_dir() else path
        if not self.subjects.is_file():
            raise InputError("no subjects.csv", where=str(path))
        self.source = source or "gb-fcdo"
        self.originator = originator or "UK-FCDO"
        self.warnings: list[str] = []
        self.info = SourceInfo(
            self.source,
            "UK Sanctions List",
            "uk-csv",
            PUBLISHER,
            self._newest_update(),
        )

    def _newest_update(self) -> str | None:
        dates = (
            parse_numeric(row["last_updated"], "dmy")
            for _line, row in dict_rows(self.subjects, _SUBJECT_COLUMNS)
        )
        return max((d for d in dates if d), default=None)

    def _tables(self) -> dict[str, Table]:
        tables: dict[str, Table] = {}
        for name, columns in _TABLES.items():
            path = self.folder / name
            if path.is_file():
                tables[name] = _index(path, columns)
            elif name == "subject_names.csv":
                raise InputError("subject_names.csv is missing", where=str(self.folder))
            else:
                self.warnings.append(f"{name} is missing; its facts are not imported")
                tables[name] = {}
        return tables

    def records(self) -> Iterator[Record]:
        """Stream the records; the first malformed input raises InputError."""
        tables = self._tables()
        seen: set[str] = set()
        for line, row in dict_rows(self.subjects, _SUBJECT_COLUMNS):
            here = where(self.subjects, line, row["unique_id"])
            claim(seen, row["unique_id"], here)
            subject = Record(_entity(row, tables, here), self._listing(row, here))
            yield from with_sanction(subject, _sanction(row, subject.listing))
        for name, table in tables.items():
            orphans = len(set(table) - seen)
            if orphans:
                self.warnings.append(f"{name}: {orphans} unique_id(s) not in subjects.csv")

    def _listing(self, row: Row, here: str) -> Listing:
        designated = row["date_designated"]
        listed_on = parse_numeric(designated, "dmy") if designated else None
        if designated and listed_on is None:
            raise InputError(f"date_designated is not DD/MM/YYYY: {designated!r}", where=here)
        return Listing(
            self.source,
            self.originator,
            listed_on=listed_on,
            legal_basis=f"UK sanctions regulations, {regime_of(row)} regime",
        )


def regime_of(row: Row) -> str:
    """The regime code the UK puts in front of each unique_id (``AFG`` in ``AFG0001``)."""
    return row["unique_id"].rstrip("0123456789")


def _sanction(row: Row, listing: Listing) -> dict[str, list[str]]:
    """The Sanction's terms: the FCDO as authority, the regime, its own and the UN's reference,
    designation and last-update dates. The tables carry no statement of reasons."""
    return {
        "authority": [PUBLISHER],
        "authorityId": [row["unique_id"]],
        "program": [regime_of(row)],
        "unscId": [row["un_reference_number"]],
        "listingDate": [listing.listed_on or ""],
        "modifiedAt": [parse_numeric(row["last_updated"], "dmy") or ""],
        "provisions": [listing.legal_basis or ""],
    }


def _entity(row: Row, tables: dict[str, Table], here: str) -> Entity:
    uid = row["unique_id"]
    schema = _SCHEMA.get(row["subject_type"].lower())
    if not uid or schema is None:
        raise InputError(f"bad unique_id or subject_type {row['subject_type']!r}", where=here)
    props: dict[str, list[str]] = {
        "topics": ["sanction"],
        "programId": [row["un_reference_number"]],
        "modifiedAt": [parse_numeric(row["last_updated"], "dmy") or ""],
    }
    _names(props, tables["subject_names.csv"].get(uid, []))
    if not props.get("name"):
        raise InputError("subject without a primary name", where=here)
    for dob in tables["subject_dobs.csv"].get(uid, []):
        props.setdefault("birthDate", []).append(_dob(dob))
    for ident in tables["subject_identifiers.csv"].get(uid, []):
        prop = _ID_PROPERTY.get(ident["identifier_type"], "idNumber")
        props.setdefault(prop, []).append(ident["raw_value"])
    for country in tables["subject_countries.csv"].get(uid, []):
        value = country["iso"].lower() or to_country(country["raw_value"])
        props.setdefault(_COUNTRY_PROPERTY.get(country["country_type"], "country"), []).append(
            value
        )
    if schema != "Person":
        props.pop("birthCountry", None)
    return Entity.build(f"gb-fcdo-{uid}", schema, props, target=True)


def _names(props: dict[str, list[str]], names: list[Row]) -> None:
    """primary -> name; primary_variation and good a.k.a. -> alias; low a.k.a. -> weakAlias."""
    for name in names:
        if name["name_type"] == "primary":
            prop = "name"
        elif name["alias_strength"] == "low_quality_aka":
            prop = "weakAlias"
        else:
            prop = "alias"
        props.setdefault(prop, []).append(name["full_name"])


def _dob(row: Row) -> str:
    """Year, month, day columns to an FtM partial date ('' when the year is unusable)."""
    parts = [row["year"], row["month"], row["day"]]
    numbers = [int(p) if p.isdigit() else None for p in parts]
    year, month, day = numbers
    if year is None:
        return ""
    return checked(year, month, day if month else None) or checked(year) or ""
