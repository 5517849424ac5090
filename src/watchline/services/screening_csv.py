"""The batch screening CSV contract.

Input: a header row with ``id,name`` and optionally ``birth_date,nationality,gender,
id_number,schema``. Output: ``query_id,rank,entity_id,score,matched_name,explanation``, one
row per hit at or above the threshold, ranks from 1 per query. ``entity_id`` is the record id
as imported (the FtM id), so any evaluation set in this layout can be scored by anyone.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from watchline.errors import InputError
from watchline.matching import Query
from watchline.model import SCHEMATA

REQUIRED = ("id", "name")
OPTIONAL = ("birth_date", "nationality", "gender", "id_number", "schema")
OUTPUT_COLUMNS = ("query_id", "rank", "entity_id", "score", "matched_name", "explanation")


@dataclass(frozen=True, slots=True)
class QueryRow:
    query_id: str
    query: Query


def read_queries(path: Path) -> list[QueryRow]:
    """Read and validate every row first, so a bad row fails the run before any output."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return list(_parse(csv.DictReader(handle), path.name))
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 text ({error.reason})", where=str(path)) from error
    except csv.Error as error:
        raise InputError(f"malformed CSV: {error}", where=str(path)) from error


def _parse(reader: csv.DictReader[str], name: str) -> Iterator[QueryRow]:
    header = reader.fieldnames or []
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputError(
            f"missing column(s) {', '.join(missing)}; header is {header}", where=f"{name}:1"
        )
    seen: set[str] = set()
    for line, row in enumerate(reader, start=2):
        where = f"{name}:{line}"
        if None in row:
            raise InputError("more fields than the header has", where=where)
        query_id, text = (row.get("id") or "").strip(), (row.get("name") or "").strip()
        if not query_id or not text:
            raise InputError("'id' and 'name' must not be empty", where=where)
        if query_id in seen:
            raise InputError(f"query id {query_id!r} repeats", where=where)
        seen.add(query_id)
        yield QueryRow(query_id, _query(row, text, where))


def _query(row: dict[str, str], name: str, where: str) -> Query:
    schema = (row.get("schema") or "").strip() or "Person"
    if schema not in SCHEMATA:
        raise InputError(f"unknown schema {schema!r}", where=where)
    values = {key: (row.get(key) or "").strip() or None for key in OPTIONAL[:-1]}
    return Query(name=name, schema=schema, **values)


@dataclass(frozen=True, slots=True)
class ResultRow:
    query_id: str
    rank: int
    entity_id: str
    score: float
    matched_name: str
    explanation: str


def write_results(path: Path, rows: Sequence[ResultRow]) -> None:
    """Write atomically: a reader never sees half a file, and a failure leaves none."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(OUTPUT_COLUMNS)
            for r in rows:
                writer.writerow(
                    [
                        r.query_id,
                        r.rank,
                        r.entity_id,
                        f"{r.score:.4f}",
                        r.matched_name,
                        r.explanation,
                    ]
                )
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
