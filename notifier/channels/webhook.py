"""Generic JSON webhook: POST the whole digest (schema ``policywatch.digest/1``,
documented in docs/channels.md) to a URL the subscriber runs.

2xx is success; 429, 5xx and transport errors are retryable; other statuses,
redirects included, are not. The ``Idempotency-Key`` header carries the digest id so
receivers can drop a resend they already processed.

The URL is chosen by a subscriber, so it goes through `HttpTransport` (reply size cap,
total deadline, no redirects, no internal addresses unless allow-listed). A URL naming an
internal IP address is refused here already, when the subscription is made.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit, urlunsplit

from notifier.channels.base import SendResult, log, require
from notifier.channels.http import HttpReply, HttpTransport, http_failure
from notifier.digest import Digest
from policywatch.errors import ConfigError
from policywatch.netguard import parse_address

MASK = "****"
_HAS_DIGIT = re.compile(r"\d")


def _split(url: object) -> tuple[SplitResult, int | None]:
    """The parts of an http(s) URL and its port; ConfigError for anything else, a bad port included."""
    # urlsplit silently drops tabs and newlines; a URL containing them was not typed by accident.
    printable = isinstance(url, str) and url.isprintable() and " " not in url
    require(printable, "webhook url has spaces or control characters")
    try:
        parts = urlsplit(url if isinstance(url, str) else "")
        port = parts.port  # raises ValueError for "host:99999" or "host:abc"
    except ValueError as exc:
        raise ConfigError(f"webhook url has an invalid port or host: {exc}") from None
    require(parts.scheme in ("http", "https") and bool(parts.hostname), "webhook url must be an http(s) URL")
    require(port != 0, "webhook url port must be 1-65535")
    return parts, port


def _secret_segment(segment: str) -> bool:
    """Path segments that look like credentials (Slack/Discord/Feishu hook tokens, UUIDs)."""
    return len(segment) >= 16 or (len(segment) >= 8 and bool(_HAS_DIGIT.search(segment)))


def masked_url(url: str) -> str:
    """The URL for people and logs: userinfo password, every query value, the fragment and
    key-like path segments replaced by ``****``; what is left says where it goes."""
    try:
        parts = urlsplit(url)
        _ = parts.port  # a bad port raises: nothing after it can be trusted to be a host
    except ValueError:
        return f"{url.split(':', 1)[0][:10]}://{MASK} (unparsable URL)"
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        user = userinfo.split(":", 1)[0]
        netloc = f"{user}:{MASK}@{host}" if ":" in userinfo else f"{MASK}@{host}"
    path = "/".join(MASK if _secret_segment(s) else s for s in parts.path.split("/"))
    query = "&".join(f"{p.split('=', 1)[0]}={MASK}" if "=" in p else MASK for p in parts.query.split("&") if p)
    return urlunsplit((parts.scheme, netloc, path, query, MASK if parts.fragment else ""))


class WebhookChannel:
    kind = "webhook"

    def __init__(self, url: str, *, transport: HttpTransport | None = None) -> None:
        parts, port = _split(url)
        host = str(parts.hostname)
        self.transport = transport or HttpTransport()
        if parse_address(host) is not None:
            # Knowable without the network: fail at `subscribe`, not at the first send.
            allow = self.transport.allow
            require(
                allow.allows_name(host) or allow.acceptable(host),
                f"webhook url points at internal address {host}; "
                "allow it in [notify] webhook_allow_hosts if that is intended",
            )
        self._url = url
        # Path, query and userinfo may carry tokens: only scheme://host:port is shown.
        self.display = f"{parts.scheme}://{parts.hostname}" + (f":{port}" if port else "")

    def __repr__(self) -> str:
        return f"WebhookChannel(url={self.display + '/…'!r})"

    def send(self, digest: Digest) -> SendResult:
        headers = {"Idempotency-Key": digest.digest_id, "Content-Type": "application/json; charset=utf-8"}
        reply = self.transport.post(self._url, json=digest.to_json(), headers=headers, secrets=self._secrets())
        result = http_failure(reply, f"webhook {self.display}")
        if result is not None:
            log.warning("webhook send of digest %s failed: %s", digest.digest_id, result.detail)
            return result
        return SendResult(True, False, self._success(reply), 1)

    def _success(self, reply: HttpReply) -> str:
        # The reply body is not needed (the status decides); an over-long one was cut at the cap.
        cut = " (reply over the size cap, dropped)" if reply.error else ""
        return f"webhook {self.display}: HTTP {reply.status}{cut}"

    def _secrets(self) -> list[str]:
        parts = urlsplit(self._url)
        return [s for s in (self._url, parts.path, parts.query, parts.password or "") if len(s) > 1]
