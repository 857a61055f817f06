"""Run a poll: build each channel's job from the archive, crawl, store, and record health.

Scrapy runs in-process through ``AsyncCrawlerRunner`` on Twisted's asyncio reactor (stack.md §2,
option a2): no per-crawl subprocess cost, flat memory over hundreds of cycles, and the same code
path for ``crawl``, ``demo`` and the daemon. Tests use Scrapy's reactorless mode (``reactor=False``)
so several crawls can run inside one pytest process.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from scrapy.crawler import AsyncCrawlerRunner
from sqlalchemy.orm import Session, sessionmaker

from crawler.plan import ChannelHealth, ChannelJob, Clock, KnownNotice, Problem, fingerprint_hash, utcnow
from crawler.politeness import download_slots
from crawler.registry import SourceSpec, context
from crawler.settings import scrapy_settings
from crawler.spider import PolicySpider
from parsers.model import NoticeRecord
from parsers.page import ListEntry
from parsers.platforms import get_platform
from parsers.urls import url_uid
from policywatch.config import Settings
from store.db import transaction
from store.models import CrawlRun
from store.reasons import Reason
from store.repository import Repository

log = logging.getLogger(__name__)
@dataclass
class ChannelResult:
    source: str
    channel: str
    status: str
    new: int
    changed: int
    unchanged: int
    items_seen: int
    pages: int
    details_fetched: int
    reason: str | None
    reason_code: Reason | None = None


@dataclass
class CrawlReport:
    results: list[ChannelResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(r.status in {"ok", "partial"} for r in self.results) and not any(
            r.reason_code is Reason.PAGINATION_SHORT for r in self.results)

    @property
    def failed(self) -> list[ChannelResult]:
        return [r for r in self.results if r.status in {"failed", "blocked"}]

    def by_source(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for r in self.results:
            agg = out.setdefault(r.source, {"channels": 0, "seen": 0, "new": 0, "changed": 0, "failed": 0})
            agg["channels"] += 1
            agg["seen"] += r.items_seen
            agg["new"] += r.new
            agg["changed"] += r.changed
            agg["failed"] += r.status in {"failed", "blocked"}
        return out


class StoreSink:
    """Writes the spider's results through the repository, one transaction per notice."""

    def __init__(self, factory: sessionmaker[Session], clock: Clock) -> None:
        self.factory = factory
        self.clock = clock

    def store(self, job: ChannelJob, record: NoticeRecord, entry: ListEntry) -> str:
        now = self.clock()
        with transaction(self.factory) as session:
            repo = Repository(session)
            result = repo.upsert_notice(record, job.source.id, job.channel.id, now)
            notice = repo.get_notice(result.notice_id)
            assert notice is not None
            notice.list_fingerprint = fingerprint_hash(entry)
            repo.clear_failure(record.url)
            if result.kind != "unchanged":
                for event in record.events:
                    if event.get("type") == "repeal" and event.get("doc_number"):
                        repo.mark_repealed(str(event["doc_number"]), notice, now)
        return result.kind

    def failed_permanently(self, job: ChannelJob, url: str, reason: str) -> None:
        with transaction(self.factory) as session:
            Repository(session).record_failure(url, job.source.id, job.channel.id, reason, self.clock())

    def withdrawn(self, job: ChannelJob, url: str, reason: str) -> None:
        with transaction(self.factory) as session:
            repo = Repository(session)
            notice = repo.known_uids([url_uid(url)]).get(url_uid(url))
            if notice is not None:
                repo.mark_withdrawn(notice, self.clock(), reason)

    def seen(self, job: ChannelJob, uids: list[str]) -> None:
        with transaction(self.factory) as session:
            Repository(session).touch_seen(uids, self.clock())


def build_jobs(sources: Sequence[SourceSpec], settings: Settings, session: Session,
               now: dt.datetime) -> list[ChannelJob]:
    jobs = []
    recheck_before = now - dt.timedelta(hours=settings.crawl.recheck_hours)
    for src in sources:
        overrides = settings.sources.get(src.id, {})
        if overrides.get("proxy") or settings.crawl.proxy:
            src = SourceSpec(**{**src.__dict__, "proxy": overrides.get("proxy") or settings.crawl.proxy})
        repo = Repository(session)
        for ch in src.channels:
            known = {uid: KnownNotice(fingerprint, checked, status, url, published)
                     for uid, fingerprint, checked, status, url, published in repo.channel_state(src.id, ch.id)}
            deferred = repo.deferred_uids(src.id, ch.id, now)
            first_run = not repo.has_history(src.id, ch.id)
            depth = settings.crawl.backfill_pages if first_run else (ch.max_pages or settings.crawl.max_pages)
            jobs.append(ChannelJob(
                source=src, channel=ch, ctx=context(src, ch), platform=get_platform(ch.platform),
                known=known, deferred=deferred, max_pages=int(overrides.get("max_pages", depth)),
                recheck_before=recheck_before, max_rechecks=int(overrides.get("max_rechecks", 3)),
                health=ChannelHealth(started_at=now), backfill=first_run,
            ))
    return jobs


def record_runs(factory: sessionmaker[Session], jobs: Sequence[ChannelJob], finished: dt.datetime) -> CrawlReport:
    report = CrawlReport()
    with transaction(factory) as session:
        repo = Repository(session)
        for job in jobs:
            h = job.health
            if h.status == "ok" and h.items_seen == 0 and not h.pages:
                h.failed = Problem(Reason.NO_LIST_PAGE, "no list page was processed")
            repo.add_run(CrawlRun(
                source=job.source.id, channel=job.channel.id, started_at=h.started_at, finished_at=finished,
                status=h.status, pages=h.pages, items_seen=h.items_seen, new=h.new, changed=h.changed,
                unchanged=h.unchanged, details_fetched=h.details_fetched, error_count=len(h.errors),
                errors=list(h.errors), http_codes=dict(h.http_codes), reason=h.reason,
                reason_code=h.reason_code))
            report.results.append(ChannelResult(
                job.source.id, job.channel.id, h.status, h.new, h.changed, h.unchanged, h.items_seen,
                h.pages, h.details_fetched, h.reason, h.reason_code))
    return report


async def crawl(sources: Sequence[SourceSpec], settings: Settings, factory: sessionmaker[Session], *,
                mirror: str | None = None, reactor: bool = True, polite: bool = True,
                clock: Clock = utcnow, extra_settings: dict[str, Any] | None = None,
                progress: Callable[[Sequence[ChannelJob]], None] | None = None) -> CrawlReport:
    """One poll of the given sources. Every channel gets a crawl_run row, whatever happens."""
    now = clock()
    with transaction(factory) as session:
        jobs = build_jobs(sources, settings, session, now)
    sink = StoreSink(factory, clock)
    opts = scrapy_settings(settings, reactor=reactor, polite=polite)
    if polite:
        opts["DOWNLOAD_SLOTS"] = download_slots(sources, settings.sources, settings.crawl.download_delay)
    if mirror:
        opts["HTTPCACHE_DIR"] = str((settings.cache_path / "mirror").resolve())
    for key, value in (extra_settings or {}).items():
        # Component tables (EXTENSIONS, DOWNLOADER_MIDDLEWARES ...) add to ours instead of replacing them.
        both_tables = isinstance(value, dict) and isinstance(opts.get(key), dict)
        opts[key] = {**opts[key], **value} if both_tables else value
    runner = AsyncCrawlerRunner(opts)
    crawler = runner.create_crawler(PolicySpider)
    ticker = asyncio.ensure_future(_tick(progress, jobs)) if progress else None
    try:
        await runner.crawl(crawler, jobs=jobs, sink=sink, mirror=mirror)
    finally:
        if ticker:
            ticker.cancel()
    return record_runs(factory, jobs, clock())


async def _tick(progress: Callable[[Sequence[ChannelJob]], None], jobs: Sequence[ChannelJob]) -> None:
    while True:
        progress(jobs)
        await asyncio.sleep(0.5)
