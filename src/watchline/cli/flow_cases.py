"""``watchline flows alerts|cases|case ...|report``: work the alerts an analysis saved.

Alerts become cases; a case collects notes and is closed as reported (with a goAML STR) or
dismissed, its history kept. These commands read and write the store only: no transaction
file is needed, which is the seam with ``flows`` (analysis and tracing).
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from watchline.cli.context import console, err_console, get_context
from watchline.errors import InputError
from watchline.services import flows_cases as cases
from watchline.store import cases as repo
from watchline.store.db import Store

case_app = typer.Typer(
    help="Open, annotate and close cases on stored alerts.", no_args_is_help=True
)


def register(flows_app: typer.Typer) -> None:
    """Mount the case commands on the ``flows`` group."""
    flows_app.add_typer(case_app, name="case")
    flows_app.command("alerts")(list_alerts)
    flows_app.command("cases")(case_list)
    flows_app.command("report")(report)


def open_store(ctx: typer.Context) -> Store:
    return Store.open(get_context(ctx).settings.database_url)


def list_alerts(ctx: typer.Context, limit: int = typer.Option(50)) -> None:
    """Stored alerts, highest score first."""
    store = open_store(ctx)
    table = Table("id", "account", "holder", "score", "typologies")
    with store.reader() as conn:
        for a in repo.list_alerts(conn, limit):
            table.add_row(
                str(a.id),
                f"{a.bank}/{a.account}",
                a.holder,
                f"{a.score:.2f}",
                ";".join(a.typologies),
            )
    console.print(table)


@case_app.command("open")
def case_open(ctx: typer.Context, alert_id: int, title: str = typer.Option("")) -> None:
    """Open a case on a stored alert."""
    case_id = cases.open_case(open_store(ctx), alert_id, title, get_context(ctx).actor)
    console.print(f"case {case_id} opened")


@case_app.command("note")
def case_note(ctx: typer.Context, case_id: int, text: str) -> None:
    """Add a note to an open case."""
    cases.add_note(open_store(ctx), case_id, text, get_context(ctx).actor)
    console.print(f"note added to case {case_id}")


@case_app.command("close")
def case_close(
    ctx: typer.Context,
    case_id: int,
    outcome: str = typer.Option(..., "--as", help="reported or dismissed"),
    note: str = typer.Option("", help="Why."),
) -> None:
    """Close a case as reported or dismissed (the history is kept)."""
    cases.close_case(open_store(ctx), case_id, outcome, note, get_context(ctx).actor)
    console.print(f"case {case_id} closed as {outcome}")


@case_app.command("show")
def case_show(ctx: typer.Context, case_id: int) -> None:
    """A case, its alert and its whole history."""
    view = cases.get_case(open_store(ctx), case_id)
    a = view.alert
    console.print(f"[bold]case {case_id}[/] {escape(view.case.title)} ({view.case.status})")
    console.print(
        f"alert {a.id}: {a.bank}/{a.account} {escape(a.holder)} score {a.score:.2f} "
        f"({';'.join(a.typologies)}), {len(a.evidence)} payments of evidence"
    )
    for e in view.case.events:
        console.print(f"  {e.at:%Y-%m-%d %H:%M} {e.actor} {e.kind} ({e.status}) {escape(e.text)}")


def case_list(ctx: typer.Context) -> None:
    """Every case and its current status."""
    table = Table("id", "alert", "title", "status", "opened")
    for c in cases.list_cases(open_store(ctx)):
        table.add_row(str(c.id), str(c.alert_id), c.title, c.status, f"{c.opened_at:%Y-%m-%d}")
    console.print(table)


def report(
    ctx: typer.Context,
    case_id: int = typer.Argument(..., metavar="CASE"),
    format: str = typer.Option("goaml", "--format", help="Only goaml for now."),
    out: Path | None = typer.Option(None, "--out", help="File to write (default stdout)."),
    lookups: Path | None = typer.Option(None, "--lookups", help="Per-FIU goAML lookup YAML."),
) -> None:
    """Write the case's suspicious transaction report."""
    if format != "goaml":
        raise InputError("only --format goaml is supported", where="--format")
    result = cases.goaml_report(open_store(ctx), case_id, lookups)
    if out is None:
        typer.echo(result.xml.decode("utf-8"))
    else:
        out.write_bytes(result.xml)
    err_console.print(
        f"{result.included} payments reported; {result.left_out} left out "
        "(no client of the reporting institution on either side)"
    )
