"""Screen a batch on several cores: worker processes forked from the one holding the index.

Screening is Python glue around compiled calls, so one process uses one core. Building or
loading the index takes a minute at a million entities and holds it in memory, so the
workers are forked from the process that already has it: they share its pages
copy-on-write and start at once. Nothing travels but queries in and hits out, as JSON lines
over pipes (no pickle between processes).

A pool is made once and kept. A forked worker pays for its first touch of each page of the
parent's Python objects (reference counts written to a shared page copy it); a worker that
has screened a few thousand queries has paid it, so a long batch or a service keeps its
workers rather than forking per batch.

Before forking, the parent screens one query (so the compiled kernels exist in the pages
the workers share) and freezes its objects out of the garbage collector, so collections
in the workers do not walk, and copy, the index's millions of objects (Python's own advice
for processes that fork without exec); it unfreezes them once the workers are forked,
unless they were frozen before. Linux and macOS only: ``os.fork``.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import selectors
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from watchline.errors import InputError, WorkerError
from watchline.matching import Query, Screener
from watchline.matching.screener import BATCH


@dataclass(frozen=True, slots=True)
class PooledHit:
    """A hit as a worker sends it back: no explanation object, its summary in words."""

    entity_id: str
    score: float
    matched_name: str
    summary: str


@dataclass(slots=True)
class _Worker:
    pid: int
    queries: TextIO  # parent writes chunks of queries here
    hits: TextIO  # and reads the worker's hits from here
    chunk: int = -1  # the chunk it is screening, -1 when idle


def can_fork() -> bool:
    """Whether this platform can fork workers (not Windows)."""
    return hasattr(os, "fork")


class ScreeningPool:
    """``workers`` forked processes screening chunks of a batch, results in query order.

    ``explain``: send each hit's explanation summary (the batch CSV's ``explanation``
    column); without it only ids, scores and matched names come back, which is what a
    caller that only needs to know who hit pays for.
    """

    def __init__(
        self,
        screener: Screener,
        workers: int,
        limit: int = 10,
        threshold: float | None = None,
        explain: bool = True,
    ) -> None:
        if workers < 1:
            raise InputError("at least one worker is needed", "--workers")
        if not can_fork():
            raise InputError("worker processes need os.fork (Linux, macOS)", "--workers")
        screener.screen(Query("warm up"))  # compile the kernels once, before forking
        self._workers: list[_Worker] = []
        frozen_before = gc.get_freeze_count()
        gc.collect()
        gc.freeze()
        try:
            for _ in range(workers):
                self._workers.append(self._fork(screener, limit, threshold, explain))
        except BaseException:
            self.close()
            raise
        finally:
            if not frozen_before:  # the workers keep theirs frozen; this process as it was
                gc.unfreeze()

    @property
    def pids(self) -> list[int]:
        """The workers' process ids (to watch their CPU time or memory)."""
        return [w.pid for w in self._workers]

    def __enter__(self) -> ScreeningPool:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def screen_many(
        self, queries: Sequence[Query], progress: Callable[[int], None] | None = None
    ) -> list[list[PooledHit]]:
        """Hits of each query, in order; ``progress(n)`` after each chunk of n queries.

        A bad query (``InputError``) fails the batch once every worker has answered, and
        the pool stays usable; a worker that dies fails the batch and closes the pool."""
        if not self._workers:
            raise WorkerError("the screening pool is closed")
        chunks = [queries[start : start + BATCH] for start in range(0, len(queries), BATCH)]
        try:
            return self._run(chunks, progress)
        except WorkerError:
            self.close()
            raise

    def _run(
        self, chunks: list[Sequence[Query]], progress: Callable[[int], None] | None
    ) -> list[list[PooledHit]]:
        results: list[list[list[PooledHit]]] = [[] for _ in chunks]
        waiting = iter(range(len(chunks)))
        refused: InputError | None = None
        with selectors.DefaultSelector() as selector:
            for idle in self._workers:
                selector.register(idle.hits, selectors.EVENT_READ, idle)
                self._send(idle, next(waiting, -1), chunks)
            while any(w.chunk >= 0 for w in self._workers):
                for key, _ in selector.select():
                    worker: _Worker = key.data
                    try:
                        results[worker.chunk] = self._receive(worker)
                    except InputError as error:
                        refused, waiting = refused or error, iter(())  # let the others finish
                    if progress:
                        progress(len(chunks[worker.chunk]))
                    self._send(worker, next(waiting, -1), chunks)
        if refused is not None:
            raise refused
        return [hits for chunk in results for hits in chunk]

    def close(self) -> None:
        """End the workers: their input closes, they exit, and are waited for."""
        for worker in self._workers:
            for stream in (worker.queries, worker.hits):
                with contextlib.suppress(OSError):  # a dead worker's pipe: nothing to flush
                    stream.close()
        for worker in self._workers:
            with contextlib.suppress(ChildProcessError):  # reaped already (a caller's wait)
                os.waitpid(worker.pid, 0)
        self._workers = []

    def _fork(
        self, screener: Screener, limit: int, threshold: float | None, explain: bool
    ) -> _Worker:
        child_reads, parent_writes = os.pipe()
        parent_reads, child_writes = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker: never returns
            os.close(parent_writes)
            os.close(parent_reads)
            for other in self._workers:  # else an earlier worker never sees its input end
                os.close(other.queries.fileno())
                os.close(other.hits.fileno())
            _serve(screener, child_reads, child_writes, limit, threshold, explain)
        os.close(child_reads)
        os.close(child_writes)
        return _Worker(
            pid,
            os.fdopen(parent_writes, "w", encoding="utf-8"),
            os.fdopen(parent_reads, encoding="utf-8"),
        )

    @staticmethod
    def _send(worker: _Worker, number: int, chunks: list[Sequence[Query]]) -> None:
        """Give ``worker`` chunk ``number`` (-1: nothing left, it goes idle)."""
        worker.chunk = number
        if number < 0:
            return
        rows = [_query_row(q) for q in chunks[number]]
        try:
            worker.queries.write(json.dumps(rows) + "\n")
            worker.queries.flush()
        except OSError as error:
            raise _died(worker) from error

    @staticmethod
    def _receive(worker: _Worker) -> list[list[PooledHit]]:
        line = worker.hits.readline()
        if not line:
            raise _died(worker)
        answer = json.loads(line)
        if "error" in answer:
            error = answer["error"]
            if error["kind"] == "InputError":
                raise InputError(error["reason"], error["where"])
            raise WorkerError(f"worker {worker.pid} failed: {error['reason']}")
        return [[PooledHit(*hit) for hit in hits] for hits in answer["hits"]]


def _died(worker: _Worker) -> WorkerError:
    return WorkerError(f"worker {worker.pid} stopped before answering (killed, or out of memory?)")


def _query_row(query: Query) -> list[Any]:
    name = query.name if isinstance(query.name, str) else list(query.name)
    return [name, query.schema, query.birth_date, query.nationality, query.gender, query.id_number]


def _as_query(row: list[Any]) -> Query:
    name = row[0] if isinstance(row[0], str) else tuple(row[0])
    return Query(name, *row[1:])


def _serve(
    screener: Screener,
    read_fd: int,
    write_fd: int,
    limit: int,
    threshold: float | None,
    explain: bool,
) -> None:
    """A worker's life: screen each chunk that arrives, answer, exit when input ends."""
    status = 0
    try:
        with os.fdopen(read_fd, encoding="utf-8") as chunks, os.fdopen(write_fd, "w") as out:
            for line in chunks:
                out.write(json.dumps(_answer(screener, line, limit, threshold, explain)) + "\n")
                out.flush()
    except BaseException:  # the parent sees the pipe close and reports the worker stopped
        status = 1
    finally:
        os._exit(status)  # never run the parent's cleanup (atexit, open stores) in a worker


def _answer(
    screener: Screener, line: str, limit: int, threshold: float | None, explain: bool
) -> dict[str, Any]:
    try:
        queries = [_as_query(row) for row in json.loads(line)]
        found = screener.screen_many(queries, limit, threshold)
    except InputError as error:
        return {"error": {"kind": "InputError", "reason": error.reason, "where": error.where}}
    except Exception as error:  # reported to the parent, which stops the batch
        return {"error": {"kind": type(error).__name__, "reason": str(error)}}
    return {
        "hits": [
            [
                [h.entity_id, h.score, h.matched_name, h.explanation.summary() if explain else ""]
                for h in hits
            ]
            for hits in found
        ]
    }
