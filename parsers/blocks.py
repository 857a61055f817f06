"""Recognise block pages so a blocked site is reported as *blocked*, never as "no news"."""

from __future__ import annotations

import re

_JIASULE = re.compile(r"__jsl_clearance|__jsluid|document\.cookie\s*=.{0,200}location\.href", re.S)
_WZWS = re.compile(r"wzws|reason\s*:\s*GeoBL|GeoBL", re.I)
_WAF_WORDS = re.compile(r"(访问被拒绝|您的访问被阻断|Access Denied|Forbidden|安全狗|云锁|WAF|非法访问)", re.I)
TINY_BODY_BYTES = 64


def detect_block(status: int, body: bytes, text: str | None = None) -> str | None:
    """Return a human-readable reason when the response is a block page, else ``None``."""
    sample = text if text is not None else body[:20000].decode("utf-8", "replace")
    if _JIASULE.search(sample[:20000]):
        return f"JS cookie challenge (Jiasule __jsl_clearance), HTTP {status}"
    if status in (403, 412, 521) or _WZWS.search(sample[:4000]):
        if _WZWS.search(sample[:4000]):
            return f"WAF geo-block (WZWS reason:GeoBL), HTTP {status}"
        if status == 412:
            return "JS cookie challenge (HTTP 412 Precondition Failed)"
        if len(body) <= TINY_BODY_BYTES:
            return f"HTTP {status} with a {len(body)}-byte body (IP block)"
        if _WAF_WORDS.search(sample[:4000]):
            return f"HTTP {status} from a WAF"
        return f"HTTP {status} Forbidden"
    if status == 200 and len(body.strip()) <= TINY_BODY_BYTES and b"<a" not in body:
        return f"stub body of {len(body)} bytes (typical IP block)"
    return None
