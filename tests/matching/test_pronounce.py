"""Readings of Latin spellings as Russian and Arab transcribers hear them, and their view."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from watchline.matching import Query, Screener, views
from watchline.matching.pronounce import (
    READINGS,
    arabic_heard,
    arabic_written,
    english_reading,
    french_reading,
    spanish_reading,
)
from watchline.model import Entity

# (reading, folded Latin part, reading in the letters our romaniser writes for Cyrillic)
READ_AS: list[tuple[Callable[[str], str], str, str]] = [
    (french_reading, "arnault", "arno"),  # -ault: au is o, final lt mute
    (french_reading, "giraud", "zhiro"),  # soft g, au, final d mute
    (french_reading, "girard", "zhirar"),  # a final d after r is mute too
    (french_reading, "dutoit", "dyutua"),  # u is [y], oi is [wa]
    (french_reading, "rousseau", "russo"),  # ou, eau
    (french_reading, "chirac", "shirak"),  # ch is sh, a final c is heard
    (french_reading, "guillaumin", "giyomen"),  # gu before i, ill, nasal in
    (french_reading, "laurent", "loran"),  # nasal en
    (french_reading, "charles", "sharl"),  # mute final -es
    (french_reading, "boulanger", "bulanzhe"),  # -er is [e]
    (french_reading, "montagne", "montany"),  # gn, mute e
    (english_reading, "jaycee", "dzheysi"),  # j, ay, soft c, ee
    (english_reading, "lowe", "lou"),  # ow before a mute e
    (english_reading, "hugh", "khyu"),  # initial h heard as kh, ugh
    (english_reading, "wheat", "uit"),  # wh, ea
    (english_reading, "yale", "yeyl"),  # a before consonant and mute e
    (english_reading, "beulah", "byula"),  # eu, h after a vowel mute
    (english_reading, "brinkley", "brinkli"),  # final -ey
    (english_reading, "wright", "rayt"),  # igh
    (spanish_reading, "julieta", "khulieta"),  # j is kh
    (spanish_reading, "guillermo", "giyermo"),  # gu before e, ll
    (spanish_reading, "ramalho", "ramalyo"),  # Portuguese lh
]


@pytest.mark.parametrize(("reading", "spelt", "heard"), READ_AS)
def test_reading(reading: Callable[[str], str], spelt: str, heard: str) -> None:
    assert reading(spelt) == heard


@given(st.text(max_size=30))
def test_readings_are_total_and_lowercase_latin(text: str) -> None:
    for _, reading in READINGS:
        assert re.fullmatch(r"[a-z]*", reading(text))


@given(st.from_regex(r"[a-z]{1,12}", fullmatch=True))
def test_readings_keep_what_they_cannot_read_and_are_pure(token: str) -> None:
    """Pure functions of the string (the vocabulary caches each once per part); a reading
    never grows a part beyond what its digraphs write (dzh for j, ks for x)."""
    for _, reading in READINGS:
        heard = reading(token)
        assert heard == reading(token)
        assert len(heard) <= 3 * len(token)


@pytest.mark.parametrize(
    ("romanised", "heard"), [("buniyah", "buniye"), ("jakih", "jake"), ("haba", "haba")]
)
def test_arabic_final_ha_is_a_vowel(romanised: str, heard: str) -> None:
    assert arabic_heard(romanised) == heard


def test_arabic_writes_one_letter_for_dzh_and_zh_and_doubles() -> None:
    assert arabic_written("dzhoanna") == "joana" and arabic_written("zhake") == "jake"
    assert arabic_written("pottie") == "potie"


def _hit(listed: str, query: str) -> tuple[float, list[str]]:
    screener = Screener([Entity.build("t", "Person", {"name": [listed]})])
    hits = screener.screen(Query(query), threshold=0.0)
    if not hits:
        return 0.0, []
    return hits[0].score, [part.how for part in hits[0].explanation.parts]


def test_view_finds_a_name_heard_in_french_and_says_so() -> None:
    score, how = _hit("Jacques Arnault", "Жак Арно")
    assert score >= 0.65
    assert any("pronounced as French spelling reads" in h for h in how)


def test_view_only_for_parts_we_romanised(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Latin query spelt like the Russian rendering gets no reading: between two Latin
    spellings the readings would merge names that are spelt, and listed, apart."""
    assert _hit("Jacques Arnault", "Zhak Arno")[0] < 0.65
    monkeypatch.setattr(views, "PRONOUNCED_FACTOR", 0.0)
    assert _hit("Jacques Arnault", "Жак Арно")[0] < 0.65
