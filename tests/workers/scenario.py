"""The kill scenario shared by the CI test and the slow soak: three workers, two queues, SIGKILLs.

A scheduler (``run --engine procrastinate``) and three workers (``default``; ``cn``; ``default`` +
``cn``) run as processes against a private PostgreSQL archive and a local mirror whose channels get
new notices while they run. ``kills`` times, a worker is SIGKILLed while it runs a poll (the job is
``doing`` and the worker's log names the job), then restarted as a fresh process. After the kills
the notices stop coming and the fleet must settle. Then:

* no lost notice: every URL ever published is archived, each exactly once (no duplicate notice);
* no duplicate digest: every ledger row is sent and every digest reached the SMTP server once;
* every killed poll ran again, on a live worker, within the stall timeout (+ check interval);
* every channel was polled at least every poll interval + stall timeout (+ slack for a loaded CI box).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from crawler.sources import builtin_sources
from crawler.user_sources import load_sources_file
from notifier.admin import subscribe
from policywatch.app import App
from policywatch.config import load_settings
from policywatch.engine import ensure_schema
from store.db import open_database
from tests.crash.harness import SmtpSink
from tests.workers.harness import Config, Fleet, Site, host_gaps, mirror_with_log

__all__ = ["Outcome", "run"]
SLACK = 6.0  # seconds: a loaded 2-core machine runs 5 processes and PostgreSQL here
IDLE = 10_000_000  # poll_seconds for the built-in sources: the mirror serves only the made-up hosts


@dataclass
class Outcome:
    kills: list[tuple[float, int, str]] = field(default_factory=list)  # (time, job id, source)
    recoveries: list[float] = field(default_factory=list)  # seconds from a kill to the poll's rerun
    max_poll_gap: float = 0.0
    min_host_gap: float = 0.0
    seconds: float = 0.0
    stopped_at: float = 0.0
    digests: int = 0
    notices: int = 0


def _quiet_builtins(url: str) -> list[str]:
    """The built-in sources look polled just now, so the catch-up at start leaves them alone."""
    ids = [s.id for s in builtin_sources()]
    engine = open_database(url)
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO crawl_run (source, channel, started_at, finished_at, status, pages, "
                             "items_seen, new, changed, unchanged, details_fetched, error_count, errors, "
                             "http_codes) VALUES (:s, '-', :t, :t, 'ok', 0, 0, 0, 0, 0, 0, 0, '[]', '{}')"),
                     [{"s": sid, "t": now} for sid in ids])
    engine.dispose()
    return ids


def _subscribe(config: Path, data: Path, sources_file: Path) -> None:
    app = App.open(load_settings(config, environ={"POLICYWATCH_DATA_DIR": str(data)}),
                   load_sources_file(sources_file))
    try:
        subscribe(app, argparse.Namespace(
            email="ops@example.org", wecom_key=None, serverchan_key=None, pushplus_token=None, webhook=None,
            outbox=False, city=[], source=[], topic=[], event=[], keyword=[], min_amount=None,
            schedule="immediate", name=None, backlog_days=7))
    finally:
        app.engine.dispose()


def _doing_polls(engine: sa.Engine) -> list[tuple[int, float]]:
    with engine.connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT j.id, EXTRACT(EPOCH FROM now() - MAX(e.at)) FROM procrastinate_jobs j "
            "JOIN procrastinate_events e ON e.job_id = j.id AND e.type = 'started' "
            "WHERE j.status = 'doing' AND j.task_name = 'policywatch.poll' GROUP BY j.id")).all()
    return [(int(i), float(age)) for i, age in rows]


def _kill_one(fleet: Fleet, engine: sa.Engine, rng: random.Random, deadline: float) -> tuple[int, str] | None:
    """SIGKILL a worker that is in the middle of a poll; (job id, worker name)."""
    while time.monotonic() < deadline:
        pids = fleet.job_pids()
        candidates = [(job, pids[job]) for job, age in _doing_polls(engine) if age >= 0.3 and job in pids]
        rng.shuffle(candidates)
        for job, pid in candidates:
            proc = fleet.proc_of(pid)
            if proc is not None:
                proc.kill()
                return job, proc.name
        time.sleep(0.1)
    return None


def _settled(engine: sa.Engine, site: Site, smtp: SmtpSink) -> bool:
    with engine.connect() as conn:
        urls = {u for (u,) in conn.execute(sa.text("SELECT url FROM notice"))}
        pending = conn.execute(sa.text("SELECT COUNT(*) FROM delivery WHERE status != 'sent'")).scalar_one()
        sent = {d for (d,) in conn.execute(sa.text("SELECT DISTINCT digest_id FROM delivery"))}
    received = {r.digest_id for r in smtp.mailbox.received}
    return urls >= set(site.published) and pending == 0 and sent <= received


def run(pg: Any, work: Path, *, hosts: int, kills: int, seed: int, poll_seconds: float = 6.0,
        stall_seconds: float = 4.0) -> Outcome:
    rng = random.Random(seed)
    outcome = Outcome()
    url = pg.create_database(prefix="fleet")
    idle = _quiet_builtins(url)
    site = Site(work / "mirror", hosts=hosts)
    site.build()
    (work / "sources.toml").write_text(site.sources_toml(), "utf-8")
    ours = [f"s{i:02d}" for i in range(hosts)]
    server, requests = mirror_with_log(work / "mirror")
    engine = sa.create_engine(url)
    started = time.monotonic()
    with SmtpSink() as smtp, server:
        cfg = Config(url, work, work / "sources.toml", poll_seconds=poll_seconds, stall_seconds=stall_seconds)
        config = cfg.write(ours, idle=idle, smtp_port=smtp.port)
        _subscribe(config, work / "admin", work / "sources.toml")
        # As the first scheduler or worker would; done here so the test can watch the jobs at once.
        assert asyncio.run(ensure_schema(load_settings(config))) is True
        fleet = Fleet(config, work, server.url)
        stop = threading.Event()

        def publisher() -> None:
            while not stop.wait(rng.uniform(0.3, 1.0)):
                site.publish(rng.randrange(hosts), rng.randrange(site.channels))

        feeder = threading.Thread(target=publisher, daemon=True)
        try:
            fleet.start_scheduler()
            fleet.start_worker("w1", ["default"])
            fleet.start_worker("w2", ["cn"])
            fleet.start_worker("w3", ["default", "cn"])
            feeder.start()
            for _ in range(kills):
                killed = _kill_one(fleet, engine, rng, time.monotonic() + 60)
                assert killed is not None, "no poll to kill within 60 s:\n" + fleet.logs()
                job, name = killed
                with engine.connect() as conn:
                    source = conn.execute(sa.text("SELECT args->>'source' FROM procrastinate_jobs WHERE id = :i"),
                                          {"i": job}).scalar_one()
                outcome.kills.append((time.time(), job, source))
                time.sleep(rng.uniform(0.2, 1.0))
                fleet.restart(name)
                time.sleep(rng.uniform(0.5, 2.5))
            stop.set()
            feeder.join()
            deadline = time.monotonic() + 90
            while not _settled(engine, site, smtp) and time.monotonic() < deadline:
                time.sleep(0.5)
            # One more poll interval with every worker alive: a poll interval + stall timeout must hold at the end too.
            time.sleep(poll_seconds + 1)
        finally:
            stop.set()
            outcome.stopped_at = time.time()
            codes = fleet.stop()
        logs = fleet.logs()
        outcome.seconds = time.monotonic() - started
        assert _settled(engine, site, smtp), "the fleet did not settle:\n" + logs
        assert all(code == 0 for code in codes.values()), (codes, logs)
        received = Counter(r.digest_id for r in smtp.mailbox.received)
    _audit(engine, site, received, outcome, ours, poll_seconds + stall_seconds + 1.0 + SLACK, stall_seconds, logs)
    gaps = host_gaps(requests.snapshot())
    outcome.min_host_gap = min(g for gs in gaps.values() for g in gs)
    engine.dispose()
    pg.drop_database(url)
    return outcome


def _audit(engine: sa.Engine, site: Site, received: Counter[str], outcome: Outcome, ours: list[str],
           max_gap: float, stall_seconds: float, logs: str) -> None:
    with engine.connect() as conn:
        urls = [u for (u,) in conn.execute(sa.text("SELECT url FROM notice"))]
        statuses = Counter(s for (s,) in conn.execute(sa.text("SELECT status FROM delivery")))
        sent = {d for (d,) in conn.execute(sa.text("SELECT DISTINCT digest_id FROM delivery"))}
        runs = conn.execute(sa.text("SELECT source, channel, started_at, status, worker, queue FROM crawl_run "
                                    "WHERE source = ANY(:s) ORDER BY started_at"), {"s": ours}).all()
        jobs = {int(i): (st, int(a)) for i, st, a in conn.execute(sa.text(
            "SELECT id, status::text, attempts FROM procrastinate_jobs WHERE task_name = 'policywatch.poll'"))}
    outcome.notices, outcome.digests = len(urls), len(sent)
    # No lost notice, no duplicate notice.
    assert sorted(urls) == sorted(set(site.published)), (len(urls), len(set(site.published)))
    # No duplicate digest: the ledger's rows are all sent and each digest reached the relay once.
    assert set(statuses) == {"sent"}, statuses
    assert set(received) == sent and max(received.values()) == 1, received.most_common(3)
    # Every killed poll was taken up again: requeued (attempts >= 1) and finished, or dropped because
    # the same poll was already waiting (then that one ran), within the stall timeout.
    for killed_at, job, source in outcome.kills:
        status, attempts = jobs[job]
        assert status in {"succeeded", "failed"}, (job, status, logs)
        assert status == "failed" or attempts >= 1, (job, status, attempts)
        after = [r.started_at.timestamp() for r in runs if r.source == source and r.started_at.timestamp() > killed_at]
        assert after, (source, logs)
        outcome.recoveries.append(after[0] - killed_at)
    assert max(outcome.recoveries) <= stall_seconds + 1.0 + SLACK, outcome.recoveries
    # Every channel polled on schedule: within one interval + the stall timeout, from the first poll
    # to the end, whatever was killed in between.
    per_channel: dict[tuple[str, str], list[float]] = {}
    for r in runs:
        per_channel.setdefault((r.source, r.channel), []).append(r.started_at.timestamp())
        assert r.status == "ok" and r.worker and r.queue, r
    assert len(per_channel) == len(ours) * site.channels
    end = outcome.stopped_at
    for key, times in per_channel.items():
        gaps = [b - a for a, b in zip(times, [*times[1:], end], strict=True)]
        outcome.max_poll_gap = max(outcome.max_poll_gap, *gaps)
        assert max(gaps) <= max_gap, (key, gaps)
    # Each channel's polls ran on the queue its egress needs.
    cn = {f"s{i:02d}" for i in range(site.hosts) if site.needs_egress(i)}
    assert {r.queue for r in runs if r.source in cn} == {"cn"}
    assert {r.queue for r in runs if r.source not in cn} == {"default"}
