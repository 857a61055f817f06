"""ledger leases: who is sending a row and until when (delivery, alert_delivery)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03

Two notifiers on one database (the daemon and a CLI ``notify``) took each other's ``sending`` rows for
crash leftovers and sent the same digest twice. A claim now records its owner and a lease; only a
lease that has run out is reclaimed. Rows left ``sending`` by an older version have no lease and are
reclaimed at once, as before. The status index serves the "what is due" query of every notify cycle.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ('delivery', 'alert_delivery')


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('claimed_by', sa.String(length=80), nullable=True))
            batch_op.add_column(sa.Column('lease_until', sa.DateTime(timezone=True), nullable=True))
            batch_op.create_index(batch_op.f(f'ix_{table}_status'), ['status'], unique=False)


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f'ix_{table}_status'))
            batch_op.drop_column('lease_until')
            batch_op.drop_column('claimed_by')
