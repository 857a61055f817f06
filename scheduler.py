"""The daemon: ``policywatch run``.

One process on Twisted's asyncio reactor (stack.md §2, option a2): an APScheduler 3
``AsyncIOScheduler`` runs one coroutine job per source (interval with jitter, ``max_instances=1``,
``coalesce``, misfire grace so a slot missed while down runs once after restart) and a notify job
that plans and sends due digests and retries failed deliveries. SIGTERM/SIGINT stop the scheduler,
let the running crawls finish writing, then exit 0. A lock file refuses a second daemon on the same
data directory.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import fcntl
import logging
import os
import signal
from pathlib import Path
from typing import IO, Any

from config import Settings
from errors import ConfigError

log = logging.getLogger("policywatch.scheduler")
DEFAULT_POLL_MINUTES = 30.0
NOTIFY_SECONDS = 60.0


class InstanceLock:
    """An advisory lock on ``<data_dir>/policywatch.lock``, released by the OS if we die."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.handle: IO[str] | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+")  # noqa: SIM115 - held open for the daemon's lifetime
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise ConfigError(f"another policywatch daemon (pid {holder}) is already running on "
                              f"{self.path.parent}; refusing to start a second one") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self.handle = handle

    def release(self) -> None:
        if self.handle:
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            self.handle.close()
            self.handle = None


def poll_minutes(settings: Settings, source_id: str) -> float:
    value = settings.sources.get(source_id, {}).get("poll_minutes", DEFAULT_POLL_MINUTES)
    try:
        minutes = float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"[sources.{source_id}] poll_minutes must be a number") from None
    if minutes <= 0:
        raise ConfigError(f"[sources.{source_id}] poll_minutes must be positive")
    return minutes


class Daemon:
    def __init__(self, app: Any, mirror: str | None) -> None:
        self.app = app
        self.mirror = mirror
        self.stopping = asyncio.Event()
        self.busy = 0

    async def poll(self, source: Any) -> None:
        from crawler.runner import crawl

        if self.stopping.is_set():
            return
        self.busy += 1
        try:
            report = await crawl([source], self.app.settings, self.app.factory, mirror=self.mirror,
                                 clock=self.app.clock, polite=self.mirror is None)
            for r in report.results:
                if r.status != "ok":
                    log.warning("%s/%s %s: %s", r.source, r.channel, r.status, r.reason)
            log.info("polled %s: %d new, %d changed", source.id, sum(r.new for r in report.results),
                     sum(r.changed for r in report.results))
        except Exception:
            log.exception("poll of %s crashed", source.id)
        finally:
            self.busy -= 1

    async def notify(self) -> None:
        if self.stopping.is_set():
            return
        self.busy += 1
        try:
            # Channel sends are blocking I/O (SMTP, HTTPS): keep them off the reactor thread.
            report = await asyncio.to_thread(self.app.notify)
            if report.sent or report.failed:
                log.info("notify: %d sent, %d failed", report.sent, report.failed)
        except Exception:
            log.exception("notify crashed")
        finally:
            self.busy -= 1

    async def once(self) -> int:
        await asyncio.gather(*(self.poll(s) for s in self.app.sources))
        await self.notify()
        return 0

    async def forever(self) -> int:
        from apscheduler.schedulers.asyncio import AsyncIOScheduler

        scheduler = AsyncIOScheduler(event_loop=asyncio.get_running_loop(), timezone="Asia/Shanghai")
        now = dt.datetime.now(dt.UTC)
        for i, src in enumerate(self.app.sources):
            minutes = poll_minutes(self.app.settings, src.id)
            scheduler.add_job(self.poll, "interval", args=[src], id=f"poll:{src.id}", minutes=minutes,
                              jitter=min(60, minutes * 6), max_instances=1, coalesce=True,
                              misfire_grace_time=int(minutes * 60),
                              next_run_time=now + dt.timedelta(seconds=2 * i))
        scheduler.add_job(self.notify, "interval", id="notify", seconds=NOTIFY_SECONDS, max_instances=1,
                          coalesce=True, misfire_grace_time=300, next_run_time=now + dt.timedelta(seconds=5))
        scheduler.start()
        log.info("daemon started: %d sources", len(self.app.sources))
        await self.stopping.wait()
        scheduler.shutdown(wait=False)
        while self.busy:  # let running crawls and sends finish writing
            await asyncio.sleep(0.1)
        log.info("daemon stopped")
        return 0


def main(settings: Settings, extra_sources: tuple[Any, ...] = (), *, once: bool = False,
         mirror: str | None = None) -> int:
    from app import App
    from crawler import reactor

    lock = InstanceLock(settings.data_path / "policywatch.lock")
    lock.acquire()
    try:
        app = App.open(settings, extra_sources)
        app.ensure_default_outbox()
        daemon = Daemon(app, mirror)

        async def run() -> int:
            if once:
                return await daemon.once()
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGINT):
                loop.add_signal_handler(sig, daemon.stopping.set)
            return await daemon.forever()

        return reactor.run(run)
    finally:
        lock.release()
