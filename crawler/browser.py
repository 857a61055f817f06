"""The browser tier: Chromium (through scrapy-playwright) for the few requests plain HTTP cannot do.

Two kinds of request go through the browser, nothing else:

1. **Challenges.** A plain response that is a recognised JS cookie challenge (Jiasule 521, WZWS;
   ``parsers.blocks.challenge_kind``) is replayed once in a fresh browser context of its host. The
   browser runs the challenge's rounds until the page is no longer a challenge; its cookies (and its
   User-Agent, which the clearance may be bound to) go to a :class:`ClearanceJar`, and the original
   request is sent again **over plain HTTP** with them. So the archive stores the server's bytes,
   conditional requests (ETag / Last-Modified through the HTTP cache) keep working, and every later
   request to that host — this poll's details and the next polls' lists — passes with the cookies
   until they expire: one browser page per host per clearance, not one per notice. A challenge that
   is still there after the browser, or after a fresh clearance, reaches the spider and is reported
   as blocked (never retried in a loop).
2. **Rendered lists.** List pages of a channel declared ``needs_browser`` (lists built by JS, e.g.
   the Tianjin portal's Nanwei datacall) are rendered and the DOM after the network went idle is
   handed to the channel's usual family adapter.

Why scrapy-playwright fits: the daemon, ``crawl`` and ``demo`` all run Scrapy on Twisted's asyncio
reactor (crawler/reactor.py), which is what scrapy-playwright requires; Playwright then runs on the
same event loop (measured: docs/architecture.md "Browser tier"). Scrapy's reactorless mode (used by
in-process tests) cannot host it: there the tier is off and the reason is reported.

The browser is started lazily by the first browser request of a poll and closed with the poll's
crawl, so a daemon never accumulates Chromium processes; a poll without browser requests costs only
the Playwright driver process.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import os
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from scrapy.crawler import Crawler
from scrapy.http import Request, Response

from crawler.mirror import from_mirror
from crawler.politeness import slot_key
from crawler.registry import SourceSpec
from crawler.siteguard import SitePolicy
from parsers.blocks import challenge_kind

log = logging.getLogger(__name__)
HANDLER = "crawler.browser_handler.SharedPlaywrightHandler"
SESSION_COOKIE_SECONDS = 1800  # a cookie without expiry (browser-session cookie) is trusted this long
EXPIRY_MARGIN = 2  # seconds: a cookie about to expire is not sent (a late expiry is re-solved anyway)
# Jiasule takes two rounds, WZWS one plus a redirect: a page still a challenge after this many loads
# is one the browser cannot pass (a static challenge reloading itself forever gives up in ~1 s).
MAX_ROUNDS = 6
CHALLENGE_LOAD_SECONDS = 10.0  # the first load of a challenge page (a real one takes well under 2 s)
_SETTLED_JS = ("() => document.readyState === 'complete' && !!document.body && "
               "(document.body.childElementCount > 0 || document.body.innerText.trim().length > 0)")
SKIPPED_RESOURCES = frozenset({"image", "media", "font"})  # never needed to pass a challenge or read a list


def unavailable(enabled: bool, executable: str, reactor: bool) -> str | None:
    """Why the browser tier cannot run in this crawl (None: it can)."""
    if not enabled:
        return "the browser tier is disabled ([browser] enabled = false)"
    if not reactor:
        return "the browser tier needs Twisted's asyncio reactor (not Scrapy's reactorless mode)"
    if not (os.path.isfile(executable) and os.access(executable, os.X_OK)):
        return f"Chromium not found at {executable} (apt install chromium, or set [browser] executable)"
    try:
        import scrapy_playwright  # noqa: F401
    except ImportError:
        return "scrapy-playwright is not installed (pip install 'policywatch[browser]')"
    return None


class BrowserGuard:
    """PLAYWRIGHT_ABORT_REQUEST: what a page's own scripts may make the browser fetch.

    Scrapy's requests pass ``crawler/siteguard.py``; a page's subrequests (XHR, scripts, frames) do
    not, so a hostile page could point the browser at 169.254.169.254 or a private host. Here every
    subrequest must be on a host of one of the crawl's sources (declared, or same site by name; in
    mirror mode read back from the mirror URL); images, media and fonts are never fetched at all.
    Known gap: a same-site name is not resolved here, so it is not checked for private addresses.
    """

    def __init__(self, sources: Iterable[SourceSpec], mirror: str | None) -> None:
        self.policies = [SitePolicy.of(src) for src in sources]
        self.mirror = mirror

    def __call__(self, request: Any) -> bool:
        if str(request.resource_type) in SKIPPED_RESOURCES:
            return True
        url = str(request.url)
        if url.startswith(("data:", "blob:", "about:")):
            return False
        if self.mirror:
            url = from_mirror(url, self.mirror, "https")
        return all(policy.judge(url) == "refused" for policy in self.policies)


def playwright_settings(executable: str, timeout: float) -> dict[str, Any]:
    """The Scrapy settings that put scrapy-playwright in front of http(s), with the system Chromium."""
    return {
        "PW_BROWSER": True,
        "DOWNLOAD_HANDLERS": {"http": HANDLER, "https": HANDLER},
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        # No browser download: the distribution's Chromium (apt install chromium).
        "PLAYWRIGHT_LAUNCH_OPTIONS": {"executable_path": executable, "headless": True,
                                      "timeout": int(timeout * 1000)},
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": int(timeout * 1000),
        # The browser sends its own headers and cookies: a challenge must see one consistent browser,
        # not Scrapy's cookie jar (whose __jsluid_h would not match the browser's clearance).
        "PLAYWRIGHT_PROCESS_REQUEST_HEADERS": None,
        "PLAYWRIGHT_MAX_CONTEXTS": 4,
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 1,
    }


class ClearanceJar:
    """Cookies a browser earned per official host, with their expiry, kept across polls in a file.

    The file holds live clearance cookies: it is written with mode 0600 in the data directory and
    its values are never logged.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.hosts: dict[str, dict[str, Any]] = {}
        if path is not None and path.is_file():
            try:
                self.hosts = json.loads(path.read_text("utf-8"))
            except (OSError, ValueError):
                log.warning("clearance file %s unreadable; challenges will be solved again", path)

    def get(self, host: str, now: float | None = None) -> dict[str, Any] | None:
        """The stored clearance of ``host`` if every cookie of it is still valid."""
        entry = self.hosts.get(host)
        now = time.time() if now is None else now
        if entry is None or not entry.get("cookies"):
            return None
        if any(c["expires"] <= now + EXPIRY_MARGIN for c in entry["cookies"]):
            return None
        return entry

    def put(self, host: str, cookies: list[Mapping[str, Any]], user_agent: str, now: float | None = None) -> None:
        now = time.time() if now is None else now
        kept = [{"name": str(c["name"]), "value": str(c["value"]),
                 "expires": float(c["expires"]) if float(c.get("expires", -1)) > 0 else now + SESSION_COOKIE_SECONDS}
                for c in cookies]
        self.hosts[host] = {"cookies": kept, "user_agent": user_agent, "stored": now}
        self._save()

    def drop(self, host: str) -> None:
        if self.hosts.pop(host, None) is not None:
            self._save()

    def _save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(self.hosts, fh)
        os.replace(tmp, self.path)


def merge_cookie_header(header: bytes | None, cookies: list[Mapping[str, Any]]) -> bytes:
    """The request's Cookie header with the clearance cookies added (they win over same-named ones)."""
    pairs: dict[str, str] = {}
    for part in (header or b"").decode("latin-1").split(";"):
        name, sep, value = part.strip().partition("=")
        if sep:
            pairs[name] = value
    pairs.update({c["name"]: c["value"] for c in cookies})
    return "; ".join(f"{k}={v}" for k, v in pairs.items()).encode("latin-1")


def official_host(request: Request) -> str:
    return slot_key(request.meta.get("pw_official", request.url))


def jar_key(request: Request) -> str:
    """Whose cookies these are: the official host, and the server really fetched when that is
    another one (a mirror): a mirror's cookies must never reach the real site, nor one emulated
    host's another. Read from the URL, not from meta: robots.txt requests carry no mirror meta."""
    host = official_host(request)
    fetched = (urlsplit(request.url).hostname or "").lower()
    return host if fetched == host else f"{host} via {urlsplit(request.url).netloc}"


def context_proxy(proxy: str | None, authorization: bytes | None) -> dict[str, str] | None:
    """A Playwright context proxy for a Scrapy request's proxy. Scrapy's HttpProxyMiddleware (750)
    has by now moved the URL's credentials into a ``Proxy-Authorization: Basic`` header; Playwright
    wants them as fields."""
    if not proxy:
        return None
    parts = urlsplit(proxy)
    server = f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    out = {"server": server}
    if parts.username:
        out.update(username=unquote(parts.username), password=unquote(parts.password or ""))
    elif authorization and authorization.startswith(b"Basic "):
        user, _, password = base64.b64decode(authorization[6:]).decode("latin-1").partition(":")
        out.update(username=user, password=password)
    return out


class BrowserTierMiddleware:
    """Downloader middleware deciding which requests the browser takes (module docstring)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        settings = crawler.settings
        self.enabled = settings.getbool("PW_BROWSER")
        self.timeout = settings.getfloat("PW_BROWSER_TIMEOUT", 30.0)
        jar_file = settings.get("PW_CLEARANCE_FILE")
        self.jar = ClearanceJar(Path(jar_file) if jar_file else None)
        self.locks: dict[str, asyncio.Lock] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BrowserTierMiddleware:
        return cls(crawler)

    def _count(self, host: str) -> None:
        stats = self.crawler.stats
        assert stats is not None
        stats.inc_value("pw_browser/pages")
        stats.inc_value(f"pw_browser/pages/{host}")

    # -- requests ------------------------------------------------------------------------
    def process_request(self, request: Request) -> None:
        if request.meta.get("playwright"):
            return
        host = official_host(request)
        clearance = self.jar.get(jar_key(request))
        if clearance is not None:
            request.headers[b"Cookie"] = merge_cookie_header(request.headers.get(b"Cookie"), clearance["cookies"])
            if clearance.get("user_agent"):
                request.headers[b"User-Agent"] = clearance["user_agent"]
            request.meta["pw_clearance_sent"] = True
        if request.meta.get("pw_render") and self.enabled:
            self._to_browser(request, host, render=True)

    def _to_browser(self, request: Request, host: str, *, render: bool) -> None:
        meta = request.meta
        meta["playwright"] = True
        meta["dont_cache"] = True  # a rendered DOM or a challenge round is not the server's page
        meta["playwright_context"] = f"{'render' if render else 'clear'}-{host}"
        kwargs: dict[str, Any] = {}
        # scrapy-playwright ignores meta["proxy"]: the browser context gets the channel's egress.
        proxy = context_proxy(meta.get("proxy"), request.headers.get(b"Proxy-Authorization"))
        if proxy:
            kwargs["proxy"] = proxy
        meta["playwright_context_kwargs"] = kwargs
        meta["playwright_include_page"] = True  # we close page and context ourselves, right after
        # A challenge reloads itself: goto returns at the first response and _settle follows the rounds
        # (waiting for "load" of a page that navigates away again would wait out the whole timeout).
        # A static challenge that reloads itself forever never reaches "load": bound that wait.
        meta["playwright_page_goto_kwargs"] = {"wait_until": "networkidle" if render else "load",
                                               "timeout": 1000 * min(self.timeout, CHALLENGE_LOAD_SECONDS)}

    # -- responses -----------------------------------------------------------------------
    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("playwright"):
            return await self._browser_response(request, response)
        kind = challenge_kind(response.body)
        if kind is None:
            return response
        host, key = official_host(request), jar_key(request)
        if request.meta.get("pw_clearance_sent"):
            # The server no longer accepts our cookies (expired early, or revoked): forget them.
            self.jar.drop(key)
        if not self.enabled or request.meta.get("pw_cleared"):
            return response  # no browser, or a fresh clearance did not pass: the spider reports it
        if request.meta.get("pw_clearance_sent"):
            log.info("clearance of %s no longer accepted: solving its challenge again", host)
        async with self.locks.setdefault(host, asyncio.Lock()):
            if self.jar.get(key) is not None and not request.meta.get("pw_clearance_sent"):
                return self._plain_again(request)  # another request of this host just cleared it
            solve = request.replace(dont_filter=True, meta={**request.meta, "pw_challenge": kind,
                                                             "pw_challenged": response})
            self._to_browser(solve, host, render=False)
            return solve

    async def process_exception(self, request: Request, exception: Exception) -> Response | None:
        """The browser failed (timeout, crash) on a challenge: the channel gets the challenge it met
        over plain HTTP, reported blocked as not passed, instead of a network error."""
        if request.meta.get("playwright"):
            await self._close(request.meta.pop("playwright_page", None))  # include_page: ours to close
        challenged = request.meta.get("pw_challenged")
        if not request.meta.get("playwright") or challenged is None:
            return None
        log.warning("browser failed on the challenge of %s: %s", official_host(request), type(exception).__name__)
        self._count(official_host(request))
        return challenged.replace(flags=[*challenged.flags, "challenge_not_passed"])

    def _plain_again(self, request: Request) -> Request:
        meta = {k: v for k, v in request.meta.items()
                if not k.startswith("playwright")
                and k not in {"pw_challenge", "pw_challenged", "dont_cache", "pw_clearance_sent"}}
        meta["pw_cleared"] = True
        return request.replace(dont_filter=True, meta=meta)

    async def _browser_response(self, request: Request, response: Response) -> Request | Response:
        page = request.meta.pop("playwright_page", None)
        host = official_host(request)
        self._count(host)
        try:
            if not request.meta.get("pw_challenge") or page is None:
                return response  # a rendered list
            passed = await self._settle(page)
            if not passed:
                log.warning("browser did not pass the %s challenge of %s", request.meta["pw_challenge"], host)
                return response.replace(flags=[*response.flags, "challenge_not_passed"])
            cookies = await page.context.cookies()
            agent = await page.evaluate("navigator.userAgent")
            self.jar.put(jar_key(request), cookies, agent)
            return self._plain_again(request)
        finally:
            await self._close(page)

    async def _settle(self, page: Any) -> bool:
        """Wait until the page is no longer a challenge (its scripts set cookies and reload, maybe twice)."""
        from playwright.async_api import Error as PlaywrightError

        loads = [0]
        page.on("load", lambda _page: loads.__setitem__(0, loads[0] + 1))
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline and loads[0] <= MAX_ROUNDS:
            try:
                await page.wait_for_load_state("load")
                html = await page.content()
                # Between two rounds the page can be an empty document: that is not "passed" (its
                # cookies would be taken before the challenge set them).
                done = await page.evaluate(_SETTLED_JS)
            except PlaywrightError:
                await asyncio.sleep(0.1)  # navigating: the challenge is reloading the page
                continue
            if done and challenge_kind(html.encode("utf-8")) is None:
                return True
            await asyncio.sleep(0.2)
        return False

    @staticmethod
    async def _close(page: Any) -> None:
        if page is None:
            return
        from playwright.async_api import Error as PlaywrightError

        try:
            await page.close()
            await page.context.close()  # one context per host and round: nothing lingers
        except PlaywrightError:
            pass
