"""Financial-intelligence use cases: ingest, counterparty screening, analysis, outputs.

This is where the independent cores meet: ``watchline.flows`` knows nothing of names and
``watchline.matching`` nothing of payments; counterparty screening joins them here.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from watchline.flows import Alert, Analysis, DetectorParams, Transactions, alerts, analyze
from watchline.flows.tracing import (
    Paths,
    TraceLimits,
    best_per_account,
    describe_path,
    listed_outgoing,
    path_ends,
)
from watchline.model import Entity
from watchline.services.counterparties import Screening, screen_accounts
from watchline.sources.transactions import ColumnMap, IngestReport, read_transactions

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class FlowRun:
    """One analysis: what was loaded, who was screened, what was found."""

    tx: Transactions
    report: IngestReport
    screening: Screening
    analysis: Analysis
    alerts: list[Alert] = field(default_factory=list)


def _noop(_: str) -> None:
    return None


def run_analysis(
    transactions: Path,
    accounts: Path | None = None,
    entities: Sequence[Entity] | None = None,
    *,
    column_map: ColumnMap | None = None,
    params: DetectorParams | None = None,
    threshold: float | None = None,
    progress: Progress = _noop,
) -> FlowRun:
    """Ingest, screen (unless ``entities`` is None) and analyse one transaction file."""
    p = params or DetectorParams()
    tx, report = read_transactions(transactions, accounts, column_map, progress=progress)
    progress("screening account holders")
    screening = (
        screen_accounts(tx, entities, threshold) if entities else Screening.none(tx.n_accounts)
    )
    result = analyze(tx, screening.listed, screening.associates, p, progress=progress)
    return FlowRun(tx, report, screening, result, alerts(tx, result, p.min_score))


def hit_reasons(run: FlowRun) -> dict[int, str]:
    return {
        h.account: f"{h.role} match {h.entity_id} ({h.score:.2f}): {h.explanation}"
        for h in run.screening.hits
    }


def write_alerts(run: FlowRun, path: Path) -> int:
    """``alerts.csv``: bank,account,score,typologies,reasons; one row per flagged account."""
    reasons_by_account = hit_reasons(run)
    acc = run.tx.accounts
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["bank", "account", "score", "typologies", "reasons"])
        for alert in run.alerts:
            reasons = list(alert.reasons)
            if alert.account in reasons_by_account:
                reasons.insert(0, reasons_by_account[alert.account])
            out.writerow(
                [
                    acc.bank[alert.account],
                    acc.number[alert.account],
                    f"{alert.score:.3f}",
                    ";".join(alert.typologies),
                    " | ".join(reasons),
                ]
            )
    return len(run.alerts)


def write_flagged(run: FlowRun, path: Path) -> int:
    """``flagged_transactions.csv``: row,score,typology (the strongest typology)."""
    result = run.analysis
    flagged = result.flagged_tx()
    rows = run.tx.row[flagged]
    order = np.argsort(rows, kind="stable")
    names = np.array(result.tx_typology, dtype=object)[result.tx_top[flagged][order]]
    scores = result.tx_score[flagged][order]
    with path.open("w", newline="", encoding="utf-8") as fh:
        fh.write("row,score,typology\n")
        fh.writelines(
            f"{r},{s:.3f},{t}\n" for r, s, t in zip(rows[order], scores, names, strict=True)
        )
    return len(flagged)


def _path_rows(run: FlowRun, paths: Paths, direction: str, k: int) -> list[list[str]]:
    tx = run.tx
    first, last = path_ends(tx, paths)
    listed_end = last if direction == "to-listed" else first
    rows = []
    for i in best_per_account(tx, paths, listed_end, k).tolist():
        hops = paths.tx[i][paths.tx[i] >= 0]
        end = int(listed_end[i])
        rows.append(
            [
                direction,
                str(tx.accounts.bank[end]),
                str(tx.accounts.number[end]),
                str(len(hops)),
                f"{paths.amount[i]:.2f}",
                describe_path(tx, paths.tx[i]),
                ";".join(str(r) for r in tx.row[hops].tolist()),
            ]
        )
    return rows


def write_listed_paths(run: FlowRun, path: Path, per_account: int = 50) -> int:
    """``listed_paths.csv``: the largest time-respecting paths into and out of every listed
    account (``per_account`` each way), with the data rows of their payments."""
    idx = run.analysis.index
    outgoing = listed_outgoing(run.tx, idx, run.screening.listed, TraceLimits())
    rows = _path_rows(run, run.analysis.listed_paths, "to-listed", per_account)
    rows += _path_rows(run, outgoing, "from-listed", per_account)
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(
            ["direction", "listed_bank", "listed_account", "hops", "amount", "path", "rows"]
        )
        out.writerows(rows)
    return len(rows)


def write_listed_share(run: FlowRun, path: Path) -> int:
    """``listed_share.csv``: per account, the share of its outflow that can have reached a
    listed party (accounts with a share above zero, largest first)."""
    share = run.analysis.listed_share
    accounts = np.flatnonzero(share > 0)
    accounts = accounts[np.argsort(-share[accounts], kind="stable")]
    with path.open("w", newline="", encoding="utf-8") as fh:
        fh.write("bank,account,share\n")
        fh.writelines(
            f"{run.tx.accounts.bank[a]},{run.tx.accounts.number[a]},{share[a]:.4f}\n"
            for a in accounts.tolist()
        )
    return len(accounts)
