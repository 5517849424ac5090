"""Time-respecting neighbourhoods: the vectorised join every multi-hop detector rests on.

Transactions are sorted by (account, time) once; "the payments account ``a`` made between
``t0`` and ``t1``" is then a contiguous slice found with two binary searches. A frontier of
path ends is expanded one hop by finding every frontier item's slice and repeating the item
once per transaction in it -- a join written as ``searchsorted`` + ``repeat``, no Python loop.

Hubs (payroll payers, merchants, payment processors) would turn every multi-hop join into a
cross product, so callers pass ``blocked`` (accounts a path may not pass through) and a cap
on how many continuations one path end may take.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from watchline.flows.frame import I32, I64, Bools, Transactions

_SHIFT = np.int64(1 << 32)


@dataclass(frozen=True, slots=True)
class GraphIndex:
    """Sort orders and per-account degrees of a transaction set, computed once.

    ``out_order`` lists transaction indices sorted by (sender, time), ``in_order`` by
    (receiver, time); ``*_key`` are the matching sorted keys ``account << 32 | seconds``.
    Self-transfers (reinvestments) are left out: they move no money between parties.
    """

    t0: int
    out_order: I64
    out_key: I64
    in_order: I64
    in_key: I64
    out_degree: I64
    in_degree: I64
    hub: Bools

    @property
    def n_accounts(self) -> int:
        return len(self.hub)


def _sorted_by(account: I32, rel: I64, keep: I64) -> tuple[I64, I64]:
    key = account[keep].astype(np.int64) * _SHIFT + rel[keep]
    order = np.argsort(key, kind="stable")
    return keep[order], key[order]


def distinct_degrees(tx: Transactions, keep: I64) -> tuple[I64, I64]:
    """Per account: how many distinct counterparties it paid, and was paid by."""
    n = tx.n_accounts
    pairs = np.unique(tx.src[keep].astype(np.int64) * n + tx.dst[keep])
    out_deg = np.bincount(pairs // n, minlength=n).astype(np.int64)
    in_deg = np.bincount(pairs % n, minlength=n).astype(np.int64)
    return out_deg, in_deg


def build_index(tx: Transactions, hub_degree: int) -> GraphIndex:
    """Index ``tx`` for time-respecting joins; accounts with more than ``hub_degree``
    distinct counterparties on either side are marked as hubs."""
    t0 = int(tx.ts.min(initial=0))
    rel = tx.ts - t0
    keep = np.flatnonzero(tx.src != tx.dst).astype(np.int64)
    out_order, out_key = _sorted_by(tx.src, rel, keep)
    in_order, in_key = _sorted_by(tx.dst, rel, keep)
    out_deg, in_deg = distinct_degrees(tx, keep)
    hub = (out_deg > hub_degree) | (in_deg > hub_degree)
    return GraphIndex(t0, out_order, out_key, in_order, in_key, out_deg, in_deg, hub)


def expand_ranges(lo: I64, hi: I64) -> tuple[I64, I64]:
    """For slices ``[lo[i], hi[i])`` return (owner item ``i``, position) for every element."""
    counts = np.maximum(hi - lo, 0)
    owner = np.repeat(np.arange(len(lo), dtype=np.int64), counts)
    starts = np.repeat(lo - np.concatenate(([0], np.cumsum(counts)[:-1])), counts)
    return owner, starts + np.arange(int(counts.sum()), dtype=np.int64)


@dataclass(frozen=True, slots=True)
class Hop:
    """One expansion step: ``item`` is the frontier row extended, ``tx`` the transaction."""

    item: I64
    tx: I64


def step_forward(idx: GraphIndex, node: I32, after: I64, until: I64, max_branch: int) -> Hop:
    """Payments made by ``node[i]`` at or after ``after[i]`` and no later than ``until[i]``
    (absolute epoch seconds); at most ``max_branch`` (the earliest) per frontier item."""
    base = node.astype(np.int64) * _SHIFT - idx.t0
    lo = np.searchsorted(idx.out_key, base + after, side="left")
    hi = np.searchsorted(idx.out_key, base + until, side="right")
    hi = np.minimum(hi, lo + max_branch)
    item, pos = expand_ranges(lo.astype(np.int64), hi.astype(np.int64))
    return Hop(item, idx.out_order[pos])


def step_backward(idx: GraphIndex, node: I32, since: I64, before: I64, max_branch: int) -> Hop:
    """Payments received by ``node[i]`` between ``since[i]`` and ``before[i]`` inclusive;
    at most ``max_branch`` (the latest) per frontier item."""
    base = node.astype(np.int64) * _SHIFT - idx.t0
    lo = np.searchsorted(idx.in_key, base + since, side="left")
    hi = np.searchsorted(idx.in_key, base + before, side="right")
    lo = np.maximum(lo, hi - max_branch)
    item, pos = expand_ranges(lo.astype(np.int64), hi.astype(np.int64))
    return Hop(item, idx.in_order[pos])
