"""Time shards: the scale path for national volumes.

Every detector and every trace is bounded by a time window (at most ``overlap_s``). Cut the
transactions into slices of ``shard_s`` that overlap by ``overlap_s``, and any pattern that
fits in its window lies wholly inside at least one slice. So the *same* detectors run on each
slice independently -- one after another here, or one slice per worker on a cluster (each
worker reads its own Parquet partition range) -- and the findings are merged by union.

Hubs are decided once over the whole data set (a payroll payer is a hub in every slice) and
passed to every slice, so no slice mistakes a hub for an ordinary account.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import numpy as np

from watchline.flows.analysis import Analysis, Progress, analyze, score_findings
from watchline.flows.findings import Finding
from watchline.flows.frame import I64, Bools, Transactions
from watchline.flows.params import DetectorParams
from watchline.flows.temporal import build_index
from watchline.flows.tracing import Paths, TraceLimits, outflow_share


def _noop(_: str) -> None:
    return None


def shard_bounds(ts: I64, shard_s: int, overlap_s: int) -> Iterator[tuple[int, int]]:
    """``[start, end)`` time ranges covering ``ts``; consecutive ones overlap by ``overlap_s``."""
    lo, hi = int(ts.min(initial=0)), int(ts.max(initial=0)) + 1
    start = lo
    while True:
        yield start, start + shard_s + overlap_s
        if start + shard_s + overlap_s >= hi:
            return
        start += shard_s


def subset(tx: Transactions, sel: I64) -> Transactions:
    """The payments ``sel`` with the same accounts (indices stay comparable)."""
    return replace(
        tx,
        row=tx.row[sel],
        src=tx.src[sel],
        dst=tx.dst[sel],
        ts=tx.ts[sel],
        paid=tx.paid[sel],
        received=tx.received[sel],
        pay_cur=tx.pay_cur[sel],
        recv_cur=tx.recv_cur[sel],
        fmt=tx.fmt[sel],
        label=tx.label[sel],
    )


def analyze_sharded(
    tx: Transactions,
    listed: Bools | None = None,
    associates: Bools | None = None,
    params: DetectorParams | None = None,
    shard_s: int = 14 * 86400,
    overlap_s: int = 7 * 86400,
    progress: Progress = _noop,
) -> Analysis:
    """Run :func:`analyze` slice by slice and merge: same findings as one run for every
    pattern shorter than ``overlap_s`` (the default covers every default window)."""
    p = params or DetectorParams()
    hub = build_index(tx, p.hub_degree).hub
    merged: dict[str, tuple[list[I64], list[I64]]] = {}
    reach = np.zeros(len(tx), dtype=np.float64)
    for start, end in shard_bounds(tx.ts, shard_s, overlap_s):
        sel = np.flatnonzero((tx.ts >= start) & (tx.ts < end)).astype(np.int64)
        progress(f"shard {start}-{end}")
        part = analyze(subset(tx, sel), listed, associates, p, TraceLimits(), hub=hub)
        for f in part.findings:
            accs, txs = merged.setdefault(f.typology, ([], []))
            accs.append(f.accounts)
            txs.append(sel[f.tx])
        np.maximum.at(reach, sel, part.tx_reach)
    findings = [
        Finding(t, np.unique(np.concatenate(a)), np.unique(np.concatenate(x)))
        for t, (a, x) in merged.items()
    ]
    acc_score, tx_score, tx_top = score_findings(tx, findings)
    share = outflow_share(tx, reach)
    empty = Paths(np.empty((0, 1), dtype=np.int64), np.empty(0))
    names = tuple(f.typology for f in findings)
    return Analysis(
        tuple(findings),
        acc_score,
        tx_score,
        names,
        tx_top,
        share,
        empty,
        build_index(tx, p.hub_degree),
        reach,
    )
