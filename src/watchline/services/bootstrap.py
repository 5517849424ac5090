"""First run: an empty home gets the bundled UN Security Council list.

The snapshot ships inside the package (it is public), so ``watchline show`` and ``export``
work out of the box with no network.
"""

from __future__ import annotations

import gzip
import shutil
from importlib import resources
from pathlib import Path

from watchline.services.importing import ImportSummary, Progress, import_file
from watchline.services.registry import Registry
from watchline.settings import Settings

BUNDLED_UN = "un_consolidated_2026-02-27.xml.gz"


def bundled_un_list(target_dir: Path) -> Path:
    """Unpack the bundled UN list into ``target_dir`` (once) and return its path."""
    target = target_dir / BUNDLED_UN.removesuffix(".gz")
    if not target.exists():
        target_dir.mkdir(parents=True, exist_ok=True)
        source = resources.files("watchline.data").joinpath(BUNDLED_UN)
        with source.open("rb") as raw, gzip.open(raw) as unpacked, target.open("wb") as out:
            shutil.copyfileobj(unpacked, out)
    return target


def seed_if_empty(
    registry: Registry, settings: Settings, progress: Progress | None = None
) -> ImportSummary | None:
    """Load the bundled UN list when the registry has no source yet."""
    if not settings.seed_bundled_list or registry.sources():
        return None
    path = bundled_un_list(settings.home / "bundled")
    return import_file(
        registry.store, path, format="un-xml", source="un-sc", actor="bootstrap", progress=progress
    )
