"""call_link: a grant call's follow-ups (extension, 公示, final list) threaded to it (issue 18)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03

One row per follow-up notice, with the rule that linked it and the quoted evidence. Both ends are
notices: deleting either deletes the link, nothing else.

"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'call_link',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('call_id', sa.Integer(), nullable=False),
        sa.Column('follow_id', sa.Integer(), nullable=False),
        sa.Column('event_type', sa.String(length=40), nullable=False),
        sa.Column('rule', sa.String(length=40), nullable=False),
        sa.Column('evidence', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['call_id'], ['notice.id'], name=op.f('fk_call_link_call_id_notice'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['follow_id'], ['notice.id'], name=op.f('fk_call_link_follow_id_notice'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_call_link')),
        sa.UniqueConstraint('follow_id', name='uq_call_link_follow_id'),
    )
    op.create_index(op.f('ix_call_link_call_id'), 'call_link', ['call_id'], unique=False)
    op.create_index(op.f('ix_call_link_follow_id'), 'call_link', ['follow_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_call_link_follow_id'), table_name='call_link')
    op.drop_index(op.f('ix_call_link_call_id'), table_name='call_link')
    op.drop_table('call_link')
