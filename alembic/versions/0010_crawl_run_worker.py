"""crawl_run.worker / crawl_run.queue: which crawl worker and queue ran a poll (issue 21)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03

Both are null for polls run by the single-process daemon and the CLI (no worker, no queue).

"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('crawl_run') as batch:
        batch.add_column(sa.Column('worker', sa.String(length=80), nullable=True))
        batch.add_column(sa.Column('queue', sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('crawl_run') as batch:
        batch.drop_column('queue')
        batch.drop_column('worker')
