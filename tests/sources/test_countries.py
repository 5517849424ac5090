"""The country table: every UN member state and the spellings the lists use."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest

from watchline.sources.countries import _table, country_code, to_country


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
    assert country_code(name) == code


def test_unknown_names_are_kept() -> None:
    assert country_code("Atlantis") is None
    assert to_country(" Atlantis ") == "Atlantis"
    assert country_code("") is None


def test_table_covers_un_member_states() -> None:
    codes = set(_table().values())
    assert len(codes - {"suhh", "csxx", "yucs", "ddde"}) >= 193 + 2  # members + observers


def test_every_country_in_the_un_list_maps(data: Callable[[str], Path]) -> None:
    root = ElementTree.parse(data("un/consolidated.xml")).getroot()
    tags = ("COUNTRY", "ISSUING_COUNTRY", "COUNTRY_OF_ISSUE")
    names = {e.text.strip() for tag in tags for e in root.iter(tag) if e.text}
    names |= {e.text.strip() for n in root.iter("NATIONALITY") for e in n if e.text}
    unmapped = sorted(name for name in names if country_code(name) is None)
    assert unmapped == ["na"]
