"""Alerts and cases in the store: append-only history, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from watchline.store import Store
from watchline.store import cases as repo

AT = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def _alert() -> dict[str, object]:
    return {
        "created_at": AT,
        "source": "tx.csv",
        "bank": "1",
        "account": "A1",
        "holder": "Ivan Petrov",
        "score": 0.9,
        "typologies": ["collector", "listed-flow"],
        "reasons": ["collector: 11 payment(s)"],
        "evidence": [{"row": 3, "amount_paid": 10.0}],
    }


def test_alert_round_trip(store: Store) -> None:
    with store.transaction() as conn:
        (alert_id,) = repo.insert_alerts(conn, [_alert()])
    with store.reader() as conn:
        row = repo.get_alert(conn, alert_id)
        assert repo.get_alert(conn, alert_id + 99) is None
    assert row is not None
    assert row.typologies == ["collector", "listed-flow"]
    assert row.evidence == [{"row": 3, "amount_paid": 10.0}]


def test_case_history_is_appended_never_rewritten(store: Store) -> None:
    with store.transaction() as conn:
        (alert_id,) = repo.insert_alerts(conn, [_alert()])
        case_id = repo.insert_case(conn, alert_id, "Collector", "analyst", AT)
        repo.append_event(conn, case_id, "note", "open", "asked the bank", "analyst", AT)
        repo.append_event(conn, case_id, "closed", "reported", "STR filed", "analyst", AT)
    with store.reader() as conn:
        case = repo.get_case(conn, case_id)
        n_events = conn.execute(
            sa.select(sa.func.count()).select_from(repo.flow_case_events)
        ).scalar_one()
    assert case is not None and case.status == "reported"
    assert [e.kind for e in case.events] == ["opened", "note", "closed"]
    assert [e.status for e in case.events] == ["open", "open", "reported"]
    assert n_events == 3


def test_case_needs_an_existing_alert(store: Store) -> None:
    with pytest.raises(sa.exc.IntegrityError), store.transaction() as conn:
        repo.insert_case(conn, 12345, "x", "analyst", AT)
