"""Helpers for hand-built transaction graphs whose answer is known."""

from __future__ import annotations

import numpy as np

from watchline.flows import DetectorParams, Transactions, build_index, build_transactions
from watchline.flows.temporal import GraphIndex

HOUR = 3600
DAY = 86400


def graph(
    edges: list[tuple[int, int, int, float]],
    fmt: list[str] | None = None,
    n_accounts: int | None = None,
) -> Transactions:
    """Transactions from (src, dst, seconds, amount); pads accounts up to ``n_accounts``."""
    src = [e[0] for e in edges]
    dst = [e[1] for e in edges]
    if n_accounts is not None and max(src + dst) < n_accounts - 1:
        src.append(n_accounts - 1)
        dst.append(n_accounts - 1)
        edges = [*edges, (n_accounts - 1, n_accounts - 1, 0, 1.0)]
        fmt = None if fmt is None else [*fmt, "Wire"]
    return build_transactions(src, dst, [e[2] for e in edges], [e[3] for e in edges], fmt=fmt)


def index(tx: Transactions, hub_degree: int = 60) -> GraphIndex:
    return build_index(tx, hub_degree)


def accounts_of(found: np.ndarray) -> set[int]:
    return {int(a) for a in found}


PARAMS = DetectorParams()
