"""Alerts and cases of the financial-intelligence analysis (SQLAlchemy Core).

Nothing here is ever updated in place: an alert is written once, a case is written once, and
every change of a case (opened, note, closed as reported or dismissed) is a new row in
``flow_case_events``. A case's state is its latest event, and its history is all of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from watchline.store.tables import Json, Timestamp, metadata

flow_alerts = sa.Table(
    "flow_alerts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("bank", sa.String(100), nullable=False),
    sa.Column("account", sa.String(100), nullable=False),
    sa.Column("holder", sa.Text, nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("typologies", Json, nullable=False),
    sa.Column("reasons", Json, nullable=False),
    sa.Column("evidence", Json, nullable=False),
)

flow_cases = sa.Table(
    "flow_cases",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("alert_id", sa.Integer, sa.ForeignKey("flow_alerts.id"), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("opened_at", Timestamp, nullable=False),
    sa.Column("opened_by", sa.String(200), nullable=False),
)

flow_case_events = sa.Table(
    "flow_case_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.Integer, sa.ForeignKey("flow_cases.id"), nullable=False, index=True),
    sa.Column("at", Timestamp, nullable=False),
    sa.Column("actor", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
)


@dataclass(frozen=True, slots=True)
class AlertRow:
    """A stored alert; ``evidence`` is a list of payment dicts (see services.flows_cases)."""

    id: int
    created_at: datetime
    source: str
    bank: str
    account: str
    holder: str
    score: float
    typologies: list[str]
    reasons: list[str]
    evidence: list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class EventRow:
    at: datetime
    actor: str
    kind: str
    status: str
    text: str


@dataclass(frozen=True, slots=True)
class CaseRow:
    """A case with its full history, oldest event first; ``status`` is the latest one."""

    id: int
    alert_id: int
    title: str
    opened_at: datetime
    opened_by: str
    events: tuple[EventRow, ...]

    @property
    def status(self) -> str:
        return self.events[-1].status if self.events else "open"


def insert_alerts(conn: Connection, rows: list[dict[str, Any]]) -> list[int]:
    """Store alerts (dicts with the ``flow_alerts`` columns except ``id``); returns ids."""
    ids = []
    for row in rows:
        result = conn.execute(flow_alerts.insert().values(**row))
        ids.append(int(result.inserted_primary_key[0]))  # type: ignore[index]
    return ids


def get_alert(conn: Connection, alert_id: int) -> AlertRow | None:
    row = conn.execute(sa.select(flow_alerts).where(flow_alerts.c.id == alert_id)).first()
    return AlertRow(**row._mapping) if row else None


def list_alerts(conn: Connection, limit: int = 100) -> list[AlertRow]:
    query = sa.select(flow_alerts).order_by(flow_alerts.c.score.desc(), flow_alerts.c.id)
    return [AlertRow(**r._mapping) for r in conn.execute(query.limit(limit))]


def insert_case(conn: Connection, alert_id: int, title: str, actor: str, at: datetime) -> int:
    """Create a case and its ``opened`` event in the caller's transaction."""
    result = conn.execute(
        flow_cases.insert().values(alert_id=alert_id, title=title, opened_at=at, opened_by=actor)
    )
    case_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    append_event(conn, case_id, "opened", "open", title, actor, at)
    return case_id


def append_event(
    conn: Connection, case_id: int, kind: str, status: str, text: str, actor: str, at: datetime
) -> None:
    conn.execute(
        flow_case_events.insert().values(
            case_id=case_id, kind=kind, status=status, text=text, actor=actor, at=at
        )
    )


def get_case(conn: Connection, case_id: int) -> CaseRow | None:
    row = conn.execute(sa.select(flow_cases).where(flow_cases.c.id == case_id)).first()
    if row is None:
        return None
    events = conn.execute(
        sa.select(flow_case_events)
        .where(flow_case_events.c.case_id == case_id)
        .order_by(flow_case_events.c.id)
    )
    history = tuple(EventRow(e.at, e.actor, e.kind, e.status, e.text) for e in events)
    return CaseRow(row.id, row.alert_id, row.title, row.opened_at, row.opened_by, history)


def list_cases(conn: Connection) -> list[CaseRow]:
    ids = conn.execute(sa.select(flow_cases.c.id).order_by(flow_cases.c.id)).scalars()
    return [c for c in (get_case(conn, int(i)) for i in ids) if c is not None]
