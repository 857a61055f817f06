"""full-text search indexes

SQLite: an external-content FTS5 table ``notice_fts`` (trigram tokenizer, so Chinese needs no
segmenter) over notice.title / body / doc_number, kept in sync by triggers.
PostgreSQL: the pg_trgm extension and GIN ``gin_trgm_ops`` indexes on notice.title and notice.body,
which serve ``ILIKE '%…%'`` for any query length.

The DDL is written out here on purpose (not imported from store.search): a migration is a
snapshot and must not change when application code does.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UP = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS notice_fts USING fts5(
        title, body, doc_number,
        content='notice', content_rowid='id', tokenize='trigram')""",
    # External content: the FTS table stores only the index, so every change to notice must be
    # mirrored (delete the old row image with the special 'delete' command, insert the new one).
    """CREATE TRIGGER IF NOT EXISTS notice_fts_ai AFTER INSERT ON notice BEGIN
        INSERT INTO notice_fts(rowid, title, body, doc_number)
        VALUES (new.id, new.title, new.body, new.doc_number);
    END""",
    """CREATE TRIGGER IF NOT EXISTS notice_fts_ad AFTER DELETE ON notice BEGIN
        INSERT INTO notice_fts(notice_fts, rowid, title, body, doc_number)
        VALUES ('delete', old.id, old.title, old.body, old.doc_number);
    END""",
    # Only when an indexed column changes: last_seen is touched on every poll.
    """CREATE TRIGGER IF NOT EXISTS notice_fts_au AFTER UPDATE OF title, body, doc_number ON notice BEGIN
        INSERT INTO notice_fts(notice_fts, rowid, title, body, doc_number)
        VALUES ('delete', old.id, old.title, old.body, old.doc_number);
        INSERT INTO notice_fts(rowid, title, body, doc_number)
        VALUES (new.id, new.title, new.body, new.doc_number);
    END""",
    # Index whatever 0001-era archives already hold.
    "INSERT INTO notice_fts(notice_fts) VALUES ('rebuild')",
]

SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS notice_fts_au",
    "DROP TRIGGER IF EXISTS notice_fts_ad",
    "DROP TRIGGER IF EXISTS notice_fts_ai",
    "DROP TABLE IF EXISTS notice_fts",
]

POSTGRES_UP = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS notice_fts_title_trgm ON notice USING gin (title gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS notice_fts_body_trgm ON notice USING gin (body gin_trgm_ops)",
]

POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS notice_fts_body_trgm",
    "DROP INDEX IF EXISTS notice_fts_title_trgm",
    # The extension may be shared with other schemas in the database: leave it installed.
]


def _run(statements: list[str]) -> None:
    for sql in statements:
        op.execute(sql)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(SQLITE_UP)
    elif dialect == "postgresql":
        _run(POSTGRES_UP)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(SQLITE_DOWN)
    elif dialect == "postgresql":
        _run(POSTGRES_DOWN)
