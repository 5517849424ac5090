"""The ``watchline`` entry point: global options, sub-commands, error reporting."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from watchline.cli import registry_commands
from watchline.cli.context import AppContext, err_console
from watchline.errors import InputError, WatchlineError
from watchline.settings import Settings

app = typer.Typer(
    name="watchline",
    help="Shared registry, screening and financial intelligence for counter-terrorism agencies.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _root(
    ctx: typer.Context,
    home: Path | None = typer.Option(
        None, "--home", help="Data directory (default $WATCHLINE_HOME or ~/.local/share/watchline)."
    ),
) -> None:
    """Settings are read here once and handed to every command."""
    ctx.obj = AppContext(Settings.from_env(home=home))


registry_commands.register(app)


def _register_optional() -> None:
    """Mount the command groups of the other capabilities."""
    from watchline.cli import screen_commands

    screen_commands.register(app)
    for module, name in (("watchline.cli.flows", "flows"), ("watchline.cli.service", None)):
        try:
            mod = __import__(module, fromlist=["register"])
        except ModuleNotFoundError as error:
            if error.name != module:
                raise
            continue
        mod.register(app) if name is None else app.add_typer(mod.flows_app, name=name)


_register_optional()


def main() -> None:
    """Run the CLI; our own errors become one clear line and a non-zero exit status."""
    try:
        app()
    except InputError as error:
        err_console.print(f"[red]error:[/] {error}")
        sys.exit(2)
    except WatchlineError as error:
        err_console.print(f"[red]error:[/] {error}")
        sys.exit(1)
