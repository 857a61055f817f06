"""The notify tick looks for due reminders only when something that decides them changed.

Before, every tick (each minute) scanned every call of the past year, whatever had happened: 120 ms
at 100k notices with no call in the archive, growing with it. Now a run is skipped while the China
date, the newest change and the subscribers' remind offsets are those of the last committed run.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import store.reminders as reminders
from store.db import open_database, session_factory, transaction
from store.models import Change, Notice, Subscriber, Subscription

NOW = dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC)


def _archive(tmp_path: Path):  # type: ignore[no-untyped-def]
    factory = session_factory(open_database(f"sqlite:///{tmp_path / 'a.sqlite3'}"))
    with transaction(factory) as s:
        s.add(Subscriber(id=1, name="a", created_at=NOW))
        s.add(Subscription(id=1, subscriber_id=1, kind="outbox", target={}, filters={"remind": [7]},
                           schedule="immediate", active=True, is_ops=False, token="t1", created_at=NOW, since=NOW))
    return factory


def _add_change(factory) -> None:  # type: ignore[no-untyped-def]
    with transaction(factory) as s:
        notice = Notice(uid=f"u{NOW.timestamp()}-{id(s)}", source="most", channel="tztg", url=f"https://x/{id(s)}",
                        title="t", issuers=[], body="b", topics=[], events=[], content_hash="h", version=1,
                        status="active", first_seen=NOW, last_seen=NOW, last_checked=NOW, last_changed=NOW)
        s.add(notice)
        s.flush()
        s.add(Change(notice_id=notice.id, kind="new", version=1, detected_at=NOW))


def test_an_unchanged_archive_is_not_scanned_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    factory = _archive(tmp_path)
    runs: list[dt.date] = []
    real = reminders._write_due
    monkeypatch.setattr(reminders, "_write_due", lambda s, now, today, offsets: runs.append(today) or real(
        s, now, today, offsets))
    for _ in range(3):
        with transaction(factory) as s:
            reminders.write_reminders(s, NOW)
    assert len(runs) == 1
    _add_change(factory)  # a new notice (a call, an extension, a withdrawal all arrive as changes)
    with transaction(factory) as s:
        reminders.write_reminders(s, NOW + dt.timedelta(minutes=1))
    assert len(runs) == 2
    with transaction(factory) as s:
        reminders.write_reminders(s, NOW + dt.timedelta(days=1))  # a new day: offsets may be due now
    with transaction(factory) as s:
        s.execute(Subscription.__table__.update().values(filters={"remind": [7, 1]}))
    with transaction(factory) as s:
        reminders.write_reminders(s, NOW + dt.timedelta(days=1))  # new offsets
    assert len(runs) == 4


def test_a_run_that_was_rolled_back_runs_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    factory = _archive(tmp_path)
    runs: list[int] = []
    real = reminders._write_due
    monkeypatch.setattr(reminders, "_write_due", lambda s, now, today, offsets: runs.append(1) or real(
        s, now, today, offsets))
    with pytest.raises(RuntimeError), transaction(factory) as s:
        reminders.write_reminders(s, NOW)
        raise RuntimeError("crash before the commit")
    with transaction(factory) as s:
        reminders.write_reminders(s, NOW)
    assert len(runs) == 2
