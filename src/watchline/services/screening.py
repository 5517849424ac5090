"""Screening against the registry: the in-memory index kept in step with the store.

The screener is built from the active, screenable records once, persisted beside the store,
and on later starts loaded and brought up to date with the registry changes made since it
was saved, so a restart does not rebuild it. Every registry change reaches it through the
registry's listener, so an amendment or delisting takes effect at once without a rebuild.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from watchline.errors import InputError
from watchline.matching import DEFAULT_THRESHOLD, Hit, Query, Screener
from watchline.model import MATCHABLE_SCHEMATA, Record, Status
from watchline.services.registry import Registry
from watchline.store import registry as repo
from watchline.store.index_files import load_screener, save_screener

STATE_FILE = "state.json"
RECORD_CACHE_SIZE = 50_000


@dataclass(frozen=True, slots=True)
class ScreenResult:
    """A hit joined with the record it names."""

    hit: Hit
    record: Record


def screenable(record: Record) -> bool:
    return record.listing.status is Status.ACTIVE and record.entity.schema in MATCHABLE_SCHEMATA


class RecordCache:
    """The records hits name, kept so that a busy screener does not read each from the store.

    Bounded (least recently used goes first) and emptied of a record whenever the index
    hears it changed, so it is never staler than the index itself. A read that began before
    an invalidation cannot put back what it read (``generation`` tells).
    """

    def __init__(self, capacity: int = RECORD_CACHE_SIZE) -> None:
        self.capacity = capacity
        self.generation = 0
        self._records: dict[str, Record] = {}
        self._lock = threading.Lock()

    def get(self, entity_id: str) -> Record | None:
        with self._lock:
            record = self._records.pop(entity_id, None)
            if record is not None:
                self._records[entity_id] = record  # now the most recently used
            return record

    def put(self, records: Iterable[Record], generation: int) -> None:
        """Remember records read while ``generation`` was current (else ignore them)."""
        with self._lock:
            if generation != self.generation:
                return
            for record in records:
                self._records[record.id] = record
            while len(self._records) > self.capacity:
                del self._records[next(iter(self._records))]

    def discard(self, entity_ids: Iterable[str]) -> None:
        with self._lock:
            self.generation += 1
            for entity_id in entity_ids:
                self._records.pop(entity_id, None)

    def __len__(self) -> int:
        return len(self._records)


class ScreeningService:
    """Screen names against the registry; kept current through registry notifications."""

    def __init__(
        self,
        registry: Registry,
        index_dir: Path | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        self.registry = registry
        self.index_dir = index_dir
        self.revision = 0
        self.records = RecordCache()
        self.screener = self._load_or_build(progress)
        registry.subscribe(self.apply_changes)

    def apply_changes(self, records: Sequence[Record]) -> None:
        """Replace changed records in the index; delisted ones stop hitting."""
        self.records.discard(r.id for r in records)
        for record in records:
            self.screener.remove(record.id)
            if screenable(record):
                self.screener.add(record.entity)

    def screen(
        self, query: Query, limit: int = 10, threshold: float | None = None
    ) -> list[ScreenResult]:
        return self._join(self.screener.screen(query, limit=limit, threshold=threshold))

    def screen_many(
        self, queries: Sequence[Query], limit: int = 10, threshold: float | None = None
    ) -> list[list[ScreenResult]]:
        batches = self.screener.screen_many(queries, limit=limit, threshold=threshold)
        return [self._join(hits) for hits in batches]

    @property
    def default_threshold(self) -> float:
        return DEFAULT_THRESHOLD

    def _join(self, hits: Sequence[Hit]) -> list[ScreenResult]:
        records = self._records([hit.entity_id for hit in hits])
        joined = ((hit, records.get(hit.entity_id)) for hit in hits)
        return [ScreenResult(hit, r) for hit, r in joined if r is not None and screenable(r)]

    def still_listed(self, entity_ids: Sequence[str]) -> set[str]:
        """Which of these hit entities the store still holds as active and screenable: the
        same check as the hits of :meth:`screen_many` pass, for hits screened elsewhere
        (worker processes, ``screening_pool.py``)."""
        records = self._records(entity_ids)
        return {i for i, record in records.items() if screenable(record)}

    def _records(self, entity_ids: Sequence[str]) -> dict[str, Record]:
        """The records named, from the cache, reading the missing ones in one connection."""
        found = {i: r for i in entity_ids if (r := self.records.get(i)) is not None}
        missing = [i for i in dict.fromkeys(entity_ids) if i not in found]
        if not missing:
            return found
        generation = self.records.generation
        with self.registry.store.reader() as conn:
            read = [r for i in missing if (r := repo.get(conn, i)) is not None]
        self.records.put(read, generation)
        return found | {r.id: r for r in read}

    def refresh(self) -> int:
        """Apply registry changes made since the index last looked (e.g. by another process).

        Returns how many records changed. Cheap when nothing did: one indexed query.
        """
        with self.registry.store.reader() as conn:
            changed, revision = repo.changed_since(conn, self.revision)
            records = {i: repo.get(conn, i) for i in changed}
        gone = [entity_id for entity_id, record in records.items() if record is None]
        self.records.discard(gone)
        for entity_id in gone:
            self.screener.remove(entity_id)
        self.apply_changes([r for r in records.values() if r is not None])
        self.revision = revision
        return len(changed)

    def _load_or_build(self, progress: Callable[[int], None] | None) -> Screener:
        loaded = self._load()
        if loaded is not None:
            return loaded
        with self.registry.store.reader() as conn:
            self.revision = repo.last_event_id(conn)
        entities = []
        for record in self.registry.active_entities():
            entities.append(record.entity)
            if progress and len(entities) % 1000 == 0:
                progress(1000)
        screener = Screener(entities)
        self._save(screener)
        return screener

    def _load(self) -> Screener | None:
        """The saved index, brought up to date with the events since it was saved."""
        if self.index_dir is None or not (self.index_dir / STATE_FILE).exists():
            return None
        try:
            state = json.loads((self.index_dir / STATE_FILE).read_text())
        except (OSError, ValueError):
            return None
        if state != {**state, **self._identity()}:
            return None  # another database, or an index made by other matching code
        try:
            self.screener = load_screener(self.index_dir)
        except InputError:
            return None  # unreadable: rebuild rather than refuse to screen
        self.revision = int(state["revision"])
        if self.refresh():
            self._save(self.screener)
        return self.screener

    def save(self) -> None:
        self._save(self.screener)

    def _save(self, screener: Screener) -> None:
        if self.index_dir is None:
            return
        save_screener(screener, self.index_dir)
        state = {"revision": self.revision, **self._identity()}
        (self.index_dir / STATE_FILE).write_text(json.dumps(state))

    def _identity(self) -> dict[str, str]:
        """What a saved index must agree with to be reused."""
        return {"database": self.registry.store.url_fingerprint, "engine": engine_fingerprint()}


def engine_fingerprint() -> str:
    """A digest of the code and tables that decide index keys (text, names, matching).

    A saved index built by other normalisation code would silently miss names, so any change
    to those modules or to the name tables makes the next start rebuild the index.
    """
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    files = [*sorted((package / "data").glob("name_equivalents*"))]
    for folder in ("text", "names", "matching"):
        files.extend(sorted((package / folder).glob("*.py")))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
