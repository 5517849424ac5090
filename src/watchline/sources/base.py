"""What every importer returns: a description of the source and a stream of records.

Importers only parse. The import service (written elsewhere) consumes ``records()`` inside
one transaction and rolls back when an :class:`~watchline.errors.InputError` escapes, so an
importer must raise on malformed input and never skip it silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from watchline.errors import InputError
from watchline.model import Entity, Record


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """Who published a list, in which format, and the date the list itself carries."""

    name: str
    title: str
    format: str
    publisher: str
    list_date: str | None  # ISO date (YYYY-MM-DD) or None when the file carries none


class ParsedSource(Protocol):
    """An opened list file. ``records()`` streams; it may be called more than once."""

    info: SourceInfo
    warnings: list[str]

    def records(self) -> Iterator[Record]:
        """Stream the records (bounded memory); malformed input raises InputError."""
        ...


def where(path: Path, line: int | None = None, detail: str | None = None) -> str:
    """Format an error location the way every importer reports it: ``file:line (detail)``."""
    text = path.name if line is None else f"{path.name}:{line}"
    return f"{text} ({detail})" if detail else text


def claim(seen: set[str], key: str, here: str) -> None:
    """Refuse a key already used in this file: two records with one id would overwrite."""
    if key in seen:
        raise InputError(f"duplicate id {key!r}", where=here)
    seen.add(key)


def with_sanction(subject: Record, props: Mapping[str, Iterable[str]]) -> Iterator[Record]:
    """The subject's record, then its FtM Sanction adjunct under the same listing.

    The Sanction's id is ``<subject id>-sanction``: derived from the source's own record id
    and nothing else, so a re-import of the same designation yields the same adjunct and the
    import classifies it unchanged (or amended, when its terms changed) rather than new.
    """
    yield subject
    sanction = Entity.build(f"{subject.id}-sanction", "Sanction", {"entity": [subject.id], **props})
    yield Record(sanction, subject.listing, meta={"subject": subject.id})
