"""double opt-in for web sign-ups: subscription.confirmed_at and the opt_in log (issue 19)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03

A subscription made on the web page stays inactive until its owner confirms; ``confirmed_at`` tells
"never confirmed" from "unsubscribed". Every subscription made before this revision was made by an
operator and counts as confirmed when it was created. ``opt_in`` keeps one row per confirmation
message sent: the record of consent, and what the sign-up rate limits count.

"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy): on SQLite a batch copy drops the table, and with foreign keys
    # on that cascades to the delivery ledger (see 0006).
    op.add_column('subscription', sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE subscription SET confirmed_at = created_at")
    op.create_table(
        'opt_in',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('subscription_id', sa.Integer(), nullable=False),
        sa.Column('contact', sa.String(length=64), nullable=False),
        sa.Column('client', sa.String(length=64), nullable=False),
        sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('ok', sa.Boolean(), nullable=False),
        sa.Column('detail', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['subscription_id'], ['subscription.id'],
                                name=op.f('fk_opt_in_subscription_id_subscription'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_opt_in')),
    )
    op.create_index(op.f('ix_opt_in_subscription_id'), 'opt_in', ['subscription_id'], unique=False)
    op.create_index(op.f('ix_opt_in_contact'), 'opt_in', ['contact'], unique=False)
    op.create_index(op.f('ix_opt_in_client'), 'opt_in', ['client'], unique=False)
    op.create_index(op.f('ix_opt_in_sent_at'), 'opt_in', ['sent_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_opt_in_sent_at'), table_name='opt_in')
    op.drop_index(op.f('ix_opt_in_client'), table_name='opt_in')
    op.drop_index(op.f('ix_opt_in_contact'), table_name='opt_in')
    op.drop_index(op.f('ix_opt_in_subscription_id'), table_name='opt_in')
    op.drop_table('opt_in')
    op.drop_column('subscription', 'confirmed_at')
