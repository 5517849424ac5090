"""Per-thread scratch buffers over all name rows of an index.

The shortlist sums weights into buffers as long as the index has name rows, and marks rows
seen with stamps; allocating them per query would cost more than the work they hold. Each
thread gets its own, since the API screens from several threads at once, and they grow
with the index (a quarter more than needed, so that additions do not reallocate them).
"""

from __future__ import annotations

import threading

import numpy as np

MIN_SIZE = 1024


class ThreadScratch:
    """Zeroed float buffers and int32 stamps, one set per thread."""

    def __init__(self) -> None:
        self._local = threading.local()

    def buffers(self, rows: int) -> tuple[np.ndarray, np.ndarray]:
        """Two zeroed float32 buffers of at least ``rows`` (callers leave them zeroed)."""
        buffers: tuple[np.ndarray, np.ndarray] | None = getattr(self._local, "buffers", None)
        if buffers is None or len(buffers[0]) < rows:
            size = max(rows * 5 // 4, MIN_SIZE)
            buffers = (np.zeros(size, np.float32), np.zeros(size, np.float32))
            self._local.buffers = buffers
        return buffers

    def stamps(self, rows: int) -> np.ndarray:
        """An int32 buffer of at least ``rows`` (contents meaningless)."""
        stamps: np.ndarray | None = getattr(self._local, "stamps", None)
        if stamps is None or len(stamps) < rows:
            stamps = np.zeros(max(rows * 5 // 4, MIN_SIZE), np.int32)
            self._local.stamps = stamps
        return stamps
