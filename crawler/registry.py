"""The declarative source registry: a source is data, not code.

Adding a source = an entry in ``crawler/sources.py`` (or a user TOML file) + snapshots + a test;
a parser only when its CMS family is new.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from parsers.page import ChannelContext
from policywatch.errors import ConfigError

ID_RE = re.compile(r"^[a-z0-9_]+$")
CHALLENGES = frozenset({"", "jiasule", "wzws"})  # what parsers.blocks.challenge_kind recognises
# Crawl-worker queues (policywatch/engine.py): a channel's polls go to the queue of the egress it needs.
# A geo-fenced channel (needs_egress) is polled by a worker with a mainland egress, `worker --queue cn`.
DEFAULT_QUEUE = "default"
EGRESS_QUEUE = "cn"
QUEUES = (DEFAULT_QUEUE, EGRESS_QUEUE)


@dataclass(frozen=True)
class ChannelSpec:
    id: str
    name: str
    url: str
    platform: str
    options: Mapping[str, Any] = field(default_factory=dict)
    publishes: str = ""  # what users find here (docs/sources.md)
    access: str = ""  # known access limits (docs/sources.md)
    needs_browser: bool = False  # list built by JS: rendered by the browser tier (crawler/browser.py)
    needs_egress: bool = False  # geo-fenced abroad: [crawl] proxy (a mainland egress) applies (crawler/egress.py)
    # The JS cookie challenge the site is documented to answer with ("jiasule", "wzws"). Informative
    # (docs, `sources`): any recognised challenge is passed by the browser tier, declared or not.
    challenge: str = ""
    max_pages: int | None = None
    download_delay: float | None = None  # seconds between requests to this channel's host (crawler.politeness)

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc

    @property
    def queue(self) -> str:
        """The crawl-worker queue whose workers can reach this channel (``QUEUES``)."""
        return EGRESS_QUEUE if self.needs_egress else DEFAULT_QUEUE


@dataclass(frozen=True)
class SourceSpec:
    id: str
    name: str
    city: str
    channels: tuple[ChannelSpec, ...]
    referer: str | None = None  # sent on every request where the site checks it
    force_http: bool = False  # fetch over http:// where TLS is broken (*.sz.gov.cn BAD_ECPOINT)
    download_delay: float | None = None  # for every channel of the source without its own
    proxy: str | None = None
    # Other hosts its pages may link or redirect to (attachment servers, CDNs), "host[:port]" or a
    # URL; the channels' own hosts are always allowed (crawler/siteguard.py).
    hosts: tuple[str, ...] = ()

    def channel(self, channel_id: str) -> ChannelSpec:
        for ch in self.channels:
            if ch.id == channel_id:
                return ch
        raise KeyError(f"{self.id}: no channel {channel_id!r}")


def context(source: SourceSpec, channel: ChannelSpec) -> ChannelContext:
    return ChannelContext(key=f"{source.id}/{channel.id}", url=channel.url, options=channel.options)


def validate(sources: Iterable[SourceSpec]) -> tuple[SourceSpec, ...]:
    seen: set[str] = set()
    out = []
    for src in sources:
        if not ID_RE.match(src.id):
            raise ConfigError(f"source id {src.id!r} must match [a-z0-9_]+")
        if src.id in seen:
            raise ConfigError(f"duplicate source id {src.id!r}")
        seen.add(src.id)
        ch_ids: set[str] = set()
        for ch in src.channels:
            if not ID_RE.match(ch.id) or ch.id in ch_ids:
                raise ConfigError(f"{src.id}: bad or duplicate channel id {ch.id!r}")
            ch_ids.add(ch.id)
            if ch.challenge not in CHALLENGES:
                raise ConfigError(f"{src.id}/{ch.id}: challenge must be one of {sorted(CHALLENGES)}")
            if urlsplit(ch.url).scheme not in {"http", "https"}:
                raise ConfigError(f"{src.id}/{ch.id}: only http(s) URLs are allowed, not {ch.url!r}")
        out.append(src)
    return tuple(out)


def select_sources(all_sources: tuple[SourceSpec, ...], ids: Iterable[str]) -> tuple[SourceSpec, ...]:
    wanted = list(ids)
    if not wanted:
        return all_sources
    by_id = {s.id: s for s in all_sources}
    unknown = [i for i in wanted if i.split("/")[0] not in by_id]
    if unknown:
        raise ConfigError(f"unknown source {', '.join(unknown)}; known: {', '.join(by_id)}")
    out: list[SourceSpec] = []
    for ident in wanted:
        sid, _, cid = ident.partition("/")
        src = by_id[sid]
        if cid:
            try:
                src = SourceSpec(**{**src.__dict__, "channels": (src.channel(cid),)})
            except KeyError as exc:
                raise ConfigError(str(exc)) from None
        out.append(src)
    return tuple(out)


def find_channel(all_sources: Iterable[SourceSpec], url: str) -> tuple[SourceSpec, ChannelSpec] | None:
    """The channel whose list URL is the longest prefix of ``url`` on the same host, if any."""
    parts = urlsplit(url)
    best: tuple[int, SourceSpec, ChannelSpec] | None = None
    for src in all_sources:
        for ch in src.channels:
            cparts = urlsplit(ch.url)
            if cparts.netloc != parts.netloc:
                continue
            prefix = cparts.path.rsplit("/", 1)[0] + "/"
            score = len(prefix) if parts.path.startswith(prefix) else 0
            if best is None or score > best[0]:
                best = (score, src, ch)
    return (best[1], best[2]) if best else None


def sources_json(sources: Iterable[SourceSpec]) -> list[dict[str, Any]]:
    return [
        {"id": s.id, "name": s.name, "city": s.city,
         "channels": [{"id": c.id, "name": c.name, "url": c.url, "platform": c.platform,
                       "needs_browser": c.needs_browser, "needs_egress": c.needs_egress,
                       "challenge": c.challenge} for c in s.channels]}
        for s in sources
    ]
