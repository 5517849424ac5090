"""The country table: every UN member state and the spellings the lists use."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from tests.conftest import shared
from watchline.model.countries import _names, code_for_name, country_code, to_country


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Russian Federation", "ru"),
        ("Iran (Islamic Republic of)", "ir"),
        ("Syrian Arab Republic", "sy"),
        ("Democratic People's Republic of Korea", "kp"),
        ("United Kingdom of Great Britain and Northern Ireland", "gb"),
        ("Türkiye", "tr"),
        ("turkiye", "tr"),
        ("Côte d'Ivoire", "ci"),
        ("The Gambia", "gm"),
        ("  viet nam ", "vn"),
        ("China, Hong Kong Special Administrative Region", "hk"),
        ("former Soviet Union", "suhh"),
    ],
)
def test_known_names(name: str, code: str) -> None:
    assert code_for_name(name) == code


def test_unknown_names_are_kept() -> None:
    assert code_for_name("Atlantis") is None
    assert to_country(" Atlantis ") == "Atlantis"
    assert code_for_name("") is None


def test_table_covers_un_member_states() -> None:
    codes = set(_names().values())
    assert len(codes - {"suhh", "csxx", "yucs", "ddde"}) >= 193 + 2  # members + observers


def test_every_country_in_the_un_list_maps() -> None:
    root = ElementTree.parse(shared("un", "consolidated.xml")).getroot()
    tags = ("COUNTRY", "ISSUING_COUNTRY", "COUNTRY_OF_ISSUE")
    names = {e.text.strip() for tag in tags for e in root.iter(tag) if e.text}
    names |= {e.text.strip() for n in root.iter("NATIONALITY") for e in n if e.text}
    unmapped = sorted(name for name in names if code_for_name(name) is None)
    assert unmapped == ["na"]


def test_codes_are_read_as_codes_only_where_codes_are_expected() -> None:
    """Passports and FtM carry codes; list text "na" means "not available", not Namibia."""
    assert country_code("RUS") == country_code("ru") == country_code("Russia") == "ru"
    assert country_code("D") == "de"
    assert code_for_name("na") is None
    assert to_country("na") == "na"
