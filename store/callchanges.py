"""The change kinds a grant call adds to the archive besides new/revised/withdrawn/repealed.

`REMINDER` (store.reminders) and `DEADLINE_MOVED` (written when an extension is threaded to its
call, store.threading) are `Change` rows on the call's notice; the notifier labels and files them
(notifier.digest.CHANGES, notifier.subscriptions.FilterSpec.passes_change).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Change, Notice

REMINDER = "reminder"
DEADLINE_MOVED = "deadline_moved"
CHANGE_KINDS = (REMINDER, DEADLINE_MOVED)


def change_exists(session: Session, notice_id: int, kind: str, detail: str) -> bool:
    return session.scalar(select(Change.id).where(Change.notice_id == notice_id, Change.kind == kind,
                                                  Change.detail == detail).limit(1)) is not None


def note_deadline_moved(session: Session, call: Notice, old: str | None, new: str, now: dt.datetime) -> bool:
    """One `DEADLINE_MOVED` change on ``call`` for this move, ``detail`` ``"old|new"`` (False: noted already)."""
    detail = f"{old or ''}|{new}"
    if change_exists(session, call.id, DEADLINE_MOVED, detail):
        return False
    session.add(Change(notice_id=call.id, kind=DEADLINE_MOVED, version=call.version, detected_at=now, detail=detail))
    return True
