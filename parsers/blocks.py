"""Recognise block pages so a blocked site is reported as *blocked*, never as "no news"."""

from __future__ import annotations

import re

# Jiasule builds the cookie name from pieces ('_')+('_jsl_clear')+('ance=') and its value from a
# char-code list that can run to hundreds of characters before the reload: allow a long gap.
_JIASULE = re.compile(r"__jsl_clearance|__jsluid|_jsl_clear|document\.cookie\s*=.{0,2000}?location\.(?:href|replace)",
                      re.S)
_WZWS_CHALLENGE = re.compile(r"wzwschallenge|/WZWSRE", re.I)  # the passable JS step, not the GeoBL page
_WZWS = re.compile(r"wzws|reason\s*:\s*GeoBL|GeoBL", re.I)
_WAF_WORDS = re.compile(r"(访问被拒绝|您的访问被阻断|Access Denied|Forbidden|安全狗|云锁|WAF|非法访问)", re.I)
TINY_BODY_BYTES = 64


def challenge_kind(body: bytes) -> str | None:
    """``"jiasule"`` or ``"wzws"`` when the page is a JS cookie challenge a browser can pass, else None.

    A geo-block (WZWS ``reason:GeoBL``, 13-byte stubs) is not one: no browser passes it, only an egress.
    """
    sample = body[:20000].decode("utf-8", "replace")
    if _WZWS_CHALLENGE.search(sample[:8000]):  # first: its script also sets a cookie and navigates
        return "wzws"
    if _JIASULE.search(sample):
        return "jiasule"
    return None


def detect_block(status: int, body: bytes, text: str | None = None) -> str | None:
    """Return a human-readable reason when the response is a block page, else ``None``."""
    sample = text if text is not None else body[:20000].decode("utf-8", "replace")
    if _WZWS_CHALLENGE.search(sample[:8000]):
        return f"JS cookie challenge (WZWS), HTTP {status}"
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
