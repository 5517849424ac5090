"""The audit chain: appends link up, any edited or removed row is found and named."""

from __future__ import annotations

import itertools
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from watchline.services.audit import GENESIS, AuditLog, Entry, GroupCommit, canonical, chain_hash
from watchline.store import Store
from watchline.store.registry import now
from watchline.store.tables import audit_log


def fill(log: AuditLog, n: int = 5) -> None:
    for i in range(n):
        log.append("AGENCY", i, "match", "default", {"queries": i, "names": ["Ann Ö"]})


def test_entries_chain_from_genesis(store: Store) -> None:
    log = AuditLog(store)
    fill(log)
    entries = log.entries(limit=10, newest_first=False)
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5]
    assert entries[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.entry_hash for a, b in itertools.pairwise(entries))
    assert log.verify().ok and log.verify().checked == 5


@pytest.mark.parametrize(
    "change",
    [{"agency": "OTHER"}, {"summary": {"queries": 99}}, {"action": "read"}, {"target": None}],
)
def test_an_edited_row_is_named(store: Store, change: dict[str, object]) -> None:
    log = AuditLog(store)
    fill(log)
    with store.transaction() as conn:
        conn.execute(audit_log.update().where(audit_log.c.seq == 3).values(**change))
    result = log.verify()
    assert (result.ok, result.broken_at, result.checked) == (False, 3, 2)
    assert "edited" in (result.problem or "")


def test_a_removed_row_is_named(store: Store) -> None:
    log = AuditLog(store)
    fill(log)
    with store.transaction() as conn:
        conn.execute(audit_log.delete().where(audit_log.c.seq == 2))
    result = log.verify()
    assert (result.ok, result.broken_at) == (False, 3)
    assert "missing" in (result.problem or "")


def test_a_rehashed_forgery_still_breaks_at_the_next_row(store: Store) -> None:
    """Someone who edits a row and recomputes its hash breaks the link to the next one."""
    log = AuditLog(store)
    fill(log)
    row = log.entries(limit=1, after=1, newest_first=False)[0]
    forged = chain_hash(
        row.prev_hash,
        canonical(row.seq, row.at, "FORGER", row.key_id, row.action, row.target, row.summary),
    )
    with store.transaction() as conn:
        conn.execute(
            audit_log.update()
            .where(audit_log.c.seq == 2)
            .values(agency="FORGER", entry_hash=forged)
        )
    assert log.verify().broken_at == 3


def test_concurrent_appenders_never_fork_the_chain(store: Store) -> None:
    log = AuditLog(store)

    def work(worker: int) -> None:
        for i in range(15):
            log.append(f"A{worker}", None, "match", None, {"i": i})

    threads = [threading.Thread(target=work, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result = log.verify()
    assert result.ok and result.checked == 60


@settings(max_examples=50, deadline=None)
@given(
    summary=st.dictionaries(
        st.text(max_size=8),
        st.one_of(
            st.text(max_size=20), st.integers(-(10**9), 10**9), st.lists(st.text(max_size=5))
        ),
    )
)
def test_canonical_form_ignores_key_order(summary: dict[str, object]) -> None:
    at = now()
    reordered = dict(reversed(list(summary.items())))
    assert canonical(1, at, "A", None, "x", None, summary) == canonical(
        1, at, "A", None, "x", None, reordered
    )


def test_audit_table_has_no_update_path_in_the_service() -> None:
    """The service exposes append, read and verify only."""
    public = {name for name in vars(AuditLog) if not name.startswith("_")}
    assert public == {"append", "write", "write_many", "entries", "verify"}


def test_group_commit_chains_concurrent_submissions(store: Store) -> None:
    log = AuditLog(store)
    commits = GroupCommit(log)
    seqs: list[int] = []

    def work(worker: int) -> None:
        for i in range(20):
            seqs.append(commits.submit(Entry(f"A{worker}", None, "match", None, {"i": i})))

    threads = [threading.Thread(target=work, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(seqs) == list(range(1, 81))
    assert log.verify().ok and log.verify().checked == 80


def test_group_commit_reports_failures_to_every_waiter(store: Store) -> None:
    def fail(_conn: object) -> None:
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        GroupCommit(AuditLog(store)).submit(Entry("A", None, "x", None, {}), fail)
    assert AuditLog(store).verify().checked == 0


def test_group_commit_close_stops_its_thread(store: Store) -> None:
    commits = GroupCommit(AuditLog(store))
    commits.submit(Entry("A", None, "x", None, {}))
    writer = commits._thread
    assert writer is not None and writer.is_alive()
    commits.close()
    assert not writer.is_alive()
    assert commits.submit(Entry("A", None, "y", None, {})) == 2  # restarts on demand
    commits.close()


def test_group_commit_enqueue_settles_a_future_without_blocking(store: Store) -> None:
    commits = GroupCommit(AuditLog(store))
    futures = [commits.enqueue(Entry("A", None, "match", None, {"i": i})) for i in range(5)]
    assert sorted(f.result(timeout=30) for f in futures) == [1, 2, 3, 4, 5]
    commits.close()
    assert AuditLog(store).verify().checked == 5


def test_group_commit_enqueue_hands_failures_to_the_future(store: Store) -> None:
    def fail(_conn: object) -> None:
        raise RuntimeError("disk full")

    commits = GroupCommit(AuditLog(store))
    future = commits.enqueue(Entry("A", None, "x", None, {}), fail)
    assert isinstance(future.exception(timeout=30), RuntimeError)
    commits.close()
    assert AuditLog(store).verify().checked == 0
