"""One SMTP connection for a batch of digests (issue 13: sending that scales).

Against real aiosmtpd relays on 127.0.0.1: digests of one notify run share a connection per relay and
account (one TLS handshake, one AUTH), a relay that dropped an idle connection costs a reconnect and
no message, an error closes only the connection it happened on, and the run leaves no connection open.
Sessions are told apart by the aiosmtpd session object each message arrived on (kept, not its id():
a finished session's id is reused by the next one).
"""

from __future__ import annotations

import argparse
import datetime as dt
import ssl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from notifier_builders import make_digest, make_item
from smtp_servers import Authenticator, free_port, make_self_signed

from notifier.admin import subscribe
from notifier.channels.email import EmailChannel, SmtpSessions
from parsers.model import NoticeRecord
from policywatch.app import App
from policywatch.config import load_settings
from store.db import transaction
from store.repository import Repository

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
SENDER = "政策速递 <policywatch@example.org>"
T0 = dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC)


@dataclass
class Relay:
    """Keeps each message with the session it came on; counts QUITs; refuses listed recipients."""

    messages: list[tuple[Any, Any]] = field(default_factory=list)  # (session, envelope)
    quits: int = 0
    refuse: set[str] = field(default_factory=set)
    auth_mechanisms: list[str] = field(default_factory=list)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address in self.refuse:
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append((session, envelope))
        return "250 Message accepted for delivery"

    async def handle_QUIT(self, server: Any, session: Any, envelope: Any) -> str:
        self.quits += 1
        return "221 Bye"

    def sessions(self) -> int:
        return len({id(session) for session, _ in self.messages})  # every session still referenced here

    def recipients(self) -> list[str]:
        return sorted(r for _, env in self.messages for r in env.rcpt_tos)


@contextmanager
def relay(**kwargs: Any) -> Iterator[tuple[Relay, int]]:
    handler = Relay()
    if "auth" in kwargs:
        user, password = kwargs.pop("auth")
        kwargs.update(authenticator=Authenticator(user, password, handler),  # type: ignore[arg-type]
                      auth_required=True, auth_require_tls=bool(kwargs.get("require_starttls")))
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


def _channel(port: int, recipient: str, sessions: SmtpSessions | None, **kw: Any) -> EmailChannel:
    settings: dict[str, Any] = dict(host="127.0.0.1", port=port, username=None, password=None, security="none",
                                    sender=SENDER, recipient=recipient, timeout=5, sessions=sessions)
    settings.update(kw)
    return EmailChannel(**settings)


def _digest(n: int) -> Any:
    return make_digest((make_item(n),), digest_id=f"d-reuse-{n}")


def test_a_batch_of_digests_shares_one_starttls_login(tmp_path: Path) -> None:
    cert, key = make_self_signed(tmp_path)
    server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_tls.load_cert_chain(cert, key)
    client_tls = ssl.create_default_context(cafile=str(cert))
    sessions = SmtpSessions()
    with relay(tls_context=server_tls, require_starttls=True, auth=("bot", "app-code-1")) as (box, port):
        results = [_channel(port, f"r{n}@example.org", sessions, security="starttls", username="bot",
                            password="app-code-1", ssl_context=client_tls).send(_digest(n)) for n in range(12)]
        sessions.close()
        assert all(r.ok for r in results)
        assert box.recipients() == sorted(f"r{n}@example.org" for n in range(12))
        assert (box.sessions(), len(box.auth_mechanisms), sessions.opened) == (1, 1, 1)
    assert box.quits == 1  # closed politely when the run ended


def test_without_a_pool_every_digest_opens_its_own_connection() -> None:
    with relay() as (box, port):
        for n in range(3):
            assert _channel(port, f"r{n}@example.org", None).send(_digest(n)).ok
    assert (box.sessions(), box.quits) == (3, 3)


def test_a_connection_is_worn_out_after_max_messages() -> None:
    sessions = SmtpSessions(max_messages=5)
    with relay() as (box, port):
        assert all(_channel(port, f"r{n}@example.org", sessions).send(_digest(n)).ok for n in range(12))
        sessions.close()
    assert (box.sessions(), sessions.opened, len(box.messages)) == (3, 3, 12)


def test_different_accounts_or_relays_never_share_a_connection() -> None:
    sessions = SmtpSessions()
    with relay(auth=("mailbot", "pw-a")) as (box, port), relay() as (other, other_port):
        for n in range(4):
            assert _channel(port, f"a{n}@example.org", sessions, username="mailbot", password="pw-a",
                            allow_plaintext_auth=True).send(_digest(n)).ok
            assert _channel(other_port, f"b{n}@example.org", sessions).send(_digest(n)).ok
        sessions.close()
    assert (box.sessions(), other.sessions(), sessions.opened) == (1, 1, 2)
    sessions = SmtpSessions()
    with relay(auth=("mailbot", "pw-b")) as (box, port):
        login: dict[str, Any] = dict(username="mailbot", allow_plaintext_auth=True)
        wrong = _channel(port, "x@example.org", sessions, password="pw-a", **login)
        right = _channel(port, "y@example.org", sessions, password="pw-b", **login)
        assert right.send(_digest(1)).ok
        # The old password's channel must log in itself, not ride the pooled session of the new one.
        failed = wrong.send(_digest(2))
        sessions.close()
    assert not failed.ok and "authentication failed" in failed.detail
    assert box.recipients() == ["y@example.org"]


def test_a_relay_that_dropped_the_idle_connection_costs_a_reconnect_not_a_message() -> None:
    sessions = SmtpSessions(probe_after=1.0)  # NOOP before reusing a connection idle for 1 s or more
    with relay(timeout=0.5) as (box, port):  # aiosmtpd closes a session idle for 0.5 s
        assert _channel(port, "first@example.org", sessions).send(_digest(1)).ok
        time.sleep(1.2)
        second = _channel(port, "second@example.org", sessions).send(_digest(2))
        sessions.close()
    assert second.ok
    assert box.recipients() == ["first@example.org", "second@example.org"]
    assert (box.sessions(), sessions.opened) == (2, 2)


def test_a_drop_within_the_probe_window_fails_before_any_data_and_the_next_digest_reconnects() -> None:
    sessions = SmtpSessions(probe_after=30.0)  # no NOOP: the relay's drop is found by MAIL FROM
    with relay(timeout=0.3) as (box, port):
        assert _channel(port, "first@example.org", sessions).send(_digest(1)).ok
        time.sleep(0.8)
        lost = _channel(port, "second@example.org", sessions).send(_digest(2))
        retried = _channel(port, "second@example.org", sessions).send(_digest(2))
        sessions.close()
    assert not lost.ok and lost.retryable  # the ledger sends it again later; nothing reached the relay
    assert retried.ok and box.recipients() == ["first@example.org", "second@example.org"]


def test_an_idle_connection_past_max_idle_is_not_trusted() -> None:
    now = [0.0]
    sessions = SmtpSessions(max_idle=10, clock=lambda: now[0])
    with relay() as (box, port):
        assert _channel(port, "a@example.org", sessions).send(_digest(1)).ok
        now[0] = 11.0
        assert _channel(port, "b@example.org", sessions).send(_digest(2)).ok
        sessions.close()
    assert (box.sessions(), sessions.opened) == (2, 2)


def test_a_refused_message_closes_its_connection_and_the_batch_goes_on() -> None:
    sessions = SmtpSessions()
    with relay() as (box, port):
        box.refuse.add("later@example.org")
        first = _channel(port, "a@example.org", sessions).send(_digest(1))
        refused = _channel(port, "later@example.org", sessions).send(_digest(2))
        after = [_channel(port, f"c{n}@example.org", sessions).send(_digest(3 + n)) for n in range(3)]
        sessions.close()
    assert first.ok and all(r.ok for r in after)
    assert not refused.ok and refused.retryable  # 451: the ledger retries it later
    assert box.recipients() == ["a@example.org", "c0@example.org", "c1@example.org", "c2@example.org"]
    assert sessions.opened == 2  # the refusal closed the first connection; the rest share a new one


def _args(email: str) -> argparse.Namespace:
    return argparse.Namespace(email=email, wecom_key=None, serverchan_key=None, pushplus_token=None, webhook=None,
                              outbox=False, city=[], source=[], topic=[], event=[], keyword=[], min_amount=None,
                              schedule="immediate", name=None, backlog_days=1)


def test_a_notify_run_sends_every_subscriber_through_one_connection_and_closes_it(tmp_path: Path) -> None:
    with relay() as (box, port):
        config = tmp_path / "policywatch.toml"
        config.write_text("[smtp]\ntimeout = 5\n", "utf-8")
        env = {"POLICYWATCH_DATA_DIR": str(tmp_path / "data"), "POLICYWATCH_SMTP_HOST": "127.0.0.1",
               "POLICYWATCH_SMTP_PORT": str(port), "POLICYWATCH_SMTP_SECURITY": "none",
               "POLICYWATCH_SMTP_SENDER": "monitor@example.org", "POLICYWATCH_SECRET": "reuse-test-secret"}
        app = App.open(load_settings(config, environ=env), clock=lambda: T0)
        for n in range(10):
            subscribe(app, _args(f"s{n}@example.org"))
        record = NoticeRecord(url="https://www.most.gov.cn/tztg/202612/t20261201_000001.html", source="most",
                              title="关于人工智能应用场景试点的通知", doc_number=None, issuers=("科技部",),
                              written_date=None, published_date=dt.date(2026, 12, 1), body="正文")
        with transaction(app.factory) as session:
            Repository(session).upsert_notice(record, "most", "tztg", T0)
        first, again = app.notify(), app.notify()
        assert (first.sent, again.sent) == (10, 0)
        # Two workers per endpoint (DispatchSettings.per_endpoint): at most two connections for ten digests.
        assert len(box.messages) == 10 and box.sessions() <= 2
        assert box.quits == box.sessions()  # nothing left open after the run
