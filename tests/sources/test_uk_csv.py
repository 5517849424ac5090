"""UK Sanctions List tables, joined by unique_id."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from watchline.errors import InputError
from watchline.sources import open_source
from watchline.sources.uk_csv import UkCsvSource

Data = Callable[[str], Path]


def test_counts_and_spot_check(data: Data) -> None:
    source = open_source(data("uk"))
    records = {r.id: r for r in source.records()}
    assert Counter(r.entity.schema for r in records.values()) == {
        "Person": 3883,
        "Organization": 1531,
        "Vessel": 632,
        "Sanction": 6046,
    }
    assert source.info.list_date == "2026-04-29"
    assert source.warnings == []
    hanafi = records["gb-fcdo-AFG0027"]
    assert hanafi.entity.get("name") == ("ABDUL SALAM HANAFI ALI MARDAN QUL",)
    assert {"ABDUL SALAM HANAFI", "Abdussalam HANIFI"} <= set(hanafi.entity.get("alias"))
    assert "1973-02-14" in hanafi.entity.get("birthDate")
    assert hanafi.entity.get("nationality") == ("af",)
    assert "D0010098" in hanafi.entity.get("passportNumber")
    assert hanafi.entity.get("programId") == ("TAi.027",)
    assert hanafi.listing.source == "gb-fcdo" and hanafi.listing.originator == "UK-FCDO"
    assert hanafi.listing.listed_on == "2001-02-23"
    sanction = records["gb-fcdo-AFG0027-sanction"]
    assert sanction.listing == hanafi.listing
    assert sanction.entity.get("entity") == ("gb-fcdo-AFG0027",)
    assert sanction.entity.get("authority") == ("UK Foreign, Commonwealth & Development Office",)
    assert sanction.entity.get("program") == ("AFG",)
    assert sanction.entity.get("unscId") == ("TAi.027",)
    assert sanction.entity.get("listingDate") == ("2001-02-23",)


def test_ships_have_imo_numbers(data: Data) -> None:
    ships = [
        r.entity
        for r in UkCsvSource(data("uk/subjects.csv")).records()
        if r.entity.schema == "Vessel"
    ]
    assert sum(1 for ship in ships if ship.get("imoNumber")) > 600


def copy_tables(data: Data, tmp_path: Path) -> Path:
    for name in ("subjects.csv", "subject_names.csv"):
        shutil.copy(data(f"uk/{name}"), tmp_path / name)
    return tmp_path


def test_missing_optional_table_is_a_warning(data: Data, tmp_path: Path) -> None:
    source = UkCsvSource(copy_tables(data, tmp_path))
    assert sum(1 for r in source.records() if r.entity.target) == 6046
    assert any("subject_dobs.csv is missing" in w for w in source.warnings)


def test_missing_column_names_the_file(data: Data, tmp_path: Path) -> None:
    folder = copy_tables(data, tmp_path)
    names = folder / "subject_names.csv"
    names.write_text(names.read_text("utf-8").replace("full_name", "fullname", 1), "utf-8")
    with pytest.raises(InputError) as info:
        list(UkCsvSource(folder).records())
    assert info.value.where == "subject_names.csv:1"
    assert "full_name" in info.value.reason


def test_bad_designation_date_names_the_row(data: Data, tmp_path: Path) -> None:
    folder = copy_tables(data, tmp_path)
    subjects = folder / "subjects.csv"
    lines = subjects.read_text("utf-8").splitlines()
    lines[3] = lines[3].replace("05/11/2012", "31/02/2012")
    subjects.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(InputError) as info:
        list(UkCsvSource(folder).records())
    assert info.value.where == "subjects.csv:4 (AFG0003)"
