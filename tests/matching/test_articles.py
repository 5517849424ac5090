"""An Arabic article glued to a Latin name part meets the name written without it."""

from __future__ import annotations

import pytest

from watchline.matching import Query, Screener
from watchline.matching.screener import DEFAULT_THRESHOLD
from watchline.model import Entity
from watchline.names import article_stem


@pytest.mark.parametrize(
    ("token", "stem"),
    [
        ("essaid", "said"),  # assimilated to the sun letter s
        ("ettayeb", "tayeb"),
        ("ennasr", "nasr"),
        ("echchaoui", "chaoui"),
        ("elkaim", "kaim"),  # el before a moon letter
        ("alqahtani", "qahtani"),
        ("ellen", ""),  # el before l is no article
        ("elena", ""),  # nor before a vowel
        ("eddy", ""),  # a stem under three letters is no name
        ("said", ""),
    ],
)
def test_article_stem(token: str, stem: str) -> None:
    assert article_stem(token) == stem


LISTED = [
    Entity.build("latin", "Person", {"name": ["Abdelkader Essaid"]}),
    Entity.build("arabic", "Person", {"name": ["عبد الرحمن الطيب"]}),
    Entity.build("elkhan", "Person", {"name": ["Elkhan Mammadov"]}),
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("عبد القادر السعيد", "latin"),  # السعيد is romanised without its article
        ("Abdurrahman Ettayeb", "arabic"),  # the Latin spelling keeps it glued
        ("Khan Mammadov", None),  # two Latin spellings: Elkhan is not Khan
    ],
)
def test_a_glued_article_is_the_same_name(query: str, expected: str | None) -> None:
    hits = Screener(LISTED).screen(Query(query))
    assert [h.entity_id for h in hits][:1] == ([expected] if expected else [])


def test_the_explanation_says_the_article_was_glued_on() -> None:
    hit = Screener(LISTED).screen(Query("عبد القادر السعيد"))[0]
    reasons = {p.listed_part: p.how for p in hit.explanation.parts}
    assert reasons["essaid"] == "the same name with its article glued on"
    assert hit.score >= DEFAULT_THRESHOLD
