"""scrapy-playwright's download handler, one instance per crawl for http and https.

Scrapy builds one download handler per URL scheme; the stock handler would then start two
Playwright drivers (and possibly two Chromiums) per poll. Imported only when the browser tier is on.
"""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler


class SharedPlaywrightHandler(ScrapyPlaywrightDownloadHandler):
    _closed = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        shared = getattr(crawler, "_pw_shared_handler", None)
        if shared is None:
            shared = super().from_crawler(crawler)
            crawler._pw_shared_handler = shared  # type: ignore[attr-defined]
        return shared

    async def close(self) -> None:
        if not self._closed:  # Scrapy closes it once per scheme
            self._closed = True
            await super().close()
