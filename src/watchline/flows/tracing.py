"""Time-respecting money trails to and from listed accounts.

A path is a chain of payments where each hop leaves the account the previous one arrived at,
no earlier than that previous payment, and the whole chain fits in a window. The amount that
can have flowed along a path is its bottleneck: the smallest payment on it (money cannot grow
by passing through an account, and we do not assume it was pooled with other money).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from watchline.flows.frame import F64, I64, Bools, Transactions
from watchline.flows.temporal import GraphIndex, step_backward, step_forward


@dataclass(frozen=True, slots=True)
class Paths:
    """Paths as a matrix of transaction indices in time order, ``-1`` past a path's end."""

    tx: I64
    amount: F64
    truncated: bool = False

    def __len__(self) -> int:
        return len(self.amount)

    def hops(self) -> I64:
        return np.asarray((self.tx >= 0).sum(axis=1), dtype=np.int64)


@dataclass(frozen=True, slots=True)
class TraceLimits:
    """How far a trace may go.

    ``window_s``: the whole path must fit in this many seconds (default 7 days).
    ``max_hops``: payments per path (default 4).
    ``max_branch``: continuations taken from one path end (default 50): the earliest ones
    forward, the latest ones backward, which are the payments most plausibly funded by (or
    funding) the money being followed.
    ``max_paths``: stop growing once this many paths exist (default 2,000,000).
    """

    window_s: int = 7 * 86400
    max_hops: int = 4
    max_branch: int = 50
    max_paths: int = 2_000_000


def _new_level(prev: I64, item: I64, hop_tx: I64, forward: bool) -> I64:
    rows = prev[item]
    col = hop_tx[:, None]
    return np.hstack([rows, col]) if forward else np.hstack([col, rows])


def _simple(tx: Transactions, level: I64, new_node: I64) -> Bools:
    """Keep paths that do not revisit an account (cycles are the cycle detector's job)."""
    cols = level[:, :-1] if level.shape[1] > 1 else level[:, :0]
    seen = np.where(cols >= 0, tx.src[np.maximum(cols, 0)], -1)
    return np.asarray(~(seen == new_node[:, None]).any(axis=1), dtype=np.bool_)


def forward_paths(
    tx: Transactions, idx: GraphIndex, start: I64, limits: TraceLimits, blocked: Bools
) -> Paths:
    """Every time-respecting path that begins with one of the ``start`` payments."""
    level = start.reshape(-1, 1)
    amount = tx.paid[start]
    deadline = tx.ts[start] + limits.window_s
    out: list[tuple[I64, F64]] = [(level, amount)]
    total, truncated = len(start), False
    for _ in range(limits.max_hops - 1):
        last = level[:, -1]
        node = tx.dst[last]
        live = np.flatnonzero(~blocked[node])
        hop = step_forward(idx, node[live], tx.ts[last][live], deadline[live], limits.max_branch)
        item = live[hop.item]
        level = _new_level(level, item, hop.tx, forward=True)
        keep = _simple(tx, level, tx.dst[hop.tx].astype(np.int64))
        level, amount = level[keep], np.minimum(amount[item], tx.paid[hop.tx])[keep]
        deadline = deadline[item][keep]
        total += len(level)
        if not len(level):
            break
        out.append((level, amount))
        if total > limits.max_paths:
            truncated = True
            break
    return _stack(out, limits.max_hops, truncated, forward=True)


def backward_paths(
    tx: Transactions, idx: GraphIndex, end: I64, limits: TraceLimits, blocked: Bools
) -> Paths:
    """Every time-respecting path that ends with one of the ``end`` payments."""
    level = end.reshape(-1, 1)
    amount = tx.paid[end]
    earliest = tx.ts[end] - limits.window_s
    out: list[tuple[I64, F64]] = [(level, amount)]
    total, truncated = len(end), False
    for _ in range(limits.max_hops - 1):
        first = level[:, 0]
        node = tx.src[first]
        live = np.flatnonzero(~blocked[node])
        hop = step_backward(idx, node[live], earliest[live], tx.ts[first][live], limits.max_branch)
        item = live[hop.item]
        level = _new_level(level, item, hop.tx, forward=False)
        revisit = (tx.src[level[:, 1:]] == tx.src[hop.tx][:, None]).any(axis=1)
        keep = ~revisit & (tx.dst[level[:, -1]] != tx.src[hop.tx])
        level, amount = level[keep], np.minimum(amount[item], tx.paid[hop.tx])[keep]
        earliest = earliest[item][keep]
        total += len(level)
        if not len(level):
            break
        out.append((level, amount))
        if total > limits.max_paths:
            truncated = True
            break
    return _stack(out, limits.max_hops, truncated, forward=False)


def _stack(levels: list[tuple[I64, F64]], width: int, truncated: bool, forward: bool) -> Paths:
    mats = []
    for mat, _ in levels:
        pad = np.full((len(mat), width - mat.shape[1]), -1, dtype=np.int64)
        mats.append(np.hstack([mat, pad]))
    return Paths(
        np.vstack(mats) if mats else np.empty((0, width), dtype=np.int64),
        np.concatenate([a for _, a in levels]) if levels else np.empty(0),
        truncated,
    )


def listed_reach(
    tx: Transactions, idx: GraphIndex, listed: Bools, limits: TraceLimits
) -> tuple[F64, Paths]:
    """Per transaction, the largest amount that can have reached a listed account through
    it (0 where none), and the paths that show it.

    Every payment into a listed account is traced backwards; a payment at the head of such a
    path "reaches" the listed party with the path's bottleneck amount.
    """
    end = np.flatnonzero(listed[tx.dst] & (tx.src != tx.dst)).astype(np.int64)
    blocked = idx.hub & ~listed
    paths = backward_paths(tx, idx, end, limits, blocked)
    reach = np.zeros(len(tx), dtype=np.float64)
    if len(paths):
        np.maximum.at(reach, paths.tx[:, 0], paths.amount)
    return reach, paths


def outflow_share(tx: Transactions, reach: F64) -> F64:
    """Per account: the share of its outflow that can have reached a listed party."""
    n = tx.n_accounts
    moved = tx.src != tx.dst
    out = np.bincount(tx.src[moved], weights=tx.paid[moved], minlength=n)
    reached = np.bincount(tx.src[moved], weights=reach[moved], minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(out > 0, reached / out, 0.0)
    return np.asarray(np.clip(share, 0.0, 1.0), dtype=np.float64)


def listed_outgoing(tx: Transactions, idx: GraphIndex, listed: Bools, limits: TraceLimits) -> Paths:
    """Paths leaving listed accounts: where their money went next."""
    start = np.flatnonzero(listed[tx.src] & (tx.src != tx.dst)).astype(np.int64)
    return forward_paths(tx, idx, start, limits, idx.hub & ~listed)


def best_per_account(tx: Transactions, paths: Paths, owner: I64, k: int) -> I64:
    """Row indices of the ``k`` highest-amount paths per owner account (``owner[i]`` is the
    account path ``i`` belongs to, e.g. its first payer or its listed end), owner-grouped."""
    if not len(paths):
        return np.empty(0, dtype=np.int64)
    order = np.lexsort((-paths.hops(), -paths.amount, owner))
    grouped = owner[order]
    starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
    rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    return np.asarray(order[rank < k], dtype=np.int64)


def path_ends(tx: Transactions, paths: Paths) -> tuple[I64, I64]:
    """First payer and last payee of every path."""
    last = paths.tx[np.arange(len(paths)), paths.hops() - 1]
    return tx.src[paths.tx[:, 0]].astype(np.int64), tx.dst[last].astype(np.int64)


def describe_path(tx: Transactions, row: I64) -> str:
    """``bank/acc -> bank/acc -> ...`` for one path row."""
    hops = row[row >= 0]
    nodes = [int(tx.src[hops[0]])] + [int(tx.dst[h]) for h in hops]
    return " -> ".join(tx.accounts.label(n) for n in nodes)
