"""delivery.notice_id loses its foreign key (issue 13)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03

The key was redundant: every ledger row references its change, the change references its notice,
and deleting a notice cascades through its changes to the ledger. Checked once per row, it cost
PostgreSQL about a sixth of the server time of writing a plan's ledger rows (a 10,000-subscription
plan writes ~200,000). The column and the unique key that includes it stay.

"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op


revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('delivery') as batch:
        batch.drop_constraint('fk_delivery_notice_id_notice', type_='foreignkey')


def downgrade() -> None:
    with op.batch_alter_table('delivery') as batch:
        batch.create_foreign_key('fk_delivery_notice_id_notice', 'notice', ['notice_id'], ['id'], ondelete='CASCADE')
