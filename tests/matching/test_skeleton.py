"""Transliteration-tolerant forms: variants of one name meet, different names do not."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from watchline.matching.skeleton import consonants, from_abjad, translit_form


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("iurii", "yuriy"),
        ("aleksei", "alexey"),
        ("tschernyschewski", "chernyshevsky"),
        ("schewtschenko", "shevchenko"),
        ("fyodor", "fedor"),
        ("mirziyoyev", "mirzieev"),
        ("smirnoff", "smirnov"),
        ("hussein", "husein"),
    ],
)
def test_variants_share_a_form(a: str, b: str) -> None:
    assert translit_form(a) == translit_form(b)


@pytest.mark.parametrize(("a", "b"), [("krylov", "korolev"), ("ivanov", "ivanova")])
def test_different_names_keep_different_forms(a: str, b: str) -> None:
    assert translit_form(a) != translit_form(b)


def test_abjad_detection_and_skeletons() -> None:
    assert from_abjad("محمد علي") and from_abjad("משה") and not from_abjad("Иван")
    assert consonants(translit_form("holmberg")) == consonants(translit_form("hulamabiragh"))


@given(st.text(alphabet=string.ascii_lowercase + string.digits, max_size=30))
def test_forms_stay_lowercase_ascii(token: str) -> None:
    form = translit_form(token)
    assert set(form) <= set(string.ascii_lowercase + string.digits)
    assert set(consonants(form)) <= set(form) | {"b"}  # p is merged into b
    assert bool(form) == bool(token)
