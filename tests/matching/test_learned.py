"""Learned edit costs across scripts: the distance itself, the learner, the shipped table."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from tests.conftest import build_script
from watchline.errors import InputError
from watchline.matching.learned import (
    ALPHABET_COSTS,
    ARABIC_COSTS,
    GAP,
    LETTERS,
    format_costs,
    learn_costs,
    parse_costs,
    shipped_costs,
    similarity,
)

UNIT = 1.0 - np.eye(LETTERS + 1)
REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data" / "names"
words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)


def code(letter: str) -> int:
    return ord(letter) - ord("a")


@settings(deadline=None)  # the first call compiles the kernel
@given(words, words)
def test_unit_costs_give_levenshtein(a: str, b: str) -> None:
    ours = similarity([a], [b], UNIT)[0]
    assert ours == pytest.approx(Levenshtein.normalized_similarity(a, b))


def test_parts_outside_a_to_z_score_zero() -> None:
    assert similarity(["ab-c", "abc", ""], ["abc", "abc1", ""], UNIT).tolist() == [0, 0, 0]


def test_learner_makes_observed_edits_cheap() -> None:
    """Every pair writes u where the Latin has o: that substitution becomes nearly free,
    while letters never confused stay at full cost."""
    pairs = [("mulu", "molo"), ("kun", "kon"), ("dur", "dor"), ("sukul", "sokol")] * 20
    cost = learn_costs(pairs)
    assert cost[code("u"), code("o")] < 0.1
    assert cost[code("k"), code("d")] == 1.0
    assert cost[code("k"), code("k")] == 0.0


def test_table_round_trips_and_refuses_other_shapes() -> None:
    cost = learn_costs([("kun", "kon")])
    assert np.allclose(parse_costs(format_costs(cost, ["test"])), cost, atol=1e-4)
    with pytest.raises(InputError, match="27 x 27"):
        parse_costs("from/to\ta\na\t0\n")
    with pytest.raises(InputError, match="not a cost table"):
        parse_costs("from/to\ta\na\tzero\n")


@pytest.mark.parametrize(
    ("romanised", "latin", "unrelated"),
    [
        ("sukuluf", "sokolow", "sokolski"),  # w written fa, o written waw
        ("mu", "mo", "ma"),
        ("fayasabakh", "weisbach", "faisal"),
        ("kun", "kohn", "khan"),
    ],
)
def test_shipped_costs_know_how_arabic_renders_latin(
    romanised: str, latin: str, unrelated: str
) -> None:
    cost = shipped_costs(ARABIC_COSTS)
    learned = similarity([romanised, romanised], [latin, unrelated], cost)
    assert learned[0] > Levenshtein.normalized_similarity(romanised, latin)
    assert learned[0] > learned[1]


@pytest.mark.parametrize(
    ("romanised", "latin", "unrelated"),
    [
        ("gadzhiev", "haciyev", "hasanov"),  # Гаджиев / Azerbaijani Hacıyev
        ("dzhidzhi", "gigi", "gigli"),  # Джиджи: an Italian soft g through Cyrillic
        ("friz", "friese", "frey"),  # Фриз: a silent final e
    ],
)
def test_shipped_costs_know_how_alphabets_render_latin(
    romanised: str, latin: str, unrelated: str
) -> None:
    learned = similarity([romanised, romanised], [latin, unrelated], shipped_costs(ALPHABET_COSTS))
    assert learned[0] > Levenshtein.normalized_similarity(romanised, latin)
    assert learned[0] > learned[1]


@pytest.mark.parametrize("table", [ARABIC_COSTS, ALPHABET_COSTS])
def test_shipped_costs_are_a_cost_table(table: str) -> None:
    cost = shipped_costs(table)
    assert cost.shape == (LETTERS + 1, LETTERS + 1)
    assert (np.diag(cost) == 0).all()
    assert ((cost >= 0) & (cost <= 1)).all()


def test_guessed_short_vowels_cost_little_to_drop() -> None:
    assert shipped_costs(ARABIC_COSTS)[code("a"), GAP] < 0.3


@pytest.mark.skipif(not (DATA / "rigour_persons").is_dir(), reason="needs ../shared/data")
def test_shipped_tables_are_what_the_build_script_makes() -> None:
    """The tables must be rebuilt when the romaniser or fold changes; this fails until it is."""
    for name, text in build_script("build_translit_costs").build(DATA).items():
        assert text == (REPO / "src" / "watchline" / "data" / name).read_text("utf-8"), name
