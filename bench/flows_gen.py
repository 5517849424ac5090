"""Generate a synthetic AMLworld-layout data set with known laundering and TF schemes.

Usage: python bench/flows_gen.py OUT_DIR [--transactions 5000000] [--seed 7]

Writes OUT_DIR/transactions.csv and accounts.csv (AMLworld layout; ``Is Laundering`` is the
ground truth per payment), list.ftm.json (the listed persons, their associates and the family
links, as FtM JSON lines) and truth_accounts.csv (bank,account,typology,scheme).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

import flows_names as names
import flows_schemes as schemes
from flows_world import CURRENCIES, FORMATS, Ledger, World, background, make_world

TX_PER_PERSON = 21.6


def _inject(
    rng: np.random.Generator,
    w: World,
    led: Ledger,
    n_tx: int,
    pairs: dict[str, list[names.Pair]],
    out: Path,
) -> list[tuple[int, str, str]]:
    truth: schemes.Truth = []
    for i in range(max(20, n_tx // 5000)):
        schemes.PATTERNS[i % len(schemes.PATTERNS)](rng, w, led, truth)
    laundering = [(a, t, "laundering") for a, t in truth]
    listed = names.listed_entities(rng, pairs, max(10, n_tx // 100_000))
    names.write_list(out / "list.ftm.json", listed)
    tf: schemes.Truth = []
    for i, (_, spelling, _, assoc_spelling) in enumerate(listed):
        lst, assoc = w.new_accounts([spelling, assoc_spelling])
        (coll,) = w.new_accounts([f"Relief Fund #{i}"])
        schemes.tf_scheme(rng, w, led, tf, int(lst), int(assoc), int(coll))
    return laundering + [(a, t, "tf") for a, t in tf]


def _account_numbers(n: int) -> np.ndarray:
    return np.array([f"{0x80000000 + i * 7919:X}" for i in range(n)], dtype=object)


def _write(out: Path, w: World, led: Ledger, truth: list[tuple[int, str, str]]) -> int:
    cols = led.columns()
    order = np.argsort(cols["ts"], kind="stable")
    cols = {k: v[order] for k, v in cols.items()}
    numbers = _account_numbers(w.n)
    stamp = pc.strftime(pa.array(cols["ts"] * 1000, pa.timestamp("ms")), format="%Y/%m/%d %H:%M")
    fmt, cur, rcur = (np.array(x, dtype=object) for x in (FORMATS, CURRENCIES, CURRENCIES))
    rate = (
        np.array([1.0, 0.92, 0.8, 18.0])[cols["recv_cur"]]
        / np.array([1.0, 0.92, 0.8, 18.0])[cols["cur"]]
    )
    label = (cols["tag"] != "").astype(np.int8)
    table = pa.table(
        [
            stamp,
            pa.array(w.bank[cols["src"]]),
            pa.array(numbers[cols["src"]]),
            pa.array(w.bank[cols["dst"]]),
            pa.array(numbers[cols["dst"]]),
            pa.array(np.round(cols["amount"] * rate, 2)),
            pa.array(rcur[cols["recv_cur"]]),
            pa.array(cols["amount"]),
            pa.array(cur[cols["cur"]]),
            pa.array(fmt[cols["fmt"]]),
            pa.array(label),
        ],
        names=[
            "Timestamp",
            "From Bank",
            "Account",
            "To Bank",
            "Account",
            "Amount Received",
            "Receiving Currency",
            "Amount Paid",
            "Payment Currency",
            "Payment Format",
            "Is Laundering",
        ],
    )
    pacsv.write_csv(table, out / "transactions.csv", pacsv.WriteOptions(quoting_style="none"))
    accounts = pa.table(
        {
            "Bank Name": pa.array([f"Bank #{b}" for b in w.bank]),
            "Bank ID": pa.array(w.bank),
            "Account Number": pa.array(numbers),
            "Entity ID": pa.array(numbers),
            "Entity Name": pa.array(w.names),
        }
    )
    pacsv.write_csv(accounts, out / "accounts.csv")
    _write_truth(out, w, numbers, truth)
    pacsv.write_csv(
        pa.table(
            {"row": pa.array(np.arange(len(order))), "typology": pa.array(cols["tag"].astype(str))}
        ),
        out / "truth_transactions.csv",
    )
    return len(order)


def _write_truth(
    out: Path, w: World, numbers: np.ndarray, truth: list[tuple[int, str, str]]
) -> None:
    with (out / "truth_accounts.csv").open("w", encoding="utf-8") as fh:
        fh.write("bank,account,typology,scheme\n")
        for acc, typ, scheme in sorted(set(truth)):
            fh.write(f"{w.bank[acc]},{numbers[acc]},{typ},{scheme}\n")


def generate(out: Path, n_tx: int, seed: int) -> dict[str, float]:
    """Generate the data set; returns a few figures about it."""
    t0 = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    pairs = names.load_pairs()
    n_persons = max(200, int(n_tx / TX_PER_PERSON))
    w = make_world(rng, n_persons, names.background_names(rng, pairs, n_persons))
    led = Ledger()
    background(rng, w, led)
    truth = _inject(rng, w, led, n_tx, pairs, out)
    rows = _write(out, w, led, truth)
    return {"transactions": rows, "accounts": w.n, "seconds": time.perf_counter() - t0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--transactions", type=int, default=5_000_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(json.dumps(generate(args.out, args.transactions, args.seed)))


if __name__ == "__main__":
    main()
