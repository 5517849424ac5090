"""The national CSV layout: the documented example and every refusal it promises."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchline.errors import InputError
from watchline.model import Handling
from watchline.sources import open_source
from watchline.sources.national_csv import COLUMNS, NationalCsvSource

HEADER = ",".join(COLUMNS)
GOOD = (
    "x-1,Person,Արամ Վարդանյան,Aram Vardanyan;Арам Варданян,1979-03-14;1980,am;Georgia,"
    "male,ID1,P1,Yerevan,Law art. 1,Reason,2024-05-20,restricted,GE-SSG;UA-SBU,Note"
)


def test_documented_example(national_example: Path) -> None:
    source = open_source(national_example, originator="AM-NSS")
    records = list(source.records())
    assert len(records) == 6
    assert source.info.format == "national-csv"
    first = records[0]
    assert first.entity.get("name") == ("Արամ Վարդանյան",)
    assert first.listing.handling is Handling.RESTRICTED
    assert first.listing.shared_with == ("GE-SSG", "UA-SBU")
    assert first.listing.originator == "AM-NSS"
    georgian = records[1].entity
    assert georgian.get("nationality") == ("ge",) and georgian.get("birthDate") == ("1985",)
    assert {r.entity.schema for r in records} == {"Person", "Organization", "Vessel"}


def write(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "national.csv"
    path.write_text("\n".join([header, *rows]) + "\n", "utf-8")
    return path


def test_good_row(tmp_path: Path) -> None:
    (record,) = NationalCsvSource(write(tmp_path, GOOD), originator="AM-NSS").records()
    entity = record.entity
    assert entity.get("alias") == ("Aram Vardanyan", "Арам Варданян")
    assert entity.get("birthDate") == ("1979-03-14", "1980")
    assert entity.get("nationality") == ("am", "ge")
    assert record.listing.listed_on == "2024-05-20"
    assert record.listing.source == "national"


def cell(column: str, value: str) -> str:
    cells = GOOD.split(",")
    # GOOD has no quoted cells, so a plain split lines up with COLUMNS
    cells[COLUMNS.index(column)] = value
    return ",".join(cells)


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("birth_date", "1990-13-01", "not a YYYY"),
        ("birth_date", "14.03.1979", "not a YYYY"),
        ("schema", "Spaceship", "is not one of"),
        ("handling", "secret", "is not one of"),
        ("handling", "", "required"),
        ("name", "", "required"),
        ("id", "has space", "ids are"),
        ("nationality", "Atlantis", "known country"),
        ("nationality", "zz", "known country"),
        ("gender", "m", "male, female or other"),
        ("listed_on", "2024-05", "YYYY-MM-DD"),
    ],
)
def test_bad_cell_names_row_and_column(
    tmp_path: Path, column: str, value: str, message: str
) -> None:
    path = write(tmp_path, GOOD.replace("x-1,", "x-0,", 1), cell(column, value))
    with pytest.raises(InputError, match=message) as info:
        list(NationalCsvSource(path, originator="AM-NSS").records())
    assert info.value.where == f"national.csv:3 (column {column})"


def test_shared_with_needs_restricted(tmp_path: Path) -> None:
    path = write(tmp_path, cell("handling", "public"))
    with pytest.raises(InputError, match="only a restricted record") as info:
        list(NationalCsvSource(path, originator="AM-NSS").records())
    assert info.value.where == "national.csv:2 (column shared_with)"


def test_person_only_columns_refused_on_organisations(tmp_path: Path) -> None:
    path = write(tmp_path, cell("schema", "Organization"))
    with pytest.raises(InputError, match="only a Person has birth_date"):
        list(NationalCsvSource(path, originator="AM-NSS").records())


def test_duplicate_id(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="duplicate id") as info:
        list(NationalCsvSource(write(tmp_path, GOOD, GOOD), originator="X").records())
    assert info.value.where == "national.csv:3 (column id)"


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (HEADER.replace(",notes", ""), "missing column"),
        (HEADER + ",extra", "unknown column"),
        (HEADER.replace("birth_date", "dob"), "missing column"),
    ],
)
def test_header_problems_name_line_one(tmp_path: Path, header: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        list(NationalCsvSource(write(tmp_path, header=header), originator="X").records())
    assert info.value.where == "national.csv:1"


def test_wrong_cell_count_and_originator_required(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + ",surplus")
    with pytest.raises(InputError, match="expected 16 columns") as info:
        list(NationalCsvSource(path, originator="X").records())
    assert info.value.where == "national.csv:2"
    with pytest.raises(InputError, match="originator"):
        NationalCsvSource(path)
