"""One hung SMTP relay must not hold up the other channels (issue 12 item 7).

The relay accepts TCP connections and never says a word: every e-mail waits its full SMTP timeout.
Before, channels were sent one after the other, so an outbox digest queued behind N e-mails waited
N x timeout. Now messages are queued per endpoint and sent by a thread pool: the outbox digest goes
out at once, the relay's circuit breaker opens after 3 failures, the e-mails not tried are left due
(not dead), and once the relay is back every digest arrives exactly once. Plus the dispatcher's
parts on their own: the breaker, the concurrency bounds, endpoint names.
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
from notifier.channels.base import SendResult
from notifier.channels.factory import channel_endpoint
from notifier.dispatch import Breaker, Dispatcher, DispatchSettings
from parsers.model import NoticeRecord
from policywatch.app import App, outbox_files
from policywatch.config import load_settings
from store.db import transaction
from store.models import Delivery
from store.repository import Repository

T0 = dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC)
TIMEOUT = 3.0  # the SMTP timeout, seconds
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
    # Before even one SMTP timeout has passed (sequentially it came after all of them: 5 x 3 s).
    assert eml.stat().st_mtime - started_wall < TIMEOUT, "the outbox digest waited for the hung relay"
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


def test_breaker_opens_after_repeated_failures_and_one_probe_closes_it() -> None:
    now = [0.0]
    breaker = Breaker(threshold=3, cooldown=60.0, clock=lambda: now[0])
    for _ in range(3):
        assert breaker.allow()
        breaker.record(ok=False)
    assert not breaker.allow()  # open: the endpoint's messages are skipped
    now[0] = 60.0
    assert breaker.allow()  # the probe
    breaker.record(ok=False)
    assert not breaker.allow()  # still failing: open for another cooldown
    now[0] = 120.0
    assert breaker.allow()
    breaker.record(ok=True)
    assert breaker.allow() and breaker.allow()  # closed again


def test_dispatch_bounds_concurrency_per_endpoint_and_keeps_a_subscriptions_order() -> None:
    lock = threading.Lock()
    running: Counter[str] = Counter()
    peak: Counter[str] = Counter()
    order: dict[int, list[int]] = {}
    jobs = [(endpoint, sub, n) for endpoint in ("a", "b", "c") for sub in range(4) for n in range(3)]

    def send(job: tuple[str, int, int]) -> SendResult:
        endpoint, sub, n = job
        with lock:
            running[endpoint] += 1
            running["all"] += 1
            peak[endpoint] = max(peak[endpoint], running[endpoint])
            peak["all"] = max(peak["all"], running["all"])
            order.setdefault(hash((endpoint, sub)), []).append(n)
        time.sleep(0.02)
        with lock:
            running[endpoint] -= 1
            running["all"] -= 1
        return SendResult(True, False, "ok", 1)

    dispatcher = Dispatcher(DispatchSettings(workers=4, per_endpoint=2))
    outcomes = dispatcher.run(jobs, lambda j: j[0], lambda j: (j[0], j[1]), send)
    assert len(outcomes) == len(jobs) and all(o.result and o.result.ok for o in outcomes)
    assert max(peak[e] for e in "abc") == 2 and peak["all"] <= 4
    assert all(seq == [0, 1, 2] for seq in order.values())


def test_endpoint_names_carry_no_secrets() -> None:
    names = [channel_endpoint({"kind": "webhook", "url": "https://user:pw@hooks.example.org:8443/T0K3N?key=k3y"}),
             channel_endpoint({"kind": "wecom", "key": "bot-key-secret"}),
             channel_endpoint({"kind": "serverchan", "key": "SCTsecret"}, None, {"serverchan_base_url": "http://127.0.0.1:9"})]
    assert names == ["https://hooks.example.org:8443", "https://qyapi.weixin.qq.com", "http://127.0.0.1:9"]
