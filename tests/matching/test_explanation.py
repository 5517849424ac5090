"""Every hit explains itself: parts paired, features and their contributions."""

from __future__ import annotations

import json

from watchline.matching import DEFAULT_THRESHOLD, Query, Screener
from watchline.matching.explain import Contribution, Explanation, PartMatch
from watchline.model import Entity

LISTED = Entity.build(
    "p1",
    "Person",
    {
        "name": ["Иван Иванович Петров"],
        "birthDate": ["1970-05-12"],
        "nationality": ["ru"],
        "gender": ["male"],
    },
)


def _hit(query: Query) -> object:
    hits = Screener([LISTED]).screen(query, threshold=0.0)
    assert hits
    return hits[0]


def test_parts_are_paired_with_similarity_and_weight() -> None:
    hit = Screener([LISTED]).screen(Query("Petrov Ivan"))[0]
    parts = {(p.query_part, p.listed_part): p for p in hit.explanation.parts}
    assert parts[("petrov", "petrov")].similarity == 1.0
    assert parts[("ivan", "ivan")].weight > 0
    assert parts[(None, "ivanovich")].similarity == 0.0  # the omitted patronymic
    assert hit.matched_name == "Иван Иванович Петров"


def test_feature_contributions_add_up_to_the_score() -> None:
    hit = Screener([LISTED]).screen(
        Query("Ivan Petrov", birth_date="1970-05-12", nationality="RUS", gender="f"),
        threshold=0.0,
    )[0]
    features = {c.feature: c.value for c in hit.explanation.contributions}
    assert set(features) == {"name", "birth_date", "nationality", "gender"}
    assert features["birth_date"] > 0 and features["nationality"] > 0
    assert features["gender"] < 0
    import math

    assert math.isclose(hit.score, 1 / (1 + math.exp(-sum(features.values()))), rel_tol=1e-9)


def test_to_dict_is_json_and_summary_is_one_line() -> None:
    hit = Screener([LISTED]).screen(Query("Ivan Petrov", birth_date="1970"))[0]
    data = json.loads(json.dumps(hit.explanation.to_dict()))
    assert data["listed_name"] == "Иван Иванович Петров"
    assert data["parts"] and {"query_part", "listed_part", "similarity", "weight"} <= set(
        data["parts"][0]
    )
    summary = hit.explanation.summary()
    assert "\n" not in summary
    assert "ivan=ivan" in summary and "birth year 1970 matches" in summary
    assert hit.score >= DEFAULT_THRESHOLD


def test_multiple_query_names_keep_the_best() -> None:
    hit = Screener([LISTED]).screen(Query(["Nobody Special", "Ivan Petrov"]))[0]
    assert hit.explanation.query_name == "Ivan Petrov"


def test_each_pair_says_how_it_came_to_be_alike() -> None:
    """An analyst must see why "Sergei" met "Sergey" (one name) and why an Arabic-script
    "سوكولوف" met "Sokolow" (how Arabic writes it), not just a number."""
    listed = [
        Entity.build("p1", "Person", {"name": ["Sergey Viktorovich Lavrov"]}),
        Entity.build("p2", "Person", {"name": ["Reto Sokolow"]}),
    ]
    screener = Screener(listed)
    lavrov = screener.screen(Query("Sergei Lavrov"))[0].explanation
    hows = {p.query_part: p.how for p in lavrov.parts}
    assert hows == {"sergei": "one name (equivalence class)", "lavrov": "same spelling", None: ""}
    sokolow = screener.screen(Query("ريتو سوكولوف"))[0].explanation
    how = next(p.how for p in sokolow.parts if p.listed_part == "sokolow")
    view, _, weighed = how.partition("; ")
    assert view in ("consonant skeleton", "learned from real Arabic-script pairs")
    assert weighed in ("", "weighed with the other views")
    assert json.loads(json.dumps(sokolow.to_dict()))["parts"][0]["how"]


def test_parts_are_paired_once_and_only_when_read() -> None:
    calls: list[int] = []

    def pair() -> list[PartMatch]:
        calls.append(1)
        return [PartMatch("ivan", "ivan", 1.0, 2.0)]

    why = Explanation("Ivan", "Ivan", 1.0, pair, [Contribution("name", 2.0, "n")], 0.88)
    assert why.score == 0.88 and why.listed_name == "Ivan" and not calls  # no pairing yet
    assert [p.query_part for p in why.parts] == ["ivan"]
    assert why.summary() and len(calls) == 1  # read again: not paired again


def test_glued_parts_are_shown_in_the_order_that_gave_the_score() -> None:
    """Glued names are compared in name order and sorted; the explanation shows the pair
    of glued strings that won, not always the sorted one."""
    listed = [
        Entity.build("w", "Person", {"name": ["WIJI JOKO SANTOSO"]}),
        Entity.build("s", "Person", {"name": ["Sergei Lavrov"]}),
    ]
    screener = Screener(listed)
    for query, glued in (("Wijijoko Santoso", "wijijokosantoso"), ("LavrovSergei", "lavrovsergei")):
        (part,) = screener.screen(Query(query))[0].explanation.parts
        assert (part.query_part, part.listed_part, part.how) == (
            glued,
            glued,
            "parts written together",
        )


def test_a_compound_written_apart_says_so() -> None:
    """Arabic script writes Zarepour as two words; the pair that read them as one part
    says that it did, after how the part is alike."""
    screener = Screener([Entity.build("a", "Person", {"name": ["Hossein Zarepour"]})])
    parts = screener.screen(Query("حسین زارع پور"))[0].explanation.parts
    glued = [p for p in parts if p.listed_part == "zarepour"]
    assert [p.query_part for p in glued] == ["zarpur"]
    assert glued[0].how.endswith("; two words in the query")
    assert all("two words" not in p.how for p in parts if p.listed_part != "zarepour")


def test_a_part_read_with_the_persian_letter_values_says_so() -> None:
    """فضل is fadl in Arabic and fazl in Persian; the pair found through the Persian
    reading says so, and the parts both readings share do not."""
    screener = Screener([Entity.build("f", "Person", {"name": ["Fazl Mohammad Mazloom"]})])
    parts = screener.screen(Query("فضل محمد مظلوم"))[0].explanation.parts
    how = {p.listed_part: p.how for p in parts}
    assert how["fazl"].endswith("; read with the Persian letter values (ذ ض ث: z, z, s)")
    assert "Persian" not in how["mohammad"] and "Persian" not in how["mazloom"]
