"""The audit of the quality bench's rigour forms (bench/data/rigour_audit.tsv).

The bench trusts the audit to reject only forms that exist in held-out clusters: a typo in a
QID or a form would silently reject nothing, and a training cluster has no place in it."""

from __future__ import annotations

import sys
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
AUDIT = ROOT / "bench" / "data" / "rigour_audit.tsv"
RIGOUR = ROOT / ".." / "shared" / "data" / "names" / "rigour_persons"
VERDICTS = {"not-a-name", "other-name"}
sys.path.insert(0, str(ROOT / "bench"))
import screening_sets  # noqa: E402  (the bench's own reader of the audit)


def _rows() -> list[list[str]]:
    lines = AUDIT.read_text("utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def _clusters() -> dict[str, list[str]]:
    clusters: dict[str, list[str]] = {}
    for part in sorted(RIGOUR.glob("persons.part*.txt")):
        for line in part.read_text("utf-8").splitlines():
            forms, _, qid = line.rpartition(" => ")
            clusters[qid.strip()] = [f.strip() for f in forms.split(",")]
    return clusters


def test_every_row_has_a_qid_a_form_a_known_verdict_and_a_note() -> None:
    rows = _rows()
    assert len(rows) > 50
    for row in rows:
        assert len(row) == 4, row
        qid, form, verdict, note = row
        assert qid.startswith("Q") and qid[1:].isdigit(), row
        assert form and note, row
        assert verdict in VERDICTS, row


def test_audit_rejects_each_form_once() -> None:
    keys = [(row[0], row[1]) for row in _rows()]
    assert len(keys) == len(set(keys))
    assert screening_sets.rejected_forms() == set(keys)


def test_a_malformed_audit_row_names_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    audit = tmp_path / "audit.tsv"
    audit.write_text("# qid\tform\tverdict\tnote\nQ5\tlars\tother-name\tok\nQ6 lars\n", "utf-8")
    monkeypatch.setattr(screening_sets, "AUDIT", audit)
    with pytest.raises(ValueError, match=r"audit.tsv:3: want qid, form, verdict, note"):
        screening_sets.rejected_forms()


@pytest.mark.skipif(not RIGOUR.is_dir(), reason="needs ../shared/data")
def test_every_rejected_form_is_in_its_held_out_cluster() -> None:
    clusters = _clusters()
    for qid, form, _, _ in _rows():
        assert zlib.crc32(qid.encode()) % 5 == 0, f"{qid} is a training cluster"
        assert form in clusters[qid], f"{form!r} is not a form of {qid}"


@pytest.mark.skipif(not RIGOUR.is_dir(), reason="needs ../shared/data")
def test_no_cluster_loses_its_latin_forms_to_the_audit() -> None:
    clusters = _clusters()
    rejected = {(row[0], row[1]) for row in _rows()}
    for qid in {row[0] for row in _rows()}:
        kept = [f for f in clusters[qid] if (qid, f) not in rejected]
        assert any(f.isascii() for f in kept) or any("a" <= f[:1] <= "z" for f in kept), qid
