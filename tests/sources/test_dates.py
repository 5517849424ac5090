"""List date forms to FtM partial dates."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from watchline.sources.dates import iso_partial, parse_loose, parse_numeric, year_range


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01 Jan 1970", ["1970-01-01"]),
        ("1 January 1970", ["1970-01-01"]),
        ("Nov. 1973", ["1973-11"]),
        ("circa 1955", ["1955"]),
        ("approximately 1955", ["1955"]),
        ("1960 to 1962", ["1960", "1961", "1962"]),
        ("1978-04-28", ["1978-04-28"]),
        ("31 Feb 1970", []),
        ("30-35 years old", []),
        ("24/06/1402 (Hijri Calendar)", []),
        ("", []),
    ],
)
def test_parse_loose(text: str, expected: list[str]) -> None:
    assert parse_loose(text) == expected


def test_iso_and_numeric() -> None:
    assert iso_partial("1970-02") == "1970-02"
    assert iso_partial("1970-02-30") is None
    assert iso_partial("197") is None
    assert parse_numeric("01/08/2026", "mdy") == "2026-01-08"
    assert parse_numeric("01/08/2026", "dmy") == "2026-08-01"
    assert parse_numeric("1/2", "dmy") is None


def test_long_year_range_keeps_ends() -> None:
    assert year_range(1950, 1990) == ["1950", "1990"]
    assert year_range(1962, 1960) == ["1960", "1961", "1962"]


@given(st.text(max_size=40))
def test_parse_loose_returns_only_valid_iso(text: str) -> None:
    for value in parse_loose(text):
        assert iso_partial(value) == value


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)))
def test_written_dates_round_trip(day: date) -> None:
    assert parse_loose(f"{day.day:02d} {day:%b} {day.year}") == [day.isoformat()]
