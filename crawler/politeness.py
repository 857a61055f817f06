"""How fast each site is fetched: per-host download slots built from source and channel delays.

Scrapy paces requests per *download slot*; by default a slot is a host and every slot waits the
global ``DOWNLOAD_DELAY``. Sites differ (a WAF that bans at one request a second next to a portal
that does not care), so each channel's effective delay is, first match wins:

1. the channel's own ``download_delay`` (registry entry or user sources file);
2. ``[sources.<id>] download_delay`` in the config file;
3. the source's ``download_delay`` (registry entry or user sources file);
4. ``[crawl] download_delay``.

Requests are slotted by the host of the *official* URL (``meta["download_slot"]``, set by the
spider), so a mirror, ``force_http`` or a proxy never merges or splits the sites' slots. Two
channels on one host share its slot, at the larger of their delays: politeness errs on the slow side.
Scrapy's jitter applies (``RANDOMIZE_DOWNLOAD_DELAY``: each wait is 0.5-1.5 x the delay).

With AutoThrottle on, the delay of a slot adapts to the site's latency but never drops below the
slot's declared delay (``PoliteAutoThrottle``); Scrapy's own extension would let it fall to the
global ``DOWNLOAD_DELAY``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from scrapy.core.downloader import Slot
from scrapy.crawler import Crawler
from scrapy.extensions.throttle import AutoThrottle
from scrapy.http import Response

from crawler.registry import ChannelSpec, SourceSpec


def slot_key(url: str) -> str:
    """The download slot of a URL: its host, as Scrapy's default slot would be on the real site."""
    return (urlsplit(url).hostname or "").lower()


def channel_delay(source: SourceSpec, channel: ChannelSpec, overrides: Mapping[str, Any],
                  default: float) -> float:
    """The effective delay of one channel (the order in the module docstring)."""
    for value in (channel.download_delay, overrides.get("download_delay"), source.download_delay):
        if value is not None:
            return float(value)
    return default


def download_slots(sources: Iterable[SourceSpec], overrides: Mapping[str, Mapping[str, Any]],
                   default: float) -> dict[str, dict[str, float]]:
    """``DOWNLOAD_SLOTS`` for Scrapy: one entry per host whose delay differs from the default."""
    delays: dict[str, float] = {}
    for src in sources:
        for ch in src.channels:
            key = slot_key(ch.url)
            delay = channel_delay(src, ch, overrides.get(src.id, {}), default)
            delays[key] = max(delays.get(key, 0.0), delay)
    return {key: {"delay": delay} for key, delay in sorted(delays.items()) if delay != default}


class PoliteAutoThrottle(AutoThrottle):
    """AutoThrottle whose per-slot floor is the slot's declared delay, not the global one."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        slots = crawler.settings.getdict("DOWNLOAD_SLOTS")
        self.floors = {key: float(conf.get("delay", 0.0)) for key, conf in slots.items()}

    def _adjust_delay(self, slot: Slot, latency: float, response: Response) -> None:
        super()._adjust_delay(slot, latency, response)
        slot.delay = max(slot.delay, self._floor(slot))

    def _floor(self, slot: Slot) -> float:
        assert self.crawler.engine is not None
        for key, candidate in self.crawler.engine.downloader.slots.items():
            if candidate is slot:
                return self.floors.get(key, self.mindelay)
        return self.mindelay
