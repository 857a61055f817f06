"""The HTTP cache: RFC 2616 revalidation without stale pages on errors, stored so that a killed
crawler never leaves a half-written entry."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from scrapy import Spider
from scrapy.extensions.httpcache import FilesystemCacheStorage, RFC2616Policy
from scrapy.http import Request, Response


class MonitorCachePolicy(RFC2616Policy):
    """Conditional requests (ETag / Last-Modified, 304 -> the stored page) exactly as RFC2616Policy.

    RFC2616Policy also hands the spider the *cached* page whenever the server answers 5xx. That is
    right for a browser and wrong for a monitor: a Jiasule challenge (HTTP 521) or an outage would
    look like the old healthy list, and the channel would report "ok". Here only a 304 reuses the
    stored page; every other answer reaches the spider as it is.
    """

    def is_cached_response_valid(self, cachedresponse: Response, response: Response, request: Request) -> bool:
        return response.status == 304


class AtomicFilesystemCacheStorage(FilesystemCacheStorage):
    """Scrapy's filesystem cache, each entry replaced as a whole.

    Scrapy writes an entry's files (metadata, headers, body …) one after the other into the entry's
    directory. A crawler killed in the middle left a mix: a new ``pickled_meta`` beside an old or
    truncated ``response_body``. The next poll sends the new validators, gets a 304, and is handed
    the torn body as the current page: a list with items missing, read as "no news" or as
    disappearances. Here the entry is written into a staging directory beside it and swapped in by
    two renames; a kill between them leaves no entry (a cache miss: one unconditional GET), never a
    mix. Staging leftovers of a killed run are removed when the spider opens. This covers killed
    processes (the page cache survives them); it does not fsync, so a power cut may still tear an
    entry, which Scrapy then reads as a cache miss or a handled error.
    """

    _STAGING = ".staging-"
    _RETIRED = ".retired-"

    def __init__(self, settings: object) -> None:
        super().__init__(settings)  # type: ignore[arg-type]
        self._staged: dict[int, str] = {}  # id(request) -> staging directory, during store_response

    def open_spider(self, spider: Spider) -> None:
        super().open_spider(spider)
        root = Path(self.cachedir, spider.name)
        for leftover in (*root.glob(f"*/{self._STAGING}*"), *root.glob(f"*/{self._RETIRED}*")):
            shutil.rmtree(leftover, ignore_errors=True)

    def _get_request_path(self, spider: Spider, request: Request) -> str:
        return self._staged.get(id(request)) or super()._get_request_path(spider, request)

    def store_response(self, spider: Spider, request: Request, response: Response) -> None:
        final = Path(super()._get_request_path(spider, request))
        final.parent.mkdir(parents=True, exist_ok=True)
        staging = tempfile.mkdtemp(dir=final.parent, prefix=f"{self._STAGING}{final.name}.")
        self._staged[id(request)] = staging
        try:
            super().store_response(spider, request, response)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        finally:
            del self._staged[id(request)]
        self._swap(Path(staging), final)

    def _swap(self, staging: Path, final: Path) -> None:
        retired = None
        if final.exists():
            # rename() cannot replace a non-empty directory: move the old entry aside first.
            retired = Path(tempfile.mkdtemp(dir=final.parent, prefix=f"{self._RETIRED}{final.name}."))
            os.replace(final, retired / "entry")
        os.replace(staging, final)
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)
