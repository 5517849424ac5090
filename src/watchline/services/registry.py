"""The registry use cases: read, publish, amend and delist records, show history.

Permission rule (enforced here, for the CLI and the API alike): an agency changes only the
records it originated. ``agency=None`` means the node's local operator (the CLI), who may
change anything; imports of public lists run as the operator.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Connection

from watchline.errors import ConflictError, InputError, NotFoundError, PermissionDeniedError
from watchline.model import MATCHABLE_SCHEMATA, Entity, Handling, Listing, Record, Status
from watchline.services.importing import ImportSummary, Progress, import_file
from watchline.store import registry as repo
from watchline.store import sources_table
from watchline.store.db import Store

Listener = Callable[[Sequence[Record]], None]
# Called inside a change's transaction with its connection and the new record, so that what
# must commit with the change (its audit entry) commits or rolls back with it.
Witness = Callable[[Connection, Record], None]


def _no_witness(conn: Connection, record: Record) -> None:
    """The default: a change with nothing to commit beside it."""


@dataclass(frozen=True, slots=True)
class SourceStatus:
    """One loaded source as ``watchline sources`` shows it."""

    name: str
    title: str
    format: str
    publisher: str
    list_date: str | None
    active: int
    delisted: int
    last_import: sources_table.ImportRow | None


class Registry:
    """Registry operations over one store, telling listeners (the screening index) of changes."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def notify(self, entity_ids: Iterable[str]) -> None:
        """Tell listeners the current state of changed records (after commit)."""
        ids = list(dict.fromkeys(entity_ids))
        if not ids or not self._listeners:
            return
        with self.store.reader() as conn:
            records = [r for r in (repo.get(conn, i) for i in ids) if r is not None]
        for listener in self._listeners:
            listener(records)

    def import_file(
        self,
        path: Path,
        *,
        format: str | None = None,
        source: str | None = None,
        originator: str | None = None,
        actor: str = "local",
        progress: Progress | None = None,
    ) -> ImportSummary:
        """Import a list file atomically (see ``services.importing``) and tell listeners."""
        summary = import_file(
            self.store,
            path,
            format=format,
            source=source,
            originator=originator,
            actor=actor,
            progress=progress,
        )
        self.notify(summary.changed_ids)
        return summary

    def get(self, entity_id: str, agency: str | None = None) -> Record:
        """The record, or NotFoundError when absent or not visible to ``agency``."""
        with self.store.reader() as conn:
            record = repo.get(conn, entity_id)
        if record is None or not record.listing.visible_to(agency):
            raise NotFoundError(f"no record {entity_id!r}")
        return record

    def history(self, entity_id: str, agency: str | None = None) -> list[repo.HistoryEntry]:
        self.get(entity_id, agency)
        with self.store.reader() as conn:
            return repo.history(conn, entity_id)

    def adjuncts(self, entity_id: str, agency: str | None = None) -> list[Record]:
        """What the record's source says around it: entities that refer to it by id (its
        Sanction, Passports, ...), those visible to ``agency``; NotFoundError as ``get``."""
        self.get(entity_id, agency)
        with self.store.reader() as conn:
            found = repo.adjuncts(conn, entity_id)
        return [r for r in found if r.listing.visible_to(agency)]

    def records(
        self,
        *,
        source: str | None = None,
        status: Status | None = None,
        schemata: Iterable[str] | None = None,
    ) -> Iterator[Record]:
        with self.store.reader() as conn:
            yield from repo.iter_records(conn, source=source, status=status, schemata=schemata)

    def active_entities(self) -> Iterator[Record]:
        """Active, screenable records: what the screening index is built from."""
        return self.records(status=Status.ACTIVE, schemata=MATCHABLE_SCHEMATA)

    def sources(self) -> list[SourceStatus]:
        with self.store.reader() as conn:
            counts = repo.count_by_source(conn)
            rows = sources_table.list_sources(conn)
            last = {r.name: sources_table.get_import(conn, r.last_import_id or -1) for r in rows}
        return [
            SourceStatus(
                r.name,
                r.title,
                r.format,
                r.publisher,
                r.list_date,
                counts.get(r.name, {}).get("active", 0),
                counts.get(r.name, {}).get("delisted", 0),
                last[r.name],
            )
            for r in rows
        ]

    def last_changes(self, source: str) -> tuple[sources_table.ImportRow, list[tuple[str, str]]]:
        """The last import of ``source`` and what it did to which record."""
        with self.store.reader() as conn:
            last = sources_table.last_import(conn, source)
            if last is None:
                raise NotFoundError(f"no import of source {source!r}")
            return last, repo.events_of_import(conn, last.id)

    def publish(
        self,
        entity: Entity,
        listing: Listing,
        actor: str,
        agency: str | None = None,
        witness: Witness = _no_witness,
    ) -> Record:
        """Add an agency's own record; the agency becomes its originator."""
        if agency is not None and listing.originator != agency:
            raise PermissionDeniedError("an agency can only publish records it originates")
        record = Record(replace(entity, target=True), listing)
        with self.store.transaction() as conn:
            if repo.get(conn, entity.id) is not None:
                raise ConflictError(f"record {entity.id!r} exists already")
            repo.insert(
                conn, [record], [repo.event_row(record, 1, "listed", actor, listing.reason, None)]
            )
            witness(conn, record)
        self.notify([entity.id])
        return record

    def amend(
        self,
        entity_id: str,
        actor: str,
        reason: str,
        agency: str | None = None,
        properties: Mapping[str, Sequence[str]] | None = None,
        listing: Mapping[str, Any] | None = None,
        witness: Witness = _no_witness,
    ) -> Record:
        """Change properties or listing fields; the previous version stays in history."""
        _require_reason(reason)
        with self.store.transaction() as conn:
            current = self._owned(conn, entity_id, agency)
            entity = current.entity.with_properties(properties or {})
            updated = Record(
                entity, _amend_listing(current.listing, listing or {}), current.version + 1
            )
            self._write(conn, updated, "amended", actor, reason)
            witness(conn, updated)
        self.notify([entity_id])
        return updated

    def delist(
        self,
        entity_id: str,
        actor: str,
        reason: str,
        agency: str | None = None,
        witness: Witness = _no_witness,
    ) -> Record:
        """Delist a record: it stops hitting, and its history is kept."""
        _require_reason(reason)
        with self.store.transaction() as conn:
            current = self._owned(conn, entity_id, agency)
            if current.listing.status is Status.DELISTED:
                raise ConflictError(f"record {entity_id!r} is already delisted")
            listing = replace(current.listing, status=Status.DELISTED)
            updated = Record(current.entity, listing, current.version + 1)
            self._write(conn, updated, "delisted", actor, reason)
            witness(conn, updated)
        self.notify([entity_id])
        return updated

    def _owned(self, conn: Any, entity_id: str, agency: str | None) -> Record:
        record = repo.get(conn, entity_id)
        if record is None or not record.listing.visible_to(agency):
            raise NotFoundError(f"no record {entity_id!r}")
        if agency is not None and record.listing.originator != agency:
            raise PermissionDeniedError("an agency can only change records it originated")
        return record

    def _write(self, conn: Any, record: Record, event: str, actor: str, reason: str) -> None:
        repo.replace(conn, record, record.version)
        repo.append_events(
            conn, [repo.event_row(record, record.version, event, actor, reason, None)]
        )


AMENDABLE_LISTING_FIELDS = frozenset(
    {"legal_basis", "reason", "listed_on", "handling", "shared_with"}
)


def _amend_listing(listing: Listing, changes: Mapping[str, Any]) -> Listing:
    unknown = set(changes) - AMENDABLE_LISTING_FIELDS
    if unknown:
        raise InputError(f"listing fields cannot be changed: {', '.join(sorted(unknown))}")
    values = dict(changes)
    if "handling" in values:
        values["handling"] = Handling(values["handling"])
    if "shared_with" in values:
        values["shared_with"] = tuple(values["shared_with"])
    return replace(listing, **values)


def _require_reason(reason: str) -> None:
    if not reason or not reason.strip():
        raise InputError("a reason is required for every change", where="reason")
