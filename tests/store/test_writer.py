"""The kept-open writer connection survives a database that dropped it meanwhile."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from watchline.store import Store
from watchline.store.db import Writer


def test_writer_reconnects_after_the_server_dropped_its_connection(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(postgres_url)
    writer = store.writer()
    with writer.transaction() as conn:
        pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
    with store.engine.begin() as admin:  # as a server restart would
        admin.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    monkeypatch.setattr(Writer, "IDLE_PING_S", 0.0)
    with writer.transaction() as conn:
        assert conn.exec_driver_sql("SELECT 1").scalar_one() == 1
        assert conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one() != pid
    writer.close()
    store.close()


def test_a_failed_transaction_drops_the_connection_and_the_next_one_works(store: Store) -> None:
    writer = store.writer()
    with pytest.raises(sa.exc.DBAPIError), writer.transaction() as conn:
        conn.exec_driver_sql("SELECT * FROM no_such_table")
    with writer.transaction() as conn:
        assert conn.exec_driver_sql("SELECT 1").scalar_one() == 1
    writer.close()
