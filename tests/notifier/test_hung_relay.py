"""One hung SMTP relay must not hold up the other channels (issue 12 item 7).

The relay accepts TCP connections and never says a word: every e-mail waits its full SMTP timeout.
Before, channels were sent one after the other, so an outbox digest queued behind N e-mails waited
N x timeout. Now messages are queued per endpoint and sent by a thread pool: the outbox digest goes
out at once, the relay's circuit breaker opens after 3 failures, the e-mails not tried are left due
(not dead), and once the relay is back every digest arrives exactly once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import email
import email.policy
import socket
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from smtp_servers import Mailbox
from sqlalchemy import select

from notifier.admin import subscribe
from parsers.model import NoticeRecord
from policywatch.app import App, outbox_files
from policywatch.config import load_settings
from store.db import transaction
from store.models import Delivery
from store.repository import Repository

T0 = dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC)
TIMEOUT = 2.0  # the SMTP timeout, seconds
MAILS = 5


class HungRelay:
    """Accepts connections on 127.0.0.1 and never answers (no 220 greeting)."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.sock.getsockname()[1])
        self.held: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return  # closed
            self.held.append(conn)

    def __enter__(self) -> HungRelay:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.sock.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept(); close() alone would not
        self.sock.close()
        for conn in self.held:
            conn.close()
        self.thread.join(timeout=5)


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


def _app(tmp_path: Path, port: int) -> tuple[App, Clock]:
    config = tmp_path / "policywatch.toml"
    config.write_text(f"[smtp]\ntimeout = {TIMEOUT}\n", "utf-8")
    clock = Clock()
    settings = load_settings(config, environ={
        "POLICYWATCH_DATA_DIR": str(tmp_path / "data"), "POLICYWATCH_SMTP_HOST": "127.0.0.1",
        "POLICYWATCH_SMTP_PORT": str(port), "POLICYWATCH_SMTP_SECURITY": "none",
        "POLICYWATCH_SMTP_SENDER": "monitor@example.org", "POLICYWATCH_SECRET": "hung-relay-test-secret"})
    return App.open(settings, clock=clock), clock


def _publish(app: App) -> None:
    record = NoticeRecord(url="https://www.most.gov.cn/tztg/202612/t20261201_000001.html", source="most",
                          title="关于人工智能应用场景试点的通知", doc_number=None, issuers=("科技部",),
                          written_date=None, published_date=dt.date(2026, 12, 1), body="正文")
    with transaction(app.factory) as session:
        Repository(session).upsert_notice(record, "most", "tztg", app.clock())


def _statuses(app: App) -> Counter[str]:
    with app.factory() as session:
        return Counter(d.status for d in session.scalars(select(Delivery).where(Delivery.channel == "email")))


def test_a_hung_relay_holds_up_only_its_own_messages(tmp_path: Path) -> None:
    with HungRelay() as relay:
        app, clock = _app(tmp_path, relay.port)
        for i in range(MAILS):  # the e-mails first: the old sequential ledger sent the outbox last
            subscribe(app, _args(email=f"reader{i}@example.org"))
        subscribe(app, _args(outbox=True))
        _publish(app)
        started_wall, started = time.time(), time.monotonic()
        report = app.notify()
        took = time.monotonic() - started
    (eml,) = [p for p in outbox_files(app.settings.outbox_path) if p.suffix == ".eml"]
    assert eml.stat().st_mtime - started_wall < TIMEOUT / 2, "the outbox digest waited for the hung relay"
    assert report.sent == 1 and report.failed + report.deferred == MAILS and report.deferred >= 1
    assert took < 3 * TIMEOUT + 2, took  # the breaker opened after 3 timeouts (2 at a time)
    assert any("circuit breaker open" in e and "smtp://127.0.0.1" in e for e in report.errors)
    assert _statuses(app) == Counter(failed=report.failed, pending=report.deferred)  # none dead, none lost

    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=relay.port)  # the relay is back
    controller.start()
    try:
        clock.now += dt.timedelta(minutes=10)  # past the backoff and the breaker's cooldown
        back, again = app.notify(), app.notify()
    finally:
        controller.stop()
    assert (back.sent, back.failed, back.deferred, again.sent) == (MAILS, 0, 0, 0)
    ids = Counter(str(email.message_from_bytes(m.content, policy=email.policy.default)["X-Policywatch-Digest-Id"])
                  for m in box.messages)
    assert len(ids) == MAILS and set(ids.values()) == {1}
    assert _statuses(app) == Counter(sent=MAILS)
