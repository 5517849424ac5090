"""Imports are atomic, record what changed, and keep history; on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.conftest import shared
from watchline.errors import ConflictError, InputError
from watchline.model import Status
from watchline.services.registry import Registry
from watchline.store import Store


def write_ftm(path: Path, entities: list[dict[str, object]]) -> Path:
    path.write_text(
        "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entities), encoding="utf-8"
    )
    return path


def person(eid: str, name: str, **props: list[str]) -> dict[str, object]:
    return {"id": eid, "schema": "Person", "target": True, "properties": {"name": [name], **props}}


def table_counts(store: Store) -> dict[str, int]:
    with store.reader() as conn:
        return {
            t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("entities", "entity_events", "imports", "sources")
        }


def test_un_list_imports_all_1003_subjects(store: Store) -> None:
    registry = Registry(store)
    summary = registry.import_file(shared("un", "consolidated.xml"))
    assert summary.source == "un-sc"
    assert summary.list_date and summary.list_date.startswith("2026-02-27")
    [status] = registry.sources()
    assert (status.active, status.delisted) == (1003, 0)
    people = [r for r in registry.records(schemata=["Person"]) if r.entity.target]
    orgs = [r for r in registry.records(schemata=["Organization"]) if r.entity.target]
    assert (len(people), len(orgs)) == (730, 273)


def test_truncated_list_is_refused_and_changes_nothing(store: Store, tmp_path: Path) -> None:
    registry = Registry(store)
    original = shared("un", "consolidated.xml")
    registry.import_file(original)
    before = table_counts(store)
    data = original.read_bytes()
    truncated = tmp_path / "consolidated.xml"
    truncated.write_bytes(data[: int(len(data) * 0.6)])
    with pytest.raises(InputError) as info:
        registry.import_file(truncated)
    assert "consolidated.xml" in str(info.value)
    assert table_counts(store) == before


def test_reimport_records_additions_amendments_and_removals(store: Store, tmp_path: Path) -> None:
    registry = Registry(store)
    v1 = [
        person("a", "Andrei Novikov"),
        person("b", "Oleksandr Shevchenko"),
        person("c", "Ivan Petrov"),
    ]
    first = registry.import_file(
        write_ftm(tmp_path / "v1.json", v1), format="ftm", source="national"
    )
    assert (first.added, first.amended, first.removed) == (3, 0, 0)
    v2 = [
        person("a", "Andrei Novikov", birthDate=["1970-05-01"]),
        person("b", "Oleksandr Shevchenko"),
        person("d", "Hryhorii Kovalenko"),
    ]
    second = registry.import_file(
        write_ftm(tmp_path / "v2.json", v2), format="ftm", source="national"
    )
    assert (second.added, second.amended, second.removed, second.unchanged) == (1, 1, 1, 1)
    history = registry.history("a")
    assert [h.event for h in history] == ["listed", "amended"]
    assert "birthDate" not in history[0].snapshot["entity"]["properties"]
    assert registry.get("c").listing.status is Status.DELISTED
    assert [h.event for h in registry.history("c")] == ["listed", "delisted"]
    last, changes = registry.last_changes("national")
    assert last.id == second.import_id
    assert sorted(changes) == [("a", "amended"), ("c", "delisted"), ("d", "listed")]


def test_relisting_a_removed_record_is_an_event(store: Store, tmp_path: Path) -> None:
    registry = Registry(store)
    for name, rows in (
        ("1", [person("a", "A"), person("b", "B")]),
        ("2", [person("a", "A")]),
        ("3", [person("a", "A"), person("b", "B")]),
    ):
        registry.import_file(write_ftm(tmp_path / f"{name}.json", rows), format="ftm", source="s")
    assert [h.event for h in registry.history("b")] == ["listed", "delisted", "relisted"]
    assert registry.get("b").listing.status is Status.ACTIVE


def test_an_id_cannot_move_to_another_source(store: Store, tmp_path: Path) -> None:
    registry = Registry(store)
    registry.import_file(
        write_ftm(tmp_path / "a.json", [person("x", "A")]), format="ftm", source="one"
    )
    before = table_counts(store)
    with pytest.raises(ConflictError):
        registry.import_file(
            write_ftm(tmp_path / "b.json", [person("x", "B")]), format="ftm", source="two"
        )
    assert table_counts(store) == before


def test_duplicate_ids_in_one_file_are_refused(store: Store, tmp_path: Path) -> None:
    registry = Registry(store)
    path = write_ftm(tmp_path / "dup.json", [person("x", "A"), person("x", "B")])
    with pytest.raises(InputError, match="twice"):
        registry.import_file(path, format="ftm", source="s")
    assert table_counts(store)["entities"] == 0


def test_listeners_hear_of_every_changed_record(store: Store, tmp_path: Path) -> None:
    registry = Registry(store)
    heard: list[str] = []
    registry.subscribe(lambda records: heard.extend(r.id for r in records))
    registry.import_file(
        write_ftm(tmp_path / "a.json", [person("x", "A"), person("y", "B")]),
        format="ftm",
        source="s",
    )
    assert sorted(heard) == ["x", "y"]


def test_newer_ofac_list_is_classified_against_the_older_one(store: Store) -> None:
    """Real lists three years apart: every old record is amended, unchanged or removed."""
    registry = Registry(store)
    old = registry.import_file(shared("ofac", "consistent_2021", "sdn.csv"))
    new = registry.import_file(shared("ofac", "sdn.csv"))
    assert old.source == new.source == "us-ofac-sdn"
    # Every listed subject comes with its Sanction adjunct, so each count covers 2 records.
    assert old.added == 2 * 8976
    assert new.added + new.amended + new.unchanged == 2 * 14965
    assert new.amended + new.removed + new.unchanged == 2 * 8976
    assert min(new.added, new.amended, new.removed, new.unchanged) > 0
    assert new.added % 2 == new.removed % 2 == 0  # a subject and its Sanction come and go together
    [status] = registry.sources()
    assert (status.active, status.delisted) == (14965, new.removed // 2)
    print(f"2021 -> 2024: {new}")


@pytest.mark.parametrize(
    ("parts", "records"), [(("ofac", "cons_prim.csv"), 884), (("ofac", "consolidated.xml"), 884)]
)
def test_reimporting_a_list_finds_its_sanctions_unchanged(
    store: Store, parts: tuple[str, ...], records: int
) -> None:
    """Sanction ids derive from the source's record ids, so the same list imports unchanged.
    (OFAC and UK make their Sanctions through one helper, ``sources.base.with_sanction``.)"""
    registry = Registry(store)
    first = registry.import_file(shared(*parts))
    second = registry.import_file(shared(*parts))
    assert first.added == records
    assert (second.added, second.amended, second.removed, second.unchanged) == (0, 0, 0, records)
