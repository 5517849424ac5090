"""Part similarity views: cross-script ones apply only across scripts, never to Latin typos."""

from __future__ import annotations

from pytest import MonkeyPatch

from watchline.matching import Query, Screener, views
from watchline.matching.skeleton import not_latin
from watchline.matching.tokens import fold
from watchline.model import Entity


def _score(listed: str, query: str) -> float:
    screener = Screener([Entity.build("t", "Person", {"name": [listed]})])
    hits = screener.screen(Query(query), threshold=0.0)
    return hits[0].score if hits else 0.0


def test_script_detection() -> None:
    assert not_latin("Ламонж") and not_latin("مردخاي") and not_latin("Ლ")
    assert not not_latin("Lamonge Sjursén O'Brien")


def test_vowel_drift_only_for_transliterated_queries() -> None:
    """The same folded letters score higher when they were read from Cyrillic."""
    cyrillic = "Ламонж Сьюрсен"
    assert _score("Lamonge Sjursen", cyrillic) > _score("Lamonge Sjursen", fold(cyrillic)) + 0.05


def test_arabic_reading_of_v() -> None:
    """Arabic writes v as f and inserts no short vowels: Difalin is Devlin."""
    assert _score("Devlin Craven", "ديفلين كرافن") >= 0.7
    assert _score("Devlin Craven", "Difalin Karafan") < 0.7  # a Latin query gets no such pass


def test_cross_script_allowance_is_explained_and_one_way() -> None:
    """A Cyrillic query against a Latin listed name gets the romanisation allowance, and
    says so; the same query against a Cyrillic listed name does not."""
    latin = Screener([Entity.build("x", "Person", {"name": ["Stacey Holloway"]})])
    (hit,) = latin.screen(Query("Стэйси Холлоуэй"))
    assert "romanised from another script" in hit.explanation.contributions[0].detail
    native = Screener([Entity.build("y", "Person", {"name": ["Стейси Холлоуэй"]})])
    (same_script,) = native.screen(Query("Стэйси Холлоуэй"), threshold=0.0)
    assert "romanised" not in same_script.explanation.contributions[0].detail


def test_learned_costs_only_against_parts_seen_in_latin(monkeypatch: MonkeyPatch) -> None:
    """Родас Джиджи is Rodas Gigi (learned: an Italian soft g written дж); the vocabulary
    knows which listed parts were seen in Latin, since between two parts we romanised
    ourselves the learned edits would only blur what the same rules made."""
    monkeypatch.setattr(views, "PRONOUNCED_FACTOR", 0.0)  # the French reading zhizhi also finds it
    learned = _score("Rodas Gigi", "Родас Джиджи")
    monkeypatch.setattr(views, "LEARNED_FACTOR", 0.0)
    assert learned > _score("Rodas Gigi", "Родас Джиджи") + 0.1
    both = Screener(
        [
            Entity.build("a", "Person", {"name": ["Rodas Gigi"]}),
            Entity.build("b", "Person", {"name": ["Джиджи Родас"]}),
        ]
    )
    vocab = both.index.vocab
    latin = vocab.latin.view
    assert latin[vocab.ids["gigi"]] and not latin[vocab.ids[fold("Джиджи")]]


def test_a_listed_name_one_letter_from_another_is_not_it() -> None:
    """Fedotov is a listed surname, so a query "Fedotov" is that name, not a typo of Fedorov;
    Havryliuk and Gavrilyuk share a phonetic key (Ukrainian h, Russian g): one name."""
    screener = Screener(
        [
            Entity.build("fedorov", "Person", {"name": ["Фёдоров Николай Владимирович"]}),
            Entity.build("fedotov", "Person", {"name": ["Федотов Максим"]}),
            Entity.build("gavrilyuk", "Person", {"name": ["Гаврилюк Микола Тарасович"]}),
            Entity.build("havryliuk", "Person", {"name": ["Havryliuk Taras"]}),
        ]
    )
    assert [h.entity_id for h in screener.screen(Query("Nikolay Fedotov"))] == []
    assert [h.entity_id for h in screener.screen(Query("Mykola Havryliuk"))] == ["gavrilyuk"]


def test_a_listed_name_met_closely_as_a_form_of_the_same_name_is_that_name() -> None:
    """Mostafa is listed, but Moustfa is not a name near it: its closest form of the known
    name is Moustafa, so the known-name discount does not apply; Maksimova is listed and
    only loosely a form of Maksim (0.74), so it stays another name."""
    screener = Screener(
        [
            Entity.build("moustfa", "Person", {"name": ["DJAMEL MOUSTFA"]}),
            Entity.build("mostafa", "Person", {"name": ["Mostafa Kamel"]}),
            Entity.build("ilin", "Person", {"name": ["Ильин Максим Валериевич"]}),
            Entity.build("maksimova", "Person", {"name": ["Maksimova Olga"]}),
        ]
    )
    hits = screener.screen(Query("Djamal Mostafa"))
    assert [h.entity_id for h in hits] == ["moustfa"]
    pair = next(p for p in hits[0].explanation.parts if p.listed_part == "moustfa")
    assert pair.how == "another form of a known name"
    assert [h.entity_id for h in screener.screen(Query("Elena Maksimova"))] == []
