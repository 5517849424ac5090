"""Importer for FollowTheMoney JSON lines (OpenSanctions exports), and nothing more.

Entities are kept exactly as given: ids, schema, properties, datasets and the ``target``
flag. Every line must be one FtM object; a bad line raises naming its number.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from watchline.errors import InputError
from watchline.model import Entity, Listing, Record
from watchline.sources.base import SourceInfo, where


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Non-blank decoded lines with their numbers; bytes that are not UTF-8 are an error."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(f"not UTF-8: {exc.reason}", where=where(path, number)) from None
            if line.strip():
                yield number, line


def parse_line(path: Path, number: int, line: str) -> Entity:
    """One FtM entity from one line of JSON."""
    try:
        data = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise InputError(f"not JSON: {exc}", where=where(path, number)) from None
    return Entity.from_ftm(data, where=where(path, number))


class FtmSource:
    """An FtM JSON-lines file; source defaults to the first entity's first dataset."""

    def __init__(self, path: Path, source: str | None = None, originator: str | None = None):
        self.path = path
        self.originator = originator or "OpenSanctions"
        self.warnings: list[str] = []
        self.source = source or self._first_dataset() or path.name.split(".")[0]
        self.info = SourceInfo(
            self.source, f"FtM entities: {path.name}", "ftm", self.originator, None
        )

    def _first_dataset(self) -> str | None:
        for number, line in _lines(self.path):
            entity = parse_line(self.path, number, line)
            return entity.datasets[0] if entity.datasets else None
        return None

    def records(self) -> Iterator[Record]:
        """Stream the records; the first malformed input raises InputError."""
        listing = Listing(self.source, self.originator)
        for number, line in _lines(self.path):
            yield Record(parse_line(self.path, number, line), listing)
