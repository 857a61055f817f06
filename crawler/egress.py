"""Per-source egress: which channels go through a proxy (a mainland egress), and which go direct.

First match wins, for one channel:

1. ``[sources.<id>.channels.<cid>] proxy`` (an empty string forces direct);
2. ``[sources.<id>] proxy``, then the source's ``proxy`` in the registry or a user sources file;
3. ``[crawl] proxy`` — only for the channels the registry marks ``needs_egress`` (geo-fenced abroad).
   A proxy is never used for a host that does not need one.

``${VAR}`` in a proxy URL is read from the environment when the crawl starts, so credentials live
in the environment, not in the config file; status shows only ``scheme://host:port``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from crawler.registry import ChannelSpec, SourceSpec
from policywatch.errors import ConfigError

SCHEMES = ("http", "https")  # what Scrapy's HTTP client can tunnel through
_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def configured_proxy(source: SourceSpec, channel: ChannelSpec, overrides: Mapping[str, Any],
                     default: str) -> str | None:
    """The channel's proxy as configured (``${VAR}`` not yet expanded), None for direct."""
    per_channel = overrides.get("channels", {}).get(channel.id, {})
    if "proxy" in per_channel:
        return str(per_channel["proxy"]) or None
    for value in (overrides.get("proxy"), source.proxy):
        if value:
            return str(value)
    return (default or None) if channel.needs_egress else None


def expand(proxy: str, env: Mapping[str, str] | None = None) -> str:
    """``${VAR}`` replaced from the environment; a missing variable or scheme is a ConfigError."""
    env = os.environ if env is None else env

    def var(match: re.Match[str]) -> str:
        if match.group(1) not in env:
            raise ConfigError(f"proxy {public(proxy)} needs the environment variable {match.group(1)}")
        return env[match.group(1)]

    url = _VAR.sub(var, proxy)
    scheme = urlsplit(url).scheme
    if scheme not in SCHEMES:
        raise ConfigError(f"proxy {public(proxy)}: only http:// and https:// proxies are supported "
                          "(Scrapy's HTTP client cannot speak SOCKS; run a local HTTP-to-SOCKS bridge)")
    return url


def public(proxy: str) -> str:
    """A proxy URL without credentials: what status and logs may show."""
    parts = urlsplit(proxy)
    host = parts.hostname or "?"
    return f"{parts.scheme}://{host}:{parts.port}" if parts.port else f"{parts.scheme}://{host}"


def egress_label(source: SourceSpec, channel: ChannelSpec, overrides: Mapping[str, Any], default: str) -> str:
    """What ``policywatch status`` shows for a channel's egress."""
    proxy = configured_proxy(source, channel, overrides, default)
    if proxy:
        return f"proxy {public(proxy)}"
    return "direct (needs a mainland egress)" if channel.needs_egress else "direct"
