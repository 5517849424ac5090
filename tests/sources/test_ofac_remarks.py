"""Facts read out of OFAC's Remarks column (table-driven)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from watchline.sources.ofac_remarks import parse_remarks

CASES = [
    ("DOB 01 Jan 1970", {"birthDate": ["1970-01-01"]}),
    ("DOB circa 1955; alt. DOB 1957", {"birthDate": ["1955", "1957"]}),
    ("DOB 1960 to 1962", {"birthDate": ["1960", "1961", "1962"]}),
    ("DOB Mar 1971", {"birthDate": ["1971-03"]}),
    ("POB Tehran, Iran", {"birthPlace": ["Tehran, Iran"]}),
    ("nationality Iran; citizen Russia", {"nationality": ["ir"], "citizenship": ["ru"]}),
    ("nationality Atlantis", {"nationality": ["Atlantis"]}),
    ("Passport A1234567 (Iran) expires 2020", {"passportNumber": ["A1234567"]}),
    ("National ID No. 123-456 (Syria)", {"idNumber": ["123-456"]}),
    ("Passport RL 0884631 (Lebanon).", {"passportNumber": ["RL 0884631"]}),
    ("Registration Number HE 131171 (Cyprus).", {"registrationNumber": ["HE 131171"]}),
    ("Passport No. X12 issued 2010", {"passportNumber": ["X12"]}),
    ("Gender Male", {"gender": ["male"]}),
    ("Gender Female.", {"gender": ["female"]}),
    ("a.k.a. 'BNC'; f.k.a. 'OLD NAME'", {"alias": ["BNC"], "previousName": ["OLD NAME"]}),
    ("a.k.a. 'A; B'", {"alias": ["A; B"]}),
    ("Vessel Registration Identification IMO 9187629", {"imoNumber": ["9187629"]}),
    ("Website www.example.com.", {"website": ["www.example.com"]}),
    ("Linked To: SOMETHING.", {}),
    ("", {}),
]


@pytest.mark.parametrize(("remarks", "expected"), CASES)
def test_parse_remarks(remarks: str, expected: dict[str, list[str]]) -> None:
    assert parse_remarks(remarks) == expected


@given(st.text(max_size=300))
def test_any_text_parses_without_error(remarks: str) -> None:
    props = parse_remarks(remarks)
    assert all(isinstance(v, str) for values in props.values() for v in values)
