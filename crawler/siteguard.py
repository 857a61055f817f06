"""Where a crawl may go: only to the sites it was told about (the SSRF defence).

A list page or a redirect is content from the network, and for plain-HTTP sites (Shenzhen) from
anyone on the path. Without a guard, a link or a ``Location`` pointing at 127.0.0.1:other-port, a
metadata address (169.254.169.254) or a private range would be fetched, archived as a notice of the
official site and mailed to subscribers. Every request of a poll — list pages, details, attachments,
vanished-notice checks and every redirect hop — is judged here, against the request's channel:

1. **Declared**: the host and port of one of the source's channel URLs, or of a host the source
   declares in ``hosts`` (attachment servers, CDNs). Always allowed, whatever it resolves to, so a
   sources file pointing at a local server keeps working. A declared default port (80/443) allows
   the other default port too: sites mix ``http`` and ``https`` links to the same host.
2. **Same site**: a host name (not an IP literal) in the same site domain as a declared host
   (``kjj.sz.gov.cn`` for ``www.sz.gov.cn``: ``sz.gov.cn``), on a default port, allowed only when
   every address it resolves to is global (not private, loopback, link-local, reserved ...).
3. Everything else is refused with ``OffSiteRequest``: the request's channel records an
   ``off_site`` error (``store.reasons``), so a site that moved its files to a new host reaches ops
   instead of silently missing notices; declare the host in the registry to allow it.

In mirror mode the official host is read back from the mirror URL, so the same rules apply.
Known gap: rule 2 resolves the name before Scrapy connects; a DNS server answering differently the
second time (rebinding) is not caught. Declared hosts are trusted as declared.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request

from crawler.mirror import from_mirror
from crawler.registry import SourceSpec
from policywatch.netguard import is_public  # the rule shared with the notifier's webhooks

DEFAULT_PORTS = {"http": 80, "https": 443}
# Second-level suffixes under which the registrable domain has three labels (sz.gov.cn).
_THREE_LABEL_SUFFIXES = ("gov.cn", "org.cn", "edu.cn", "com.cn", "net.cn", "ac.cn")

Resolver = Callable[[str, int], Awaitable[list[str]]]


class OffSiteRequest(IgnoreRequest):
    """A request to a host the channel does not own; never fetched."""


def _origin(url: str) -> tuple[str, int] | None:
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError:
        return None
    return parts.hostname.lower().rstrip("."), port


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def site_domain(host: str) -> str | None:
    """The registrable domain of a host name (None for an IP literal or a bare name)."""
    if _is_ip(host):
        return None
    labels = host.lower().rstrip(".").split(".")
    width = 3 if ".".join(labels[-2:]) in _THREE_LABEL_SUFFIXES else 2
    return ".".join(labels[-width:]) if len(labels) >= width else None


@dataclass(frozen=True)
class SitePolicy:
    origins: frozenset[tuple[str, int]]
    domains: frozenset[str]

    @classmethod
    def of(cls, source: SourceSpec) -> SitePolicy:
        declared = [o for o in (_origin(u) for u in _declared_urls(source)) if o is not None]
        origins = set(declared)
        for host, port in declared:
            if port in DEFAULT_PORTS.values():
                origins.update((host, p) for p in DEFAULT_PORTS.values())
        domains = {d for host, _ in declared if (d := site_domain(host)) is not None}
        return cls(frozenset(origins), frozenset(domains))

    def judge(self, url: str) -> str:
        """``declared``, ``same_site`` (allowed if it resolves to global addresses only) or ``refused``."""
        origin = _origin(url)
        if origin is None:
            return "refused"
        if origin in self.origins:
            return "declared"
        host, port = origin
        if port in DEFAULT_PORTS.values() and site_domain(host) in self.domains:
            return "same_site"
        return "refused"


def _declared_urls(source: SourceSpec) -> Iterable[str]:
    yield from (ch.url for ch in source.channels)
    for host in source.hosts:
        yield host if "://" in host else f"https://{host}/"


async def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to; [] when it does not resolve."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return []
    return [str(info[4][0]) for info in infos]


class SiteGuardMiddleware:
    """Downloader middleware applying ``SitePolicy`` to every request of a poll, redirects included."""

    resolver: Resolver = staticmethod(resolve)  # tests swap in a fake DNS

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.policies: dict[str, SitePolicy] = {}
        self.public: dict[str, bool] = {}  # host -> resolved to global addresses only (per crawl)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SiteGuardMiddleware:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        key = request.cb_kwargs.get("key")
        if key is None:
            return  # robots.txt: fetched only for hosts a guarded request already passed
        if request.meta.get("redirect_urls"):
            # A redirect hop: judge (and later parse and store) the URL really being served.
            mirror, before = request.meta.get("pw_mirror"), request.meta.get("pw_official", "")
            served = from_mirror(request.url, mirror, urlsplit(before).scheme or "https") if mirror else request.url
            request.meta["pw_official"] = served
        target = request.meta.get("pw_official", request.url)
        verdict = self._policy(key).judge(target)
        if verdict == "declared" or (verdict == "same_site" and await self._public(target)):
            return
        raise OffSiteRequest(f"off-site target refused: {target} is not a host of {key}")

    def _policy(self, key: str) -> SitePolicy:
        if key not in self.policies:
            spider: Any = self.crawler.spider
            self.policies[key] = SitePolicy.of(spider.polls[key].plan.source)
        return self.policies[key]

    async def _public(self, url: str) -> bool:
        origin = _origin(url)
        assert origin is not None
        host, port = origin
        if host not in self.public:
            self.public[host] = is_public(await self.resolver(host, port))
        return self.public[host]
