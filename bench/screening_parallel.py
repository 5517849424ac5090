"""Screen a batch on several cores by forking the process that holds the index.

The index is shared copy-on-write (nothing is re-read or re-sent); each child screens its
slice of the queries and sends its hits back as JSON lines over a pipe (no pickle): with
their explanations, or (``explain=False``) only ids and scores, which tells the cost of
screening from that of writing explanations out. Linux/macOS only (``os.fork``). Used by
``screening_speed.py --workers``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TextIO

from watchline.matching import Hit, Query, Screener

STREAM = 256  # queries screened and written out at a time by each worker


def _child(screener: Screener, queries: Sequence[Query], write_fd: int, explain: bool) -> None:
    """Screen ``queries`` a chunk at a time, writing each chunk's hits before the next, as
    a service answering batches would: results that are kept to the end make the garbage
    collector walk them again and again (~15% of the time of 10,000 queries at 200,000
    entities), a cost of this harness, not of screening."""
    with os.fdopen(write_fd, "w", encoding="utf-8") as out:
        for start in range(0, len(queries), STREAM):
            _write(out, screener.screen_many(queries[start : start + STREAM]), explain)


def _write(out: TextIO, found: list[list[Hit]], explain: bool) -> None:
    """One JSON line per query: its hits' ids and scores, and explanations if asked."""
    for hits in found:
        rows: list[list[Any]] = [[h.entity_id, h.score] for h in hits]
        if explain:
            rows = [[*row, h.explanation.to_dict()] for row, h in zip(rows, hits, strict=True)]
        out.write(json.dumps(rows) + "\n")


def screen_parallel(
    screener: Screener, queries: Sequence[Query], workers: int, explain: bool = True
) -> list[list[Any]]:
    """Hits per query as ``[entity_id, score, explanation dict]`` lists (without the dict
    if not ``explain``), in query order."""
    size = -(-len(queries) // workers)
    children: list[tuple[int, int]] = []
    for w in range(workers):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # child
            os.close(read_fd)
            try:
                _child(screener, queries[w * size : (w + 1) * size], write_fd, explain)
            finally:
                os._exit(0)
        os.close(write_fd)
        children.append((pid, read_fd))
    # every pipe is drained at once: a worker blocks when its pipe is full, and one read
    # only after the others finish would screen alone
    with ThreadPoolExecutor(max_workers=workers) as pool:
        parts = list(pool.map(_read, children))
    return [row for part in parts for row in part]


def _read(child: tuple[int, int]) -> list[list[Any]]:
    """All lines a worker writes, as parsed JSON, once it has exited."""
    pid, read_fd = child
    with os.fdopen(read_fd, encoding="utf-8") as handle:
        lines = handle.readlines()
    os.waitpid(pid, 0)
    return [json.loads(line) for line in lines]
