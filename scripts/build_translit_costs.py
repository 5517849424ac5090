"""Build the learned edit-cost tables in ``src/watchline/data/`` (see ``matching/learned.py``).

* ``arabic_latin_costs.tsv`` from Google's Arabic-English name pairs: ``ar2en-train.tsv`` and
  ``ar2en-eval.tsv`` of github.com/google/transliteration (Apache-2.0; mined from Wikipedia),
  ``arabic<TAB>latin`` a line. The ``test`` split is left alone: the quality benchmark
  measures on it.
* ``alphabet_latin_costs.tsv`` from OpenSanctions' rigour person-name clusters (MIT; labels
  from Wikidata, CC0), ``form, form, ... => QID`` a line: every Cyrillic, Greek, Armenian or
  Georgian form against the cluster's first four Latin forms. Held-out clusters
  (:func:`watchline.names.heldout.is_heldout_cluster`) are skipped, as for the equivalence
  table: the benchmark's rigour categories are drawn from them.

Each non-Latin form is romanised by the names layer exactly as a query would be
(:func:`watchline.matching.tokens.tokenize`), the Latin one folded, and
:func:`watchline.matching.learned.learn_costs` learns the costs between them.

Run: ``python scripts/build_translit_costs.py [--data DIR]``; deterministic, and to be rerun
whenever the romaniser or ``fold`` changes (a test compares the shipped tables with a rebuild).
"""

from __future__ import annotations

import argparse
import csv
import re
from collections.abc import Iterator
from pathlib import Path

from watchline.matching.learned import ALPHABET_COSTS, ARABIC_COSTS, format_costs, learn_costs
from watchline.matching.tokens import tokenize
from watchline.names.heldout import training_clusters
from watchline.text import fold

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "names"
OUTPUT = REPO / "src" / "watchline" / "data"
GOOGLE_SPLITS = ("ar2en-train.tsv", "ar2en-eval.tsv")
_LATIN = re.compile(r"^[a-z]+$")
_ALPHABETS = re.compile("[\u0370-\u03ff\u0400-\u04ff\u0530-\u058f\u10a0-\u10ff]")
LATIN_PER_CLUSTER = 4
SOURCES = {
    ARABIC_COSTS: "github.com/google/transliteration ar2en-train.tsv + ar2en-eval.tsv "
    "(Apache-2.0, Copyright Google; pairs mined from Wikipedia)",
    ALPHABET_COSTS: "OpenSanctions rigour persons.txt clusters, held-out clusters skipped "
    "(MIT; labels from Wikidata, CC0)",
}


def _romanised(text: str) -> str | None:
    out = "".join(tokenize(text))
    return out if _LATIN.match(out) else None


def google_pairs(directory: Path) -> Iterator[tuple[str, str]]:
    """(romanised Arabic, folded Latin) pairs, in file order."""
    for split in GOOGLE_SPLITS:
        with (directory / split).open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle, delimiter="\t"):
                if len(row) >= 2:
                    romanised, latin = _romanised(row[0]), fold(row[1]).replace(" ", "")
                    if romanised and _LATIN.match(latin):
                        yield romanised, latin


def rigour_pairs(directory: Path) -> Iterator[tuple[str, str]]:
    """(romanised Cyrillic/Greek/Armenian/Georgian, Latin) pairs of training clusters."""
    for path in sorted(directory.glob("persons.part*.txt")):
        with path.open(encoding="utf-8") as handle:
            for names in training_clusters(handle):
                latin = [f for f in names if _LATIN.match(f)][:LATIN_PER_CLUSTER]
                for form in names:
                    romanised = _romanised(form) if _ALPHABETS.search(form) else None
                    if romanised:
                        yield from ((romanised, other) for other in latin)


def build(data: Path) -> dict[str, str]:
    """Each table's text, learned from the pairs under ``data``."""
    tables = {
        ARABIC_COSTS: list(google_pairs(data / "google_ar2en")),
        ALPHABET_COSTS: list(rigour_pairs(data / "rigour_persons")),
    }
    return {
        name: format_costs(learn_costs(pairs), _header(name, len(pairs)))
        for name, pairs in tables.items()
    }


def _header(name: str, count: int) -> list[str]:
    return [
        "Edit costs from romanised name parts (rows) to Latin spellings (columns); '-' is",
        "nothing (a deletion or an insertion). Built by scripts/build_translit_costs.py from",
        f"{SOURCES[name]}: {count} training pairs. Do not edit by hand.",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    for name, text in build(args.data).items():
        (OUTPUT / name).write_text(text, encoding="utf-8")
        print(f"wrote {OUTPUT / name}")


if __name__ == "__main__":
    main()
