"""Self-service sign-up (issue 19): double opt-in, confirmation, preferences, rate limits, scoping.

In-process Starlette client against a real aiosmtpd relay and the WeCom emulator; the real
browser run of the same journey is tests/test_web_browser.py.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from servers import WeComEmulator, serve
from smtp_servers import SmtpServer, free_port, smtp_server
from sqlalchemy import select
from starlette.testclient import TestClient

from parsers.model import NoticeRecord
from policywatch.app import App
from policywatch.config import load_settings
from policywatch.web import ONE_CLICK, create_app
from store.db import transaction
from store.models import OptIn, Subscription
from store.repository import Repository

T0 = dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC)
CONFIRM_LINK = re.compile(r"https?://\S+/confirm/[\w.\-]+")


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


def _app(tmp_path: Path, smtp_port: int, **env_extra: str) -> tuple[App, Clock]:
    env = {"POLICYWATCH_DATA_DIR": str(tmp_path / "data"), "POLICYWATCH_SMTP_HOST": "127.0.0.1",
           "POLICYWATCH_SMTP_PORT": str(smtp_port), "POLICYWATCH_SMTP_SECURITY": "none",
           "POLICYWATCH_SMTP_SENDER": "monitor@example.org", "POLICYWATCH_SECRET": "web-test-secret-0123456789",
           "POLICYWATCH_PUBLIC_URL": "https://pw.example.org", "POLICYWATCH_WEBHOOK_ALLOW_HOSTS": "127.0.0.1",
           **env_extra}
    clock = Clock()
    return App.open(load_settings(None, environ=env), clock=clock), clock


@pytest.fixture
def relay() -> Iterator[SmtpServer]:
    with smtp_server() as server:
        yield server


def _csrf(page: Any) -> str:
    return str(page.text.split('name="csrf" value="', 1)[1].split('"', 1)[0])


def _sign_up(client: TestClient, **fields: Any) -> Any:
    form = client.get("/")
    assert form.status_code == 200
    data: dict[str, Any] = {"csrf": _csrf(form), "schedule": "immediate", **fields}
    return client.post("/subscribe", data=data)


def _mails(relay: SmtpServer) -> list[email.message.EmailMessage]:
    return [email.message_from_bytes(m.content, policy=email.policy.default)  # type: ignore[misc]
            for m in relay.mailbox.messages]


def _confirm_path(text: str) -> str:
    url = CONFIRM_LINK.search(text)
    assert url, text
    return "/" + url.group(0).split("/", 3)[3]


def _publish(app: App, n: int, source: str = "shanghai", title: str | None = None) -> None:
    record = NoticeRecord(url=f"https://example.gov.cn/{source}/t20261201_{n:06d}.html", source=source,
                          title=title or f"关于第{n}批人工智能应用场景试点的通知", doc_number=None,
                          issuers=("上海市经济和信息化委员会",), written_date=None,
                          published_date=dt.date(2026, 12, 1), body="正文")
    with transaction(app.factory) as session:
        Repository(session).upsert_notice(record, source, "tzgg", app.clock())


def _subs(app: App) -> list[Subscription]:
    with app.factory() as session:
        return list(session.scalars(select(Subscription).order_by(Subscription.id)))


def test_the_double_opt_in_journey_from_form_to_digest_to_preferences(tmp_path: Path, relay: SmtpServer) -> None:
    app, clock = _app(tmp_path, relay.port)
    client = TestClient(create_app(app))
    page = client.get("/")
    assert "订阅政策速递" in page.text and 'name="city" value="上海"' in page.text and "资金支持" in page.text
    assert "script" not in page.text.lower()  # the page works without JavaScript
    done = _sign_up(client, email="analyst@example.org", city=["上海"], keywords="人工智能")
    assert done.status_code == 200 and "请查收确认消息" in done.text
    (sub,) = _subs(app)
    assert sub.active is False and sub.confirmed_at is None
    assert sub.filters == {"city": ["上海"], "keyword": ["人工智能"]}
    (mail,) = _mails(relay)
    assert mail["To"] == "analyst@example.org" and "确认订阅" in str(mail["Subject"])
    body = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    confirm = _confirm_path(body)
    assert confirm.startswith("/confirm/")

    _publish(app, 1)
    assert app.notify().sent == 0  # nothing before the confirmation
    for _ in range(3):  # a mail scanner prefetching the link changes nothing
        shown = client.get(confirm)
        assert shown.status_code == 200 and "确认订阅" in shown.text
    assert _subs(app)[0].active is False
    clock.now += dt.timedelta(minutes=5)
    confirmed = client.post(confirm, data={"csrf": _csrf(shown)})
    assert confirmed.status_code == 200 and "订阅已确认" in confirmed.text
    prefs_path = "/" + re.search(r'href="https?://[^/"]+/(p/[^"]+)"', confirmed.text).group(1)  # type: ignore[union-attr]
    assert _subs(app)[0].active is True and _subs(app)[0].confirmed_at == clock.now
    assert client.post(confirm, data={"csrf": _csrf(shown)}).status_code == 200  # idempotent
    assert app.notify().sent == 0  # notice 1 came before the confirmation: no back-catalogue

    clock.now += dt.timedelta(minutes=5)
    _publish(app, 2)
    _publish(app, 3, source="beijing")  # another city: filtered out
    assert app.notify().sent == 1
    digest = _mails(relay)[-1]
    text = digest.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "第2批" in text and "第3批" not in text
    assert "/p/" in text and f"https://pw.example.org{prefs_path}" in text  # the digest links the preferences

    prefs = client.get(prefs_path)
    assert prefs.status_code == 200 and 'value="上海" checked' in prefs.text and "an…@example.org" in prefs.text
    assert "analyst@example.org" not in prefs.text
    saved = client.post(prefs_path, data={"csrf": _csrf(prefs), "city": ["北京", "上海"], "schedule": "daily",
                                          "min_amount": "500万", "keywords": ""})
    assert saved.status_code == 200 and "已保存" in saved.text
    (sub,) = _subs(app)
    assert sub.filters == {"city": ["上海", "北京"], "min_amount": 5_000_000} and sub.schedule == "daily 08:00"
    assert 'value="500万"' in saved.text


def test_resubmitting_reveals_nothing_and_the_daily_limit_per_address_holds(tmp_path: Path,
                                                                           relay: SmtpServer) -> None:
    app, _ = _app(tmp_path, relay.port)
    client = TestClient(create_app(app))
    answers = [_sign_up(client, email="same@example.org") for _ in range(5)]
    other = _sign_up(client, email="new@example.org")
    bodies = {a.text.replace("same@", "x@") for a in answers} | {other.text.replace("new@", "x@")}
    assert len(bodies) == 1 and all(a.status_code == 200 for a in answers)  # the same page every time
    to_same = [m for m in _mails(relay) if m["To"] == "same@example.org"]
    assert len(to_same) == app.settings.web.signup_per_address_day == 3  # no mail bombing through the form
    assert len(_mails(relay)) == 4


def test_the_hourly_limit_per_client_answers_429(tmp_path: Path, relay: SmtpServer) -> None:
    app, clock = _app(tmp_path, relay.port, POLICYWATCH_CONFIG=str(_config(tmp_path, "signup_per_client_hour = 2")))
    client = TestClient(create_app(app))
    assert _sign_up(client, email="a@example.org").status_code == 200
    assert _sign_up(client, email="b@example.org").status_code == 200
    limited = _sign_up(client, email="c@example.org")
    assert limited.status_code == 429 and "频繁" in limited.text
    assert len(_subs(app)) == 2 and len(_mails(relay)) == 2
    clock.now += dt.timedelta(hours=1, minutes=1)
    assert _sign_up(client, email="c@example.org").status_code == 200
    with app.factory() as session:  # only keyed hashes of addresses and clients are kept
        logged = list(session.scalars(select(OptIn)))
    assert logged and all("@" not in o.contact and "testclient" not in o.client for o in logged)


def _config(tmp_path: Path, *web_lines: str) -> Path:
    path = tmp_path / "policywatch.toml"
    path.write_text("[web]\n" + "\n".join(web_lines) + "\n", "utf-8")
    return path


def test_forms_need_their_csrf_token_and_bad_values_are_refused_not_dropped(tmp_path: Path,
                                                                            relay: SmtpServer) -> None:
    app, _ = _app(tmp_path, relay.port)
    client = TestClient(create_app(app))
    client.get("/")
    forged = client.post("/subscribe", data={"csrf": "guess", "email": "a@example.org"})
    assert forged.status_code == 403
    for fields, message in (({"email": "a@example.org", "city": ["火星"]}, "未知的城市"),
                            ({"email": "not-an-address"}, "邮箱地址格式有误"),
                            ({}, "请至少填写"),
                            ({"email": "a@example.org", "min_amount": "很多"}, "最低金额格式有误"),
                            ({"wecom_key": "<b>x</b>"}, "key 格式有误")):
        answer = _sign_up(client, **fields)
        assert answer.status_code == 400 and message in answer.text, fields
    assert _subs(app) == [] and _mails(relay) == []
    escaped = _sign_up(client, email="a@example.org", city=["<script>alert(1)</script>"])
    assert "<script>alert" not in escaped.text and "&lt;script&gt;" in escaped.text


def test_each_link_opens_only_its_own_page(tmp_path: Path, relay: SmtpServer) -> None:
    from notifier.subscriptions import PREFS_SCOPE, sign_scoped, sign_token

    app, _ = _app(tmp_path, relay.port)
    client = TestClient(create_app(app))
    _sign_up(client, email="a@example.org")
    _sign_up(client, email="b@example.org")
    a, b = _subs(app)
    secret = app.secret()
    unsubscribe_a, prefs_a = sign_token(a.token, secret), sign_scoped(PREFS_SCOPE, a.token, secret)
    confirm_a = _confirm_path(_mails(relay)[0].get_body(("plain",)).get_content())  # type: ignore[union-attr]
    assert client.get(f"/p/{unsubscribe_a}").status_code == 404  # an unsubscribe link is no preferences link
    assert client.get(f"/p/{confirm_a.rsplit('/', 1)[1]}").status_code == 404
    assert client.get(f"/confirm/{prefs_a}").status_code == 404
    assert client.get(f"/confirm/{unsubscribe_a}").status_code == 404
    assert client.post(f"/u/{prefs_a}", content=ONE_CLICK).status_code == 404  # nor can it unsubscribe
    # A's preferences link with B's token part does not verify.
    forged = f"{b.token}.{prefs_a.rpartition('.')[2]}"
    page = client.get(f"/p/{prefs_a}")
    assert client.get(f"/p/{forged}").status_code == 404
    client.cookies.set("pw_csrf", _csrf(page), path=f"/p/{forged}")  # even with a matching CSRF pair
    assert client.post(f"/p/{forged}", data={"csrf": _csrf(page), "city": ["上海"]}).status_code == 404
    assert _subs(app)[1].filters == {}


def test_confirmation_links_expire_and_an_unsubscribed_link_stays_stopped(tmp_path: Path,
                                                                          relay: SmtpServer) -> None:
    app, clock = _app(tmp_path, relay.port)
    client = TestClient(create_app(app))
    _sign_up(client, email="late@example.org")
    _sign_up(client, email="gone@example.org")
    late, gone = (_confirm_path(m.get_body(("plain",)).get_content()) for m in _mails(relay))  # type: ignore[union-attr]
    shown = client.get(gone)
    client.post(gone, data={"csrf": _csrf(shown)})
    from notifier.subscriptions import sign_token

    stop = client.post(f"/u/{sign_token(_subs(app)[1].token, app.secret())}", content=ONE_CLICK)
    assert stop.status_code == 200
    again = client.post(gone, data={"csrf": _csrf(shown)})
    assert "已退订" in again.text and _subs(app)[1].active is False  # an old confirm link brings nothing back

    clock.now += dt.timedelta(hours=app.settings.web.confirm_hours + 1)
    expired = client.get(late)
    assert expired.status_code == 410 and "已过期" in expired.text
    assert client.post(late, data={"csrf": _csrf(client.get("/"))}).status_code in (403, 410)
    assert _subs(app)[0].active is False
    _sign_up(client, email="someone@example.org")  # the next sign-up clears the stale request
    assert [s.target["address"] for s in _subs(app)] == ["gone@example.org", "someone@example.org"]


def test_an_smtp_outage_is_told_to_the_visitor_and_activates_nothing(tmp_path: Path) -> None:
    app, _ = _app(tmp_path, free_port())  # nothing listens there
    client = TestClient(create_app(app))
    answer = _sign_up(client, email="a@example.org")
    assert answer.status_code == 503 and "稍后" in answer.text and "Traceback" not in answer.text
    assert [s.active for s in _subs(app)] == [False]
    with app.factory() as session:
        (logged,) = session.scalars(select(OptIn))
    assert logged.ok is False


def test_a_push_channel_is_activated_by_a_test_message_carrying_the_confirm_link(tmp_path: Path,
                                                                                relay: SmtpServer) -> None:
    key = "test-bot-key-0001"
    with serve(WeComEmulator(keys=(key,))) as wecom:
        app, _ = _app(tmp_path, relay.port)
        client = TestClient(create_app(app, channel_options={"wecom_base_url": wecom.base_url}))
        done = _sign_up(client, wecom_key=key, topic=["funding"])
        assert done.status_code == 200 and "企业微信群机器人" in done.text
        assert key not in done.text  # a key is a credential: never echoed
        (request,) = wecom.requests
        content = request.json()["markdown"]["content"]
        assert "请确认订阅" in content or "确认订阅" in content
        confirm = _confirm_path(content.replace(")", " "))
        shown = client.get(confirm)
        assert "wecom" in shown.text and key not in shown.text and f"{key[:4]}…" in shown.text
        assert client.post(confirm, data={"csrf": _csrf(shown)}).status_code == 200
        (sub,) = _subs(app)
        assert sub.kind == "wecom" and sub.active is True and sub.filters == {"topic": ["funding"]}
        assert relay.mailbox.messages == []


def test_signup_can_be_turned_off(tmp_path: Path, relay: SmtpServer) -> None:
    app, _ = _app(tmp_path, relay.port, POLICYWATCH_CONFIG=str(_config(tmp_path, "signup = false")))
    client = TestClient(create_app(app))
    assert client.get("/").status_code == 404
    assert client.post("/subscribe", data={"email": "a@example.org"}).status_code == 404
    assert _subs(app) == []


def test_saving_preferences_keeps_an_operators_schedule_time(tmp_path: Path, relay: SmtpServer) -> None:
    import argparse

    from notifier.admin import subscribe
    from notifier.subscriptions import PREFS_SCOPE, sign_scoped

    app, _ = _app(tmp_path, relay.port)
    args = argparse.Namespace(email="ops@example.org", wecom_key=None, serverchan_key=None, pushplus_token=None,
                              webhook=None, outbox=False, city=[], source=[], topic=[], event=[], keyword=[],
                              min_amount=None, schedule="daily 18:30", name=None, backlog_days=1)
    subscribe(app, args)
    client = TestClient(create_app(app))
    path = f"/p/{sign_scoped(PREFS_SCOPE, _subs(app)[0].token, app.secret())}"
    page = client.get(path)
    assert "daily 18:30" in page.text and 'value="daily" checked' in page.text
    saved = client.post(path, data={"csrf": _csrf(page), "city": ["上海"], "schedule": "daily"})
    assert _subs(app)[0].schedule == "daily 18:30" and _subs(app)[0].filters == {"city": ["上海"]}
    client.post(path, data={"csrf": _csrf(saved), "schedule": "weekly"})
    assert _subs(app)[0].schedule == "weekly mon 08:00"


def test_operator_subscriptions_count_as_confirmed(tmp_path: Path, relay: SmtpServer) -> None:
    import argparse

    from notifier.admin import subscribe

    app, clock = _app(tmp_path, relay.port)
    args = argparse.Namespace(email="ops@example.org", wecom_key=None, serverchan_key=None, pushplus_token=None,
                              webhook=None, outbox=False, city=[], source=[], topic=[], event=[], keyword=[],
                              min_amount=None, schedule="immediate", name=None, backlog_days=1)
    subscribe(app, args)
    (sub,) = _subs(app)
    assert sub.active is True and sub.confirmed_at == clock.now
