"""A compound name part meets the shorter name it goes by, and only that name."""

from __future__ import annotations

import pytest

from watchline.matching import Query, Screener
from watchline.matching.screener import DEFAULT_THRESHOLD
from watchline.model import Entity
from watchline.names import short_form

LISTED = [
    Entity.build("siraj", "Person", {"name": ["Sirajuddin Haqqani"]}),
    Entity.build("basir", "Person", {"name": ["Abdul Basir Noorzai"]}),
    Entity.build("shafiq", "Person", {"name": ["Shafiqullah Ahmadi"]}),
    Entity.build("d1", "Person", {"name": ["Sergei Ivanovich Smirnov"]}),
    Entity.build("d2", "Person", {"name": ["Yahya Haqqani"]}),
]


@pytest.mark.parametrize(
    ("token", "short"),
    [
        ("sirajuddin", "siraj"),
        ("shafiqullah", "shafiq"),
        ("abdulbasir", "basir"),
        ("abdullah", ""),  # the servant of God: no shorter name
        ("abdulla", ""),
        ("abdul", ""),
        ("nuruddin", "nur"),
        ("uddin", ""),  # a stem under three letters is no name
        ("haqqani", ""),
    ],
)
def test_short_form(token: str, short: str) -> None:
    assert short_form(token) == short


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Siraj Haqqani", "siraj"),
        ("Nassir Haqqani", None),  # another short name: Yahya Haqqani's family is no hit
        ("Basir Noorzai", "basir"),
        ("Shafiq Ahmadi", "shafiq"),
        ("Abdul Basir", None),  # the given name alone still must not hit
    ],
)
def test_a_compound_is_found_from_its_short_form(query: str, expected: str | None) -> None:
    hits = Screener(LISTED).screen(Query(query))
    assert [h.entity_id for h in hits][:1] == ([expected] if expected else [])


def test_the_explanation_says_the_name_was_shortened() -> None:
    hit = Screener(LISTED).screen(Query("Siraj Haqqani"))[0]
    reasons = {p.query_part: p.how for p in hit.explanation.parts}
    assert reasons["siraj"] == "a shortened form of the name"
    assert hit.score >= DEFAULT_THRESHOLD
