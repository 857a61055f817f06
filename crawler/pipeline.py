"""Item pipeline: each notice is written in its own transaction, so a crash mid-crawl loses nothing
that was already stored and never leaves a half-written notice."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler

from crawler.spider import NoticeItem


class StorePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler)

    def process_item(self, item: NoticeItem) -> NoticeItem:
        job = item["job"]
        spider: Any = self.crawler.spider
        sink = spider.sink  # the spider's injected CrawlSink
        kind = sink.store(job, item["record"], item["entry"])
        if kind == "inserted":
            job.health.new += 1
        elif kind == "updated":
            job.health.changed += 1
        else:
            job.health.unchanged += 1
        return item
