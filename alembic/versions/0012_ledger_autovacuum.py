"""PostgreSQL vacuums the ledger after every large send, not after a fifth of it has churned (issue 13)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04

A plan of 10,000 subscriptions writes ~200,000 ``pending`` ledger rows and sending them rewrites each as
``sent``: every old version stays in ``ix_delivery_status`` until a vacuum. The idle notify's two reads
of unsent rows walk those dead entries (measured: 150 ms instead of 11-18 ms, at any archive size, until
autovacuum ran). PostgreSQL's default waits for dead rows worth 20 % of the table, which for a year of
ledger (tens of millions of rows) is many sends. 2 % + 10,000 rows keeps the index clean within about a
minute (autovacuum's nap) of any large send. SQLite has no vacuum daemon and needs none here: its index
holds no dead entries.

"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op


revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Literal SQL (no string building: tests/hostile/test_sql_hostile.py); storage parameters take no binds.
UPGRADE = ("ALTER TABLE delivery SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 10000, "
           "autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 10000)")
DOWNGRADE = ("ALTER TABLE delivery RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold, "
             "autovacuum_analyze_scale_factor, autovacuum_analyze_threshold)")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(UPGRADE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(DOWNGRADE)
