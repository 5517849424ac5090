"""Transaction ingest: AMLworld CSV (and mapped generic CSV/Parquet) into numpy columns.

DuckDB does the reading: its CSV scanner is parallel, streams the file in chunks, spills to a
temporary directory under a memory limit, and records structurally broken lines (wrong column
count, bad quoting) with their line numbers instead of stopping. We read every column as text
and cast in SQL so that a bad number or date is *also* reported by row, never dropped silently.

Row numbers: ``row`` is the 0-based data-row index in the input file. It assumes one record per
line (true of AMLworld and of every bank export we know); a quoted field holding a line break
would shift later row numbers, and that is documented in docs/flows.md. The expected
columns are in ``transaction_columns``; finding and reporting malformed rows is
``transaction_rejects``.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import duckdb
import numpy as np

from watchline.errors import InputError
from watchline.flows.frame import Accounts, Transactions
from watchline.sources.transaction_columns import (
    ACCOUNT_COLUMNS,
    CANONICAL,
    REQUIRED,
    TIME_FORMATS,
    ColumnMap,
)
from watchline.sources.transaction_rejects import (
    BAD_ROWS,
    IngestReport,
    Malformed,
    malformed_report,
    rejected_lines,
    true_rows,
)

__all__ = [
    "ACCOUNT_COLUMNS",
    "CANONICAL",
    "REQUIRED",
    "TIME_FORMATS",
    "ColumnMap",
    "IngestReport",
    "Malformed",
    "Progress",
    "read_transactions",
]
Progress = Callable[[str], None]


def _connect(memory_limit: str, spill: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(f"SET memory_limit='{memory_limit}'")
    con.execute(f"SET temp_directory='{spill}'")
    con.execute("SET preserve_insertion_order=true")
    return con


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# RFC 4180 dialect, stated rather than sniffed: a sniffer that takes ' for a quote character
# merges lines and shifts every later row number.
_CSV = "header=true, all_varchar=true, delim=',', quote='\"', escape='\"'"


def _load_raw(con: duckdb.DuckDBPyConnection, path: Path, cmap: ColumnMap | None) -> None:
    """Create ``raw(pos, <canonical text columns>)`` in file order."""
    if path.suffix.lower() == ".parquet":
        source = "read_parquet(?)"
    elif cmap is None:
        names = "[" + ", ".join(f"'{c}'" for c in CANONICAL) + "]"
        source = f"read_csv(?, {_CSV}, store_rejects=true, names={names})"
    else:
        source = f"read_csv(?, {_CSV}, store_rejects=true)"
    if cmap is None:
        select = ", ".join(CANONICAL)
    else:
        select = ", ".join(
            f"CAST({_quote(cmap.columns[c])} AS VARCHAR) AS {c}"
            if c in cmap.columns
            else f"NULL::VARCHAR AS {c}"
            for c in CANONICAL
        )
    con.execute(
        f"CREATE TABLE raw AS SELECT row_number() OVER () - 1 AS pos, {select} FROM {source}",
        [str(path)],
    )


_BANK = (
    "CASE WHEN regexp_full_match(trim({c}), '[0-9]+') "
    "THEN CAST(TRY_CAST(trim({c}) AS HUGEINT) AS VARCHAR) ELSE trim({c}) END"
)

_TYPED = f"""
CREATE TABLE typed AS SELECT pos,
  try_strptime(trim(timestamp), {{formats}}) AS ts,
  {_BANK.format(c="from_bank")} AS from_bank,
  trim(from_account) AS from_account,
  {_BANK.format(c="to_bank")} AS to_bank,
  trim(to_account) AS to_account,
  TRY_CAST(amount_received AS DOUBLE) AS received, trim(receiving_currency) AS recv_cur,
  TRY_CAST(amount_paid AS DOUBLE) AS paid, trim(payment_currency) AS pay_cur,
  trim(payment_format) AS fmt, TRY_CAST(is_laundering AS TINYINT) AS label
FROM raw
"""

_ACCOUNTS = """
CREATE TABLE acc AS SELECT bank, number,
  CAST(row_number() OVER (ORDER BY bank, number) - 1 AS INTEGER) AS id
FROM (SELECT from_bank AS bank, from_account AS number FROM good
      UNION SELECT to_bank, to_account FROM good)
"""

_FINAL = """
SELECT g.pos, s.id AS src, d.id AS dst, CAST(epoch(g.ts) AS BIGINT) AS ts, g.paid, g.received,
  CAST(list_position($cur, g.pay_cur) - 1 AS INTEGER) AS pay_cur,
  CAST(list_position($cur, g.recv_cur) - 1 AS INTEGER) AS recv_cur,
  CAST(list_position($fmt, g.fmt) - 1 AS INTEGER) AS fmt,
  CAST(coalesce(g.label, -1) AS TINYINT) AS label
FROM good g
JOIN acc s ON s.bank = g.from_bank AND s.number = g.from_account
JOIN acc d ON d.bank = g.to_bank AND d.number = g.to_account
ORDER BY g.pos
"""


def _noop(_: str) -> None:
    return None


def read_transactions(
    path: Path,
    accounts_path: Path | None = None,
    column_map: ColumnMap | None = None,
    *,
    memory_limit: str = "4GB",
    keep_malformed: int = 1000,
    progress: Progress = _noop,
) -> tuple[Transactions, IngestReport]:
    """Load a transaction file (and optionally an AMLworld accounts file).

    Malformed rows are counted and the first ``keep_malformed`` kept with their row index,
    line number and reason; everything else is loaded. Raises :class:`InputError` when the
    file cannot be read at all.
    """
    if not path.is_file():
        raise InputError("no such file", where=str(path))
    with tempfile.TemporaryDirectory(prefix="watchline-ingest-") as spill:
        con = _connect(memory_limit, Path(spill))
        try:
            return _ingest(con, path, accounts_path, column_map, keep_malformed, progress)
        except duckdb.Error as exc:
            raise InputError(f"cannot read transactions: {exc}", where=str(path)) from exc
        finally:
            con.close()


def _ingest(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    accounts_path: Path | None,
    cmap: ColumnMap | None,
    keep: int,
    progress: Progress,
) -> tuple[Transactions, IngestReport]:
    progress("reading file")
    _load_raw(con, path, cmap)
    rejected = rejected_lines(con)
    progress("checking rows")
    fmts = "[" + ", ".join(f"'{f}'" for f in TIME_FORMATS) + "]"
    con.execute(_TYPED.format(formats=fmts))
    con.execute(
        f"CREATE TABLE checked AS SELECT t.*, b.why FROM typed t JOIN ({BAD_ROWS}) b USING (pos)"
    )
    con.execute("CREATE TABLE good AS SELECT * FROM checked WHERE why = ''")
    bad = con.execute("SELECT pos, why FROM checked WHERE why <> '' ORDER BY pos").fetchall()
    rejected_rows = np.array(sorted(line - 2 for line in rejected), dtype=np.int64)
    report = malformed_report(con, bad, rejected, rejected_rows, keep)
    progress("building accounts")
    con.execute(_ACCOUNTS)
    currencies = _distinct(con, "SELECT pay_cur FROM good UNION SELECT recv_cur FROM good")
    formats = _distinct(con, "SELECT DISTINCT fmt FROM good")
    cols = con.execute(_FINAL, {"cur": list(currencies), "fmt": list(formats)}).fetchnumpy()
    accounts = _accounts(con, accounts_path)
    tx = Transactions(
        row=true_rows(np.asarray(cols["pos"], dtype=np.int64), rejected_rows),
        src=np.asarray(cols["src"], dtype=np.int32),
        dst=np.asarray(cols["dst"], dtype=np.int32),
        ts=np.asarray(cols["ts"], dtype=np.int64),
        paid=np.asarray(cols["paid"], dtype=np.float64),
        received=np.asarray(cols["received"], dtype=np.float64),
        pay_cur=np.asarray(cols["pay_cur"], dtype=np.int32),
        recv_cur=np.asarray(cols["recv_cur"], dtype=np.int32),
        fmt=np.asarray(cols["fmt"], dtype=np.int32),
        label=np.asarray(cols["label"], dtype=np.int8),
        accounts=accounts,
        formats=formats,
        currencies=currencies,
    )
    return tx, report


def _distinct(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[str, ...]:
    return tuple(sorted(str(r[0]) for r in con.execute(sql).fetchall()))


def _accounts(con: duckdb.DuckDBPyConnection, accounts_path: Path | None) -> Accounts:
    if accounts_path is None:
        rows = con.execute("SELECT bank, number, '', '', '' FROM acc ORDER BY id").fetchnumpy()
    else:
        if not accounts_path.is_file():
            raise InputError("no such file", where=str(accounts_path))
        con.execute(
            f"CREATE TABLE holders AS SELECT {_BANK.format(c=_quote('Bank ID'))} "
            'AS bank, trim("Account Number") AS number, any_value("Entity Name") AS name, '
            'any_value("Entity ID") AS entity FROM read_csv(?, '
            f"{_CSV}, ignore_errors=true) GROUP BY ALL",
            [str(accounts_path)],
        )
        rows = con.execute(
            "SELECT a.bank, a.number, coalesce(h.name, ''), coalesce(h.entity, ''), '' "
            "FROM acc a LEFT JOIN holders h USING (bank, number) ORDER BY a.id"
        ).fetchnumpy()
    cols = [np.asarray(rows[k], dtype=object) for k in rows]
    return Accounts(bank=cols[0], number=cols[1], name=cols[2], entity=cols[3], country=cols[4])
