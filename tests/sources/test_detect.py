"""Format detection reads content, so renamed files are still recognised."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from watchline.errors import InputError
from watchline.sources import FORMATS, detect_format, open_source

Data = Callable[[str], Path]
CASES = [
    ("un/consolidated.xml", "un-xml"),
    ("ofac/sdn.csv", "ofac-csv"),
    ("ofac/cons_prim.csv", "ofac-csv"),
    ("ofac/consolidated.xml", "ofac-xml"),
    ("uk/subjects.csv", "uk-csv"),
    ("opensanctions/yente_t1.entities.ftm.json", "ftm"),
    ("eu/pakote_all_eu_un_ofaccons.json", "eu-json"),
]


@pytest.mark.parametrize(("name", "fmt"), CASES)
def test_renamed_files_are_detected(data: Data, tmp_path: Path, name: str, fmt: str) -> None:
    renamed = tmp_path / "download (3).txt"
    shutil.copy(data(name), renamed)
    assert detect_format(renamed) == fmt
    assert fmt in FORMATS


def test_folders_and_national_example(data: Data, national_example: Path) -> None:
    assert detect_format(data("uk")) == "uk-csv"
    assert detect_format(data("ofac/consistent_2021")) == "ofac-csv"
    assert detect_format(national_example) == "national-csv"


def test_renamed_file_opens_with_detected_importer(data: Data, tmp_path: Path) -> None:
    renamed = tmp_path / "list.json"
    shutil.copy(data("un/consolidated.xml"), renamed)
    assert open_source(renamed).info.format == "un-xml"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"<html><body/></html>", "unknown root"),
        (b'{"hello": 1}\n', "neither FtM"),
        (b"a,b,c\n1,2,3\n", "not a known list"),
        (b'36,12,"aka","AERO-CARIBBEAN",-0- \r\n', "companion"),
        (b"\x00\x01\x02binary", "not a known list"),
    ],
)
def test_unknown_content_is_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "sdn.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        detect_format(path)


def test_missing_path_and_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        open_source(tmp_path / "absent.xml")
    path = tmp_path / "x.csv"
    path.write_text("x", "utf-8")
    with pytest.raises(InputError, match="unknown format"):
        open_source(path, format="pdf")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_folder_where_a_file_is_needed(tmp_path: Path, fmt: str) -> None:
    with pytest.raises(InputError):
        list(open_source(tmp_path, format=fmt, originator="X").records())
