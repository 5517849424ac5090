"""The held-out split and the generated equivalence table built without it."""

from __future__ import annotations

import gzip
import zlib
from importlib import resources
from pathlib import Path

import pytest
from tests.conftest import build_script

from watchline.names.heldout import is_heldout_cluster, training_clusters
from watchline.names.keys import equivalents
from watchline.text import fold

RIGOUR = Path(__file__).parents[2] / ".." / "shared" / "data" / "names" / "rigour_persons"


def test_split_is_crc32_mod_5() -> None:
    qids = [f"Q{i}" for i in range(1, 2000)]
    held = [q for q in qids if is_heldout_cluster(q)]
    assert held == [q for q in qids if zlib.crc32(q.encode()) % 5 == 0]
    assert 0.15 < len(held) / len(qids) < 0.25


def test_training_clusters_skip_held_out_ones_and_malformed_lines() -> None:
    held = next(f"Q{n}" for n in range(1, 100) if is_heldout_cluster(f"Q{n}"))
    kept = next(f"Q{n}" for n in range(1, 100) if not is_heldout_cluster(f"Q{n}"))
    lines = [
        f"ivanov, иванов => {held}\n",
        f" petrov ,петров,, => {kept}\n",
        "no separator here\n",
        f"=> {kept}\n",
    ]
    assert list(training_clusters(lines)) == [["petrov", "петров"]]


def test_generated_table_has_attribution_header() -> None:
    raw = resources.files("watchline.data").joinpath("name_equivalents.gen.txt.gz").read_bytes()
    head = gzip.decompress(raw)[:600].decode("utf-8")
    assert "rigour" in head and "MIT" in head and "Wikidata" in head and "crc32" in head


def _clusters() -> list[tuple[str, list[str]]]:
    paths = sorted(RIGOUR.glob("persons.part*.txt"))
    if not paths:
        pytest.skip(f"shared data not available: {RIGOUR}")
    out = []
    for path in paths:
        for line in path.read_text("utf-8").splitlines():
            forms, _, qid = line.strip().rpartition(" => ")
            out.append((qid, forms.split(", ")))
    return out


@pytest.mark.slow
def test_forms_unique_to_heldout_clusters_are_absent_from_the_table() -> None:
    clusters = _clusters()
    seen_in_training = {
        fold(f) for qid, forms in clusters if not is_heldout_cluster(qid) for f in forms
    }
    table = equivalents()
    unique = {
        f
        for qid, forms in clusters
        if is_heldout_cluster(qid)
        for f in forms
        if f.isascii() and f.isalpha() and f not in seen_in_training
    }
    leaked = sorted(f for f in unique if f in table)
    assert len(unique) > 10000
    # Only the hand-reviewed list may bring such a form in.
    assert len(leaked) < 20, leaked[:20]


@pytest.mark.slow
def test_generated_table_is_in_sync_with_fold_and_the_script() -> None:
    """The packaged table equals a fresh build (it must be rebuilt whenever fold changes)."""
    if not RIGOUR.exists():
        pytest.skip(f"shared data not available: {RIGOUR}")
    module = build_script("build_name_equivalents")
    fresh = "".join(" ".join(g) + "\n" for g in module.build(RIGOUR))
    raw = resources.files("watchline.data").joinpath("name_equivalents.gen.txt.gz").read_bytes()
    packaged = gzip.decompress(raw).decode("utf-8")
    assert packaged == module.HEADER + fresh
