"""``watchline keys`` and ``watchline audit`` on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from watchline.cli.main import app
from watchline.store import Store
from watchline.store.tables import audit_log


@pytest.fixture
def cli(tmp_path: Path, database_url: str) -> CliRunner:
    return CliRunner(
        env={"WATCHLINE_SEED": "0", "WATCHLINE_DATABASE_URL": database_url, "COLUMNS": "200"}
    )


def invoke(cli: CliRunner, home: Path, *args: str, code: int = 0) -> str:
    result = cli.invoke(app, ["--home", str(home), *args])
    assert result.exit_code == code, result.output
    return result.output


def test_keys_are_printed_once_listed_and_revoked(cli: CliRunner, tmp_path: Path) -> None:
    out = invoke(
        cli,
        tmp_path,
        "keys",
        "create",
        "--agency",
        "NL-AIVD",
        "--role",
        "screener",
        "--label",
        "Schiphol",
    )
    secret = out.strip().splitlines()[-1]
    assert secret.startswith("wl_") and len(secret) > 40
    listing = invoke(cli, tmp_path, "keys", "list")
    assert "NL-AIVD" in listing and secret[:11] in listing and secret not in listing
    assert "Revoked key 1" in invoke(cli, tmp_path, "keys", "revoke", secret[:11])
    assert "already revoked" in str(
        cli.invoke(app, ["--home", str(tmp_path), "keys", "revoke", "1"]).exception
    )


def test_audit_verify_names_the_edited_entry(
    cli: CliRunner, tmp_path: Path, database_url: str
) -> None:
    for agency in ("A", "B", "C"):
        invoke(cli, tmp_path, "keys", "create", "--agency", agency, "--role", "screener")
    assert "intact: 3 entries" in invoke(cli, tmp_path, "audit", "verify")
    assert "key-create" in invoke(cli, tmp_path, "audit", "show", "--limit", "2")
    store = Store.open(database_url)
    with store.transaction() as conn:
        conn.execute(audit_log.update().where(audit_log.c.seq == 2).values(agency="Z"))
    store.close()
    out = invoke(cli, tmp_path, "audit", "verify", code=1)
    assert "broken at entry 2" in out and "edited" in out
