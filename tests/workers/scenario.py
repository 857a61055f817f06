"""The kill scenario shared by the CI test and the slow soak: three workers, two queues, SIGKILLs.

A scheduler (``run --engine procrastinate``) and three workers (``default``; ``cn``; ``default`` +
``cn``) run as processes against a private PostgreSQL archive and a local mirror whose channels get
new notices while they run. ``kills`` times, a worker is SIGKILLed while it runs a poll (the job is
``doing`` and the worker's log names the job), then restarted as a fresh process. After the kills
the notices stop coming and the fleet must settle. Then:

* no lost notice: every URL ever published is archived, each exactly once (no duplicate notice);
* no duplicate digest: every ledger row is sent and every digest reached the SMTP server once;
* every killed poll ran again, on a live worker, within the stall timeout (+ check interval);
* every channel was polled at least every poll interval + stall timeout + the scheduler's check
  interval, plus ``POLL_ALLOWANCE`` (the killed poll's own time, the pick-up by a worker) and
  ``SLACK`` for a loaded CI box.
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
# A killed poll had run for a while before the kill, and a job waits for a free worker slot (a worker
# that was just restarted takes ~2 s to start): on top of interval + stall timeout + check interval.
POLL_ALLOWANCE = 3.0
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


def _rerun(engine: sa.Engine, source: str, after: float, deadline: float) -> None:
    while time.monotonic() < deadline:
        with engine.connect() as conn:
            if conn.execute(sa.text("SELECT COUNT(*) FROM crawl_run WHERE source = :s AND started_at > :t"),
                            {"s": source, "t": dt.datetime.fromtimestamp(after, dt.UTC)}).scalar_one():
                return
        time.sleep(0.2)


def _settled(engine: sa.Engine, site: Site, smtp: SmtpSink) -> bool:
    with engine.connect() as conn:
        urls = {u for (u,) in conn.execute(sa.text("SELECT url FROM notice"))}
        pending = conn.execute(sa.text("SELECT COUNT(*) FROM delivery WHERE status != 'sent'")).scalar_one()
        sent = {d for (d,) in conn.execute(sa.text("SELECT DISTINCT digest_id FROM delivery"))}
    received = {r.digest_id for r in smtp.mailbox.received}
    return urls >= set(site.published) and pending == 0 and sent <= received


def run(pg: Any, work: Path, *, hosts: int, kills: int, seed: int, poll_seconds: float = 6.0,
        stall_seconds: float = 5.0) -> Outcome:
    rng = random.Random(seed)
    outcome = Outcome()
    url = pg.create_database(prefix="fleet")
    idle = _quiet_builtins(url)
    site = Site(work / "mirror", hosts=hosts)
    site.build()
    (work / "sources.toml").write_text(site.sources_toml(), "utf-8")
    ours = list(site.source_ids())
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
                killed_at = time.time()
                outcome.kills.append((killed_at, job, source))
                time.sleep(rng.uniform(0.2, 1.0))
                fleet.restart(name)
                # The next kill waits for this one's poll to have run again: a kill of the rerun itself
                # would only measure two stall timeouts in a row.
                _rerun(engine, source, killed_at, time.monotonic() + 60)
                time.sleep(rng.uniform(0.2, 2.0))
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
    bound = poll_seconds + stall_seconds + 1.0 + POLL_ALLOWANCE + SLACK
    _audit(engine, site, received, outcome, bound, stall_seconds, logs)
    gaps = host_gaps(requests.snapshot())
    outcome.min_host_gap = min(g for gs in gaps.values() for g in gs)
    engine.dispose()
    pg.drop_database(url)
    return outcome


def _audit(engine: sa.Engine, site: Site, received: Counter[str], outcome: Outcome, max_gap: float,
           stall_seconds: float, logs: str) -> None:
    ours = list(site.source_ids())
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
    assert len(per_channel) == site.hosts * site.channels
    end = outcome.stopped_at
    for key, times in per_channel.items():
        gaps = [b - a for a, b in zip(times, [*times[1:], end], strict=True)]
        outcome.max_poll_gap = max(outcome.max_poll_gap, *gaps)
        assert max(gaps) <= max_gap, (key, gaps)
    # Each channel's polls ran on the queue its egress needs.
    cn = {sid for sid, i in site.source_ids().items() if site.needs_egress(i)}
    assert {r.queue for r in runs if r.source in cn} == {"cn"}
    assert {r.queue for r in runs if r.source not in cn} == {"default"}


# -- throughput and per-host politeness --------------------------------------------------------

@dataclass
class Throughput:
    hosts: int
    channels: int
    jobs_per_cycle: int
    workers: int
    concurrency: int
    delay: float
    seconds: float = 0.0  # until every channel was polled ``cycles`` times
    polls: int = 0  # crawl_run rows
    requests: int = 0  # page requests the mirror saw (robots.txt excluded)
    min_gap: float = 0.0  # smallest gap between two requests to one host, over all hosts
    median_gap: float = 0.0
    below_floor: int = 0  # gaps under Scrapy's jitter floor (0.5 x delay)
    overlaps: int = 0  # two polls of one host running at the same time (from crawl_run)
    per_worker: dict[str, int] = field(default_factory=dict)


def _overlaps(rows: list[Any], host_of: dict[str, int]) -> int:
    """Poll jobs of one host whose [start, finish] intervals intersect (a job = a source's rows of one start)."""
    jobs: dict[tuple[str, Any], tuple[float, float]] = {}
    for source, started, finished in rows:
        jobs[(source, started)] = (started.timestamp(), finished.timestamp())
    per_host: dict[int, list[tuple[float, float]]] = {}
    for (source, _), span in jobs.items():
        per_host.setdefault(host_of[source], []).append(span)
    count = 0
    for spans in per_host.values():
        spans.sort()
        end = float("-inf")
        for start, finish in spans:
            count += start < end
            end = max(end, finish)
    return count


def throughput(pg: Any, work: Path, *, hosts: int, channels: int, sources_per_host: int, workers: int,
               concurrency: int, delay: float, poll_seconds: float, cycles: int = 2,
               limit: float = 600.0) -> Throughput:
    """Every channel polled ``cycles`` times by ``workers`` worker processes; politeness from the mirror's log."""
    import statistics

    url = pg.create_database(prefix="bench")
    idle = _quiet_builtins(url)
    site = Site(work / "mirror", hosts=hosts, channels=channels, details=2, sources_per_host=sources_per_host)
    site.build()
    (work / "sources.toml").write_text(site.sources_toml(), "utf-8")
    host_of = site.source_ids()
    server, requests = mirror_with_log(work / "mirror")
    engine = sa.create_engine(url)
    out = Throughput(hosts, hosts * channels, hosts * sources_per_host, workers, concurrency, delay)
    with server:
        cfg = Config(url, work, work / "sources.toml", poll_seconds=poll_seconds, download_delay=delay,
                     stall_seconds=30, heartbeat_seconds=5, stall_check_seconds=5, notify_seconds=30)
        config = cfg.write(list(host_of), idle=idle)
        assert asyncio.run(ensure_schema(load_settings(config))) is True
        fleet = Fleet(config, work, server.url)
        started = time.monotonic()
        try:
            fleet.start_scheduler()
            for n in range(1, workers + 1):
                queues = {1: ["default"], 2: ["cn"]}.get(n, ["default", "cn"])
                fleet.start_worker(f"w{n}", queues, concurrency)
            deadline = started + limit
            while time.monotonic() < deadline:
                with engine.connect() as conn:
                    done = conn.execute(sa.text(
                        "SELECT COUNT(*) FROM (SELECT source, channel FROM crawl_run WHERE source = ANY(:s) "
                        "GROUP BY source, channel HAVING COUNT(*) >= :n) t"), {"s": list(host_of), "n": cycles}
                    ).scalar_one()
                if done == out.channels:
                    break
                time.sleep(0.5)
            out.seconds = time.monotonic() - started
        finally:
            codes = fleet.stop()
        assert out.seconds < limit, "not every channel was polled in time:\n" + fleet.logs()
        assert all(code == 0 for code in codes.values()), (codes, fleet.logs())
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT source, started_at, finished_at, worker, status FROM crawl_run "
                                    "WHERE source = ANY(:s)"), {"s": list(host_of)}).all()
    engine.dispose()
    pg.drop_database(url)
    assert {r.status for r in rows} == {"ok"}, Counter(r.status for r in rows)
    out.polls = len(rows)
    out.per_worker = dict(Counter(r.worker for r in rows))
    out.overlaps = _overlaps([(r.source, r.started_at, r.finished_at) for r in rows], host_of)
    gaps = [g for gs in host_gaps(requests.snapshot()).values() for g in gs]
    out.requests = len(gaps) + hosts
    out.min_gap, out.median_gap = min(gaps), statistics.median(gaps)
    out.below_floor = sum(g < 0.5 * delay for g in gaps)
    return out
