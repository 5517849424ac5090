"""Hostile bytes into every importer: only InputError may come out, and never a hang."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from watchline.errors import InputError
from watchline.sources import FORMATS, detect_format, open_source
from watchline.sources.national_csv import COLUMNS

DATA = Path(__file__).parents[2] / ".." / "shared" / "data"
NATIONAL = Path(__file__).parents[2] / "docs" / "formats" / "national-list-example.csv"
SEEDS = {
    "un-xml": DATA / "un" / "consolidated.xml",
    "ofac-csv": DATA / "ofac" / "cons_prim.csv",
    "ofac-xml": DATA / "ofac" / "consolidated.xml",
    "uk-csv": DATA / "uk" / "subjects.csv",
    "ftm": DATA / "opensanctions" / "yente_t1.entities.ftm.json",
    "national-csv": NATIONAL,
    "eu-json": DATA / "eu" / "pakote_all_eu_un_ofaccons.json",
}
FUZZ = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])


def seed(fmt: str) -> bytes:
    path = SEEDS[fmt]
    if not path.exists():
        pytest.skip(f"{path} is absent")
    with path.open("rb") as handle:
        return handle.read(3000)


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """The start of a real file, cut somewhere and with a few bytes changed or inserted."""
    data = bytearray(original[: draw(st.integers(0, len(original)))])
    for _ in range(draw(st.integers(0, 4))):
        position = draw(st.integers(0, len(data)))
        data[position:position] = draw(st.binary(min_size=1, max_size=8))
    return bytes(data)


def run_importer(fmt: str, payload: bytes) -> None:
    """Write the payload where the importer expects it and read every record."""
    with tempfile.TemporaryDirectory() as folder:
        name = "subjects.csv" if fmt == "uk-csv" else "list"
        path = Path(folder) / name
        path.write_bytes(payload)
        if fmt == "uk-csv":
            (Path(folder) / "subject_names.csv").write_text(
                "name_id,unique_id,name_type,alias_strength,full_name\n", "utf-8"
            )
        try:
            source = open_source(path, format=fmt, originator="XX-TEST")
            for _record in source.records():
                pass
        except InputError:
            pass


@pytest.mark.parametrize("fmt", sorted(SEEDS))
@FUZZ
@given(payload=st.binary(max_size=600))
def test_random_bytes(fmt: str, payload: bytes) -> None:
    run_importer(fmt, payload)


@pytest.mark.parametrize("fmt", sorted(SEEDS))
@FUZZ
@given(data=st.data())
def test_mutated_real_files(fmt: str, data: st.DataObject) -> None:
    run_importer(fmt, data.draw(mutated(seed(fmt))))


@FUZZ
@given(cells=st.lists(st.text(max_size=12), min_size=len(COLUMNS), max_size=len(COLUMNS)))
def test_national_rows_of_random_text(cells: list[str]) -> None:
    quoted = ",".join('"' + c.replace('"', '""') + '"' for c in cells)
    run_importer("national-csv", f"{','.join(COLUMNS)}\n{quoted}\n".encode())


@FUZZ
@given(payload=st.binary(max_size=400))
def test_detect_format_on_random_bytes(payload: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "unknown"
        path.write_bytes(payload)
        with contextlib.suppress(InputError):
            assert detect_format(path) in FORMATS
