"""Entity links: an index of FtM references, so that a record's adjuncts are found by id.

Existing rows are backfilled here. The list of reference properties is a copy frozen at this
revision (not imported from the code), so that this migration means the same thing forever.

Revision ID: 0004
Revises: 0003
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_REFERENCES = (
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
_BATCH = 1000


def upgrade() -> None:
    links = op.create_table(
        "entity_links",
        sa.Column("entity_id", sa.String(255), primary_key=True),
        sa.Column("property", sa.String(60), primary_key=True),
        sa.Column("target_id", sa.String(255), primary_key=True),
    )
    op.create_index("ix_entity_links_target_id", "entity_links", ["target_id"])
    _backfill(links)


def _backfill(links: sa.Table) -> None:
    """Read every stored entity once and index its references, in batches."""
    entities = sa.table("entities", sa.column("id"), sa.column("properties", sa.JSON))
    conn = op.get_bind()
    rows: list[dict[str, Any]] = []
    query = sa.select(entities.c.id, entities.c.properties)
    for entity_id, properties in conn.execute(query):
        rows.extend(_rows(entity_id, properties))
        if len(rows) >= _BATCH:
            conn.execute(links.insert(), rows)
            rows = []
    if rows:
        conn.execute(links.insert(), rows)


def _rows(entity_id: str, properties: dict[str, list[str]]) -> list[dict[str, Any]]:
    return [
        {"entity_id": entity_id, "property": prop, "target_id": target}
        for prop in _REFERENCES
        for target in dict.fromkeys(properties.get(prop, ()))
        if target != entity_id
    ]


def downgrade() -> None:
    op.drop_index("ix_entity_links_target_id", "entity_links")
    op.drop_table("entity_links")
