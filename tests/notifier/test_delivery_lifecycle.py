"""A digest's life after a failed send (issue 12 items 3 and 4).

- An SMTP outage of a few hours loses nothing: the ledger backs off to 6 h between attempts and keeps
  retrying for ``[notify] retry_days`` (before: dead after 8 attempts, ~127 min, silently).
- A digest that is given up on is a dead letter: an ops alert (once, through the same ledger; an
  undeliverable alert about dead letters does not feed itself), a ``status --check`` failure, listed
  by ``policywatch deliveries list`` without secrets, and requeued by ``deliveries retry``.
- Unsubscribing stops retries: every claim re-checks the subscription; its unsent rows are cancelled.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from smtp_servers import Mailbox, free_port
from sqlalchemy import select

import policywatch.cli as cli
from notifier.admin import subscribe, unsubscribe
from notifier.alerts import make_ops, run_alerts
from notifier.ledger import LedgerPolicy, backoff
from parsers.model import NoticeRecord
from policywatch.app import App, outbox_files
from policywatch.config import load_settings
from store.db import transaction
from store.models import AlertDelivery, AlertIncident, Delivery
from store.planning import change_horizon
from store.repository import Repository

T0 = dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC)
SECRET_PATH = "hook-s3cr3t-path-token"


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


def _args(**kw: Any) -> argparse.Namespace:
    base: dict[str, Any] = dict(email=None, wecom_key=None, serverchan_key=None, pushplus_token=None, webhook=None,
                                outbox=False, city=[], source=[], topic=[], event=[], keyword=[], min_amount=None,
                                schedule="immediate", name=None, backlog_days=1)
    base.update(kw)
    return argparse.Namespace(**base)


def _env(tmp_path: Path, smtp_port: int) -> dict[str, str]:
    return {"POLICYWATCH_DATA_DIR": str(tmp_path / "data"), "POLICYWATCH_SMTP_HOST": "127.0.0.1",
            "POLICYWATCH_SMTP_PORT": str(smtp_port), "POLICYWATCH_SMTP_SECURITY": "none",
            "POLICYWATCH_SMTP_SENDER": "monitor@example.org", "POLICYWATCH_SECRET": "lifecycle-test-secret",
            "POLICYWATCH_WEBHOOK_ALLOW_HOSTS": "127.0.0.1"}  # the receivers here are loopback servers


def _app(tmp_path: Path, smtp_port: int, notify: str = "") -> tuple[App, Clock]:
    config = tmp_path / "policywatch.toml"
    config.write_text(f"[smtp]\ntimeout = 5\n[notify]\n{notify}\n", "utf-8")
    clock = Clock()
    return App.open(load_settings(config, environ=_env(tmp_path, smtp_port)), clock=clock), clock


def _publish(app: App, n: int = 1) -> None:
    record = NoticeRecord(url=f"https://www.most.gov.cn/tztg/202612/t20261201_{n:06d}.html", source="most",
                          title=f"关于第{n}批人工智能应用场景试点的通知", doc_number=None, issuers=("科技部",),
                          written_date=None, published_date=dt.date(2026, 12, 1), body="正文")
    with transaction(app.factory) as session:
        Repository(session).upsert_notice(record, "most", "tztg", app.clock())


def _rows(app: App) -> list[Delivery]:
    with app.factory() as session:
        return list(session.scalars(select(Delivery).order_by(Delivery.id)))


def _next_due(app: App, clock: Clock, status: str = "failed") -> None:
    """To the next retry, and past the relay's circuit breaker cooldown (open after 3 failures)."""
    due = max((r.next_attempt_at for r in _rows(app) if r.status == status), default=clock.now)
    clock.now = max(due, clock.now + dt.timedelta(seconds=app.settings.notify.breaker_cooldown_seconds))


class Smtp:
    """A real SMTP server on a port chosen before it runs (the outage is the time it is not running)."""

    def __init__(self, port: int) -> None:
        self.mailbox = Mailbox()
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=port)

    def __enter__(self) -> Smtp:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


def test_backoff_is_capped_at_six_hours_and_the_default_window_is_days() -> None:
    assert [backoff(n).total_seconds() / 60 for n in (1, 2, 3, 9, 10, 50, 10_000)] == [1, 2, 4, 256, 360, 360, 360]
    policy = LedgerPolicy()  # retry_days = 7
    assert not policy.gives_up(8)  # the old limit: dead after 8 attempts (~127 minutes)
    window = sum((backoff(n) for n in range(1, 36)), dt.timedelta())
    assert not policy.gives_up(35) and policy.gives_up(36) and dt.timedelta(days=6.5) < window < dt.timedelta(days=7)
    assert LedgerPolicy(max_attempts=3).gives_up(3) and not LedgerPolicy(max_attempts=3).gives_up(2)


def test_a_two_hour_smtp_outage_loses_no_digest(tmp_path: Path) -> None:
    port = free_port()  # nothing listens: the relay is down
    app, clock = _app(tmp_path, port)
    subscribe(app, _args(email="a@example.org"))
    _publish(app)
    for _ in range(12):  # every retry of the first ~8.5 hours; the old ledger gave up after 8 (~127 min)
        report = app.notify()
        assert (report.sent, report.failed) == (0, 1)
        _next_due(app, clock)
    (row,) = _rows(app)
    assert row.status == "failed" and row.attempts == 12
    assert row.next_attempt_at - clock.now <= dt.timedelta(hours=6)
    with Smtp(port) as smtp:
        _next_due(app, clock)
        up, again = app.notify(), app.notify()
    assert (up.sent, again.sent) == (1, 0) and len(smtp.mailbox.messages) == 1
    assert [r.status for r in _rows(app)] == ["sent"]


def _main(tmp_path: Path, port: int, monkeypatch: pytest.MonkeyPatch, *argv: str,
          capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    for key, value in _env(tmp_path, port).items():
        monkeypatch.setenv(key, value)
    code = cli.main(["--config", str(tmp_path / "policywatch.toml"), *argv])
    return code, capsys.readouterr().out


def test_a_dead_letter_alerts_ops_fails_the_check_and_can_be_requeued(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    port, hook_port = free_port(), free_port()
    app, clock = _app(tmp_path, port, "retry_days = 0.01")  # 14.4 min: dead after the 4th attempt
    subscribe(app, _args(email="a@example.org"))
    subscribe(app, _args(webhook=f"http://127.0.0.1:{hook_port}/{SECRET_PATH}?key=hook-query-secret"))
    ops_id, _ = subscribe(app, _args(outbox=True, name="ops"))
    make_ops(app.factory, ops_id, with_notices=False)
    _publish(app)
    for attempt in range(1, 5):
        report = app.notify()
        assert (report.sent, report.failed) == (0, 2), attempt
        _next_due(app, clock)
    assert {r.status for r in _rows(app)} == {"dead"}
    assert app.notify().failed == 0  # dead letters are not retried by themselves

    code, out = _main(tmp_path, port, monkeypatch, "status", "--check", capsys=capsys)
    assert code == 1 and "policywatch/delivery" in out and "failing" in out
    alerts = run_alerts(app)
    assert (alerts.opened, alerts.sent) == (1, 1)
    (alert_file,) = [p for p in outbox_files(app.settings.outbox_path) if p.suffix == ".md"]
    assert "policywatch/delivery: dead_letters" in alert_file.read_text("utf-8")
    assert run_alerts(app).sent == 0  # once per incident

    code, out = _main(tmp_path, port, monkeypatch, "deliveries", "list", capsys=capsys)
    assert code == 0 and out.count("dead") >= 2 and "email" in out and "webhook" in out
    code, listed = _main(tmp_path, port, monkeypatch, "deliveries", "list", "--json", capsys=capsys)
    assert {d["kind"] for d in json.loads(listed)} == {"email", "webhook"}
    assert SECRET_PATH not in out + listed and "hook-query-secret" not in out + listed

    email_sub = next(r.subscription_id for r in _rows(app) if r.channel == "email")
    code, out = _main(tmp_path, port, monkeypatch, "deliveries", "retry", "--subscription", str(email_sub),
                      capsys=capsys)
    assert code == 0 and "requeued 1 dead digest(s)" in out
    _next_due(app, clock, "pending")  # the CLI requeued it as due at its own (real) clock's now
    with Smtp(port) as smtp:
        assert app.notify().sent == 1
        assert len(smtp.mailbox.messages) == 1
    still = run_alerts(app)  # the webhook's digest is still dead: the incident stays open
    assert (still.opened, still.resolved) == (0, 0)
    code, out = _main(tmp_path, port, monkeypatch, "deliveries", "retry", "--all", capsys=capsys)
    assert code == 0 and "requeued 1 dead digest(s)" in out
    _unsubscribe_channel(app, "webhook")  # the receiver is gone for good (the retry failed again)
    assert app.notify().cancelled == 1
    resolved = run_alerts(app)
    assert (resolved.resolved, resolved.sent) == (1, 1)
    _polled_ok(app)  # `status --check` also fails an archive never polled (issue 14)
    code, _ = _main(tmp_path, port, monkeypatch, "status", "--check", capsys=capsys)
    assert code == 0


def _polled_ok(app: App) -> None:
    from store.db import transaction
    from store.models import CrawlRun

    now = dt.datetime.now(dt.UTC)
    with transaction(app.factory) as session:
        for src in app.sources:
            for ch in src.channels:
                session.add(CrawlRun(source=src.id, channel=ch.id, started_at=now, finished_at=now, status="ok",
                                     pages=1, items_seen=20, new=0, changed=0, unchanged=20, details_fetched=0,
                                     error_count=0, errors=[], http_codes={}))


def _unsubscribe_channel(app: App, kind: str) -> None:
    from store.models import Subscription

    with transaction(app.factory) as session:
        for sub in session.scalars(select(Subscription).where(Subscription.kind == kind)):
            sub.active = False


def test_an_undeliverable_alert_about_dead_letters_does_not_feed_itself(tmp_path: Path) -> None:
    port = free_port()
    app, clock = _app(tmp_path, port, "retry_days = 0.01")
    subscribe(app, _args(email="a@example.org"))
    ops_id, _ = subscribe(app, _args(email="ops@example.org"))  # ops' own relay is the dead one too
    make_ops(app.factory, ops_id, with_notices=False)
    _publish(app)
    for _ in range(30):  # far past both retry windows
        app.notify()
        run_alerts(app)
        clock.now += dt.timedelta(minutes=20)
    with app.factory() as session:
        incidents = list(session.scalars(select(AlertIncident)))
        alert_rows = list(session.scalars(select(AlertDelivery)))
    assert [(i.rule, i.resolved_at) for i in incidents] == [("dead_letters", None)]
    assert [r.status for r in alert_rows] == ["dead"]  # announced once; never re-planned, never resolved


def test_a_digest_that_failed_before_an_unsubscribe_is_never_sent(tmp_path: Path) -> None:
    port = free_port()
    app, clock = _app(tmp_path, port)
    _, token = subscribe(app, _args(email="a@example.org"))
    _publish(app)
    assert app.notify().failed == 1
    unsubscribe(app, token)
    _next_due(app, clock)
    with Smtp(port) as smtp:
        report = app.notify()
    assert (report.sent, report.failed, report.cancelled) == (0, 0, 1)
    assert smtp.mailbox.messages == []
    assert [r.status for r in _rows(app)] == ["cancelled"]


def test_the_claim_itself_rechecks_the_subscription(tmp_path: Path) -> None:
    """Unsubscribed between "what is due" and the claim: the claim takes nothing."""
    from notifier.delivery import plan
    from notifier.ledger import _claim, due_digests

    app, clock = _app(tmp_path, free_port())
    _, token = subscribe(app, _args(email="a@example.org"))
    _publish(app)
    with transaction(app.factory) as session:
        plan(session, clock.now, app.source_names(), change_horizon(app.factory))
        (due,) = due_digests(session, Delivery, clock.now)
    unsubscribe(app, token)

    def build(session: Any, digest_id: str, row_ids: Any) -> Any:
        raise AssertionError("an inactive subscription's digest must not even be built")

    assert _claim(app.factory, Delivery, build, due.digest_id, clock.now, clock.now + dt.timedelta(minutes=10)) is None
    assert [r.status for r in _rows(app)] == ["pending"]

