"""Financial-intelligence use cases: ingest, counterparty screening, analysis, outputs.

This is where the independent cores meet: ``watchline.flows`` knows nothing of names and
``watchline.matching`` nothing of payments; counterparty screening joins them here.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from watchline.flows import Alert, Analysis, DetectorParams, Transactions, alerts, analyze
from watchline.flows.frame import Bools
from watchline.flows.tracing import (
    Paths,
    TraceLimits,
    best_per_account,
    describe_path,
    listed_outgoing,
    path_ends,
)
from watchline.matching import Hit, Query, Screener
from watchline.model import MATCHABLE_SCHEMATA, Entity
from watchline.sources.transactions import ColumnMap, IngestReport, read_transactions

Progress = Callable[[str], None]

#: FtM relation schemata and the two properties naming their ends.
RELATIONS: dict[str, tuple[str, str]] = {
    "Family": ("person", "relative"),
    "Associate": ("person", "associate"),
    "UnknownLink": ("subject", "object"),
    "Ownership": ("owner", "asset"),
    "Directorship": ("director", "organization"),
    "Membership": ("member", "organization"),
    "Employment": ("employer", "employee"),
    "Representation": ("agent", "client"),
}


@dataclass(frozen=True, slots=True)
class AccountHit:
    """Why an account was marked: the list entry its holder name matched, and how."""

    account: int
    entity_id: str
    role: str  # "listed" or "associate"
    score: float
    matched_name: str
    explanation: str


@dataclass(frozen=True, slots=True)
class Screening:
    """Counterparty screening result: per-account masks and the hits behind them."""

    listed: Bools
    associates: Bools
    hits: tuple[AccountHit, ...] = ()

    @classmethod
    def none(cls, n: int) -> Screening:
        return cls(np.zeros(n, dtype=np.bool_), np.zeros(n, dtype=np.bool_))


def split_roles(entities: Iterable[Entity]) -> tuple[list[Entity], set[str]]:
    """Matchable entities, and the ids among them that are only *associates*: unlisted
    (``target`` false) parties tied by a relation to a listed (``target``) party. When no
    entity carries a ``target`` flag (a registry export), every matchable one counts as listed."""
    ents = list(entities)
    by_id = {e.id: e for e in ents}
    any_target = any(e.target for e in ents)
    associates: set[str] = set()
    for rel in (e for e in ents if e.schema in RELATIONS):
        left, right = (rel.get(p) for p in RELATIONS[rel.schema])
        for a, b in ((x, y) for x in left for y in right):
            for one, other in ((a, b), (b, a)):
                if (
                    one in by_id
                    and other in by_id
                    and by_id[other].target
                    and not by_id[one].target
                    and any_target
                ):
                    associates.add(one)
    return [e for e in ents if e.schema in MATCHABLE_SCHEMATA], associates


# Account holders are screened at a stricter cut than travellers: a payment file gives a
# bare name (no birth date or nationality to set a namesake apart) and one hit flags every
# flow of the account. bench/flows_bench.py: listed-account precision 0.86 at the
# screener's default 0.65, 0.91 at 0.70, recall 1.00 at both.
COUNTERPARTY_THRESHOLD = 0.70


def screen_accounts(
    tx: Transactions, entities: Iterable[Entity], threshold: float | None = None
) -> Screening:
    """Screen every distinct account-holder name once with the batch screener
    (``threshold`` defaults to ``COUNTERPARTY_THRESHOLD``)."""
    matchable, associate_ids = split_roles(entities)
    n = tx.n_accounts
    if not matchable:
        return Screening.none(n)
    names = tx.accounts.name
    uniq, inverse = np.unique(names.astype(str), return_inverse=True)
    todo = [i for i, name in enumerate(uniq) if name.strip()]
    cut = COUNTERPARTY_THRESHOLD if threshold is None else threshold
    best = _best_hits(Screener(matchable), [str(uniq[i]) for i in todo], cut)
    best = {todo[k]: hit for k, hit in best.items()}
    listed, assoc = np.zeros(n, dtype=np.bool_), np.zeros(n, dtype=np.bool_)
    found: list[AccountHit] = []
    for acc in np.flatnonzero(np.isin(inverse, list(best))):
        hit = best[int(inverse[acc])]
        role = "associate" if hit.entity_id in associate_ids else "listed"
        (assoc if role == "associate" else listed)[acc] = True
        found.append(
            AccountHit(
                int(acc),
                hit.entity_id,
                role,
                float(hit.score),
                hit.matched_name,
                hit.explanation.summary(),
            )
        )
    return Screening(listed, assoc, tuple(found))


#: Words that make a holder name an organisation's (legal forms and common business words).
ORG_WORDS = frozenset(
    [
        "ltd",
        "limited",
        "llc",
        "llp",
        "inc",
        "corp",
        "corporation",
        "co",
        "company",
        "gmbh",
        "ag",
        "sa",
        "sarl",
        "srl",
        "bv",
        "nv",
        "plc",
        "spa",
        "kft",
        "zao",
        "ooo",
        "oao",
        "pao",
        "jsc",
        "pjsc",
        "bank",
        "fund",
        "foundation",
        "trust",
        "charity",
        "relief",
        "association",
        "society",
        "group",
        "holding",
        "holdings",
        "trading",
        "industries",
        "international",
        "enterprise",
        "enterprises",
        "shop",
        "store",
        "market",
        "services",
        "agency",
        "committee",
        "organization",
        "organisation",
        "network",
        "front",
        "brigade",
        "battalion",
        "army",
        "movement",
        "party",
        "council",
        "union",
        "institute",
        "center",
        "centre",
        "proprietorship",
        "partnership",
        "cooperative",
    ]
)


def holder_schema(name: str) -> str:
    """Person or Organization for a holder name: the field does not say, and querying as
    ``LegalEntity`` loses the person-name features; digits or an organisation word decide."""
    words = {w.strip(".,()'\"-").lower() for w in name.split()}
    if any(ch.isdigit() for ch in name) or "#" in name or words & ORG_WORDS:
        return "Organization"
    return "Person"


def _best_hits(screener: Screener, names: list[str], threshold: float) -> dict[int, Hit]:
    """Best hit per name, one query each, typed by :func:`holder_schema`."""
    queries = [Query(name=name, schema=holder_schema(name)) for name in names]
    results = screener.screen_many(queries, limit=1, threshold=threshold)
    return {i: hits[0] for i, hits in enumerate(results) if hits}


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
