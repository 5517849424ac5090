"""Alias fields that pack several names or a remark are cut into names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from watchline.sources.alias_text import alias_names

CASES = [
    ("Kony", ["Kony"]),
    ("Azim Adhajani; Azim Agha-Jani", ["Azim Adhajani", "Azim Agha-Jani"]),
    (
        "Mohammed Sabet; Mohammad Sabet b) M. Javad Karimi Sabet",
        ["Mohammed Sabet", "Mohammad Sabet", "M. Javad Karimi Sabet"],
    ),
    ("a) Abu Omar b) Abu Umar", ["Abu Omar", "Abu Umar"]),
    ("Akrin Saleh Akrin (أقرين صالح أقرين)", ["Akrin Saleh Akrin", "أقرين صالح أقرين"]),
    ("Encep Nurjaman (birth name)", ["Encep Nurjaman"]),
    ("EL PARA (COMBAT NAME)", ["EL PARA"]),
    (
        "Safia Farkash Al-Hadad, born 1 Jan. 1953 (passport no. 03825239)",
        ["Safia Farkash Al-Hadad"],
    ),
    (
        "حاجى مالك نورزى (Hajji Malik Noorzai; Haji Malek Noorzai)",
        ["حاجى مالك نورزى", "Hajji Malik Noorzai", "Haji Malek Noorzai"],
    ),
    ("Abu Bakr; Abu Bakr", ["Abu Bakr"]),
    ("   ", []),
]


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_alias_names(raw: str, expected: list[str]) -> None:
    assert alias_names(raw) == expected


@given(st.text(max_size=80))
def test_names_are_trimmed_non_blank_and_unique(raw: str) -> None:
    names = alias_names(raw)
    assert len(names) == len(set(names))
    assert all(n and n == n.strip() for n in names)
    assert bool(names) == bool(raw.strip())


@given(st.lists(st.from_regex(r"[A-Z][a-z]{2,8} [A-Z][a-z]{2,8}", fullmatch=True), min_size=1))
def test_semicolon_lists_give_each_name(names: list[str]) -> None:
    assert alias_names("; ".join(names)) == list(dict.fromkeys(names))
