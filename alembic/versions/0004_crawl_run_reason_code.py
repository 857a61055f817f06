"""crawl_run.reason_code: typed health reasons next to the prose

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02

Health rules decide on a code (``store.reasons.Reason``) instead of parsing the reason text.
Existing rows get their code from the text they carry, classified once, here, with the patterns
the rules used before this revision (kept in this file on purpose: a migration must not change
meaning when the application's vocabulary grows later).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (pattern on the old prose, code), first match wins; mirrors store/health.py before 0004.
_LEGACY = [
    (re.compile(r"^interrupted by shutdown"), "shutdown"),
    (re.compile(r"^pagination stopped early"), "pagination_short"),
    (re.compile(r"selector .+ matched \d+ node"), "selector_broken"),
    (re.compile(r"^internal error"), "internal_error"),
    (re.compile(r"^channel needs a JS-capable browser"), "needs_browser"),
    (re.compile(r"^no list page was processed"), "no_list_page"),
    (re.compile(r"^HTTP \d{3}\b|\bHTTP \d{3} on "), "http_error"),
    (re.compile(r"^(TCPTimedOut|Timeout|DownloadTimeout)Error"), "timeout"),
    (re.compile(r"^over the size cap|^DownloadCancelledError"), "too_large"),
    (re.compile(r"^\w+(Error|Lost|Refused|NeverReceived)\b"), "network"),
]


def legacy_code(status: str, reason: str | None) -> str | None:
    """The code an old row would have been written with; None for a plain ok run."""
    if status == "blocked":
        return "blocked"
    if not reason:
        return None
    for pattern, code in _LEGACY:
        if pattern.search(reason):
            return code
    return "unknown"


def upgrade() -> None:
    with op.batch_alter_table('crawl_run', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reason_code', sa.String(length=32), nullable=True))
    crawl_run = sa.table('crawl_run', sa.column('id', sa.Integer), sa.column('status', sa.String),
                         sa.column('reason', sa.Text), sa.column('reason_code', sa.String))
    conn = op.get_bind()
    rows = conn.execute(sa.select(crawl_run.c.id, crawl_run.c.status, crawl_run.c.reason)
                        .where(sa.or_(crawl_run.c.reason.is_not(None), crawl_run.c.status == 'blocked'))).all()
    by_code: dict[str, list[int]] = {}
    for row_id, status, reason in rows:
        code = legacy_code(status, reason)
        if code is not None:
            by_code.setdefault(code, []).append(row_id)
    for code, ids in by_code.items():
        for start in range(0, len(ids), 500):
            conn.execute(crawl_run.update().where(crawl_run.c.id.in_(ids[start:start + 500]))
                         .values(reason_code=code))


def downgrade() -> None:
    with op.batch_alter_table('crawl_run', schema=None) as batch_op:
        batch_op.drop_column('reason_code')
