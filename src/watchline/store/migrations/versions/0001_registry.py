"""Registry: sources, entities with listing metadata, entity history events, imports.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(JSONB(), "postgresql")
Timestamp = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("format", sa.String(50), nullable=False),
        sa.Column("publisher", sa.Text, nullable=False),
        sa.Column("list_date", sa.String(40)),
        sa.Column("last_import_id", sa.Integer),
        sa.Column("updated_at", Timestamp, nullable=False),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.String(255), primary_key=True),
        sa.Column("schema", sa.String(60), nullable=False),
        sa.Column("properties", Json, nullable=False),
        sa.Column("datasets", Json, nullable=False),
        sa.Column("referents", Json, nullable=False),
        sa.Column("target", sa.Boolean, nullable=False),
        sa.Column("first_seen", sa.String(40)),
        sa.Column("last_seen", sa.String(40)),
        sa.Column("last_change", sa.String(40)),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("originator", sa.String(200), nullable=False),
        sa.Column("legal_basis", sa.Text),
        sa.Column("reason", sa.Text),
        sa.Column("listed_on", sa.String(40)),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("handling", sa.String(30), nullable=False),
        sa.Column("shared_with", Json, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("created_at", Timestamp, nullable=False),
        sa.Column("updated_at", Timestamp, nullable=False),
    )
    op.create_index("ix_entities_source_status", "entities", ["source", "status"])
    op.create_index("ix_entities_originator", "entities", ["originator"])
    op.create_table(
        "entity_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("entity_id", sa.String(255), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("event", sa.String(20), nullable=False),
        sa.Column("at", Timestamp, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("import_id", sa.Integer),
        sa.Column("snapshot", Json, nullable=False),
        sa.UniqueConstraint("entity_id", "version", name="uq_entity_events_version"),
    )
    op.create_index("ix_entity_events_entity_id", "entity_events", ["entity_id"])
    op.create_table(
        "imports",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("format", sa.String(50), nullable=False),
        sa.Column("list_date", sa.String(40)),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("started_at", Timestamp, nullable=False),
        sa.Column("finished_at", Timestamp, nullable=False),
        sa.Column("added", sa.Integer, nullable=False),
        sa.Column("amended", sa.Integer, nullable=False),
        sa.Column("removed", sa.Integer, nullable=False),
        sa.Column("unchanged", sa.Integer, nullable=False),
        sa.Column("warnings", Json, nullable=False),
    )
    op.create_index("ix_imports_source", "imports", ["source"])


def downgrade() -> None:
    for name in ("imports", "entity_events", "entities", "sources"):
        op.drop_table(name)
