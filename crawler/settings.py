"""Scrapy settings built from our typed Settings. Polite by default (stack.md §3)."""

from __future__ import annotations

from typing import Any

from crawler.browser import playwright_settings, unavailable
from policywatch.config import Settings


def scrapy_settings(settings: Settings, *, reactor: bool = True, polite: bool = True) -> dict[str, Any]:
    crawl = settings.crawl
    out: dict[str, Any] = {
        "BOT_NAME": "policywatch",
        "USER_AGENT": crawl.user_agent,
        "ROBOTSTXT_OBEY": crawl.obey_robots,
        "CONCURRENT_REQUESTS": 16,
        "CONCURRENT_REQUESTS_PER_DOMAIN": crawl.concurrent_per_host,
        "DOWNLOAD_DELAY": crawl.download_delay if polite else 0,
        "AUTOTHROTTLE_ENABLED": crawl.autothrottle and polite,
        "AUTOTHROTTLE_START_DELAY": max(crawl.download_delay, 1.0),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        "DOWNLOAD_TIMEOUT": crawl.timeout,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": crawl.retries,
        "DOWNLOAD_MAXSIZE": crawl.max_page_bytes,
        "DOWNLOAD_WARNSIZE": min(2 * 1024 * 1024, crawl.max_page_bytes),
        "PW_MAX_ATTACHMENT_BYTES": crawl.max_attachment_bytes,  # applied per request via download_maxsize
        "PW_ATTACHMENT_LIMITS": {  # crawler/sandbox.py
            "cpu_seconds": crawl.attachment_cpu_seconds, "memory_bytes": crawl.attachment_memory_mb * 2**20,
            "wall_seconds": crawl.attachment_timeout, "max_chars": crawl.attachment_max_chars},
        # A code-executing control server and a telnet console have no place in a daemon.
        "REMOTE_CONTROL_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "COOKIES_ENABLED": True,  # Jiasule / CT6T challenges set cookies on a 302 to self
        "HTTPERROR_ALLOW_ALL": True,  # callbacks see 403/404 so blocks and withdrawals are classified
        # Only http(s) is ever fetched: a hostile link must not make the crawler read local files.
        "DOWNLOAD_HANDLERS": {"file": None, "data": None, "ftp": None, "s3": None},
        "DOWNLOADER_MIDDLEWARES": {
            "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
            "crawler.siteguard.SiteGuardMiddleware": 50,  # before robots.txt: never ask an off-site host
            "crawler.middlewares.SafeRobotsTxtMiddleware": 100,
            # After cookies (700) and the proxy (750): adds clearance cookies last, sees responses first.
            "crawler.browser.BrowserTierMiddleware": 760,
        },
        # Per-host floors from DOWNLOAD_SLOTS (crawler.politeness); Scrapy's own floors at DOWNLOAD_DELAY.
        "EXTENSIONS": {"scrapy.extensions.throttle.AutoThrottle": None,
                       "crawler.politeness.PoliteAutoThrottle": 0},
        "LOG_LEVEL": "WARNING",
        "LOG_INSTALL_ROOT_HANDLER": False,
        "TWISTED_REACTOR_ENABLED": reactor,
        "DEFAULT_REQUEST_HEADERS": {
            "Accept": "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8",
            "Accept-Language": "zh-CN,zh;q=0.9",
            # Forces revalidation: without it RFC2616Policy serves pages with Last-Modified and no
            # Cache-Control from cache for hours and misses changes (stack.md §3 case ii).
            "Cache-Control": "max-age=0",
        },
    }
    out.update(browser_settings(settings, reactor))
    if reactor:
        out["TWISTED_REACTOR"] = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
    if crawl.http_cache:
        out["DOWNLOADER_MIDDLEWARES"].update({
            "scrapy.downloadermiddlewares.httpcache.HttpCacheMiddleware": None,
            "crawler.cache.MonitorHttpCacheMiddleware": 900,  # no cached page on a download error
        })
        out.update({
            "HTTPCACHE_ENABLED": True,
            "HTTPCACHE_POLICY": "crawler.cache.MonitorCachePolicy",  # RFC 2616 minus stale-on-error
            # In the archive (every worker revalidates; crawler.runner binds it to the crawl's database)
            # or in <data_dir>/httpcache; either way no torn entry after a kill.
            "HTTPCACHE_STORAGE": ("crawler.cache.ArchiveCacheStorage" if crawl.http_cache_store == "archive"
                                  else "crawler.cache.AtomicFilesystemCacheStorage"),
            "HTTPCACHE_DIR": str(settings.cache_path.resolve()),
            # A no-cache answer would otherwise mean an unconditional GET every poll (case i).
            "HTTPCACHE_IGNORE_RESPONSE_CACHE_CONTROLS": ["no-cache"],
            "HTTPCACHE_IGNORE_HTTP_CODES": [403, 404, 410, 412, 500, 502, 503, 504, 521],
        })
    return out


def browser_settings(settings: Settings, reactor: bool) -> dict[str, Any]:
    """The browser tier's settings: on when Chromium can run in this crawl, else the reason why not."""
    conf = settings.browser
    off = unavailable(conf.enabled, conf.executable, reactor)
    out: dict[str, Any] = {
        "PW_BROWSER": False, "PW_BROWSER_OFF": off or "", "PW_BROWSER_TIMEOUT": conf.timeout,
        # Clearance cookies outlive one poll: the next poll's plain requests reuse them.
        "PW_CLEARANCE_FILE": str((settings.data_path / "browser-clearance.json").resolve()),
    }
    if off is None:
        browser = playwright_settings(conf.executable, conf.timeout)
        browser["DOWNLOAD_HANDLERS"] = {"file": None, "data": None, "ftp": None, "s3": None,
                                        **browser["DOWNLOAD_HANDLERS"]}
        out.update(browser)
    return out
