"""Importer for the derived EU/UN/OFAC JSON flattening (``pakote`` ``all.json``).

This is a third party's LOSSY flattening of the EU FSF list (plus UN and OFAC non-SDN
rows): names, aliases, birth dates and identifiers only. It is one JSON document, so it
is read whole (3 MB); use the official importers whenever the original files are at hand.
Ids: ``eu-fsf-<logicalId>`` for EU rows, ``pakote-un-<reference>`` and
``pakote-ofac-<uid>`` for the others, so they never collide with the official importers.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from watchline.errors import InputError
from watchline.model import Entity, Listing, Record
from watchline.model.countries import to_country
from watchline.sources.base import SourceInfo, where
from watchline.sources.dates import iso_partial
from watchline.sources.ofac_xml import _ID_PROPERTIES

_PREFIX = {"EU": ("eu-fsf", "EU"), "UN": ("pakote-un", "UNSC"), "OFAC": ("pakote-ofac", "OFAC")}
_SCHEMA = {"individual": "Person", "entity": "Organization"}
_ID_TYPES = {
    "passport": "passportNumber",
    "regnumber": "registrationNumber",
    "fiscalcode": "taxNumber",
    **_ID_PROPERTIES,
}


def _load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (ValueError, RecursionError) as exc:
        raise InputError(f"not JSON: {exc}", where=where(path)) from None
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise InputError("expected an object with an 'entities' list", where=where(path))
    return data


class EuJsonSource:
    """The derived EU list; ``list_date`` is the aggregator's ``metadata.generated``."""

    def __init__(self, path: Path, source: str | None = None, originator: str | None = None):
        self.path = path
        self.source = source or "eu-fsf-derived"
        self.originator = originator
        self.warnings: list[str] = ["derived data: no nationalities, addresses or regimes"]
        meta = _load(path).get("metadata")
        generated = meta.get("generated") if isinstance(meta, dict) else None
        list_date = iso_partial(generated[:10]) if isinstance(generated, str) else None
        self.info = SourceInfo(
            self.source,
            "EU consolidated list (derived JSON)",
            "eu-json",
            "European Commission (via a third-party aggregator)",
            list_date,
        )

    def records(self) -> Iterator[Record]:
        """Stream the records; the first malformed input raises InputError."""
        for index, item in enumerate(_load(self.path)["entities"]):
            here = where(self.path, None, f"entities[{index}]")
            if not isinstance(item, Mapping):
                raise InputError("entity is not an object", where=here)
            yield self._record(item, here)

    def _record(self, item: Mapping[str, Any], here: str) -> Record:
        sources = _strings(item.get("source"), here)
        first = sources[0] if sources else ""
        if first not in _PREFIX or not isinstance(item.get("source_id"), str):
            raise InputError(f"unknown source {sources!r} or missing source_id", where=here)
        prefix, originator = _PREFIX[first]
        schema = _SCHEMA.get(str(item.get("type")))
        if schema is None:
            raise InputError(f"unknown type {item.get('type')!r}", where=here)
        props: dict[str, list[str]] = {
            "name": [str(item.get("name") or "")],
            "alias": _strings(item.get("aliases"), here),
            "topics": ["sanction"],
        }
        if schema == "Person":
            props["birthDate"] = [
                d for d in map(iso_partial, _strings(item.get("birthdates"), here)) if d
            ]
        _identifiers(props, item.get("identifiers"), here)
        entity = Entity.build(f"{prefix}-{item['source_id']}", schema, props, target=True)
        return Record(entity, Listing(self.source, self.originator or originator))


def _strings(value: Any, here: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError("expected a list of strings", where=here)
    return value


def _identifiers(props: dict[str, list[str]], value: Any, here: str) -> None:
    if value is None:
        return
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise InputError("identifiers must be a list of objects", where=here)
    for ident in value:
        number = ident.get("number")
        kind = str(ident.get("type") or "").lower()
        if isinstance(number, str) and number.strip():
            props.setdefault(_ID_TYPES.get(kind, "idNumber"), []).append(number)
        country = ident.get("country")
        if isinstance(country, str) and country.strip() and kind == "passport":
            props.setdefault("country", []).append(to_country(country))
