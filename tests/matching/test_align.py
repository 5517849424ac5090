"""Order-free part alignment: what unpaired parts cost."""

from __future__ import annotations

import numpy as np

from watchline.matching.align import align


def _score(sims: list[list[float]]) -> float:
    matrix = np.array([sims], dtype=np.float64)
    _, m, n = matrix.shape
    ones_q, ones_c = np.ones((1, m)), np.ones((1, n))
    no_q, no_c = np.zeros((1, m), dtype=bool), np.zeros((1, n), dtype=bool)
    return float(align(matrix, ones_q, ones_c, no_q, no_c).scores[0])


def test_order_does_not_matter() -> None:
    assert _score([[0.0, 1.0], [1.0, 0.0]]) == _score([[1.0, 0.0], [0.0, 1.0]]) == 1.0


def test_fuller_query_costs_less_than_a_different_part() -> None:
    """Query "Laurent Nkunda Batware" against "Laurent Nkunda": every listed part is paired,
    so the extra query part is a fuller form, not a conflicting name."""
    fuller = _score([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]])
    conflicting = _score([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]])
    assert fuller > conflicting
    assert fuller > 0.84  # enough for a hit on the name alone


def test_one_shared_part_is_not_a_match() -> None:
    """Query "Salim Saleh" against "Salim Kony": one pair, one part left on each side."""
    assert _score([[1.0, 0.0], [0.0, 0.0]]) < 0.6


def test_query_covered_by_longer_listed_name() -> None:
    """Query "Anwar al-Awlaqi" against "Anwar Nasser Abdullah al-Awlaqi": both query parts
    surely paired, the listed name's middle (father's, grandfather's) names are omitted."""
    covered = _score([[1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 1.0]])
    assert covered > 0.84


def test_weak_pairs_do_not_cover() -> None:
    """The cheap leftovers need sure pairs: "Mariia Kazakova" must not cover "Kazakova Daria
    Mikhailovna" through a 0.7 Mariia/Daria pair."""
    weak = _score([[0.7, 0.0, 0.0], [0.0, 1.0, 0.0]])
    sure = _score([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    assert weak < 0.75 < sure


def test_unknown_extra_part_weighs_no_more_than_the_pairs() -> None:
    """A query part the registry has never seen has the top rarity weight; when it is the
    fuller form's extra part it costs no more than a paired part would."""
    matrix = np.array([[[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]]])
    wq, wc = np.array([[1.5, 1.5, 3.0]]), np.array([[1.5, 1.5]])
    no_q, no_c = np.zeros((1, 3), dtype=bool), np.zeros((1, 2), dtype=bool)
    assert float(align(matrix, wq, wc, no_q, no_c).scores[0]) > 0.9


def test_two_unpaired_patronymics_are_a_conflict() -> None:
    """Sergey Ivanovich Lavrov / Sergey Viktorovich Lavrov: both patronymics unpaired."""
    matrix = np.array([[[1.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 1.0]]])
    w = np.array([[1.0, 0.3, 1.0]])
    role = np.array([[False, True, False]])
    none = np.zeros((1, 3), dtype=bool)
    conflicting = float(align(matrix, w, w, role, role).scores[0])
    one_side = float(align(matrix, w, w, role, none).scores[0])
    assert conflicting < 0.75 < one_side


def test_a_given_name_before_the_matched_ones_is_not_a_shorter_form() -> None:
    """Query "Saddam Hussein al-Tikriti" against "Ali Saddam Hussein al-Tikriti" (his son):
    the listed name's first part is unpaired, so its leftover is not cheap."""
    matrix = np.array([[[0.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0], [0.0, 0.0, 0.0, 1.0]]])
    son = _score(matrix[0].tolist())
    middle = np.array([[[1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0], [0.0, 0.0, 0.0, 1.0]]])
    omitted_middle = _score(middle[0].tolist())
    assert son < omitted_middle


def test_omitted_middle_names_are_cheap_even_after_a_fuzzy_pair() -> None:
    """Query "Anwar al-Awlaki" against "Anwar Nasser Abdulla al-Aulaqi": the query pairs the
    listed name's first and last parts (one of them only 0.81 alike), so what it left out
    lies inside the listed name: middle names, not a different person."""
    inner = _score([[1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.81]])
    assert inner > 0.8
    last_left_out = _score([[1.0, 0.0, 0.0, 0.0], [0.0, 0.81, 0.0, 0.0]])
    assert last_left_out < 0.75


def test_middle_names_cost_the_same_on_either_side() -> None:
    """A query "Mutassim Billah Abuminyar Qadhafi" against "MUTASSIM QADHAFI" is the reverse of
    "Anwar al-Awlaki" against the fuller listed name: extra parts between a paired first and
    last part are middle names whichever side holds them; a fuller query whose extra part
    comes last is only covered, and costs more."""
    sure = [[1.0, 0.0], [0.0, 0.0], [0.0, 0.0], [0.0, 1.0]]
    fuller_listed = [list(row) for row in zip(*sure, strict=True)]
    assert _score(sure) == _score(fuller_listed) > 0.9
    extra_last = [[1.0, 0.0], [0.0, 1.0], [0.0, 0.0], [0.0, 0.0]]
    assert _score(extra_last) < _score(sure)


def test_a_given_name_before_is_a_son_only_in_an_arabic_chain() -> None:
    """A query "Emmanuel Sultani Makenga" is a fuller form of "SULTANI MAKENGA"; in an Arabic chain
    of names ("Ali Saddam Hussein al-Tikriti") a given name before the listed one is a son."""
    sims = np.array([[[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]]])
    ones_q, ones_c = np.ones((1, 3)), np.ones((1, 2))
    no_q, no_c = np.zeros((1, 3), dtype=bool), np.zeros((1, 2), dtype=bool)
    chain = align(sims, ones_q, ones_c, no_q, no_c, np.array([True])).scores[0]
    fuller = align(sims, ones_q, ones_c, no_q, no_c, np.array([False])).scores[0]
    assert fuller > 0.9 > 0.8 > chain
