"""Alerts become cases: save alerts with their evidence, open, annotate, close, report.

A stored alert carries its evidence as plain payment records, so a case can be reported
(goAML) long after the transaction file it came from is gone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from watchline.errors import ConflictError, InputError, NotFoundError
from watchline.flows import Alert, Transactions
from watchline.services.flows import FlowRun
from watchline.sources.goaml import StrInput, StrResult, load_lookups, write_str
from watchline.store import cases as repo
from watchline.store.db import Store

OUTCOMES = ("reported", "dismissed")
Clock = Callable[[], datetime]


def _now() -> datetime:
    return datetime.now(UTC)


def payment_record(tx: Transactions, i: int) -> dict[str, Any]:
    """One payment as a self-contained dict (the unit of evidence)."""
    acc = tx.accounts
    s, d = int(tx.src[i]), int(tx.dst[i])
    return {
        "row": int(tx.row[i]),
        "timestamp": datetime.fromtimestamp(int(tx.ts[i]), UTC).replace(tzinfo=None).isoformat(),
        "from_bank": str(acc.bank[s]),
        "from_account": str(acc.number[s]),
        "from_name": str(acc.name[s]),
        "to_bank": str(acc.bank[d]),
        "to_account": str(acc.number[d]),
        "to_name": str(acc.name[d]),
        "amount_paid": float(tx.paid[i]),
        "payment_currency": tx.currencies[tx.pay_cur[i]],
        "amount_received": float(tx.received[i]),
        "receiving_currency": tx.currencies[tx.recv_cur[i]],
        "payment_format": tx.formats[tx.fmt[i]],
    }


def alert_row(
    run: FlowRun, alert: Alert, source: str, max_evidence: int, at: datetime
) -> dict[str, Any]:
    evidence = alert.evidence[np.argsort(run.tx.ts[alert.evidence], kind="stable")]
    acc = run.tx.accounts
    return {
        "created_at": at,
        "source": source,
        "bank": str(acc.bank[alert.account]),
        "account": str(acc.number[alert.account]),
        "holder": str(acc.name[alert.account]),
        "score": float(alert.score),
        "typologies": list(alert.typologies),
        "reasons": list(alert.reasons),
        "evidence": [payment_record(run.tx, int(i)) for i in evidence[:max_evidence]],
    }


def save_alerts(
    store: Store,
    run: FlowRun,
    source: str,
    top: int = 200,
    max_evidence: int = 200,
    clock: Clock = _now,
) -> list[int]:
    """Keep the ``top`` alerts (highest score first) in the store; returns their ids."""
    at = clock()
    rows = [alert_row(run, a, source, max_evidence, at) for a in run.alerts[:top]]
    with store.transaction() as conn:
        return repo.insert_alerts(conn, rows)


@dataclass(frozen=True, slots=True)
class CaseView:
    """A case with the alert it was opened on."""

    case: repo.CaseRow
    alert: repo.AlertRow


def open_case(store: Store, alert_id: int, title: str, actor: str, clock: Clock = _now) -> int:
    with store.transaction() as conn:
        if repo.get_alert(conn, alert_id) is None:
            raise NotFoundError(f"alert {alert_id}")
        return repo.insert_case(conn, alert_id, title or f"Alert {alert_id}", actor, clock())


def get_case(store: Store, case_id: int) -> CaseView:
    with store.reader() as conn:
        case = repo.get_case(conn, case_id)
        if case is None:
            raise NotFoundError(f"case {case_id}")
        alert = repo.get_alert(conn, case.alert_id)
    assert alert is not None  # the foreign key guarantees it
    return CaseView(case, alert)


def _append(
    store: Store, case_id: int, kind: str, status: str | None, text: str, actor: str, clock: Clock
) -> None:
    with store.transaction() as conn:
        case = repo.get_case(conn, case_id)
        if case is None:
            raise NotFoundError(f"case {case_id}")
        if case.status != "open":
            raise ConflictError(f"case {case_id} is closed ({case.status})")
        repo.append_event(conn, case_id, kind, status or case.status, text, actor, clock())


def add_note(store: Store, case_id: int, text: str, actor: str, clock: Clock = _now) -> None:
    """Append a note; a closed case takes no more notes."""
    if not text.strip():
        raise InputError("empty note")
    _append(store, case_id, "note", None, text, actor, clock)


def close_case(
    store: Store, case_id: int, outcome: str, text: str, actor: str, clock: Clock = _now
) -> None:
    """Close as ``reported`` or ``dismissed``; the history keeps every earlier state."""
    if outcome not in OUTCOMES:
        raise InputError(f"outcome must be one of {', '.join(OUTCOMES)}", where="outcome")
    _append(store, case_id, "closed", outcome, text, actor, clock)


def list_cases(store: Store) -> list[repo.CaseRow]:
    with store.reader() as conn:
        return repo.list_cases(conn)


def goaml_report(
    store: Store, case_id: int, lookups: Path | None = None, clock: Clock = _now
) -> StrResult:
    """The case's goAML STR: its alert's evidence, typologies as indicators, notes as action."""
    view = get_case(store, case_id)
    notes = [e.text for e in view.case.events if e.kind == "note"]
    alert = view.alert
    reason = (
        f"Account {alert.bank}/{alert.account} ({alert.holder}) scored {alert.score:.2f}: "
        + "; ".join(alert.reasons)
    )
    data = StrInput(
        reference=f"WL-CASE-{case_id}",
        reason=reason,
        action=" ".join(notes) or "Reported for analysis.",
        typologies=tuple(alert.typologies),
        payments=tuple(alert.evidence),
        submitted=clock(),
    )
    return write_str(data, load_lookups(lookups))
