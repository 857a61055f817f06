"""A grant call's life through ``notify``: the call, its reminders, an extension, the moved deadline
and the calendar feed that follows it.

Everything goes through the real planner, ledger and outbox channel; the clock is moved by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

import icalendar
import pytest
from sqlalchemy import select

from notifier.admin import subscribe
from notifier.calendar import calendar_feed
from notifier.subscriptions import FilterSpec, build_filters, parse_remind
from parsers.facts import DocText, extract_facts
from parsers.model import NoticeRecord
from policywatch.app import App
from policywatch.config import load_settings
from policywatch.errors import ConfigError
from store.db import transaction
from store.models import Change, Delivery, Notice, Subscription
from store.repository import Repository

CHINA = dt.timezone(dt.timedelta(hours=8))
CALL_TITLE = "科技部关于组织申报2027年度人工智能重大专项的通知"


def _at(day: int, month: int = 12) -> dt.datetime:
    return dt.datetime(2026, month, day, 10, 0, tzinfo=CHINA).astimezone(dt.UTC)


def _args(**kw: Any) -> argparse.Namespace:
    base: dict[str, Any] = dict(email=None, wecom_key=None, serverchan_key=None, pushplus_token=None, webhook=None,
                                outbox=True, atom=None, city=[], source=[], topic=[], event=[], keyword=[],
                                min_amount=None, remind=None, deadline_within=None, schedule="immediate",
                                name=None, backlog_days=0)
    base.update(kw)
    return argparse.Namespace(**base)


class Clock:
    def __init__(self) -> None:
        self.now = _at(1)

    def __call__(self) -> dt.datetime:
        return self.now


def _archive(app: App, url: str, title: str, body: str, published: dt.date) -> None:
    facts = extract_facts(DocText(title=title, body=body, meta={"发布日期": published.isoformat()}))
    rec = NoticeRecord(url=url, source="most", title=title, doc_number=None, issuers=("科技部",), written_date=None,
                       published_date=published, body=body, events=facts.events, topics=facts.topics)
    with transaction(app.factory) as s:
        Repository(s).record_notice(rec, "most", "tztg", "fp", app.clock())


def _sent(app: App) -> list[tuple[str, str, str | None]]:
    """(subscriber, change kind, change detail) of every ledger row, in order."""
    names = {1: "A", 2: "B"}
    with app.factory() as s:
        return [(names[r.subscription_id], r.kind, r.detail) for r in s.execute(
            select(Delivery.subscription_id, Change.kind, Change.detail)
            .join(Change, Change.id == Delivery.change_id).order_by(Delivery.id))]


def _calendar(app: App, subscription: int = 1) -> dict[str, tuple[Any, int, str]]:
    """The subscription's .ics feed read back by the icalendar parser: UID -> (start, sequence, summary)."""
    with app.factory() as s:
        sub = s.get(Subscription, subscription)
        assert sub is not None
        text = calendar_feed(s, sub, {"most": "全国"}, app.clock())
    assert "\r\n" in text and all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    cal = icalendar.Calendar.from_ical(text)
    return {str(e["UID"]): (e.decoded("DTSTART"), int(e.get("SEQUENCE", 0)), str(e["SUMMARY"]))
            for e in cal.walk("VEVENT")}


def _latest_md(app: App, who: str = "A") -> str:
    """The newest outbox digest of subscriber ``who``."""
    files = sorted(app.settings.outbox_path.glob("*.md"), key=lambda p: p.stat().st_mtime_ns)
    texts = [p.read_text("utf-8") for p in files]
    return [t for t in texts if t.startswith(f"**【政策速递】{who}**")][-1]


def test_call_reminders_extension_and_closing(tmp_path: Path) -> None:
    clock = Clock()
    app = App.open(load_settings(environ={"POLICYWATCH_DATA_DIR": str(tmp_path / "d")}), clock=clock)
    try:
        subscribe(app, _args(name="A", remind="7,1"))
        subscribe(app, _args(name="B"))
        _archive(app, "https://www.most.gov.cn/tztg/1.html", CALL_TITLE, "申报截止时间：2026年12月20日17:00。",
                 dt.date(2026, 12, 1))
        _archive(app, "https://www.most.gov.cn/tztg/2.html", "科技部关于组织申报2027年度智能制造专项的通知",
                 "申报截止时间：2026年12月20日。", dt.date(2026, 12, 1))
        _archive(app, "https://www.most.gov.cn/tztg/3.html", "科技部关于预发布2027年度量子信息专项申报指南的通知",
                 "申报截止时间暂定为2026年12月18日，具体时间另行通知。", dt.date(2026, 12, 1))
        assert app.notify().sent == 2
        assert "截止 2026-12-20 17:00" in _latest_md(app)  # the deadline next to the title
        with transaction(app.factory) as s:  # the second call is withdrawn: it must not remind
            notice = s.scalar(select(Notice).where(Notice.url.contains("/2.html")))
            assert notice is not None
            Repository(s).mark_withdrawn(notice, clock.now, "404")
        before = len(_sent(app))

        clock.now = _at(12)  # 8 days before: nothing due yet
        app.notify()
        assert _sent(app)[before:] == [("A", "withdrawn", "404"), ("B", "withdrawn", "404")]

        clock.now = _at(13)  # 7 days before the end: A's first reminder, B (no --remind) nothing
        assert app.notify().sent == 1 and app.notify().sent == 0  # once, however often notify runs
        assert _sent(app)[-1] == ("A", "reminder", "7|2026-12-20T17:00")
        assert "距申报截止还有7天（2026-12-20 17:00）" in _latest_md(app)
        assert _calendar(app) == {
            "call-1@policywatch": (dt.datetime(2026, 12, 20, 9, 0, tzinfo=dt.UTC), 0, "申报截止：" + CALL_TITLE),
            "call-3@policywatch": (dt.date(2026, 12, 18), 0,
                                   "申报截止（暂定）：科技部关于预发布2027年度量子信息专项申报指南的通知")}

        clock.now = _at(15)
        _archive(app, "https://www.most.gov.cn/tztg/4.html", "科技部关于延长2027年度人工智能重大专项申报截止时间的通知",
                 f"根据《{CALL_TITLE}》，申报截止时间由2026年12月20日17:00延长至2026年12月30日17:00。",
                 dt.date(2026, 12, 15))
        app.notify()
        mine = [(k, d) for who, k, d in _sent(app) if who == "A"][-2:]
        assert sorted(mine) == [("deadline_moved", "2026-12-20T17:00|2026-12-30T17:00"), ("new", None)]
        assert [(k, d) for who, k, d in _sent(app) if who == "B"][-1] == ("new", None)  # no moved line
        md = _latest_md(app)
        assert "截止时间调整：2026-12-20 17:00 → 2026-12-30 17:00" in md
        assert "截止延期：对应您12月1日收到的申报通知" in md  # the extension names the call A was sent

        cal = _calendar(app)  # the same event, moved: calendar apps update it in place
        assert cal["call-1@policywatch"][:2] == (dt.datetime(2026, 12, 30, 9, 0, tzinfo=dt.UTC), 1)

        clock.now = _at(19)  # a day before the old end: the call has moved, no reminder
        assert app.notify().sent == 0
        clock.now = _at(23)
        app.notify()
        clock.now = _at(29)
        app.notify()
        assert [d for who, k, d in _sent(app) if k == "reminder"] == [
            "7|2026-12-20T17:00", "7|2026-12-30T17:00", "1|2026-12-30T17:00"]
        clock.now = _at(31)  # closed: nothing more, and the tentative call never reminded anyone
        assert app.notify().sent == 0
        assert "call-1@policywatch" not in _calendar(app)
        with app.factory() as s:
            assert {d.status for d in s.scalars(select(Delivery))} == {"sent"}
    finally:
        app.engine.dispose()


@pytest.mark.parametrize("bad", ["", "7,x", "-1", "400", "，"])
def test_bad_remind_values_are_clear_errors(bad: str) -> None:
    with pytest.raises(ConfigError, match="--remind"):
        parse_remind(bad)


def test_remind_and_deadline_within_filters() -> None:
    assert parse_remind("1，7,7") == [7, 1]
    spec = FilterSpec.parse(build_filters(cities=[], sources=[], topics=[], events=[], keywords=[], min_amount=None,
                                          remind="7,1", deadline_within=10))
    today = dt.date(2026, 12, 10)
    call = [{"type": "funding_call_opened", "apply_end": "2026-12-20T17:00", "precision": "exact", "stage": None}]
    later = [{**call[0], "apply_end": "2026-12-21"}]
    vague = [{**call[0], "precision": "tentative"}]
    assert spec.passes_deadline(call, today) and not spec.passes_deadline(later, today)
    assert not spec.passes_deadline(vague, today) and not spec.passes_deadline([], today)
    assert spec.passes_change("reminder", "7|2026-12-20") and not spec.passes_change("reminder", "3|2026-12-20")
    plain = FilterSpec.parse({})
    assert not plain.passes_change("reminder", "7|2026-12-20") and not plain.passes_change("deadline_moved", "|x")
    assert plain.passes_change("new", None) and plain.passes_deadline([], today)
