"""Retrieval by how listed Latin parts sound (``heard.py``): renderings made by ear."""

from __future__ import annotations

import pytest

from watchline.matching import Query, Screener
from watchline.matching.index import NameIndex
from watchline.matching.vocab import Vocab
from watchline.model import Entity


def _person(entity_id: str, name: str) -> Entity:
    return Entity.build(entity_id, "Person", {"name": [name]})


def _others() -> list[Entity]:
    return [_person(f"p{i}", name) for i, name in enumerate(["Ivan Petrov", "Omar Haddad"])]


def _wide_keys(vocab: Vocab, token: str, abjad: bool) -> set[int]:
    return vocab.lookup(token) | vocab.lookup_more(token, abjad)


@pytest.mark.parametrize(
    ("listed", "query_part", "abjad", "part"),
    [
        # Pinyin c is ts, x is s: Цай Сяопин is read "tsay syaopin"
        ("Cai Xiaoping", "tsay", False, "cai"),
        ("Cai Xiaoping", "syaopin", False, "xiaoping"),
        # French: Legault is said "lego", as Лего writes it
        ("Pierre Legault", "lego", False, "legault"),
        # Hungarian and Czech c is ts: كوراميتسو is read "kuramitasu", written k-r-m-t-s
        ("Kuramicu Cordier", "kuramitasu", True, "kuramicu"),
    ],
)
def test_a_rendering_by_ear_finds_the_listed_spelling_no_spelling_key_reaches(
    listed: str, query_part: str, abjad: bool, part: str
) -> None:
    vocab = NameIndex.build([_person("x", listed), *_others()]).vocab
    pid = vocab.ids[part]
    assert pid not in _wide_keys(vocab, query_part, abjad)
    assert pid in vocab.heard.lookup(vocab, query_part, abjad)


def test_two_written_consonants_are_a_key_where_few_parts_share_them() -> None:
    # جون is read "jun", j-n as Arabic script writes it; English says John "jon": j-n too
    vocab = NameIndex.build([_person("x", "John Smith"), *_others()]).vocab
    assert vocab.ids["john"] in vocab.heard.lookup(vocab, "jun", abjad=True)


@pytest.mark.parametrize(
    ("listed", "query"),
    [("Cai Xiaoping", "Цай Сяопин"), ("Kuramicu Cordier", "كوراميتسو كوردييه")],
)
def test_the_screener_finds_a_name_rendered_by_ear(listed: str, query: str) -> None:
    hits = Screener([_person("x", listed), *_others()]).screen(Query(query))
    assert [h.entity_id for h in hits] == ["x"]


def test_a_part_added_after_the_build_gets_its_keys_at_the_next_lookup() -> None:
    screener = Screener(_others())
    assert not screener.screen(Query("Цай Сяопин"))
    screener.add(_person("late", "Cai Xiaoping"))
    hits = screener.screen(Query("Цай Сяопин"))
    assert [h.entity_id for h in hits] == ["late"]


def test_a_latin_query_is_not_read_by_ear() -> None:
    # "Tsay" typed in Latin is someone's own spelling, not a rendering of Cai by ear.
    hits = Screener([_person("x", "Cai Xiaoping"), *_others()]).screen(Query("Tsay Syaopin"))
    assert not hits
