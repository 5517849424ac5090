"""``watchline flows`` end to end, as an analyst runs it, on generated AMLworld-layout data."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import shared

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]


def run(home: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": "250", "HOME": str(home)}
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


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    shared("names", "wd_translit", "wd_russian_20.tsv")
    out = tmp_path_factory.mktemp("flows-data")
    subprocess.run(
        [
            sys.executable,
            str(REPO / "bench" / "flows_gen.py"),
            str(out),
            "--transactions",
            "30000",
            "--seed",
            "3",
        ],
        check=True,
        cwd=REPO,
    )
    return out


@pytest.fixture(scope="module")
def analysed(data: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    home = tmp_path_factory.mktemp("home")
    out = data / "out"
    run(
        home,
        "flows",
        "analyze",
        str(data / "transactions.csv"),
        "--accounts",
        str(data / "accounts.csv"),
        "--list",
        str(data / "list.ftm.json"),
        "--out",
        str(out),
        "--save",
        "20",
    )
    return home, out


def test_analyze_writes_the_contracted_files(data: Path, analysed: tuple[Path, Path]) -> None:
    _, out = analysed
    with (out / "alerts.csv").open() as fh:
        alerts = list(csv.DictReader(fh))
    assert list(alerts[0]) == ["bank", "account", "score", "typologies", "reasons"]
    known = {
        "listed-party",
        "fan-out",
        "fan-in",
        "cycle",
        "scatter-gather",
        "gather-scatter",
        "stack",
        "bipartite",
        "collector",
        "structuring",
        "pass-through",
        "associate",
        "listed-flow",
    }
    assert {t for a in alerts for t in a["typologies"].split(";")} <= known
    with (data / "truth_accounts.csv").open() as fh:
        listed = {
            (r["bank"], r["account"]) for r in csv.DictReader(fh) if r["typology"] == "listed-party"
        }
    found = {(a["bank"], a["account"]) for a in alerts if "listed-party" in a["typologies"]}
    assert len(found & listed) >= 0.9 * len(listed)
    with (out / "flagged_transactions.csv").open() as fh:
        flagged = list(csv.DictReader(fh))
    assert list(flagged[0]) == ["row", "score", "typology"]
    labels = [
        ln.rsplit(",", 1)[1] for ln in (data / "transactions.csv").read_text().splitlines()[1:]
    ]
    hits = sum(labels[int(f["row"])] == "1" for f in flagged)
    assert hits / len(flagged) > 0.5  # rows point at the right lines of the input
    assert (out / "listed_paths.csv").read_text().startswith("direction,listed_bank")
    html = (out / "report.html").read_text()
    assert html.count("<svg") >= 10 and "http" not in html.replace("http://www.w3.org", "")


def test_trace_shows_paths(data: Path, analysed: tuple[Path, Path]) -> None:
    home, out = analysed
    with (out / "alerts.csv").open() as fh:
        first = next(a for a in csv.DictReader(fh) if "listed-party" in a["typologies"])
    result = run(
        home,
        "flows",
        "trace",
        f"{first['bank']}/{first['account']}",
        "--transactions",
        str(data / "transactions.csv"),
        "--accounts",
        str(data / "accounts.csv"),
        "--list",
        str(data / "list.ftm.json"),
    )
    assert "Paths to" in result.stdout and "->" in result.stdout
    bad = run(
        home,
        "flows",
        "trace",
        "nope",
        "--transactions",
        str(data / "transactions.csv"),
        "--no-screen",
        ok=False,
    )
    assert bad.returncode != 0


def test_case_to_goaml(analysed: tuple[Path, Path], tmp_path: Path) -> None:
    xmlschema = pytest.importorskip("xmlschema")
    home, _ = analysed
    assert "1" in run(home, "flows", "alerts").stdout
    run(home, "flows", "case", "open", "1", "--title", "Listed person")
    run(home, "flows", "case", "note", "1", "Asked the bank for KYC")
    report = tmp_path / "str.xml"
    lookups = tmp_path / "lookups.yaml"
    text = (REPO / "src/watchline/data/goaml_lookups.yaml").read_text()
    banks = [f'"{b}"' for b in range(1, 1000)]
    lookups.write_text(text.replace('bank_ids: ["1"]', f"bank_ids: [{', '.join(banks)}]"))
    run(
        home,
        "flows",
        "report",
        "1",
        "--format",
        "goaml",
        "--out",
        str(report),
        "--lookups",
        str(lookups),
    )
    schema = xmlschema.XMLSchema11(str(shared("goaml", "goAMLSchema.xsd")))
    schema.validate(str(report))
    run(home, "flows", "case", "close", "1", "--as", "reported", "--note", "STR filed")
    shown = run(home, "flows", "case", "show", "1").stdout
    assert "opened" in shown and "note" in shown and "reported" in shown
    assert run(home, "flows", "case", "note", "1", "late", ok=False).returncode != 0
