"""The daemon: ``policywatch run``.

One process on Twisted's asyncio reactor (stack.md §2, option a2). An APScheduler 3
``AsyncIOScheduler`` runs:

* one coroutine job per source: by default cron slots suited to government publishing (every 30 min
  Mon–Fri 08:00–19:00 China time, every 3 h otherwise; ``[schedule] poll_cron``), or per source
  ``poll_cron`` / ``poll_minutes`` / ``poll_seconds``; with jitter, ``max_instances=1``, ``coalesce``
  and a misfire grace. A slot missed while the daemon was down runs once right after start.
* a notify job (every ``[schedule] notify_seconds``, aligned to the minute): plans and sends the due
  digests (so daily/weekly schedules fire within seconds of their slot), retries failed deliveries
  whose backoff is over, evaluates the health rules (dead letters included) and sends ops alerts.
  Sends run in a thread pool, per endpoint (``notifier.dispatch``); the app's circuit breakers keep
  a hung relay out of the following cycles until their cooldown is over. A poll that finishes kicks
  it at once, so a new notice or a broken channel is reported within one poll.

SIGTERM/SIGINT: stop scheduling, let running work finish for a moment, then stop running crawls
through Scrapy (``Crawler.stop_async``: in-flight notices are committed one transaction each, and the
poll's crawl_run rows are still written, marked "interrupted by shutdown"); exit 0 within 10 s.
A lock file refuses a second daemon on the same data directory.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import fcntl
import logging
import os
import signal
import time
import weakref
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

from policywatch.config import Settings
from policywatch.errors import ConfigError

log = logging.getLogger("policywatch.scheduler")
TIMEZONE = "Asia/Shanghai"
SHUTDOWN_BUDGET = 8.0  # seconds from SIGTERM to exit; systemd/Docker allow more, tests demand < 10
NATURAL_FINISH = 3.0  # running crawls get this long to end by themselves before they are stopped
STAGGER_SECONDS = 1.0  # start-up catch-up polls are spread out by this much


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

    def held_elsewhere(self) -> bool:
        """Is a daemon running on this data directory right now? (Without taking the lock.)"""
        if not self.path.exists():
            return False
        with open(self.path) as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except OSError:
                return True
            fcntl.flock(handle, fcntl.LOCK_UN)
            return False

    def release(self) -> None:
        if self.handle:
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            self.handle.close()
            self.handle = None


# -- triggers --------------------------------------------------------------------------------

def _positive(source_id: str, key: str, value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"[sources.{source_id}] {key} must be a number") from None
    if number <= 0:
        raise ConfigError(f"[sources.{source_id}] {key} must be positive")
    return number


def _crontabs(value: Any, where: str) -> list[str]:
    items = value.split(";") if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(isinstance(i, str) for i in items):
        raise ConfigError(f"{where} poll_cron must be a crontab string or a list of them")
    crons = [i.strip() for i in items if i.strip()]
    if not crons:
        raise ConfigError(f"{where} poll_cron is empty")
    return crons


_CRON_DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")  # crontab numbering: 0 (and 7) = Sunday


def cron_day_of_week(field: str) -> str:
    """The day-of-week field of a crontab with cron's numbers turned into day names.

    APScheduler numbers days from Monday = 0, so ``1-5`` in a crontab meant Tuesday to Saturday to it.
    Names mean the same to both; numbers, ranges and steps are expanded to names here.
    """
    out = []
    for token in field.split(","):
        if not any(c.isdigit() for c in token.split("/")[0]) and "/" not in token:
            out.append(token)  # "*", "mon-fri", "sun": already unambiguous
            continue
        span, _, step = token.partition("/")
        if span == "*":
            first, last = 0, 6
        elif "-" in span:
            a, b = span.split("-", 1)
            first, last = _day_number(a), _day_number(b)
        else:
            first = last = _day_number(span)
        days = range(first, last + 1, int(step) if step else 1)
        out.extend(_CRON_DAYS[d % 7] for d in days)
    return ",".join(dict.fromkeys(out))


def _day_number(value: str) -> int:
    if value.isdigit() and 0 <= int(value) <= 7:
        return int(value)
    if value.lower() in _CRON_DAYS:
        return _CRON_DAYS.index(value.lower())
    raise ValueError(f"bad day of week {value!r}")


def _cron_fields(cron: str) -> str:
    fields = cron.split()
    if len(fields) == 5:
        fields[4] = cron_day_of_week(fields[4])
    return " ".join(fields)


def cron_trigger(crons: Iterable[str], jitter: int, where: str) -> Any:
    """Crontab strings (China time) OR-ed into one trigger."""
    from apscheduler.triggers.combining import OrTrigger
    from apscheduler.triggers.cron import CronTrigger

    triggers = []
    for cron in crons:
        try:
            triggers.append(CronTrigger.from_crontab(_cron_fields(cron), timezone=TIMEZONE))
        except ValueError as exc:
            raise ConfigError(f"{where} poll_cron {cron!r}: {exc}") from None
    return OrTrigger(triggers, jitter=jitter or None)


def poll_seconds(settings: Settings, source_id: str) -> float | None:
    """The fixed polling interval of a source in seconds, or None when it polls on cron slots."""
    over: Mapping[str, Any] = settings.sources.get(source_id, {})
    chosen = [k for k in ("poll_seconds", "poll_minutes", "poll_cron") if k in over]
    if len(chosen) > 1:
        raise ConfigError(f"[sources.{source_id}] set only one of {', '.join(chosen)}")
    if "poll_seconds" in over:
        return _positive(source_id, "poll_seconds", over["poll_seconds"])
    if "poll_minutes" in over:
        return _positive(source_id, "poll_minutes", over["poll_minutes"]) * 60
    return None


def poll_trigger(settings: Settings, source_id: str) -> Any:
    """The trigger of one source's poll job (validates the config: bad values raise ConfigError)."""
    from apscheduler.triggers.interval import IntervalTrigger

    jitter = max(0, int(settings.schedule.jitter_seconds))
    seconds = poll_seconds(settings, source_id)
    if seconds is not None:
        # Jitter at most 10% of the interval: a 2-minute poll must not drift by the default 2 minutes.
        return IntervalTrigger(seconds=seconds, jitter=min(jitter, int(seconds / 10)) or None, timezone=TIMEZONE)
    over: Mapping[str, Any] = settings.sources.get(source_id, {})
    if "poll_cron" in over:
        return cron_trigger(_crontabs(over["poll_cron"], f"[sources.{source_id}]"), jitter, f"[sources.{source_id}]")
    return cron_trigger(_crontabs(settings.schedule.poll_cron, "[schedule]"), jitter, "[schedule]")


def slot_missed(trigger: Any, last_run: dt.datetime | None, now: dt.datetime) -> bool:
    """Did a poll slot pass since ``last_run`` (e.g. while the daemon was down)?"""
    if last_run is None:
        return True
    nxt = trigger.get_next_fire_time(last_run, last_run)
    return nxt is None or nxt <= now


def _aligned_start(now: dt.datetime, seconds: float) -> dt.datetime:
    # Daily/weekly digests are due on the minute; a notify tick at second 1 sends them on time.
    if seconds >= 60:
        return now.replace(second=1, microsecond=0) + dt.timedelta(minutes=1)
    return now + dt.timedelta(seconds=seconds)


# -- stopping running crawls -----------------------------------------------------------------

LIVE_CRAWLERS: weakref.WeakSet[Any] = weakref.WeakSet()


def log_poll(source: str, report: Any) -> None:
    """One line per failed channel, then a summary that never reads as "no news" when it is not."""
    for r in report.results:
        if r.status != "ok":
            log.warning("%s/%s %s (%s): %s", r.source, r.channel, r.status, r.reason_code, r.reason)
    new, changed = sum(r.new for r in report.results), sum(r.changed for r in report.results)
    failed = [r.channel for r in report.failed]
    if failed and len(failed) == len(report.results):
        # "0 new on the others" when there are no others would still read as a count of news.
        log.warning("polled %s: all %d channel(s) FAILED (%s); nothing was read", source, len(failed),
                    ", ".join(failed))
    elif failed:
        log.warning("polled %s: %d of %d channel(s) FAILED (%s); %d new, %d changed on the others",
                    source, len(failed), len(report.results), ", ".join(failed), new, changed)
    else:
        log.info("polled %s: %d new, %d changed", source, new, changed)


class CrawlTracker:
    """Scrapy extension enabled by the daemon: remembers running crawlers so SIGTERM can stop them."""

    def __init__(self, crawler: Any) -> None:
        LIVE_CRAWLERS.add(crawler)

    @classmethod
    def from_crawler(cls, crawler: Any) -> CrawlTracker:
        return cls(crawler)


async def stop_crawlers() -> int:
    """Stop every running crawl gracefully; its channels' runs are recorded as interrupted."""
    stopped = 0
    for crawler in list(LIVE_CRAWLERS):
        if not getattr(crawler, "crawling", False):
            continue
        crawler.spider.interrupt()  # recorded as code "shutdown": the health rules skip such runs
        await crawler.stop_async()
        stopped += 1
    return stopped


# -- secrets in logs -------------------------------------------------------------------------

def register_log_secrets(values: Iterable[str]) -> None:
    """Hand secrets to the log redaction filter(s) installed by ``cli.setup_logging``."""
    for handler in logging.getLogger().handlers:
        for filt in handler.filters:
            add = getattr(filt, "add_secrets", None)
            if add is not None:
                add(list(values))


def subscription_secrets(factory: Any) -> list[str]:
    from sqlalchemy import select

    from store.models import Subscription

    with factory() as session:
        targets = list(session.scalars(select(Subscription.target)))
    return [str(t[k]) for t in targets if t for k in ("key", "token", "url", "password", "secret") if t.get(k)]


# -- the daemon ------------------------------------------------------------------------------

class Daemon:
    stagger = STAGGER_SECONDS  # catch-up polls at start are this far apart (crawls compete for this process)

    def __init__(self, app: Any, mirror: str | None) -> None:
        self.app = app
        self.mirror = mirror
        self.stopping = asyncio.Event()
        self.busy = 0
        self.notifying = False
        self.notify_again = False
        self.background: set[asyncio.Future[Any]] = set()
        self.auto_notify = True  # off for `run --once`, which notifies once after all polls

    async def poll(self, source: Any) -> bool:
        """One poll of one source; False when a channel failed or the poll crashed."""
        from crawler.runner import crawl

        if self.stopping.is_set():
            return True
        self.busy += 1
        ok = False
        try:
            report = await crawl([source], self.app.settings, self.app.factory, mirror=self.mirror,
                                 clock=self.app.clock, polite=self.mirror is None,
                                 extra_settings={"EXTENSIONS": {"scheduler.CrawlTracker": 0}})
            log_poll(source.id, report)
            ok = not report.failed
        except Exception:
            log.exception("poll of %s crashed", source.id)
        finally:
            self.busy -= 1
        self.kick_notify()  # new notices and broken channels are reported now, not at the next tick
        return ok

    def kick_notify(self) -> None:
        if self.stopping.is_set() or not self.auto_notify:
            return
        task = asyncio.ensure_future(self.notify())
        self.background.add(task)
        task.add_done_callback(self.background.discard)

    async def notify(self) -> None:
        if self.stopping.is_set():
            return
        # One cycle at a time: concurrent senders are safe (the ledger's claims), but a second cycle
        # would only find the first one's claims and wait on the same slow endpoints.
        if self.notifying:
            self.notify_again = True
            return
        self.notifying = True
        self.busy += 1
        try:
            while True:
                self.notify_again = False
                # Channel sends are blocking I/O (SMTP, HTTPS): keep them off the reactor thread.
                await asyncio.to_thread(self.notify_cycle)
                if not self.notify_again or self.stopping.is_set():
                    break
        finally:
            self.notifying = False
            self.busy -= 1

    def notify_cycle(self) -> None:
        """Digests, delivery retries, then ops alerts; one failing part does not stop the others."""
        from notifier.alerts import run_alerts

        try:
            register_log_secrets(subscription_secrets(self.app.factory))
            report = self.app.notify()
            if report.sent or report.failed or report.deferred:
                log.info("notify: %d sent, %d failed, %d deferred (endpoint breaker open)", report.sent,
                         report.failed, report.deferred)
        except Exception:
            log.exception("notify crashed")
        try:
            alerts = run_alerts(self.app)
            if alerts.sent or alerts.failed:
                log.info("alerts: %d sent, %d failed", alerts.sent, alerts.failed)
        except Exception:
            log.exception("alert evaluation crashed")

    async def once(self) -> int:
        """Every source once, then notify; exit 1 when any channel failed, as ``crawl`` does (cron
        mails a non-zero exit; a fully blocked run must never pass for "no news")."""
        self.auto_notify = False
        results = await asyncio.gather(*(self.poll(s) for s in self.app.sources))
        await self.notify()
        return 0 if all(results) else 1

    def _last_runs(self) -> dict[str, dt.datetime]:
        from sqlalchemy import func, select

        from store.models import CrawlRun

        with self.app.factory() as session:
            rows = session.execute(select(CrawlRun.source, func.max(CrawlRun.started_at)).group_by(CrawlRun.source))
            return {s: t for s, t in rows if t is not None}

    def schedule(self, scheduler: Any) -> None:
        from apscheduler.triggers.interval import IntervalTrigger

        settings = self.app.settings
        now = dt.datetime.now(dt.UTC)
        last_runs = self._last_runs()
        catch_up = 0
        for src in self.app.sources:
            trigger = poll_trigger(settings, src.id)
            seconds = poll_seconds(settings, src.id)
            grace = max(1, int(seconds)) if seconds else settings.schedule.misfire_grace_seconds
            extra: dict[str, Any] = {}
            if slot_missed(trigger, last_runs.get(src.id), now):
                extra["next_run_time"] = now + dt.timedelta(seconds=self.stagger * catch_up)
                catch_up += 1
            scheduler.add_job(self.poll, trigger, args=[src], id=f"poll:{src.id}", name=f"poll {src.id}",
                              max_instances=1, coalesce=True, misfire_grace_time=grace, **extra)
        every = float(settings.schedule.notify_seconds)
        if every <= 0:
            raise ConfigError("[schedule] notify_seconds must be positive")
        scheduler.add_job(self.notify, IntervalTrigger(seconds=every, start_date=_aligned_start(now, every)),
                          id="notify", name="notify + retries + alerts", max_instances=1, coalesce=True,
                          misfire_grace_time=max(1, int(every)), next_run_time=now + dt.timedelta(seconds=1))
        log.info("daemon scheduled %d sources (%d polled now: never polled or a slot was missed)",
                 len(self.app.sources), catch_up)

    async def forever(self) -> int:
        from apscheduler.schedulers.asyncio import AsyncIOScheduler

        scheduler = AsyncIOScheduler(event_loop=asyncio.get_running_loop(), timezone=TIMEZONE)
        self.schedule(scheduler)
        scheduler.start()
        await self.stopping.wait()
        started = time.monotonic()
        log.info("stopping: no new polls; waiting for running work")
        # Pause, not shutdown: APScheduler's shutdown cancels running coroutine jobs, and a crawl
        # cancelled mid-flight records its channels as "0 items" — a false alarm at the next start.
        scheduler.pause()
        await self._drain(NATURAL_FINISH)
        if self.busy and await stop_crawlers():
            log.info("stopped running crawls")
        await self._drain(SHUTDOWN_BUDGET - (time.monotonic() - started))
        if self.busy:
            log.warning("exiting with %d task(s) still running (a send in progress is resent once)", self.busy)
        scheduler.shutdown(wait=False)
        log.info("daemon stopped")
        return 0

    async def _drain(self, seconds: float) -> None:
        deadline = time.monotonic() + max(0.0, seconds)
        while self.busy and time.monotonic() < deadline:
            await asyncio.sleep(0.05)


def main(settings: Settings, extra_sources: tuple[Any, ...] = (), *, once: bool = False,
         mirror: str | None = None) -> int:
    from crawler import reactor
    from policywatch.app import App

    lock = InstanceLock(settings.data_path / "policywatch.lock")
    lock.acquire()
    try:
        app = App.open(settings, extra_sources)  # migrations run here: upgrades need no extra step
        for src in app.sources:  # a typo in poll_cron must fail at start, not at the first slot
            poll_trigger(settings, src.id)
        app.ensure_default_outbox()
        register_log_secrets(subscription_secrets(app.factory))
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
