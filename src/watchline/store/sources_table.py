"""Loaded sources and the log of imports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from watchline.store.tables import imports, sources


@dataclass(frozen=True, slots=True)
class SourceRow:
    name: str
    title: str
    format: str
    publisher: str
    list_date: str | None
    last_import_id: int | None
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ImportRow:
    id: int
    source: str
    path: str
    sha256: str
    format: str
    list_date: str | None
    actor: str
    started_at: datetime
    finished_at: datetime
    added: int
    amended: int
    removed: int
    unchanged: int
    warnings: list[str]


def upsert_source(conn: Connection, values: dict[str, Any]) -> None:
    exists = conn.execute(sa.select(sources.c.name).where(sources.c.name == values["name"]))
    if exists.first():
        conn.execute(sources.update().where(sources.c.name == values["name"]).values(**values))
    else:
        conn.execute(sources.insert().values(**values))


def list_sources(conn: Connection) -> list[SourceRow]:
    rows = conn.execute(sa.select(sources).order_by(sources.c.name))
    return [SourceRow(**dict(r._mapping)) for r in rows]


def add_import(conn: Connection, values: dict[str, Any]) -> int:
    result = conn.execute(imports.insert().values(**values).returning(imports.c.id))
    return int(result.scalar_one())


def get_import(conn: Connection, import_id: int) -> ImportRow | None:
    row = conn.execute(sa.select(imports).where(imports.c.id == import_id)).first()
    return ImportRow(**dict(row._mapping)) if row else None


def last_import(conn: Connection, source: str) -> ImportRow | None:
    query = (
        sa.select(imports).where(imports.c.source == source).order_by(imports.c.id.desc()).limit(1)
    )
    row = conn.execute(query).first()
    return ImportRow(**dict(row._mapping)) if row else None


def finish_import(conn: Connection, import_id: int, values: dict[str, Any]) -> None:
    conn.execute(imports.update().where(imports.c.id == import_id).values(**values))
