"""The entity_links index: written with every entity, rewritten on change, backfilled once."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from watchline.model import Entity, Listing, Record
from watchline.store import Store, links
from watchline.store import registry as repo
from watchline.store.db import MIGRATIONS
from watchline.store.tables import entities

LISTING = Listing(source="test", originator="TEST")


def _record(eid: str, schema: str, **props: list[str]) -> Record:
    return Record(Entity.build(eid, schema, props, target=schema == "Person"), LISTING)


def _adjuncts_of_p1() -> list[Record]:
    return [
        _record("p1-sanction", "Sanction", entity=["p1"], authority=["UNSC"]),
        _record("p1-doc", "Passport", holder=["p1"], number=["X1"]),
        _record("p2-sanction", "Sanction", entity=["p2"]),
    ]


def test_link_rows_name_each_reference_once_and_skip_self() -> None:
    entity = Entity.build("o1", "Ownership", {"owner": ["a", "a"], "asset": ["o1", "b"]})
    rows = links.link_rows(entity)
    assert sorted((r["property"], r["target_id"]) for r in rows) == [
        ("asset", "b"),
        ("owner", "a"),
    ]


def test_adjuncts_are_found_by_their_reference(store: Store) -> None:
    with store.transaction() as conn:
        repo.insert(conn, [_record("p1", "Person", name=["A B"]), *_adjuncts_of_p1()], [])
        found = repo.adjuncts(conn, "p1")
    assert [r.id for r in found] == ["p1-doc", "p1-sanction"]
    assert found[1].entity.get("authority") == ("UNSC",)


def test_replace_moves_the_reference(store: Store) -> None:
    with store.transaction() as conn:
        repo.insert(conn, _adjuncts_of_p1(), [])
        moved = _record("p1-doc", "Passport", holder=["p2"], number=["X1"])
        repo.replace(conn, moved, 2)
        assert [r.id for r in repo.adjuncts(conn, "p1")] == ["p1-sanction"]
        assert [r.id for r in repo.adjuncts(conn, "p2")] == ["p1-doc", "p2-sanction"]


def _alembic(conn: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    return config


def test_migration_backfills_links_of_existing_entities(database_url: str) -> None:
    store = Store(database_url)
    with store.engine.begin() as conn:
        command.upgrade(_alembic(conn), "0003")
        rows = [repo.record_to_row(r, 1, repo.now()) for r in _adjuncts_of_p1()]
        conn.execute(entities.insert(), rows)
    store.migrate()
    with store.reader() as conn:
        assert [r.id for r in repo.adjuncts(conn, "p1")] == ["p1-doc", "p1-sanction"]
    store.close()
