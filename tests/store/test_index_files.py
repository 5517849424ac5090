"""The screening index on disk: a round trip, and files it must refuse."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from watchline.errors import InputError
from watchline.matching import Query, Screener
from watchline.matching.persist import FORMAT_VERSION
from watchline.model import Entity
from watchline.store.index_files import ARRAYS_FILE, META_FILE, load_screener, save_screener

PEOPLE = [
    Entity.build("p1", "Person", {"name": ["Ivan Petrov"], "birthDate": ["1970-05-12"]}),
    Entity.build("p2", "Person", {"name": ["Олена Бондаренко"], "idNumber": ["7100123456"]}),
    Entity.build("c1", "Company", {"name": ["Zala Aero Group LLC"]}),
]


def _hits(screener: Screener, query: Query) -> list[tuple[str, float]]:
    return [(h.entity_id, round(h.score, 6)) for h in screener.screen(query)]


def test_round_trip_screens_the_same(tmp_path: Path) -> None:
    screener = Screener(PEOPLE)
    screener.add(Entity.build("n1", "Person", {"name": ["Taras Shevchenko"]}))
    save_screener(screener, tmp_path / "idx")
    assert {p.name for p in (tmp_path / "idx").iterdir()} == {ARRAYS_FILE, META_FILE}
    loaded = load_screener(tmp_path / "idx")
    for query in (
        Query("Ivan Petrov", birth_date="1970-05-12"),
        Query("Olena Bondarenko"),
        Query("Taras Shevchenko"),
        Query("Zala Aero Group", schema="Company"),
        Query("X Y", id_number="7100123456"),
    ):
        assert _hits(loaded, query) == _hits(screener, query)


def test_missing_foreign_or_pickled_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load_screener(tmp_path / "nothing")
    save_screener(Screener(PEOPLE), tmp_path / "idx")
    meta = tmp_path / "idx" / META_FILE
    good = meta.read_text("utf-8")
    meta.write_text(good.replace(f'"version": {FORMAT_VERSION}', '"version": 99'), "utf-8")
    with pytest.raises(InputError, match="format version") as refused:
        load_screener(tmp_path / "idx")
    assert refused.value.where == str(tmp_path / "idx")
    meta.write_text(good, "utf-8")
    np.savez(tmp_path / "idx" / ARRAYS_FILE, schema=np.array([{"x": 1}], dtype=object))
    with pytest.raises(InputError, match="cannot read"):  # never unpickled
        load_screener(tmp_path / "idx")
