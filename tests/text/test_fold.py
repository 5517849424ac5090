"""fold(): the one canonical form, homoglyph repair and its invariants."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from watchline.text import fold, scripts
from watchline.text.clean import repair_homoglyphs, strip_invisible

_FOLDED = re.compile(r"^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Новиков Андрей Викторович", "novikov andrey viktorovich"),
        ("NOVIKOV, Andrei", "novikov andrei"),
        ("Andreï Novikov", "andrei novikov"),
        ("Володимир", "volodimir"),  # no Ukrainian-only letter: read as Russian
        ("Володимир Київ", "volodymyr kyiv"),  # one Ukrainian letter marks the whole name
        ("Олександр", "oleksandr"),
        ("სააკაშვილი", "saakashvili"),
        ("Սարգսյան", "sargsyan"),
        ("Heydər Əliyev", "heydar aliyev"),
        ("Oʻtkir Gʻulomov", "otkir gulomov"),
        ("O'tkir G'ulomov", "otkir gulomov"),
        ("Şahin Çelik", "shahin chelik"),
        ("Al-Hashimi", "al hashimi"),
        ("O’Brien", "obrien"),
        ("  many   spaces\t", "many spaces"),
        ("ﬁnance", "finance"),
    ],
)
def test_fold_known_values(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    "attack",
    [
        "Nоvikov",  # Cyrillic о
        "Novi\u200bkov",  # zero-width space
        "Novi\u200dkov\u200c",  # zero-width joiner and non-joiner
        "\u202eNovikov\u202c",  # bidi override
        "N\u00adovikov",  # soft hyphen
        "NОVІКОV",  # Cyrillic О, І, К mixed into capitals
        "Ｎｏｖｉｋｏｖ",  # fullwidth
    ],
)
def test_homoglyph_and_invisible_attacks_fold_identically(attack: str) -> None:
    assert fold(attack) == "novikov"


def test_majority_cyrillic_word_repairs_to_cyrillic() -> None:
    assert repair_homoglyphs("Нoвиков") == "Новиков"  # Latin o in a Cyrillic word
    assert fold("Нoвиков") == fold("Новиков")


def test_letter_without_twin_decides_the_script() -> None:
    # Real EU list entry: Latin A, M, O, B inside a Cyrillic surname with Cyrillic Т and Б.
    assert repair_homoglyphs("ТAMБOB") == "ТАМБОВ"
    assert fold("Сергей Юрьевич ТAMБOB") == "sergey yurevich tambov"


def test_strip_invisible_keeps_visible_text() -> None:
    assert strip_invisible("a\u200bb\u00a0 c") == "ab c"


def test_scripts_detection() -> None:
    assert scripts("Новиков A.") == {"cyrillic", "latin"}
    assert scripts("محمد 12") == {"arabic"}
    assert scripts("Սարգսյան ბათუმი") == {"armenian", "georgian"}
    assert scripts("123 -") == frozenset()


@given(st.text())
def test_fold_is_idempotent_ascii_and_single_spaced(text: str) -> None:
    folded = fold(text)
    assert _FOLDED.match(folded)
    assert fold(folded) == folded


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_fold_never_raises_on_any_code_point(text: str) -> None:
    assert fold(text).isascii()
