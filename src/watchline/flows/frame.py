"""Columnar in-memory form of a transaction set: one numpy array per column.

Every detector works on these arrays with sorting, ``searchsorted`` and ``bincount`` rather than
Python loops, so the same code handles a bank's day and a country's month. Accounts are dense
integers (``0..n_accounts-1``) so per-account aggregates are plain array indexing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

I32 = npt.NDArray[np.int32]
I64 = npt.NDArray[np.int64]
F64 = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]
Strs = npt.NDArray[np.object_]


@dataclass(frozen=True, slots=True)
class Accounts:
    """The accounts seen in a transaction set; an account is (bank id, account number).

    ``name`` is the holder name when an accounts file gave one (else empty), ``country`` the
    ISO code of the holding bank when known (used for the "abroad" red flags).
    """

    bank: Strs
    number: Strs
    name: Strs
    entity: Strs
    country: Strs

    def __len__(self) -> int:
        return len(self.bank)

    def label(self, index: int) -> str:
        """``bank/number``: how analysts and the CLI name one account."""
        return f"{self.bank[index]}/{self.number[index]}"

    def find(self, bank: str, number: str) -> int | None:
        """Index of an account, or None; a linear scan, meant for single look-ups only."""
        hits = np.flatnonzero((self.bank == bank) & (self.number == number))
        return int(hits[0]) if len(hits) else None


@dataclass(frozen=True, slots=True)
class Transactions:
    """Transactions as parallel arrays, in input order.

    ``row`` is the 0-based data-row index in the input file (kept so that findings can be
    reported against the file the analyst loaded, malformed rows notwithstanding).
    ``ts`` is seconds since the epoch; ``paid`` is in the payment currency, ``received`` in
    the receiving currency; ``fmt``/``pay_cur``/``recv_cur`` index ``formats``/``currencies``.
    ``label`` is the ground truth when the file carries one (1 illicit, 0 not, -1 unknown).
    """

    row: I64
    src: I32
    dst: I32
    ts: I64
    paid: F64
    received: F64
    pay_cur: I32
    recv_cur: I32
    fmt: I32
    label: npt.NDArray[np.int8]
    accounts: Accounts
    formats: tuple[str, ...] = ()
    currencies: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.src)

    @property
    def n_accounts(self) -> int:
        return len(self.accounts)

    def format_mask(self, name: str) -> Bools:
        """Transactions paid in the named payment format (case-insensitive)."""
        wanted = [i for i, f in enumerate(self.formats) if f.lower() == name.lower()]
        return np.isin(self.fmt, np.asarray(wanted, dtype=np.int32))

    def foreign(self) -> Bools:
        """Cross-border proxy: the two banks lie in different countries, or, where countries
        are unknown, the payment changes currency (AMLworld carries no countries)."""
        country = self.accounts.country
        src_c, dst_c = country[self.src], country[self.dst]
        known = (src_c != "") & (dst_c != "")
        by_country = known & (src_c != dst_c)
        by_currency = ~known & (self.pay_cur != self.recv_cur)
        return np.asarray(by_country | by_currency, dtype=np.bool_)


def empty_accounts(n: int) -> Accounts:
    """Accounts with no attributes (handy for hand-built graphs in tests)."""
    blank = np.full(n, "", dtype=object)
    numbers = np.array([f"A{i}" for i in range(n)], dtype=object)
    return Accounts(
        bank=np.full(n, "1", dtype=object),
        number=numbers,
        name=blank.copy(),
        entity=blank.copy(),
        country=blank.copy(),
    )


def build_transactions(
    src: list[int] | I32,
    dst: list[int] | I32,
    ts: list[int] | I64,
    amount: list[float] | F64,
    *,
    accounts: Accounts | None = None,
    fmt: list[str] | None = None,
) -> Transactions:
    """Hand-build a transaction set (tests, examples): one currency, formats by name."""
    src_a = np.asarray(src, dtype=np.int32)
    dst_a = np.asarray(dst, dtype=np.int32)
    n_acc = int(max(src_a.max(initial=-1), dst_a.max(initial=-1)) + 1)
    formats = tuple(sorted(set(fmt or ["Wire"])))
    fmt_idx = [formats.index(f) for f in (fmt or ["Wire"] * len(src_a))]
    amounts = np.asarray(amount, dtype=np.float64)
    zeros = np.zeros(len(src_a), dtype=np.int32)
    return Transactions(
        row=np.arange(len(src_a), dtype=np.int64),
        src=src_a,
        dst=dst_a,
        ts=np.asarray(ts, dtype=np.int64),
        paid=amounts,
        received=amounts.copy(),
        pay_cur=zeros,
        recv_cur=zeros.copy(),
        fmt=np.asarray(fmt_idx, dtype=np.int32),
        label=np.full(len(src_a), -1, dtype=np.int8),
        accounts=accounts or empty_accounts(n_acc),
        formats=formats,
        currencies=("USD",),
    )
