"""The columns a transaction file must have, and how other layouts name them.

AMLworld files are read by position (their two ``Account`` headers are ambiguous); any other
CSV or Parquet layout is read by name through a ``ColumnMap``. Kept apart from the ingest
so that a bank's export can be described (and checked) without touching DuckDB.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from watchline.errors import InputError

#: Canonical column names, in AMLworld order (its two ``Account`` headers are ambiguous).
CANONICAL = (
    "timestamp",
    "from_bank",
    "from_account",
    "to_bank",
    "to_account",
    "amount_received",
    "receiving_currency",
    "amount_paid",
    "payment_currency",
    "payment_format",
    "is_laundering",
)
REQUIRED = CANONICAL[:10]
TIME_FORMATS = (
    "%Y/%m/%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y-%m-%d",
)
ACCOUNT_COLUMNS = {
    "bank_name": "Bank Name",
    "bank_id": "Bank ID",
    "number": "Account Number",
    "entity_id": "Entity ID",
    "entity_name": "Entity Name",
}


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """Which source column holds each canonical column (generic CSV/Parquet layouts).

    Keys are :data:`CANONICAL` names; ``is_laundering`` may be omitted. ``None`` as the whole
    map means the AMLworld layout, read by position.
    """

    columns: Mapping[str, str]

    def __post_init__(self) -> None:
        missing = [c for c in REQUIRED if c not in self.columns]
        if missing:
            raise InputError(f"column map lacks {', '.join(missing)}", where="column map")
