"""Hostile webhook receivers and hostile webhook URLs (notifier/channels/http.py, policywatch/netguard.py).

Issue 12 item 6, measured on the old code: a 1.9 MB gzip reply pushed ``notify`` to 4.3 GB RSS, a
server trickling one byte a second held it 61 s despite (5, 20) s timeouts, a 307 re-POSTed the digest
to an internal URL and was reported sent, and a webhook on an internal address was simply called.
Each test below plays one of those servers (all on 127.0.0.1) and checks the send stops, fails
visibly and never reaches the internal service.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import logging
import resource
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from crawler.mirror_server import MirrorServer
from crawler.registry import select_sources
from crawler.runner import crawl
from crawler.sources import builtin_sources
from notifier.admin import subscribe
from notifier.channels import WebhookChannel, WeComBotChannel, build_channel
from notifier.channels.http import MAX_REPLY_BYTES, HttpTransport
from notifier.digest import Digest, DigestItem
from policywatch import cli
from policywatch.app import App
from policywatch.config import load_settings
from policywatch.errors import ConfigError
from policywatch.netguard import AllowList, refusal
from store.db import transaction
from store.models import Delivery, Subscriber, Subscription

Reply = Callable[[BaseHTTPRequestHandler], None]
LOOPBACK = ("127.0.0.1",)


class _Server:
    """A loopback HTTP server whose POST handler is a function writing the raw reply; logs every hit."""

    def __init__(self, reply: Reply) -> None:
        self.hits: list[str] = []
        self.bodies: list[bytes] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _record(self) -> None:
                outer.hits.append(f"{self.command} {self.path}")
                outer.bodies.append(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

            def do_POST(self) -> None:
                self._record()
                with contextlib.suppress(OSError):  # the client hung up: that is what the tests want
                    reply(self)

            do_GET = do_POST

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = int(self.httpd.server_address[1])
        self.url = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@contextmanager
def serving(reply: Reply) -> Iterator[_Server]:
    server = _Server(reply)
    try:
        yield server
    finally:
        server.close()


def ok_json(handler: BaseHTTPRequestHandler) -> None:
    body = b'{"errcode": 0, "errmsg": "ok"}'
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def _digest() -> Digest:
    import datetime as dt

    item = DigestItem(notice_id=1, change="new", title="关于开展人工智能试点的通知", url="https://www.most.gov.cn/a.html",
                      source_id="most", source_name="科技部", city="全国", issuers=("科技部",), doc_number=None,
                      date=dt.date(2026, 11, 1), events=())
    return Digest(digest_id="d-hostile-1", subscription_id=1, subscription_name="hostile",
                  created_at=dt.datetime(2026, 11, 2, tzinfo=dt.UTC), items=(item,))


# -- internal addresses ----------------------------------------------------------------------------

def test_webhook_on_a_loopback_ip_is_refused_without_the_allow_list() -> None:
    with serving(ok_json) as server:
        with pytest.raises(ConfigError, match=r"internal address 127\.0\.0\.1.*webhook_allow_hosts"):
            WebhookChannel(f"{server.url}/hook")
        allowed = WebhookChannel(f"{server.url}/hook", transport=HttpTransport(allow_hosts=LOOPBACK))
        assert allowed.send(_digest()).ok
    assert server.hits == ["POST /hook"]  # only the allow-listed channel reached it


def test_webhook_whose_name_resolves_internally_is_refused_at_send() -> None:
    """A name is only judged when sending (constructors stay offline): never POSTed, never 'sent'."""
    with serving(ok_json) as server:
        channel = WebhookChannel(f"http://localhost:{server.port}/hook")
        result = channel.send(_digest())
    assert not result.ok and not result.retryable, result
    assert "internal address 127.0.0.1" in result.detail and "not allow-listed" in result.detail
    assert server.hits == []


def test_a_name_rebound_to_loopback_after_the_check_is_caught_on_the_socket() -> None:
    """DNS rebinding: the check's lookup says public, the connection's lookup says 127.0.0.1."""
    with serving(ok_json) as server:
        public_then_local = HttpTransport(resolver=lambda h, p: ["93.184.215.14"])  # urllib3 then resolves for real
        result = WebhookChannel(f"http://localhost:{server.port}/hook", transport=public_then_local).send(_digest())
    assert not result.ok and not result.retryable, result
    assert "connected to internal address 127.0.0.1" in result.detail
    assert server.hits == []


def test_private_metadata_and_mixed_answers_are_refused_unresolvable_is_retryable() -> None:
    dns = {"intranet.example.org": ["10.1.2.3"], "meta.example.org": ["169.254.169.254"],
           "mixed.example.org": ["93.184.215.14", "192.168.1.1"], "v6.example.org": ["::1"],
           "mapped.example.org": ["::ffff:127.0.0.1"], "cgnat.example.org": ["100.64.0.1"]}
    for host in dns:
        why = refusal(host, 443, AllowList(), lambda h, p: dns[h])
        assert why is not None and why.permanent, host
    missing = refusal("gone.example.org", 443, AllowList(), lambda h, p: [])
    assert missing is not None and not missing.permanent  # DNS may come back
    assert refusal("hooks.example.org", 443, AllowList(), lambda h, p: ["93.184.215.14"]) is None
    allow = AllowList.parse(["intranet.example.org", "10.20.0.0/16"])
    assert refusal("intranet.example.org", 443, allow, lambda h, p: ["10.1.2.3"]) is None
    assert refusal("other.example.org", 443, allow, lambda h, p: ["10.20.3.4"]) is None
    assert refusal("other.example.org", 443, allow, lambda h, p: ["10.21.3.4"]) is not None
    for bad in ("", "a b", "a\tb", "10.0.0.0/33", "host/path"):
        with pytest.raises(ConfigError):
            AllowList.parse([bad])


def test_allow_list_reaches_the_channels_through_the_factory() -> None:
    with serving(ok_json) as server:
        target = {"kind": "webhook", "url": f"http://localhost:{server.port}/hook"}
        refused = build_channel(target).send(_digest())
        allowed = build_channel(target, options={"webhook_allow_hosts": ["localhost"]}).send(_digest())
        with pytest.raises(ConfigError):
            build_channel(target, options={"webhook_allow_hosts": "localhost"})  # a string, not a list
    assert not refused.ok and allowed.ok
    assert server.hits == ["POST /hook"]


# -- redirects ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_is_a_failure_and_is_never_followed(status: int) -> None:
    with serving(ok_json) as internal:
        def redirect(handler: BaseHTTPRequestHandler) -> None:
            handler.send_response(status)
            handler.send_header("Location", f"{internal.url}/steal?digest=1")
            handler.send_header("Content-Length", "0")
            handler.end_headers()

        with serving(redirect) as hook:
            # Both are on loopback and allowed: only the no-redirect rule stands between them.
            channel = WebhookChannel(f"{hook.url}/hook", transport=HttpTransport(allow_hosts=LOOPBACK))
            result = channel.send(_digest())
    assert not result.ok and not result.retryable, result
    assert f"HTTP {status} redirect" in result.detail and "not followed" in result.detail
    assert hook.hits == ["POST /hook"] and internal.hits == []


# -- reply size --------------------------------------------------------------------------------------

def _gzip_bomb(total: int = 2 * 1024 * 1024) -> bytes:
    """About `total` bytes of gzip that inflate ~1000-fold (2 MB -> ~2 GB), as concatenated members."""
    member = gzip.compress(b"0" * (8 * 1024 * 1024), compresslevel=9)
    return member * max(1, total // len(member))


def _bomb_reply(bomb: bytes) -> Reply:
    def reply(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Encoding", "gzip")
        handler.send_header("Content-Length", str(len(bomb)))
        handler.end_headers()
        handler.wfile.write(bomb)

    return reply


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def test_a_gzip_bomb_reply_is_cut_at_the_cap() -> None:
    bomb = _gzip_bomb()
    assert 1.5e6 < len(bomb) < 2.5e6
    with serving(_bomb_reply(bomb)) as server:
        before = _peak_rss_mb()
        started = time.monotonic()
        reply = HttpTransport(allow_hosts=LOOPBACK).post(f"{server.url}/hook", json={}, secrets=[])
        elapsed = time.monotonic() - started
        grown = _peak_rss_mb() - before
    assert reply.status == 200 and reply.payload is None
    assert reply.bytes_read == MAX_REPLY_BYTES and "larger than" in reply.error  # decoded bytes counted
    assert grown < 20, f"peak RSS grew {grown:.0f} MB"
    assert elapsed < 10


def test_json_channels_report_an_oversized_reply_as_a_failure_and_webhooks_ignore_it() -> None:
    with serving(_bomb_reply(_gzip_bomb(256 * 1024))) as server:
        wecom = WeComBotChannel("test-bot-key-0001", server.url, transport=HttpTransport(allow_hosts=LOOPBACK))
        pushed = wecom.send(_digest())
        hooked = WebhookChannel(f"{server.url}/hook", transport=HttpTransport(allow_hosts=LOOPBACK)).send(_digest())
    assert not pushed.ok and pushed.retryable and "larger than" in pushed.detail
    assert hooked.ok and "over the size cap" in hooked.detail  # the status decides; the body was dropped


# -- time --------------------------------------------------------------------------------------------

def _trickle(where: str) -> Reply:
    """One byte a second, for up to a minute, in the status/headers or in the body."""
    def reply(handler: BaseHTTPRequestHandler) -> None:
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 60\r\n\r\n"
        data = head + b" " * 60 if where == "headers" else head
        if where == "body":
            handler.wfile.write(head)
            handler.wfile.flush()
            data = b" " * 60
        for byte in data:
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(1.0)

    return reply


@pytest.mark.parametrize("where", ["headers", "body"])
def test_a_trickling_server_is_cut_by_the_total_deadline(where: str) -> None:
    with serving(_trickle(where)) as server:
        transport = HttpTransport(allow_hosts=LOOPBACK, timeout=(5.0, 20.0), deadline=2.0)
        started = time.monotonic()
        result = WebhookChannel(f"{server.url}/hook", transport=transport).send(_digest())
        elapsed = time.monotonic() - started
    assert not result.ok and result.retryable, result
    assert "deadline" in result.detail
    assert 1.5 < elapsed < 4.5, elapsed  # the per-read timeout (20 s) never fired: the deadline did


def test_the_deadline_watchdog_also_covers_a_kept_alive_connection() -> None:
    """The second POST reuses the first one's socket; its own deadline must still cut it."""
    calls: list[int] = []  # client port of each request

    def first_fast_then_trickle(handler: BaseHTTPRequestHandler) -> None:
        calls.append(handler.client_address[1])
        if len(calls) == 1:
            ok_json(handler)
            return
        _trickle("headers")(handler)

    with serving(first_fast_then_trickle) as server:
        transport = HttpTransport(allow_hosts=LOOPBACK, deadline=2.0)
        channel = WebhookChannel(f"{server.url}/hook", transport=transport)
        assert channel.send(_digest()).ok
        started = time.monotonic()
        second = channel.send(_digest())
        elapsed = time.monotonic() - started
    assert calls[0] == calls[1], calls  # really the same connection
    assert not second.ok and "deadline" in second.detail and elapsed < 4.5


def test_a_server_trickling_the_tls_handshake_is_cut_by_the_deadline() -> None:
    """Announces a 16 KiB handshake record, then sends it a byte every 0.4 s, so no single read times
    out. CPython bounds the whole handshake by the connect timeout, which must be capped at the
    deadline: with the configured 5 s it would take 5 s."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def trickle() -> None:
        conn, _ = listener.accept()
        with conn, contextlib.suppress(OSError):
            conn.sendall(b"\x16\x03\x03\x40\x00")  # TLS record header: handshake, 16384 bytes follow
            for _ in range(50):  # 20 s at most
                if stop.wait(0.4):
                    break
                conn.sendall(b"\x00")

    threading.Thread(target=trickle, daemon=True).start()
    try:
        transport = HttpTransport(allow_hosts=LOOPBACK, timeout=(5.0, 20.0), deadline=2.0)
        started = time.monotonic()
        url = f"https://127.0.0.1:{listener.getsockname()[1]}/hook"
        result = WebhookChannel(url, transport=transport).send(_digest())
        elapsed = time.monotonic() - started
    finally:
        stop.set()
        listener.close()
    assert not result.ok and result.retryable and "deadline" in result.detail, result
    assert elapsed < 4.5, elapsed


# -- bad URLs ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["http://hooks.example.org:99999/x", "http://hooks.example.org:abc/x",
                                 "http://hooks.example.org:0/x", "http://[::1/x", "http://hooks.example.org/a\nb",
                                 "http://hooks.example.org/a b"])
def test_a_bad_webhook_url_is_a_config_error(url: str) -> None:
    with pytest.raises(ConfigError):
        WebhookChannel(url)


@pytest.fixture
def root_logging() -> Iterator[None]:
    """`cli.main` installs its own handler on the root logger (on pytest's captured stderr): undo it."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.mark.usefixtures("root_logging")
def test_subscribe_with_a_bad_port_is_a_clear_error_not_a_traceback(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["--data-dir", str(tmp_path / "d"), "subscribe", "--webhook", "http://hooks.example.org:99999/x"])
    err = capsys.readouterr().err
    assert code == cli.EXIT_USAGE and "port" in err and "Traceback" not in err, err


# -- end to end through the ledger --------------------------------------------------------------------

def _args(**kw: Any) -> argparse.Namespace:
    base: dict[str, Any] = dict(email=None, wecom_key=None, serverchan_key=None, pushplus_token=None, webhook=None,
                                outbox=False, atom=None, city=[], source=[], topic=[], event=[], keyword=[],
                                min_amount=None, schedule="immediate", name=None, backlog_days=7)
    base.update(kw)
    return argparse.Namespace(**base)


def _stored(app: App, target: dict[str, str]) -> int:
    """A webhook subscription written straight to the database (an older version, or a hand edit)."""
    import datetime as dt

    from notifier.subscriptions import new_token

    with transaction(app.factory) as session:
        subscriber = Subscriber(name="stored", created_at=app.clock())
        session.add(subscriber)
        session.flush()
        sub = Subscription(subscriber_id=subscriber.id, kind="webhook", target=target, filters={},
                           schedule="immediate", active=True, token=new_token(), created_at=app.clock(),
                           since=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
        session.add(sub)
        session.flush()
        return int(sub.id)


def _deliveries(app: App) -> dict[int, tuple[str, str]]:
    with app.factory() as session:
        return {d.subscription_id: (d.status, d.last_error or "") for d in session.scalars(select(Delivery))}


def test_refused_and_broken_webhooks_end_dead_never_sent_and_the_allow_list_delivers(tmp_path: Path) -> None:
    env = {"POLICYWATCH_DATA_DIR": str(tmp_path / "d")}
    with serving(ok_json) as server:
        app = App.open(load_settings(environ=env))
        with MirrorServer() as mirror:
            asyncio.run(crawl(select_sources(builtin_sources(), ["most"]), app.settings, app.factory,
                              mirror=mirror.url, reactor=False, polite=False))
        with pytest.raises(ConfigError, match="internal address"):
            subscribe(app, _args(webhook=f"http://127.0.0.1:{server.port}/by-ip"))
        by_ip = _stored(app, {"url": f"http://127.0.0.1:{server.port}/by-ip"})
        by_name = _stored(app, {"url": f"http://localhost:{server.port}/by-name"})
        bad_port = _stored(app, {"url": "http://hooks.example.org:99999/bad-port"})
        refused = app.notify()
        rows = _deliveries(app)
        assert server.hits == []
        assert refused.sent == 0 and refused.failed == 3
        assert rows[by_ip][0] == "dead" and "internal address 127.0.0.1" in rows[by_ip][1]
        assert rows[by_name][0] == "dead" and "internal address 127.0.0.1" in rows[by_name][1]
        assert rows[bad_port][0] == "dead" and "port" in rows[bad_port][1]

        # The operator allows the intranet host by name in the config: a new subscription to it gets through.
        allowed_app = App.open(load_settings(environ={**env, "POLICYWATCH_WEBHOOK_ALLOW_HOSTS": "localhost"}))
        allowed = _stored(allowed_app, {"url": f"http://localhost:{server.port}/allowed"})
        delivered = allowed_app.notify()
        rows = _deliveries(allowed_app)
    assert rows[allowed][0] == "sent" and delivered.sent == 1
    assert server.hits == ["POST /allowed"]
    assert rows[by_name][0] == "dead"  # dead stays dead: no resend behind the operator's back


def test_a_typo_in_the_allow_list_stops_notify_before_any_digest_is_claimed(tmp_path: Path) -> None:
    settings = load_settings(environ={"POLICYWATCH_DATA_DIR": str(tmp_path / "d"),
                                      "POLICYWATCH_WEBHOOK_ALLOW_HOSTS": "10.0.0.0/33"})
    with pytest.raises(ConfigError, match="webhook_allow_hosts"):
        App.open(settings).notify()

