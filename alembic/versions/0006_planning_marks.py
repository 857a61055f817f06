"""planning high-water marks: subscription.planned_through_change_id, delivery indexes

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03

``notify`` used to re-read every change since a subscription started on every run. Each
subscription now remembers the last change it has considered (matched or not); NULL means "not
planned since this revision": the planner starts it at its ``since`` (store.planning).

The delivery index by change serves the planner's check for rows already in the ledger, which was
a full scan of the whole ledger history (0005 already indexes the status the sender reads by); the
two subscription indexes let an idle run find that nobody is behind and no daily/weekly slot is
due without reading every subscription.

"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN on both backends (no batch copy): the table keeps its rows and foreign keys.
    op.add_column('subscription', sa.Column('planned_through_change_id', sa.Integer(), nullable=True))
    op.create_index(op.f('ix_subscription_planned_through_change_id'), 'subscription',
                    ['planned_through_change_id'], unique=False)
    op.create_index('ix_subscription_schedule_planned', 'subscription', ['schedule', 'last_planned_at'], unique=False)
    op.create_index(op.f('ix_delivery_change_id'), 'delivery', ['change_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_delivery_change_id'), table_name='delivery')
    op.drop_index('ix_subscription_schedule_planned', table_name='subscription')
    op.drop_index(op.f('ix_subscription_planned_through_change_id'), table_name='subscription')
    # Not a batch "move and copy": on SQLite that drops the old subscription table, and with foreign
    # keys on, DROP TABLE deletes its rows first and cascades to the delivery ledger. SQLite >= 3.35
    # drops a column in place.
    op.drop_column('subscription', 'planned_through_change_id')
