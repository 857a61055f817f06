"""The one way push channels talk HTTP: `HttpTransport.post`, bounded in size, time and reach.

A webhook URL is typed by a subscriber, and every reply comes from the network, so both are
hostile input. Measured before this module existed: a 1.9 MB gzip reply pushed ``notify`` to
4.3 GB RSS, a server trickling one byte a second held it 61 s despite (5, 20) s timeouts, and a
307 re-POSTed the digest to an internal URL and was reported sent. So every POST here:

- **reads at most `max_reply_bytes` of the decoded reply** (64 KiB; gzip is decoded in bounded
  steps, so a compression bomb stops at the cap) and then drops the connection;
- **ends at one wall-clock deadline** for connect + send + read: a watchdog shuts the socket down,
  which the per-socket-operation timeouts of `requests` cannot do against a trickle;
- **never follows a redirect**: a 3xx is the reply, judged a failure by `base.http_failure`;
- **goes only to public addresses** unless the host is in the operator's allow-list
  (``[notify] webhook_allow_hosts``, `policywatch.netguard`): the host is resolved and judged
  before connecting, and the address actually connected to is judged again, so a name that
  answers differently the second time (DNS rebinding) is caught too. Through an HTTP proxy the
  second check sees the proxy (which the operator chose), so only the first one applies.
"""

from __future__ import annotations

import contextlib
import contextvars
import json as jsonlib
import socket
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from notifier.channels.base import USER_AGENT, SendResult, redact, require
from policywatch.netguard import AllowList, Resolver, refusal, resolve_host

DEFAULT_TIMEOUT = (5.0, 20.0)  # (connect, read) seconds per socket operation
DEFAULT_DEADLINE = 30.0  # seconds for one whole exchange
MAX_REPLY_BYTES = 64 * 1024  # push APIs answer a few hundred bytes of JSON
_CHUNK = 8 * 1024
DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class HttpReply:
    """What a push API answered, or why there was no answer."""

    status: int | None  # None: no HTTP response (refused, connection error, deadline)
    payload: Any  # parsed JSON, or None
    error: str  # transport/parse problem, already redacted; "" when fine
    retryable: bool = True  # for status None: would trying again later help?
    bytes_read: int = 0  # decoded reply bytes read (never more than the cap)
    location: str = ""  # scheme://host of a redirect target, for the failure detail


class RefusedDestination(OSError):
    """The connected address is internal and not allow-listed. An OSError, so urllib3 treats it
    like any other connection failure (no request is sent on that socket)."""


class _Exchange:
    """One POST: its allow-list, its deadline watchdog and the sockets the watchdog may cut."""

    def __init__(self, allow: AllowList, seconds: float) -> None:
        self.allow = allow
        self.expired = False
        self.refused = ""  # why a connected address was refused, for the reply's detail
        self._lock = threading.Lock()
        self._watched: list[Any] = []  # HTTPConnection objects and raw sockets
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.cancel()

    def admit(self, conn: HTTPConnection, sock: socket.socket) -> None:
        """Judge the address `conn` really connected to; refuse an internal one."""
        if conn.proxy is None and not self.allow.allows_name(conn.host):
            peer = str(sock.getpeername()[0])
            if not self.allow.acceptable(peer):
                self.refused = f"{conn.host} connected to internal address {peer}, not allow-listed"
                sock.close()
                raise RefusedDestination(self.refused)
        self.watch(conn, sock)

    def watch(self, conn: HTTPConnection, raw: socket.socket | None = None) -> None:
        with self._lock:
            entry = _Watched(conn, raw)
            self._watched.append(entry)
            if self.expired:
                entry.cut()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for entry in self._watched:
                entry.cut()


@dataclass(frozen=True)
class _Watched:
    """A connection the watchdog may cut, with the raw socket it was opened on."""

    conn: HTTPConnection
    raw: socket.socket | None

    def cut(self) -> None:
        """Shut the socket down so a blocked read returns at once.

        `socket.socket.shutdown`, not `SSLSocket.shutdown`, which would also tear down the TLS
        object under the reading thread's feet. A raw socket wrapped by TLS is detached (fileno
        -1): then `conn.sock` is the wrapper. The TLS handshake itself needs no cutting: CPython
        bounds a whole handshake by the socket timeout, which `post` caps at the deadline.
        """
        live = [s for s in (self.conn.sock, self.raw) if s is not None and s.fileno() != -1]
        if live:
            with contextlib.suppress(OSError):  # already closed, by either side
                socket.socket.shutdown(live[0], socket.SHUT_RDWR)


_CURRENT: contextvars.ContextVar[_Exchange | None] = contextvars.ContextVar("policywatch_http", default=None)


def _exchange() -> _Exchange:
    current = _CURRENT.get()
    if current is None:  # fail closed: a guarded session used outside `HttpTransport.post`
        raise RefusedDestination("guarded HTTP connection used outside HttpTransport.post")
    return current


class _GuardedConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _exchange().admit(self, sock)
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        # A kept-alive connection was admitted by an earlier exchange: this one's watchdog must cut it too.
        _exchange().watch(self)
        super().request(*args, **kwargs)


class _GuardedHTTPSConnection(_GuardedConnection, HTTPSConnection):
    pass


class _GuardedPool(HTTPConnectionPool):
    ConnectionCls = _GuardedConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


_POOLS = {"http": _GuardedPool, "https": _GuardedHTTPSPool}


class _GuardedAdapter(HTTPAdapter):
    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _POOLS

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if proxy.lower().startswith(("http://", "https://")):  # SOCKS managers bring their own pools
            manager.pool_classes_by_scheme = _POOLS
        return manager


def _session() -> requests.Session:
    session = requests.Session()
    session.headers["User-Agent"] = USER_AGENT
    adapter = _GuardedAdapter(max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def _origin(url: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) of an http(s) URL; None when it is not one (or its port is bad)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    return parts.scheme, parts.hostname, port or DEFAULT_PORTS[parts.scheme]


def _read_capped(raw: urllib3.BaseHTTPResponse, cap: int) -> tuple[bytes, bool]:
    """At most `cap` decoded bytes of the body, and whether that was all of it."""
    body = bytearray()
    while len(body) <= cap:
        # decode_content: the cap counts decompressed bytes; urllib3 decodes at most `amt` per call.
        chunk = raw.read(min(_CHUNK, cap + 1 - len(body)), decode_content=True)
        if not chunk:
            return bytes(body), True
        body += chunk
    return bytes(body[:cap]), False


def _parse(body: bytes) -> Any:
    try:
        return jsonlib.loads(body)
    except ValueError:  # also UnicodeDecodeError
        return None


@contextmanager
def _active(exchange: _Exchange) -> Iterator[None]:
    token = _CURRENT.set(exchange)
    exchange.start()
    try:
        yield
    finally:
        exchange.stop()
        _CURRENT.reset(token)


class HttpTransport:
    """POSTs for one channel (or several sharing one configuration); see the module docstring."""

    def __init__(
        self,
        *,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        deadline: float = DEFAULT_DEADLINE,
        max_reply_bytes: int = MAX_REPLY_BYTES,
        allow_hosts: Iterable[str] = (),
        resolver: Resolver = resolve_host,
    ) -> None:
        require(len(tuple(timeout)) == 2 and all(t > 0 for t in timeout), "http timeout must be 2 positive numbers")
        require(deadline > 0, "http deadline must be positive")
        require(max_reply_bytes > 0, "max reply bytes must be positive")
        self.timeout = (float(timeout[0]), float(timeout[1]))
        self.deadline = float(deadline)
        self.max_reply_bytes = max_reply_bytes
        self.allow = AllowList.parse(allow_hosts, "[notify] webhook_allow_hosts")
        self._resolver = resolver
        self._session = _session()

    def __repr__(self) -> str:
        return f"HttpTransport(timeout={self.timeout}, deadline={self.deadline}, allow={sorted(self.allow.names)})"

    def post(
        self,
        url: str,
        *,
        secrets: Iterable[str | None],
        json: Any = None,
        data: Any = None,
        headers: dict[str, str] | None = None,
    ) -> HttpReply:
        """POST and parse a JSON reply; never raises for transport, size, time or address problems."""
        secrets = tuple(secrets)
        origin = _origin(url)
        if origin is None:
            return HttpReply(None, None, "not an http(s) URL with a valid port", retryable=False)
        _scheme, host, port = origin
        refused = refusal(host, port, self.allow, self._resolver)
        if refused is not None:
            return HttpReply(None, None, f"refused: {refused.reason}", retryable=not refused.permanent)
        exchange = _Exchange(self.allow, self.deadline)
        try:
            with _active(exchange):
                return self._exchange(url, json, data, headers)
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
            return self._failure(exc, exchange, secrets)

    def _exchange(self, url: str, json: Any, data: Any, headers: dict[str, str] | None) -> HttpReply:
        timeout = (min(self.timeout[0], self.deadline), min(self.timeout[1], self.deadline))
        response = self._session.post(url, json=json, data=data, headers=headers, timeout=timeout,
                                      stream=True, allow_redirects=False)
        try:
            body, complete = _read_capped(response.raw, self.max_reply_bytes)
        finally:
            response.close()  # an unread rest is dropped with the connection, never buffered
        location = ""
        if response.is_redirect:
            target = _origin(response.headers.get("Location", "")) or ("", "elsewhere", 0)
            location = f"{target[0]}://{target[1]}" if target[0] else target[1]
        if not complete:
            error = f"reply larger than {self.max_reply_bytes} bytes, not read"
            return HttpReply(response.status_code, None, error, bytes_read=len(body), location=location)
        return HttpReply(response.status_code, _parse(body), "", bytes_read=len(body), location=location)

    def _failure(self, exc: BaseException, exchange: _Exchange, secrets: tuple[str | None, ...]) -> HttpReply:
        if exchange.refused:
            return HttpReply(None, None, f"refused: {exchange.refused}", retryable=False)
        if exchange.expired:
            return HttpReply(None, None, f"no complete reply within the {self.deadline:g} s deadline")
        # requests and urllib3 put the full URL (with the key) into exception messages.
        return HttpReply(None, None, redact(f"{type(exc).__name__}: {exc}", secrets))


def http_failure(reply: HttpReply, service: str, sent: int = 0) -> SendResult | None:
    """Map a refusal, a transport failure or a non-2xx status to a SendResult; None if HTTP looks fine."""
    if reply.status is None:
        return SendResult(False, reply.retryable, f"{service}: {reply.error}", sent)
    if reply.status == 429 or reply.status >= 500:
        return SendResult(False, True, f"{service}: HTTP {reply.status}", sent)
    if reply.status >= 400:
        return SendResult(False, False, f"{service}: HTTP {reply.status} (rejected)", sent)
    if 300 <= reply.status < 400:
        # Never followed: a redirect could re-POST the digest anywhere (an internal URL included).
        where = f" to {reply.location}" if reply.location else ""
        return SendResult(False, False, f"{service}: HTTP {reply.status} redirect{where} not followed", sent)
    if not (200 <= reply.status < 300):
        return SendResult(False, False, f"{service}: unexpected HTTP {reply.status}", sent)
    return None
