"""PushPlus (推送加): one HTML push per digest to the token owner's WeChat.

Setup: log in at www.pushplus.plus with WeChat, copy the user token.

Limits honoured: title ≤ 100 chars, HTML content ≤ 20,000 chars (full items
when they fit, else a linked title list, else the first titles + "另有 N 条").
``code == 200`` only means *accepted*: delivery is asynchronous since v1.3, so
a success here is not proof of delivery. Code 500 (server error) is retryable;
other non-200 codes (bad token, quota, account limits) are not.
"""

from __future__ import annotations

import re

from notifier.channels.base import SendResult, log, mask, require
from notifier.channels.http import HttpTransport, http_failure
from notifier.digest import Digest
from notifier.render import render_pushplus

DEFAULT_BASE_URL = "https://www.pushplus.plus"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{8,128}$")
_RETRYABLE_CODES = (500,)


class PushPlusChannel:
    kind = "pushplus"

    def __init__(
        self,
        token: str,
        base_url: str = DEFAULT_BASE_URL,
        *,
        transport: HttpTransport | None = None,
    ) -> None:
        require(
            isinstance(token, str) and bool(_TOKEN.fullmatch(token)), "pushplus token is missing or malformed"
        )
        require(base_url.startswith(("http://", "https://")), "pushplus base_url must be http(s)")
        self._token = token
        self.base_url = base_url.rstrip("/")
        self.transport = transport or HttpTransport()

    def __repr__(self) -> str:
        return f"PushPlusChannel(base_url={self.base_url!r}, token={mask(self._token)})"

    def send(self, digest: Digest) -> SendResult:
        push = render_pushplus(digest)
        body = {"token": self._token, "title": push.title, "content": push.body, "template": "html"}
        reply = self.transport.post(f"{self.base_url}/send", json=body, secrets=[self._token])
        result = http_failure(reply, "pushplus") or self._judge(reply.payload, reply.error)
        if not result.ok:
            log.warning("pushplus send of digest %s failed: %s", digest.digest_id, result.detail)
        return result

    def _judge(self, payload: object, error: str = "") -> SendResult:
        if not isinstance(payload, dict) or "code" not in payload:
            return SendResult(False, True, f"pushplus: unreadable reply{f' ({error})' if error else ''}")
        if payload["code"] == 200:
            return SendResult(True, False, "pushplus: accepted (delivery is asynchronous)", 1)
        message = str(payload.get("msg", ""))[:200].replace(self._token, "***")
        retryable = payload["code"] in _RETRYABLE_CODES
        return SendResult(False, retryable, f"pushplus: code {payload['code']} {message}")
