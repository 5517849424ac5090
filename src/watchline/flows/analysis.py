"""Run every detector over a transaction set and turn findings into scored alerts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

import numpy as np

from watchline.flows import patterns, redflags
from watchline.flows.findings import Finding
from watchline.flows.frame import F64, I64, Bools, Transactions
from watchline.flows.params import WEIGHTS, DetectorParams
from watchline.flows.temporal import GraphIndex, build_index
from watchline.flows.tracing import (
    Paths,
    TraceLimits,
    best_per_account,
    describe_path,
    listed_reach,
    outflow_share,
    path_ends,
)

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Alert:
    """One flagged account: why (typologies, reasons), how strongly, and the evidence."""

    account: int
    score: float
    typologies: tuple[str, ...]
    reasons: tuple[str, ...]
    evidence: I64


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the detectors found, with per-account and per-payment scores."""

    findings: tuple[Finding, ...]
    account_score: F64
    tx_score: F64
    tx_typology: tuple[str, ...]
    tx_top: I64
    listed_share: F64
    listed_paths: Paths
    index: GraphIndex
    tx_reach: F64

    def flagged_tx(self) -> I64:
        return np.flatnonzero(self.tx_score > 0).astype(np.int64)


def _noop(_: str) -> None:
    return None


def _detectors(
    tx: Transactions,
    idx: GraphIndex,
    p: DetectorParams,
    listed: Bools,
    associates: Bools,
    progress: Progress,
) -> Iterator[Finding]:
    progress("fan-out / fan-in")
    f_out, f_in = patterns.fan_out(tx, idx, p.fan), patterns.fan_in(tx, idx, p.fan)
    yield from (f_out, f_in, patterns.gather_scatter(f_in, f_out, tx, p.fan.window_s))
    progress("cycles")
    yield patterns.cycles(tx, idx, p.cycle)
    progress("scatter-gather / bipartite / stack")
    yield patterns.scatter_gather(tx, idx, p.spread)
    block = patterns.bipartite(tx, idx, p.spread)
    yield from (block, patterns.stack(block, tx, p.spread))
    progress("terrorist-financing red flags")
    toward = listed[tx.dst] | tx.foreign()
    collector, _ = redflags.collectors(tx, idx, p.collector, toward)
    yield collector
    yield redflags.structuring(tx, idx, p.structuring)
    yield redflags.pass_through(tx, idx, p.pass_through)
    yield redflags.touching(tx, "listed-party", listed, inbound_only=False)
    yield redflags.touching(tx, "associate", associates & ~listed, inbound_only=True)


def analyze(
    tx: Transactions,
    listed: Bools | None = None,
    associates: Bools | None = None,
    params: DetectorParams | None = None,
    limits: TraceLimits | None = None,
    progress: Progress = _noop,
    hub: Bools | None = None,
) -> Analysis:
    """Run all detectors and tracing; ``listed``/``associates`` are per-account masks from
    counterparty screening (all False when screening was skipped). ``hub`` overrides the
    hub marks (time shards pass the ones computed over the whole data set)."""
    p = params or DetectorParams()
    n = tx.n_accounts
    listed = listed if listed is not None else np.zeros(n, dtype=np.bool_)
    associates = associates if associates is not None else np.zeros(n, dtype=np.bool_)
    progress("indexing")
    idx = build_index(tx, p.hub_degree)
    if hub is not None:
        idx = replace(idx, hub=hub)
    findings = list(_detectors(tx, idx, p, listed, associates, progress))
    progress("tracing flows to listed parties")
    reach, paths = listed_reach(tx, idx, listed, limits or TraceLimits())
    share = outflow_share(tx, reach)
    findings.append(redflags.listed_flow(tx, reach, share, p.listed_flow_share, listed))
    acc_score, tx_score, tx_top = score_findings(tx, findings)
    names = tuple(f.typology for f in findings)
    return Analysis(tuple(findings), acc_score, tx_score, names, tx_top, share, paths, idx, reach)


def score_findings(tx: Transactions, findings: list[Finding]) -> tuple[F64, F64, I64]:
    """Account score ``1 - prod(1 - w)`` over its typologies; a payment's score is the
    weight of its strongest typology (and ``tx_top`` which one, as a findings index)."""
    keep = np.ones(tx.n_accounts, dtype=np.float64)
    tx_score = np.zeros(len(tx), dtype=np.float64)
    tx_top = np.full(len(tx), -1, dtype=np.int64)
    for i, finding in enumerate(findings):
        weight = WEIGHTS.get(finding.typology, 0.5)
        keep[finding.accounts] *= 1.0 - weight
        better = finding.tx[tx_score[finding.tx] < weight]
        tx_score[better] = weight
        tx_top[better] = i
    return 1.0 - keep, tx_score, tx_top


def alerts(tx: Transactions, result: Analysis, min_score: float) -> list[Alert]:
    """Alerts for accounts scoring at least ``min_score``, highest first."""
    flagged = np.flatnonzero(result.account_score >= min_score)
    per_account: dict[int, list[Finding]] = {int(a): [] for a in flagged}
    for finding in result.findings:
        for acc in np.intersect1d(finding.accounts, flagged):
            per_account[int(acc)].append(finding)
    paths = result.listed_paths
    best = best_per_account(tx, paths, path_ends(tx, paths)[0], 1)
    example = {int(tx.src[paths.tx[i, 0]]): i for i in best.tolist()}
    out = [_alert(tx, result, acc, found, example.get(acc)) for acc, found in per_account.items()]
    return sorted(out, key=lambda a: (-a.score, a.account))


def _alert(
    tx: Transactions, result: Analysis, account: int, found: list[Finding], path: int | None
) -> Alert:
    """One account's alert; a listed-flow reason cites the largest path to a listed party."""
    evidence = [f.tx[(tx.src[f.tx] == account) | (tx.dst[f.tx] == account)] for f in found]
    typologies = tuple(dict.fromkeys(f.typology for f in found))
    reasons = tuple(
        _reason(f.typology, len(e), float(result.listed_share[account]))
        for f, e in zip(found, evidence, strict=True)
    )
    if path is not None and "listed-flow" in typologies:
        row = result.listed_paths.tx[path]
        amount = float(result.listed_paths.amount[path])
        reasons += (f"path to listed: {describe_path(tx, row)} ({amount:,.2f})",)
        evidence.append(row[row >= 0])
    ev = np.unique(np.concatenate(evidence)) if evidence else np.empty(0, dtype=np.int64)
    return Alert(account, float(result.account_score[account]), typologies, reasons, ev)


def _reason(typology: str, n_tx: int, share: float) -> str:
    if typology == "listed-flow":
        return f"listed-flow: {share:.0%} of outflow can reach a listed party"
    return f"{typology}: {n_tx} payment(s)"
