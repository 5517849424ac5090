"""Score an analysis run against the generator's ground truth.

Usage: python bench/flows_score.py DATA_DIR OUT_DIR

Prints per-typology account-level recall and precision, transaction-level precision, recall
and F1 for the illicit class, listed-account recall/precision and TF-scheme account recall.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import defaultdict
from pathlib import Path

import numpy as np
import pyarrow.csv as pacsv

Key = tuple[str, str]


def _truth(data: Path) -> tuple[dict[str, set[Key]], set[Key], set[Key]]:
    by_typ: dict[str, set[Key]] = defaultdict(set)
    tf: set[Key] = set()
    with (data / "truth_accounts.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            key = (row["bank"], row["account"])
            by_typ[row["typology"]].add(key)
            if row["scheme"] == "tf":
                tf.add(key)
    return by_typ, set().union(*by_typ.values()), tf


def _alerts(out: Path) -> dict[Key, set[str]]:
    with (out / "alerts.csv").open(encoding="utf-8") as fh:
        return {
            (r["bank"], r["account"]): set(r["typologies"].split(";")) for r in csv.DictReader(fh)
        }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def account_scores(data: Path, out: Path) -> dict[str, object]:
    by_typ, illicit, tf = _truth(data)
    alerts = _alerts(out)
    per: dict[str, dict[str, float]] = {}
    for typ in sorted(set(by_typ) | {t for ts in alerts.values() for t in ts}):
        flagged = {k for k, ts in alerts.items() if typ in ts}
        truth = by_typ.get(typ, set())
        per[typ] = {
            "truth": len(truth),
            "flagged": len(flagged),
            "recall": _ratio(len(truth & flagged), len(truth)),
            "precision": _ratio(len(truth & flagged), len(flagged)),
            "precision_any_illicit": _ratio(len(illicit & flagged), len(flagged)),
        }
    listed = per.get("listed-party", {})
    return {
        "per_typology": per,
        "listed_recall": listed.get("recall", 0.0),
        "listed_precision": listed.get("precision", 0.0),
        "tf_scheme_recall": _ratio(len(tf & set(alerts)), len(tf)),
        "accounts_flagged": len(alerts),
        "account_precision_any": _ratio(len(illicit & set(alerts)), len(alerts)),
    }


def tx_scores(data: Path, out: Path) -> dict[str, object]:
    labels = pacsv.read_csv(data / "transactions.csv").column(10).to_numpy()
    table = pacsv.read_csv(out / "flagged_transactions.csv")
    flagged = table.column("row").to_numpy()
    typ = table.column("typology").to_numpy(zero_copy_only=False).astype(str)
    by_typ = {
        t: _ratio(int((labels[flagged[typ == t]] == 1).sum()), int((typ == t).sum()))
        for t in np.unique(typ)
    }
    pred = np.zeros(len(labels), dtype=bool)
    pred[flagged] = True
    truth = labels == 1
    tp = int((pred & truth).sum())
    p, r = _ratio(tp, int(pred.sum())), _ratio(tp, int(truth.sum()))
    return {
        "tx_illicit": int(truth.sum()),
        "tx_flagged": int(pred.sum()),
        "tx_precision": p,
        "tx_recall": r,
        "tx_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "tx_precision_by_typology": by_typ,
    }


def score(data: Path, out: Path) -> dict[str, object]:
    return {**account_scores(data, out), **tx_scores(data, out)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    print(json.dumps(score(args.data, args.out), indent=1))


if __name__ == "__main__":
    main()
