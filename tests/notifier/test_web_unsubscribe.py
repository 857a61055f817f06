"""`policywatch web` (issue 19, first part): the unsubscribe link every digest carries works.

The end-to-end test reads the List-Unsubscribe header of a real digest e-mail (aiosmtpd relay), then
POSTs RFC 8058's one-click body to that URL on a real uvicorn server on 127.0.0.1, as Gmail does; after
new notices nothing more is sent. The other tests use Starlette's in-process client.
"""

from __future__ import annotations

import argparse
import datetime as dt
import email
import email.policy
import re
import socket
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from smtp_servers import make_self_signed, smtp_server
from starlette.testclient import TestClient

from notifier.admin import subscribe
from parsers.model import NoticeRecord
from policywatch.app import App
from policywatch.config import load_settings
from policywatch.web import ONE_CLICK, create_app
from store.db import transaction
from store.repository import Repository

T0 = dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _app(tmp_path: Path, smtp_port: int = 25, public_url: str = "https://pw.example.org") -> tuple[App, Clock]:
    env = {"POLICYWATCH_DATA_DIR": str(tmp_path / "data"), "POLICYWATCH_SMTP_HOST": "127.0.0.1",
           "POLICYWATCH_SMTP_PORT": str(smtp_port), "POLICYWATCH_SMTP_SECURITY": "none",
           "POLICYWATCH_SMTP_SENDER": "monitor@example.org", "POLICYWATCH_SECRET": "web-test-secret-0123456789",
           "POLICYWATCH_PUBLIC_URL": public_url}
    clock = Clock()
    return App.open(load_settings(None, environ=env), clock=clock), clock


def _args(**kw: Any) -> argparse.Namespace:
    base: dict[str, Any] = dict(email=None, wecom_key=None, serverchan_key=None, pushplus_token=None, webhook=None,
                                outbox=False, city=[], source=[], topic=[], event=[], keyword=[], min_amount=None,
                                schedule="immediate", name=None, backlog_days=1)
    base.update(kw)
    return argparse.Namespace(**base)


def _publish(app: App, n: int) -> None:
    record = NoticeRecord(url=f"https://www.most.gov.cn/tztg/202612/t20261201_{n:06d}.html", source="most",
                          title=f"关于第{n}批人工智能应用场景试点的通知", doc_number=None, issuers=("科技部",),
                          written_date=None, published_date=dt.date(2026, 12, 1), body="正文")
    with transaction(app.factory) as session:
        Repository(session).upsert_notice(record, "most", "tztg", app.clock())


def test_the_unsubscribe_page_shows_what_stops_and_the_form_needs_its_csrf_token(tmp_path: Path) -> None:
    app, _ = _app(tmp_path)
    _, signed = subscribe(app, _args(email="analyst@example.org", city=["上海"]))
    client = TestClient(create_app(app))
    page = client.get(f"/u/{signed}")
    assert page.status_code == 200 and "确认退订" in page.text and "an…@example.org" in page.text
    assert "analyst@example.org" not in page.text  # a forwarded link does not hand out the address
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and "unsafe" not in csp  # no script at all
    assert page.headers["referrer-policy"] == "no-referrer" and page.headers["x-frame-options"] == "DENY"
    forged = client.post(f"/u/{signed}", data={"csrf": "not-the-cookie"})
    assert forged.status_code == 403
    csrf = page.text.split('name="csrf" value="', 1)[1].split('"', 1)[0]
    done = client.post(f"/u/{signed}", data={"csrf": csrf})
    assert done.status_code == 200 and "已退订" in done.text
    again = client.get(f"/u/{signed}")
    assert "已经退订" in again.text  # idempotent, and says so


def test_get_never_unsubscribes_and_bad_tokens_are_a_plain_404(tmp_path: Path) -> None:
    app, _ = _app(tmp_path)
    _, signed = subscribe(app, _args(email="a@example.org"))
    client = TestClient(create_app(app), raise_server_exceptions=False)
    for _ in range(3):  # a mail scanner prefetching the link
        assert client.get(f"/u/{signed}").status_code == 200
    assert client.get(f"/unsubscribe/{signed}").status_code == 200  # links in digests sent before
    from notifier.admin import describe_subscription

    assert describe_subscription(app, signed)["active"] is True  # type: ignore[index]
    token, _, sig = signed.rpartition(".")
    for bad in (f"{token}.{sig[::-1]}", "nonsense", f"{token}x.{sig}"):
        resp = client.post(f"/u/{bad}", content=ONE_CLICK,
                           headers={"content-type": "application/x-www-form-urlencoded"})
        assert resp.status_code == 404 and "Traceback" not in resp.text
    assert client.get("/nowhere").status_code == 404


def test_feeds_are_served_with_etag_and_304(tmp_path: Path) -> None:
    app, _ = _app(tmp_path)
    feeds = app.settings.data_path / "feeds"
    feeds.mkdir(parents=True)
    (feeds / "feed-ai.xml").write_bytes(b'<?xml version="1.0" encoding="utf-8"?><feed/>')
    client = TestClient(create_app(app))
    first = client.get("/feeds/ai.xml")
    assert first.status_code == 200 and first.headers["content-type"].startswith("application/atom+xml")
    assert client.get("/feeds/ai.xml", headers={"if-none-match": first.headers["etag"]}).status_code == 304
    assert client.get("/feeds/nope.xml").status_code == 404
    assert client.get("/feeds/..%2Fsecret.xml").status_code == 404


def test_healthz_answers_with_the_last_poll(tmp_path: Path) -> None:
    app, _ = _app(tmp_path)
    body = TestClient(create_app(app)).get("/healthz").json()
    assert body == {"ok": True, "database": "ok", "last_poll": None}


def test_a_one_click_post_to_a_real_digests_list_unsubscribe_url_stops_the_mail(tmp_path: Path) -> None:
    import ssl

    import uvicorn

    cert, key = make_self_signed(tmp_path)
    trust = ssl.create_default_context(cafile=str(cert))
    with smtp_server() as relay:
        port = _free_port()
        # https, as RFC 8058 requires for one-click (behind a TLS proxy in production; uvicorn's TLS here).
        app, clock = _app(tmp_path, relay.port, public_url=f"https://127.0.0.1:{port}")
        server = uvicorn.Server(uvicorn.Config(create_app(app), host="127.0.0.1", port=port, log_level="warning",
                                               ssl_certfile=str(cert), ssl_keyfile=str(key)))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        try:
            deadline = time.monotonic() + 10
            while not server.started:
                assert time.monotonic() < deadline, "uvicorn did not start"
                time.sleep(0.05)
            subscribe(app, _args(email="reader@example.org"))
            _publish(app, 1)
            assert app.notify().sent == 1
            (envelope,) = relay.mailbox.messages
            msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
            assert msg["List-Unsubscribe-Post"] == ONE_CLICK
            url = re.findall(r"<([^>]+)>", str(msg["List-Unsubscribe"]))[0]  # the first (https) target
            assert url.startswith(f"https://127.0.0.1:{port}/u/")
            # What Gmail sends: a POST with exactly this body, no cookies.
            request = urllib.request.Request(url, data=ONE_CLICK.encode(), method="POST",
                                             headers={"Content-Type": "application/x-www-form-urlencoded"})
            with urllib.request.urlopen(request, timeout=10, context=trust) as answer:
                assert answer.status == 200
            with urllib.request.urlopen(request, timeout=10, context=trust) as again:  # idempotent
                assert again.status == 200
            clock.now += dt.timedelta(hours=1)
            _publish(app, 2)
            assert app.notify().sent == 0
            assert len(relay.mailbox.messages) == 1
        finally:
            server.should_exit = True
            thread.join(timeout=10)


def test_https_public_urls_make_digests_one_click(tmp_path: Path) -> None:
    from notifier.delivery import Unsubscribe
    from store.models import Subscription

    app, _ = _app(tmp_path)
    _, signed = subscribe(app, _args(email="a@example.org"))
    with app.factory() as session:
        sub = session.query(Subscription).one()
        url, mailto = Unsubscribe("https://pw.example.org/", app.secret(), "m@example.org").links(sub)
    assert url == f"https://pw.example.org/u/{signed}" and mailto is None


@pytest.mark.parametrize("port", [0, 70000])
def test_web_port_is_validated(tmp_path: Path, port: int) -> None:
    from policywatch.errors import ConfigError

    config = tmp_path / "c.toml"
    config.write_text(f"[web]\nport = {port}\n", "utf-8")
    with pytest.raises(ConfigError, match=r"\[web\] port"):
        load_settings(config, environ={})


def test_the_calendar_feed_needs_its_own_token_and_parses_as_icalendar(tmp_path: Path) -> None:
    import icalendar

    from notifier.subscriptions import sign_scoped
    from parsers.facts.api import extract_facts
    from parsers.facts.model import DocText
    from store.models import Subscription

    app, _ = _app(tmp_path)
    _, unsubscribe_token = subscribe(app, _args(outbox=True))
    title = "关于组织申报2027年度人工智能重大专项的通知"
    body = "各有关单位：\n现组织申报2027年度人工智能重大专项。\n申报截止时间为2026年12月31日17:00，逾期不予受理。"
    facts = extract_facts(DocText(title=title, body=body, meta={"发布日期": "2026-11-30"}))
    record = NoticeRecord(url="https://www.most.gov.cn/tztg/202611/t20261130_000001.html", source="most", title=title,
                          doc_number=None, issuers=("科技部",), written_date=None,
                          published_date=dt.date(2026, 11, 30), body=body, events=facts.events, topics=facts.topics)
    with transaction(app.factory) as session:
        Repository(session).upsert_notice(record, "most", "tztg", app.clock())
    with app.factory() as session:
        token = session.query(Subscription).one().token
    client = TestClient(create_app(app))
    url = f"/calendar/{sign_scoped('calendar', token, app.secret())}.ics"
    feed = client.get(url)
    assert feed.status_code == 200 and feed.headers["content-type"].startswith("text/calendar")
    events = [c for c in icalendar.Calendar.from_ical(feed.content).walk("VEVENT")]
    assert len(events) == 1 and "人工智能重大专项" in str(events[0]["SUMMARY"])
    assert client.get(url, headers={"if-none-match": feed.headers["etag"]}).status_code == 304
    # The unsubscribe link's token is no calendar token, and a calendar token cannot unsubscribe.
    assert client.get(f"/calendar/{unsubscribe_token}.ics").status_code == 404
    scoped = sign_scoped("calendar", token, app.secret())
    assert client.post(f"/u/{scoped}", content=ONE_CLICK).status_code == 404


def test_calendar_url_prints_the_scoped_address(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    import policywatch.cli as cli
    from notifier.subscriptions import verify_scoped

    app, _ = _app(tmp_path)
    subscribe(app, _args(outbox=True))
    monkeypatch.setenv("POLICYWATCH_SECRET", "web-test-secret-0123456789")
    monkeypatch.setenv("POLICYWATCH_PUBLIC_URL", "https://pw.example.org/")
    assert cli.main(["--data-dir", str(tmp_path / "data"), "calendar", "1", "--url"]) == 0
    url = capsys.readouterr().out.strip()
    assert url.startswith("https://pw.example.org/calendar/") and url.endswith(".ics")
    assert verify_scoped("calendar", url.rsplit("/", 1)[1].removesuffix(".ics"), app.secret())
    monkeypatch.setenv("POLICYWATCH_PUBLIC_URL", "")
    assert cli.main(["--data-dir", str(tmp_path / "data"), "calendar", "1", "--url"]) == 2
