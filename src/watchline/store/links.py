"""The index of references between entities (``entity_links``), kept in step with writes.

FtM links an adjunct to its subject through a property of the adjunct: a Sanction names its
``entity``, a Passport its ``holder``, an Ownership its ``owner`` and ``asset``. Finding the
adjuncts of a record means asking "who names this id?", which a JSON column cannot answer
without reading every row; this table answers it by index. Every write of an entity goes
through ``add``/``rewrite`` here, in the same transaction, so the index never drifts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from watchline.model import Entity
from watchline.store.tables import entity_links

# FtM properties whose values are ids of other entities (the adjunct -> subject direction).
REFERENCE_PROPERTIES: tuple[str, ...] = (
    "entity",
    "holder",
    "owner",
    "asset",
    "person",
    "relative",
    "associate",
    "organization",
    "member",
    "director",
    "employee",
    "employer",
    "agent",
    "client",
    "subject",
    "object",
    "payer",
    "beneficiary",
    "predecessor",
    "successor",
)


def link_rows(entity: Entity) -> list[dict[str, Any]]:
    """The ``entity_links`` rows of one entity: one per (property, referenced id)."""
    return [
        {"entity_id": entity.id, "property": prop, "target_id": target}
        for prop in REFERENCE_PROPERTIES
        for target in entity.get(prop)
        if target != entity.id
    ]


def add(conn: Connection, entities: Iterable[Entity]) -> None:
    """Index the references of newly inserted entities."""
    rows = [row for entity in entities for row in link_rows(entity)]
    if rows:
        conn.execute(entity_links.insert(), rows)


def rewrite(conn: Connection, entity: Entity) -> None:
    """Replace the indexed references of an entity whose properties were overwritten."""
    conn.execute(entity_links.delete().where(entity_links.c.entity_id == entity.id))
    add(conn, [entity])


def referring(conn: Connection, target_id: str) -> Sequence[tuple[str, str]]:
    """(entity id, property) of every entity that names ``target_id``, in id order."""
    query = (
        sa.select(entity_links.c.entity_id, entity_links.c.property)
        .where(entity_links.c.target_id == target_id)
        .order_by(entity_links.c.entity_id, entity_links.c.property)
    )
    return [(r.entity_id, r.property) for r in conn.execute(query)]
