"""Financial intelligence: alerts, cases and the append-only case history.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(JSONB(), "postgresql")
Timestamp = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "flow_alerts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", Timestamp, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("bank", sa.String(100), nullable=False),
        sa.Column("account", sa.String(100), nullable=False),
        sa.Column("holder", sa.Text, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("typologies", Json, nullable=False),
        sa.Column("reasons", Json, nullable=False),
        sa.Column("evidence", Json, nullable=False),
    )
    op.create_table(
        "flow_cases",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("alert_id", sa.Integer, sa.ForeignKey("flow_alerts.id"), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("opened_at", Timestamp, nullable=False),
        sa.Column("opened_by", sa.String(200), nullable=False),
    )
    op.create_table(
        "flow_case_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("flow_cases.id"), nullable=False),
        sa.Column("at", Timestamp, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_flow_case_events_case_id", "flow_case_events", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_flow_case_events_case_id", "flow_case_events")
    op.drop_table("flow_case_events")
    op.drop_table("flow_cases")
    op.drop_table("flow_alerts")
