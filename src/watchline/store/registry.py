"""Reading and writing registry records and their history.

Every write appends an ``entity_events`` row holding the full new state, so the previous
version of any record can always be shown: rows in ``entities`` are the current state, the
events are the history.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from watchline.model import Entity, Handling, Listing, Record, Status
from watchline.store import links
from watchline.store.tables import entities, entity_events

BATCH = 1000


def now() -> datetime:
    return datetime.now(UTC)


def content_hash(record: Record) -> str:
    """A digest of everything that makes a record different, for change detection."""
    entity = record.entity.to_ftm()
    for volatile in ("first_seen", "last_seen", "last_change"):
        entity.pop(volatile, None)
    listing = record.listing
    payload = [
        entity,
        listing.legal_basis,
        listing.reason,
        listing.listed_on,
        listing.handling.value,
        sorted(listing.shared_with),
        listing.originator,
    ]
    raw = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True, slots=True)
class Known:
    """What an import needs to know about a stored record to classify a new version."""

    content_hash: str
    status: Status
    version: int
    source: str


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    version: int
    event: str
    at: datetime
    actor: str
    reason: str | None
    import_id: int | None
    snapshot: dict[str, Any]


def listing_columns(listing: Listing) -> dict[str, Any]:
    """A listing as plain values: the row's listing columns and the history snapshot's."""
    return {
        "source": listing.source,
        "originator": listing.originator,
        "legal_basis": listing.legal_basis,
        "reason": listing.reason,
        "listed_on": listing.listed_on,
        "status": listing.status.value,
        "handling": listing.handling.value,
        "shared_with": list(listing.shared_with),
    }


def record_to_row(record: Record, version: int, at: datetime) -> dict[str, Any]:
    entity, listing = record.entity, record.listing
    return {
        "id": entity.id,
        "schema": entity.schema,
        "properties": {k: list(v) for k, v in entity.properties.items()},
        "datasets": list(entity.datasets),
        "referents": list(entity.referents),
        "target": entity.target,
        "first_seen": entity.first_seen,
        "last_seen": entity.last_seen,
        "last_change": entity.last_change,
        **listing_columns(listing),
        "version": version,
        "content_hash": content_hash(record),
        "created_at": at,
        "updated_at": at,
    }


def row_to_record(row: sa.Row[Any] | dict[str, Any]) -> Record:
    data = dict(row._mapping) if isinstance(row, sa.Row) else row
    entity = Entity(
        id=data["id"],
        schema=data["schema"],
        properties={k: tuple(v) for k, v in data["properties"].items()},
        datasets=tuple(data["datasets"]),
        referents=tuple(data["referents"]),
        target=bool(data["target"]),
        first_seen=data["first_seen"],
        last_seen=data["last_seen"],
        last_change=data["last_change"],
    )
    listing = Listing(
        source=data["source"],
        originator=data["originator"],
        legal_basis=data["legal_basis"],
        reason=data["reason"],
        listed_on=data["listed_on"],
        status=Status(data["status"]),
        handling=Handling(data["handling"]),
        shared_with=tuple(data["shared_with"]),
    )
    return Record(entity=entity, listing=listing, version=int(data["version"]))


def snapshot(record: Record) -> dict[str, Any]:
    """The JSON kept in history: the FtM entity plus its listing."""
    listing = record.listing
    return {
        "entity": record.entity.to_ftm(),
        "listing": listing_columns(listing),
    }


def known_in_source(conn: Connection, source: str) -> dict[str, Known]:
    query = sa.select(
        entities.c.id,
        entities.c.content_hash,
        entities.c.status,
        entities.c.version,
        entities.c.source,
    ).where(entities.c.source == source)
    return {
        r.id: Known(r.content_hash, Status(r.status), r.version, r.source)
        for r in conn.execute(query)
    }


def owners(conn: Connection, ids: Sequence[str]) -> dict[str, str]:
    """Which source holds each of these ids already (ids may not move between sources)."""
    found: dict[str, str] = {}
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        query = sa.select(entities.c.id, entities.c.source).where(entities.c.id.in_(chunk))
        found.update({r.id: r.source for r in conn.execute(query)})
    return found


def get(conn: Connection, entity_id: str) -> Record | None:
    row = conn.execute(sa.select(entities).where(entities.c.id == entity_id)).first()
    return row_to_record(row) if row else None


def insert(conn: Connection, records: Sequence[Record], events: Sequence[dict[str, Any]]) -> None:
    """Insert new records (version 1) with their 'listed' events."""
    at = now()
    if records:
        conn.execute(entities.insert(), [record_to_row(r, 1, at) for r in records])
        links.add(conn, (r.entity for r in records))
    append_events(conn, events)


def replace(conn: Connection, record: Record, version: int) -> None:
    """Overwrite the current state; callers append the matching event in the same transaction."""
    row = record_to_row(record, version, now())
    row.pop("created_at")
    conn.execute(entities.update().where(entities.c.id == record.id).values(**row))
    links.rewrite(conn, record.entity)


def adjuncts(conn: Connection, entity_id: str) -> list[Record]:
    """The records that refer to ``entity_id`` (its Sanctions, Passports, ...), by id."""
    ids = list(dict.fromkeys(referrer for referrer, _prop in links.referring(conn, entity_id)))
    if not ids:
        return []
    query = sa.select(entities).where(entities.c.id.in_(ids)).order_by(entities.c.id)
    return [row_to_record(row) for row in conn.execute(query)]


def append_events(conn: Connection, events: Sequence[dict[str, Any]]) -> None:
    if events:
        conn.execute(entity_events.insert(), list(events))


def event_row(
    record: Record, version: int, event: str, actor: str, reason: str | None, import_id: int | None
) -> dict[str, Any]:
    return {
        "entity_id": record.id,
        "version": version,
        "event": event,
        "at": now(),
        "actor": actor,
        "reason": reason,
        "import_id": import_id,
        "snapshot": snapshot(record),
    }


def history(conn: Connection, entity_id: str) -> list[HistoryEntry]:
    query = (
        sa.select(entity_events)
        .where(entity_events.c.entity_id == entity_id)
        .order_by(entity_events.c.version)
    )
    return [
        HistoryEntry(r.version, r.event, r.at, r.actor, r.reason, r.import_id, r.snapshot)
        for r in conn.execute(query)
    ]


def events_of_import(conn: Connection, import_id: int) -> list[tuple[str, str]]:
    query = (
        sa.select(entity_events.c.entity_id, entity_events.c.event)
        .where(entity_events.c.import_id == import_id)
        .order_by(entity_events.c.id)
    )
    return [(r.entity_id, r.event) for r in conn.execute(query)]


def iter_records(
    conn: Connection,
    *,
    source: str | None = None,
    status: Status | None = None,
    schemata: Iterable[str] | None = None,
) -> Iterator[Record]:
    """Stream stored records in id order (server-side batches keep memory bounded)."""
    query = sa.select(entities).order_by(entities.c.id)
    if source is not None:
        query = query.where(entities.c.source == source)
    if status is not None:
        query = query.where(entities.c.status == status.value)
    if schemata is not None:
        query = query.where(entities.c.schema.in_(list(schemata)))
    result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(query)
    for row in result:
        yield row_to_record(row)


def count_by_source(conn: Connection) -> dict[str, dict[str, int]]:
    """Per source: active and delisted counts of listed subjects (target entities)."""
    query = (
        sa.select(entities.c.source, entities.c.status, sa.func.count())
        .where(entities.c.target.is_(True))
        .group_by(entities.c.source, entities.c.status)
    )
    counts: dict[str, dict[str, int]] = {}
    for source, status, n in conn.execute(query):
        counts.setdefault(source, {})[status] = int(n)
    return counts


def last_event_id(conn: Connection) -> int:
    """The registry's revision: the newest history event."""
    return int(
        conn.execute(sa.select(sa.func.coalesce(sa.func.max(entity_events.c.id), 0))).scalar_one()
    )


def changed_since(conn: Connection, event_id: int) -> tuple[list[str], int]:
    """Ids of records changed after ``event_id``, and the newest event id."""
    query = (
        sa.select(entity_events.c.id, entity_events.c.entity_id)
        .where(entity_events.c.id > event_id)
        .order_by(entity_events.c.id)
    )
    rows = conn.execute(query).all()
    ids = list(dict.fromkeys(r.entity_id for r in rows))
    return ids, (rows[-1].id if rows else event_id)
