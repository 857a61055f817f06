"""Regression test for Scrapy 2.19's robots.txt bypass with 3+ concurrent requests to a new host."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import scrapy
from scrapy.crawler import AsyncCrawlerRunner

from crawler.mirror_server import MirrorServer


class Probe(scrapy.Spider):
    name = "probe"

    def __init__(self, urls: list[str], **kw: Any) -> None:
        super().__init__(**kw)
        self.urls = urls

    async def start(self) -> Any:
        for url in self.urls:
            yield scrapy.Request(url, callback=self.parse)

    def parse(self, response: Any) -> None:
        return None


def run(root: Path, middleware: str) -> tuple[list[str], dict[str, Any]]:
    with MirrorServer(root, record=True) as server:
        urls = [f"{server.url}/p{i}.html" for i in range(5)]
        settings = {
            "TWISTED_REACTOR_ENABLED": False, "ROBOTSTXT_OBEY": True, "REMOTE_CONTROL_ENABLED": False,
            "TELNETCONSOLE_ENABLED": False, "LOG_LEVEL": "ERROR",
            "DOWNLOADER_MIDDLEWARES": {
                "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None, middleware: 100},
        }
        async def main() -> Any:
            runner = AsyncCrawlerRunner(settings)
            crawler = runner.create_crawler(Probe)
            await runner.crawl(crawler, urls=urls)
            return crawler

        crawler = asyncio.run(main())
        assert server.requests is not None
        fetched = [p for _, p, _, _ in server.requests if p.startswith("/p")]
        return fetched, crawler.stats.get_stats()


def _site(tmp_path: Path) -> Path:
    (tmp_path / "robots.txt").write_text("User-agent: *\n" + "".join(f"Disallow: /p{i}.html\n" for i in range(1, 5)))
    for i in range(5):
        (tmp_path / f"p{i}.html").write_text(f"<html><body>page {i}</body></html>")
    return tmp_path


def test_fixed_middleware_drops_every_disallowed_url(tmp_path: Path) -> None:
    fetched, stats = run(_site(tmp_path), "crawler.middlewares.SafeRobotsTxtMiddleware")
    assert fetched == ["/p0.html"]
    assert stats.get("robotstxt/forbidden") == 4


def test_stock_middleware_still_has_the_bug(tmp_path: Path) -> None:
    """If this starts failing, Scrapy fixed the bug and our override can be dropped."""
    fetched, _ = run(_site(tmp_path), "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware")
    assert len(fetched) > 1
