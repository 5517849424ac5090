"""Table definitions (SQLAlchemy Core), shared by the store modules.

Migrations under ``migrations/versions`` create these tables; the definitions here are what
the running code reads and writes. JSON columns become JSONB on PostgreSQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

metadata = sa.MetaData()
Json = sa.JSON().with_variant(JSONB(), "postgresql")
Timestamp = sa.DateTime(timezone=True)

sources = sa.Table(
    "sources",
    metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("format", sa.String(50), nullable=False),
    sa.Column("publisher", sa.Text, nullable=False),
    sa.Column("list_date", sa.String(40)),
    sa.Column("last_import_id", sa.Integer),
    sa.Column("updated_at", Timestamp, nullable=False),
)

entities = sa.Table(
    "entities",
    metadata,
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
    sa.Index("ix_entities_source_status", "source", "status"),
    sa.Index("ix_entities_originator", "originator"),
)

entity_events = sa.Table(
    "entity_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("entity_id", sa.String(255), nullable=False, index=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("event", sa.String(20), nullable=False),
    sa.Column("at", Timestamp, nullable=False),
    sa.Column("actor", sa.String(200), nullable=False),
    sa.Column("reason", sa.Text),
    sa.Column("import_id", sa.Integer),
    sa.Column("snapshot", Json, nullable=False),
    sa.UniqueConstraint("entity_id", "version", name="uq_entity_events_version"),
)

# One row per FtM reference from an entity to another (a Sanction's ``entity``, a Passport's
# ``holder``): what lets ``show`` find a record's adjuncts by index instead of reading every
# entity's JSON. Kept in step with ``entities`` by ``store.links``.
entity_links = sa.Table(
    "entity_links",
    metadata,
    sa.Column("entity_id", sa.String(255), primary_key=True),
    sa.Column("property", sa.String(60), primary_key=True),
    sa.Column("target_id", sa.String(255), primary_key=True),
    sa.Index("ix_entity_links_target_id", "target_id"),
)

imports = sa.Table(
    "imports",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.String(200), nullable=False, index=True),
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

agencies = sa.Table(
    "agencies",
    metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("title", sa.Text),
    sa.Column("country", sa.String(2)),
    sa.Column("created_at", Timestamp, nullable=False),
)

api_keys = sa.Table(
    "api_keys",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("prefix", sa.String(16), nullable=False),
    sa.Column("agency", sa.String(200), nullable=False, index=True),
    sa.Column("role", sa.String(30), nullable=False),
    sa.Column("label", sa.Text),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("revoked_at", Timestamp),
)

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", Timestamp, nullable=False),
    sa.Column("agency", sa.String(200), nullable=False),
    sa.Column("key_id", sa.Integer),
    sa.Column("action", sa.String(60), nullable=False),
    sa.Column("target", sa.Text),
    sa.Column("summary", Json, nullable=False),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("entry_hash", sa.String(64), nullable=False),
    sa.UniqueConstraint("prev_hash", name="uq_audit_log_prev_hash"),  # a chain cannot fork
)

hit_notifications = sa.Table(
    "hit_notifications",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("reference", sa.String(40), nullable=False, unique=True),
    sa.Column("at", Timestamp, nullable=False),
    sa.Column("originator", sa.String(200), nullable=False, index=True),
    sa.Column("screening_agency", sa.String(200), nullable=False),
    sa.Column("entity_id", sa.String(255), nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("query", Json, nullable=False),
    sa.Column("disclosed", sa.Boolean, nullable=False),
)
