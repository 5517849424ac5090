"""What a detector returns: the typology, the accounts it names and the payments behind it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from watchline.flows.frame import I64, Bools, Transactions


@dataclass(frozen=True, slots=True)
class Finding:
    """One typology's result: flagged accounts and flagged transactions (both as indices).

    The transactions are the evidence: an alert on an account cites the flagged payments that
    touch it.
    """

    typology: str
    accounts: I64
    tx: I64

    @classmethod
    def from_tx(cls, typology: str, tx: Transactions, flagged: I64, blocked: Bools) -> Finding:
        """Flag payments and both their parties, except blocked (hub) accounts."""
        flagged = np.unique(flagged.astype(np.int64))
        ends = np.unique(np.concatenate([tx.src[flagged], tx.dst[flagged]])).astype(np.int64)
        return cls(typology, ends[~blocked[ends]], flagged)

    @classmethod
    def empty(cls, typology: str) -> Finding:
        return cls(typology, np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64))


def mark_windows(key: I64, width: int, min_count: int) -> Bools:
    """For sorted keys (``group << 32 | seconds``), mark every element that lies in some
    window ``[key[i], key[i] + width]`` holding at least ``min_count`` elements.

    Windows never span groups because the group sits in the high bits and ``width`` is far
    below ``2**32`` seconds. A difference array turns the window starts into marks.
    """
    pos = np.arange(len(key))
    end = np.searchsorted(key, key + width, side="right")
    start = np.flatnonzero(end - pos >= min_count)
    diff = np.zeros(len(key) + 1, dtype=np.int64)
    np.add.at(diff, start, 1)
    np.add.at(diff, end[start], -1)
    return np.asarray(np.cumsum(diff[:-1]) > 0, dtype=np.bool_)
