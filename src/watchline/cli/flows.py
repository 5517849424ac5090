"""``watchline flows ...``: analyse transaction files and trace money.

Working the alerts an analysis saved (cases, notes, STR reports) is ``flow_cases``, mounted
on the same ``flows`` group.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from watchline.cli import flow_cases
from watchline.cli.context import console, err_console, get_context
from watchline.cli.flow_cases import open_store
from watchline.errors import InputError
from watchline.flows import (
    DetectorParams,
    TraceLimits,
    Transactions,
    backward_paths,
    build_index,
    forward_paths,
)
from watchline.flows.frame import Bools
from watchline.flows.report_html import render_html
from watchline.flows.tracing import Paths
from watchline.model import Entity
from watchline.services import flows as service
from watchline.services import flows_cases as cases
from watchline.services.counterparties import screen_accounts
from watchline.sources.transactions import read_transactions

flows_app = typer.Typer(
    help="Financial intelligence: transaction analysis, tracing, cases.", no_args_is_help=True
)

STAGES = (
    "reading file",
    "checking rows",
    "building accounts",
    "screening account holders",
    "indexing",
    "fan-out / fan-in",
    "cycles",
    "scatter-gather / bipartite / stack",
    "terrorist-financing red flags",
    "tracing flows to listed parties",
    "writing outputs",
)


@contextmanager
def stage_progress() -> Iterator[Callable[[str], None]]:
    """A bar over the analysis stages; the callback names the stage now starting."""
    columns = [
        SpinnerColumn(),
        TextColumn("{task.description:<40}"),
        BarColumn(),
        TimeElapsedColumn(),
    ]
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task("starting", total=len(STAGES))

        def advance(stage: str) -> None:
            done = STAGES.index(stage) if stage in STAGES else 0
            bar.update(task, description=stage, completed=done)

        yield advance


def read_list(path: Path) -> list[Entity]:
    """Listed entities from an FtM JSON-lines file."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                try:
                    data = json.loads(line)
                except json.JSONDecodeError as error:
                    raise InputError(f"bad JSON: {error.msg}", where=f"{path}:{number}") from None
                out.append(Entity.from_ftm(data, where=f"{path}:{number}"))
    return out


def _entities(ctx: typer.Context, list_file: Path | None, no_screen: bool) -> list[Entity] | None:
    if no_screen:
        return None
    if list_file is not None:
        return read_list(list_file)
    registry = get_context(ctx).registry()
    return [record.entity for record in registry.active_entities()]


@flows_app.command()
def analyze(
    ctx: typer.Context,
    transactions: Path = typer.Argument(..., help="Transactions (AMLworld CSV layout)."),
    accounts: Path | None = typer.Option(None, "--accounts", help="AMLworld accounts CSV."),
    out: Path = typer.Option(..., "--out", help="Directory for alerts.csv and the rest."),
    list_file: Path | None = typer.Option(None, "--list", help="Listed entities (FtM JSONL)."),
    no_screen: bool = typer.Option(False, "--no-screen", help="Skip counterparty screening."),
    threshold: float | None = typer.Option(None, help="Screening score threshold."),
    top: int = typer.Option(20, help="Alerts pictured in report.html."),
    save: int = typer.Option(0, help="Keep this many top alerts in the store (for cases)."),
) -> None:
    """Screen account holders, run every detector, write alerts and a report."""
    entities = _entities(ctx, list_file, no_screen)
    with stage_progress() as progress:
        run = service.run_analysis(
            transactions, accounts, entities, threshold=threshold, progress=progress
        )
        progress("writing outputs")
        out.mkdir(parents=True, exist_ok=True)
        n_alerts = service.write_alerts(run, out / "alerts.csv")
        n_flagged = service.write_flagged(run, out / "flagged_transactions.csv")
        service.write_listed_paths(run, out / "listed_paths.csv")
        service.write_listed_share(run, out / "listed_share.csv")
        html = render_html(
            run.tx,
            run.analysis,
            run.alerts,
            run.screening.listed,
            top,
            [run.report.summary()],
            service.hit_reasons(run),
        )
        (out / "report.html").write_text(html, encoding="utf-8")
    _print_ingest(run)
    console.print(f"{n_alerts:,} accounts alerted, {n_flagged:,} payments flagged -> {out}")
    if save:
        ids = cases.save_alerts(open_store(ctx), run, str(transactions), top=save)
        console.print(f"stored alerts {ids[0]}..{ids[-1]}" if ids else "no alerts to store")


def _print_ingest(run: service.FlowRun) -> None:
    console.print(run.report.summary())
    for bad in run.report.malformed[:10]:
        err_console.print(f"[yellow]row {bad.row} (line {bad.line}): {bad.reason}[/]")
    if run.report.malformed_count > 10:
        err_console.print(f"[yellow]... and {run.report.malformed_count - 10:,} more[/]")


def _account_index(tx: Transactions, account: str) -> int:
    bank, sep, number = account.partition("/")
    if not sep:
        raise InputError("give the account as BANK/NUMBER", where="ACCOUNT")
    found = tx.accounts.find(bank.lstrip("0") or "0", number) if bank.isdigit() else None
    found = found if found is not None else tx.accounts.find(bank, number)
    if found is None:
        raise InputError("account not in the transactions", where=account)
    return found


@flows_app.command()
def trace(
    ctx: typer.Context,
    account: str = typer.Argument(..., help="BANK/NUMBER"),
    transactions: Path = typer.Option(..., "--transactions", help="Transactions CSV."),
    accounts: Path | None = typer.Option(None, "--accounts"),
    list_file: Path | None = typer.Option(None, "--list"),
    no_screen: bool = typer.Option(False, "--no-screen"),
    days: float = typer.Option(7.0, help="Window for a whole path, in days."),
    hops: int = typer.Option(4, help="Payments per path at most."),
    limit: int = typer.Option(25, help="Paths shown per direction."),
) -> None:
    """Time-respecting paths from and to ACCOUNT, largest amounts first."""
    entities = _entities(ctx, list_file, no_screen)
    with stage_progress() as progress:
        tx, _ = read_transactions(transactions, accounts, progress=progress)
        progress("screening account holders")
        screening = screen_accounts(tx, entities) if entities else None
    listed = screening.listed if screening else np.zeros(tx.n_accounts, dtype=np.bool_)
    centre = _account_index(tx, account)
    limits = TraceLimits(window_s=int(days * 86400), max_hops=hops)
    idx = build_index(tx, hub_degree=DetectorParams().hub_degree)
    blocked = idx.hub.copy()  # money is not followed through merchants and payroll payers
    blocked[centre] = False
    moved = tx.src != tx.dst
    outgoing = np.flatnonzero(moved & (tx.src == centre)).astype(np.int64)
    incoming = np.flatnonzero(moved & (tx.dst == centre)).astype(np.int64)
    for title, paths in (
        ("from", forward_paths(tx, idx, outgoing, limits, blocked)),
        ("to", backward_paths(tx, idx, incoming, limits, blocked)),
    ):
        table = _path_table(tx, paths, listed, centre, limit)
        table.title = f"Paths {title} {account} (listed: other listed accounts on the path)"
        console.print(table)


def _path_table(tx: Transactions, paths: Paths, listed: Bools, centre: int, limit: int) -> Table:
    """The ``limit`` paths carrying the most money (longest first among equals)."""
    table = Table()
    for col in ("amount", "hops", "path", "listed"):
        table.add_column(col)
    order = np.lexsort((-paths.hops(), -paths.amount))[:limit]
    for i in order:
        hops = [int(t) for t in paths.tx[i] if t >= 0]
        nodes = [int(tx.src[hops[0]])] + [int(tx.dst[t]) for t in hops]
        text = " -> ".join(tx.accounts.label(n) for n in nodes)
        mark = ", ".join(tx.accounts.label(n) for n in nodes if listed[n] and n != centre)
        table.add_row(f"{paths.amount[i]:,.2f}", str(len(hops)), text, mark)
    return table


flow_cases.register(flows_app)  # after analyze and trace, so that --help lists them first
