"""``watchline screen``: one name, a passport MRZ, or a CSV batch against the registry."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import typer
from rich.table import Table

from watchline.cli.context import AppContext, console, err_console, get_context
from watchline.cli.progress import counting_progress
from watchline.errors import InputError
from watchline.matching import Query
from watchline.services.screening import ScreeningService, ScreenResult
from watchline.services.screening_csv import QueryRow, ResultRow, read_queries, write_results
from watchline.services.screening_pool import ScreeningPool


def register(app: typer.Typer) -> None:
    app.command(name="screen")(screen)


def open_screening(app_ctx: AppContext) -> ScreeningService:
    registry = app_ctx.registry()
    with counting_progress("Preparing the screening index") as advance:
        return ScreeningService(registry, app_ctx.settings.index_dir, progress=advance)


def screen(
    ctx: typer.Context,
    name: str | None = typer.Argument(None, help="The name to screen."),
    dob: str | None = typer.Option(None, "--dob", help="Birth date, YYYY[-MM[-DD]]."),
    nationality: str | None = typer.Option(None, "--nationality", help="Country code or name."),
    gender: str | None = typer.Option(None, "--gender", help="male or female."),
    id_number: str | None = typer.Option(None, "--id-number", help="Passport or ID number."),
    schema: str = typer.Option("Person", "--schema", help="Person, Organization, LegalEntity..."),
    mrz: str | None = typer.Option(None, "--mrz", help="A passport/ID machine-readable zone."),
    input: Path | None = typer.Option(None, "--input", help="CSV of queries (id,name,...)."),
    output: Path | None = typer.Option(None, "--output", help="CSV of hits (with --input)."),
    min_score: float | None = typer.Option(
        None, "--min-score", help="Report hits from this score (default: the documented threshold)."
    ),
    limit: int = typer.Option(10, "--limit", min=1, max=1000, help="Hits per query at most."),
    workers: int = typer.Option(
        1, "--workers", min=1, help="Worker processes for --input (one per core; Linux, macOS)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
    html: Path | None = typer.Option(
        None, "--html", help="Also write the hits as an HTML page with pictures."
    ),
) -> None:
    """Screen a name, an MRZ or a CSV batch; every hit comes with its explanation."""
    app_ctx = get_context(ctx)
    if input is not None:
        if output is None:
            raise InputError("--input needs --output", where="--output")
        if html is not None:
            raise InputError("--html draws one query's hits: give a NAME or --mrz", "--html")
        _batch(app_ctx, BatchJob(input, output, min_score, limit, workers))
        return
    if workers > 1:
        raise InputError("--workers screens a --input batch; one name needs none", "--workers")
    if mrz is not None:
        query = _mrz_query(mrz)
    elif name:
        query = Query(
            name=name,
            schema=schema,
            birth_date=dob,
            nationality=nationality,
            gender=gender,
            id_number=id_number,
        )
    else:
        raise InputError("give a NAME, --mrz or --input", where="arguments")
    service = open_screening(app_ctx)
    results = service.screen(query, limit=limit, threshold=min_score)
    _show(results, query.names[0], as_json)
    if html is not None:
        threshold = service.default_threshold if min_score is None else min_score
        _write_html(html, query, results, threshold)


def _mrz_query(text: str) -> Query:
    from watchline.text.mrz import parse_mrz

    parsed = parse_mrz(text)
    for failure in parsed.failures:
        err_console.print(f"[red]MRZ check digit failed:[/] {failure}")
    err_console.print(
        f"MRZ: {parsed.surname}, {parsed.given_names} "
        f"({parsed.nationality}, born {parsed.birth_date})"
    )
    return parsed.to_query()


def _show(results: list[ScreenResult], name: str, as_json: bool) -> None:
    if as_json:
        payload = [
            {
                "entity_id": r.hit.entity_id,
                "score": round(r.hit.score, 4),
                "caption": r.record.entity.caption,
                "schema": r.record.entity.schema,
                "source": r.record.listing.source,
                "matched_name": r.hit.matched_name,
                "explanation": r.hit.explanation.to_dict(),
            }
            for r in results
        ]
        console.print_json(json.dumps(payload, ensure_ascii=False))
        return
    if not results:
        console.print(f"No hit for {name!r} at or above the threshold.")
        return
    table = Table(title=f"Hits for {name!r}")
    for column in ("#", "score", "record", "listed name", "source", "why"):
        table.add_column(column)
    for rank, r in enumerate(results, start=1):
        table.add_row(
            str(rank),
            f"{r.hit.score:.3f}",
            f"{r.record.entity.caption}\n[dim]{r.hit.entity_id}[/]",
            r.hit.matched_name,
            r.record.listing.source,
            r.hit.explanation.summary(),
        )
    console.print(table)


def _write_html(path: Path, query: Query, results: list[ScreenResult], threshold: float) -> None:
    """The hit cards page (watchline.reports), for people who would rather see than read."""
    from watchline.reports import HitView, render_hits_html

    views = [HitView.build(r.hit, r.record.entity, r.record.listing, threshold) for r in results]
    facts = (query.birth_date, query.nationality, query.gender, query.id_number)
    page = render_hits_html(query.names[0], views, [f for f in facts if f], threshold)
    try:
        path.write_text(page, encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror}", where="--html") from error
    err_console.print(f"Hit pictures written to {path}")


@dataclass(frozen=True, slots=True)
class BatchJob:
    """What ``screen --input`` was asked to do."""

    input: Path
    output: Path
    min_score: float | None
    limit: int
    workers: int


def _batch(app_ctx: AppContext, job: BatchJob) -> None:
    rows = read_queries(job.input)
    service = open_screening(app_ctx)
    pooled = job.workers > 1
    results = _pooled(service, rows, job) if pooled else _in_process(service, rows, job)
    write_results(job.output, results)
    hit_queries = len({r.query_id for r in results})
    console.print(
        f"Screened {len(rows):,} queries: {hit_queries:,} with hits, "
        f"{len(results):,} hit rows written to {job.output}"
    )


def _in_process(service: ScreeningService, rows: list[QueryRow], job: BatchJob) -> list[ResultRow]:
    results: list[ResultRow] = []
    chunk = 1000
    with counting_progress(f"Screening {job.input.name}", total=len(rows)) as advance:
        for start in range(0, len(rows), chunk):
            part = rows[start : start + chunk]
            queries = [r.query for r in part]
            batches = service.screen_many(queries, limit=job.limit, threshold=job.min_score)
            for row, hits in zip(part, batches, strict=True):
                results.extend(
                    ResultRow(
                        row.query_id,
                        rank,
                        h.hit.entity_id,
                        h.hit.score,
                        h.hit.matched_name,
                        h.hit.explanation.summary(),
                    )
                    for rank, h in enumerate(hits, start=1)
                )
            advance(len(part))
    return results


def _pooled(service: ScreeningService, rows: list[QueryRow], job: BatchJob) -> list[ResultRow]:
    """The same rows as :func:`_in_process`, screened by forked workers (``screening_pool``);
    hits on records delisted meanwhile are dropped as the in-process path drops them."""
    screener = service.screener
    with ScreeningPool(screener, job.workers, job.limit, job.min_score) as pool:
        label = f"Screening {job.input.name} ({job.workers} workers)"
        with counting_progress(label, total=len(rows)) as advance:
            found = pool.screen_many([r.query for r in rows], advance)
    listed = service.still_listed(list({h.entity_id for hits in found for h in hits}))
    results: list[ResultRow] = []
    for row, hits in zip(rows, found, strict=True):
        kept = [h for h in hits if h.entity_id in listed]
        results.extend(
            ResultRow(row.query_id, rank, h.entity_id, h.score, h.matched_name, h.summary)
            for rank, h in enumerate(kept, start=1)
        )
    return results
