"""The vocabulary's memo of derived part forms: same values, each computed once."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from watchline.matching.vocab import PHONETIC_BUCKET_CAP, Vocab

_WORDS = st.text(alphabet="abcdeklmnorsuvyz", min_size=1, max_size=8)


def _vocab(tokens: list[str]) -> Vocab:
    vocab = Vocab()
    for token in tokens:
        vocab.add(token)
    return vocab


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=30), st.data())
def test_view_is_the_function_of_each_part(tokens: list[str], data: st.DataObject) -> None:
    vocab = _vocab(tokens)
    picks = data.draw(st.lists(st.integers(0, len(vocab) - 1), max_size=40))
    pid = np.asarray(picks, dtype=np.int64)
    got = vocab.view(pid, "tokens", str.upper)
    assert got.tolist() == [vocab.tokens[p].upper() for p in picks]


def test_view_computes_each_part_once_and_follows_new_parts() -> None:
    vocab = _vocab(["ivan", "petrov", "ali"])
    calls: list[str] = []

    def shout(form: str) -> str:
        calls.append(form)
        return form.upper()

    first = vocab.view(np.array([0, 1, 1, 0]), "tokens", shout)
    again = vocab.view(np.array([1, 0, 2]), "tokens", shout)
    assert first.tolist() == ["IVAN", "PETROV", "PETROV", "IVAN"]
    assert again.tolist() == ["PETROV", "IVAN", "ALI"]
    assert sorted(calls) == ["ali", "ivan", "petrov"]
    new = vocab.add("hassan")
    assert vocab.view(np.array([new, 2]), "tokens", shout).tolist() == ["HASSAN", "ALI"]
    assert calls.count("hassan") == 1 and len(calls) == 4
    assert vocab.view(np.array([0]), "form", shout).tolist() == [vocab.form[0].upper()]


def test_a_warmed_view_follows_parts_added_after_the_warm() -> None:
    """A warmed view is read without per-part checks until a part is added; then the new
    part is computed, not read from the stale copy."""
    vocab = _vocab(["ivan", "petrov"])
    vocab.warm([("tokens", str.upper)])
    assert vocab.view(np.array([1, 0]), "tokens", str.upper).tolist() == ["PETROV", "IVAN"]
    new = vocab.add("hassan")
    assert vocab.view(np.array([new, 0]), "tokens", str.upper).tolist() == ["HASSAN", "IVAN"]
    filled = vocab.add("ali")
    vocab.fill(np.array([filled]), "tokens", len, np.array([7], dtype=object))
    assert vocab.view(np.array([filled]), "tokens", len).tolist() == [7]


def test_a_two_letter_written_key_finds_a_part_few_others_share() -> None:
    """ريج is read "rij": r-j as Arabic script writes it, like Reg (one letter for g/j)."""
    vocab = Vocab()
    for token in ("reg", "ivanov", "haddad"):
        vocab.add(token, latin=True)
    assert vocab.ids["reg"] in vocab.lookup_abjad("rij")


def test_a_written_key_shared_by_too_many_parts_is_not_read_and_stops_growing() -> None:
    vocab = Vocab()
    vowels = ("a", "e", "i", "o", "u", "aa", "ee", "oo", "ou", "ai", "ei", "au", "ia", "io")
    for first in vowels:
        for last in ("", "a", "e", "i", "o", "u"):
            vocab.add(f"j{first}n{last}", latin=True)  # 84 parts written j-n
    assert vocab.lookup_abjad("jun") == ()
    assert len(vocab.by_abjad["jn"]) == PHONETIC_BUCKET_CAP + 1  # nothing past the cap kept
