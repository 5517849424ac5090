"""The command line as a user runs it: a real process, a real home directory, real files."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import shared

pytestmark = pytest.mark.slow


def run(home: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": "200", "HOME": str(home)}
    result = subprocess.run(
        [sys.executable, "-m", "watchline", "--home", str(home), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    if ok and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


def read_ftm(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home whose first command loaded the bundled UN list."""
    home = tmp_path_factory.mktemp("home")
    result = run(home, "sources")
    assert "un-sc" in result.stdout
    assert "1,003" in result.stdout
    return home


def test_first_run_loads_bundled_un_list_and_show_works(seeded: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    run(seeded, "export", "--format", "ftm", "--output", str(out))
    targets = [
        e for e in read_ftm(out) if e["schema"] in ("Person", "Organization") and e["target"]
    ]
    assert len(targets) == 1003
    shown = run(seeded, "show", str(targets[0]["id"])).stdout
    assert "History" in shown and "listed" in shown


def test_export_import_export_gives_the_same_entities(seeded: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    run(seeded, "export", "--output", str(first))
    fresh = tmp_path / "fresh"
    run(fresh, "import", str(first), "--format", "ftm", "--source", "copy")
    run(fresh, "export", "--output", str(second))
    key = lambda e: e["id"]  # noqa: E731
    assert sorted(read_ftm(first), key=key) == sorted(read_ftm(second), key=key)


def test_truncated_file_is_refused_with_its_name_and_nothing_changes(
    seeded: Path, tmp_path: Path
) -> None:
    data = shared("un", "consolidated.xml").read_bytes()
    bad = tmp_path / "broken.xml"
    bad.write_bytes(data[: len(data) // 2])
    before = run(seeded, "sources").stdout
    result = run(seeded, "import", str(bad), "--source", "un-sc", ok=False)
    assert result.returncode == 2
    assert "broken.xml" in result.stderr
    assert run(seeded, "sources").stdout == before


def test_reimport_and_diff_show_changes(tmp_path: Path) -> None:
    home = tmp_path / "h"
    rows = [
        {"id": i, "schema": "Person", "target": True, "properties": {"name": [n]}}
        for i, n in (("p1", "Andrei Novikov"), ("p2", "Aram Petrosyan"))
    ]
    v1, v2 = tmp_path / "v1.json", tmp_path / "v2.json"
    v1.write_text("\n".join(json.dumps(r) for r in rows))
    rows[0]["properties"] = {"name": ["Andrei Novikov"], "birthDate": ["1970"]}
    v2.write_text(json.dumps(rows[0]))
    run(home, "import", str(v1), "--format", "ftm", "--source", "national")
    summary = run(home, "import", str(v2), "--format", "ftm", "--source", "national").stdout
    assert "amended" in summary
    diff = run(home, "diff", "national").stdout
    assert "p1" in diff and "amended" in diff and "p2" in diff and "delisted" in diff
    history = run(home, "show", "p1").stdout
    assert "amended" in history
    assert "Adjuncts" not in history  # no table at all for a record nothing refers to


def test_screen_single_name_and_batch_csv_contract(seeded: Path, tmp_path: Path) -> None:
    queries = tmp_path / "queries.csv"
    queries.write_text(
        "id,name,birth_date\nq1,Saddam Hussein Al-Tikriti,\nq2,Jane Ordinary Nobody,1990-01-01\n",
        encoding="utf-8",
    )
    results = tmp_path / "results.csv"
    run(seeded, "screen", "--input", str(queries), "--output", str(results))
    with results.open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        assert reader.fieldnames == [
            "query_id",
            "rank",
            "entity_id",
            "score",
            "matched_name",
            "explanation",
        ]
    assert {r["query_id"] for r in rows} == {"q1"}
    assert rows[0]["rank"] == "1" and rows[0]["entity_id"]
    single = run(seeded, "screen", "Saddam Hussein Al-Tikriti", "--json").stdout
    assert json.loads(single)[0]["entity_id"] == rows[0]["entity_id"]


def test_batch_with_worker_processes_writes_the_same_file(seeded: Path, tmp_path: Path) -> None:
    from watchline.sources.un_xml import UnXmlSource

    records = UnXmlSource(shared("un", "consolidated.xml")).records()
    names = [r.entity.names[0] for r in records if r.entity.schema == "Person"][:400]
    rows = [f"q{i},{n.replace(',', ' ')}" for i, n in enumerate(names)]
    rows += [f"r{i},{' '.join(reversed(n.replace(',', ' ').split()))}" for i, n in enumerate(names)]
    queries = tmp_path / "queries.csv"
    queries.write_text("id,name\n" + "\n".join(rows) + "\n", encoding="utf-8")
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    run(seeded, "screen", "--input", str(queries), "--output", str(one))
    run(seeded, "screen", "--input", str(queries), "--output", str(two), "--workers", "2")
    assert one.read_bytes() == two.read_bytes()
    assert len(one.read_text(encoding="utf-8").splitlines()) > 700  # the listed names hit


def test_workers_without_a_batch_are_refused(seeded: Path) -> None:
    result = run(seeded, "screen", "Saddam Hussein", "--workers", "2", ok=False)
    assert result.returncode == 2
    assert "--workers" in result.stderr and "--input" in result.stderr


def test_bad_queries_csv_names_the_row(seeded: Path, tmp_path: Path) -> None:
    queries = tmp_path / "q.csv"
    queries.write_text("id,name\nq1,Some Name\nq2,\n", encoding="utf-8")
    result = run(
        seeded, "screen", "--input", str(queries), "--output", str(tmp_path / "r.csv"), ok=False
    )
    assert result.returncode == 2
    assert "q.csv:3" in result.stderr
    assert not (tmp_path / "r.csv").exists()


def test_show_lists_the_adjuncts_of_a_un_person(seeded: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    run(seeded, "export", "--format", "ftm", "--output", str(out))
    passports = [e for e in read_ftm(out) if e["schema"] == "Passport"]
    holder = passports[0]["properties"]["holder"][0]  # type: ignore[index]
    shown = run(seeded, "show", holder).stdout
    adjuncts = shown.split("Adjuncts", 1)[1].split("History", 1)[0]
    assert f"{holder}-sanction" in adjuncts and "Sanction" in adjuncts
    assert "United Nations Security Council" in adjuncts
    assert str(passports[0]["id"]) in adjuncts and "Passport" in adjuncts
