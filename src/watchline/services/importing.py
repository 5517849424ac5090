"""Importing a list file into the registry: atomic, streaming, with a change summary.

The whole import runs in one transaction. A parse error anywhere (a truncated file, a bad
row) raises before commit, so the store is left exactly as it was. Records the new file no
longer contains are delisted, not deleted: their history stays.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import TypeVar

from sqlalchemy.engine import Connection

from watchline.errors import ConflictError, InputError
from watchline.model import Record, Status
from watchline.sources import SourceInfo, open_source
from watchline.store import registry as repo
from watchline.store import sources_table
from watchline.store.db import Store

T = TypeVar("T")
Progress = Callable[[int], None]


@dataclass(slots=True)
class ImportSummary:
    """What one import changed; the CLI prints it and ``diff`` shows it again later."""

    source: str
    import_id: int
    list_date: str | None
    added: int = 0
    amended: int = 0
    removed: int = 0
    unchanged: int = 0
    warnings: list[str] = field(default_factory=list)
    changed_ids: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.added + self.amended + self.unchanged


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class _ImportRun:
    """The state of one import inside its transaction."""

    def __init__(self, conn: Connection, info: SourceInfo, import_id: int, actor: str) -> None:
        self.conn, self.info, self.actor = conn, info, actor
        self.known = repo.known_in_source(conn, info.name)
        self.seen: set[str] = set()
        self.summary = ImportSummary(info.name, import_id, info.list_date)

    def apply(self, chunk: list[Record]) -> None:
        self._check_ids(chunk)
        new = [r for r in chunk if r.id not in self.known]
        events = [
            repo.event_row(r, 1, "listed", self.actor, "added by import", self.summary.import_id)
            for r in new
        ]
        repo.insert(self.conn, new, events)
        self.summary.added += len(new)
        self.summary.changed_ids.extend(r.id for r in new)
        for record in chunk:
            if record.id in self.known:
                self._update(record, self.known[record.id])

    def _check_ids(self, chunk: list[Record]) -> None:
        for record in chunk:
            if record.id in self.seen:
                raise InputError(f"entity id {record.id!r} appears twice", where=self.info.name)
            self.seen.add(record.id)
        fresh = [r.id for r in chunk if r.id not in self.known]
        for entity_id, owner in repo.owners(self.conn, fresh).items():
            raise ConflictError(f"entity id {entity_id!r} already belongs to source {owner!r}")

    def _update(self, record: Record, known: repo.Known) -> None:
        if known.status is Status.ACTIVE and repo.content_hash(record) == known.content_hash:
            self.summary.unchanged += 1
            return
        event = "amended" if known.status is Status.ACTIVE else "relisted"
        self._write(record, known.version + 1, event, "changed in the new list")
        self.summary.amended += 1

    def remove_missing(self) -> None:
        for entity_id, known in self.known.items():
            if entity_id in self.seen or known.status is Status.DELISTED:
                continue
            current = repo.get(self.conn, entity_id)
            assert current is not None
            delisted = replace(current, listing=replace(current.listing, status=Status.DELISTED))
            reason = f"no longer in the {self.info.name} list"
            self._write(delisted, known.version + 1, "delisted", reason)
            self.summary.removed += 1

    def _write(self, record: Record, version: int, event: str, reason: str) -> None:
        repo.replace(self.conn, record, version)
        repo.append_events(
            self.conn,
            [repo.event_row(record, version, event, self.actor, reason, self.summary.import_id)],
        )
        self.summary.changed_ids.append(record.id)


def import_file(
    store: Store,
    path: Path,
    *,
    format: str | None = None,
    source: str | None = None,
    originator: str | None = None,
    actor: str = "local",
    progress: Progress | None = None,
) -> ImportSummary:
    """Import ``path`` as one atomic change; raise ``InputError`` and change nothing on error."""
    if not path.exists():
        raise InputError("no such file or directory", where=str(path))
    parsed = open_source(path, format=format, source=source, originator=originator)
    sha, started = file_sha256(path) if path.is_file() else "", repo.now()
    with store.transaction() as conn:
        import_id = sources_table.add_import(conn, _import_values(parsed.info, path, sha, actor))
        run = _ImportRun(conn, parsed.info, import_id, actor)
        for chunk in _chunks(parsed.records(), repo.BATCH):
            run.apply(chunk)
            if progress:
                progress(len(chunk))
        run.remove_missing()
        run.summary.warnings = list(getattr(parsed, "warnings", []))
        _finish(conn, run.summary, parsed.info, started)
    return run.summary


def _import_values(info: SourceInfo, path: Path, sha: str, actor: str) -> dict[str, object]:
    at = repo.now()
    return {
        "source": info.name,
        "path": str(path),
        "sha256": sha,
        "format": info.format,
        "list_date": info.list_date,
        "actor": actor,
        "started_at": at,
        "finished_at": at,
        "added": 0,
        "amended": 0,
        "removed": 0,
        "unchanged": 0,
        "warnings": [],
    }


def _finish(conn: Connection, summary: ImportSummary, info: SourceInfo, started: object) -> None:
    sources_table.finish_import(
        conn,
        summary.import_id,
        {
            "finished_at": repo.now(),
            "added": summary.added,
            "amended": summary.amended,
            "removed": summary.removed,
            "unchanged": summary.unchanged,
            "warnings": summary.warnings,
        },
    )
    sources_table.upsert_source(
        conn,
        {
            "name": info.name,
            "title": info.title,
            "format": info.format,
            "publisher": info.publisher,
            "list_date": info.list_date,
            "last_import_id": summary.import_id,
            "updated_at": repo.now(),
        },
    )
