"""Importer for OFAC's legacy ``sdnList`` XML (used for the SDN and the non-SDN lists).

Ids are ``ofac-<uid>``: the sdnEntry uid is the same number as the CSV ent_num, so both
forms of one list produce the same ids. Names follow the CSV importer: ``LAST, First`` as
OFAC writes it in ``name``, ``First LAST`` in ``alias``. Weak a.k.a.s go to ``weakAlias``.
The namespace is not fixed (OFAC has changed it), so elements are matched by local name.
Each subject is followed by its ``Sanction`` adjunct, ``ofac-<uid>-sanction``, as in the CSV.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from watchline.errors import InputError
from watchline.model import Entity, Listing, Record
from watchline.model.countries import to_country
from watchline.sources.base import SourceInfo, claim, where, with_sanction
from watchline.sources.dates import parse_loose, parse_numeric
from watchline.sources.ofac_csv import PUBLISHER
from watchline.sources.xmlsafe import Element, iter_events, local, release, text

_SCHEMA = {
    "individual": "Person",
    "entity": "Organization",
    "vessel": "Vessel",
    "aircraft": "Airplane",
}
_ID_PROPERTIES = {
    "passport": "passportNumber",
    "national id no.": "idNumber",
    "cedula no.": "idNumber",
    "identification number": "idNumber",
    "tax id no.": "taxNumber",
    "registration id": "registrationNumber",
    "registration number": "registrationNumber",
    "public registration number": "registrationNumber",
    "company number": "registrationNumber",
    "business registration number": "registrationNumber",
    "unified social credit code (uscc)": "registrationNumber",
    "swift/bic": "swiftBic",
    "legal entity number": "leiCode",
    "isin": "isinCode",
    "website": "website",
    "email address": "email",
    "vessel registration identification": "imoNumber",
    "mmsi": "mmsi",
}
# id types that state the terms of the sanction (kept in the Sanction's ``provisions``)
_PROVISION_TYPES = ("Secondary sanctions risk", "Executive Order", "CAATSA", "Additional Sanctions")
Props = dict[str, list[str]]


def children(elem: Element, name: str) -> list[Element]:
    """Direct or nested elements with local name ``name`` (namespace ignored)."""
    return [child for child in elem.iter() if local(child.tag) == name]


def first_text(elem: Element, name: str) -> str:
    """Text of the first direct child named ``name``, '' when absent."""
    for child in elem:
        if local(child.tag) == name:
            return text(child)
    return ""


class OfacXmlSource:
    """An OFAC sdnList XML file as records."""

    def __init__(self, path: Path, source: str | None = None, originator: str | None = None):
        self.path = path
        self.source = source or "us-ofac-cons"
        self.originator = originator or "OFAC"
        self.warnings: list[str] = []
        self.info = SourceInfo(
            self.source,
            "OFAC sanctions list (sdnList XML)",
            "ofac-xml",
            PUBLISHER,
            _publish_date(path),
        )

    def records(self) -> Iterator[Record]:
        """Stream the records; the first malformed input raises InputError."""
        seen: set[str] = set()
        for event, elem in iter_events(self.path):
            if event == "start" and elem.getparent() is None and local(elem.tag) != "sdnList":
                raise InputError(
                    f"root element is {local(elem.tag)!r}, not sdnList",
                    where=where(self.path, elem.sourceline),
                )
            if event == "end" and local(elem.tag) == "sdnEntry":
                subject = self._record(elem)
                claim(seen, subject.id, where(self.path, elem.sourceline, "sdnEntry"))
                yield from with_sanction(subject, _sanction(elem))
                release(elem)

    def _record(self, elem: Element) -> Record:
        uid = first_text(elem, "uid")
        here = where(self.path, elem.sourceline, f"sdnEntry uid={uid or '?'}")
        if not uid.isdigit():
            raise InputError(f"sdnEntry uid is not a number: {uid!r}", where=here)
        programs = _programs(elem)
        basis = f"OFAC sanctions program(s): {', '.join(programs)}" if programs else None
        listing = Listing(self.source, self.originator, legal_basis=basis)
        return Record(_entity(elem, f"ofac-{uid}", programs, here), listing)


def _programs(elem: Element) -> list[str]:
    return [text(p) for p in children(elem, "program") if text(p)]


def _sanction(elem: Element) -> Props:
    """The Sanction's terms: OFAC as authority, the programs, and the dates and provisions
    OFAC states as ``id`` items (``Listing Date (CMIC)``, ``Secondary sanctions risk:``);
    the remarks as its summary."""
    props: Props = {"authority": [PUBLISHER], "program": _programs(elem)}
    for item in children(elem, "id"):
        kind, value = first_text(item, "idType"), first_text(item, "idNumber")
        if kind.startswith(("Listing Date", "Effective Date")):
            prop = "listingDate" if kind.startswith("Listing") else "startDate"
            _add(props, prop, parse_loose(value))
        elif kind.startswith(_PROVISION_TYPES):
            _add(props, "provisions", [f"{kind} {value}".rstrip(". ")])  # as CSV remarks read
    _add(props, "summary", [first_text(elem, "remarks")])
    return props


def _publish_date(path: Path) -> str | None:
    """Publish_Date (MM/DD/YYYY), read from the header without parsing the entries."""
    for event, elem in iter_events(path):
        if event == "end" and local(elem.tag) == "Publish_Date":
            return parse_numeric(text(elem), "mdy")
        if event == "start" and local(elem.tag) == "sdnEntry":
            return None
    return None


def _entity(elem: Element, eid: str, programs: list[str], here: str) -> Entity:
    schema = _SCHEMA.get(first_text(elem, "sdnType").lower())
    if schema is None:
        raise InputError(f"unknown sdnType {first_text(elem, 'sdnType')!r}", where=here)
    last, first = first_text(elem, "lastName"), first_text(elem, "firstName")
    if not last:
        raise InputError("sdnEntry without lastName", where=here)
    props: Props = {
        "name": [f"{last}, {first}" if first else last],
        "programId": programs,
        "topics": ["sanction"],
        "notes": [first_text(elem, "remarks")],
    }
    if schema == "Person":
        props.update(
            firstName=[first],
            lastName=[last],
            alias=[f"{first} {last}"] if first else [],
            position=[first_text(elem, "title")],
        )
    for part in (_akas, _dates_places, _ids, _addresses):
        part(elem, props)
    return Entity.build(eid, schema, props, target=True)


def _add(props: Props, key: str, values: list[str]) -> None:
    props.setdefault(key, []).extend(values)


def _akas(elem: Element, props: Props) -> None:
    for aka in children(elem, "aka"):
        last, first = first_text(aka, "lastName"), first_text(aka, "firstName")
        prop = "alias"
        if first_text(aka, "category").lower() == "weak":
            prop = "weakAlias"
        if first_text(aka, "type").lower() == "f.k.a.":
            prop = "previousName"
        _add(props, prop, [f"{last}, {first}", f"{first} {last}"] if first else [last])


def _dates_places(elem: Element, props: Props) -> None:
    for item in children(elem, "dateOfBirth"):
        _add(props, "birthDate", parse_loose(text(item)))
    _add(props, "birthPlace", [text(i) for i in children(elem, "placeOfBirth")])
    for name, prop in (("nationality", "nationality"), ("citizenship", "citizenship")):
        for item in children(elem, name):
            _add(props, prop, [to_country(first_text(item, "country"))])


def _ids(elem: Element, props: Props) -> None:
    handlers: dict[str, Callable[[str], list[str]]] = {
        "gender": lambda v: [v.lower()] if v.lower() in ("male", "female") else [],
        "organization established date": parse_loose,
    }
    for item in children(elem, "id"):
        kind, number = first_text(item, "idType").lower(), first_text(item, "idNumber")
        if kind in handlers:
            _add(
                props, "gender" if kind == "gender" else "incorporationDate", handlers[kind](number)
            )
        elif kind in _ID_PROPERTIES:
            _add(props, _ID_PROPERTIES[kind], [number])


def _addresses(elem: Element, props: Props) -> None:
    parts = ("address1", "address2", "address3", "city", "stateOrProvince", "postalCode", "country")
    for item in children(elem, "address"):
        _add(props, "address", [", ".join(v for v in (first_text(item, p) for p in parts) if v)])
        country = first_text(item, "country")
        _add(props, "country", [to_country(country)] if country else [])
