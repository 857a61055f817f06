"""Crawl workers on several machines, one PostgreSQL archive: the procrastinate wiring (issue 21).

``[engine] kind = "procrastinate"`` (or ``policywatch run --engine procrastinate``) turns the daemon
into a scheduler: on every slot of a source it *defers* poll jobs into the archive's database, and
``policywatch worker`` processes, on any machine that reaches the database, run them. Nothing here
is a queue of our own: jobs, locks, heartbeats and queues are procrastinate's (PostgreSQL only).

* **Jobs.** One poll job per (source, host): the source's channels on one host are crawled together,
  as the local daemon crawls a source. It goes to the queue of the host (``crawler.registry``
  ``QUEUES``: ``cn`` when a channel on the host ``needs_egress``, else ``default``); a whole host
  is on one queue, since procrastinate runs a lock's jobs in order and a job waiting on a queue
  nobody serves would hold back the host's other jobs. Notify jobs go to ``default``.
* **One poll per host at a time, across all workers.** The job's ``lock`` is the host: while one
  worker polls it, no other worker starts a job of that host. That gives "at most one poll per
  channel" too, and it keeps per-host politeness across workers: the job also holds the lock for
  the host's download delay after its last request, so the next worker's first request is at
  least one delay after the previous worker's last one.
* **Deduplication by the database.** The ``queueing_lock`` of a poll job is its (source, host):
  while one is waiting, a slot (or a second scheduler) that defers it again is refused by
  procrastinate's unique index, so a queue without a worker collects one job per host, not a pile.
  Notify is one job at a time (lock) and at most one waiting (queueing lock); a finished poll defers
  one at once, so news goes out within one poll, as with the local daemon.
* **Dead workers.** Workers send a heartbeat every ``[engine] heartbeat_seconds``. Every
  ``stall_check_seconds`` the scheduler asks procrastinate for the running jobs of workers silent for
  ``stall_seconds`` (``JobManager.get_stalled_jobs``) and puts them back in their queue
  (``retry_job``); if the same poll is already waiting there, the stalled copy is marked failed
  instead. Notices a killed poll had stored stay (one transaction each); the retry finds them known.
* **Schema.** procrastinate's own schema, applied by the first scheduler or worker that finds it
  missing (``ensure_schema``, under an advisory lock), not by our Alembic migrations: the engine is
  an optional extra and a SQLite install never sees it. Alembic ignores its tables.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from crawler.politeness import channel_delay, slot_key
from crawler.registry import DEFAULT_QUEUE, EGRESS_QUEUE, QUEUES, SourceSpec
from policywatch.config import Settings
from policywatch.errors import ConfigError

log = logging.getLogger("policywatch.engine")
POLL_TASK = "policywatch.poll"
NOTIFY_TASK = "policywatch.notify"
NOTIFY_LOCK = "notify"
SCHEMA_LOCK = 0x70770002  # advisory lock key while procrastinate's schema is applied
NOTIFY_QUEUE = DEFAULT_QUEUE
JOB_HISTORY_HOURS = 7 * 24  # finished jobs older than this are deleted by the scheduler
PRUNE_EVERY = 3600.0  # seconds between those deletions


def require_procrastinate() -> Any:
    try:
        import procrastinate
    except ImportError:
        raise ConfigError("the procrastinate engine needs the workers extra: "
                          "pip install 'policywatch[workers]'") from None
    return procrastinate


# -- what a job is -----------------------------------------------------------------------------

@dataclass(frozen=True)
class PollGroup:
    """One poll job: a source's channels on one host."""

    source: str
    host: str
    channels: tuple[str, ...]
    queue: str

    @property
    def lock(self) -> str:
        return f"host:{self.host}"

    @property
    def queueing_lock(self) -> str:
        return f"poll:{self.source}@{self.host}"


def host_queues(sources: Iterable[SourceSpec]) -> dict[str, str]:
    """The queue of every host: ``cn`` when any channel on it (in any source) needs a mainland egress."""
    out: dict[str, str] = {}
    for src in sources:
        for ch in src.channels:
            host = slot_key(ch.url)
            if out.get(host) != EGRESS_QUEUE:
                out[host] = ch.queue
    return out


def poll_groups(source: SourceSpec, queues: dict[str, str]) -> list[PollGroup]:
    by_host: dict[str, list[str]] = {}
    for ch in source.channels:
        by_host.setdefault(slot_key(ch.url), []).append(ch.id)
    return [PollGroup(source.id, host, tuple(ids), queues.get(host, DEFAULT_QUEUE)) for host, ids in by_host.items()]


def check_queues(queues: Sequence[str]) -> list[str]:
    unknown = [q for q in queues if q not in QUEUES]
    if unknown:
        raise ConfigError(f"unknown queue {', '.join(unknown)}; queues: {', '.join(QUEUES)}")
    return list(dict.fromkeys(queues))


# -- the procrastinate app ---------------------------------------------------------------------

def connection_kwargs(database_url: str) -> dict[str, Any]:
    """libpq keywords for the archive's SQLAlchemy URL (procrastinate talks to psycopg directly)."""
    from sqlalchemy.engine import make_url

    url = make_url(database_url)
    if url.get_backend_name() != "postgresql":
        raise ConfigError("[engine] kind procrastinate needs the archive on PostgreSQL ([database] url "
                          "postgresql+psycopg://...); a SQLite archive runs with the local engine")
    kwargs: dict[str, Any] = {k: v for k, v in {"host": url.host, "port": url.port, "user": url.username,
                                                "password": url.password, "dbname": url.database}.items() if v}
    for key, value in url.query.items():
        kwargs[key] = value if isinstance(value, str) else value[-1]
    return kwargs


def make_app(settings: Settings, *, pool_size: int = 4) -> Any:
    procrastinate = require_procrastinate()
    kwargs = connection_kwargs(settings.database_url)
    kwargs.setdefault("application_name", f"policywatch {socket.gethostname()} {os.getpid()}")
    connector = procrastinate.PsycopgConnector(kwargs=kwargs, min_size=1, max_size=pool_size)
    return procrastinate.App(connector=connector)


async def ensure_schema(settings: Settings) -> bool:
    """Apply procrastinate's schema once; True when this call applied it."""
    import psycopg

    require_procrastinate()
    from procrastinate.schema import SchemaManager

    conn = await psycopg.AsyncConnection.connect(**connection_kwargs(settings.database_url))
    async with conn, conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock(%s)", [SCHEMA_LOCK])
        cur = await conn.execute("SELECT to_regclass('procrastinate_jobs') IS NOT NULL")
        row = await cur.fetchone()
        if row and row[0]:
            return False
        await conn.execute(SchemaManager.get_schema())
    log.info("applied procrastinate's job schema to the archive")
    return True


async def defer_poll(papp: Any, group: PollGroup) -> bool:
    """Queue one poll; False when the same poll is already waiting (the database refused a second)."""
    procrastinate = require_procrastinate()
    deferrer = papp.configure_task(POLL_TASK, queue=group.queue, lock=group.lock,
                                   queueing_lock=group.queueing_lock)
    try:
        await deferrer.defer_async(source=group.source, channels=list(group.channels))
    except procrastinate.exceptions.AlreadyEnqueued:
        return False
    return True


async def defer_notify(papp: Any) -> bool:
    procrastinate = require_procrastinate()
    deferrer = papp.configure_task(NOTIFY_TASK, queue=NOTIFY_QUEUE, lock=NOTIFY_LOCK, queueing_lock=NOTIFY_LOCK)
    try:
        await deferrer.defer_async()
    except procrastinate.exceptions.AlreadyEnqueued:
        return False
    return True


async def retry_stalled(papp: Any, stall_seconds: float) -> list[int]:
    """Put the running jobs of dead workers back in their queue; the ids of the jobs handled."""
    procrastinate = require_procrastinate()
    manager = papp.job_manager
    handled = []
    for job in await manager.get_stalled_jobs(seconds_since_heartbeat=stall_seconds):
        try:
            await manager.retry_job(job)
            log.warning("job %s (%s %s) of a dead worker requeued on %s", job.id, job.task_name,
                        job.task_kwargs, job.queue)
        except procrastinate.exceptions.UniqueViolation:
            # The same poll (or notify) is already waiting: that one will run; this copy is done.
            await manager.finish_job_by_id_async(job.id, procrastinate.jobs.Status.FAILED, delete_job=False)
            log.warning("job %s (%s) of a dead worker dropped: the same job is already queued", job.id,
                        job.task_name)
        handled.append(int(job.id))
    await manager.prune_stalled_workers(stall_seconds)
    return handled


# -- the worker --------------------------------------------------------------------------------

class Worker:
    """The tasks a ``policywatch worker`` process runs, bound to its App."""

    def __init__(self, app: Any, papp: Any, name: str, mirror: str | None = None) -> None:
        from scheduler import Daemon

        self.app = app
        self.papp = papp
        self.name = name
        self.mirror = mirror
        self.notifier = Daemon(app, mirror)  # only its notify cycle: digests, retries, ops alerts
        papp.task(name=POLL_TASK, pass_context=True)(self.poll)
        papp.task(name=NOTIFY_TASK, pass_context=True)(self.notify)

    def _group(self, source_id: str, channels: Sequence[str]) -> SourceSpec:
        by_id = {s.id: s for s in self.app.sources}
        if source_id not in by_id:
            raise ConfigError(f"job for unknown source {source_id!r}: this worker's sources differ from the "
                              "scheduler's (same sources_file on every machine)")
        src = by_id[source_id]
        chosen = tuple(ch for ch in src.channels if ch.id in set(channels))
        if len(chosen) != len(set(channels)):
            raise ConfigError(f"job for unknown channels of {source_id}: {sorted(channels)}")
        return replace(src, channels=chosen)

    def host_delay(self, source: SourceSpec) -> float:
        settings = self.app.settings
        overrides = settings.sources.get(source.id, {})
        return max((channel_delay(source, ch, overrides, settings.crawl.download_delay) for ch in source.channels),
                   default=settings.crawl.download_delay)

    async def poll(self, context: Any, source: str, channels: list[str]) -> None:
        from crawler.runner import crawl
        from scheduler import log_poll

        job = context.job
        group = self._group(source, channels)
        log.info("job %s: polling %s %s on worker %s (procrastinate worker %s, pid %d, queue %s, attempt %d)",
                 job.id, source, ",".join(channels), self.name, job.worker_id, os.getpid(), job.queue,
                 job.attempts + 1)
        report = await crawl([group], self.app.settings, self.app.factory, mirror=self.mirror,
                             clock=self.app.clock, polite=True, ran_by=(self.name, job.queue),
                             extra_settings={"EXTENSIONS": {"scheduler.CrawlTracker": 0}})
        log_poll(source, report)
        await defer_notify(self.papp)  # news and broken channels reported now, not at the next tick
        # The host stays locked one download delay past the last request: the next poll of this host,
        # on whichever worker, starts no sooner than the site's own pace allows.
        await asyncio.sleep(self.host_delay(group))

    async def notify(self, context: Any) -> None:
        await asyncio.to_thread(self.notifier.notify_cycle)


def default_worker_name() -> str:
    return f"{socket.gethostname()}-{os.getpid()}"


def run_worker(settings: Settings, extra_sources: tuple[Any, ...], queues: Sequence[str], concurrency: int,
               name: str | None = None, mirror: str | None = None) -> int:
    """``policywatch worker``: run poll (and, on ``default``, notify) jobs until SIGTERM/SIGINT."""
    from crawler import reactor
    from policywatch.app import App
    from scheduler import register_log_secrets, subscription_secrets

    chosen = check_queues(queues or [DEFAULT_QUEUE])
    if concurrency < 1:
        raise ConfigError("--concurrency must be at least 1")
    papp = make_app(settings, pool_size=concurrency + 3)
    app = App.open(settings, extra_sources)
    register_log_secrets(subscription_secrets(app.factory))
    worker = Worker(app, papp, name or default_worker_name(), mirror)
    eng = settings.engine

    async def run() -> int:
        await ensure_schema(settings)
        async with papp.open_async():
            log.info("worker %s on queue(s) %s, concurrency %d", worker.name, ", ".join(chosen), concurrency)
            await papp.run_worker_async(queues=chosen, concurrency=concurrency, name=worker.name,
                                        update_heartbeat_interval=eng.heartbeat_seconds,
                                        stalled_worker_timeout=eng.stall_seconds,
                                        fetch_job_polling_interval=min(5.0, eng.heartbeat_seconds),
                                        install_signal_handlers=True)
        return 0

    try:
        return reactor.run(run)
    finally:
        app.engine.dispose()


# -- the scheduler -----------------------------------------------------------------------------

def _deferrer_class() -> Any:
    from scheduler import Daemon

    class Deferrer(Daemon):
        """The daemon's schedule (slots, catch-up, shutdown), deferring jobs instead of running them."""

        stagger = 0.0  # deferring costs nothing here; the workers' concurrency paces the crawls

        def __init__(self, app: Any, papp: Any) -> None:
            super().__init__(app, None)
            self.papp = papp
            self.queues = host_queues(app.sources)
            self.pruned_at = 0.0

        async def poll(self, source: Any) -> bool:
            if self.stopping.is_set():
                return True
            deferred = [g for g in poll_groups(source, self.queues) if await defer_poll(self.papp, g)]
            log.info("deferred %d poll job(s) of %s (%s)", len(deferred), source.id,
                     ", ".join(f"{g.host}->{g.queue}" for g in deferred) or "all still queued")
            return True

        async def notify(self) -> None:
            if not self.stopping.is_set():
                await defer_notify(self.papp)
                await asyncio.to_thread(self.alert_if_unserved)

        def alert_if_unserved(self) -> None:
            """Notify jobs (and so the ops alerts) run on ``default``: with no worker there, nobody
            would mail the alert that says so. The scheduler then evaluates and sends the alerts itself."""
            from notifier.alerts import run_alerts
            from store.queues import queue_rows, unserved_after

            try:
                with self.app.factory() as session:
                    rows = queue_rows(session, self.app.clock(), unserved_after(self.app.settings.engine.stall_seconds))
                if any(r["queue"] == NOTIFY_QUEUE and r["unserved"] for r in rows):
                    run_alerts(self.app)
            except Exception:
                log.exception("alert evaluation crashed")

        async def recover(self) -> None:
            if self.stopping.is_set():
                return
            try:
                await retry_stalled(self.papp, self.app.settings.engine.stall_seconds)
                if time.monotonic() - self.pruned_at > PRUNE_EVERY:
                    # Finished jobs are history procrastinate keeps forever; the archive keeps crawl_run.
                    await self.papp.job_manager.delete_old_jobs(nb_hours=JOB_HISTORY_HOURS, include_failed=True,
                                                                include_cancelled=True)
                    self.pruned_at = time.monotonic()
            except Exception:
                log.exception("stalled-job recovery failed")

        def schedule(self, scheduler: Any) -> None:
            from apscheduler.triggers.interval import IntervalTrigger

            super().schedule(scheduler)
            every = self.app.settings.engine.stall_check_seconds
            scheduler.add_job(self.recover, IntervalTrigger(seconds=every), id="stalled", max_instances=1,
                              coalesce=True, name="retry the jobs of dead workers")

    return Deferrer


def run_scheduler(settings: Settings, extra_sources: tuple[Any, ...] = ()) -> int:
    """``policywatch run --engine procrastinate``: schedule and defer; workers do the polling."""
    import signal

    from crawler import reactor
    from policywatch.app import App
    from scheduler import InstanceLock, poll_trigger, register_log_secrets, subscription_secrets

    papp = make_app(settings)
    lock = InstanceLock(settings.data_path / "policywatch.lock")
    lock.acquire()
    try:
        app = App.open(settings, extra_sources)
        for src in app.sources:
            poll_trigger(settings, src.id)
        app.ensure_default_outbox()
        register_log_secrets(subscription_secrets(app.factory))
        daemon = _deferrer_class()(app, papp)

        async def run() -> int:
            await ensure_schema(settings)
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGINT):
                loop.add_signal_handler(sig, daemon.stopping.set)
            async with papp.open_async():
                return int(await daemon.forever())

        return reactor.run(run)
    finally:
        lock.release()
