"""Build ``src/watchline/data/arabic_view_weights.json`` (see ``matching/weighing.py``).

Source: OpenSanctions' rigour person-name clusters (MIT; labels from Wikidata, CC0), training
split only. The held-out clusters (:func:`watchline.names.heldout.is_heldout_cluster`) are
skipped: the benchmark's rigour categories are drawn from them.

* Listed: the first Latin form of every training cluster, one part each, as a registry.
* Asked: the first Arabic-script form of each training cluster that has one, romanised as a
  query would be.
* Pairs: each asked part against every listed part that its retrieval keys find
  (:func:`watchline.matching.candidates.listed_candidates`), plus its own cluster's listed
  part. That one is the true partner; the others are false.
* Only pairs that scoring would weigh are used.

Run: ``python scripts/build_view_weights.py [--data DIR]``. It is deterministic. Rerun it
whenever a view, the romaniser or ``fold`` changes: a test compares the shipped weights with
a rebuild.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from watchline.matching.candidates import listed_candidates
from watchline.matching.similarity import QueryParts, warm_listed_views, weighing_inputs
from watchline.matching.tokens import tokenize
from watchline.matching.vocab import Vocab
from watchline.matching.weighing import VIEW_WEIGHTS, ViewWeights, fit_weights, format_weights
from watchline.names.heldout import training_clusters

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "names"
OUTPUT = REPO / "src" / "watchline" / "data"
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile("^[a-z\u00c0-\u024f' -]+$")


def _one_part(form: str) -> str | None:
    parts = tokenize(form, "Person")
    return parts[0] if len(parts) == 1 else None


def usable_clusters(directory: Path) -> Iterator[tuple[str, str | None]]:
    """(listed part, asked part or None) of each usable training cluster, in file order."""
    for path in sorted(directory.glob("persons.part*.txt")):
        with path.open(encoding="utf-8") as handle:
            for names in training_clusters(handle):
                latin = next((f for f in names if _LATIN.match(f)), None)
                listed = _one_part(latin) if latin else None
                if listed:
                    arabic = next((f for f in names if _ARABIC.search(f)), None)
                    yield listed, _one_part(arabic) if arabic else None


def pairs(directory: Path) -> tuple[Vocab, QueryParts, np.ndarray, np.ndarray, np.ndarray]:
    """The registry, the asked parts, and (asked, listed, true?) for every pair."""
    clusters = list(usable_clusters(directory))
    if not clusters:
        raise SystemExit(f"no rigour clusters (persons.part*.txt) under {directory}")
    vocab = Vocab()
    for listed, _ in clusters:
        vocab.add(listed, latin=True)
    warm_listed_views(vocab)
    asked: dict[str, int] = {}
    for listed, arabic in clusters:
        if arabic:  # a part asked by two clusters: the first one's listed part is its partner
            asked.setdefault(arabic, vocab.ids[listed])
    tokens = list(asked)
    n = len(tokens)
    parts = QueryParts(tokens, np.ones(n, dtype=np.bool_), np.arange(n, dtype=np.int64), vocab)
    qi: list[int] = []
    pid: list[int] = []
    for g, token in enumerate(tokens):
        found = sorted(listed_candidates(vocab, token, True, True) | {asked[token]})
        qi += [g] * len(found)
        pid += found
    q, p = np.asarray(qi, dtype=np.int64), np.asarray(pid, dtype=np.int64)
    truth = np.asarray([asked[t] for t in tokens], dtype=np.int64)
    return vocab, parts, q, p, p == truth[q]


def build(data: Path) -> tuple[ViewWeights, str]:
    """The fitted weights and the shipped file's text."""
    vocab, parts, qi, pid, true = pairs(data / "rigour_persons")
    columns, best, gate = weighing_inputs(parts, qi, vocab, pid)
    fitted = fit_weights(columns[gate], true[gate], best[gate])
    header = [
        "Weights of the similarity views of an Arabic-script part against a Latin one.",
        "Built by scripts/build_view_weights.py from OpenSanctions rigour persons.txt clusters,",
        "held-out clusters skipped (MIT; labels from Wikidata, CC0):",
        f"{len(parts.tokens)} asked parts, {int(gate.sum())} weighed pairs, "
        f"{int(true[gate].sum())} of them true. Do not edit by hand.",
    ]
    return fitted, format_weights(fitted, header)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    _, text = build(args.data)
    (OUTPUT / VIEW_WEIGHTS).write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT / VIEW_WEIGHTS}")


if __name__ == "__main__":
    main()
