"""The AMLworld laundering patterns: fan-out, fan-in, cycle, scatter-gather, gather-scatter,
bipartite and stack, as vectorised detectors over a :class:`GraphIndex`.

Each detector looks only at payments between two non-hub accounts (see ``params``); a
pattern that runs through a payroll payer or a supermarket is not one an analyst can act on.
"""

from __future__ import annotations

import igraph as ig
import numpy as np

from watchline.flows.findings import Finding, mark_windows
from watchline.flows.frame import I64, Bools, Transactions
from watchline.flows.params import CycleParams, FanParams, SpreadParams
from watchline.flows.temporal import GraphIndex, step_forward

_SHIFT = np.int64(1 << 32)


def between_non_hubs(tx: Transactions, idx: GraphIndex, min_amount: float = 0.0) -> I64:
    """Indices of payments of at least ``min_amount`` between two different non-hubs.

    Small retail payments are left to the terrorist-financing detectors: laundering patterns
    move sums worth the trouble, and excluding shop purchases keeps the joins small."""
    ok = (tx.src != tx.dst) & ~idx.hub[tx.src] & ~idx.hub[tx.dst] & (tx.paid >= min_amount)
    return np.flatnonzero(ok).astype(np.int64)


def not_in_batch(tx: Transactions, sel: I64, batch_size: int) -> I64:
    """Drop payments that belong to a bulk run: ``batch_size`` or more from one payer within
    the same minute (payroll and supplier files are sent that way)."""
    minute = tx.ts[sel] // 60
    key = tx.src[sel].astype(np.int64) * _SHIFT + (minute - minute.min(initial=0))
    _, inverse, counts = np.unique(key, return_inverse=True, return_counts=True)
    return sel[counts[inverse] < batch_size]


def first_contacts(tx: Transactions, sel: I64) -> I64:
    """Of the payments ``sel``, the first one of every (payer, payee) pair."""
    pair = tx.src[sel].astype(np.int64) * tx.n_accounts + tx.dst[sel]
    order = np.lexsort((tx.ts[sel], pair))
    _, first = np.unique(pair[order], return_index=True)
    return sel[order[first]]


def _fan(tx: Transactions, idx: GraphIndex, p: FanParams, side: str) -> I64:
    sel = not_in_batch(tx, between_non_hubs(tx, idx, p.min_amount), p.batch_size)
    sel = first_contacts(tx, sel)
    owner = tx.src[sel] if side == "out" else tx.dst[sel]
    key = owner.astype(np.int64) * _SHIFT + (tx.ts[sel] - idx.t0)
    order = np.argsort(key, kind="stable")
    marked = mark_windows(key[order], p.window_s, p.min_parties)
    return sel[order[marked]]


def fan_out(tx: Transactions, idx: GraphIndex, p: FanParams) -> Finding:
    """One account paying ``min_parties`` or more new counterparties within the window."""
    return Finding.from_tx("fan-out", tx, _fan(tx, idx, p, "out"), idx.hub)


def fan_in(tx: Transactions, idx: GraphIndex, p: FanParams) -> Finding:
    """One account paid by ``min_parties`` or more new counterparties within the window."""
    return Finding.from_tx("fan-in", tx, _fan(tx, idx, p, "in"), idx.hub)


def gather_scatter(
    fan_in_f: Finding, fan_out_f: Finding, tx: Transactions, window_s: int
) -> Finding:
    """An account that is both the sink of a fan-in and, soon after, the source of a
    fan-out: money gathered from many and scattered to many."""
    both = np.intersect1d(np.unique(tx.dst[fan_in_f.tx]), np.unique(tx.src[fan_out_f.tx]))
    n = tx.n_accounts
    first_in = np.full(n, np.iinfo(np.int64).max)
    np.minimum.at(first_in, tx.dst[fan_in_f.tx], tx.ts[fan_in_f.tx])
    outs = fan_out_f.tx[np.isin(tx.src[fan_out_f.tx], both)]
    gap = tx.ts[outs] - first_in[tx.src[outs]]
    outs = outs[(gap >= 0) & (gap <= 2 * window_s)]
    centre = np.unique(tx.src[outs])
    ins = fan_in_f.tx[np.isin(tx.dst[fan_in_f.tx], centre)]
    flagged = np.concatenate([ins, outs])
    return Finding.from_tx("gather-scatter", tx, flagged, np.zeros(n, dtype=np.bool_))


def _scc_members(tx: Transactions, sel: I64) -> Bools:
    """Accounts in a strongly connected component of two or more accounts."""
    pairs = np.unique(tx.src[sel].astype(np.int64) * tx.n_accounts + tx.dst[sel])
    edges = np.column_stack([pairs // tx.n_accounts, pairs % tx.n_accounts])
    graph = ig.Graph(n=tx.n_accounts, edges=edges.tolist(), directed=True)
    membership = np.asarray(graph.connected_components(mode="strong").membership)
    sizes = np.bincount(membership)
    return np.asarray(sizes[membership] >= 2, dtype=np.bool_)


def cycles(tx: Transactions, idx: GraphIndex, p: CycleParams) -> Finding:
    """Money that comes back to the account it left, through ``min_len``..``max_len``
    time-ordered payments within the window (strongly connected components prune first)."""
    sel = between_non_hubs(tx, idx, p.min_amount)
    in_scc = _scc_members(tx, sel)
    seeds = sel[in_scc[tx.src[sel]] & in_scc[tx.dst[sel]]]
    blocked = ~in_scc | idx.hub
    level, hits = seeds.reshape(-1, 1), []
    deadline = tx.ts[seeds] + p.window_s
    for length in range(2, p.max_len + 1):
        last = level[:, -1]
        hop = step_forward(idx, tx.dst[last], tx.ts[last], deadline, p.max_branch)
        new = hop.tx
        level = np.hstack([level[hop.item], new[:, None]])
        deadline = deadline[hop.item]
        ok = ~blocked[tx.dst[new]]
        closed = ok & (tx.dst[new] == tx.src[level[:, 0]])
        if length >= p.min_len:
            hits.append(level[closed].ravel())
        revisit = (tx.src[level] == tx.dst[new][:, None]).any(axis=1)
        keep = ok & ~revisit
        level, deadline = level[keep], deadline[keep]
        if not len(level):
            break
    flagged = np.concatenate(hits) if hits else np.empty(0, dtype=np.int64)
    return Finding.from_tx("cycle", tx, flagged, idx.hub)


def _two_hops(tx: Transactions, idx: GraphIndex, p: SpreadParams) -> tuple[I64, I64]:
    """All time-ordered A->X->B payment pairs among non-hubs within the window."""
    sel = between_non_hubs(tx, idx, p.min_amount)
    hop = step_forward(idx, tx.dst[sel], tx.ts[sel], tx.ts[sel] + p.window_s, p.max_branch)
    first, second = sel[hop.item], hop.tx
    ok = ~idx.hub[tx.dst[second]] & (tx.dst[second] != tx.src[first])
    ok &= tx.paid[second] >= p.min_amount
    return first[ok], second[ok]


def scatter_gather(tx: Transactions, idx: GraphIndex, p: SpreadParams) -> Finding:
    """A pays ``min_middle`` or more distinct intermediaries who each pay B, in time order."""
    first, second = _two_hops(tx, idx, p)
    n = np.int64(tx.n_accounts)
    ends = tx.src[first].astype(np.int64) * n + tx.dst[second]
    trip = np.unique(np.column_stack([ends, tx.dst[first]]), axis=0)
    uniq, counts = np.unique(trip[:, 0], return_counts=True)
    good = uniq[counts >= p.min_middle]
    hit = np.isin(ends, good)
    return Finding.from_tx("scatter-gather", tx, np.concatenate([first[hit], second[hit]]), idx.hub)


def bipartite_blocks(tx: Transactions, idx: GraphIndex, p: SpreadParams) -> I64:
    """Payments in a block where ``min_side`` payers each pay the same ``min_side`` payees
    within the window (a K(m,n) sub-graph of new counterparties)."""
    sel = first_contacts(tx, between_non_hubs(tx, idx, p.min_amount))
    order = np.lexsort((tx.ts[sel], tx.src[sel]))
    sel = sel[order]
    owner = tx.src[sel].astype(np.int64)
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    sizes = np.diff(np.r_[starts, len(sel)])
    small = (sizes >= p.min_side) & (sizes <= p.max_fan)
    a_pos, b_pos = _pairs_within(starts[small], sizes[small])
    ta, tb = sel[a_pos], sel[b_pos]
    close = (tx.ts[tb] - tx.ts[ta]) <= p.window_s
    ta, tb = ta[close], tb[close]
    n = np.int64(tx.n_accounts)
    pair_key = tx.dst[ta].astype(np.int64) * n + tx.dst[tb]
    uniq, counts = np.unique(pair_key, return_counts=True)
    hit = np.isin(pair_key, uniq[counts >= p.min_side])
    return np.concatenate([ta[hit], tb[hit]])


def _pairs_within(starts: I64, sizes: I64) -> tuple[I64, I64]:
    """All (i, j), i < j, position pairs inside each run ``[start, start + size)``."""
    a_parts, b_parts = [], []
    for size in np.unique(sizes):
        iu, ju = np.triu_indices(int(size), k=1)
        base = starts[sizes == size]
        a_parts.append((base[:, None] + iu[None, :]).ravel())
        b_parts.append((base[:, None] + ju[None, :]).ravel())
    if not a_parts:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    return np.concatenate(a_parts).astype(np.int64), np.concatenate(b_parts).astype(np.int64)


def bipartite(tx: Transactions, idx: GraphIndex, p: SpreadParams) -> Finding:
    """Several payers each paying the same several payees: a bipartite block."""
    return Finding.from_tx("bipartite", tx, bipartite_blocks(tx, idx, p), idx.hub)


def stack(block: Finding, tx: Transactions, p: SpreadParams) -> Finding:
    """Layering: payees of one bipartite block that pay on, as payers of a later block."""
    payees, payers = np.unique(tx.dst[block.tx]), np.unique(tx.src[block.tx])
    middle = np.intersect1d(payees, payers)
    touching = np.isin(tx.dst[block.tx], middle) | np.isin(tx.src[block.tx], middle)
    flagged = block.tx[touching]
    return Finding.from_tx("stack", tx, flagged, np.zeros(tx.n_accounts, dtype=np.bool_))
