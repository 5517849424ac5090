"""Build ``src/watchline/data/arabic_latin_costs.tsv`` from Google's Arabic-English name pairs.

Input: ``ar2en-train.tsv`` and ``ar2en-eval.tsv`` of github.com/google/transliteration
(Apache-2.0; pairs mined from Wikipedia), ``arabic<TAB>latin`` a line. The ``test`` split is
left alone: the quality benchmark measures on it. Each Arabic token is romanised by the names
layer exactly as a query would be (:func:`watchline.matching.tokens.tokenize`), the Latin one
folded, and :func:`watchline.matching.learned.learn_costs` learns the edit costs between them.

Run: ``python scripts/build_translit_costs.py [--source DIR]``; deterministic, and to be rerun
whenever the romaniser or ``fold`` changes (a test compares the shipped table with a rebuild).
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from watchline.matching.learned import COSTS_FILE, format_costs, learn_costs
from watchline.matching.tokens import tokenize
from watchline.text import fold

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = REPO.parent / "shared" / "data" / "names" / "google_ar2en"
OUTPUT = REPO / "src" / "watchline" / "data" / COSTS_FILE
SPLITS = ("ar2en-train.tsv", "ar2en-eval.tsv")
HEADER = (
    "Edit costs from romanised Arabic-script name parts (rows) to Latin spellings (columns);",
    "'-' is nothing (deletion/insertion). Built by scripts/build_translit_costs.py from",
    "github.com/google/transliteration ar2en-train.tsv + ar2en-eval.tsv (Apache-2.0,",
    "Copyright Google; pairs mined from Wikipedia). Do not edit by hand.",
)


def training_pairs(source: Path) -> list[tuple[str, str]]:
    """(romanised, folded Latin) pairs of single-token names, in file order."""
    pairs: list[tuple[str, str]] = []
    for split in SPLITS:
        with (source / split).open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle, delimiter="\t"):
                if len(row) >= 2:
                    romanised = "".join(tokenize(row[0]))
                    latin = fold(row[1]).replace(" ", "")
                    if romanised.isalpha() and latin.isalpha():
                        pairs.append((romanised, latin))
    return pairs


def build(source: Path) -> str:
    """The table's text, learned from the pairs under ``source``."""
    pairs = training_pairs(source)
    header = (*HEADER, f"{len(pairs)} training pairs.")
    return format_costs(learn_costs(pairs), header)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    args.output.write_text(build(args.source), encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
