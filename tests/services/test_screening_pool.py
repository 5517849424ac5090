"""Forked screening workers give the hits one process gives, and fail loudly, never quietly."""

from __future__ import annotations

import os
import signal

import pytest

from tests.conftest import shared
from watchline.errors import InputError, WorkerError
from watchline.matching import Query, Screener
from watchline.model import MATCHABLE_SCHEMATA
from watchline.services.screening_pool import ScreeningPool, can_fork
from watchline.sources.un_xml import UnXmlSource

pytestmark = pytest.mark.skipif(not can_fork(), reason="worker processes need os.fork")


@pytest.fixture(scope="module")
def un_screener() -> Screener:
    records = UnXmlSource(shared("un", "consolidated.xml")).records()
    return Screener(r.entity for r in records if r.entity.schema in MATCHABLE_SCHEMATA)


def queries(screener: Screener) -> list[Query]:
    """Listed names, their reversals and typos, people not listed, and facts: 600 queries,
    so that the batch spans several chunks and both workers get more than one."""
    names = [n for n in screener.index.name_text[:200]]
    out = [Query(n) for n in names]
    out += [Query(" ".join(reversed(n.split())), birth_date="1970") for n in names]
    out += [Query(n[:-1] + "x", nationality="iq") for n in names[:150]]
    out += [Query(["Jane Ordinary Nobody", "J. Nobody"]) for _ in range(50)]
    return out


def test_pooled_hits_are_the_in_process_hits_in_order(un_screener: Screener) -> None:
    batch = queries(un_screener)
    alone = un_screener.screen_many(batch, limit=5, threshold=0.5)
    seen: list[int] = []
    with ScreeningPool(un_screener, workers=2, limit=5, threshold=0.5) as pool:
        pooled = pool.screen_many(batch, seen.append)
    assert sum(seen) == len(batch) and len(seen) > 2
    assert [[(h.entity_id, h.score, h.matched_name) for h in hits] for hits in pooled] == [
        [(h.entity_id, h.score, h.matched_name) for h in hits] for hits in alone
    ]
    assert [[h.summary for h in hits] for hits in pooled] == [
        [h.explanation.summary() for h in hits] for hits in alone
    ]
    assert sum(map(len, pooled)) > 300  # the listed names did hit


def test_a_pool_answers_batch_after_batch_and_without_explanations(
    un_screener: Screener,
) -> None:
    batch = queries(un_screener)[:300]
    with ScreeningPool(un_screener, workers=2, explain=False) as pool:
        first = pool.screen_many(batch)
        second = pool.screen_many(batch)
        assert pool.screen_many([]) == []
    assert first == second
    assert all(h.summary == "" for hits in first for h in hits)


def test_workers_are_reaped_when_the_pool_closes(un_screener: Screener) -> None:
    pool = ScreeningPool(un_screener, workers=2)
    pids = [w.pid for w in pool._workers]
    pool.close()
    for pid in pids:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # already waited for: no zombie left


def test_a_bad_query_in_a_worker_is_the_same_input_error(un_screener: Screener) -> None:
    """Raised once every chunk under way is answered: the next batch gets its own hits."""
    batch = queries(un_screener)
    with ScreeningPool(un_screener, workers=2) as pool:
        with pytest.raises(InputError, match="non-blank name"):
            pool.screen_many([*batch[:300], Query("   "), *batch[300:]])
        again = pool.screen_many(batch[:10])
    assert [[h.entity_id for h in hits] for hits in again] == [
        [h.entity_id for h in hits] for hits in un_screener.screen_many(batch[:10])
    ]


def test_a_killed_worker_stops_the_batch(un_screener: Screener) -> None:
    pool = ScreeningPool(un_screener, workers=2)
    os.kill(pool._workers[1].pid, signal.SIGKILL)
    with pytest.raises(WorkerError, match="stopped before answering"):
        pool.screen_many(queries(un_screener))
    assert pool._workers == []  # closed, the other worker reaped
    with pytest.raises(WorkerError, match="closed"):
        pool.screen_many(queries(un_screener))


def test_no_workers_is_refused(un_screener: Screener) -> None:
    with pytest.raises(InputError, match="at least one worker"):
        ScreeningPool(un_screener, workers=0)


def test_the_parent_collector_is_left_as_it_was(un_screener: Screener) -> None:
    import gc

    assert gc.get_freeze_count() == 0
    with ScreeningPool(un_screener, workers=1):
        assert gc.get_freeze_count() == 0
