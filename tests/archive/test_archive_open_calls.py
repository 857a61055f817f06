"""Open calls: ``report open-calls`` sorted by deadline, ``search --open``, on both backends."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from parsers.facts import DocText, extract_facts
from parsers.model import NoticeRecord
from store.calls import open_calls
from store.db import transaction
from store.reports import open_calls_report
from store.repository import Repository
from store.search import SearchFilters, search

NOW = dt.datetime(2026, 12, 10, 2, 0, tzinfo=dt.UTC)


class Src:
    def __init__(self, id: str, name: str, city: str) -> None:
        self.id, self.name, self.city = id, name, city


SOURCES = (Src("beijing", "北京", "北京"), Src("shanghai", "上海", "上海"))


def _add(factory: Any, n: int, source: str, title: str, body: str, published: dt.date) -> None:
    facts = extract_facts(DocText(title=title, body=body, meta={"发布日期": published.isoformat()}))
    rec = NoticeRecord(url=f"https://x.gov.cn/{n}.html", source=source, title=title, doc_number=None, issuers=(),
                       written_date=None, published_date=published, body=body, events=facts.events)
    with transaction(factory) as s:
        Repository(s).record_notice(rec, source, "tzgg", "fp", NOW)


def test_open_calls_sorted_by_deadline_and_searchable(archive_factory: Any) -> None:
    _add(archive_factory, 1, "beijing", "关于组织申报2027年度北京市人工智能专项的通知",
         "申报截止时间：2026年12月31日。", dt.date(2026, 11, 20))
    _add(archive_factory, 2, "shanghai", "关于组织申报2027年度上海市人工智能专项的通知",
         "网上填报截止时间：2026年12月15日16:30。", dt.date(2026, 11, 24))
    _add(archive_factory, 3, "shanghai", "关于组织申报2026年度上海市算力专项的通知", "申报截止时间：2026年11月30日。",
         dt.date(2026, 11, 1))  # closed
    _add(archive_factory, 4, "beijing", "关于预发布2027年度北京市具身智能专项申报指南的通知",
         "申报截止时间暂定为2027年1月20日，具体时间另行通知。", dt.date(2026, 12, 1))
    _add(archive_factory, 5, "beijing", "关于人工智能产业发展情况的通报", "截至2026年12月31日，全市…",
         dt.date(2026, 12, 1))
    with archive_factory() as s:
        assert [c.notice.url[-6:] for c in open_calls(s, dt.date(2026, 12, 10))] == ["2.html", "1.html", "4.html"]
        rows = list(csv.DictReader(io.StringIO(open_calls_report(s, "csv", sources=SOURCES, now=NOW))))
        md = open_calls_report(s, "md", cities=["北京"], sources=SOURCES, now=NOW)
        html = open_calls_report(s, "html", sources=SOURCES, now=NOW)
        ids = tuple(c.notice.id for c in open_calls(s, dt.date(2026, 12, 10)))
        hits = search(s, "人工智能", SearchFilters(only_ids=ids), sources=SOURCES)
        none = search(s, "", SearchFilters(only_ids=()), sources=SOURCES)
    assert [(r["apply_end"], r["precision"], r["days_left"], r["city"]) for r in rows] == [
        ("2026-12-15T16:30", "exact", "5", "上海"), ("2026-12-31", "day", "21", "北京"),
        ("2027-01-20", "tentative", "41", "北京")]
    assert "2027-01-20（暂定）" in md and "上海" not in md.split("\n", 3)[3]
    assert "2026-12-15 16:30" in html and "算力" not in html
    assert {h.url[-6:] for h in hits} == {"1.html", "2.html"} and none == []
