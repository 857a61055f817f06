"""Ops alerts are ordinary messages of the one exactly-once ledger (notifier/ledger.py).

The notice-digest guarantees of test_delivery_ledger.py, for alerts: an SMTP outage is retried with the
ledger's backoff and then delivered once; a row already sent is never re-marked nor re-sent; a WeCom
delivery that stops half-way resumes with only the rest; a send interrupted by a crash is resent once
under the same id. The outage and the partial delivery also run on PostgreSQL (the ledger is one code
path over two tables, so both backends see the same queries).
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from servers import WeComEmulator, serve
from smtp_servers import Mailbox, free_port, smtp_server
from sqlalchemy import select

from notifier.alerts import plan_alerts, run_alerts, sync_incidents
from notifier.channels.email import message_id
from notifier.channels.pacing import SlidingWindowPacer
from notifier.ledger import backoff
from notifier.subscriptions import new_token
from policywatch.app import App
from policywatch.config import load_settings
from store.db import transaction
from store.health import load_all
from store.models import AlertDelivery, CrawlRun, Subscriber, Subscription
from store.reasons import Reason
from tests.pg import PgCluster

T0 = dt.datetime(2026, 11, 30, 2, 0, tzinfo=dt.UTC)
OPS = "ops@example.org"
WECOM_KEY = "test-bot-key-0001"


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest) -> str:
    """A fresh database per test; an empty URL means the default SQLite file in the data directory."""
    if request.param == "sqlite":
        return ""
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    return cluster.create_database(prefix="alerts")


def _app(tmp_path: Path, smtp_port: int, kind: str, target: dict[str, Any],
         database_url: str = "") -> tuple[App, Clock]:
    clock = Clock()
    settings = load_settings(environ={
        "POLICYWATCH_DATABASE_URL": database_url,
        "POLICYWATCH_DATA_DIR": str(tmp_path / "data"), "POLICYWATCH_SMTP_HOST": "127.0.0.1",
        "POLICYWATCH_SMTP_PORT": str(smtp_port), "POLICYWATCH_SMTP_SECURITY": "none",
        "POLICYWATCH_SMTP_SENDER": "monitor@example.org", "POLICYWATCH_SMTP_TIMEOUT": "5"})
    app = App.open(settings, clock=clock)
    with transaction(app.factory) as session:
        subscriber = Subscriber(name="ops team", created_at=T0)
        session.add(subscriber)
        session.flush()
        session.add(Subscription(subscriber_id=subscriber.id, kind=kind, target=target, filters={},
                                 schedule="immediate", active=True, is_ops=True, token=new_token(),
                                 created_at=T0, since=T0))
    return app, clock


def _broken(app: App, channels: list[tuple[str, str]], at: dt.datetime, padding: str = "") -> None:
    """A list selector that matches nothing: the 'broken' rule alerts at the first such poll."""
    with transaction(app.factory) as session:
        for source, channel in channels:
            reason = f"channel {source}/{channel}: selector 'ul li' matched 0 node(s), expected >= 1{padding}"
            session.add(CrawlRun(source=source, channel=channel, started_at=at, finished_at=at, status="failed",
                                 pages=1, items_seen=0, new=0, changed=0, unchanged=0, details_fetched=0,
                                 error_count=1, errors=[], http_codes={}, reason=reason,
                                 reason_code=Reason.SELECTOR_BROKEN))


def _plan_only(app: App, now: dt.datetime) -> None:
    """Open the incidents and write their ledger rows without sending (what a run does before sending)."""
    with transaction(app.factory) as session:
        sync_incidents(session, load_all(session, app.sources, now, app.settings.alerts), now)
        plan_alerts(session, now)


def _rows(app: App) -> list[AlertDelivery]:
    with app.factory() as session:
        return list(session.scalars(select(AlertDelivery).order_by(AlertDelivery.id)))


def _parsed(box: Mailbox) -> list[EmailMessage]:
    return [email.message_from_bytes(m.content, policy=email.policy.default) for m in box.messages]


@pytest.fixture
def port() -> int:
    return free_port()  # nothing listens here until a test starts a server on it


def test_smtp_outage_for_an_alert_is_retried_with_the_ledger_backoff_then_sent_once(
        tmp_path: Path, port: int, database_url: str) -> None:
    app, clock = _app(tmp_path, port, "email", {"address": OPS}, database_url)
    _broken(app, [("most", "tztg")], T0)

    down = run_alerts(app)
    assert (down.opened, down.planned, down.sent, down.failed) == (1, 1, 0, 1)
    assert "ops subscription" in down.errors[0] and "email" in down.errors[0]
    (row,) = _rows(app)
    assert (row.status, row.attempts, row.next_attempt_at) == ("failed", 1, T0 + backoff(1))

    clock.now = T0 + dt.timedelta(seconds=30)  # backoff not over: not even tried
    early = run_alerts(app)
    assert (early.sent, early.failed) == (0, 0)

    clock.now = T0 + backoff(1)
    again = run_alerts(app)
    assert again.failed == 1
    (row,) = _rows(app)
    assert (row.status, row.attempts, row.next_attempt_at) == ("failed", 2, clock.now + backoff(2))

    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        clock.now += backoff(2)
        up = run_alerts(app)
        later = run_alerts(app)
    finally:
        controller.stop()
    assert (up.sent, up.failed, later.sent, later.planned) == (1, 0, 0, 0)
    (msg,) = _parsed(box)
    assert msg["X-Policywatch-Alert-Id"] == row.digest_id and msg["X-Policywatch-Digest-Id"] is None
    assert msg["Message-ID"] == message_id(row.digest_id, "example.org")
    assert str(msg["Subject"]).startswith("【policywatch 运维】1 条告警")
    body = msg.get_body(("plain",))
    assert body is not None and "most/tztg: broken" in body.get_content()
    (row,) = _rows(app)
    assert (row.status, row.attempts, row.sent_at, row.last_error) == ("sent", 3, clock.now, None)


def test_a_sent_alert_row_is_never_re_marked_nor_re_sent(tmp_path: Path) -> None:
    with smtp_server() as server:
        app, clock = _app(tmp_path, server.port, "email", {"address": OPS})
        _broken(app, [("most", "tztg"), ("most", "gfxwj")], T0)
        _plan_only(app, T0)
        first, second = _rows(app)
        assert first.digest_id == second.digest_id  # one message for both alerts
        # One row of the message already went out (e.g. in an earlier, partial delivery).
        with transaction(app.factory) as session:
            done = session.get(AlertDelivery, first.id)
            assert done is not None
            done.status, done.attempts, done.sent_at = "sent", 1, T0
        clock.now = T0 + dt.timedelta(minutes=5)
        report = run_alerts(app)
        assert (report.sent, report.planned) == (1, 0)
        (msg,) = _parsed(server.mailbox)
    body = msg.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    told, untold = _incident_channel(app, first.incident_id), _incident_channel(app, second.incident_id)
    assert f"] {untold}" in text and f"] {told}" not in text  # "[failing] most/…": one channel's alert line
    done_row, other_row = _rows(app)
    assert (done_row.status, done_row.attempts, done_row.sent_at) == ("sent", 1, T0)  # untouched
    assert (other_row.status, other_row.attempts, other_row.sent_at) == ("sent", 1, clock.now)


def _incident_channel(app: App, incident_id: int) -> str:
    from store.models import AlertIncident

    with app.factory() as session:
        incident = session.get(AlertIncident, incident_id)
        assert incident is not None
        return f"{incident.source}/{incident.channel}"


def test_partial_wecom_delivery_of_alerts_resumes_without_resending(tmp_path: Path, database_url: str) -> None:
    app, clock = _app(tmp_path, 1, "wecom", {"key": WECOM_KEY}, database_url)
    channels = [(s.id, c.id) for s in app.sources for c in s.channels][:12]
    _broken(app, channels, T0, padding="；页面结构已改版，" + "列表选择器需要更新。" * 20)
    no_wait = SlidingWindowPacer(limit=10_000, window=60.0)
    with serve(WeComEmulator(busy_after=1, limit_per_minute=10_000)) as server:
        options = {"wecom_base_url": server.base_url, "wecom_pacer": no_wait,
                   "webhook_allow_hosts": server.allow_hosts}
        first = run_alerts(app, options=options)
        assert (first.opened, first.sent, first.failed) == (12, 0, 1)
        assert len(server.accepted) == 1 and "【policywatch 运维】" in server.accepted[0]
        rows = _rows(app)
        sent = {r.id: r.sent_at for r in rows if r.status == "sent"}
        assert 0 < len(sent) < 12, "the first message carried some alerts, not all"
        assert {r.status for r in rows if r.id not in sent} == {"failed"}

        server.busy_after = None
        clock.now = T0 + backoff(1)
        second = run_alerts(app, options=options)
        third = run_alerts(app, options=options)
    assert (second.sent, second.failed, third.sent, third.planned) == (1, 0, 0, 0)
    for source, channel in channels:  # every alert line exactly once overall
        line = f"] {source}/{channel}"  # "[failing] beijing/zcfg: broken: …"
        assert sum(line in m for m in server.accepted) == 1, line
    rows = _rows(app)
    assert {r.status for r in rows} == {"sent"}
    assert all(r.sent_at == sent[r.id] for r in rows if r.id in sent), "a delivered alert was re-marked"


def test_an_alert_left_sending_by_a_crash_is_resent_once_with_the_same_id(tmp_path: Path) -> None:
    with smtp_server() as server:
        app, clock = _app(tmp_path, server.port, "email", {"address": OPS})
        _broken(app, [("most", "tztg")], T0)
        _plan_only(app, T0)
        with transaction(app.factory) as session:  # the process died after claiming, before recording
            for row in session.scalars(select(AlertDelivery)):
                row.status, row.attempts = "sending", 1
        clock.now = T0 + dt.timedelta(seconds=5)
        resent = run_alerts(app)
        never = run_alerts(app)
        messages = _parsed(server.mailbox)
    assert (resent.sent, never.sent) == (1, 0)
    (row,) = _rows(app)
    assert [m["Message-ID"] for m in messages] == [message_id(row.digest_id, "example.org")]
    assert (row.status, row.attempts) == ("sent", 2)


def test_an_ops_digest_is_marked_as_such_and_keeps_its_subject() -> None:
    from zoneinfo import ZoneInfo

    from notifier.channels.email import build_email_message
    from notifier.digest import Digest, DigestItem

    item = DigestItem(notice_id=3, change="recovered", title="[ok again] most/tztg: broken cleared", url="",
                      source_id="most", source_name="科技部 通知通告", city="", issuers=(), doc_number=None,
                      date=None, events=())
    created = dt.datetime(2026, 11, 30, 10, tzinfo=ZoneInfo("Asia/Shanghai"))
    subject = "【policywatch 运维】1 条恢复：most/tztg"
    digest = Digest("alert-1", 2, "ops team", created, (item,), kind="ops", title=subject)
    assert digest.subject == subject
    assert digest.to_json()["kind"] == "ops" and digest.to_json()["counts"] == {"recovered": 1}
    msg = build_email_message(digest, "monitor@example.org", OPS)
    assert msg["X-Policywatch-Alert-Id"] == "alert-1" and msg["X-Policywatch-Digest-Id"] is None
    with pytest.raises(ValueError, match="kind"):
        Digest("d", 2, "ops team", created, (item,), kind="alerts")
