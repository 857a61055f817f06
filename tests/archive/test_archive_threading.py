"""A grant call's follow-ups are threaded to it as they are archived; ``show`` prints the thread."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from parsers.facts import DocText, extract_facts
from parsers.model import NoticeRecord
from store.db import transaction
from store.history import history_json, load_history, render_history
from store.models import CallLink
from store.repository import Repository

NOW = dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC)


def record(url: str, title: str, body: str, published: dt.date, doc_number: str | None = None) -> NoticeRecord:
    facts = extract_facts(DocText(title=title, body=body, meta={"发布日期": published.isoformat()}))
    return NoticeRecord(url=url, source="hangzhou_kj", title=title, doc_number=doc_number, issuers=(),
                        written_date=None, published_date=published, body=body, events=facts.events)


def archive(factory: Any, rec: NoticeRecord, now: dt.datetime = NOW) -> int:
    with transaction(factory) as s:
        return Repository(s).record_notice(rec, "hangzhou_kj", "tzgg", "fp", now).notice_id


CALL_TITLE = "杭州市科学技术局关于组织申报2026年度杭州市人工智能重大科技创新项目的通知"
CALL = record("https://kj.hangzhou.gov.cn/art/1.html", CALL_TITLE,
              "申报截止时间：2026年9月19日。", dt.date(2026, 8, 20), doc_number="杭科高〔2026〕50号")
OTHER_CALL = record("https://kj.hangzhou.gov.cn/art/0.html",
                    "杭州市科学技术局关于组织申报2026年度杭州市生物医药项目的通知",
                    "申报截止时间：2026年9月30日。", dt.date(2026, 8, 25))


def test_follow_ups_link_by_cited_title_docnum_and_programme(archive_factory: Any) -> None:
    call_id = archive(archive_factory, CALL)
    archive(archive_factory, OTHER_CALL)
    ext = archive(archive_factory, record(
        "https://kj.hangzhou.gov.cn/art/2.html", "关于延长2026年度人工智能重大科技创新项目申报截止时间的通知",
        "根据杭科高〔2026〕50号文件，申报截止时间由2026年9月19日延长至2026年9月29日。", dt.date(2026, 9, 15)))
    short = archive(archive_factory, record(
        "https://kj.hangzhou.gov.cn/art/3.html",
        "杭州市科学技术局关于2026年度杭州市人工智能重大科技创新项目拟立项项目的公示",
        "根据《" + CALL_TITLE + "》，现将拟立项项目予以公示，公示期为2026年11月3日至11月9日。", dt.date(2026, 11, 3)))
    final = archive(archive_factory, record(
        "https://kj.hangzhou.gov.cn/art/4.html", "关于公布2026年度杭州市人工智能重大科技创新项目立项名单的通知",
        "经评审和公示，现将立项名单予以公布。", dt.date(2026, 11, 20)))
    with archive_factory() as s:
        links = {x.follow_id: x for x in s.scalars(select(CallLink))}
    assert {k: (v.call_id, v.rule) for k, v in links.items()} == {
        ext: (call_id, "thread.cited_docnum"), short: (call_id, "thread.cited_title"),
        final: (call_id, "thread.programme")}
    with archive_factory() as s:
        history = load_history(s, str(short))
        assert history is not None
        lines = list(render_history(history))
        data = history_json(history)
    thread = lines[lines.index("thread:") + 1 : lines.index("thread:") + 5]
    assert thread[0].startswith("  call") and "截止 2026-09-29" in thread[0], thread  # the extension moved it
    assert thread[2].startswith(" *公示") and "thread.cited_title" in thread[2]
    assert data["thread"]["call"] == {"id": call_id, "title": CALL_TITLE, "apply_end": "2026-09-29", "precision": "day"}
    assert [f["type"] for f in data["thread"]["follow_ups"]] == [
        "deadline_extended", "shortlist_published", "final_list_published"]


def test_a_follow_up_with_no_earlier_call_is_not_linked(archive_factory: Any) -> None:
    archive(archive_factory, record(
        "https://kj.hangzhou.gov.cn/art/5.html", "关于2026年度杭州市智能网联汽车项目拟支持项目的公示",
        "现将拟支持项目予以公示，公示期5天。", dt.date(2026, 11, 3)))
    # a call of the same programme published later cannot be what an earlier 公示 concludes
    archive(archive_factory, record(
        "https://kj.hangzhou.gov.cn/art/6.html", "关于组织申报2026年度杭州市智能网联汽车项目的通知",
        "申报截止时间：2026年12月1日。", dt.date(2026, 11, 10)))
    with archive_factory() as s:
        assert list(s.scalars(select(CallLink))) == []
        history = load_history(s, "https://kj.hangzhou.gov.cn/art/5.html")
        assert history is not None and history.thread is None and "thread:" not in list(render_history(history))
