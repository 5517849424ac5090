"""The candidate index: from query name parts to the few listed names worth scoring.

Layout (all numpy, so a query costs work in proportion to its parts, not to the list):

* ``Vocab``: distinct folded parts and their lookup keys (see ``vocab.py``);
* names: for each name row its entity row and its part ids (CSR ``name_ptr``/``name_parts``);
* postings: for each part the name rows that contain it (CSR ``post_ptr``/``post_rows``)
  plus a small ``delta`` dict for rows added since the last merge;
* entities: id, schema, :class:`Facts` and an ``alive`` flag (removal is a tombstone).

Rare parts weigh more (inverse document frequency), and parts so common that their
postings would dominate a query are skipped while rarer parts of the query remain.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from watchline.matching import kernels
from watchline.matching.arrays import (
    Growable,
    IntArray,
    csr_from_pairs,
    gather_csr,
)
from watchline.matching.budgeted import budgeted_rows
from watchline.matching.caches import QueryCaches
from watchline.matching.common import CommonParts
from watchline.matching.documents import DocumentRows
from watchline.matching.facts import Facts, entity_facts
from watchline.matching.pairs import COMMON_DF, PairPostings
from watchline.matching.scratch import ThreadScratch
from watchline.matching.shortlist import applies, compiled_rows, finish, shortlist
from watchline.matching.skeleton import from_abjad, not_latin
from watchline.matching.tokens import readings
from watchline.matching.vocab import Vocab
from watchline.model import MATCHABLE_SCHEMATA, Entity

RETRIEVE_FLOOR = 0.7  # a part this unlike a query part does not make a name a candidate
MERGE_MIN = 20_000  # delta rows kept before merging them into the CSR postings
SCHEMA_CODES: tuple[str, ...] = tuple(sorted(MATCHABLE_SCHEMATA))
_EMPTY: IntArray = np.zeros(0, dtype=np.int64)


class NameIndex:
    """Inverted index of every name and alias of every matchable entity."""

    def __init__(self) -> None:
        self.vocab = Vocab()
        self.entity_ids: list[str] = []
        self.entity_row: dict[str, int] = {}
        self.facts: list[Facts] = []
        self.schema = Growable(np.int8)
        self.alive = Growable(np.bool_)
        self.name_entity = Growable(np.int64)
        self.name_text: list[str] = []
        self.name_ptr = Growable(np.int64, [0])
        self.name_len = Growable(np.int8)  # parts per name (capped), a cache-friendly copy
        self.name_parts = Growable(np.int64)
        self.df = Growable(np.int64)
        self.post_ptr: IntArray = np.zeros(1, dtype=np.int64)
        self.post_rows: IntArray = np.zeros(0, dtype=np.int64)
        self.delta: dict[int, list[int]] = {}
        self.delta_size = 0
        self.pairs = PairPostings()
        self.common = CommonParts()
        self.documents = DocumentRows()
        self.scratch = ThreadScratch()
        self._staged_entity: list[int] = []
        self._staged_parts: list[int] = []
        self._staged_ptr: list[int] = []
        self.caches = QueryCaches()

    # -- building ------------------------------------------------------------------------
    @classmethod
    def build(cls, entities: Iterable[Entity]) -> NameIndex:
        """Index many entities at once (postings built in one vectorised pass)."""
        index = cls()
        for entity in entities:
            index._add_entity(entity, to_delta=False)
        index._flush_staged()
        index._rebuild_postings()
        return index

    def add(self, entity: Entity) -> None:
        """Add or amend one entity; an existing entity with the same id is replaced."""
        self.remove(entity.id)
        self._add_entity(entity, to_delta=True)
        if self.delta_size > max(MERGE_MIN, len(self.post_rows) // 10):
            self._rebuild_postings()
        self.caches.clear()  # again: a query running meanwhile may have cached old weights

    def remove(self, entity_id: str) -> bool:
        """Tombstone an entity so it never hits again; True if it was indexed."""
        row = self.entity_row.pop(entity_id, None)
        if row is None:
            return False
        self.alive.data[row] = False
        return True

    def __len__(self) -> int:
        return len(self.entity_row)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self.entity_row

    def _add_entity(self, entity: Entity, to_delta: bool) -> None:
        if entity.schema not in MATCHABLE_SCHEMATA:
            return
        names = entity.names
        if not names:
            return
        self.caches.clear()
        row = len(self.entity_ids)
        self.entity_ids.append(entity.id)
        self.entity_row[entity.id] = row
        self.facts.append(entity_facts(entity))
        self.schema.append(SCHEMA_CODES.index(entity.schema))
        self.alive.append(True)
        self.documents.add_entity(row, self.facts[row].ids)
        for name in names:
            for tokens in readings(name, entity.schema):
                self._add_name(row, name, tokens, to_delta)

    def _add_name(
        self, entity_row: int, name: str, tokens: tuple[str, ...], to_delta: bool
    ) -> None:
        abjad, latin = from_abjad(name), not not_latin(name)
        parts = [self.vocab.add(t, abjad, latin) for t in dict.fromkeys(tokens)]
        if not parts:
            return
        name_row = len(self.name_text)
        self.documents.add_name(entity_row, name_row)
        self.name_text.append(name)
        if not to_delta:  # bulk build: staged in lists, turned into arrays once
            self._staged_entity.append(entity_row)
            self._staged_parts.extend(parts)
            self._staged_ptr.append(len(self._staged_parts))
            return
        self.name_entity.append(entity_row)
        self.name_parts.extend(parts)
        self.name_ptr.append(len(self.name_parts))
        self.name_len.append(min(len(parts), 127))
        self._grow_df()
        self.df.data[parts] += 1
        for part in parts:
            self.delta.setdefault(part, []).append(name_row)
        self.delta_size += len(parts)
        self.pairs.add(name_row, parts, (self.df.data[parts] >= COMMON_DF).tolist())
        self.common.add(name_row, parts)

    def _grow_df(self) -> None:
        if len(self.df) < len(self.vocab):
            self.df.extend(np.zeros(len(self.vocab) - len(self.df), dtype=np.int64))

    def _flush_staged(self) -> None:
        """Move names staged by a bulk build into the arrays, counting part frequencies."""
        base = len(self.name_parts)
        parts = np.asarray(self._staged_parts, dtype=np.int64)
        self.name_entity.extend(self._staged_entity)
        self.name_parts.extend(parts)
        self.name_ptr.extend(np.asarray(self._staged_ptr, dtype=np.int64) + base)
        self.sync_name_lengths()
        self._grow_df()
        self.df.view[:] += np.bincount(parts, minlength=len(self.vocab))
        self._staged_entity, self._staged_parts, self._staged_ptr = [], [], []

    def _rebuild_postings(self) -> None:
        """Regroup every (part, name row) pair by part: one sort, no re-tokenising."""
        ptr = self.name_ptr.view
        rows = np.repeat(np.arange(len(ptr) - 1, dtype=np.int64), np.diff(ptr))
        self.post_ptr, self.post_rows = csr_from_pairs(self.name_parts.view, rows, len(self.vocab))
        self.delta = {}
        self.delta_size = 0
        self.rebuild_derived()

    def rebuild_derived(self) -> None:
        """Pair postings and common-part bitsets, "common" judged on today's frequencies."""
        common = self.df.view >= COMMON_DF
        self.pairs = PairPostings.build(self.name_ptr.view, self.name_parts.view, common)
        live = self.alive.view[self.name_entity.view]
        self.common = CommonParts.build(self.post_ptr, self.post_rows, self.name_len.view, live)

    # -- querying ------------------------------------------------------------------------
    @property
    def n_names(self) -> int:
        return len(self.name_text)

    def weights(self, part_ids: IntArray) -> np.ndarray:
        """Rarity weight of parts: log inverse document frequency, at least 1."""
        out: np.ndarray = self.weight_table()[part_ids]
        return out

    def weight_table(self) -> np.ndarray:
        """The rarity weight of every part, indexed by part id (see :meth:`weights`)."""
        table = self.caches.weights()
        if table is None:  # once per index state: a log per part, not per query part
            table = np.maximum(1.0, np.log((self.n_names + 1) / (self.df.view + 0.5)))
            self.caches.keep_weights(table)
        return table

    def delta_rows(self, part: int) -> IntArray:
        """Name rows containing a part added since the postings were last merged."""
        extra = self.delta.get(part)
        return np.asarray(extra, dtype=np.int64) if extra else _EMPTY

    def postings(self, part: int) -> IntArray:
        """Name rows containing a part (merged CSR plus the delta)."""
        rows = (
            self.post_rows[self.post_ptr[part] : self.post_ptr[part + 1]]
            if (part + 1 < len(self.post_ptr))
            else self.post_rows[:0]
        )
        extra = self.delta.get(part)
        return np.concatenate([rows, np.asarray(extra, dtype=np.int64)]) if extra else rows

    def parts_of(self, names: IntArray) -> tuple[IntArray, IntArray]:
        """Part ids of name rows, padded with -1 (rows x longest), and their lengths."""
        from watchline.matching.arrays import padded_rows

        return padded_rows(self.name_ptr.view, self.name_parts.view, names)

    def rows_for_parts(
        self,
        parts: IntArray,
        sims: np.ndarray,
        owners: IntArray,
        owner_weights: np.ndarray,
        allowed: np.ndarray,
        limit: int,
    ) -> IntArray:
        """The ``limit`` name rows sharing most rare parts with the query.

        ``parts``/``sims`` are the listed parts similar to the query parts, ``owners`` the
        query part each stands for and ``owner_weights`` that query part's rarity (see
        ``batch.py``): a rare misspelling of a common query part must not weigh more than
        the common part itself. ``allowed`` is a boolean mask over schema codes.

        Once some parts are common enough to have bitsets (``common.py``), the shortlist
        of ``shortlist.py`` gives the rows of a full read for the cost of the rare postings;
        smaller indexes read within a budget (``budgeted.py``).
        """
        if not len(parts):
            return np.zeros(0, dtype=np.int64)
        weights = (owner_weights * sims).astype(np.float32)  # as the score buffers
        if applies(self, limit):  # common parts: bit tests instead of long reads
            fast = compiled_rows(self, parts, weights, owners, allowed, limit)
            if fast is not None:
                return fast
            slots = self.common.slots(parts)
            rows, totals = shortlist(self, parts, weights, owners, slots, limit)
            return finish(self, rows, totals, allowed, limit, distinct=True)
        return budgeted_rows(self, parts, sims, owners, weights, allowed, limit)

    def gather(self, parts: IntArray) -> tuple[IntArray, IntArray]:
        """Name rows of several parts, concatenated in order, and the count per part."""
        if self.delta and any(p in self.delta for p in parts.tolist()):
            lists = [self.postings(p) for p in parts.tolist()]
            lengths = np.array([len(r) for r in lists], dtype=np.int64)
            return np.concatenate(lists), lengths
        inside = parts[parts + 1 < len(self.post_ptr)]
        rows, _ = gather_csr(self.post_ptr, self.post_rows, inside)
        lengths = np.zeros(len(parts), dtype=np.int64)
        lengths[parts + 1 < len(self.post_ptr)] = self.post_ptr[inside + 1] - self.post_ptr[inside]
        return rows, lengths

    def document_rows(self, numbers: Iterable[str]) -> IntArray:
        """Name rows of live entities holding one of these (normalised) document numbers."""
        return self.documents.rows(numbers, self.alive.view)

    def name_weights(self, rows: IntArray) -> np.ndarray:
        """Summed rarity of all parts of some name rows (what a perfect match would hold).

        Compiled where numba is there: the padded matrix costs more than the sums."""
        found = kernels.kernels()
        if found is not None:
            table = self.weight_table()
            sums = found.name_weights(self.name_ptr.view, self.name_parts.view, rows, table)
            if len(sums) == len(rows):
                return sums
        listed, _ = self.parts_of(rows)
        weights = np.where(listed >= 0, self.weights(np.maximum(listed, 0)), 0.0)
        out: np.ndarray = weights.sum(axis=1)
        return out

    def buffers(self) -> tuple[np.ndarray, np.ndarray]:
        """Two zeroed float buffers over all name rows, per thread (screening is reentrant)."""
        return self.scratch.buffers(self.n_names)

    def stamps(self) -> np.ndarray:
        """An int32 scratch buffer over all name rows, per thread (contents meaningless)."""
        return self.scratch.stamps(self.n_names)

    # -- persistence (see persist.py; files are written by store.index_files) ---------
    def state(self) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
        """What is kept between runs: arrays, and JSON-ready values (postings merged)."""
        from watchline.matching.persist import index_state

        self._rebuild_postings()
        return index_state(self)

    @classmethod
    def from_state(cls, arrays: Mapping[str, np.ndarray], meta: Mapping[str, Any]) -> NameIndex:
        """An index from :meth:`state`'s output (InputError if of another format)."""
        from watchline.matching.persist import restore_index

        return restore_index(cls(), arrays, meta)

    def sync_name_lengths(self) -> None:
        """Bring ``name_len`` up to date with ``name_ptr`` (after a bulk load or build)."""
        lengths = np.diff(self.name_ptr.view)[len(self.name_len) :]
        self.name_len.extend(np.minimum(lengths, 127).astype(np.int8))

    def reindex_documents(self) -> None:
        """Rebuild the document-number lookups from the facts (after a load)."""
        self.documents = DocumentRows.rebuilt(self.facts, self.name_entity.view.tolist())
