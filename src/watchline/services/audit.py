"""The tamper-evident audit log: every query and change, each entry chained to the last.

Each entry's hash is ``sha256(prev_hash + canonical JSON of the entry)`` (see
``audit_chain``), so editing, deleting or re-ordering any stored entry breaks the chain
from that point on, and ``verify`` names the first entry where it breaks. Nothing here
updates or deletes entries. Busy writers batch their entries through ``audit_commits``
(``GroupCommit``, ``SerialLane``, re-exported here).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.engine import Connection

from watchline.services.audit_chain import (
    GENESIS,
    Entry,
    Verification,
    canonical,
    chain_hash,
    chain_problem,
    row_hash,
)
from watchline.services.audit_commits import GroupCommit, SerialLane
from watchline.store import access as repo
from watchline.store.db import Store
from watchline.store.registry import now

__all__ = [
    "GENESIS",
    "AuditLog",
    "Entry",
    "GroupCommit",
    "SerialLane",
    "Verification",
    "canonical",
    "chain_hash",
    "row_hash",
]


class AuditLog:
    """Append to, read and verify the audit chain of one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def append(
        self,
        agency: str,
        key_id: int | None,
        action: str,
        target: str | None,
        summary: Mapping[str, Any],
    ) -> int:
        """Add one entry atomically after the current head; returns its ``seq``."""
        with self.store.transaction() as conn:
            return self.write(conn, agency, key_id, action, target, summary)

    def write(
        self,
        conn: Connection,
        agency: str,
        key_id: int | None,
        action: str,
        target: str | None,
        summary: Mapping[str, Any],
    ) -> int:
        """Append inside the caller's transaction, so the entry commits with its change."""
        return self.write_many(conn, [Entry(agency, key_id, action, target, summary)])

    def write_many(self, conn: Connection, entries: Sequence[Entry]) -> int:
        """Append several entries under one lock; returns the last ``seq``."""
        repo.lock_audit_chain(conn)
        seq, prev = repo.audit_head(conn)
        rows = []
        for item in entries:
            summary = json.loads(json.dumps(item.summary))  # as the JSON column returns it
            seq, at = seq + 1, now()
            entry = canonical(seq, at, item.agency, item.key_id, item.action, item.target, summary)
            prev_hash, prev = prev, chain_hash(prev, entry)
            rows.append(
                {
                    "seq": seq,
                    "at": at,
                    "agency": item.agency,
                    "key_id": item.key_id,
                    "action": item.action,
                    "target": item.target,
                    "summary": summary,
                    "prev_hash": prev_hash,
                    "entry_hash": prev,
                }
            )
        repo.insert_audit(conn, rows)
        return seq

    def entries(
        self, limit: int = 100, after: int = 0, newest_first: bool = True
    ) -> list[repo.AuditRow]:
        with self.store.reader() as conn:
            return list(repo.iter_audit(conn, after=after, limit=limit, newest_first=newest_first))

    def verify(self) -> Verification:
        """Walk the chain from the start; stop at the first entry that does not fit."""
        expected_prev, expected_seq, checked = GENESIS, 1, 0
        with self.store.reader() as conn:
            for row in repo.iter_audit(conn):
                problem = chain_problem(row, expected_prev, expected_seq)
                if problem is not None:
                    return Verification(checked, row.seq, problem)
                expected_prev, expected_seq, checked = row.entry_hash, row.seq + 1, checked + 1
        return Verification(checked)
