"""Staged group commits and the serial lane that flushes them (the ``/match`` hot path)."""

from __future__ import annotations

import threading
from concurrent.futures import Future

import pytest
import sqlalchemy as sa

from watchline.services.audit import AuditLog, Entry, GroupCommit, SerialLane
from watchline.store import Store
from watchline.store.tables import audit_log


def entry(i: int) -> Entry:
    return Entry("A", None, "match", "default", {"i": i, "names": ["Ann Ö"]})


def test_staged_entries_wait_for_flush_then_chain(store: Store) -> None:
    commits = GroupCommit(AuditLog(store))
    futures = [commits.stage(entry(i)) for i in range(3)]
    assert commits.staged == 3 and not any(f.done() for f in futures)
    assert AuditLog(store).verify().checked == 0
    commits.flush()
    assert [f.result(timeout=5) for f in futures] == [1, 2, 3] and commits.staged == 0
    commits.close()
    assert AuditLog(store).verify().ok and AuditLog(store).verify().checked == 3


def test_a_failed_flush_fails_every_staged_entry_and_commits_none(store: Store) -> None:
    def fail(_conn: object) -> None:
        raise RuntimeError("disk full")

    commits = GroupCommit(AuditLog(store))
    futures = [commits.stage(entry(0)), commits.stage(entry(1), fail)]
    commits.flush()
    assert all(isinstance(f.exception(timeout=5), RuntimeError) for f in futures)
    assert commits.stage(entry(2)) and commits.flush() is None  # a fresh connection works
    commits.close()
    assert AuditLog(store).verify().checked == 1


def test_lane_runs_jobs_in_order_on_one_thread_and_commits_when_idle(store: Store) -> None:
    commits = GroupCommit(AuditLog(store))
    lane = SerialLane(commits, "test-lane")
    seen: list[tuple[int, str]] = []
    audited: list[Future[int]] = []

    def job(i: int) -> int:
        seen.append((i, threading.current_thread().name))
        audited.append(commits.stage(entry(i)))
        return i * 10

    results = [lane.submit(lambda i=i: job(i)) for i in range(20)]  # type: ignore[misc]
    assert [r.result(timeout=10) for r in results] == [i * 10 for i in range(20)]
    assert [i for i, _ in seen] == list(range(20))
    assert {name for _, name in seen} == {"test-lane"}
    assert sorted(a.result(timeout=10) for a in audited) == list(range(1, 21))
    lane.close()
    commits.close()
    assert AuditLog(store).verify().ok


def test_lane_hands_job_failures_to_their_futures_and_keeps_going(store: Store) -> None:
    lane = SerialLane(GroupCommit(AuditLog(store)), "test-lane")

    def boom() -> None:
        raise ValueError("bad job")

    failed = lane.submit(boom)
    assert isinstance(failed.exception(timeout=5), ValueError)
    assert lane.submit(lambda: 7).result(timeout=5) == 7
    lane.close()


def test_lane_flushes_full_batches_while_busy(store: Store) -> None:
    commits = GroupCommit(AuditLog(store))
    lane = SerialLane(commits, "test-lane", batch=2)
    gate = threading.Event()
    lane.submit(gate.wait)  # keep the queue non-empty while the others arrive
    audited = [lane.submit(lambda i=i: commits.stage(entry(i))) for i in range(4)]  # type: ignore[misc]
    gate.set()
    assert sorted(a.result(timeout=10).result(timeout=10) for a in audited) == [1, 2, 3, 4]
    lane.close()
    commits.close()


def test_close_commits_what_was_staged(store: Store) -> None:
    commits = GroupCommit(AuditLog(store))
    lane = SerialLane(commits, "test-lane")
    gate = threading.Event()
    lane.submit(gate.wait)
    staged = lane.submit(lambda: commits.stage(entry(1)))
    gate.set()
    lane.close()
    assert staged.result(timeout=5).result(timeout=5) == 1
    commits.close()
    assert AuditLog(store).verify().checked == 1


def test_writer_is_atomic_and_recovers_after_a_failure(store: Store) -> None:
    writer = store.writer()
    with pytest.raises(RuntimeError), writer.transaction() as conn:
        AuditLog(store).write(conn, "A", None, "x", None, {})
        raise RuntimeError("abort")
    with writer.transaction() as conn:
        AuditLog(store).write(conn, "A", None, "y", None, {})
    writer.close()
    with store.reader() as conn:
        actions = list(conn.execute(sa.select(audit_log.c.action)).scalars())
    assert actions == ["y"]


def test_a_closed_lane_refuses_new_jobs(store: Store) -> None:
    lane = SerialLane(GroupCommit(AuditLog(store)), "test-lane")
    lane.close()
    lane.close()  # twice is harmless
    with pytest.raises(RuntimeError, match="closed"):
        lane.submit(lambda: 1)
