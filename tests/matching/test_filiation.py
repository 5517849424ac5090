"""Arabic name chains: the own and the father's name are read from bin/ibn, and crossing
them is father and son, not one person."""

from __future__ import annotations

import pytest

from watchline.matching import Query, Screener
from watchline.matching.filiation import crossed_chain, own_and_father, shifted_chain
from watchline.model import Entity


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("SALMAN BIN MUHAMMAD AL-RAWI", ("salman", "muhammad")),
        ("Mohammed bin Salman bin Abdulaziz Al Saud", ("mohammed", "salman")),
        ("Abd al-Rahman bin Laden", ("abdulrahman", "laden")),
        ("محمد بن سلمان", ("muhammad", "salaman")),
        ("Ben Affleck", None),  # no part before the word: not a chain
        ("Vladimir Putin", None),
    ],
)
def test_own_and_father(name: str, expected: tuple[str, str] | None) -> None:
    assert own_and_father(name) == expected


@pytest.mark.parametrize(
    ("query", "listed", "crossed"),
    [
        ("Salman bin Muhammad al-Rawi", "MUHAMMAD BIN SALMAN AL-RAWI", True),
        ("Salman bin Mohammed", "محمد بن سلمان", True),  # across scripts and spellings
        ("Muhammad bin Salman", "MUHAMMAD BIN SALMAN AL-RAWI", False),
        ("Muhammad Salman al-Rawi", "MUHAMMAD BIN SALMAN AL-RAWI", False),  # no chain spelt
        ("Ali bin Ali", "Ali bin Ali", False),  # own and father's names alike: same order
    ],
)
def test_crossed_chain(query: str, listed: str, crossed: bool) -> None:
    assert crossed_chain(query, listed) is crossed


def test_crossed_chain_is_explained_and_keeps_the_hit_below_the_threshold() -> None:
    screener = Screener([Entity.build("p", "Person", {"name": ["MUHAMMAD BIN SALMAN AL-RAWI"]})])
    assert screener.screen(Query("Salman bin Muhammad al-Rawi")) == []
    (hit,) = screener.screen(Query("Salman bin Muhammad al-Rawi"), threshold=0.0)
    features = {c.feature: c for c in hit.explanation.contributions}
    assert features["filiation"].value < 0
    assert "father and son" in features["filiation"].detail
    assert screener.screen(Query("Muhammad bin Salman al-Rawi"))


@pytest.mark.parametrize(
    ("query", "listed", "shifted"),
    [
        ("Saddam Hussein al-Tikriti", "ALI SADDAM HUSSEIN AL-TIKRITI", True),  # his son
        ("Ali Saddam Hussein al-Tikriti", "SADDAM HUSSEIN AL-TIKRITI", True),  # his father
        ("Saddam Hussein al-Tikriti", "SADDAM HUSSEIN AL-TIKRITI", False),
        ("AL-TIKRITI Saddam Hussein", "ALI SADDAM HUSSEIN AL-TIKRITI", False),  # surname first
        ("Abdul Salam Bhutvi", "HAFIZ ABDUL SALAM BHUTTAVI", False),  # a title, not a name
        ("Abu Walid al-Sahrawi", "ADNAN ABOU WALID AL-SAHRAOUI", False),  # a kunya
        ("John Smith", "Michael John Smith", False),  # not an Arabic chain
    ],
)
def test_shifted_chain(query: str, listed: str, shifted: bool) -> None:
    assert shifted_chain(query, listed) is shifted


def test_a_father_does_not_hit_his_listed_sons() -> None:
    """The README's first command: Saddam Hussein's name must hit him, not his children."""
    listed = [
        Entity.build("father", "Person", {"name": ["SADDAM HUSSEIN AL-TIKRITI"]}),
        Entity.build("son", "Person", {"name": ["ALI SADDAM HUSSEIN AL-TIKRITI"]}),
        Entity.build("daughter", "Person", {"name": ["RANA SADDAM HUSSEIN AL-TIKRITI"]}),
    ]
    hits = Screener(listed).screen(Query("Saddam Hussein Al-Tikriti"))
    assert [h.entity_id for h in hits] == ["father"]
