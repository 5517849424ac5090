"""Facts read out of OFAC's Remarks column (table-driven)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from watchline.sources.ofac_remarks import free_remarks, parse_remarks, sanction_terms

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


TERMS = [
    (
        "Listing Date (CMIC) 03 Jun 2021; Effective Date (CMIC) 02 Aug 2021.",
        {"listingDate": ["2021-06-03"], "startDate": ["2021-08-02"]},
    ),
    ("Listing Date (EO 14024 Directive 2): 24 Feb 2022", {"listingDate": ["2022-02-24"]}),
    (
        "DOB 1962; Secondary sanctions risk: section 1(b) of Executive Order 13224.",
        {"provisions": ["Secondary sanctions risk: section 1(b) of Executive Order 13224"]},
    ),
    (
        "Additional Sanctions Information - Subject to Secondary Sanctions",
        {"provisions": ["Additional Sanctions Information - Subject to Secondary Sanctions"]},
    ),
    ("DOB 1962; POB Shati.", {}),
]


@pytest.mark.parametrize(("remarks", "expected"), TERMS)
def test_sanction_terms(remarks: str, expected: dict[str, list[str]]) -> None:
    assert sanction_terms(remarks) == expected


def test_free_remarks_keep_only_what_no_property_reads() -> None:
    remarks = (
        "DOB 1960; Additional Sanctions Information - Subject to Secondary Sanctions; "
        "Linked To: HIZBALLAH; a.k.a. 'X; Y'; Listing Date (CMIC) 03 Jun 2021."
    )
    assert free_remarks(remarks) == "Linked To: HIZBALLAH"


@given(st.text(alphabet=st.sampled_from(list("DOB Linked;:'.a1 ")), max_size=60) | st.text())
def test_terms_and_free_remarks_accept_any_text(remarks: str) -> None:
    terms = sanction_terms(remarks)
    assert set(terms) <= {"listingDate", "startDate", "provisions"}
    free = free_remarks(remarks)
    assert free_remarks(free) == free  # what is left is left for good
    assert not parse_remarks(free) and not sanction_terms(free)
