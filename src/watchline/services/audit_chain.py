"""The audit hash chain itself: what an entry's hash covers and how a chain is checked.

Each entry's hash is ``sha256(prev_hash + canonical JSON of the entry)``, so editing,
deleting or re-ordering any stored entry breaks the chain from that point on. These are
pure functions over rows, kept apart from the writing (``audit``) and the batching
(``audit_commits``) so that what the chain guarantees can be read in one place.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from watchline.store import access as repo

GENESIS = repo.GENESIS


def canonical(
    seq: int,
    at: datetime,
    agency: str,
    key_id: int | None,
    action: str,
    target: str | None,
    summary: Mapping[str, Any],
) -> bytes:
    """The bytes an entry's hash covers: sorted keys, UTC microsecond timestamps."""
    body = {
        "seq": seq,
        "at": at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "agency": agency,
        "key_id": key_id,
        "action": action,
        "target": target,
        "summary": summary,
    }
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def chain_hash(prev_hash: str, entry: bytes) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + entry).hexdigest()


def row_hash(row: repo.AuditRow) -> str:
    entry = canonical(row.seq, row.at, row.agency, row.key_id, row.action, row.target, row.summary)
    return chain_hash(row.prev_hash, entry)


@dataclass(frozen=True, slots=True)
class Entry:
    """One audit entry before it is chained: who did what to which target, and the result."""

    agency: str
    key_id: int | None
    action: str
    target: str | None
    summary: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Verification:
    """The outcome of checking the chain: ``broken_at`` is the first bad entry's ``seq``."""

    checked: int
    broken_at: int | None = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def chain_problem(row: repo.AuditRow, expected_prev: str, expected_seq: int) -> str | None:
    """Why ``row`` does not continue the chain as expected; None when it does."""
    if row.seq != expected_seq:
        return f"entry {expected_seq} is missing (next found is {row.seq})"
    if row.prev_hash != expected_prev:
        return "prev_hash does not match the previous entry's hash (entry removed or inserted)"
    if row_hash(row) != row.entry_hash:
        return "entry content does not match its hash (entry edited)"
    return None
