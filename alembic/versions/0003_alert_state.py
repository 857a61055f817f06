"""alert state: ops incidents per channel and their delivery ledger

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30

Chained after 0002 (search indexes) so the history stays linear.
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('alert_incident',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.Column('channel', sa.String(length=80), nullable=False),
    sa.Column('rule', sa.String(length=20), nullable=False),
    sa.Column('severity', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_alert_incident'))
    )
    with op.batch_alter_table('alert_incident', schema=None) as batch_op:
        batch_op.create_index('ix_alert_incident_source_channel', ['source', 'channel', 'resolved_at'], unique=False)

    op.create_table('alert_delivery',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subscription_id', sa.Integer(), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=False),
    sa.Column('event', sa.String(length=10), nullable=False),
    sa.Column('digest_id', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['incident_id'], ['alert_incident.id'],
                            name=op.f('fk_alert_delivery_incident_id_alert_incident'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['subscription_id'], ['subscription.id'],
                            name=op.f('fk_alert_delivery_subscription_id_subscription'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_alert_delivery')),
    sa.UniqueConstraint('subscription_id', 'incident_id', 'event', name='uq_alert_delivery_subscription_event')
    )
    with op.batch_alter_table('alert_delivery', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alert_delivery_digest_id'), ['digest_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('alert_delivery', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_alert_delivery_digest_id'))
    op.drop_table('alert_delivery')
    with op.batch_alter_table('alert_incident', schema=None) as batch_op:
        batch_op.drop_index('ix_alert_incident_source_channel')
    op.drop_table('alert_incident')
