"""Importer for the UN Security Council Consolidated List (official XML).

Ids are ``unsc-<DATAID>``: DATAID is the UN's permanent database key for a listed subject
(the REFERENCE_NUMBER, e.g. ``QDi.001``, is kept in ``programId`` and on the Sanction as
``unscId``). DATAID is what OpenSanctions uses too, so ids line up with their exports.
Each subject is followed by adjunct records (target False): one ``Sanction`` and one
``Passport``/``Identification`` per numbered document. Names in original script go to
``alias`` (the OpenSanctions convention): they are the same name in another script.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from watchline.errors import InputError
from watchline.model import Entity, Listing, Record
from watchline.model.countries import to_country
from watchline.sources import un_fields as f
from watchline.sources.base import SourceInfo, claim, where
from watchline.sources.dates import iso_partial
from watchline.sources.xmlsafe import Element, iter_events, release, text, texts

AUTHORITY = "United Nations Security Council"
SOURCE_URL = "https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list"
_SUBJECTS = {"INDIVIDUAL": "Person", "ENTITY": "Organization"}


class UnXmlSource:
    """The UN list as a stream of records (see the module docstring for the mapping)."""

    def __init__(self, path: Path, source: str | None = None, originator: str | None = None):
        self.path = path
        self.source = source or "un-sc"
        self.originator = originator or "UNSC"
        self.warnings: list[str] = []
        self.info = SourceInfo(
            self.source,
            "UN Security Council Consolidated List",
            "un-xml",
            AUTHORITY,
            _list_date(path),
        )

    def records(self) -> Iterator[Record]:
        """Stream the records; the first malformed input raises InputError."""
        seen: set[str] = set()
        seen_root = False
        for event, elem in iter_events(self.path):
            if event == "start" and not seen_root:
                _check_root(elem, self.path)
                seen_root = True
            elif event == "end" and elem.tag in _SUBJECTS:
                yield from self._convert(elem, seen)
                release(elem)

    def _convert(self, elem: Element, seen: set[str]) -> Iterator[Record]:
        dataid = text(elem.find("DATAID"))
        here = where(self.path, elem.sourceline, f"{elem.tag} DATAID={dataid or '?'}")
        if not dataid:
            raise InputError("subject without DATAID", where=here)
        claim(seen, dataid, here)
        subject = _subject(elem, f"unsc-{dataid}", here, self.warnings)
        listing = self._listing(elem, here)
        yield Record(subject, listing)
        adjuncts = [_sanction(elem, subject.id, listing), *_documents(elem, subject.id)]
        for adjunct in adjuncts:
            yield Record(adjunct, listing, meta={"subject": subject.id})

    def _listing(self, elem: Element, here: str) -> Listing:
        listed_on = text(elem.find("LISTED_ON"))
        if listed_on and iso_partial(listed_on[:10]) is None:
            raise InputError(f"LISTED_ON is not a date: {listed_on!r}", where=here)
        comments = text(elem.find("COMMENTS1"))
        return Listing(
            source=self.source,
            originator=self.originator,
            legal_basis=f.legal_basis(text(elem.find("UN_LIST_TYPE"))),
            reason=f.truncate(comments) if comments else None,
            listed_on=listed_on[:10] or None,
        )


def _check_root(elem: Element, path: Path) -> None:
    if elem.tag != "CONSOLIDATED_LIST":
        raise InputError(
            f"root element is {elem.tag!r}, not CONSOLIDATED_LIST",
            where=where(path, elem.sourceline),
        )


def _list_date(path: Path) -> str | None:
    """dateGenerated from the root element, read without parsing the rest of the file."""
    for _event, elem in iter_events(path):
        _check_root(elem, path)
        value = elem.get("dateGenerated", "")[:10]
        return iso_partial(value) if value else None
    return None


def _subject(elem: Element, eid: str, here: str, warnings: list[str]) -> Entity:
    """The listed Person or Organization with every property the UN states."""
    is_person = elem.tag == "INDIVIDUAL"
    name = f.full_name(elem) if is_person else text(elem.find("FIRST_NAME"))
    if not name:
        raise InputError("subject without a name", where=here)
    alias_tag = "INDIVIDUAL_ALIAS" if is_person else "ENTITY_ALIAS"
    address_tag = "INDIVIDUAL_ADDRESS" if is_person else "ENTITY_ADDRESS"
    addresses, countries = f.places(elem, address_tag)
    props: dict[str, list[str]] = {
        "name": [name],
        **f.aliases(elem, alias_tag),
        "address": addresses,
        "country": countries,
        "notes": [text(elem.find("COMMENTS1"))],
        "topics": ["sanction"],
        "programId": [text(elem.find("UN_LIST_TYPE")), text(elem.find("REFERENCE_NUMBER"))],
        "sourceUrl": [SOURCE_URL],
    }
    props["alias"] += texts(elem, "NAME_ORIGINAL_SCRIPT")
    if is_person:
        props.update(_person_props(elem, here, warnings))
    return Entity.build(eid, _SUBJECTS[elem.tag], props, target=True)


def _person_props(elem: Element, here: str, warnings: list[str]) -> dict[str, list[str]]:
    births, unread = f.birth_dates(elem)
    warnings.extend(f"{here}: unreadable date of birth {value!r}" for value in unread)
    birth_places, birth_countries = f.places(elem, "INDIVIDUAL_PLACE_OF_BIRTH")
    documents = [d for d in elem.iter("INDIVIDUAL_DOCUMENT") if text(d.find("NUMBER"))]
    return {
        "title": texts(elem, "TITLE/VALUE"),
        "position": texts(elem, "DESIGNATION/VALUE"),
        "gender": [text(elem.find("GENDER")).lower()],
        "birthDate": births,
        "birthPlace": birth_places,
        "birthCountry": birth_countries,
        "nationality": f.nationalities(elem),
        "passportNumber": [text(d.find("NUMBER")) for d in documents if _is_passport(d)],
        "idNumber": [text(d.find("NUMBER")) for d in documents if not _is_passport(d)],
    }


def _is_passport(doc: Element) -> bool:
    kind = f"{text(doc.find('TYPE_OF_DOCUMENT'))} {text(doc.find('TYPE_OF_DOCUMENT2'))}"
    return any(word in kind.lower() for word in ("passport", "passeport", "pasaporte"))


def _documents(elem: Element, holder: str) -> list[Entity]:
    """One Passport or Identification per distinct (number, country).

    The UN sometimes states one document several times, in English, French and Spanish;
    those statements are merged into one entity rather than repeated.
    """
    merged: dict[str, tuple[str, dict[str, list[str]]]] = {}
    for doc in elem.iter("INDIVIDUAL_DOCUMENT"):
        number = text(doc.find("NUMBER"))
        if not number:
            continue
        country = text(doc.find("ISSUING_COUNTRY")) or text(doc.find("COUNTRY_OF_ISSUE"))
        digest = hashlib.sha1(f"{number}|{country}".encode()).hexdigest()[:10]
        schema = "Passport" if _is_passport(doc) else "Identification"
        _, props = merged.setdefault(f"{holder}-doc-{digest}", (schema, {}))
        issued = iso_partial(text(doc.find("DATE_OF_ISSUE"))[:10])
        for key, values in {
            "holder": [holder],
            "number": [number],
            "country": [to_country(country)],
            "type": [text(doc.find("TYPE_OF_DOCUMENT")), text(doc.find("TYPE_OF_DOCUMENT2"))],
            "startDate": [issued or ""],
            "summary": [text(doc.find("NOTE"))],
        }.items():
            props.setdefault(key, []).extend(values)
    return [Entity.build(eid, schema, props) for eid, (schema, props) in merged.items()]


def _sanction(elem: Element, subject_id: str, listing: Listing) -> Entity:
    """The FtM Sanction describing the UN measure against the subject."""
    return Entity.build(
        f"{subject_id}-sanction",
        "Sanction",
        {
            "entity": [subject_id],
            "authority": [AUTHORITY],
            "program": [text(elem.find("UN_LIST_TYPE"))],
            "unscId": [text(elem.find("REFERENCE_NUMBER"))],
            "listingDate": [listing.listed_on or ""],
            "modifiedAt": texts(elem, "LAST_DAY_UPDATED/VALUE")[-1:],
            "reason": [text(elem.find("COMMENTS1"))],
            "provisions": [listing.legal_basis or ""],
            "sourceUrl": [SOURCE_URL],
        },
    )
