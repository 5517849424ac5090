"""What every command needs: settings read once, the store and registry opened lazily."""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field

import typer
from rich.console import Console

from watchline.services.bootstrap import seed_if_empty
from watchline.services.registry import Registry
from watchline.settings import Settings
from watchline.store import Store

console = Console()
err_console = Console(stderr=True)


@dataclass
class AppContext:
    settings: Settings
    _registry: Registry | None = field(default=None, repr=False)

    @property
    def actor(self) -> str:
        """Who the history records as having made a CLI change."""
        try:
            return f"cli:{getpass.getuser()}"
        except (KeyError, OSError):
            return "cli"

    def registry(self, seed: bool = True) -> Registry:
        """The registry; on an empty home, first load the bundled UN list."""
        if self._registry is None:
            self._registry = Registry(Store.open(self.settings.database_url))
            if seed:
                self._seed()
        return self._registry

    def _seed(self) -> None:
        assert self._registry is not None
        from watchline.cli.progress import counting_progress

        with counting_progress("Loading the bundled UN list") as advance:
            summary = seed_if_empty(self._registry, self.settings, progress=advance)
        if summary:
            listed = sum(s.active for s in self._registry.sources() if s.name == summary.source)
            err_console.print(
                f"[dim]First run: loaded the bundled UN Security Council list of "
                f"{summary.list_date}: {listed:,} listed persons and "
                f"organisations ({summary.added:,} FtM entities).[/]"
            )


def get_context(ctx: typer.Context) -> AppContext:
    obj = ctx.find_root().obj
    assert isinstance(obj, AppContext)
    return obj
