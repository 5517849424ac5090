"""Batching audit commits: many entries per transaction, for the busy screening path.

``GroupCommit`` gathers the entries of concurrent calls into one transaction (from a writer
thread, or staged by the thread that already runs the work); ``SerialLane`` is that thread.
The chain rules live in ``audit_chain`` and the single-entry writes in ``audit``: this module
only decides *when* entries are written, never what they are.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Connection

from watchline.services.audit_chain import Entry
from watchline.store import access as repo
from watchline.store.db import Writer

if TYPE_CHECKING:
    from watchline.services.audit import AuditLog


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
