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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from scrapy.crawler import AsyncCrawlerRunner, Crawler
from sqlalchemy.orm import Session, sessionmaker

from crawler.browser import BrowserGuard
from crawler.cache import bind_cache
from crawler.egress import configured_proxy, expand
from crawler.pipeline import bind
from crawler.plan import (
    ArchiveItem,
    ChannelHealth,
    ChannelPlan,
    ChannelPoll,
    Clock,
    FetchFailed,
    KnownNotice,
    NoticeFound,
    NoticeGone,
    SeenOnList,
    utcnow,
)
from crawler.politeness import download_slots, slot_key
from crawler.registry import SourceSpec, context
from crawler.settings import scrapy_settings
from crawler.spider import PolicySpider
from parsers.platforms import get_platform
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
    browser_pages: int = 0  # browser pages this poll used for the channel's host (crawler/browser.py)


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
    """Writes a poll's items through the repository, one transaction per item."""

    def __init__(self, factory: sessionmaker[Session], clock: Clock) -> None:
        self.factory = factory
        self.clock = clock

    def write(self, item: ArchiveItem) -> ArchiveItem:
        now = self.clock()
        with transaction(self.factory) as session:
            repo = Repository(session)
            match item:
                case NoticeFound():
                    result = repo.record_notice(item.record, item.source, item.channel, item.list_fingerprint, now)
                    return replace(item, outcome=result.kind)
                case NoticeGone():
                    repo.withdraw_url(item.url, now, item.reason)
                case FetchFailed():
                    repo.record_failure(item.url, item.source, item.channel, item.reason, now)
                case SeenOnList():
                    repo.touch_seen(list(item.uids), now)
        return item


def build_plans(sources: Sequence[SourceSpec], settings: Settings, session: Session,
                now: dt.datetime) -> list[ChannelPlan]:
    """What each channel's poll needs from the archive, read once before the crawl (columns only)."""
    plans = []
    recheck_before = now - dt.timedelta(hours=settings.crawl.recheck_hours)
    repo = Repository(session)
    for src in sources:
        overrides = settings.sources.get(src.id, {})
        for ch in src.channels:
            proxy = configured_proxy(src, ch, overrides, settings.crawl.proxy)
            known = {uid: KnownNotice(fingerprint, checked, status, url, published)
                     for uid, fingerprint, checked, status, url, published in repo.channel_state(src.id, ch.id)}
            first_run = not repo.has_history(src.id, ch.id)
            depth = settings.crawl.backfill_pages if first_run else (ch.max_pages or settings.crawl.max_pages)
            plans.append(ChannelPlan(
                source=src, channel=ch, ctx=context(src, ch), platform=get_platform(ch.platform),
                known=known, deferred=frozenset(repo.deferred_uids(src.id, ch.id, now)),
                max_pages=int(overrides.get("max_pages", depth)), recheck_before=recheck_before,
                max_rechecks=int(overrides.get("max_rechecks", 3)), started_at=now, backfill=first_run,
                proxy=expand(proxy) if proxy else None,
            ))
    return plans


def record_runs(factory: sessionmaker[Session], polls: Iterable[ChannelPoll], finished: dt.datetime,
                browser_pages: Callable[[str], int] = lambda host: 0,
                ran_by: tuple[str, str] | None = None) -> CrawlReport:
    """One crawl_run row per channel, whatever happened to it."""
    report = CrawlReport()
    with transaction(factory) as session:
        repo = Repository(session)
        for poll in polls:
            src, ch, h = poll.plan.source.id, poll.plan.channel.id, poll.health
            h.close()
            repo.add_run(CrawlRun(
                source=src, channel=ch, started_at=h.started_at, finished_at=finished,
                status=h.status, pages=h.pages, items_seen=h.items_seen, new=h.new, changed=h.changed,
                unchanged=h.unchanged, details_fetched=h.details_fetched, error_count=len(h.errors),
                errors=list(h.errors), http_codes=dict(h.http_codes), reason=h.reason,
                reason_code=h.reason_code, worker=ran_by[0] if ran_by else None,
                queue=ran_by[1] if ran_by else None))
            report.results.append(ChannelResult(
                src, ch, h.status, h.new, h.changed, h.unchanged, h.items_seen,
                h.pages, h.details_fetched, h.reason, h.reason_code,
                browser_pages(slot_key(poll.plan.channel.url))))
    return report


async def crawl(sources: Sequence[SourceSpec], settings: Settings, factory: sessionmaker[Session], *,
                mirror: str | None = None, reactor: bool = True, polite: bool = True,
                clock: Clock = utcnow, extra_settings: dict[str, Any] | None = None,
                progress: Callable[[Sequence[ChannelPoll]], None] | None = None,
                ran_by: tuple[str, str] | None = None) -> CrawlReport:
    """One poll of the given sources. Every channel gets a crawl_run row, whatever happens.

    ``ran_by`` is the (worker, queue) of a crawl worker's job, recorded on each row for ``status``."""
    now = clock()
    with transaction(factory) as session:
        plans = build_plans(sources, settings, session, now)
    opts = scrapy_settings(settings, reactor=reactor, polite=polite)
    opts["ITEM_PIPELINES"] = {bind(StoreSink(factory, clock)): 300}
    if polite:
        opts["DOWNLOAD_SLOTS"] = download_slots(sources, settings.sources, settings.crawl.download_delay)
    if mirror:
        opts["HTTPCACHE_DIR"] = str((settings.cache_path / "mirror").resolve())
    if opts.get("HTTPCACHE_STORAGE") == "crawler.cache.ArchiveCacheStorage":
        # Mirror URLs have their own fingerprints: they never collide with the official sites' entries.
        opts["HTTPCACHE_STORAGE"] = bind_cache(factory)
    if opts.get("PW_BROWSER"):
        opts["PLAYWRIGHT_ABORT_REQUEST"] = BrowserGuard(sources, mirror)
    for key, value in (extra_settings or {}).items():
        # Component tables (EXTENSIONS, DOWNLOADER_MIDDLEWARES ...) add to ours instead of replacing them.
        both_tables = isinstance(value, dict) and isinstance(opts.get(key), dict)
        opts[key] = {**opts[key], **value} if both_tables else value
    runner = AsyncCrawlerRunner(opts)
    crawler = runner.create_crawler(PolicySpider)
    ticker = asyncio.ensure_future(_tick(progress, crawler)) if progress else None
    try:
        await runner.crawl(crawler, plans=plans, mirror=mirror)
    finally:
        if ticker:
            ticker.cancel()
    spider: PolicySpider | None = getattr(crawler, "spider", None)
    polls = spider.polls.values() if spider else [ChannelPoll(p, ChannelHealth(p.started_at)) for p in plans]
    stats = crawler.stats
    return record_runs(factory, polls, clock(),
                       lambda host: int(stats.get_value(f"pw_browser/pages/{host}", 0)) if stats else 0, ran_by)


async def _tick(progress: Callable[[Sequence[ChannelPoll]], None], crawler: Crawler) -> None:
    while True:
        spider = getattr(crawler, "spider", None)
        if spider is not None:
            progress(list(spider.polls.values()))
        await asyncio.sleep(0.5)
