"""Per-part traits (``traits.py``) hold what the view functions say of every listed part,
however the part entered the index: build, amendment or restore from a stored index."""

from __future__ import annotations

import numpy as np
import pytest

from watchline.matching.align import is_patronymic
from watchline.matching.arrays import any_true, true_at
from watchline.matching.articles import has_article
from watchline.matching.compounds import has_short_form
from watchline.matching.index import NameIndex
from watchline.matching.persist import index_state, restore_index
from watchline.matching.skeleton import abjad_consonants, abjad_consonants_second, vowel_initial
from watchline.matching.tokens import known_name
from watchline.matching.vocab import Vocab
from watchline.model import Entity

NAMES = ["Иван Сергеевич Петров", "Elkhan Mammadov", "Sirajuddin Haqqani", "Ahmed Schwarz"]


def _index() -> NameIndex:
    return NameIndex.build(
        [Entity.build(f"p{i}", "Person", {"name": [n]}) for i, n in enumerate(NAMES)]
    )


def _assert_traits_hold(vocab: Vocab) -> None:
    traits = vocab.traits
    for pid, token in enumerate(vocab.tokens):
        assert traits.known.view[pid] == known_name(token), token
        assert traits.patronymic.view[pid] == is_patronymic(token), token
        assert traits.short_form.view[pid] == has_short_form(token), token
        assert traits.article.view[pid] == has_article(token), token
        assert traits.vowel_initial.view[pid] == vowel_initial(token), token
        assert traits.written.view[pid] == abjad_consonants(token), token
        assert traits.written_len.view[pid] == len(abjad_consonants(token)), token
        second = abjad_consonants_second(token)
        assert traits.second.view[pid] == second, token
        assert traits.second_differs.view[pid] == (second != abjad_consonants(token)), token


def test_traits_of_a_built_index_are_what_the_views_say() -> None:
    vocab = _index().vocab
    assert vocab.traits.patronymic.view[vocab.ids["sergeevich"]]
    assert vocab.traits.second_differs.view[vocab.ids["schwarz"]]  # w read as v
    _assert_traits_hold(vocab)


def test_a_part_added_by_an_amendment_gets_its_traits() -> None:
    index = _index()
    index.add(Entity.build("late", "Person", {"name": ["Wolfgang Olegovich"]}))
    assert len(index.vocab.traits.known.view) == len(index.vocab)
    _assert_traits_hold(index.vocab)


def test_a_restored_index_has_the_same_traits() -> None:
    arrays, meta = index_state(_index())
    vocab = restore_index(NameIndex(), arrays, meta).vocab
    _assert_traits_hold(vocab)


@pytest.mark.parametrize("bits", [[], [False], [True], [False, True, False, True], [True] * 5])
def test_small_mask_helpers_agree_with_numpy(bits: list[bool]) -> None:
    mask = np.array(bits, dtype=np.bool_)
    assert true_at(mask).tolist() == np.flatnonzero(mask).tolist()
    assert any_true(mask) == bool(mask.any())
