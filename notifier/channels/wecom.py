"""WeCom (企业微信) group robot: markdown messages to a group chat.

Setup: in a WeCom group, 添加群机器人 → copy the webhook URL
``https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY``; KEY is the only
credential, so treat it as a secret.

Limits honoured (see docs/channels.md): markdown ≤ 4096 UTF-8 bytes per message
(split on notice boundaries, numbered "(i/N)"), ≤ 20 messages per rolling
minute per bot (`SlidingWindowPacer`). Replies: errcode 0 ok; 45009 (frequency)
→ wait and retry the same chunk, bounded; 40058 (too long) → re-split that chunk
smaller; anything else → failure, not retryable.
"""

from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import replace

from notifier.channels.base import SendResult, log, mask, require
from notifier.channels.http import HttpReply, HttpTransport, http_failure
from notifier.channels.pacing import SlidingWindowPacer
from notifier.digest import Digest
from notifier.render import (
    MIN_CHUNK_BYTES,
    WECOM_MARKDOWN_MAX_BYTES,
    MarkdownChunk,
    resplit_chunk,
    utf8_len,
    wecom_markdown_chunks,
)

DEFAULT_BASE_URL = "https://qyapi.weixin.qq.com"
ERR_OK = 0
ERR_FREQ_LIMIT = 45009  # api freq out of limit
ERR_TOO_LONG = 40058  # content exceed max length
ERR_BUSY = -1  # system busy
_KEY = re.compile(r"^[A-Za-z0-9_-]{8,128}$")


def _errcode(reply: HttpReply) -> int | None:
    payload = reply.payload
    if isinstance(payload, dict) and isinstance(payload.get("errcode"), int):
        return int(payload["errcode"])
    return None


class WeComBotChannel:
    kind = "wecom"

    def __init__(
        self,
        key: str,
        base_url: str = DEFAULT_BASE_URL,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        *,
        pacer: SlidingWindowPacer | None = None,
        max_bytes: int = WECOM_MARKDOWN_MAX_BYTES,
        retry_delays: Sequence[float] = (15.0, 30.0, 60.0),
        transport: HttpTransport | None = None,
    ) -> None:
        require(isinstance(key, str) and bool(_KEY.fullmatch(key)), "wecom key is missing or malformed")
        require(base_url.startswith(("http://", "https://")), "wecom base_url must be http(s)")
        require(max_bytes >= MIN_CHUNK_BYTES, f"wecom max_bytes must be >= {MIN_CHUNK_BYTES}")
        self._key = key
        self.base_url = base_url.rstrip("/")
        self._sleep = sleep
        # Share one pacer between channels that post to the same bot key.
        self.pacer = pacer or SlidingWindowPacer(20, 60.0, clock=clock, sleep=sleep)
        self.max_bytes = max_bytes
        self.retry_delays = tuple(retry_delays)
        self.transport = transport or HttpTransport()

    def __repr__(self) -> str:
        return f"WeComBotChannel(base_url={self.base_url!r}, key={mask(self._key)})"

    @property
    def _url(self) -> str:
        return f"{self.base_url}/cgi-bin/webhook/send?key={self._key}"

    def _post(self, text: str) -> HttpReply:
        self.pacer.wait(self._key)
        body = {"msgtype": "markdown", "markdown": {"content": text}}
        return self.transport.post(self._url, json=body, secrets=[self._key])

    def send(self, digest: Digest) -> SendResult:
        queue: deque[MarkdownChunk] = deque(wecom_markdown_chunks(digest, self.max_bytes))
        sent = 0
        retries = 0  # 45009 retries of the chunk at the head of the queue
        delivered: list[int] = []
        while queue:
            chunk = queue[0]
            reply = self._post(chunk.text)
            failure = http_failure(reply, "wecom", sent)
            code = _errcode(reply)
            if failure is None and code == ERR_OK:
                queue.popleft()  # acknowledged: never posted again in this call
                sent, retries = sent + 1, 0
                delivered.extend(chunk.item_indices)
                continue
            if failure is None and code == ERR_FREQ_LIMIT and retries < len(self.retry_delays):
                self._sleep(self.retry_delays[retries])
                retries += 1
                continue
            if failure is None and code == ERR_TOO_LONG:
                smaller = self._resplit(digest, chunk)
                if smaller:
                    queue.popleft()
                    queue.extendleft(reversed(smaller))
                    retries = 0
                    continue
            result = failure or self._rejected(reply, code, sent, len(queue))
            log.warning("wecom send of digest %s failed: %s", digest.digest_id, result.detail)
            return replace(result, delivered_items=tuple(sorted(set(delivered))))
        return SendResult(True, False, f"wecom: sent {sent} message(s)", sent)

    def _resplit(self, digest: Digest, chunk: MarkdownChunk) -> list[MarkdownChunk]:
        """Split a rejected chunk under half its size; [] when it cannot get smaller."""
        size = utf8_len(chunk.text)
        target = max(MIN_CHUNK_BYTES, size // 2)
        if target >= size:
            return []
        return resplit_chunk(digest, chunk, target)

    def _rejected(self, reply: HttpReply, code: int | None, sent: int, left: int) -> SendResult:
        payload = reply.payload if isinstance(reply.payload, dict) else {}
        errmsg = str(payload.get("errmsg", ""))[:200].replace(self._key, "***")
        progress = f"{sent} sent, {left} not sent"
        if code is None:
            why = f"{reply.error}; " if reply.error else ""
            return SendResult(False, True, f"wecom: unreadable reply ({why}{progress})", sent)
        retryable = code in (ERR_FREQ_LIMIT, ERR_BUSY)
        return SendResult(False, retryable, f"wecom: errcode {code} {errmsg} ({progress})", sent)
