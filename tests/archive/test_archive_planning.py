"""The notice planner on both backends: high-water marks, filters, schedules, dry runs, crashes.

The planner reads only the changes above each due subscription's mark (store.planning). These tests
check that it plans exactly what the old definition did (every change since ``since`` that passes
`matches`), never twice, that a crash before the commit moves no mark, that a dry run records
nothing, and that a PostgreSQL change committed out of id order is not skipped.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from planning_helpers import (
    NOW,
    SOURCES,
    archive,
    expected,
    ledger,
    random_filters,
    revise_and_withdraw,
    run_plan,
    snapshot,
    subscribe,
    top_change,
)
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session, sessionmaker

import policywatch.cli as cli
from notifier.delivery import dry_run, notify
from notifier.subscriptions import CHINA
from store.db import transaction
from store.models import Change, Delivery, Subscription
from store.planning import change_horizon
from tests.conftest import ROOT


def test_plans_exactly_what_every_change_through_matches_would(archive_factory: sessionmaker[Session]) -> None:
    rng = random.Random(13)
    archive(archive_factory, rng, range(40), NOW - dt.timedelta(days=2))
    early = NOW - dt.timedelta(days=3)
    for _ in range(30):
        subscribe(archive_factory, random_filters(rng), early)
    late = subscribe(archive_factory, {}, NOW - dt.timedelta(days=1))  # starts after the first batch
    subscribe(archive_factory, {}, early, is_ops=True)  # ops only: no notice digests
    subscribe(archive_factory, {"ops_notices": True, "city": ["上海"]}, early, is_ops=True)
    subscribe(archive_factory, {}, early, active=False)
    first = run_plan(archive_factory, NOW - dt.timedelta(hours=30))
    assert first and ledger(archive_factory) == expected(archive_factory)
    assert not {sid for sid, _ in ledger(archive_factory)} & {late}

    seen = top_change(archive_factory)
    archive(archive_factory, rng, range(40, 70), NOW)
    revise_and_withdraw(archive_factory, rng, NOW)  # revisions may make old notices match: new changes
    before = ledger(archive_factory)
    new = expected(archive_factory, after=seen)
    second = run_plan(archive_factory, NOW)
    after = ledger(archive_factory)
    assert after == before | new and before < after and not before & new
    assert not set(first) & set(second)
    assert run_plan(archive_factory, NOW) == [] and ledger(archive_factory) == after  # nothing new: nothing


def test_marks_move_to_the_horizon_matched_or_not(archive_factory: sessionmaker[Session]) -> None:
    rng = random.Random(5)
    never = subscribe(archive_factory, {"keyword": ["不存在的词"]}, NOW - dt.timedelta(days=3))
    everything = subscribe(archive_factory, {}, NOW - dt.timedelta(days=3))
    archive(archive_factory, rng, range(10), NOW)
    run_plan(archive_factory, NOW)
    with archive_factory() as s:
        top = s.scalar(select(Change.id).order_by(Change.id.desc()).limit(1))
        marks = {sid: mark for sid, mark in s.execute(select(Subscription.id, Subscription.planned_through_change_id))}
    assert marks == {never: top, everything: top}


def test_a_crash_before_the_commit_moves_no_mark(archive_factory: sessionmaker[Session]) -> None:
    rng = random.Random(3)
    subscribe(archive_factory, {}, NOW - dt.timedelta(days=1))
    archive(archive_factory, rng, range(5), NOW)
    before = snapshot(archive_factory)
    horizon = change_horizon(archive_factory)
    with pytest.raises(KeyboardInterrupt), transaction(archive_factory) as s:
        from notifier.delivery import plan

        assert plan(s, NOW, SOURCES, horizon)
        raise KeyboardInterrupt  # killed after planning, before the commit
    assert snapshot(archive_factory) == before
    assert run_plan(archive_factory, NOW) and ledger(archive_factory) == expected(archive_factory)


def test_a_sigkilled_plan_loses_nothing(tmp_path: Path) -> None:
    """SQLite, a real process killed with the plan written but not committed."""
    from store.db import open_database, session_factory

    url = f"sqlite:///{tmp_path / 'kill.sqlite3'}"
    factory = session_factory(open_database(url))
    subscribe(factory, {}, NOW - dt.timedelta(days=1))
    archive(factory, random.Random(4), range(5), NOW)
    before = snapshot(factory)
    script = textwrap.dedent(f"""
        import datetime as dt, os, signal, sys
        sys.path.insert(0, {str(ROOT)!r}); sys.path.insert(0, {str(Path(__file__).parent)!r})
        from planning_helpers import NOW, SOURCES
        from notifier.delivery import plan
        from store.db import open_database, session_factory
        from store.planning import change_horizon
        factory = session_factory(open_database({url!r}))
        session = factory()
        assert plan(session, NOW, SOURCES, change_horizon(factory))
        session.flush()
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == -9, proc.stderr
    assert snapshot(factory) == before
    assert run_plan(factory, NOW) and ledger(factory) == expected(factory)


def test_schedules_are_due_once_per_slot(archive_factory: sessionmaker[Session]) -> None:
    rng = random.Random(8)
    day = dt.datetime(2026, 12, 3, tzinfo=CHINA)
    daily = subscribe(archive_factory, {}, day - dt.timedelta(days=1), schedule="daily 08:00")
    weekly = subscribe(archive_factory, {}, day - dt.timedelta(days=1), schedule="weekly mon 09:00")  # 12-07
    now = subscribe(archive_factory, {}, day - dt.timedelta(days=1))

    def planned_at(local_hour: float, new: int) -> set[int]:
        at = day + dt.timedelta(hours=local_hour)
        archive(archive_factory, rng, range(int(local_hour * 100), int(local_hour * 100) + new), at)
        run_plan(archive_factory, at)
        with archive_factory() as s:
            return set(s.scalars(select(Delivery.subscription_id).where(Delivery.created_at == at)))

    # Never planned: counted from its creation (12-02 00:00). Daily has had a slot since (12-02
    # 08:00); weekly has not (its last one was Monday 11-30), so it waits for Monday 12-07.
    assert planned_at(7.0, 1) == {daily, now}
    assert planned_at(7.5, 2) == {now}  # before 08:00: only the immediate one
    assert planned_at(8.0, 0) == {daily}  # the slot: the changes since 07:00 go out
    assert planned_at(9.0, 1) == {now}  # the slot is used: the next change waits for tomorrow
    assert planned_at(24 + 8.5, 1) == {now, daily}
    assert planned_at(4 * 24 + 9.5, 0) == {weekly}  # Monday 09:30: the week's changes (daily had them)
    with archive_factory() as s:
        first = s.scalars(select(Delivery.created_at).where(Delivery.subscription_id == weekly)).all()
        assert first and min(first) == day + dt.timedelta(hours=4 * 24 + 9.5)  # its first digest, at its slot
    with archive_factory() as s:
        assert expected(archive_factory) == ledger(archive_factory)
        assert s.get(Subscription, daily) is not None


def test_a_new_daily_subscription_gets_its_first_digest_at_its_slot(
        archive_factory: sessionmaker[Session]) -> None:
    """Subscribed at 10:00 for "daily 08:00": nothing today, even with news; everything tomorrow at 08:00."""
    rng = random.Random(5)
    day = dt.datetime(2026, 12, 3, tzinfo=CHINA)
    daily = subscribe(archive_factory, {}, day + dt.timedelta(hours=10), schedule="daily 08:00")
    archive(archive_factory, rng, range(3), day + dt.timedelta(hours=11))
    for hour in (11, 15, 23.9, 24 + 7.9):
        run_plan(archive_factory, day + dt.timedelta(hours=hour))
        assert not ledger(archive_factory), f"planned at {hour} h, before the first slot"
    run_plan(archive_factory, day + dt.timedelta(hours=24 + 8))
    assert {sid for sid, _ in ledger(archive_factory)} == {daily}
    assert ledger(archive_factory) == expected(archive_factory)


def test_dry_run_shows_the_digests_and_records_nothing(archive_factory: sessionmaker[Session]) -> None:
    rng = random.Random(21)
    archive(archive_factory, rng, range(12), NOW)
    email = subscribe(archive_factory, {"city": ["上海", "北京"]}, NOW - dt.timedelta(days=1), kind="email",
                      target={"address": "a@example.org"})
    key = subscribe(archive_factory, {}, NOW - dt.timedelta(days=1), kind="wecom",
                    target={"key": "secret-wecom-key-123"})
    before = snapshot(archive_factory)
    previews = dry_run(archive_factory, NOW, SOURCES, secret="s" * 32)
    assert snapshot(archive_factory) == before  # no ledger row, no mark, no last_planned_at
    assert [p.digest.subscription_id for p in previews] == [email, key]
    assert {p.state for p in previews} == {"new"}
    assert previews[1].recipient == "secr…" and "secret-wecom-key" not in json.dumps(previews[1].to_json())
    assert previews[0].recipient == "a@example.org" and previews[0].channel == "email"

    class Accept:
        kind = "outbox"

        def send(self, digest: Any) -> Any:
            from notifier.channels.base import SendResult
            return SendResult(ok=True, retryable=False, detail="ok")

    report = notify(archive_factory, lambda _s: Accept(), NOW, SOURCES, secret="s" * 32)
    assert sorted(report.digests) == sorted(p.digest.digest_id for p in previews)  # what was shown is what went
    assert dry_run(archive_factory, NOW, SOURCES, secret="s" * 32) == []


def test_cli_notify_dry_run_json(db_url: str, archive_factory: sessionmaker[Session], tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    archive(archive_factory, random.Random(2), range(4), dt.datetime.now(dt.UTC))
    subscribe(archive_factory, {}, dt.datetime.now(dt.UTC) - dt.timedelta(days=1))
    before = snapshot(archive_factory)
    base = ["--database-url", db_url, "--data-dir", str(tmp_path)]
    assert cli.main([*base, "notify", "--dry-run", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["dry_run"] is True and len(out["digests"]) == 1
    assert len(out["digests"][0]["digest"]["items"]) == 4 and out["digests"][0]["state"] == "new"
    assert cli.main([*base, "notify", "--dry-run"]) == 0
    assert "would send 1 digest(s)" in capsys.readouterr().out
    assert snapshot(archive_factory) == before


@pytest.mark.postgres
def test_postgres_change_committed_out_of_id_order_is_not_skipped(pg_cluster: Any, pg_template: str) -> None:
    """Change 1 is written (id taken) but not committed while change 2 commits: a mark moved to 2
    would skip 1 for ever. The planner waits for the writer, or plans nothing new this run."""
    from store.db import open_database, session_factory

    url = pg_cluster.create_database(template=pg_template)
    engine = open_database(url)
    factory = session_factory(engine)
    try:
        subscribe(factory, {}, NOW - dt.timedelta(days=1))
        rng = random.Random(1)
        slow = factory()
        archive_in(slow, rng, 1)  # id 1 taken, transaction left open
        archive(factory, rng, range(2, 3), NOW)  # id 2 committed
        run_plan(factory, NOW)  # waits for the writer up to the lock timeout, then plans nothing new
        assert change_horizon(factory, lock_timeout_ms=200) is None
        slow.commit()
        slow.close()
        assert change_horizon(factory) == 2
        run_plan(factory, NOW)
        assert ledger(factory) == expected(factory) and len(ledger(factory)) == 2  # change 1 was not skipped
    finally:
        engine.dispose()
        pg_cluster.drop_database(url)


def archive_in(session: Session, rng: random.Random, i: int) -> None:
    from planning_helpers import record

    from store.repository import Repository

    rec = record(i, rng)
    Repository(session).upsert_notice(rec, rec.source or "most", "x", NOW)
    session.flush()


def test_horizon_is_max_change_id_on_sqlite(tmp_path: Path) -> None:
    from store.db import open_database, session_factory

    factory = session_factory(open_database(f"sqlite:///{tmp_path / 'h.sqlite3'}"))
    assert change_horizon(factory) == 0
    archive(factory, random.Random(1), range(3), NOW)
    engine = create_engine(f"sqlite:///{tmp_path / 'h.sqlite3'}")
    with engine.connect() as conn:
        assert change_horizon(factory) == conn.execute(text("SELECT max(id) FROM change")).scalar()
    engine.dispose()
