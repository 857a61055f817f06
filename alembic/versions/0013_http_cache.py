"""http_cache: the HTTP cache's entries (validators and the page they validate) in the archive (issue 21)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04

Until now Scrapy's HTTP cache was a folder in each machine's data directory, so a poll that landed on
another crawl worker than the last one had no ETag / Last-Modified to send and fetched its list pages in
full. One row per request fingerprint holds the last response (body zlib-compressed) and its validators
as plain columns; ``crawler.cache.ArchiveCacheStorage`` reads and upserts it. The folder stays available
(``[crawl] http_cache_store = "folder"``); nothing is copied from it: the first poll after the upgrade is
one unconditional GET per page, as after clearing the folder.

"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'http_cache',
        sa.Column('fingerprint', sa.String(length=64), nullable=False),
        sa.Column('url', sa.Text(), nullable=False),
        sa.Column('status', sa.Integer(), nullable=False),
        sa.Column('headers', sa.JSON(), nullable=False),
        sa.Column('body', sa.LargeBinary(), nullable=False),
        sa.Column('body_bytes', sa.Integer(), nullable=False),
        sa.Column('etag', sa.Text(), nullable=True),
        sa.Column('last_modified', sa.Text(), nullable=True),
        sa.Column('stored_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('fingerprint', name=op.f('pk_http_cache')),
    )
    op.create_index(op.f('ix_http_cache_stored_at'), 'http_cache', ['stored_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_http_cache_stored_at'), table_name='http_cache')
    op.drop_table('http_cache')
