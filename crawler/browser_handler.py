"""scrapy-playwright's download handler, one instance per crawl and started only when needed.

Two changes to the stock handler, both measured:

* Scrapy builds one download handler per URL scheme, so the stock handler started two Playwright
  drivers (and could start two Chromiums) per poll; here http and https share one instance.
* The stock handler starts the Playwright driver (a Node process) when the engine starts, costing
  ~0.9 s and ~35 MB on every poll, also on the many polls no request needs the browser; here it is
  started by the first browser request of the poll.

Imported only when the browser tier is on (crawler/browser.py).
"""

from __future__ import annotations

import asyncio
from typing import Any

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.http import Request, Response
from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler


class SharedPlaywrightHandler(ScrapyPlaywrightDownloadHandler):
    _closed = False
    _started = False
    _start_lock: asyncio.Lock | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        shared = getattr(crawler, "_pw_shared_handler", None)
        if shared is None:
            shared = super().from_crawler(crawler)
            crawler._pw_shared_handler = shared  # type: ignore[attr-defined]
        return shared

    async def _maybe_launch_in_thread(self) -> None:
        return  # engine_started: the driver waits for the first browser request

    async def _download_request(self, request: Request, spider: Spider | None = None) -> Response:
        if self._start_lock is None:
            self._start_lock = asyncio.Lock()
        async with self._start_lock:
            if not self._started:
                await self._launch()
                self._started = True
        return await super()._download_request(request, spider)

    async def close(self) -> None:
        if not self._closed:  # Scrapy closes it once per scheme
            self._closed = True
            await super().close()
