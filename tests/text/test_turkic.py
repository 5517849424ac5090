"""Azerbaijani and Turkish names get a second, sound-based reading; other names do not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from watchline.text import fold
from watchline.text.turkic import TURKIC_MARKS, turkic_reading


@pytest.mark.parametrize(
    ("name", "reading"),
    [
        ("Cəfərov Nicat", "jafarov nijat"),  # Азербайджан: Джафаров Ниджат
        ("Cəfərov Vüqar", "jafarov vugar"),
        ("Quliyev Əli", "guliyev ali"),
        ("Nağıyev Cavid", "naghiyev javid"),
        ("Cengiz Kılıç", "jengiz kilich"),  # Turkish: dotless i marks it, c is j
    ],
)
def test_turkic_names_are_read_as_they_sound(name: str, reading: str) -> None:
    found = turkic_reading(name)
    assert found is not None
    assert fold(found) == reading


@pytest.mark.parametrize(
    "name",
    [
        "Carlos Castillo",  # c is k in most alphabets
        "Rzayev Nicat",  # no letter says it is Azerbaijani: one spelling only
        "Jacques Chirac",
        "Əliyev Elmar",  # Turkic, but no c or q: nothing to read differently
    ],
)
def test_other_names_have_no_second_reading(name: str) -> None:
    assert turkic_reading(name) is None


@given(st.text(max_size=40))
def test_a_reading_only_exists_for_marked_names_and_changes_c_or_q(text: str) -> None:
    reading = turkic_reading(text)
    if reading is None:
        return
    assert not TURKIC_MARKS.isdisjoint(text)
    assert len(reading) == len(text)
    assert all(a == b or a in "cCqQ" for a, b in zip(text, reading, strict=True))
