"""E-mail channel against real aiosmtpd servers on 127.0.0.1 (plain, STARTTLS, TLS, AUTH)."""

from __future__ import annotations

import email
import email.policy
import logging
import ssl
from pathlib import Path
from typing import Any

import pytest
from notifier_builders import HOSTILE_TITLES, make_digest, make_item
from smtp_servers import free_port, make_self_signed, smtp_server

from notifier.channels import EmailChannel
from policywatch.errors import ConfigError

# aiosmtpd warns when AUTH is allowed without TLS; the plain-AUTH tests do that on purpose.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")

SENDER = "政策速递 <policywatch@example.org>"
RECIPIENT = "analyst@example.org"


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return make_self_signed(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="module")
def server_tls(certs: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certs)
    return context


@pytest.fixture(scope="module")
def client_tls(certs: tuple[Path, Path]) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(certs[0]))


def _channel(port: int = 25, **kwargs: Any) -> EmailChannel:
    settings: dict[str, Any] = {
        "host": "127.0.0.1",
        "port": port,
        "username": None,
        "password": None,
        "security": "none",
        "sender": SENDER,
        "recipient": RECIPIENT,
        "timeout": 5,
    }
    settings.update(kwargs)
    return EmailChannel(**settings)


def _parse(envelope: Any) -> email.message.EmailMessage:
    return email.message_from_bytes(envelope.content, policy=email.policy.default)  # type: ignore[return-value]


def _hostile_digest():
    return make_digest((make_item(1, title=HOSTILE_TITLES[0]), make_item(2)))


def _assert_digest_mail(envelope: Any) -> None:
    msg = _parse(envelope)
    assert envelope.rcpt_tos == [RECIPIENT]
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert str(msg["Subject"]) == "【政策速递】2 条新通知 · 深圳 1 · 杭州 1"
    assert "=?utf-8?" in envelope.content.decode("ascii").split("\r\n\r\n", 1)[0]  # RFC 2047 on the wire
    assert msg["List-Unsubscribe"] == "<https://policywatch.example.org/unsubscribe/TOKEN123>"
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg["Message-ID"] == "<d-2024-05-01-sub7@example.org>"
    html = msg.get_body(("html",)).get_content()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script" not in html
    assert "关于支持建设" in msg.get_body(("plain",)).get_content()


def test_plain_smtp_delivers_exactly_one_message() -> None:
    with smtp_server() as server:
        result = _channel(server.port).send(_hostile_digest())
        assert result.ok and result.messages_sent == 1, result
        assert len(server.mailbox.messages) == 1
        _assert_digest_mail(server.mailbox.messages[0])


def test_starttls_with_auth(server_tls: ssl.SSLContext, client_tls: ssl.SSLContext) -> None:
    with smtp_server(tls=server_tls, starttls=True, auth=("bot", "s3cret-authcode")) as server:
        channel = _channel(
            server.port,
            security="starttls",
            username="bot",
            password="s3cret-authcode",
            ssl_context=client_tls,
        )
        result = channel.send(_hostile_digest())
        assert result.ok, result
        assert len(server.mailbox.messages) == 1
        _assert_digest_mail(server.mailbox.messages[0])


def test_implicit_tls(server_tls: ssl.SSLContext, client_tls: ssl.SSLContext) -> None:
    with smtp_server(tls=server_tls, implicit_tls=True) as server:
        result = _channel(server.port, security="ssl", ssl_context=client_tls).send(_hostile_digest())
        assert result.ok, result
        assert len(server.mailbox.messages) == 1


@pytest.mark.parametrize(("mechanism", "exclude"), [("LOGIN", ("PLAIN",)), ("PLAIN", ("LOGIN",))])
def test_auth_mechanisms(mechanism: str, exclude: tuple[str, ...]) -> None:
    with smtp_server(auth=("bot", "pw-123"), exclude_mechanisms=exclude) as server:
        channel = _channel(server.port, username="bot", password="pw-123", allow_plaintext_auth=True)
        result = channel.send(make_digest(1))
        assert result.ok, result
        assert server.mailbox.auth_mechanisms == [mechanism]
        assert len(server.mailbox.messages) == 1


def test_wrong_password_is_not_retryable_and_not_leaked(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with smtp_server(auth=("bot", "right-pw")) as server:
        channel = _channel(server.port, username="bot", password="WRONG-pw-xyz", allow_plaintext_auth=True)
        result = channel.send(make_digest(1))
    assert not result.ok and not result.retryable
    assert "authentication failed" in result.detail
    assert "WRONG-pw-xyz" not in result.detail + repr(channel) + caplog.text
    assert server.mailbox.messages == []


def test_untrusted_certificate_is_not_retryable(server_tls: ssl.SSLContext) -> None:
    with smtp_server(tls=server_tls, starttls=True) as server:
        result = _channel(server.port, security="starttls").send(make_digest(1))  # default trust store
    assert not result.ok and not result.retryable and "certificate" in result.detail


def test_server_down_is_retryable() -> None:
    result = _channel(free_port()).send(make_digest(1))
    assert result == type(result)(ok=False, retryable=True, detail=result.detail)
    assert "ConnectionRefusedError" in result.detail


def test_message_id_is_stable_across_resends() -> None:
    channel = _channel(25)
    digest = make_digest(2)
    first, second = channel.build_message(digest), channel.build_message(digest)
    assert first["Message-ID"] == second["Message-ID"] == "<d-2024-05-01-sub7@example.org>"
    odd = channel.build_message(make_digest(1, digest_id="sub 7/2024 05"))
    assert odd["Message-ID"].startswith("<sub-7/2024-05.") and odd["Message-ID"].endswith("@example.org>")


def test_mailto_unsubscribe_when_no_public_url() -> None:
    digest = make_digest(
        1, unsubscribe_url=None, unsubscribe_mailto="mailto:unsub@example.org?subject=unsubscribe%20T1"
    )
    msg = _channel(25).build_message(digest)
    assert msg["List-Unsubscribe"] == "<mailto:unsub@example.org?subject=unsubscribe%20T1>"
    assert msg["List-Unsubscribe-Post"] is None


def test_header_injection_is_folded() -> None:
    digest = make_digest((make_item(1, source_name="深圳\r\nBcc: victim@example.org"),))
    msg = _channel(25).build_message(digest)
    assert "Bcc" not in msg
    assert "\n" not in str(msg["Subject"])


@pytest.mark.parametrize(
    "bad",
    [
        {"host": ""},
        {"port": 0},
        {"port": 70000},
        {"security": "tls"},
        {"username": "bot"},  # without password
        {"sender": "not-an-address"},
        {"sender": "bot@localhost"},
        {"recipient": "a@b.c\r\nBcc: x@y.z"},
        {"timeout": 0},
        {"username": "bot", "password": "授权码"},  # smtplib cannot send non-ASCII AUTH
    ],
)
def test_config_errors_at_construction(bad: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        _channel(**{"port": 25, **bad})


def test_repr_hides_password() -> None:
    channel = _channel(25, username="bot", password="hunter2-very-secret", security="starttls")
    assert "hunter2-very-secret" not in repr(channel) and "***" in repr(channel)


def test_plaintext_auth_is_refused_unless_explicitly_allowed() -> None:
    """security "none" + a password would put AUTH PLAIN (base64 of the password) on the wire."""
    with pytest.raises(ConfigError, match="cleartext"):
        _channel(25, username="bot", password="pw-123")
    _channel(25)  # no login: plain SMTP to a local relay stays fine
    _channel(25, username="bot", password="pw-123", allow_plaintext_auth=True)


def test_notify_never_sends_the_password_over_plain_smtp(tmp_path: Path) -> None:
    """End to end: a stored e-mail subscription with plaintext AUTH configured ends dead, and the
    server never sees an AUTH command; with allow_plaintext_auth the same mail goes out."""
    import asyncio
    import datetime as dt

    from sqlalchemy import select

    from crawler.mirror_server import MirrorServer
    from crawler.registry import select_sources
    from crawler.runner import crawl
    from crawler.sources import builtin_sources
    from notifier.subscriptions import new_token
    from policywatch.app import App
    from policywatch.config import load_settings
    from store.db import transaction
    from store.models import Delivery, Subscriber, Subscription

    with smtp_server(auth=("bot", "Plain-Pa55-9f")) as server:
        env = {"POLICYWATCH_DATA_DIR": str(tmp_path / "d"), "POLICYWATCH_SMTP_HOST": "127.0.0.1",
               "POLICYWATCH_SMTP_PORT": str(server.port), "POLICYWATCH_SMTP_SECURITY": "none",
               "POLICYWATCH_SMTP_USERNAME": "bot", "POLICYWATCH_SMTP_PASSWORD": "Plain-Pa55-9f",
               "POLICYWATCH_SMTP_SENDER": "monitor@example.org"}
        app = App.open(load_settings(environ=env))
        with MirrorServer() as mirror:
            asyncio.run(crawl(select_sources(builtin_sources(), ["most"]), app.settings, app.factory,
                              mirror=mirror.url, reactor=False, polite=False))
        with transaction(app.factory) as session:
            subscriber = Subscriber(name="analyst", created_at=app.clock())
            session.add(subscriber)
            session.flush()
            session.add(Subscription(subscriber_id=subscriber.id, kind="email", target={"address": RECIPIENT},
                                     filters={}, schedule="immediate", active=True, token=new_token(),
                                     created_at=app.clock(), since=dt.datetime(2000, 1, 1, tzinfo=dt.UTC)))
        refused = app.notify()
        with app.factory() as session:
            states = {(d.status, d.last_error) for d in session.scalars(select(Delivery))}
        assert refused.sent == 0 and refused.failed == 1
        assert {status for status, _ in states} == {"dead"}
        assert all("cleartext" in (error or "") for _, error in states)
        assert server.mailbox.auth_mechanisms == [] and server.mailbox.messages == []

        allowed = App.open(load_settings(environ={**env, "POLICYWATCH_SMTP_ALLOW_PLAINTEXT_AUTH": "true"}))
        with transaction(allowed.factory) as session:  # a fresh try of the same digest
            for row in session.scalars(select(Delivery)):
                row.status, row.next_attempt_at = "pending", dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
        assert allowed.notify().sent == 1
        assert len(server.mailbox.auth_mechanisms) == 1 and len(server.mailbox.messages) == 1
