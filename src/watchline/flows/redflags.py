"""Terrorist-financing red flags (FATF): collectors, structuring, mules, associates.

Terrorist financing is usually small: many modest donations pooled by a collector and sent
on, cash kept under the reporting threshold, accounts that only pass money through. These
detectors look for those shapes rather than for the large sums laundering detectors chase.
"""

from __future__ import annotations

import numpy as np

from watchline.flows.findings import Finding, mark_windows
from watchline.flows.frame import F64, I64, Bools, Transactions
from watchline.flows.params import CollectorParams, PassThroughParams, StructuringParams
from watchline.flows.temporal import GraphIndex, step_forward

_SHIFT = np.int64(1 << 32)


def _keyed(tx: Transactions, sel: I64, owner: I64, t0: int) -> tuple[I64, I64]:
    key = owner.astype(np.int64) * _SHIFT + (tx.ts[sel] - t0)
    order = np.argsort(key, kind="stable")
    return sel[order], key[order]


def collectors(
    tx: Transactions, idx: GraphIndex, p: CollectorParams, toward: Bools
) -> tuple[Finding, F64]:
    """Accounts pooling many small payments from distinct payers and forwarding most of it.

    ``toward`` marks payments of special concern (to listed parties or abroad); the second
    result is, per account, the share of the forwarded money that went that way.
    """
    small = (tx.src != tx.dst) & (tx.received <= p.small_max) & ~idx.hub[tx.src]
    small &= ~tx.format_mask("Credit Card")
    sel = np.flatnonzero(small).astype(np.int64)
    pair = tx.src[sel].astype(np.int64) * tx.n_accounts + tx.dst[sel]
    _, first = np.unique(pair, return_index=True)
    sel, key = _keyed(tx, sel[first], tx.dst[sel[first]].astype(np.int64), idx.t0)
    marked = mark_windows(key, p.window_s, p.min_senders)
    incoming = sel[marked]
    n = tx.n_accounts
    owner = tx.dst[incoming]
    inflow = np.bincount(owner, weights=tx.received[incoming], minlength=n)
    start = np.full(n, np.iinfo(np.int64).max)
    np.minimum.at(start, owner, tx.ts[incoming])
    stop = np.zeros(n, dtype=np.int64)
    np.maximum.at(stop, owner, tx.ts[incoming])
    moved = np.flatnonzero((tx.src != tx.dst) & (inflow[tx.src] > 0)).astype(np.int64)
    after = (tx.ts[moved] >= start[tx.src[moved]]) & (
        tx.ts[moved] <= stop[tx.src[moved]] + p.forward_s
    )
    out = moved[after]
    outflow = np.bincount(tx.src[out], weights=tx.paid[out], minlength=n)
    toward_sum = np.bincount(tx.src[out], weights=tx.paid[out] * toward[out], minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.where(inflow > 0, outflow / inflow, 0.0)
        toward_share = np.where(outflow > 0, toward_sum / outflow, 0.0)
    hit = (ratio >= p.forward_ratio) & (ratio <= p.max_ratio)
    flagged = np.concatenate([incoming[hit[owner]], out[hit[tx.src[out]]]])
    finding = Finding("collector", np.flatnonzero(hit).astype(np.int64), np.unique(flagged))
    return finding, np.asarray(np.where(hit, toward_share, 0.0), dtype=np.float64)


def structuring(tx: Transactions, idx: GraphIndex, p: StructuringParams) -> Finding:
    """Repeated cash deposits just below the reporting threshold into one account."""
    low = p.threshold * (1.0 - p.margin)
    band = tx.format_mask("Cash") & (tx.received >= low) & (tx.received < p.threshold)
    sel = np.flatnonzero(band).astype(np.int64)
    sel, key = _keyed(tx, sel, tx.dst[sel].astype(np.int64), idx.t0)
    flagged = sel[mark_windows(key, p.window_s, p.min_count)]
    accounts = np.unique(tx.dst[flagged]).astype(np.int64)
    return Finding("structuring", accounts, flagged)


def pass_through(tx: Transactions, idx: GraphIndex, p: PassThroughParams) -> Finding:
    """Mule accounts: money in, nearly the same money out to someone else, soon after."""
    inc = np.flatnonzero((tx.src != tx.dst) & ~idx.hub[tx.dst]).astype(np.int64)
    hop = step_forward(idx, tx.dst[inc], tx.ts[inc], tx.ts[inc] + p.delay_s, p.max_branch)
    first, nxt = inc[hop.item], hop.tx
    ratio = tx.paid[nxt] / np.maximum(tx.received[first], 1e-9)
    ok = (ratio >= p.min_kept) & (ratio <= 1.0) & (tx.dst[nxt] != tx.src[first])
    ok &= ~idx.hub[tx.dst[nxt]]
    first, nxt = first[ok], nxt[ok]
    matched_in = np.unique(first)
    n = tx.n_accounts
    owner = tx.dst[matched_in]
    count = np.bincount(owner, minlength=n)
    covered = np.bincount(owner, weights=tx.received[matched_in], minlength=n)
    total_in = np.bincount(tx.dst[inc], weights=tx.received[inc], minlength=n)
    mule = (count >= p.min_matched) & (covered >= p.min_share * np.maximum(total_in, 1e-9))
    hit = mule[tx.dst[first]]
    flagged = np.unique(np.concatenate([first[hit], nxt[hit]]))
    return Finding("pass-through", np.flatnonzero(mule).astype(np.int64), flagged)


def touching(tx: Transactions, typology: str, accounts: Bools, inbound_only: bool) -> Finding:
    """Payments into (and unless ``inbound_only``, out of) the marked accounts."""
    moved = tx.src != tx.dst
    hit = accounts[tx.dst] if inbound_only else accounts[tx.dst] | accounts[tx.src]
    flagged = np.flatnonzero(moved & hit).astype(np.int64)
    return Finding(typology, np.flatnonzero(accounts).astype(np.int64), flagged)


def listed_flow(
    tx: Transactions, reach: F64, share: F64, min_share: float, listed: Bools
) -> Finding:
    """Accounts most of whose outflow can have reached a listed party, and those payments."""
    hit = (share >= min_share) & ~listed
    flagged = np.flatnonzero((reach > 0) & hit[tx.src]).astype(np.int64)
    return Finding("listed-flow", np.flatnonzero(hit).astype(np.int64), flagged)
