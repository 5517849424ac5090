"""European name particles in Arabic and Cyrillic script, and a separate Mac in Arabic script."""

from __future__ import annotations

import pytest

from watchline.names import name_tokens
from watchline.text import fold


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("شوماخر فان دن بروك", "Schumacher van den Broek"),  # van, den: dropped on both sides
        ("ألبرت فون برون", "Albert von Braun"),
        ("دل روزاريو هندريك", "del Rosario Hendrik"),  # Persian writes del without a vowel
        ("ديفيد ماك آرثر", "David MacArthur"),  # ماك joined to its name, as Latin joins Mac
        ("Вернер ФОН Браун", "Wernher von Braun"),  # фон is read fon letter by letter
        ("Мацуи дус Сантус", "Matsui dos Santos"),
        ("Карл-Теодор цу Гуттенберг", "Karl-Theodor zu Guttenberg"),
    ],
)
def test_particles_are_dropped_like_the_latin_ones(arabic: str, latin: str) -> None:
    assert len(name_tokens(arabic)) == len(name_tokens(latin))


def test_a_particle_word_at_the_end_is_a_name() -> None:
    """Only a word before another word can be a particle; a last word is a name (Affleck Lu)."""
    assert fold("أفليك لو") == "afalik lu"
    assert fold("فان") == "fan"
    assert fold("لو وي") == "lu wi"  # Lu Wei: لو is also the Chinese surname Lu
    assert fold("Браун Фон") == "braun fon"


def test_mac_is_joined_to_the_next_word() -> None:
    assert fold("ماك آرثر") == fold("ماكآرثر")


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("جون إف. كينيدي", "jun f kinidi"),  # John F. Kennedy
        ("لورين إي.", "lurin e"),
        ("آي. غالان", "i ghalan"),
    ],
)
def test_initials_spelt_out_with_a_dot_are_latin_letters(arabic: str, latin: str) -> None:
    assert fold(arabic) == latin


def test_a_letter_name_without_a_dot_stays_a_word() -> None:
    assert fold("دي غالان") == "di ghalan"  # Dee, or Di: a name, not the letter D
