"""``watchline serve``, ``watchline keys ...`` and ``watchline audit ...``."""

from __future__ import annotations

import json
import os

import typer
from rich.table import Table

from watchline.cli.context import console, err_console, get_context
from watchline.services.access import KeyService
from watchline.services.audit import AuditLog
from watchline.store.db import Store

keys_app = typer.Typer(help="API keys of agencies: create, list, revoke.", no_args_is_help=True)
audit_app = typer.Typer(help="The hash-chained audit log: verify, show.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command(name="serve")(serve)
    app.add_typer(keys_app, name="keys")
    app.add_typer(audit_app, name="audit")


def _store(ctx: typer.Context) -> Store:
    return get_context(ctx).registry(seed=False).store


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="TCP port."),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes."),
    access_log: bool = typer.Option(False, "--access-log", help="Log every request."),
) -> None:
    """Run the HTTP API (OpenAPI at /openapi.json, interactive docs at /docs)."""
    import uvicorn

    from watchline.api import create_app
    from watchline.services.screening import ScreeningService

    app_ctx = get_context(ctx)
    settings = app_ctx.settings
    ScreeningService(app_ctx.registry(), settings.index_dir).save()  # built once, loaded fast
    err_console.print(f"watchline API on http://{host}:{port} (docs: /docs)")
    options = {
        "host": host,
        "port": port,
        "access_log": access_log,
        "log_level": "warning",
        "proxy_headers": False,
        "server_header": False,
    }
    if workers == 1:
        uvicorn.run(create_app(settings), **options)  # type: ignore[arg-type]
        return
    os.environ["WATCHLINE_HOME"] = str(settings.home)
    os.environ["WATCHLINE_DATABASE_URL"] = settings.database_url
    uvicorn.run("watchline.api.app:create_app_from_env", factory=True, workers=workers, **options)  # type: ignore[arg-type]


@keys_app.command("create")
def keys_create(
    ctx: typer.Context,
    agency: str = typer.Option(..., "--agency", help="Agency the key acts for."),
    role: str = typer.Option(..., "--role", help="screener, list-manager, auditor or admin."),
    label: str | None = typer.Option(None, "--label", help="A note: who or what uses it."),
) -> None:
    """Create a key and print it once: only its hash is stored."""
    new = KeyService(_store(ctx)).create(agency, role, label)
    err_console.print(
        f"Key {new.row.id} ({new.row.prefix}…) for {new.row.agency} as "
        f"{new.row.role}. Store it now: it cannot be shown again."
    )
    typer.echo(new.secret)


@keys_app.command("revoke")
def keys_revoke(
    ctx: typer.Context,
    key: str = typer.Argument(..., help="The key's id or (the start of) its prefix."),
) -> None:
    """Revoke a key: requests with it are refused from now on."""
    row = KeyService(_store(ctx)).revoke(key)
    console.print(f"Revoked key {row.id} ({row.prefix}…) of {row.agency}.")


@keys_app.command("list")
def keys_list(ctx: typer.Context) -> None:
    """Every key, revoked ones included (never the key itself)."""
    table = Table(title="API keys")
    for column in ("id", "prefix", "agency", "role", "label", "created", "revoked"):
        table.add_column(column)
    for row in KeyService(_store(ctx)).list():
        revoked = row.revoked_at.strftime("%Y-%m-%d %H:%M") if row.revoked_at else ""
        table.add_row(
            str(row.id),
            row.prefix,
            row.agency,
            row.role,
            row.label or "",
            row.created_at.strftime("%Y-%m-%d %H:%M"),
            revoked,
        )
    console.print(table)


@audit_app.command("verify")
def audit_verify(ctx: typer.Context) -> None:
    """Check the hash chain; name the first broken entry and exit 1 if there is one."""
    result = AuditLog(_store(ctx)).verify()
    if result.ok:
        console.print(f"Audit chain intact: {result.checked:,} entries.")
        return
    err_console.print(
        f"[red]Audit chain broken at entry {result.broken_at}[/]: "
        f"{result.problem} ({result.checked:,} entries before it are intact)."
    )
    raise typer.Exit(1)


@audit_app.command("show")
def audit_show(
    ctx: typer.Context,
    limit: int = typer.Option(20, "--limit", min=1, help="How many of the newest entries."),
) -> None:
    """The newest audit entries."""
    table = Table(title="Audit log (newest first)")
    for column in ("seq", "at", "agency", "action", "target", "summary"):
        table.add_column(column)
    for row in AuditLog(_store(ctx)).entries(limit=limit, newest_first=True):
        summary = json.dumps(row.summary, ensure_ascii=False)
        table.add_row(
            str(row.seq),
            row.at.strftime("%Y-%m-%d %H:%M:%S"),
            row.agency,
            row.action,
            row.target or "",
            summary[:80],
        )
    console.print(table)
