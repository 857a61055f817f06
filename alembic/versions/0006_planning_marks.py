"""planning high-water marks: subscription.planned_through_change_id, delivery indexes

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-03

``notify`` used to re-read every change since a subscription started on every run. Each
subscription now remembers the last change it has considered (matched or not); NULL means "not
planned since this revision": the planner starts it at its ``since`` (store.planning).

The two delivery indexes serve the planner's check for rows already in the ledger (by change) and
the sender's look-up of unsent rows (by status), which were full scans of the whole ledger history;
the two subscription indexes let an idle run find that nobody is behind and no daily/weekly slot is
due without reading every subscription.

Chained onto 0004; another branch adds a 0005 in parallel, and the integrator re-chains this one
onto it (only ``down_revision`` changes).
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN on both backends (no batch copy): the table keeps its rows and foreign keys.
    op.add_column('subscription', sa.Column('planned_through_change_id', sa.Integer(), nullable=True))
    op.create_index(op.f('ix_subscription_planned_through_change_id'), 'subscription',
                    ['planned_through_change_id'], unique=False)
    op.create_index('ix_subscription_schedule_planned', 'subscription', ['schedule', 'last_planned_at'], unique=False)
    op.create_index(op.f('ix_delivery_change_id'), 'delivery', ['change_id'], unique=False)
    op.create_index(op.f('ix_delivery_status'), 'delivery', ['status'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_delivery_status'), table_name='delivery')
    op.drop_index(op.f('ix_delivery_change_id'), table_name='delivery')
    op.drop_index('ix_subscription_schedule_planned', table_name='subscription')
    op.drop_index(op.f('ix_subscription_planned_through_change_id'), table_name='subscription')
    # Not a batch "move and copy": on SQLite that drops the old subscription table, and with foreign
    # keys on, DROP TABLE deletes its rows first and cascades to the delivery ledger. SQLite >= 3.35
    # drops a column in place.
    op.drop_column('subscription', 'planned_through_change_id')
