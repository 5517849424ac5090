"""The tamper-evident audit log: every query and change, each entry chained to the last.

Each entry's hash is ``sha256(prev_hash + canonical JSON of the entry)``, so editing,
deleting or re-ordering any stored entry breaks the chain from that point on, and
``verify`` names the first entry where it breaks. Nothing here updates or deletes entries.
"""

from __future__ import annotations

import hashlib
import json
import queue
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.engine import Connection

from watchline.store import access as repo
from watchline.store.db import Store, Writer
from watchline.store.registry import now

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
                problem = _problem(row, expected_prev, expected_seq)
                if problem is not None:
                    return Verification(checked, row.seq, problem)
                expected_prev, expected_seq, checked = row.entry_hash, row.seq + 1, checked + 1
        return Verification(checked)


def _problem(row: repo.AuditRow, expected_prev: str, expected_seq: int) -> str | None:
    if row.seq != expected_seq:
        return f"entry {expected_seq} is missing (next found is {row.seq})"
    if row.prev_hash != expected_prev:
        return "prev_hash does not match the previous entry's hash (entry removed or inserted)"
    if row_hash(row) != row.entry_hash:
        return "entry content does not match its hash (entry edited)"
    return None


@dataclass(slots=True)
class _Pending:
    entry: Entry
    also: Callable[[Connection], None] | None
    done: Future[int]


class GroupCommit:
    """Group commit for busy writers: entries that arrive while one transaction commits
    go together into the next, so a thousand screenings a second cost a few dozen
    transactions. ``submit`` returns only once its entry is committed (or raises)."""

    def __init__(self, log: AuditLog, batch: int = 256) -> None:
        self.log = log
        self.batch = batch
        self._queue: queue.SimpleQueue[_Pending | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self._staged: list[_Pending] = []
        self._thread_writer = log.store.writer()  # used by the writer thread only
        self._staged_writer = log.store.writer()  # used by the thread that stages only

    def stage(self, entry: Entry, also: Callable[[Connection], None] | None = None) -> Future[int]:
        """Hold ``entry`` for the next ``flush`` of the calling thread (no writer thread).

        For a thread that already runs the work serially (``SerialLane``): it commits in
        its idle moments, which saves a hand-over to the writer thread on every call.
        Only that one thread may stage and flush.
        """
        pending = _Pending(entry, also, Future())
        self._staged.append(pending)
        return pending.done

    @property
    def staged(self) -> int:
        return len(self._staged)

    def flush(self) -> None:
        """Commit what was staged in one transaction and settle its futures."""
        items, self._staged = self._staged, []
        if items:
            self._commit(items, self._staged_writer)

    def submit(self, entry: Entry, also: Callable[[Connection], None] | None = None) -> int:
        """Append ``entry`` (and run ``also`` in the same transaction); wait for the commit."""
        return self.enqueue(entry, also).result(timeout=60)

    def enqueue(
        self, entry: Entry, also: Callable[[Connection], None] | None = None
    ) -> Future[int]:
        """Like ``submit`` without waiting: the future settles once the entry is committed
        (with its ``seq``) or its transaction failed, so an async caller need not hold a
        thread while it waits."""
        pending = _Pending(entry, also, Future())
        self._ensure_running()
        self._queue.put(pending)
        return pending.done

    def _ensure_running(self) -> None:
        with self._start_lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="audit-commit", daemon=True)
                self._thread.start()

    def close(self) -> None:
        """Stop the writer thread once what is queued has been committed; release the
        connections (call it after the staging thread stopped, too)."""
        with self._start_lock:
            if self._thread is not None and self._thread.is_alive():
                self._queue.put(None)
                self._thread.join(timeout=60)
            self._thread = None
            self._thread_writer.close()
            self._staged_writer.close()

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            items = [first]
            while len(items) < self.batch:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    self._queue.put(None)  # stop after committing this batch
                    break
                items.append(item)
            self._commit(items, self._thread_writer)

    def _commit(self, items: list[_Pending], writer: Writer) -> None:
        try:
            with repo.appender_turn(self.log.store.engine), writer.transaction() as conn:
                for item in items:
                    if item.also is not None:
                        item.also(conn)
                last = self.log.write_many(conn, [i.entry for i in items])
        except Exception as error:  # every waiter must hear of the failure, whatever it is
            for item in items:
                item.done.set_exception(error)
            return
        for offset, item in enumerate(items):
            item.done.set_result(last - len(items) + 1 + offset)


class SerialLane:
    """One thread that runs jobs in arrival order and, whenever it runs out of work (or has
    staged ``batch`` entries), commits the audit entries the jobs staged on ``commits``.

    Screening holds the interpreter lock anyway, so a separate writer thread bought no
    parallelism, only a thread hand-over (and a lock hand-over) on every call.
    """

    def __init__(self, commits: GroupCommit, name: str, batch: int = 32) -> None:
        self.commits = commits
        self.batch = batch
        self._jobs: queue.SimpleQueue[tuple[Callable[[], Any], Future[Any]] | None]
        self._jobs = queue.SimpleQueue()
        self._closing = threading.Lock()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def submit(self, job: Callable[[], Any]) -> Future[Any]:
        """Run ``job`` on the lane; the future settles with its result (staged audit
        entries settle their own futures at the next flush). Refused once closed, so that
        no caller waits for a job that will never run."""
        done: Future[Any] = Future()
        with self._closing:
            if self._closed:
                raise RuntimeError(f"{self._thread.name} lane is closed")
            self._jobs.put((job, done))
        return done

    def close(self) -> None:
        """Finish the queued jobs, commit what they staged, stop the thread."""
        with self._closing:
            if self._closed:
                return
            self._closed = True
            self._jobs.put(None)
        self._thread.join(timeout=120)

    def _run(self) -> None:
        while (item := self._jobs.get()) is not None:
            job, done = item
            if done.set_running_or_notify_cancel():
                try:
                    done.set_result(job())
                except BaseException as error:  # the waiter must hear of any failure
                    done.set_exception(error)
            if self._jobs.empty() or self.commits.staged >= self.batch:
                self.commits.flush()
        self.commits.flush()
