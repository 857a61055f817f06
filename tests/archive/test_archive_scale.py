"""What notify, show, search and export read does not grow with the archive (issue 13).

Rows are counted at the driver: a sqlite3 cursor subclass counts every row handed to SQLAlchemy,
so a query that loads the archive shows up however it is written. The same work is run on a small
and a large archive built by benchmarks/notify_bench.py, and must read the same number of rows.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sqlite3
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from notifier.delivery import notify, plan
from store.db import _sqlite_pragmas, open_database, session_factory, transaction
from store.history import load_history
from store.planning import change_horizon
from store.reports import event_rows
from store.repository import Repository
from store.search import SearchFilters, search
from tests.conftest import ROOT


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("notify_bench", ROOT / "benchmarks" / "notify_bench.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCH = _bench()


class CountingCursor(sqlite3.Cursor):
    rows = 0

    def fetchone(self) -> Any:
        row = super().fetchone()
        CountingCursor.rows += row is not None
        return row

    def fetchmany(self, size: int | None = None) -> list[Any]:
        rows = super().fetchmany(self.arraysize if size is None else size)
        CountingCursor.rows += len(rows)
        return rows

    def fetchall(self) -> list[Any]:
        rows = super().fetchall()
        CountingCursor.rows += len(rows)
        return rows

    def __next__(self) -> Any:
        row = super().__next__()
        CountingCursor.rows += 1
        return row


class CountingConnection(sqlite3.Connection):
    def cursor(self, factory: Any = CountingCursor) -> Any:
        return super().cursor(factory)


def _counting_engine(path: Path) -> Engine:
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(path, factory=CountingConnection,
                                                                          check_same_thread=False))
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _rows(fn: Any) -> int:
    CountingCursor.rows = 0
    fn()
    return CountingCursor.rows


class Accept:
    kind = "outbox"

    def send(self, digest: Any) -> Any:
        from notifier.channels.base import SendResult
        return SendResult(ok=True, retryable=False, detail="ok")


def _notify(factory: sessionmaker[Session], now: dt.datetime) -> Any:
    return notify(factory, lambda _s: Accept(), now, BENCH.SOURCES, secret="s" * 32)


def _plan(factory: sessionmaker[Session], now: dt.datetime) -> list[str]:
    horizon = change_horizon(factory)
    with transaction(factory) as s:
        return plan(s, now, BENCH.SOURCES, horizon)


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[int, sessionmaker[Session]]]:
    """A 1,000- and a 4,000-notice archive with the same 40 subscriptions; factories count rows."""
    out, engines = {}, []
    for size in (1000, 4000):
        path = tmp_path_factory.mktemp(f"scale{size}") / "a.sqlite3"
        engine = open_database(f"sqlite:///{path}")
        BENCH.load_archive(engine, size)
        BENCH.add_subscriptions(session_factory(engine), 1, 40, since=BENCH.NOW)
        engine.dispose()
        counting = _counting_engine(path)
        engines.append(counting)
        out[size] = session_factory(counting)
    yield out
    for engine in engines:
        engine.dispose()


def test_notify_reads_the_new_changes_not_the_archive(archives: dict[int, sessionmaker[Session]]) -> None:
    now = BENCH.NOW + dt.timedelta(minutes=5)
    idle, planned, digests = {}, {}, {}
    for size, factory in archives.items():
        _notify(factory, now)  # the marks start
        idle[size] = _rows(lambda f=factory: _notify(f, now))
        BENCH.add_new_notices(factory, 10, seed=1, now=now)
        planned[size] = _rows(lambda f=factory, d=digests, n=size: d.__setitem__(n, _plan(f, now)))
    assert digests[1000] and len(digests[1000]) == len(digests[4000])
    assert idle[1000] == idle[4000] <= 5  # a schedule, the horizon: nothing per change or subscription
    assert planned[1000] == planned[4000]  # the 10 new changes, the 40 subscriptions, a few ids


def test_show_and_search_read_a_page_not_the_archive(archives: dict[int, sessionmaker[Session]]) -> None:
    read: dict[int, list[int]] = {}
    for size, factory in archives.items():
        with factory() as s:
            counts = [_rows(lambda s=s: load_history(s, "7")),
                      _rows(lambda s=s: search(s, "", SearchFilters(limit=5, cities=("上海",)), sources=())),
                      _rows(lambda s=s: search(s, "", SearchFilters(limit=5, topics=("ai",)), sources=()))]
        read[size] = counts
    assert read[1000] == read[4000] and max(read[4000]) <= 5


def _peak_mb(fn: Any) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def test_export_streams_in_constant_memory(archives: dict[int, sessionmaker[Session]]) -> None:
    peaks: dict[int, tuple[float, float]] = {}
    for size, factory in archives.items():
        with factory() as s:
            notices = _peak_mb(lambda s=s: sum(1 for _ in Repository(s).export_rows()))
            events = _peak_mb(lambda s=s: sum(1 for _ in event_rows(s, ())))
        peaks[size] = (notices, events)
    # Four times the notices, about the same memory (the old export held every notice at once: 4x).
    assert peaks[4000][0] < peaks[1000][0] * 1.5 and peaks[4000][1] < peaks[1000][1] * 1.5, peaks
