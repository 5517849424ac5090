"""Access and accountability: agencies, API keys, the hash-chained audit log, hit notices.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(JSONB(), "postgresql")
Timestamp = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "agencies",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("country", sa.String(2)),
        sa.Column("created_at", Timestamp, nullable=False),
    )
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("agency", sa.String(200), nullable=False),
        sa.Column("role", sa.String(30), nullable=False),
        sa.Column("label", sa.Text),
        sa.Column("created_at", Timestamp, nullable=False),
        sa.Column("revoked_at", Timestamp),
    )
    op.create_index("ix_api_keys_agency", "api_keys", ["agency"])
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", Timestamp, nullable=False),
        sa.Column("agency", sa.String(200), nullable=False),
        sa.Column("key_id", sa.Integer),
        sa.Column("action", sa.String(60), nullable=False),
        sa.Column("target", sa.Text),
        sa.Column("summary", Json, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
        sa.UniqueConstraint("prev_hash", name="uq_audit_log_prev_hash"),
    )
    op.create_table(
        "hit_notifications",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("reference", sa.String(40), nullable=False, unique=True),
        sa.Column("at", Timestamp, nullable=False),
        sa.Column("originator", sa.String(200), nullable=False),
        sa.Column("screening_agency", sa.String(200), nullable=False),
        sa.Column("entity_id", sa.String(255), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("query", Json, nullable=False),
        sa.Column("disclosed", sa.Boolean, nullable=False),
    )
    op.create_index("ix_hit_notifications_originator", "hit_notifications", ["originator"])


def downgrade() -> None:
    for name in ("hit_notifications", "audit_log", "api_keys", "agencies"):
        op.drop_table(name)
