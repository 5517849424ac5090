"""The candidate index: incremental updates, tombstones, and a save/load round trip."""

from __future__ import annotations

import numpy as np
import pytest

from watchline.errors import InputError
from watchline.matching import NameIndex, Query, Screener
from watchline.matching import budgeted as budgeted_module
from watchline.matching import index as index_module
from watchline.matching.persist import FORMAT_VERSION
from watchline.model import Entity


def _people() -> list[Entity]:
    return [
        Entity.build(
            "p1",
            "Person",
            {
                "name": ["Иван Петров"],
                "birthDate": ["1970-05-12"],
                "passportNumber": ["7100 123456"],
            },
        ),
        Entity.build("p2", "Person", {"name": ["Mohammed Ali Hassan"], "alias": ["Abu Ali"]}),
        Entity.build("o1", "Company", {"name": ["Zala Aero Group"]}),
        Entity.build("x1", "Address", {"full": ["1 Main Street"]}),
    ]


def _ids(screener: Screener, name: str, **kw: str) -> list[str]:
    return [h.entity_id for h in screener.screen(Query(name, **kw))]


def test_only_matchable_entities_are_indexed() -> None:
    index = NameIndex.build(_people())
    assert len(index) == 3
    assert "x1" not in index


def test_removed_entity_no_longer_hits() -> None:
    screener = Screener(_people())
    assert _ids(screener, "Ivan Petrov") == ["p1"]
    assert screener.remove("p1")
    assert _ids(screener, "Ivan Petrov") == []
    assert not screener.remove("p1")


def test_amended_alias_hits_and_old_one_does_not() -> None:
    screener = Screener(_people())
    amended = Entity.build(
        "p2", "Person", {"name": ["Mohammed Ali Hassan"], "alias": ["Khalid Sheikh Rahimov"]}
    )
    screener.add(amended)
    assert _ids(screener, "Khalid Sheikh Rahimov") == ["p2"]
    assert _ids(screener, "Abu Ali") == []
    assert len(screener) == 3


def test_additions_go_to_the_delta_then_merge(monkeypatch: pytest.MonkeyPatch) -> None:
    index = NameIndex.build(_people())
    base_postings = len(index.post_rows)
    index.add(Entity.build("n1", "Person", {"name": ["Olena Bondarenko"]}))
    assert index.delta_size == 2 and len(index.post_rows) == base_postings
    monkeypatch.setattr(index_module, "MERGE_MIN", 0)
    index.add(Entity.build("n2", "Person", {"name": ["Taras Shevchenko Bondarenko"]}))
    assert index.delta_size == 0 and len(index.post_rows) > base_postings
    assert _ids(Screener(index=index), "Olena Bondarenko") == ["n1"]


def test_state_round_trip() -> None:
    """What an index keeps between runs restores one that screens the same (the files
    themselves are written by store.index_files)."""
    screener = Screener(_people())
    screener.remove("o1")
    screener.add(Entity.build("n1", "Person", {"name": ["Olena Bondarenko"]}))
    loaded = Screener(index=NameIndex.from_state(*screener.index.state()))
    assert len(loaded) == len(screener) == 3
    for query in (
        Query("Ivan Petrov", birth_date="1970-05-12"),
        Query("Olena Bondarenko"),
        Query("Zala Aero Group", schema="Company"),
        Query("Muhamad Ali Hasan"),
    ):
        before = [(h.entity_id, round(h.score, 6)) for h in screener.screen(query)]
        after = [(h.entity_id, round(h.score, 6)) for h in loaded.screen(query)]
        assert before == after
    assert np.array_equal(loaded.index.name_parts.view, screener.index.name_parts.view)
    assert _ids(loaded, "X Y", id_number="7100123456") == ["p1"]


def test_restore_refuses_another_format_or_missing_arrays() -> None:
    arrays, meta = NameIndex.build(_people()).state()
    assert meta["version"] == FORMAT_VERSION
    with pytest.raises(InputError, match="format version"):
        NameIndex.from_state(arrays, {**meta, "version": 99})
    with pytest.raises(InputError, match="lacks arrays"):
        NameIndex.from_state({k: v for k, v in arrays.items() if k != "latin"}, meta)


def test_common_part_does_not_flood_retrieval(monkeypatch: pytest.MonkeyPatch) -> None:
    people = [
        Entity.build(f"m{i}", "Person", {"name": [f"Mohammed Person{i:04d}x"]}) for i in range(300)
    ]
    people.append(Entity.build("t", "Person", {"name": ["Mohammed Qaradawi"]}))
    monkeypatch.setattr(budgeted_module, "POSTING_BUDGET", 50)
    screener = Screener(people)
    assert _ids(screener, "Mohammed Qaradawi")[:1] == ["t"]


def _common_df(monkeypatch: pytest.MonkeyPatch, value: int) -> None:
    """Judge parts common (paired) from ``value`` names on, at build and at query time."""
    monkeypatch.setattr(index_module, "COMMON_DF", value)
    monkeypatch.setattr(budgeted_module, "COMMON_DF", value)


def _common_pair_registry() -> list[Entity]:
    people = [
        Entity.build(f"m{i}", "Person", {"name": [f"Mohammed Person{i:04d}x"]}) for i in range(200)
    ]
    people += [
        Entity.build(f"a{i}", "Person", {"name": [f"Ali Person{i:04d}y"]}) for i in range(200)
    ]
    # a rare misspelling is read first; then both common lists are over the budget
    people += [
        Entity.build(f"s{i}", "Person", {"name": [f"Mohamed Person{i:04d}z"]}) for i in range(5)
    ]
    people.append(Entity.build("t", "Person", {"name": ["Ali Mohammed"]}))
    return people


@pytest.mark.parametrize("common_df", [50, 10**9])
def test_name_of_two_common_parts_is_found_through_its_pair(
    monkeypatch: pytest.MonkeyPatch, common_df: int
) -> None:
    _common_df(monkeypatch, common_df)
    monkeypatch.setattr(budgeted_module, "POSTING_BUDGET", 10)
    found = _ids(Screener(_common_pair_registry()), "Mohammed Ali")[:1] == ["t"]
    assert found == (common_df == 50)  # without pair postings the name is out of reach


def test_pairs_follow_additions_and_survive_save_load(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _common_df(monkeypatch, 50)
    index = NameIndex.build(_common_pair_registry())
    mohammed, ali = (index.vocab.ids[t] for t in ("mohammed", "ali"))
    assert index.pairs.lookup(mohammed, ali).tolist() == [index.n_names - 1]
    index.add(Entity.build("t2", "Person", {"name": ["Mohammed Ali"]}))
    assert len(index.pairs.lookup(ali, mohammed)) == 2
    loaded = NameIndex.from_state(*index.state())
    assert loaded.pairs.lookup(mohammed, ali).tolist() == index.pairs.lookup(mohammed, ali).tolist()


def test_a_query_part_counts_once_even_when_probed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Decoys holding a common part *and* its misspelling must not crowd out the name."""
    decoys = [
        Entity.build(f"d{i}", "Person", {"name": ["Glonek Haerion Harion"]}) for i in range(40)
    ]
    common = [
        Entity.build(
            f"c{i}", "Person", {"name": [f"Harion Person{i:04d}x", f"Glonek Person{i:04d}y"]}
        )
        for i in range(150)
    ]
    target = Entity.build("t", "Person", {"name": ["Glonek Harion"]})
    _common_df(monkeypatch, 100)
    monkeypatch.setattr(budgeted_module, "POSTING_BUDGET", 50)  # only "haerion" is read
    screener = Screener([*decoys, *common, target])
    assert _ids(screener, "Harion Glonek")[:1] == ["t"]


@pytest.mark.parametrize("query", ["Jafarov Nijat", "Cafarov Nicat", "Джафаров Ниджат"])
def test_an_azerbaijani_name_is_found_as_spelt_and_as_it_sounds(query: str) -> None:
    listed = Entity.build("az1", "Person", {"name": ["Cəfərov Nicat"]})
    hits = Screener([listed, *_people()]).screen(Query(query))
    assert hits and hits[0].entity_id == "az1"
    assert hits[0].score > 0.9
    assert hits[0].matched_name == "Cəfərov Nicat"  # the name as listed, whichever reading met


def test_a_typo_in_a_name_spelt_another_way_is_still_retrieved() -> None:
    # Клименко is read "klimenko" (no Ukrainian letter); "Klymeneo" is two edits from that
    # but one from its transliteration form, whose typo keys the vocabulary also holds.
    listed = Entity.build("ua1", "Person", {"name": ["Клименко Микола Петрович"]})
    index = NameIndex.build([listed, *_people()])
    klimenko = index.vocab.ids["klimenko"]
    assert klimenko not in index.vocab.lookup("klymeneo")  # the narrow keys miss it
    assert klimenko in index.vocab.lookup_more("klymeneo", abjad=False)
    hits = Screener([listed, *_people()]).screen(Query("Mykola Klymeneo"))
    assert hits and hits[0].entity_id == "ua1"


def test_a_part_romanised_from_arabic_finds_listed_parts_by_their_arabic_consonants() -> None:
    # جروزا is read "jaruza": no spelling key meets "groza", but both are "jrs" to Arabic script.
    listed = Entity.build("es1", "Person", {"name": ["Alejandro Groza"]})
    index = NameIndex.build([listed, *_people()])
    groza = index.vocab.ids["groza"]
    assert groza not in index.vocab.lookup("jaruza")
    assert groza in index.vocab.lookup_abjad("jaruza")
    assert groza in index.vocab.lookup_more("jaruza", abjad=True)
    assert groza not in index.vocab.lookup_more("jaruza", abjad=False)
    assert index.vocab.lookup_abjad("ja") == ()  # two consonants say nothing
    hits = Screener([listed, *_people()]).screen(Query("جروزا أليخاندرو"), threshold=0.0)
    assert hits and hits[0].entity_id == "es1"
