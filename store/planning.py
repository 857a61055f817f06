"""What the notice planner (notifier.delivery.plan) reads: columns only, bounded by new changes.

Each subscription keeps a high-water mark (``subscription.planned_through_change_id``): every
change up to that id has been considered for it. A plan reads the changes above the lowest mark of
the due subscriptions and up to the **horizon**, matches them in memory and advances the marks in
the transaction that writes the ledger rows. Nothing here loads a notice body: keyword filters are
evaluated by the database (`keyword_hits`) and only the answer comes back.

The horizon is the highest change id below which no change can still appear:

* **SQLite** has one writer at a time and hands out ``max(rowid) + 1``, so committed change ids only
  grow: the horizon is ``max(change.id)``.
* **PostgreSQL** takes ids from a sequence when the row is inserted, not when it commits: a
  transaction can commit change 105 while 104 is still being written. A mark moved to 105 would
  skip 104 for ever. `change_horizon` therefore takes ``LOCK TABLE change IN SHARE MODE`` in a
  transaction of its own: the lock is granted once every transaction that has inserted into
  ``change`` has finished (each holds ROW EXCLUSIVE until it ends), so every id up to the
  ``max(id)`` read under it is committed or gone for good. The lock is released at once; crawler
  transactions are one notice each, so the wait is milliseconds. If a writer holds the table for
  longer than ``lock_timeout``, the plan is skipped for this run (nothing is lost, the next run plans it).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, bindparam, func, insert, literal, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from store.db import transaction
from store.models import Change, Delivery, Notice

log = logging.getLogger("policywatch.planning")
T = TypeVar("T")

HORIZON_LOCK_TIMEOUT_MS = 2000
_LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL's SQLSTATE for a lock_timeout
IN_CHUNK = 500  # ids per IN (...) list: far below every backend's bound-parameter limit


def change_horizon(factory: sessionmaker[Session], *, lock_timeout_ms: int = HORIZON_LOCK_TIMEOUT_MS) -> int | None:
    """The highest change id up to which every change is visible for good; None when PostgreSQL
    writers did not let go of the change table within ``lock_timeout_ms`` (plan nothing new then)."""
    with transaction(factory) as session:
        if session.get_bind().dialect.name == "postgresql":
            # SET LOCAL takes no bound parameter; set_config(..., is_local => true) is the same with one.
            session.execute(select(func.set_config("lock_timeout", f"{int(lock_timeout_ms)}ms", True)))
            try:
                session.execute(text("LOCK TABLE change IN SHARE MODE"))
            except DBAPIError as exc:
                if getattr(exc.orig, "sqlstate", None) != _LOCK_NOT_AVAILABLE:
                    raise
                log.info("change table busy for %d ms: planning no new changes this run", lock_timeout_ms)
                return None
        return int(session.scalar(select(func.coalesce(func.max(Change.id), 0))) or 0)


def first_change_ids(session: Session, sinces: Iterable[dt.datetime]) -> dict[dt.datetime, int | None]:
    """For each ``since``: the lowest change id detected at or after it (None: no such change yet).

    A subscription without a mark starts just below it. Ids follow detection time only roughly
    (concurrent writers), which is why the planner also compares ``detected_at`` with ``since``.
    """
    out: dict[dt.datetime, int | None] = {}
    for since in set(sinces):
        out[since] = session.scalar(select(func.min(Change.id)).where(Change.detected_at >= since))
    return out


def change_facts(session: Session, after: int, through: int, limit: int) -> list[Any]:
    """The next ``limit`` changes with ``after < id <= through``, oldest first, with what filters
    compare: (id, notice_id, detected_at, source, topics, events, kind, detail). Never the title or
    the body. ``kind`` and ``detail`` tell a reminder (store.reminders) from a notice change."""
    stmt = (select(Change.id, Change.notice_id, Change.detected_at, Notice.source, Notice.topics, Notice.events,
                   Change.kind, Change.detail)
            .join(Notice, Notice.id == Change.notice_id)
            .where(Change.id > after, Change.id <= through)
            .order_by(Change.id).limit(limit))
    return list(session.execute(stmt))


def _haystack(dialect: str, keyword: str) -> ColumnElement[bool]:
    """``keyword in f"{title}\\n{body}"`` as SQL: case-sensitive substring, like Python's ``in``."""
    hay = Notice.title + literal("\n") + Notice.body
    if dialect == "postgresql":
        return func.strpos(hay, keyword) > 0
    return func.instr(hay, keyword) > 0


def keyword_hits(session: Session, keyword: str, notice_ids: Sequence[int]) -> set[int]:
    """Which of ``notice_ids`` contain ``keyword`` in title or body. The database reads the bodies;
    only ids come back."""
    dialect = session.get_bind().dialect.name
    hits: set[int] = set()
    for chunk in in_chunks(sorted(set(notice_ids))):
        hits.update(session.scalars(select(Notice.id).where(Notice.id.in_(chunk), _haystack(dialect, keyword))))
    return hits


def ledgered(session: Session, change_ids: Sequence[int]) -> set[tuple[int, str, int]]:
    """(subscription, channel, change) already in the delivery ledger for these changes.

    Normally empty: a change above a mark has not been planned. Rows exist after the upgrade to
    marks (the first plan re-reads changes planned before it) or when a concurrent notify won the
    race; skipping them keeps the ledger's unique key from aborting the plan."""
    out: set[tuple[int, str, int]] = set()
    for chunk in in_chunks(sorted(set(change_ids))):
        rows = session.execute(select(Delivery.subscription_id, Delivery.channel, Delivery.change_id)
                               .where(Delivery.change_id.in_(chunk)))
        out.update((sid, channel, cid) for sid, channel, cid in rows)
    return out


def in_chunks(ids: Sequence[T]) -> Iterable[list[T]]:
    """``ids`` in lists of at most IN_CHUNK, for ``IN (...)``."""
    for start in range(0, len(ids), IN_CHUNK):
        yield list(ids[start:start + IN_CHUNK])


_PENDING_COLUMNS = ("subscription_id", "channel", "notice_id", "change_id", "digest_id", "status", "attempts",
                    "created_at", "next_attempt_at")
# The same columns, for PostgreSQL's COPY (a constant: no value is ever formatted into SQL).
_PENDING_COPY = ("COPY delivery (subscription_id, channel, notice_id, change_id, digest_id, status, attempts, "
                 "created_at, next_attempt_at) FROM STDIN")


def insert_pending(session: Session, rows: Sequence[tuple[int, str, int, int, str]], now: dt.datetime,
                   batch: int = 5000) -> None:
    """New ``pending`` ledger rows (subscription, channel, notice, change, digest) in bulk, in the
    session's transaction.

    One new notice becomes a row for each of thousands of subscriptions, so this is the planner's
    bulk write. PostgreSQL: COPY (one stream; executemany was one round trip per row).
    SQLite: executemany straight to the driver, with the INSERT compiled once by SQLAlchemy (bound
    parameters, as everywhere) and the one timestamp converted once by the column's own type;
    SQLAlchemy's executemany builds and converts every parameter of every row.
    """
    if not rows:
        return
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        _copy_pending(conn, rows, now)
        return
    stmt = insert(Delivery).values({c: bindparam(c) for c in _PENDING_COLUMNS})
    compiled = stmt.compile(dialect=conn.dialect)
    # dialect_impl: the type as this backend runs it (on SQLite, UTCDateTime over SQLite's DATETIME
    # text format); the generic type's processor would hand the driver a datetime to format its own way.
    process = Delivery.created_at.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
    stamp = process(now) if process else now
    if tuple(compiled.positiontup or ()) != _PENDING_COLUMNS:
        raise RuntimeError(f"unexpected parameter order {compiled.positiontup}")  # never: values() fixes it
    sql = str(compiled)
    for start in range(0, len(rows), batch):
        conn.exec_driver_sql(sql, [(*r, "pending", 0, stamp, stamp) for r in rows[start:start + batch]])


def _copy_pending(conn: Any, rows: Sequence[tuple[int, str, int, int, str]], now: dt.datetime) -> None:
    stamp = now.astimezone(dt.UTC)  # what UTCDateTime stores; psycopg sends it as timestamptz
    with conn.connection.dbapi_connection.cursor() as cursor, cursor.copy(_PENDING_COPY) as copy:
        for row in rows:
            copy.write_row((*row, "pending", 0, stamp, stamp))
