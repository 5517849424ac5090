"""Non-name evidence: each feature says what it should, and nothing when a fact is absent."""

from __future__ import annotations

import pytest

from watchline.matching.facts import Facts, entity_facts, norm_date, norm_id, query_facts
from watchline.matching.features import (
    DOB_CONFLICT,
    DOB_EXACT,
    DOB_NEAR,
    DOB_YEAR,
    birth_date,
    gender,
    identifier,
    nationality,
)
from watchline.matching.query import Query
from watchline.model import Entity
from watchline.model.countries import country_code


def dob(query: str, listed: str) -> float | None:
    result = birth_date(Facts(birth_dates=(query,)), Facts(birth_dates=(listed,)))
    return None if result is None else result[0]


@pytest.mark.parametrize(
    ("query", "listed", "expected"),
    [
        ("1970-05-12", "1970-05-12", DOB_EXACT),
        ("1970", "1970-05-12", DOB_YEAR),
        ("1970-05-12", "1970-12-05", DOB_NEAR),  # day and month swapped
        ("1970-05-12", "1970-05-21", DOB_NEAR),  # digits transposed
        ("1970-05-12", "1907-05-12", DOB_NEAR),  # year digits transposed
        ("1970-05-12", "1985-02-03", DOB_CONFLICT),
    ],
)
def test_birth_date(query: str, listed: str, expected: float) -> None:
    assert dob(query, listed) == expected


def test_best_of_several_listed_dates_counts() -> None:
    listed = Facts(birth_dates=("1961", "1963-04-01"))
    assert birth_date(Facts(birth_dates=("1963-04-01",)), listed) == (
        DOB_EXACT,
        "birth date 1963-04-01 matches",
    )


def test_absent_facts_say_nothing() -> None:
    empty = Facts()
    full = Facts(("1970",), ("ru",), "m", ("AB123456",))
    for feature in (birth_date, nationality, gender, identifier):
        assert feature(empty, full) is None
        assert feature(full, empty) is None


def test_nationality_and_gender() -> None:
    listed = entity_facts(
        Entity.build(
            "x",
            "Person",
            {"name": ["A B"], "nationality": ["Russian Federation"], "gender": ["male"]},
        )
    )
    russian = query_facts(Query("A B", nationality="RUS", gender="female"))
    match = nationality(russian, listed)
    assert match is not None and match[0] > 0
    conflict = nationality(query_facts(Query("A B", nationality="DEU")), listed)
    assert conflict is not None and conflict[0] < 0
    clash = gender(russian, listed)
    assert clash is not None and clash[0] < 0


def test_identifier_ignores_spacing_and_case() -> None:
    listed = entity_facts(
        Entity.build("x", "Person", {"name": ["A"], "passportNumber": ["ab 12-3456"]})
    )
    found = identifier(query_facts(Query("A", id_number="AB123456")), listed)
    assert found is not None and found[0] > 5


def test_normalisers() -> None:
    assert norm_date("1970-05-12T00:00:00") == "1970-05-12"
    assert norm_date("unknown") is None
    assert norm_id("N/A") is None
    assert norm_id("IMO 9123456") == norm_id("9123456") == "9123456"
    assert country_code("D") == "de" and country_code("Iran (Islamic Republic of)") == "ir"
    assert country_code("Atlantis") is None
