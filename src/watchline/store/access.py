"""SQL for agencies, API keys, the audit log and hit notifications (and nowhere else).

The audit append takes the chain's write lock first (an advisory transaction lock on
PostgreSQL, the database write lock on SQLite) so two writers in different processes can
never read the same last entry and fork the chain; a unique ``prev_hash`` backs that up.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from watchline.store.tables import agencies, api_keys, audit_log, entities, hit_notifications

AUDIT_LOCK_ID = 7_301_955  # arbitrary, constant: the advisory lock guarding the audit chain
GENESIS = "0" * 64
BATCH = 1000


def as_utc(value: datetime) -> datetime:
    """SQLite hands timestamps back naive; they were written in UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class KeyRow:
    id: int
    prefix: str
    agency: str
    role: str
    label: str | None
    created_at: datetime
    revoked_at: datetime | None


@dataclass(frozen=True, slots=True)
class AuditRow:
    seq: int
    at: datetime
    agency: str
    key_id: int | None
    action: str
    target: str | None
    summary: dict[str, Any]
    prev_hash: str
    entry_hash: str


@dataclass(frozen=True, slots=True)
class HitRow:
    reference: str
    at: datetime
    originator: str
    screening_agency: str
    entity_id: str
    score: float
    query: dict[str, Any]
    disclosed: bool


def _key(row: sa.Row[Any]) -> KeyRow:
    revoked = as_utc(row.revoked_at) if row.revoked_at is not None else None
    return KeyRow(
        row.id, row.prefix, row.agency, row.role, row.label, as_utc(row.created_at), revoked
    )


def ensure_agency(conn: Connection, name: str, at: datetime) -> None:
    exists = conn.execute(sa.select(agencies.c.name).where(agencies.c.name == name)).first()
    if exists is None:
        conn.execute(agencies.insert().values(name=name, created_at=at))


def agency_names(conn: Connection) -> set[str]:
    return set(conn.execute(sa.select(agencies.c.name)).scalars())


def insert_key(conn: Connection, values: dict[str, Any]) -> KeyRow:
    inserted = conn.execute(api_keys.insert().values(**values)).inserted_primary_key
    assert inserted is not None
    row = conn.execute(sa.select(api_keys).where(api_keys.c.id == inserted[0])).one()
    return _key(row)


def key_by_hash(conn: Connection, key_hash: str) -> KeyRow | None:
    row = conn.execute(sa.select(api_keys).where(api_keys.c.key_hash == key_hash)).first()
    return _key(row) if row else None


def find_keys(conn: Connection, id_or_prefix: str) -> list[KeyRow]:
    """Keys whose id equals, or whose prefix starts with, what a person typed."""
    condition = api_keys.c.prefix.startswith(id_or_prefix, autoescape=True)
    if id_or_prefix.isdigit():
        condition = sa.or_(condition, api_keys.c.id == int(id_or_prefix))
    return [_key(r) for r in conn.execute(sa.select(api_keys).where(condition))]


def list_keys(conn: Connection) -> list[KeyRow]:
    return [_key(r) for r in conn.execute(sa.select(api_keys).order_by(api_keys.c.id))]


def revoke_key(conn: Connection, key_id: int, at: datetime) -> None:
    conn.execute(api_keys.update().where(api_keys.c.id == key_id).values(revoked_at=at))


# Built once: the audit append runs them on every (group) commit, and building a statement
# costs more than executing these.
_PG_LOCK = sa.text("SELECT pg_advisory_xact_lock(:id)")
_SQLITE_LOCK = sa.text("UPDATE audit_log SET seq = seq WHERE 1 = 0")
_HEAD = sa.select(audit_log.c.seq, audit_log.c.entry_hash).order_by(audit_log.c.seq.desc()).limit(1)


def lock_audit_chain(conn: Connection) -> None:
    """Serialise appenders until this transaction ends (see the module docstring)."""
    if conn.dialect.name == "postgresql":
        conn.execute(_PG_LOCK, {"id": AUDIT_LOCK_ID})
    else:  # a write statement takes SQLite's single write lock (BEGIN IMMEDIATE semantics)
        conn.execute(_SQLITE_LOCK)


@contextmanager
def appender_turn(engine: Engine) -> Iterator[None]:
    """On SQLite, queue appenders of several processes on a file lock before they begin.

    SQLite's own busy handler polls with sleeps of up to 100 ms, which under load turns
    into long latency tails; a blocking ``flock`` wakes the next process at once.
    """
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        yield
        return
    with open(f"{database}.audit-lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def audit_head(conn: Connection) -> tuple[int, str]:
    """The last entry's sequence number and hash (0 and the genesis hash when empty)."""
    row = conn.execute(_HEAD).first()
    return (int(row.seq), row.entry_hash) if row else (0, GENESIS)


def insert_audit(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(audit_log.insert(), rows)


def _audit(row: sa.Row[Any]) -> AuditRow:
    return AuditRow(
        int(row.seq),
        as_utc(row.at),
        row.agency,
        row.key_id,
        row.action,
        row.target,
        dict(row.summary),
        row.prev_hash,
        row.entry_hash,
    )


def iter_audit(
    conn: Connection, after: int = 0, limit: int | None = None, newest_first: bool = False
) -> Iterator[AuditRow]:
    """Audit entries in sequence order, streamed in batches."""
    order = audit_log.c.seq.desc() if newest_first else audit_log.c.seq
    query = sa.select(audit_log).where(audit_log.c.seq > after).order_by(order)
    if limit is not None:
        query = query.limit(limit)
    for row in conn.execution_options(stream_results=True, yield_per=BATCH).execute(query):
        yield _audit(row)


def insert_hits(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(hit_notifications.insert(), rows)


def list_hits(
    conn: Connection, originator: str, after: datetime | None, limit: int
) -> list[HitRow]:
    table = hit_notifications
    query = sa.select(table).where(table.c.originator == originator)
    if after is not None:
        query = query.where(table.c.at > after)
    query = query.order_by(table.c.id.desc()).limit(limit)
    return [
        HitRow(
            r.reference,
            as_utc(r.at),
            r.originator,
            r.screening_agency,
            r.entity_id,
            float(r.score),
            dict(r.query),
            bool(r.disclosed),
        )
        for r in conn.execute(query)
    ]


def restricted_listings(conn: Connection) -> list[tuple[str, str, str, str, list[str]]]:
    """(source, status, originator, handling, shared_with) of every non-public listed subject.

    Non-public records are few, so visibility is decided in Python rather than with
    dialect-specific JSON SQL.
    """
    e = entities
    query = sa.select(e.c.source, e.c.status, e.c.originator, e.c.handling, e.c.shared_with).where(
        e.c.target.is_(True), e.c.handling != "public"
    )
    return [
        (r.source, r.status, r.originator, r.handling, list(r.shared_with))
        for r in conn.execute(query)
    ]
