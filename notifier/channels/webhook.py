"""Generic JSON webhook: POST the whole digest (schema ``policywatch.digest/1``,
documented in docs/channels.md) to a URL the subscriber runs.

2xx is success; 429, 5xx and transport errors are retryable; other statuses are
not. The ``Idempotency-Key`` header carries the digest id so receivers can drop
a resend they already processed.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import requests

from notifier.channels.base import (
    DEFAULT_HTTP_TIMEOUT,
    HttpReply,
    SendResult,
    http_failure,
    log,
    new_session,
    redact,
    require,
)
from notifier.digest import Digest


class WebhookChannel:
    kind = "webhook"

    def __init__(
        self,
        url: str,
        *,
        timeout: tuple[float, float] = DEFAULT_HTTP_TIMEOUT,
        session: requests.Session | None = None,
    ) -> None:
        parts = urlsplit(url if isinstance(url, str) else "")
        require(
            parts.scheme in ("http", "https") and bool(parts.hostname), "webhook url must be an http(s) URL"
        )
        self._url = url
        # Path, query and userinfo may carry tokens: only scheme://host:port is shown.
        self.display = f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")
        self.timeout = timeout
        self._session = session or new_session()

    def __repr__(self) -> str:
        return f"WebhookChannel(url={self.display + '/…'!r})"

    def send(self, digest: Digest) -> SendResult:
        headers = {"Idempotency-Key": digest.digest_id, "Content-Type": "application/json; charset=utf-8"}
        try:
            response = self._session.post(
                self._url, json=digest.to_json(), headers=headers, timeout=self.timeout
            )
        except requests.RequestException as exc:
            detail = redact(f"webhook {self.display}: {type(exc).__name__}: {exc}", self._secrets())
            log.warning("webhook send of digest %s failed: %s", digest.digest_id, detail)
            return SendResult(False, True, detail)
        result = http_failure(HttpReply(response.status_code, None, ""), f"webhook {self.display}")
        if result is not None:
            log.warning("webhook send of digest %s failed: %s", digest.digest_id, result.detail)
            return result
        return SendResult(True, False, f"webhook {self.display}: HTTP {response.status_code}", 1)

    def _secrets(self) -> list[str]:
        parts = urlsplit(self._url)
        return [s for s in (self._url, parts.path, parts.query, parts.password or "") if len(s) > 1]
