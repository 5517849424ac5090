"""Malformed transaction rows: finding them, placing them in the file, reporting them.

Two kinds of row fail. DuckDB's CSV scanner rejects structurally broken lines (wrong column
count, bad quoting) and records them with their line numbers; rows that parse but hold a bad
timestamp, amount, account or currency are found by ``BAD_ROWS`` after the cast. Rejected
lines never reach the loaded table, so the row numbers of everything after them are shifted;
``true_rows`` maps them back, so that every report names the row as it is in the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import numpy as np


@dataclass(frozen=True, slots=True)
class Malformed:
    """A row that could not be loaded: where (row index, file line) and why."""

    row: int
    line: int
    reason: str


@dataclass(slots=True)
class IngestReport:
    """What an ingest read: counts, and the malformed rows (first ``keep`` of them)."""

    rows_read: int = 0
    rows_loaded: int = 0
    malformed_count: int = 0
    malformed: list[Malformed] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.rows_read:,} rows read, {self.rows_loaded:,} loaded, "
            f"{self.malformed_count:,} malformed"
        )


def rejected_lines(con: duckdb.DuckDBPyConnection) -> dict[int, str]:
    """File line -> why DuckDB's scanner rejected it (first bad column's error)."""
    try:
        rows = con.execute(
            "SELECT line, arg_min(error_type || ': ' || error_message, "
            "column_idx) "
            "FROM reject_errors GROUP BY line ORDER BY line"
        ).fetchall()
    except duckdb.Error:
        return {}
    return {int(line): str(msg) for line, msg in rows}


def true_rows(pos: np.ndarray, rejected_rows: np.ndarray) -> np.ndarray:
    """Map positions among accepted rows to data-row indices, given the rejected indices:
    the k-th accepted row sits after every rejected row whose adjusted index is <= k."""
    adjusted = np.sort(rejected_rows) - np.arange(len(rejected_rows))
    return pos + np.searchsorted(adjusted, pos, side="right")


BAD_ROWS = """
SELECT pos, concat_ws('; ',
  CASE WHEN ts IS NULL THEN 'bad timestamp' END,
  CASE WHEN coalesce(from_bank, '') = '' OR coalesce(from_account, '') = ''
       THEN 'missing sender account' END,
  CASE WHEN coalesce(to_bank, '') = '' OR coalesce(to_account, '') = ''
       THEN 'missing receiver account' END,
  CASE WHEN received IS NULL OR received < 0 OR isnan(received) THEN 'bad amount received' END,
  CASE WHEN paid IS NULL OR paid < 0 OR isnan(paid) THEN 'bad amount paid' END,
  CASE WHEN coalesce(recv_cur, '') = '' OR coalesce(pay_cur, '') = '' THEN 'missing currency' END,
  CASE WHEN coalesce(fmt, '') = '' THEN 'missing payment format' END) AS why
FROM typed
"""


def malformed_report(
    con: duckdb.DuckDBPyConnection,
    bad: list[tuple[int, str]],
    rejected: dict[int, str],
    rejected_rows: np.ndarray,
    keep: int,
) -> IngestReport:
    """Counts over the ``raw`` table and the first ``keep`` malformed rows, in file order."""
    loaded_or_bad = int(con.execute("SELECT count(*) FROM raw").fetchone()[0])  # type: ignore[index]
    true_bad = true_rows(np.array([p for p, _ in bad], dtype=np.int64), rejected_rows)
    items = [Malformed(int(r), int(r) + 2, why) for r, (_, why) in zip(true_bad, bad, strict=True)]
    items += [Malformed(line - 2, line, why) for line, why in rejected.items()]
    items.sort(key=lambda m: m.row)
    total_bad = len(items)
    return IngestReport(
        rows_read=loaded_or_bad + len(rejected),
        rows_loaded=loaded_or_bad - len(bad),
        malformed_count=total_bad,
        malformed=items[:keep],
    )
