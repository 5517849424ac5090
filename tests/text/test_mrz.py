"""ICAO 9303 MRZ parsing: the specimen documents, check digits, and malformed input."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from watchline.errors import InputError
from watchline.text.mrz import check_digit, parse_mrz

TODAY = date(2026, 11, 23)
# ICAO Doc 9303 part 4 (TD3 passport) and part 5 (TD1 card) specimens.
TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
TD1 = (
    "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"
)
# ICAO Doc 9303 part 6 (TD2) specimen.
TD2 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6"


@pytest.mark.parametrize(
    ("text", "fmt", "number"),
    [(TD3, "TD3", "L898902C3"), (TD1, "TD1", "D23145890"), (TD2, "TD2", "D23145890")],
)
def test_specimens_parse_with_every_check_passing(text: str, fmt: str, number: str) -> None:
    mrz = parse_mrz(text, today=TODAY)
    assert mrz.format == fmt
    assert mrz.failures == ()
    assert (mrz.surname, mrz.given_names) == ("ERIKSSON", "ANNA MARIA")
    assert mrz.number == number
    assert (mrz.issuing_state, mrz.nationality) == ("UTO", "UTO")
    assert (mrz.birth_date, mrz.expiry_date, mrz.sex) == ("1974-08-12", "2012-04-15", "F")


def test_td3_personal_number_is_read() -> None:
    assert parse_mrz(TD3, today=TODAY).optional_data == "ZE184226B"


def test_check_digit_algorithm() -> None:
    assert check_digit("L898902C3") == "6"
    assert check_digit("740812") == "2"
    assert check_digit("<<<<<<") == "0"


def test_bad_birth_date_digit_is_reported_not_raised() -> None:
    bad = TD3.replace("7408122F", "7408132F")  # day 13 with the check digit of day 12
    mrz = parse_mrz(bad, today=TODAY)
    fields = {f.field: f for f in mrz.failures}
    assert "birth_date" in fields
    assert fields["birth_date"].expected == check_digit("740813")
    assert fields["birth_date"].found == "2"
    assert "composite" in fields
    assert not mrz.valid


def test_bad_number_digit_names_the_field() -> None:
    mrz = parse_mrz(TD1.replace("D231458907", "D231458908"), today=TODAY)
    assert [f.field for f in mrz.failures] == ["number", "composite"]
    assert mrz.failures[0].expected == "7"


def test_single_line_and_spaces_are_accepted() -> None:
    mrz = parse_mrz(TD3.replace("\n", "").replace("<<<<<10", "<<<<< 10"), today=TODAY)
    assert mrz.failures == ()


def test_to_query_carries_the_holder() -> None:
    query = parse_mrz(TD3, today=TODAY).to_query()
    assert query.name == "ANNA MARIA ERIKSSON"
    assert (query.birth_date, query.gender, query.id_number) == (
        "1974-08-12",
        "female",
        "L898902C3",
    )


@pytest.mark.parametrize(
    "text", ["", "P<UTO", TD3 + "\nEXTRA", TD3.replace("ERIKSSON", "ERIKSSÖN"), TD3[:-1]]
)
def test_malformed_input_raises_input_error(text: str) -> None:
    with pytest.raises(InputError):
        parse_mrz(text, today=TODAY)


_MRZ_CHARS = st.sampled_from(list("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<<"))


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=120),
        st.lists(st.text(_MRZ_CHARS, min_size=30, max_size=30), min_size=3, max_size=3).map(
            "\n".join
        ),
        st.lists(st.text(_MRZ_CHARS, min_size=44, max_size=44), min_size=2, max_size=2).map(
            "\n".join
        ),
        st.lists(st.text(_MRZ_CHARS, min_size=36, max_size=36), min_size=2, max_size=2).map(
            "\n".join
        ),
    )
)
def test_parse_mrz_raises_nothing_but_input_error(text: str) -> None:
    try:
        mrz = parse_mrz(text, today=TODAY)
    except InputError:
        return
    assert mrz.format in ("TD1", "TD2", "TD3")
    assert isinstance(mrz.to_query().name, str)
