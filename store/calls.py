"""Open grant calls: calls in the archive whose application deadline has not passed.

A call is open on a day when its notice is active (not withdrawn or repealed) and its current end
(after extensions, store.threading) is that day or later, or when it states no end or only a
tentative one and was published within `UNDATED_OPEN_DAYS` (nothing says it has closed yet).
Used by ``search --open``, ``report open-calls`` and the calendar feed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from parsers.facts.events import DEADLINE_EXTENDED, FUNDING_CALL_OPENED
from parsers.facts.vocab import TENTATIVE
from store.models import Notice
from store.reminders import Deadline, call_deadline
from store.search import has_event_type
from store.threading import thread_of

UNDATED_OPEN_DAYS = 90


@dataclass(frozen=True)
class OpenCall:
    notice: Notice
    deadline: Deadline | None  # None: the call states no end
    extensions: int  # how many extensions moved it (the calendar's SEQUENCE)

    @property
    def sort_key(self) -> tuple[int, dt.date, int]:
        """Soonest end first; tentative and unstated ends after every dated one."""
        if self.deadline is None or self.deadline.precision == TENTATIVE:
            return (1, self.deadline.last_day if self.deadline else dt.date.max, self.notice.id)
        return (0, self.deadline.last_day, self.notice.id)


def _is_open(deadline: Deadline | None, notice: Notice, today: dt.date) -> bool:
    if deadline is not None and deadline.last_day >= today:
        return True  # dated, tentative or not, and not past
    if deadline is not None and deadline.precision != TENTATIVE:
        return False  # a firm end that has passed
    # No end, or a tentative one that has passed: open until the archive hears otherwise, for a while.
    published = notice.published_date or notice.first_seen.date()
    return today - published <= dt.timedelta(days=UNDATED_OPEN_DAYS)


def open_calls(session: Session, today: dt.date, *, places: set[str] | None = None) -> list[OpenCall]:
    """Every call open on ``today`` (sources in ``places`` when given), soonest deadline first."""
    dialect = session.get_bind().dialect.name
    stmt = select(Notice).where(Notice.status == "active", has_event_type(dialect, [FUNDING_CALL_OPENED.name]))
    if places is not None:
        stmt = stmt.where(Notice.source.in_(sorted(places)))
    out = []
    for notice in session.scalars(stmt):
        thread = thread_of(session, notice)
        deadline = call_deadline(session, notice, thread)
        if not _is_open(deadline, notice, today):
            continue
        moved = sum(link.event_type == DEADLINE_EXTENDED.name for _, link in thread.follow_ups) if thread else 0
        out.append(OpenCall(notice, deadline, moved))
    return sorted(out, key=lambda c: c.sort_key)
