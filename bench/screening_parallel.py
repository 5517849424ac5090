"""Screen a batch on several cores by forking the process that holds the index.

The index is shared copy-on-write (nothing is re-read or re-sent); each child screens its
slice of the queries and sends its hits back as JSON lines over a pipe (no pickle).
Linux/macOS only (``os.fork``). Used by ``screening_speed.py --workers``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import Any

from watchline.matching import Query, Screener


def _child(screener: Screener, queries: Sequence[Query], write_fd: int) -> None:
    with os.fdopen(write_fd, "w", encoding="utf-8") as out:
        for hits in screener.screen_many(queries):
            rows = [[h.entity_id, h.score, h.explanation.to_dict()] for h in hits]
            out.write(json.dumps(rows) + "\n")


def screen_parallel(screener: Screener, queries: Sequence[Query], workers: int) -> list[list[Any]]:
    """Hits per query as ``[entity_id, score, explanation dict]`` lists, in query order."""
    size = -(-len(queries) // workers)
    children: list[tuple[int, int]] = []
    for w in range(workers):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # child
            os.close(read_fd)
            try:
                _child(screener, queries[w * size : (w + 1) * size], write_fd)
            finally:
                os._exit(0)
        os.close(write_fd)
        children.append((pid, read_fd))
    results: list[list[Any]] = []
    for pid, read_fd in children:
        with os.fdopen(read_fd, encoding="utf-8") as handle:
            results += [json.loads(line) for line in handle]
        os.waitpid(pid, 0)
    return results
