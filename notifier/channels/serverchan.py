"""Server酱 Turbo (ServerChan): one push per digest, relayed to WeChat and other apps.

Setup: log in at sct.ftqq.com, copy the SendKey (``SCT…``). SC3 keys
(``sctp{uid}t…``) are sent to ``https://{uid}.push.ft07.com/send/{key}.send``.

Limits honoured: title ≤ 32 chars, markdown ``desp`` ≤ 32 KB (whole items only,
then "另有 N 条"), ``short`` ≤ 64 chars. Reply JSON ``code == 0`` is success.
The free tier has a daily quota; an over-quota reply is a non-zero code, reported
as not retryable (retrying the same day cannot help).
"""

from __future__ import annotations

import re

from notifier.channels.base import SendResult, log, mask, require
from notifier.channels.http import HttpTransport, http_failure
from notifier.digest import Digest
from notifier.render import render_serverchan

DEFAULT_BASE_URL = "https://sctapi.ftqq.com"
_KEY = re.compile(r"^[A-Za-z0-9_-]{8,128}$")
_SC3_KEY = re.compile(r"^sctp(\d+)t")


class ServerChanChannel:
    kind = "serverchan"

    def __init__(
        self,
        sendkey: str,
        base_url: str = DEFAULT_BASE_URL,
        *,
        transport: HttpTransport | None = None,
    ) -> None:
        require(
            isinstance(sendkey, str) and bool(_KEY.fullmatch(sendkey)),
            "serverchan sendkey is missing or malformed",
        )
        require(base_url.startswith(("http://", "https://")), "serverchan base_url must be http(s)")
        self._key = sendkey
        self.base_url = base_url.rstrip("/")
        self.transport = transport or HttpTransport()

    def __repr__(self) -> str:
        return f"ServerChanChannel(base_url={self.base_url!r}, sendkey={mask(self._key)})"

    @property
    def _url(self) -> str:
        sc3 = _SC3_KEY.match(self._key)
        if sc3 and self.base_url == DEFAULT_BASE_URL:
            return f"https://{sc3.group(1)}.push.ft07.com/send/{self._key}.send"
        return f"{self.base_url}/{self._key}.send"

    def send(self, digest: Digest) -> SendResult:
        push = render_serverchan(digest)
        form = {"title": push.title, "desp": push.body, "short": push.short}
        reply = self.transport.post(self._url, data=form, secrets=[self._key])
        result = http_failure(reply, "serverchan") or self._judge(reply.payload, reply.error)
        if not result.ok:
            log.warning("serverchan send of digest %s failed: %s", digest.digest_id, result.detail)
        return result

    def _judge(self, payload: object, error: str = "") -> SendResult:
        if not isinstance(payload, dict) or "code" not in payload:
            return SendResult(False, True, f"serverchan: unreadable reply{f' ({error})' if error else ''}")
        if payload["code"] == 0:
            return SendResult(True, False, "serverchan: accepted", 1)
        message = str(payload.get("message", ""))[:200].replace(self._key, "***")
        return SendResult(False, False, f"serverchan: code {payload['code']} {message}")
