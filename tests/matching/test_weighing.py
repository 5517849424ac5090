"""Weighing an Arabic-script part's views together (``matching/weighing.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from tests.conftest import build_script
from watchline.errors import InputError
from watchline.matching.similarity import (
    QueryParts,
    pair_reasons,
    pair_similarity,
    warm_listed_views,
    weighing_inputs,
)
from watchline.matching.tokens import tokenize
from watchline.matching.vocab import Vocab
from watchline.matching.weighing import (
    FEATURES,
    REACH,
    VIEW_WEIGHTS,
    WEIGHED_FROM,
    fit_weights,
    format_weights,
    parse_weights,
    shipped_weights,
)

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data" / "names"


def _pairs(*pairs: tuple[str, str]) -> tuple[QueryParts, np.ndarray, Vocab, np.ndarray]:
    """(Arabic-script query part, listed Latin part) pairs, ready for the similarity views."""
    vocab = Vocab()
    listed = [tokenize(latin, "Person")[0] for _, latin in pairs]
    for part in listed:
        vocab.add(part, latin=True)
    warm_listed_views(vocab)
    asked = [tokenize(arabic, "Person")[0] for arabic, _ in pairs]
    n = len(asked)
    parts = QueryParts(asked, np.ones(n, dtype=np.bool_), np.arange(n, dtype=np.int64), vocab)
    pid = np.array([vocab.ids[p] for p in listed], dtype=np.int64)
    return parts, np.arange(n, dtype=np.int64), vocab, pid


def _before_and_after(arabic: str, latin: str) -> tuple[float, float]:
    parts, qi, vocab, pid = _pairs((arabic, latin))
    _, best, weighed = weighing_inputs(parts, qi, vocab, pid)
    assert weighed[0], "the pair is one the weighing applies to"
    return float(best[0]), float(pair_similarity(parts, qi, vocab, pid, discount=False)[0])


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("جرن", "ceren"),  # Turkish c is j: only the Turkish reading and the learned view agree
        ("يوهان", "johann"),  # German j is y
        ("ورک", "virk"),  # Persian vav is v
    ],
)
def test_views_that_agree_raise_a_pair(arabic: str, latin: str) -> None:
    best, weighed = _before_and_after(arabic, latin)
    assert best < weighed <= best + REACH + 1e-9


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("أنيكي", "unoki"),  # the skeleton "nk" alone
        ("أوبيرت", "epworth"),  # the skeleton "brt" alone
        ("قلوريا", "clare"),
    ],
)
def test_a_lone_view_is_trusted_less(arabic: str, latin: str) -> None:
    best, weighed = _before_and_after(arabic, latin)
    assert best - REACH - 1e-9 <= weighed < best


def test_one_name_stays_one_name() -> None:
    parts, qi, vocab, pid = _pairs(("محمد", "muhammad"))
    _, _, weighed = weighing_inputs(parts, qi, vocab, pid)
    assert not weighed[0]
    assert pair_similarity(parts, qi, vocab, pid, discount=False)[0] == 1.0


def test_latin_queries_are_not_weighed() -> None:
    vocab = Vocab()
    vocab.add("ceren", latin=True)
    warm_listed_views(vocab)
    parts = QueryParts(["jeren"], np.zeros(1, dtype=np.bool_), np.zeros(1, dtype=np.int64), vocab)
    zero = np.zeros(1, dtype=np.int64)
    _, best, weighed = weighing_inputs(parts, zero, vocab, zero)
    assert not weighed[0] and best[0] >= WEIGHED_FROM


def test_the_explanation_says_the_views_were_weighed() -> None:
    parts, qi, vocab, pid = _pairs(("جرن", "ceren"), ("محمد", "muhammad"))
    reasons = pair_reasons(parts, qi, vocab, pid)
    assert reasons[0].endswith("weighed with the other views")
    assert "weighed" not in reasons[1]


@given(
    arrays(np.float64, (5, len(FEATURES)), elements=st.floats(0.0, 1.0)),
    arrays(np.float64, 5, elements=st.floats(WEIGHED_FROM, 1.0)),
)
def test_weighing_moves_a_pair_at_most_its_reach(columns: np.ndarray, best: np.ndarray) -> None:
    weighed = shipped_weights().weigh(columns, best)
    assert np.all(np.abs(weighed - best) <= REACH + 1e-9)
    assert np.all((weighed >= 0.0) & (weighed <= 1.0 + REACH))


def test_fitting_learns_which_view_separates_true_from_false_pairs() -> None:
    rng = np.random.default_rng(7)
    true = rng.random(2000) < 0.2
    columns = rng.random((2000, len(FEATURES)))
    columns[:, 1] = np.where(true, 0.7 + 0.3 * columns[:, 1], 0.6 * columns[:, 1])
    fitted = fit_weights(columns, true, rng.random(2000))
    assert int(np.argmax(np.abs(fitted.weights))) == 1 and fitted.weights[1] > 0
    assert np.all(np.diff(fitted.probability) > 0)
    again = parse_weights(format_weights(fitted, ["test"]))
    assert np.allclose(again.weights, fitted.weights, atol=1e-6)


@pytest.mark.parametrize("true", [np.zeros(50, dtype=np.bool_), np.ones(50, dtype=np.bool_)])
def test_fitting_refuses_pairs_of_one_kind_only(true: np.ndarray) -> None:
    with pytest.raises(InputError, match="need true and false pairs"):
        fit_weights(np.zeros((50, len(FEATURES))), true, np.zeros(50))


def test_the_build_script_names_a_folder_without_clusters(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="no rigour clusters"):
        build_script("build_view_weights").build(tmp_path)


def _shipped_document() -> dict[str, object]:
    text = (REPO / "src" / "watchline" / "data" / VIEW_WEIGHTS).read_text("utf-8")
    document: dict[str, object] = json.loads(text)
    return document


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(features=["spelling"]), "fitted on other views"),
        (lambda d: d.pop("bias"), "not a view-weights document"),
        (lambda d: d.update(weights=[1.0, 2.0]), "need 9 values each"),
        (lambda d: d.update(probability=[0.2, 0.1], similarity=[0.5, 0.6]), "knots must increase"),
        (lambda d: d.update(similarity=[0.5]), "the same two or more knots"),
    ],
)
def test_a_damaged_weights_file_is_refused_by_name(change: object, message: str) -> None:
    document = _shipped_document()
    change(document)  # type: ignore[operator]
    with pytest.raises(InputError, match=message) as raised:
        parse_weights(json.dumps(document), "weights.json")
    assert raised.value.where == "weights.json"


def test_a_file_that_is_not_json_is_refused() -> None:
    with pytest.raises(InputError, match="not a view-weights document"):
        parse_weights("{not json")


@pytest.mark.slow
@pytest.mark.skipif(not (DATA / "rigour_persons").is_dir(), reason="needs ../shared/data")
def test_shipped_weights_are_what_the_build_script_makes() -> None:
    """The weights must be rebuilt when a view, the romaniser or fold changes."""
    rebuilt, _ = build_script("build_view_weights").build(DATA)
    shipped = shipped_weights()
    assert np.allclose(rebuilt.weights, shipped.weights, atol=1e-4)
    assert np.allclose(rebuilt.probability, shipped.probability, atol=1e-4)
    assert np.allclose(rebuilt.similarity, shipped.similarity, atol=1e-4)
