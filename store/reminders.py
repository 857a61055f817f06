"""Deadline reminders and "deadline moved" notes, written as changes so they travel the ledger.

A reminder is a `Change` of kind `REMINDER` on the call's notice, its ``detail`` ``"7|2026-12-25T16:30"``
(days before, the end it counts to). The planner files it like any change, to the subscriptions
whose ``remind`` list holds that offset (notifier.subscriptions), and the ledger's unique key
(subscription, channel, notice, change) makes each one go once per subscription. An extension
linked to its call (store.threading) adds one `DEADLINE_MOVED` change on the call, ``detail``
``"2026-12-15|2026-12-25T17:00"``; reminders then count to the new end.

No reminder for a call that is withdrawn or repealed, whose end has passed, or whose end the text
leaves tentative or unstated (a reminder must never assert a date the notice does not).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import String, cast, event, func, select
from sqlalchemy.orm import Session, load_only

from parsers.facts.events import FUNDING_CALL_OPENED
from parsers.facts.vocab import MONTH, TENTATIVE
from store.callchanges import CHANGE_KINDS, DEADLINE_MOVED, REMINDER, change_exists
from store.models import Change, Notice, Subscription
from store.status import CHINA
from store.threading import Thread, thread_of

__all__ = ["CHANGE_KINDS", "DEADLINE_MOVED", "REMINDER", "call_deadline", "parse_detail", "write_reminders"]

# Calls older than this are not looked at again: nobody runs a call for more than a year.
_LOOKBACK = dt.timedelta(days=400)


@dataclass(frozen=True)
class Deadline:
    value: str  # ISO as stored: 2026-12-25T16:30 / 2026-12-25 / 2026-12
    precision: str | None

    @property
    def last_day(self) -> dt.date:
        """The last day the deadline can mean (a month-only end: the month's last day)."""
        if self.precision == MONTH or len(self.value) == 7:
            year, month = int(self.value[:4]), int(self.value[5:7])
            return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return dt.date.fromisoformat(self.value[:10])


def reminder_detail(days: int, end: str) -> str:
    return f"{days}|{end}"


def parse_detail(detail: str | None) -> tuple[str, str] | None:
    """``"7|2026-12-25"`` -> ("7", "2026-12-25"); None for anything else."""
    left, sep, right = (detail or "").partition("|")
    return (left, right) if sep else None


def call_deadline(session: Session, notice: Notice, thread: Thread | None = None) -> Deadline | None:
    """The call's current end (after extensions), or None when the notice is not a call with one."""
    thread = thread if thread is not None else thread_of(session, notice)
    if thread is not None and thread.call.id == notice.id:
        end, precision = thread.effective_end()
    else:
        ends = [e for e in notice.events or [] if isinstance(e, dict) and e.get("type") == FUNDING_CALL_OPENED.name
                and e.get("stage") in (None, "applicant")]
        end, precision = (ends[0].get("apply_end"), ends[0].get("precision")) if ends else (None, None)
    return Deadline(str(end), precision) if end else None


def remind_offsets(session: Session) -> set[int]:
    """Every ``remind`` offset an active subscription asks for."""
    out: set[int] = set()
    # Only the rows that mention it: an idle notify must not read every subscription (docs/ops.md).
    asks = cast(Subscription.filters, String).contains('"remind"')
    for filters in session.scalars(select(Subscription.filters).where(Subscription.active.is_(True), asks)):
        out.update(int(d) for d in (filters or {}).get("remind") or ())
    return out


def _due_offset(offsets: Iterable[int], today: dt.date, last_day: dt.date) -> int | None:
    # Only the nearest due offset: a call first seen two days before its end gets the 1-day
    # reminder when it comes, not a late 7-day one on top.
    due = [d for d in offsets if today >= last_day - dt.timedelta(days=d)]
    return min(due) if due else None


def _open_calls(session: Session, now: dt.datetime) -> list[Notice]:
    since = (now - _LOOKBACK).date()
    is_call = cast(Notice.events, String).contains(FUNDING_CALL_OPENED.name)
    # Never the bodies: a year of calls is thousands of rows, and only their events are read.
    stmt = (select(Notice).options(load_only(Notice.id, Notice.events, Notice.version, Notice.status,
                                             Notice.published_date, Notice.first_seen))
            .where(Notice.status == "active", is_call)
            .where((Notice.published_date.is_(None)) | (Notice.published_date >= since)))
    return list(session.scalars(stmt))


# What the last run in this process saw, per database: (China date, newest change id, offsets).
# Whether a reminder is due depends only on these (a new call, an extension, a withdrawal or a
# revision each arrive as a change), so an unchanged key means the run would add nothing. Without
# this, the notify tick (every minute) scanned every call of the past year, a cost that grew with
# the archive (issue 13). A new process, or another database, always runs once.
_LAST_RUN: dict[str, tuple[dt.date, int, frozenset[int]]] = {}


def _run_key(session: Session, today: dt.date, offsets: set[int]) -> tuple[str, tuple[dt.date, int, frozenset[int]]]:
    newest = int(session.scalar(select(func.max(Change.id))) or 0)
    return str(session.get_bind().engine.url), (today, newest, frozenset(offsets))


def write_reminders(session: Session, now: dt.datetime) -> int:
    """Add the reminder changes due now (each at most once); returns how many were added."""
    offsets = remind_offsets(session)
    if not offsets:
        return 0
    today = now.astimezone(CHINA).date()
    database, key = _run_key(session, today, offsets)
    if _LAST_RUN.get(database) == key:
        return 0
    added = _write_due(session, now, today, offsets)
    # Keyed after the writes (the reminders just added must not make the next tick run again), and
    # remembered only once they are committed: a rolled-back run must run again.
    done = _run_key(session, today, offsets)[1]
    event.listen(session, "after_commit", lambda _s: _LAST_RUN.__setitem__(database, done), once=True)
    return added


def _write_due(session: Session, now: dt.datetime, today: dt.date, offsets: set[int]) -> int:
    added = 0
    for notice in _open_calls(session, now):
        deadline = call_deadline(session, notice)
        if deadline is None or deadline.precision == TENTATIVE or deadline.last_day < today:
            continue
        days = _due_offset(offsets, today, deadline.last_day)
        if days is None:
            continue
        detail = reminder_detail(days, deadline.value)
        if change_exists(session, notice.id, REMINDER, detail):
            continue
        session.add(Change(notice_id=notice.id, kind=REMINDER, version=notice.version, detected_at=now,
                           detail=detail))
        added += 1
    session.flush()
    return added
