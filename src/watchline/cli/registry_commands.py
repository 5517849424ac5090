"""Registry commands: import, sources, show, export, diff."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.table import Table

from watchline.cli.context import console, get_context
from watchline.cli.progress import counting_progress
from watchline.model import Entity, Record, Status
from watchline.services.importing import ImportSummary
from watchline.sources import FORMATS
from watchline.sources.ftm_export import write_ftm
from watchline.store.registry import HistoryEntry


def register(app: typer.Typer) -> None:
    for command in (import_, sources, show, export, diff):
        app.command(name=command.__name__.rstrip("_"))(command)


def import_(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="List file (or OFAC/UK directory) to import."),
    format: str | None = typer.Option(
        None,
        "--format",
        help=f"One of {', '.join(FORMATS)}; detected from the content when left out.",
    ),
    source: str | None = typer.Option(None, "--source", help="Source name to record it under."),
    originator: str | None = typer.Option(
        None, "--originator", help="Originating agency (national lists)."
    ),
) -> None:
    """Import a list atomically: all of it, or nothing and a clear error."""
    app_ctx = get_context(ctx)
    registry = app_ctx.registry(seed=False)
    with counting_progress(f"Importing {file.name}") as advance:
        summary = registry.import_file(
            file,
            format=format,
            source=source,
            originator=originator,
            actor=app_ctx.actor,
            progress=advance,
        )
    _print_summary(summary)


def _print_summary(summary: ImportSummary) -> None:
    table = Table(
        title=f"Import #{summary.import_id} of {summary.source} "
        f"(list date {summary.list_date or 'unknown'})"
    )
    for column in ("added", "amended", "removed", "unchanged"):
        table.add_column(column, justify="right")
    table.add_row(
        *(f"{getattr(summary, c):,}" for c in ("added", "amended", "removed", "unchanged"))
    )
    console.print(table)
    for warning in summary.warnings:
        console.print(f"[yellow]warning:[/] {warning}")


def sources(ctx: typer.Context) -> None:
    """Loaded sources: list dates, record counts, last import."""
    table = Table(title="Sources")
    table.add_column("source", max_width=24)
    for column in ("list date", "active", "delisted", "last import", "+/~/-"):
        table.add_column(column, justify="right" if column in ("active", "delisted") else "left")
    for s in get_context(ctx).registry().sources():
        last = s.last_import
        when = f"{last.finished_at:%Y-%m-%d %H:%M}\n[dim]{last.actor}[/]" if last else "-"
        changes = f"+{last.added:,} ~{last.amended:,} -{last.removed:,}" if last else "-"
        table.add_row(
            f"{s.name}\n[dim]{s.title}[/]",
            s.list_date or "-",
            f"{s.active:,}",
            f"{s.delisted:,}",
            when,
            changes,
        )
    console.print(table)


def show(ctx: typer.Context, entity_id: str = typer.Argument(..., metavar="ID")) -> None:
    """One record: its properties, listing, adjunct entities and full history."""
    registry = get_context(ctx).registry()
    record = registry.get(entity_id)
    _print_record(record)
    _print_adjuncts(record.id, registry.adjuncts(entity_id))
    _print_history(registry.history(entity_id))


def _print_record(record: Record) -> None:
    listing = record.listing
    table = Table(
        title=f"{record.entity.caption} [{record.entity.schema}] {record.id}", show_header=False
    )
    table.add_column(style="bold")
    table.add_column()
    for key, values in sorted(record.entity.properties.items()):
        table.add_row(key, "\n".join(values))
    for key in ("source", "originator", "legal_basis", "reason", "listed_on", "status", "handling"):
        table.add_row(f"[cyan]{key}[/]", str(getattr(listing, key) or "-"))
    console.print(table)


def _print_adjuncts(subject_id: str, adjuncts: list[Record]) -> None:
    """The entities the list attaches to the record (Sanction, Passport, ...), one row each;
    nothing at all when there are none, as for most national-list records."""
    if not adjuncts:
        return
    table = Table(title="Adjuncts")
    for column in ("id", "schema", "status", "details"):
        table.add_column(column)
    for adjunct in adjuncts:
        table.add_row(
            adjunct.id,
            adjunct.entity.schema,
            adjunct.listing.status.value,
            adjunct_details(adjunct.entity, subject_id),
        )
    console.print(table)


def adjunct_details(entity: Entity, subject_id: str) -> str:
    """``property: values`` lines of an adjunct, leaving out what only repeats the subject's
    id or the source address, so the row says what the adjunct adds."""
    lines = [
        f"{key}: {'; '.join(values)}"
        for key, values in sorted(entity.properties.items())
        if key != "sourceUrl" and values != (subject_id,)
    ]
    return "\n".join(line if len(line) <= 120 else line[:119] + "…" for line in lines)


def _print_history(entries: list[HistoryEntry]) -> None:
    history = Table(title="History")
    for column in ("version", "event", "when", "by", "why"):
        history.add_column(column)
    for entry in entries:
        history.add_row(
            str(entry.version),
            entry.event,
            f"{entry.at:%Y-%m-%d %H:%M:%S}",
            entry.actor,
            entry.reason or "",
        )
    console.print(history)


def export(
    ctx: typer.Context,
    format: str = typer.Option("ftm", "--format", help="Export format (ftm: FtM JSON lines)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="File (default stdout)."),
    source: str | None = typer.Option(None, "--source", help="Only this source."),
    include_delisted: bool = typer.Option(
        False, "--include-delisted", help="Also export delisted records."
    ),
) -> None:
    """Export the registry as FollowTheMoney JSON lines, one entity per line."""
    if format != "ftm":
        raise typer.BadParameter("only 'ftm' is supported", param_hint="--format")
    registry = get_context(ctx).registry()
    status = None if include_delisted else Status.ACTIVE
    entities = (r.entity for r in registry.records(source=source, status=status))
    if output is None:
        count = write_ftm(entities, sys.stdout)
    else:
        with output.open("w", encoding="utf-8") as handle:
            count = write_ftm(entities, handle)
        console.print(f"Wrote {count:,} entities to {output}")


def diff(ctx: typer.Context, source: str = typer.Argument(..., help="Source name.")) -> None:
    """What the last import of SOURCE added, amended and removed."""
    last, changes = get_context(ctx).registry().last_changes(source)
    console.print(
        f"Import #{last.id} of {source} at {last.finished_at:%Y-%m-%d %H:%M} "
        f"from {last.path}: +{last.added} ~{last.amended} -{last.removed} "
        f"({last.unchanged} unchanged)"
    )
    table = Table()
    table.add_column("change")
    table.add_column("record")
    for entity_id, event in changes:
        table.add_row(event, entity_id)
    console.print(table)
