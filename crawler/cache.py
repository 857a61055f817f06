"""The HTTP cache: RFC 2616 revalidation without stale pages on errors, stored so that a killed
crawler never leaves a half-written entry.

Two storages: ``ArchiveCacheStorage`` (the default, ``[crawl] http_cache_store = "archive"``) keeps the
entries in the archive's ``http_cache`` table, so every crawl worker on every machine revalidates what
any other one fetched; ``AtomicFilesystemCacheStorage`` (``"folder"``) keeps them in
``<data_dir>/httpcache`` on one machine, as before issue 21.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, ClassVar

from scrapy import Spider
from scrapy.downloadermiddlewares.httpcache import HttpCacheMiddleware
from scrapy.extensions.httpcache import FilesystemCacheStorage, RFC2616Policy
from scrapy.http import Headers, Request, Response
from scrapy.responsetypes import responsetypes
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from store.db import transaction
from store.httpcache import CachedPage, forget_page, load_page, prune, save_page

log = logging.getLogger(__name__)

# Bodies above this are not cached (an earlier entry of the URL is dropped): attachments of tens of MB
# would bloat the archive and its backups for a revalidation that happens at most every recheck_hours.
# List and detail pages are far below it (the largest snapshot is ~200 kB).
MAX_CACHED_BODY = 4 * 1024 * 1024
# Entries not written for this long (a 304 writes its entry again, so every page still polled or
# rechecked is younger) are deleted when a crawl opens: pages of removed channels, withdrawn notices,
# deep list pages, --mirror runs. Deleting one costs one unconditional GET if it is ever asked again.
KEEP_DAYS = 30


class MonitorCachePolicy(RFC2616Policy):
    """Conditional requests (ETag / Last-Modified, 304 -> the stored page) exactly as RFC2616Policy.

    RFC2616Policy also hands the spider the *cached* page whenever the server answers 5xx. That is
    right for a browser and wrong for a monitor: a Jiasule challenge (HTTP 521) or an outage would
    look like the old healthy list, and the channel would report "ok". Here only a 304 reuses the
    stored page; every other answer reaches the spider as it is.
    """

    def is_cached_response_valid(self, cachedresponse: Response, response: Response, request: Request) -> bool:
        return response.status == 304


class MonitorHttpCacheMiddleware(HttpCacheMiddleware):
    """Scrapy's cache middleware without its "error recovery": on a download error (timeout,
    connection refused or reset, DNS) Scrapy hands the spider the *cached* page, so an unreachable
    site read as its old list and the channel reported "ok" (measured: a mirror shut down after a
    cached poll gave ``ok`` with the 3 old entries). With the cache shared by every worker through the
    archive it would also hide a worker that cannot reach a geo-fenced host. Here the error goes on to
    RetryMiddleware and the spider's errback, like a 5xx does under MonitorCachePolicy.
    """

    def process_exception(self, request: Request, exception: Exception,
                          spider: Spider | None = None) -> Request | Response | None:
        request.meta.pop("cached_response", None)
        return None


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


class ArchiveCacheStorage:
    """Scrapy's HTTPCACHE_STORAGE on the archive's ``http_cache`` table (``store/httpcache.py``).

    The session factory is the crawl's own (the one its item pipeline writes with), bound per crawl by
    ``bind_cache`` as the pipeline's sink is (Scrapy builds the storage from a class and copies
    settings). An entry is written in one transaction by one upsert: a killed worker leaves the old
    entry whole or none, and two workers storing one URL at once both succeed, the last one's entry
    kept. Only the response is stored (never the request's headers: no Cookie, no Authorization), its
    Set-Cookie headers dropped. Reads and writes are synchronous, like the pipeline's: one indexed
    lookup per request and one upsert per response (measured in docs/config.md, ``http_cache_store``).
    A database error on either is a cache miss, logged without the statement's parameters.
    """

    factory: ClassVar[sessionmaker[Session] | None] = None

    def __init__(self, settings: Any) -> None:
        if self.factory is None:
            raise RuntimeError("ArchiveCacheStorage needs the crawl's session factory: use crawler.cache.bind_cache")
        self.expiration_secs: int = settings.getint("HTTPCACHE_EXPIRATION_SECS")
        self.max_body: int = settings.getint("PW_HTTPCACHE_MAX_BODY", MAX_CACHED_BODY)
        self.keep_days: float = settings.getfloat("PW_HTTPCACHE_KEEP_DAYS", KEEP_DAYS)
        self._fingerprinter: Any = None

    def open_spider(self, spider: Spider) -> None:
        self._fingerprinter = spider.crawler.request_fingerprinter
        assert self.factory is not None
        with transaction(self.factory) as session:  # one indexed range delete, usually of nothing
            prune(session, dt.datetime.now(dt.UTC) - dt.timedelta(days=self.keep_days))

    def close_spider(self, spider: Spider) -> None:
        return None

    def _key(self, request: Request) -> str:
        return str(self._fingerprinter.fingerprint(request).hex())

    def retrieve_response(self, spider: Spider, request: Request) -> Response | None:
        assert self.factory is not None
        try:
            with self.factory() as session:
                page = load_page(session, self._key(request))
        except SQLAlchemyError as exc:
            _warn("read", request, exc)
            return None  # a cache miss: one unconditional GET
        if page is None:
            return None
        age = (dt.datetime.now(dt.UTC) - page.stored_at).total_seconds()
        if 0 < self.expiration_secs < age:
            return None
        request.meta["cache_timestamp"] = page.stored_at.timestamp()
        headers = Headers({k: [v.encode("latin-1") for v in vs] for k, vs in page.headers.items()})
        respcls = responsetypes.from_args(headers=headers, url=page.url, body=page.body)
        return respcls(url=page.url, headers=headers, status=page.status, body=page.body)

    def store_response(self, spider: Spider, request: Request, response: Response) -> None:
        assert self.factory is not None
        key = self._key(request)
        try:
            with transaction(self.factory) as session:
                if len(response.body) > self.max_body:
                    forget_page(session, key)  # no entry rather than validators for another version
                    return
                headers = {k.decode("latin-1"): [v.decode("latin-1") for v in vs]
                           for k, vs in response.headers.items()}
                save_page(session, CachedPage(key, response.url, response.status, headers, response.body,
                                              dt.datetime.now(dt.UTC)))
        except SQLAlchemyError as exc:
            # Rolled back: the old entry (old validators with the old body) or none stays, and the
            # page itself still reaches the spider. The cache only saves downloads; failing the fetch
            # for it would turn a locked database into a failed channel.
            _warn("write", request, exc)


def _warn(what: str, request: Request, exc: SQLAlchemyError) -> None:
    # The exception's text carries the statement's parameters (the body, the headers): never logged.
    log.warning("HTTP cache: could not %s the entry of %s (%s); treated as a cache miss",
                what, request.url, type(getattr(exc, "orig", None) or exc).__name__)


def bind_cache(factory: sessionmaker[Session]) -> type[ArchiveCacheStorage]:
    """An ``ArchiveCacheStorage`` class on ``factory``, for ``HTTPCACHE_STORAGE``."""
    return type("BoundArchiveCacheStorage", (ArchiveCacheStorage,), {"factory": factory})
