"""Importer for OFAC's legacy CSV sets (SDN: sdn/alt/add/sdn_comments; non-SDN: cons_*).

The primary file is streamed; the companions (aliases, addresses, remark overflow) are
indexed by ent_num first, since they are small. Companion rows whose ent_num is not in the
primary file are reported in ``warnings`` (the public companions are often newer than the
primary), never raised. Each subject is followed by its ``Sanction`` adjunct (id
``ofac-<ent_num>-sanction``): OFAC as authority, the programs, the listing and effective
dates and provisions the remarks state (CMIC, EO 14024 directives, secondary sanctions).

Names: OFAC writes individuals as ``LAST, First``. ``name`` keeps OFAC's spelling exactly
(so a screening hit shows what the list says) and the natural order ``First LAST`` is added
to ``alias``, with ``firstName``/``lastName`` split at the comma.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from watchline.errors import InputError
from watchline.model import Entity, Listing, Record
from watchline.model.countries import to_country
from watchline.sources.base import SourceInfo, claim, where, with_sanction
from watchline.sources.csvio import read_rows
from watchline.sources.ofac_remarks import free_remarks, parse_remarks, sanction_terms

NULL = "-0-"
PUBLISHER = "US Treasury OFAC"
_SCHEMA = {"individual": "Person", "": "Organization", "vessel": "Vessel", "aircraft": "Airplane"}
_COMPANIONS = {
    "sdn": ("alt.csv", "add.csv", "sdn_comments.csv"),
    "cons": ("cons_alt.csv", "cons_add.csv", "cons_comments.csv"),
}
_WIDTHS = {"alt": 5, "add": 6, "comments": 2}
Index = dict[str, list[list[str]]]


def _clean(row: list[str]) -> list[str]:
    return ["" if field.strip() == NULL else field.strip() for field in row]


def _index(path: Path, width: int) -> Index:
    """Companion rows by ent_num; a wrong column count is an error naming the line."""
    index: Index = defaultdict(list)
    if not path.exists():
        return index
    for line, row in read_rows(path, legacy=True):
        if len(row) != width:
            raise InputError(f"expected {width} columns, found {len(row)}", where(path, line))
        index[row[0].strip()].append(_clean(row))
    return index


def natural_name(name: str) -> str | None:
    """``LAST, First`` -> ``First LAST``; None when the name has no single comma."""
    last, sep, first = name.partition(",")
    if not sep or "," in first or not first.strip():
        return None
    return f"{first.strip()} {last.strip()}"


class OfacCsvSource:
    """An OFAC legacy CSV set as records; see the module docstring for the mapping."""

    def __init__(self, path: Path, source: str | None = None, originator: str | None = None):
        self.path = path
        self.kind = "cons" if path.name.lower().startswith("cons") else "sdn"
        self.source = source or f"us-ofac-{self.kind}"
        self.originator = originator or "OFAC"
        self.warnings: list[str] = []
        title = (
            "OFAC Specially Designated Nationals"
            if self.kind == "sdn"
            else ("OFAC Consolidated (non-SDN) List")
        )
        self.info = SourceInfo(self.source, title, "ofac-csv", PUBLISHER, None)

    def records(self) -> Iterator[Record]:
        """Stream the records; the first malformed input raises InputError."""
        alt_name, add_name, comments_name = _COMPANIONS[self.kind]
        alts = _index(self.path.with_name(alt_name), _WIDTHS["alt"])
        adds = _index(self.path.with_name(add_name), _WIDTHS["add"])
        comments = _index(self.path.with_name(comments_name), _WIDTHS["comments"])
        seen: set[str] = set()
        for line, row in read_rows(self.path, legacy=True):
            here = where(self.path, line)
            if len(row) != 12:
                raise InputError(f"expected 12 columns, found {len(row)}", where=here)
            fields = _clean(row)
            claim(seen, fields[0], here)
            extra = Extra(
                alts.get(fields[0], []), adds.get(fields[0], []), comments.get(fields[0], [])
            )
            subject = Record(_entity(fields, extra, here), self._listing(fields[3]))
            yield from with_sanction(subject, _sanction(fields, extra))
        self._report_orphans(seen, {alt_name: alts, add_name: adds, comments_name: comments})

    def _report_orphans(self, seen: set[str], companions: dict[str, Index]) -> None:
        for name, index in companions.items():
            orphans = len(set(index) - seen)
            if orphans:
                self.warnings.append(
                    f"{name}: {orphans} ent_num(s) not in {self.path.name} (ignored)"
                )

    def _listing(self, program: str) -> Listing:
        programs = programs_of(program)
        basis = f"OFAC sanctions program(s): {', '.join(programs)}" if programs else None
        return Listing(source=self.source, originator=self.originator, legal_basis=basis)


class Extra(NamedTuple):
    """The companion rows of one ent_num."""

    alts: list[list[str]]
    adds: list[list[str]]
    comments: list[list[str]]


def programs_of(program: str) -> list[str]:
    """``SDGT] [IRGC`` (OFAC's multi-program form) -> ``["SDGT", "IRGC"]``."""
    return [part.strip(" []") for part in program.split("] [") if part.strip(" []")]


def _entity(fields: list[str], extra: Extra, here: str) -> Entity:
    ent_num, name, sdn_type = fields[0], fields[1], fields[2].lower()
    if not ent_num.isdigit():
        raise InputError(f"ent_num is not a number: {ent_num!r}", where=here)
    schema = _SCHEMA.get(sdn_type)
    if schema is None:
        raise InputError(f"unknown SDN_Type {fields[2]!r}", where=here)
    if not name:
        raise InputError("row without SDN_Name", where=here)
    remarks = _remarks(fields, extra)
    props = parse_remarks(remarks)
    _add(props, "notes", [remarks])
    _add(props, "programId", programs_of(fields[3]))
    _add(props, "topics", ["sanction"])
    _names(props, name, schema, extra.alts)
    _addresses(props, extra.adds)
    if schema == "Person":
        _add(props, "position", [fields[4]])
    if schema == "Vessel":
        _vessel(props, fields)
    return Entity.build(f"ofac-{ent_num}", schema, props, target=True)


def _remarks(fields: list[str], extra: Extra) -> str:
    """The Remarks column with its overflow rows from the comments file appended."""
    return fields[11] + "".join(row[1] for row in extra.comments)


def _sanction(fields: list[str], extra: Extra) -> dict[str, list[str]]:
    """The Sanction's terms: OFAC as authority, the programs, and what the remarks say of
    listing dates and provisions; the rest of the remarks (``Linked To: ...``) as summary."""
    remarks = _remarks(fields, extra)
    return {
        "authority": [PUBLISHER],
        "program": programs_of(fields[3]),
        **sanction_terms(remarks),
        "summary": [free_remarks(remarks)],
    }


def _add(props: dict[str, list[str]], key: str, values: list[str]) -> None:
    props.setdefault(key, []).extend(values)


def _names(props: dict[str, list[str]], name: str, schema: str, alts: list[list[str]]) -> None:
    """Primary name as written, natural-order alias for people, then the alt.csv names."""
    _add(props, "name", [name])
    person = schema == "Person"
    if person and (natural := natural_name(name)):
        last, _, first = name.partition(",")
        _add(props, "alias", [natural])
        _add(props, "lastName", [last])
        _add(props, "firstName", [first])
    for row in alts:
        prop = "previousName" if row[2].lower() == "fka" else "alias"
        natural = natural_name(row[3]) if person else None
        _add(props, prop, [row[3], natural or ""])


def _addresses(props: dict[str, list[str]], adds: list[list[str]]) -> None:
    for row in adds:
        _add(props, "address", [", ".join(part for part in row[2:5] if part)])
        _add(props, "country", [to_country(row[4])] if row[4] else [])


def _vessel(props: dict[str, list[str]], fields: list[str]) -> None:
    _add(props, "callSign", [fields[5]])
    _add(props, "type", [fields[6]])
    _add(props, "tonnage", [fields[7]])
    _add(props, "grossRegisteredTonnage", [fields[8]])
    _add(props, "flag", [to_country(fields[9])] if fields[9] else [])
    _add(props, "notes", [f"Owner: {fields[10]}"] if fields[10] else [])
