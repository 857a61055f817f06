"""End to end: crawl the mirror, subscribe by email, notify through a real SMTP server, exactly once."""

from __future__ import annotations

import argparse
import asyncio
import email
import email.policy
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from smtp_servers import Mailbox, smtp_server
from sqlalchemy import select

from crawler.mirror_server import MirrorServer
from crawler.registry import select_sources
from crawler.runner import crawl
from crawler.sources import builtin_sources
from notifier.admin import subscribe
from policywatch.app import App
from policywatch.config import load_settings
from store.models import Delivery, Notice


def _args(**kw: Any) -> argparse.Namespace:
    base: dict[str, Any] = dict(email=None, wecom_key=None, serverchan_key=None, pushplus_token=None, webhook=None,
                                outbox=False, city=[], source=[], topic=[], event=[], keyword=[], min_amount=None,
                                schedule="immediate", name=None, backlog_days=7)
    base.update(kw)
    return argparse.Namespace(**base)


def _app(tmp_path: Path, port: int) -> App:
    settings = load_settings(environ={
        "POLICYWATCH_DATA_DIR": str(tmp_path / "d"), "POLICYWATCH_SMTP_HOST": "127.0.0.1",
        "POLICYWATCH_SMTP_PORT": str(port), "POLICYWATCH_SMTP_SECURITY": "none",
        "POLICYWATCH_SMTP_SENDER": "monitor@example.org"})
    return App.open(settings)


def _crawl(app: App) -> None:
    with MirrorServer() as mirror:
        asyncio.run(crawl(select_sources(builtin_sources(), ["most"]), app.settings, app.factory,
                          mirror=mirror.url, reactor=False, polite=False))


def test_crawl_subscribe_notify_exactly_once(tmp_path: Path) -> None:
    with smtp_server() as server:
        app = _app(tmp_path, server.port)
        _crawl(app)
        with app.factory() as s:  # a hostile title must arrive escaped
            n = s.scalars(select(Notice)).first()
            assert n is not None
            n.title = "<script>alert(1)</script>" + n.title
            s.commit()
        subscribe(app, _args(email="a@example.org"))
        first = app.notify()
        second = app.notify()
        assert (first.sent, second.sent, second.planned) == (1, 0, 0)
        assert len(server.mailbox.messages) == 1
        msg = email.message_from_bytes(server.mailbox.messages[0].content, policy=email.policy.default)
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert str(msg["Subject"]).startswith("【政策速递】") and "科技部" in str(msg["Subject"])
    assert msg["List-Unsubscribe"]
    html = msg.get_body(("html",)).get_content()
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    with app.factory() as s:
        titles = s.scalars(select(Notice.title)).all()
    text = msg.get_body(("plain",)).get_content()
    assert all(t.replace("<script>alert(1)</script>", "")[:20] in text for t in titles)


def test_smtp_outage_then_recovery_delivers_once(tmp_path: Path) -> None:
    with smtp_server() as server:
        port = server.port
    app = _app(tmp_path, port)  # nothing listens on this port now
    _crawl(app)
    subscribe(app, _args(email="a@example.org"))
    down = app.notify()
    assert down.failed == 1 and down.sent == 0
    with app.factory() as s:
        assert {d.status for d in s.scalars(select(Delivery))} == {"failed"}
        for d in s.scalars(select(Delivery)):
            d.next_attempt_at = d.created_at  # backoff elapsed
        s.commit()
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        up = app.notify()
        again = app.notify()
    finally:
        controller.stop()
    assert (up.sent, again.sent) == (1, 0)
    assert len(box.messages) == 1


def test_wecom_partial_failure_resumes_without_resending_delivered_items(tmp_path: Path) -> None:
    import datetime as dt

    from servers import WeComEmulator, serve

    from notifier.channels.pacing import SlidingWindowPacer
    from parsers.model import NoticeRecord
    from store.db import transaction
    from store.repository import Repository

    app = _app(tmp_path, 1)
    key = "test-bot-key-0001"
    subscribe(app, _args(wecom_key=key))
    now = dt.datetime.now(dt.UTC)
    with transaction(app.factory) as s:
        for i in range(60):
            record = NoticeRecord(url=f"https://www.most.gov.cn/tztg/202611/t20261101_{i:06d}.html", source="most",
                                  title=f"关于人工智能试验区第{i}批项目的通知" + "说明" * 40, doc_number=None,
                                  issuers=("科技部",), written_date=None, published_date=dt.date(2026, 11, 1),
                                  body="正文")
            Repository(s).upsert_notice(record, "most", "tztg", now)
    no_wait = SlidingWindowPacer(limit=10_000, window=60.0)
    with serve(WeComEmulator(busy_after=3, limit_per_minute=10_000)) as server:
        options = {"wecom_base_url": server.base_url, "wecom_pacer": no_wait,
                   "webhook_allow_hosts": server.allow_hosts}
        first = app.notify(options)
        assert first.failed == 1 and len(server.accepted) == 3
        with app.factory() as s:
            statuses = [d.status for d in s.scalars(select(Delivery))]
            for d in s.scalars(select(Delivery)):
                d.next_attempt_at = d.created_at  # backoff elapsed
            s.commit()
        assert 0 < statuses.count("sent") < 60 and statuses.count("failed") == 60 - statuses.count("sent")
        server.busy_after = None
        second = app.notify(options)
        third = app.notify(options)
    assert (second.sent, third.sent, third.planned) == (1, 0, 0)
    for i in range(60):
        url = f"t20261101_{i:06d}.html"
        assert sum(url in m for m in server.accepted) == 1, url  # every item exactly once overall


def test_a_document_reposted_by_a_city_is_one_digest_entry(tmp_path: Path) -> None:
    import datetime as dt

    from parsers.model import NoticeRecord
    from store.db import transaction
    from store.repository import Repository

    app = _app(tmp_path, 1)
    app.ensure_default_outbox()
    now = dt.datetime.now(dt.UTC)
    letter = "科技部关于支持合肥建设国家新一代人工智能创新发展试验区的函"
    with transaction(app.factory) as s:
        for source, url in (("hefei", "https://kjj.hefei.gov.cn/zwgk/tzgg/18730011.html"),
                            ("most", "https://www.most.gov.cn/xxgk/xinxifenlei/fdzdgknr/qtwj/qtwj2019/201910/"
                                     "t20191031_149722.html"),
                            ("beijing", "https://www.beijing.gov.cn/zhengce/zhengcefagui/202611/t20261101_1.html")):
            title = letter if source != "beijing" else "北京市关于另一件事的通知"
            doc = "国科函规〔2019〕185号" if source != "beijing" else None
            Repository(s).upsert_notice(NoticeRecord(url=url, source=source, title=title, doc_number=doc,
                                                     issuers=("科技部",), written_date=None,
                                                     published_date=dt.date(2019, 10, 31), body=title),
                                        source, "x", now)
    report = app.notify()
    assert report.sent == 1
    md = next((app.settings.outbox_path).glob("*.md")).read_text("utf-8")
    assert md.count(letter) == 1 and "另见：合肥" in md
    assert "www.most.gov.cn" in md and "kjj.hefei.gov.cn" not in md  # the ministry's own copy is linked
    with app.factory() as s:
        assert {d.status for d in s.scalars(select(Delivery))} == {"sent"}  # the repost's row is done too


def test_atom_subscription_keeps_a_valid_feed(tmp_path: Path) -> None:
    import feedparser

    app = _app(tmp_path, 1)
    _crawl(app)
    subscribe(app, _args(atom="ai-policy", event=["pilot_zone_approved"]))
    first = app.notify()
    second = app.notify()
    assert (first.sent, second.sent) == (1, 0)
    feed_path = app.settings.data_path / "feeds" / "feed-ai-policy.xml"
    feed = feedparser.parse(feed_path.read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    with app.factory() as s:
        letters = [n for n in s.scalars(select(Notice))
                   if any(e["type"] == "pilot_zone_approved" for e in n.events)]
    assert letters and len(feed.entries) == len(letters)
    assert {e.link for e in feed.entries} == {n.url for n in letters}
    assert "file://" not in feed_path.read_text("utf-8")  # no public URL: no self link rather than a local path
