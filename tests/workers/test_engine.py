"""The procrastinate wiring piece by piece (policywatch/engine.py, store/queues.py), against a real cluster.

The process-level behaviour (kills, politeness) is in test_workers.py / test_politeness_workers.py.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from crawler.registry import ChannelSpec, SourceSpec
from policywatch import engine as eng
from policywatch.cli import main
from policywatch.config import load_settings
from policywatch.errors import ConfigError
from store.db import open_database, session_factory
from store.queues import queue_rows, queue_status, queue_views


def _ch(cid: str, url: str, egress: bool = False) -> ChannelSpec:
    return ChannelSpec(cid, cid, url, "generic", needs_egress=egress)


def test_a_host_is_on_one_queue_and_a_source_polls_once_per_host() -> None:
    a = SourceSpec("a", "A", "", (_ch("x", "https://kjj.hefei.gov.cn/x/"), _ch("y", "https://www.hefei.gov.cn/y/"),
                                  _ch("z", "https://KJJ.hefei.gov.cn/z/")))
    # Another source declares the same host geo-fenced: the whole host goes to cn, for both sources
    # (a job waiting on a queue nobody serves would hold back the host's other jobs: procrastinate
    # runs a lock's jobs in order).
    b = SourceSpec("b", "B", "", (_ch("w", "https://kjj.hefei.gov.cn/w/", egress=True),))
    queues = eng.host_queues([a, b])
    assert queues == {"kjj.hefei.gov.cn": "cn", "www.hefei.gov.cn": "default"}
    groups = eng.poll_groups(a, queues)
    assert [(g.host, g.channels, g.queue, g.lock, g.queueing_lock) for g in groups] == [
        ("kjj.hefei.gov.cn", ("x", "z"), "cn", "host:kjj.hefei.gov.cn", "poll:a@kjj.hefei.gov.cn"),
        ("www.hefei.gov.cn", ("y",), "default", "host:www.hefei.gov.cn", "poll:a@www.hefei.gov.cn")]
    assert eng.check_queues(["cn", "default", "cn"]) == ["cn", "default"]
    with pytest.raises(ConfigError, match="unknown queue eu"):
        eng.check_queues(["eu"])


def test_connection_keywords_come_from_the_archive_url() -> None:
    kw = eng.connection_kwargs("postgresql+psycopg://pw:s%40cret@db.internal:5433/archive?sslmode=require")
    assert kw == {"host": "db.internal", "port": 5433, "user": "pw", "password": "s@cret", "dbname": "archive",
                  "sslmode": "require"}
    assert eng.connection_kwargs("postgresql+psycopg://postgres@/t1?host=/tmp/pg&port=5432") == {
        "user": "postgres", "dbname": "t1", "host": "/tmp/pg", "port": "5432"}
    with pytest.raises(ConfigError, match="PostgreSQL"):
        eng.connection_kwargs("sqlite:///archive.sqlite3")


def test_engine_settings_are_checked(tmp_path: Path) -> None:
    env = {"POLICYWATCH_DATA_DIR": str(tmp_path)}
    assert load_settings(environ={**env, "POLICYWATCH_ENGINE": "procrastinate"}).engine.kind == "procrastinate"
    with pytest.raises(ConfigError, match="kind must be one of local, procrastinate"):
        load_settings(environ={**env, "POLICYWATCH_ENGINE": "celery"})
    cfg = tmp_path / "c.toml"
    cfg.write_text("[engine]\nstall_seconds = 10\nheartbeat_seconds = 6\n", "utf-8")
    with pytest.raises(ConfigError, match="at most half"):
        load_settings(cfg, environ=env)


def test_the_engine_refuses_a_sqlite_archive_with_a_clear_error(tmp_path: Path, capsys: Any) -> None:
    base = ["--data-dir", str(tmp_path)]
    assert main([*base, "worker"]) == 2
    assert "needs the archive on PostgreSQL" in capsys.readouterr().err
    assert main([*base, "run", "--engine", "procrastinate"]) == 2
    assert "needs the archive on PostgreSQL" in capsys.readouterr().err
    assert main([*base, "worker", "--queue", "eu"]) == 2
    assert "unknown queue eu" in capsys.readouterr().err


# -- against PostgreSQL ------------------------------------------------------------------------

@pytest.fixture
def pg_settings(pg_cluster: Any, tmp_path: Path) -> Iterator[Any]:
    url = pg_cluster.create_database(prefix="engine")
    settings = load_settings(environ={"POLICYWATCH_DATA_DIR": str(tmp_path), "POLICYWATCH_DATABASE_URL": url})
    yield settings
    pg_cluster.drop_database(url)


def _statuses(url: str) -> list[tuple[int, str, int]]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT id, status::text, attempts FROM procrastinate_jobs ORDER BY id")).all()
    engine.dispose()
    return [tuple(r) for r in rows]  # type: ignore[misc]


@pytest.mark.postgres
def test_schema_deferral_dedup_and_stalled_jobs(pg_settings: Any) -> None:
    group = eng.PollGroup("hefei", "kjj.hefei.gov.cn", ("tzgg",), "cn")

    async def scenario() -> dict[str, Any]:
        assert await eng.ensure_schema(pg_settings) is True
        assert await eng.ensure_schema(pg_settings) is False  # applied once, whoever starts first
        papp = eng.make_app(pg_settings)
        async with papp.open_async():
            jm = papp.job_manager
            out: dict[str, Any] = {"first": await eng.defer_poll(papp, group)}
            out["again"] = await eng.defer_poll(papp, group)  # still waiting: the index refuses it
            out["notify"] = [await eng.defer_notify(papp), await eng.defer_notify(papp)]
            worker = await jm.register_worker()
            job = await jm.fetch_job(["cn"], worker)
            out["fetched"] = (job.task_name, job.queue, job.lock, job.task_kwargs)
            out["live"] = await eng.retry_stalled(papp, 60)  # a live worker's job is left alone
            await papp.connector.execute_query_async(
                "UPDATE procrastinate_workers SET last_heartbeat = now() - interval '2 minutes'")
            out["requeued"] = await eng.retry_stalled(papp, 60)
            # Taken again, its worker dies, and meanwhile the next slot queued the same poll.
            worker2 = await jm.register_worker()
            again = await jm.fetch_job(["cn"], worker2)
            out["refetched"] = again.id
            out["next_slot"] = await eng.defer_poll(papp, group)
            await papp.connector.execute_query_async(
                "UPDATE procrastinate_workers SET last_heartbeat = now() - interval '2 minutes'")
            out["dropped"] = await eng.retry_stalled(papp, 60)
        return out

    out = asyncio.run(scenario())
    assert out["first"] is True and out["again"] is False and out["notify"] == [True, False]
    assert out["fetched"] == ("policywatch.poll", "cn", "host:kjj.hefei.gov.cn",
                              {"source": "hefei", "channels": ["tzgg"]})
    assert out["live"] == [] and out["requeued"] == [1] and out["refetched"] == 1
    assert out["next_slot"] is True and out["dropped"] == [1]
    # Job 1: requeued once, then dropped as failed (the next slot's job covers it); then the waiting
    # notify and the next slot's poll. (Refused deferrals use up ids: the sequence is not transactional.)
    statuses = _statuses(pg_settings.database_url)
    assert [(s, a) for _, s, a in statuses] == [("failed", 2), ("todo", 0), ("todo", 0)], statuses


@pytest.mark.postgres
def test_a_queue_nobody_serves_is_failing_in_status_and_alerts(pg_settings: Any) -> None:
    engine = open_database(pg_settings.database_url)
    factory = session_factory(engine)
    now = dt.datetime.now(dt.UTC)
    with factory() as session:
        assert queue_rows(session, now, 60) == []  # no engine tables yet: nothing to say

    async def defer() -> None:
        await eng.ensure_schema(pg_settings)
        papp = eng.make_app(pg_settings)
        async with papp.open_async():
            await eng.defer_poll(papp, eng.PollGroup("hefei", "kjj.hefei.gov.cn", ("tzgg",), "cn"))
            await eng.defer_poll(papp, eng.PollGroup("most", "www.most.gov.cn", ("tztg",), "default"))

    asyncio.run(defer())
    with factory.begin() as session:
        session.execute(sa.text("UPDATE procrastinate_events SET at = now() - interval '10 minutes' "
                                "WHERE job_id = 1"))
    with factory() as session:
        rows = {r["queue"]: r["unserved"] for r in queue_rows(session, now, 60)}
        status = queue_status(session, now, 60)
        views = queue_views(session, now, 60)
    assert rows == {"cn": True, "default": False}  # default's job has waited seconds only
    failing = [r for r in status if r["state"] == "failing"]
    assert [(r["channel"], r["reason_code"]) for r in failing] == [("queue-cn", "unserved")]
    assert "queue cn has no live worker" in failing[0]["reason"]
    assert sorted((v.channel, [f.rule for f in v.findings]) for v in views) == [
        ("queue-cn", ["unserved"]), ("queue-default", [])]
    # A worker takes a cn job: the queue is served again (the incident resolves).
    with factory.begin() as session:
        session.execute(sa.text("INSERT INTO procrastinate_events (job_id, type, at) VALUES (1, 'started', now())"))
    with factory() as session:
        assert {r["queue"]: r["unserved"] for r in queue_rows(session, now, 60)} == {"cn": False, "default": False}
    engine.dispose()
