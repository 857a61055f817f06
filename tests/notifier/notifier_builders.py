"""Builders for notifier tests: realistic digests, hostile titles and a fake clock."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from notifier.digest import Digest, DigestItem

SHANGHAI = ZoneInfo("Asia/Shanghai")
HOSTILE_TITLES = (
    "<script>alert(1)</script>关于人工智能的通知",
    "测试]]><x/>CDATA结尾",
    "[点我](javascript:alert(1))领取补贴",
    '"><img src=x onerror=alert(1)>',
    '**粗体** `代码` # 标题 | 表格 <font color="warning">假</font>',
)

_SOURCES = (("most", "科技部", "全国"), ("shenzhen", "深圳", "深圳"), ("hangzhou", "杭州", "杭州"))


def make_item(n: int = 1, **overrides: Any) -> DigestItem:
    source_id, source_name, city = _SOURCES[n % len(_SOURCES)]
    fields: dict[str, Any] = {
        "notice_id": n,
        "change": "new",
        "title": f"关于支持建设国家新一代人工智能创新发展试验区的函（第{n}号）",
        "url": f"https://www.most.gov.cn/xxgk/xinxifenlei/fdzdgknr/qtwj/2019/{n:04d}.html",
        "source_id": source_id,
        "source_name": source_name,
        "city": city,
        "issuers": ("科技部",) if source_id == "most" else (f"{city}市科技创新局", f"{city}市财政局"),
        "doc_number": f"国科发规〔2019〕{n}号",
        "date": dt.date(2019, 8, 29),
        "events": (
            {"type": "pilot_zone_approved", "city": "德清县"},
            {"type": "funding_rule", "max_amount_yuan": 20_000_000, "ratio": 0.3, "text": "最高2000万元"},
        ),
    }
    fields.update(overrides)
    return DigestItem(**fields)


def make_digest(items: int | tuple[DigestItem, ...] = 3, **overrides: Any) -> Digest:
    if isinstance(items, int):
        items = tuple(make_item(i) for i in range(1, items + 1))
    fields: dict[str, Any] = {
        "digest_id": "d-2024-05-01-sub7",
        "subscription_id": 7,
        "subscription_name": "人工智能政策",
        "created_at": dt.datetime(2024, 5, 1, 8, 30, tzinfo=SHANGHAI),
        "items": items,
        "unsubscribe_url": "https://policywatch.example.org/unsubscribe/TOKEN123",
    }
    fields.update(overrides)
    return Digest(**fields)


class FakeClock:
    """Monotonic clock whose sleep() advances time instantly (no real waiting)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += max(seconds, 0.0)
